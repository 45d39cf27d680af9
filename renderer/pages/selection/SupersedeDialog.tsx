/** Superseding a run, with the reason the record keeps. The statuses its draw set stay as they are. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelectionRun } from '../../../main/domain/selection/runTypes';
import { call, isApiCallError } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field, useFieldErrorText } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { formatInstant } from '../../format';
import { currentLanguage } from '../../i18n';

interface Props {
  run: SelectionRun;
  onClose: () => void;
  onDone: (run: SelectionRun) => void;
}

export function SupersedeDialog({ run, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const fieldText = useFieldErrorText();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (reason.trim() === '') {
      setProblem(t('sel.supersede.reasonRequired'));
      document.getElementById('sel-supersede-reason')?.focus();
      return;
    }
    setBusy(true);
    try {
      const done = await call('selection.supersede', { id: run.id, reason: reason.trim() });
      onDone(done);
    } catch (e) {
      const field = isApiCallError(e) ? e.fieldProblem('reason') : undefined;
      if (field) {
        setProblem(fieldText(field));
        document.getElementById('sel-supersede-reason')?.focus();
      } else setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('sel.supersede.title', { at: formatInstant(run.at, lang) })} onClose={onClose} describedBy="sel-supersede-text">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div id="sel-supersede-text">
          <p>{t('sel.supersede.text')}</p>
          {run.status === 'drawn' && <p className="notice sel-notice-warn">{t('sel.supersede.drawnText')}</p>}
        </div>
        <Field id="sel-supersede-reason" label={t('sel.supersede.reason')} error={problem} hint={t('sel.supersede.reasonHint')}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              maxLength={500}
              value={reason}
              data-autofocus
              onChange={(e) => {
                setReason(e.target.value);
                setProblem(null);
              }}
            />
          )}
        </Field>
        <ErrorNotice error={error} />
        <FormActions busy={busy} tone="danger" submitLabel={t('sel.supersede.submit')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
