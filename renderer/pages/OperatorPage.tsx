import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call, isApiCallError } from '../api';
import { useAppState } from '../components/AppState';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field, useFieldErrorText } from '../components/Field';
import { FormActions } from '../components/FormActions';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { useAction } from '../components/useAction';

/**
 * First question of every run: who is at the desk. Prefilled with the name given at the
 * previous start on this computer, selected, so the same person confirms with Enter and a new
 * one simply types over it: the audit log must name the person actually here.
 */
export function OperatorPage() {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const { status, setStatus } = useAppState();
  const [name, setName] = useState(status.lastOperator ?? '');
  const save = useAction(async () => setStatus(await call('app.setOperator', { name: name.trim() })), 'operator-name');
  const { busy, error } = save;
  const fieldError = isApiCallError(error) ? error.fieldProblem('name') : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    void save.run();
  }

  return (
    <div className="start-shell">
      <header className="start-header">
        <p className="product">Assembly Desk</p>
        <LanguageSwitcher compact />
      </header>
      <main id="main" className="start-main narrow">
        <h1 id="page-heading" tabIndex={-1}>
          {t('operator.title')}
        </h1>
        <p className="page-intro">{t('operator.intro')}</p>
        <form className="panel" onSubmit={submit} noValidate>
          <Field id="operator-name" label={t('operator.label')} hint={t('operator.hint')} error={fieldText(fieldError)}>
            {(p) => (
              <input {...p} type="text" autoComplete="off" autoFocus maxLength={80} value={name} onFocus={(e) => e.target.select()} onChange={(e) => setName(e.target.value)} />
            )}
          </Field>
          {!fieldError && <ErrorNotice error={error} />}
          <FormActions busy={busy} submitLabel={t('operator.submit')} />
        </form>
      </main>
    </div>
  );
}
