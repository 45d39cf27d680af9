/**
 * The dialogs that change a feature: rename it or one of its values, merge values that mean
 * the same ("M", "Man", "male"), delete it.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeatureInfo, FeatureValueInfo } from '../../../main/domain/recruitment/types';
import { call, isApiCallError } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field, useFieldErrorText } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { featureHeadingId } from './FeatureSection';
import { useAfterRender } from './QuotaInputs';

/** As the server compares names: case, accents and surrounding spaces do not count. */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .toLowerCase();
}

/** What a dialog tells the page when it is done: a sentence for the status line, and where focus goes. */
export interface DialogResult {
  message: string;
  focusId?: string;
}

function useDialogForm(focusOnError: string) {
  const later = useAfterRender();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<void>) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
      later(() => document.getElementById(focusOnError)?.focus());
    } finally {
      setBusy(false);
    }
  }
  return { error, busy, run, setError };
}

function fieldError(error: unknown, field: string, text: ReturnType<typeof useFieldErrorText>, nameTaken: string): string | null {
  if (!isApiCallError(error)) return null;
  const problem = error.fieldProblem(field);
  if (!problem) return null;
  return problem.rule === 'nameTaken' ? nameTaken : text(problem);
}

// ---------------------------------------------------------------------------------------------

export function RenameFeatureDialog({ feature, onClose, onDone }: { feature: FeatureInfo; onClose: () => void; onDone: (r: DialogResult) => void }) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const [name, setName] = useState(feature.name);
  const form = useDialogForm('rename-feature-name');
  const nameError = fieldError(form.error, 'name', fieldText, t('quotasPage.renameFeature.taken'));

  function submit(event: FormEvent) {
    event.preventDefault();
    void form.run(async () => {
      const renamed = await call('features.renameFeature', { featureId: feature.id, name: name.trim() });
      onDone({ message: t('quotasPage.renameFeature.done', { before: feature.name, after: renamed.name }) });
    });
  }

  return (
    <Dialog title={t('quotasPage.renameFeature.title', { name: feature.name })} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        {form.error !== null && !nameError && <ErrorNotice error={form.error} />}
        <Field id="rename-feature-name" label={t('quotasPage.renameFeature.label')} error={nameError} hint={t('quotasPage.renameFeature.hint')}>
          {(control) => <input {...control} type="text" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />}
        </Field>
        <FormActions busy={form.busy} submitLabel={t('quotasPage.renameFeature.submit')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

// ---------------------------------------------------------------------------------------------

interface RenameValueProps {
  feature: FeatureInfo;
  value: FeatureValueInfo;
  onClose: () => void;
  onDone: (r: DialogResult) => void;
  /** The name is taken by another value: offer to merge the two instead. */
  onMergeInstead: (valueIds: string[], into: string) => void;
}

export function RenameValueDialog({ feature, value, onClose, onDone, onMergeInstead }: RenameValueProps) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const [name, setName] = useState(value.value);
  const form = useDialogForm('rename-value-name');
  const exists = isApiCallError(form.error) && form.error.code === 'CONFLICT';
  const clash = exists ? feature.values.find((v) => v.id !== value.id && nameKey(v.value) === nameKey(name)) : undefined;
  const nameError = exists
    ? t('quotasPage.renameValue.exists', { value: clash?.value ?? name.trim(), feature: feature.name })
    : fieldError(form.error, 'value', fieldText, t('quotasPage.renameValue.exists', { value: name.trim(), feature: feature.name }));

  function submit(event: FormEvent) {
    event.preventDefault();
    void form.run(async () => {
      await call('features.renameValue', { valueId: value.id, value: name.trim() });
      onDone({ message: t('quotasPage.renameValue.done', { before: value.value, after: name.trim(), feature: feature.name }) });
    });
  }

  return (
    <Dialog title={t('quotasPage.renameValue.title', { value: value.value, feature: feature.name })} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        {form.error !== null && !nameError && <ErrorNotice error={form.error} />}
        <Field id="rename-value-name" label={t('quotasPage.renameValue.label')} error={nameError} hint={t('quotasPage.renameValue.hint')}>
          {(control) => (
            <input
              {...control}
              type="text"
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                form.setError(null);
              }}
              autoComplete="off"
            />
          )}
        </Field>
        {clash && (
          <div className="quota-notice-info merge-suggestion">
            <p>{t('quotasPage.renameValue.suggestMerge', { value: value.value, other: clash.value })}</p>
            <button type="button" className="button button-small" onClick={() => onMergeInstead([clash.id, value.id], clash.value)}>
              {t('quotasPage.renameValue.mergeInstead', { value: value.value, other: clash.value })}
            </button>
          </div>
        )}
        <FormActions busy={form.busy} submitLabel={t('quotasPage.renameValue.submit')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

// ---------------------------------------------------------------------------------------------

interface MergeProps {
  feature: FeatureInfo;
  valueIds: string[];
  /** The suggested merged name (else the value most people have). */
  into?: string;
  onClose: () => void;
  onDone: (r: DialogResult) => void;
}

export function MergeValuesDialog({ feature, valueIds, into, onClose, onDone }: MergeProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const fieldText = useFieldErrorText();
  const values = feature.values.filter((v) => valueIds.includes(v.id));
  const largest = [...values].sort((a, b) => b.poolCount - a.poolCount)[0];
  const [name, setName] = useState(into ?? largest?.value ?? '');
  const form = useDialogForm('merge-values-name');
  const nameError = fieldError(form.error, 'into', fieldText, '');
  const people = values.reduce((s, v) => s + v.poolCount, 0);
  // A name that another (unselected) value already has: the selected ones join that value.
  const joins = feature.values.find((v) => !valueIds.includes(v.id) && nameKey(v.value) === nameKey(name));

  function submit(event: FormEvent) {
    event.preventDefault();
    void form.run(async () => {
      await call('features.mergeValues', { valueIds: values.map((v) => v.id), into: name.trim() });
      onDone({
        message: t('quotasPage.merge.done', { count: values.length, n: formatNumber(values.length, lang), into: name.trim(), feature: feature.name }),
        focusId: featureHeadingId(feature.id),
      });
    });
  }

  return (
    <Dialog title={t('quotasPage.merge.title', { feature: feature.name })} onClose={onClose} describedBy="merge-values-text">
      <form onSubmit={submit} noValidate>
        <p id="merge-values-text">{t('quotasPage.merge.text', { count: people, n: formatNumber(people, lang) })}</p>
        <ul className="merge-list">
          {values.map((v) => (
            <li key={v.id}>
              <strong>{v.value}</strong>{' '}
              <span className="muted">· {t('recruitment.people', { count: v.poolCount, n: formatNumber(v.poolCount, lang) })}</span>
            </li>
          ))}
        </ul>
        {form.error !== null && !nameError && <ErrorNotice error={form.error} />}
        <Field id="merge-values-name" label={t('quotasPage.merge.label')} error={nameError} hint={t('quotasPage.merge.hint')}>
          {(control) => <input {...control} type="text" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />}
        </Field>
        {joins && <p className="quota-notice-info">{t('quotasPage.merge.joinsExisting', { value: joins.value })}</p>}
        <p className="field-hint">{t('quotasPage.merge.quotasCleared')}</p>
        <FormActions
          busy={form.busy}
          disabled={values.length < 2}
          submitLabel={t('quotasPage.merge.submit', { count: values.length, n: formatNumber(values.length, lang) })}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}

// ---------------------------------------------------------------------------------------------

export function DeleteFeatureDialog({ feature, onClose, onDone }: { feature: FeatureInfo; onClose: () => void; onDone: (r: DialogResult) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const form = useDialogForm('delete-feature-error');
  const people = feature.values.reduce((s, v) => s + v.poolCount, 0);

  function confirm() {
    void form.run(async () => {
      await call('features.delete', { featureId: feature.id });
      onDone({ message: t('quotasPage.delete.done', { name: feature.name }), focusId: 'quota-checks-title' });
    });
  }

  return (
    <Dialog title={t('quotasPage.delete.title', { name: feature.name })} onClose={onClose} role="alertdialog" describedBy="delete-feature-text">
      <div id="delete-feature-text">
        <p>
          {t('quotasPage.delete.text', {
            name: feature.name,
            values: t('quotasPage.feature.valueCount', { count: feature.values.length, n: formatNumber(feature.values.length, lang) }),
            people: t('recruitment.people', { count: people, n: formatNumber(people, lang) }),
          })}
        </p>
        <p>{t('quotasPage.delete.keep')}</p>
      </div>
      <ErrorNotice error={form.error} id="delete-feature-error" />
      <FormActions busy={form.busy} tone="danger" submitLabel={t('quotasPage.delete.confirm')} onConfirm={confirm} onCancel={onClose} cancelFirst />
    </Dialog>
  );
}
