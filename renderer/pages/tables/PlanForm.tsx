/**
 * The settings of a new plan for a round: table size, what to do with each feature, who is
 * seated, the time the search may take, an optional seed, people pinned to a table and pairs
 * kept apart. "Make the plan" calls tables.plan; the field problems show beside their fields.
 */
import { useRef, useState, type FormEvent } from 'react';
import { useFeatureLabels } from '../../components/content';
import { useTranslation } from 'react-i18next';
import type { TableFeatureMode, TablePlan, TablePlanSettings } from '../../../main/domain/tables/types';
import { call, isApiCallError } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field, useFieldErrorText } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { useAction, useFocusOnError } from '../../components/useAction';
import { defaultMode, personLabel, MAX_EFFORT, type Person } from './shared';

const MODES: TableFeatureMode[] = ['diversify', 'cluster', 'ignore'];

interface Props {
  sessionId: string;
  round: number;
  features: string[];
  people: Person[];
  presentCount: number;
  /** The round's current plan, whose settings the form starts from. */
  previous: TablePlan | null;
  onPlanned: (plan: TablePlan, tookMs: number) => void;
  onCancel?: () => void;
}

export function PlanForm({ sessionId, round, features, people, presentCount, previous, onPlanned, onCancel }: Props) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const labels = useFeatureLabels();
  const form = useRef<HTMLFormElement>(null);
  const start = previous?.settings;
  const [tableSize, setTableSize] = useState(String(start?.tableSize ?? 8));
  const [modes, setModes] = useState<Record<string, TableFeatureMode>>(() =>
    Object.fromEntries(features.map((f) => [f, start ? (start.modes[f] ?? 'ignore') : defaultMode(f)])),
  );
  const [source, setSource] = useState<TablePlanSettings['source']>(start?.source ?? 'confirmed');
  const [effort, setEffort] = useState('1');
  const [seed, setSeed] = useState('');
  const [pins, setPins] = useState<TablePlanSettings['pins']>(start?.pins ?? []);
  const [apart, setApart] = useState<TablePlanSettings['apart']>(start?.apart ?? []);
  const [pinPerson, setPinPerson] = useState('');
  const [pinTable, setPinTable] = useState('1');
  const [apartA, setApartA] = useState('');
  const [apartB, setApartB] = useState('');
  const [localProblem, setLocalProblem] = useState<{ field: 'pin' | 'apart'; text: string } | null>(null);

  const byId = new Map(people.map((p) => [p.personId, p]));
  const nameOf = (id: string) => {
    const p = byId.get(id);
    return p ? personLabel(p) : t('tablesPage.form.unknownPerson');
  };

  const { run, busy, error } = useAction(async () => {
    const started = performance.now();
    const plan = await call('tables.plan', {
      sessionId,
      round,
      tableSize: Number(tableSize),
      modes,
      source,
      pins,
      apart,
      effort: effort.trim() === '' ? Number.NaN : Number(effort),
      ...(seed.trim() !== '' ? { seed: Number(seed) } : {}),
    });
    onPlanned(plan, performance.now() - started);
  });
  useFocusOnError(form, error);
  const problem = (field: string) => (isApiCallError(error) ? fieldText(error.fieldProblem(field)) : null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run();
  };

  const addPin = () => {
    const table = Number(pinTable);
    if (!pinPerson || !Number.isInteger(table) || table < 1) {
      setLocalProblem({ field: 'pin', text: t('tablesPage.form.pinIncomplete') });
      return;
    }
    setPins([...pins.filter((p) => p.personId !== pinPerson), { personId: pinPerson, table }]);
    setPinPerson('');
    setLocalProblem(null);
  };

  const addApart = () => {
    if (!apartA || !apartB || apartA === apartB) {
      setLocalProblem({ field: 'apart', text: t('tablesPage.form.apartIncomplete') });
      return;
    }
    if (!apart.some(([x, y]) => (x === apartA && y === apartB) || (x === apartB && y === apartA))) setApart([...apart, [apartA, apartB]]);
    setApartA('');
    setApartB('');
    setLocalProblem(null);
  };

  const personOptions = (
    <>
      <option value="">{t('tablesPage.form.choosePerson')}</option>
      {people.map((p) => (
        <option key={p.personId} value={p.personId}>
          {personLabel(p)}
        </option>
      ))}
    </>
  );

  return (
    <form ref={form} className="panel tables-form" onSubmit={submit} noValidate aria-labelledby="tables-form-title">
      <h2 id="tables-form-title">{previous ? t('tablesPage.form.titleAgain', { round }) : t('tablesPage.form.title', { round })}</h2>
      <div className="tables-form-grid">
        <div>
          <Field id="tables-size" label={t('tablesPage.form.tableSize')} hint={t('tablesPage.form.tableSizeHint')} error={problem('tableSize')}>
            {(c) => <input {...c} type="number" min={2} max={50} className="input-short" value={tableSize} onChange={(e) => setTableSize(e.target.value)} />}
          </Field>
          <fieldset className="field">
            <legend>{t('tablesPage.form.source')}</legend>
            <div className="radio-row">
              <label className="radio">
                <input type="radio" name="tables-source" value="confirmed" checked={source === 'confirmed'} onChange={() => setSource('confirmed')} />
                {t('tablesPage.form.sourceConfirmed', { count: people.length })}
              </label>
              <label className="radio">
                <input type="radio" name="tables-source" value="present" checked={source === 'present'} onChange={() => setSource('present')} />
                {t('tablesPage.form.sourcePresent', { count: presentCount })}
              </label>
            </div>
          </fieldset>
          <Field id="tables-effort" label={t('tablesPage.form.effort')} hint={t('tablesPage.form.effortHint', { max: MAX_EFFORT })} error={problem('effort')}>
            {(c) => <input {...c} type="number" min={1} max={MAX_EFFORT} step={1} className="input-short" value={effort} onChange={(e) => setEffort(e.target.value)} />}
          </Field>
          <Field id="tables-seed" label={t('tablesPage.form.seed')} optional hint={t('tablesPage.form.seedHint')} error={problem('seed')}>
            {(c) => <input {...c} type="number" min={0} step={1} className="input-short" value={seed} onChange={(e) => setSeed(e.target.value)} />}
          </Field>
        </div>
        <div className="table-wrap">
          <table className="data-table compact tables-modes">
            <caption>{t('tablesPage.form.modesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tablesPage.form.feature')}</th>
                <th scope="col">{t('tablesPage.form.mode')}</th>
              </tr>
            </thead>
            <tbody>
              {features.map((f, i) => {
                const err = problem(`modes.${f}`);
                return (
                  <tr key={f}>
                    <th scope="row">
                      <label htmlFor={`tables-mode-${i}`}>{labels.feature(f)}</label>
                    </th>
                    <td>
                      <select
                        id={`tables-mode-${i}`}
                        value={modes[f] ?? 'ignore'}
                        aria-invalid={err ? true : undefined}
                        aria-describedby={err ? `tables-mode-${i}-error` : undefined}
                        onChange={(e) => setModes({ ...modes, [f]: e.target.value as TableFeatureMode })}
                      >
                        {MODES.map((m) => (
                          <option key={m} value={m}>
                            {t(`tablesPage.modes.${m}`)}
                          </option>
                        ))}
                      </select>
                      {err && (
                        <p className="field-error" id={`tables-mode-${i}-error`}>
                          {err}
                        </p>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="field-hint">{t('tablesPage.form.modesHint')}</p>
        </div>
      </div>

      <div className="tables-form-grid">
        <fieldset className="tables-rules">
          <legend>{t('tablesPage.form.pins')}</legend>
          <p className="field-hint">{t('tablesPage.form.pinsHint')}</p>
          {pins.length > 0 && (
            <ul className="tables-rule-list">
              {pins.map((p) => (
                <li key={p.personId}>
                  <span>{t('tablesPage.form.pinItem', { name: nameOf(p.personId), table: p.table })}</span>
                  <button type="button" className="button button-small" onClick={() => setPins(pins.filter((x) => x !== p))}>
                    {t('tablesPage.form.remove')}
                    <span className="visually-hidden"> {nameOf(p.personId)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="tables-rule-add">
            <Field id="tables-pin-person" label={t('tablesPage.form.person')}>
              {(c) => (
                <select {...c} value={pinPerson} onChange={(e) => setPinPerson(e.target.value)}>
                  {personOptions}
                </select>
              )}
            </Field>
            <Field id="tables-pin-table" label={t('tablesPage.form.table')}>
              {(c) => <input {...c} type="number" min={1} className="input-tiny" value={pinTable} onChange={(e) => setPinTable(e.target.value)} />}
            </Field>
            <button type="button" className="button" onClick={addPin}>
              {t('tablesPage.form.addPin')}
            </button>
          </div>
          {localProblem?.field === 'pin' && <p className="field-error">{localProblem.text}</p>}
        </fieldset>

        <fieldset className="tables-rules">
          <legend>{t('tablesPage.form.apart')}</legend>
          <p className="field-hint">{t('tablesPage.form.apartHint')}</p>
          {apart.length > 0 && (
            <ul className="tables-rule-list">
              {apart.map((pair) => (
                <li key={pair.join('|')}>
                  <span>{t('tablesPage.form.apartItem', { a: nameOf(pair[0]), b: nameOf(pair[1]) })}</span>
                  <button type="button" className="button button-small" onClick={() => setApart(apart.filter((x) => x !== pair))}>
                    {t('tablesPage.form.remove')}
                    <span className="visually-hidden"> {t('tablesPage.form.apartItem', { a: nameOf(pair[0]), b: nameOf(pair[1]) })}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="tables-rule-add">
            <Field id="tables-apart-a" label={t('tablesPage.form.personA')}>
              {(c) => (
                <select {...c} value={apartA} onChange={(e) => setApartA(e.target.value)}>
                  {personOptions}
                </select>
              )}
            </Field>
            <Field id="tables-apart-b" label={t('tablesPage.form.personB')}>
              {(c) => (
                <select {...c} value={apartB} onChange={(e) => setApartB(e.target.value)}>
                  {personOptions}
                </select>
              )}
            </Field>
            <button type="button" className="button" onClick={addApart}>
              {t('tablesPage.form.addApart')}
            </button>
          </div>
          {localProblem?.field === 'apart' && <p className="field-error">{localProblem.text}</p>}
        </fieldset>
      </div>

      <ErrorNotice error={error} />
      <FormActions busy={busy} submitLabel={t('tablesPage.form.submit')} onCancel={onCancel}>
        {busy && <span className="muted">{t('tablesPage.form.working')}</span>}
      </FormActions>
    </form>
  );
}
