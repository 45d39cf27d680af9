import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../preload/contract';
import { call, isApiCallError } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { fullName } from './PersonShared';

interface Props {
  person: PersonDetail;
  onErased: (p: PersonDetail) => void;
  /** Where the focus goes once the erase button is gone. */
  onFocusAfter: () => void;
}

/** Data-protection erasure: wipes what identifies the person, keeps the code and feature values. */
export function PersonErase({ person, onErased, onFocusAfter }: Props) {
  const { t } = useTranslation();
  const prefix = useId();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const next = await call('people.erase', { id: person.id, confirmCode: typed.trim() });
      setOpen(false);
      onErased(next);
      // After the confirmation has closed and given the focus back (to a button now gone).
      setTimeout(onFocusAfter, 0);
    } catch (e) {
      setError(e);
      document.getElementById(`${prefix}-code`)?.focus();
    } finally {
      setBusy(false);
    }
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
          setError(null);
          setOpen(true);
        }}
      >
        {t('peoplePage.erase.open')}
      </button>
      {open && (
        <Dialog title={t('peoplePage.erase.confirmTitle', { name: fullName(person) })} onClose={() => setOpen(false)} role="alertdialog" describedBy={`${prefix}-explain`}>
          <form onSubmit={(e) => void submit(e)} noValidate>
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
            <div className="form-actions">
              <button type="submit" className="button button-danger" disabled={busy}>
                {busy ? t('common.busy') : t('peoplePage.erase.confirm', { code: person.code })}
              </button>
              <button type="button" className="button" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        </Dialog>
      )}
    </section>
  );
}
