/**
 * Make bands: a new feature cut from a numeric one (household size 1, 2, 3-4, 5+) or from the
 * birth year (age 16-24, 25-34, …), since quotas are set per band, never per exact number.
 */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Band, FeatureInfo } from '../../../main/domain/recruitment/types';
import { call, isApiCallError } from '../../api';
import { DataTable } from '../../components/DataTable';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field, useFieldErrorText } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import type { DialogResult } from './FeatureDialogs';
import { featureHeadingId } from './FeatureSection';
import { CellInput, useAfterRender } from './QuotaInputs';

const BIRTH_YEAR = 'birthYear';

interface BandRow {
  key: number;
  label: string;
  min: string;
  max: string;
}

const AGE_BANDS: [string, number, number][] = [
  ['16-24', 16, 24],
  ['25-34', 25, 34],
  ['35-44', 35, 44],
  ['45-54', 45, 54],
  ['55-64', 55, 64],
  ['65+', 65, 120],
];

/** As the server reads numeric values: "34", "34.0", "-2", "34,0". */
const NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/** Features whose every (non-blank) value is a number: those can be banded. */
export function numericFeatures(features: readonly FeatureInfo[]): FeatureInfo[] {
  return features.filter((f) => {
    const values = f.values.map((v) => v.value.trim()).filter((v) => v !== '');
    return values.length > 0 && values.every((v) => NUMBER.test(v));
  });
}

function wholeNumber(text: string): number | null {
  const s = text.trim();
  return /^[+-]?\d+$/.test(s) ? Number(s) : null;
}

interface BandProblem {
  rule: string;
  index: number;
  message: string;
  params?: Record<string, string | number>;
}

function bandProblemsOf(error: unknown): BandProblem[] {
  if (!isApiCallError(error)) return [];
  const raw = error.details.bandProblems;
  return Array.isArray(raw) ? (raw.filter((p) => typeof p === 'object' && p !== null && typeof (p as BandProblem).index === 'number') as BandProblem[]) : [];
}

function stringList(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.map(String) : [];
}

export function FeatureBandsDialog({ features, onClose, onDone }: { features: FeatureInfo[]; onClose: () => void; onDone: (r: DialogResult) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const fieldText = useFieldErrorText();
  const numeric = numericFeatures(features);
  const nextKey = useRef(100);
  const ageRows = (): BandRow[] => AGE_BANDS.map(([label, min, max], i) => ({ key: i, label, min: String(min), max: String(max) }));
  const [source, setSource] = useState<string>(BIRTH_YEAR);
  const [name, setName] = useState(t('quotasPage.bands.defaultAgeName'));
  const [rows, setRows] = useState<BandRow[]>(ageRows);
  const [error, setError] = useState<unknown>(null);
  const [localErrors, setLocalErrors] = useState<Record<number, { min?: string; max?: string }>>({});
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const later = useAfterRender();

  function changeSource(next: string) {
    setSource(next);
    setError(null);
    setLocalErrors({});
    if (next === BIRTH_YEAR) {
      setName(t('quotasPage.bands.defaultAgeName'));
      setRows(ageRows());
    } else {
      const f = numeric.find((x) => x.id === next);
      setName(t('quotasPage.bands.defaultName', { feature: f?.name ?? '' }));
      setRows([{ key: nextKey.current++, label: '', min: '', max: '' }]);
    }
  }

  // A refusal is about the bands as they were: it goes as soon as they change.
  const setRow = (key: number, patch: Partial<BandRow>) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    setError(null);
  };
  const addRow = () => {
    setError(null);
    const key = nextKey.current++;
    setRows((rs) => [...rs, { key, label: '', min: '', max: '' }]);
    later(() => document.getElementById(`band-${key}-label`)?.focus());
  };
  const removeRow = (index: number) => {
    setError(null);
    setRows((rs) => rs.filter((_, i) => i !== index));
    // Focus stays in the list: on the row that took this one's place, or the add button.
    later(() => {
      const next = formRef.current?.querySelectorAll<HTMLElement>('.band-row')[index]?.querySelector<HTMLElement>('input') ?? document.getElementById('band-add');
      next?.focus();
    });
  };

  const serverProblems = bandProblemsOf(error);
  const problemText = (p: BandProblem) => {
    const key = `quotasPage.bands.problem.${p.rule}`;
    return t(key, { ...(p.params ?? {}), defaultValue: p.message });
  };
  const rowFieldError = (i: number, field: 'label' | 'min' | 'max'): string | null => {
    const local = field === 'label' ? undefined : localErrors[i]?.[field];
    if (local) return local;
    if (!isApiCallError(error)) return null;
    const problem = error.fieldProblem(`bands.${i}.${field}`);
    return problem ? fieldText(problem) : null;
  };
  const nameProblem = isApiCallError(error) ? error.fieldProblem('name') : undefined;
  const nameError = nameProblem ? (nameProblem.rule === 'nameTaken' ? t('quotasPage.renameFeature.taken') : fieldText(nameProblem)) : null;

  // The file's values or people that cannot be placed in a band.
  let valuesProblem: string[] | null = null;
  if (isApiCallError(error) && error.i18nKey === 'errors.bandValues') {
    const unparseable = stringList(error.details.unparseable);
    const outside = stringList(error.details.outside);
    valuesProblem = [
      ...(unparseable.length > 0 ? [t('quotasPage.bands.unparseable', { values: unparseable.slice(0, 20).join(', ') })] : []),
      ...(outside.length > 0 ? [t('quotasPage.bands.outside', { values: outside.slice(0, 20).join(', ') })] : []),
    ];
  } else if (isApiCallError(error) && error.i18nKey === 'errors.bandAges') {
    const missing = Number(error.details.missing) || 0;
    const outside = Number(error.details.outside) || 0;
    valuesProblem = [
      ...(missing > 0 ? [t('quotasPage.bands.missingBirthYear', { count: missing, n: formatNumber(missing, lang) })] : []),
      ...(outside > 0 ? [t('quotasPage.bands.ageOutside', { count: outside, n: formatNumber(outside, lang) })] : []),
    ];
  }
  const listTitle = source === BIRTH_YEAR ? t('quotasPage.bands.listAge') : t('quotasPage.bands.list');
  const handled = valuesProblem !== null || serverProblems.length > 0 || nameError !== null || (isApiCallError(error) && error.fields.length > 0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const problems: Record<number, { min?: string; max?: string }> = {};
    const bands: Band[] = rows.map((r, i) => {
      const min = wholeNumber(r.min);
      const max = wholeNumber(r.max);
      if (min === null) (problems[i] ??= {}).min = t('quotasPage.bands.wholeNumber');
      if (max === null) (problems[i] ??= {}).max = t('quotasPage.bands.wholeNumber');
      const label = r.label.trim() || (min !== null && max !== null ? `${min}-${max}` : '');
      return { label, min: min ?? 0, max: max ?? 0 };
    });
    setLocalErrors(problems);
    setError(null);
    if (Object.keys(problems).length > 0) {
      later(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    try {
      const created = await call('features.band', {
        source: source === BIRTH_YEAR ? { birthYear: true } : { featureId: source },
        name: name.trim(),
        bands,
      });
      onDone({
        message: t('quotasPage.bands.done', { name: created.name, count: created.values.length, n: formatNumber(created.values.length, lang) }),
        focusId: featureHeadingId(created.id),
      });
    } catch (e) {
      setError(e);
      later(() => {
        const target = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? document.getElementById('bands-error');
        target?.focus();
        target?.scrollIntoView({ block: 'nearest' });
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('quotasPage.bands.title')} onClose={onClose} describedBy="bands-intro">
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate className="bands-form">
        <p id="bands-intro">{t('quotasPage.bands.intro')}</p>
        <Field id="bands-source" label={t('quotasPage.bands.source')} hint={numeric.length === 0 ? t('quotasPage.bands.noNumeric') : undefined}>
          {(control) => (
            <select {...control} value={source} onChange={(e) => changeSource(e.target.value)}>
              <option value={BIRTH_YEAR}>{t('quotasPage.bands.fromBirthYear')}</option>
              {numeric.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="bands-name" label={t('quotasPage.bands.name')} error={nameError} hint={t('quotasPage.bands.nameHint')}>
          {(control) => <input {...control} type="text" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />}
        </Field>

        <fieldset className="bands-fieldset">
          <legend>{listTitle}</legend>
          <p className="field-hint">{t('quotasPage.bands.listHint')}</p>
          <DataTable
            className="compact band-table"
            caption={listTitle}
            columns={[t('quotasPage.bands.labelColumn'), t('quotasPage.bands.min'), t('quotasPage.bands.max'), { label: t('quotasPage.table.actions'), hidden: true }]}
            wrap={false}
          >
            {rows.map((r, i) => {
              const rowProblems = serverProblems.filter((p) => p.index === i);
              const labelError = rowFieldError(i, 'label');
              const problemsId = rowProblems.length > 0 ? `band-${r.key}-problems` : undefined;
              const suggested = wholeNumber(r.min) !== null && wholeNumber(r.max) !== null ? `${wholeNumber(r.min)}-${wholeNumber(r.max)}` : '';
              return (
                <tr key={r.key} className="band-row">
                  <td className="band-label-cell">
                    <label htmlFor={`band-${r.key}-label`} className="visually-hidden">
                      {t('quotasPage.bands.label', { n: i + 1 })}
                    </label>
                    <input
                      id={`band-${r.key}-label`}
                      type="text"
                      value={r.label}
                      placeholder={suggested}
                      onChange={(e) => setRow(r.key, { label: e.target.value })}
                      autoComplete="off"
                      aria-invalid={labelError || rowProblems.length > 0 ? true : undefined}
                      aria-describedby={[labelError ? `band-${r.key}-label-error` : '', problemsId ?? ''].filter(Boolean).join(' ') || undefined}
                    />
                    {labelError && (
                      <p className="field-error cell-error" id={`band-${r.key}-label-error`}>
                        <span aria-hidden="true" className="field-error-mark">!</span> {labelError}
                      </p>
                    )}
                    {rowProblems.length > 0 && (
                      <ul className="band-problems" id={problemsId}>
                        {rowProblems.map((p, k) => (
                          <li key={k} className="field-error">
                            <span aria-hidden="true" className="field-error-mark">!</span> {problemText(p)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  {(['min', 'max'] as const).map((bound) => (
                    <td key={bound}>
                      <CellInput
                        id={`band-${r.key}-${bound}`}
                        label={t(bound === 'min' ? 'quotasPage.bands.minLabel' : 'quotasPage.bands.maxLabel', { n: i + 1 })}
                        value={r[bound]}
                        onChange={(text) => setRow(r.key, { [bound]: text })}
                        error={rowFieldError(i, bound)}
                        signed
                      />
                    </td>
                  ))}
                  <td className="band-remove-cell">
                    <button
                      type="button"
                      className="button button-small button-danger-outline"
                      onClick={() => removeRow(i)}
                      disabled={rows.length <= 1}
                      aria-label={t('quotasPage.bands.removeNamed', { n: i + 1 })}
                    >
                      {t('quotasPage.bands.remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </DataTable>
          <button type="button" id="band-add" className="button button-small" onClick={addRow} disabled={rows.length >= 50}>
            {t('quotasPage.bands.add')}
          </button>
        </fieldset>

        {error !== null && (
          <div id="bands-error" tabIndex={-1}>
            {valuesProblem ? (
              <div className="notice notice-error" role="alert">
                <p>{source === BIRTH_YEAR ? t('quotasPage.bands.agesFailed') : t('quotasPage.bands.valuesFailed', { feature: numeric.find((f) => f.id === source)?.name ?? '' })}</p>
                <ul>
                  {valuesProblem.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </div>
            ) : serverProblems.length > 0 ? (
              <div className="notice notice-error" role="alert">
                <p>{t('quotasPage.bands.bandsFailed')}</p>
              </div>
            ) : !handled ? (
              <ErrorNotice error={error} />
            ) : null}
          </div>
        )}

        <FormActions busy={busy} submitLabel={t('quotasPage.bands.submit')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
