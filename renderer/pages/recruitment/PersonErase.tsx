import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../main/domain/recruitment/types';
import { call, isApiCallError } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { useAction } from '../../components/useAction';
import { fullName } from './PersonShared';
import { currentLanguage } from '../../i18n';
import { formatInstant } from '../../format';
import type { ErasureReach } from '../../../main/domain/recruitment/types';

interface Props {
  person: PersonDetail;
  onErased: (p: PersonDetail & { erasure: ErasureReach }) => void;
  /** Where the focus goes once the erase button is gone. */
  onFocusAfter: () => void;
}

/** Data-protection erasure: wipes what identifies the person, keeps the code and feature values. */
export function PersonErase({ person, onErased, onFocusAfter }: Props) {
  const { t } = useTranslation();
  const prefix = useId();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const erase = useAction(async () => {
    const next = await call('people.erase', { id: person.id, confirmCode: typed.trim() });
    setOpen(false);
    onErased(next);
    // After the confirmation has closed and given the focus back (to a button now gone).
    setTimeout(onFocusAfter, 0);
  }, `${prefix}-code`);
  const { error, busy } = erase;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!busy) void erase.run();
  }

  const codeProblem = isApiCallError(error) ? error.fieldProblem('confirmCode') : undefined;
  const codeError = codeProblem ? t('peoplePage.erase.wrongCode', { code: person.code }) : null;

  return (
    <section className="person-section person-danger-zone" aria-labelledby={`${prefix}-title`}>
      <h3 id={`${prefix}-title`}>{t('peoplePage.erase.title')}</h3>
      <p>{t('peoplePage.erase.summary')}</p>
      <button
        type="button"
        className="button button-danger-outline"
        onClick={() => {
          setTyped('');
          erase.clearError();
          setOpen(true);
        }}
      >
        {t('peoplePage.erase.open')}
      </button>
      {open && (
        <Dialog title={t('peoplePage.erase.confirmTitle', { name: fullName(person) })} onClose={() => setOpen(false)} role="alertdialog" describedBy={`${prefix}-explain`}>
          <form onSubmit={submit} noValidate>
            <div id={`${prefix}-explain`}>
              <p>{t('peoplePage.erase.wiped')}</p>
              <p>{t('peoplePage.erase.kept')}</p>
              <p>
                <strong>{t('peoplePage.erase.final')}</strong>
              </p>
            </div>
            {error && !codeProblem ? <ErrorNotice error={error} /> : null}
            <Field id={`${prefix}-code`} label={t('peoplePage.erase.typeCode', { code: person.code })} error={codeError}>
              {(p) => (
                <input {...p} type="text" className="input-short person-code-input" autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} data-autofocus />
              )}
            </Field>
            <FormActions busy={busy} tone="danger" submitLabel={t('peoplePage.erase.confirm', { code: person.code })} onCancel={() => setOpen(false)} />
          </form>
        </Dialog>
      )}
    </section>
  );
}

/** Where an erasure reached: the backups changed, those it could not change, and copies elsewhere to delete. */
export function ErasureReachNotice({ reach }: { reach: ErasureReach }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <div className="person-erasure-reach" role="status">
      <p>
        <strong>{t('peoplePage.erase.reachTitle')}</strong>
      </p>
      <p>{t('peoplePage.erase.reachBackups', { count: reach.backupsErased })}</p>
      {reach.backupsFailed.length > 0 && <p>{t('peoplePage.erase.reachFailed', { names: reach.backupsFailed.map((f) => f.name).join(', ') })}</p>}
      {reach.copiesElsewhere.length > 0 && (
        <>
          <p>{t('peoplePage.erase.reachCopies')}</p>
          <ul>
            {reach.copiesElsewhere.map((c) => (
              <li key={`${c.path}-${c.at}`}>{t('peoplePage.erase.reachCopy', { path: c.path, at: formatInstant(c.at, lang), operator: c.operator })}</li>
            ))}
          </ul>
        </>
      )}
      {!reach.logCleared && <p>{t('peoplePage.erase.reachLog')}</p>}
    </div>
  );
}
