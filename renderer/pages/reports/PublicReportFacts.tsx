/**
 * What the public report states and no other page records (reportFacts.*): the basis of the
 * recruitment (population figures' source and year, who could take part, how people were
 * invited), the costs besides the per-diem, what each expert supplied, and whether each invited
 * politician came. Shown on the Settings page of an open assembly; the public report (Reports)
 * prints what is entered here and says "not entered" for the rest.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { APPEARANCES, COST_CATEGORIES, MATERIAL_KINDS, type Appearance, type CostCategory, type MaterialKind } from '../../../preload/vocabulary';
import type { ResultOf } from '../../../main/apiTypes';
import { call, isApiCallError } from '../../api';
import { useApiData } from '../../components/AppState';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field, useFieldErrorText } from '../../components/Field';
import { LoadStatus } from '../../components/StatusLine';
import { useAction } from '../../components/useAction';
import { formatCalendarDate } from '../../format';
import { currentLanguage } from '../../i18n';
import { formatEuros, parseEuros } from '../participants/PerDiemPage';

export function PublicReportFacts() {
  const { t } = useTranslation();
  const facts = useApiData(() => call('reportFacts.get', {}), []);
  const agenda = useApiData(() => call('agenda.overview', {}), []);
  const reload = () => void facts.reload();
  return (
    <>
      <p className="muted">{t('reportFacts.intro')}</p>
      <LoadStatus loaded={facts} />
      {facts.data && <RecruitmentForm initial={facts.data.recruitment} onSaved={reload} />}
      <h3>{t('reportFacts.costsTitle')}</h3>
      {facts.data && <Costs costs={facts.data.costs} onChanged={reload} />}
      <h3>{t('reportFacts.materialsTitle')}</h3>
      {facts.data && agenda.data && <Materials materials={facts.data.materials} contributors={agenda.data.contributors} onChanged={reload} />}
      <h3>{t('reportFacts.politiciansTitle')}</h3>
      {facts.data && agenda.data && <Politicians appearances={facts.data.appearances} contributors={agenda.data.contributors} sessions={agenda.data.sessions} onChanged={reload} />}
    </>
  );
}

type Overview = ResultOf<'reportFacts.get'>;
type Contributors = ResultOf<'agenda.overview'>['contributors'];
type Sessions = ResultOf<'agenda.overview'>['sessions'];

function RecruitmentForm({ initial, onSaved }: { initial: Overview['recruitment']; onSaved: () => void }) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const [values, setValues] = useState({ ...initial, populationYear: initial.populationYear === null ? '' : String(initial.populationYear) });
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => setValues({ ...initial, populationYear: initial.populationYear === null ? '' : String(initial.populationYear) }), [initial]);
  const set = (k: keyof typeof values, v: string) => {
    setDone(null);
    setValues((x) => ({ ...x, [k]: v }));
  };
  const save = useAction(async () => {
    const year = values.populationYear.trim();
    if (year !== '' && !/^\d{4}$/.test(year)) throw new YearError();
    await call('reportFacts.setRecruitment', {
      populationSource: values.populationSource,
      populationYear: year === '' ? null : Number(year),
      eligibility: values.eligibility,
      invitationMethod: values.invitationMethod,
    });
    setDone(t('reportFacts.saved'));
    onSaved();
  });
  const problem = (field: string) => (isApiCallError(save.error) ? fieldText(save.error.fieldProblem(field)) : null);
  const yearProblem = save.error instanceof YearError ? t('reportFacts.yearInvalid') : problem('populationYear');

  function submit(e: FormEvent) {
    e.preventDefault();
    void save.run();
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('reportFacts.recruitmentTitle')}>
      <div className="form-grid">
        <Field id="rf-source" label={t('reportFacts.populationSource')} hint={t('reportFacts.populationSourceHint')} error={problem('populationSource')}>
          {(p) => <input {...p} type="text" maxLength={300} value={values.populationSource} onChange={(e) => set('populationSource', e.target.value)} />}
        </Field>
        <Field id="rf-year" label={t('reportFacts.populationYear')} error={yearProblem}>
          {(p) => <input {...p} className="input-short" type="text" inputMode="numeric" maxLength={4} value={values.populationYear} onChange={(e) => set('populationYear', e.target.value)} />}
        </Field>
        <Field id="rf-eligibility" className="span-2" label={t('reportFacts.eligibility')} hint={t('reportFacts.eligibilityHint')} error={problem('eligibility')}>
          {(p) => <textarea {...p} rows={3} maxLength={1000} value={values.eligibility} onChange={(e) => set('eligibility', e.target.value)} />}
        </Field>
        <Field id="rf-invitation" className="span-2" label={t('reportFacts.invitationMethod')} hint={t('reportFacts.invitationMethodHint')} error={problem('invitationMethod')}>
          {(p) => <textarea {...p} rows={3} maxLength={1000} value={values.invitationMethod} onChange={(e) => set('invitationMethod', e.target.value)} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.busy}>
          {t('reportFacts.save')}
        </button>
      </div>
      {!(save.error instanceof YearError) && <ErrorNotice error={save.error} />}
      <p role="status" className="status-line">
        {done}
      </p>
    </form>
  );
}

/** A year that is not four digits: refused before it is sent. */
class YearError extends Error {}
/** An amount that is not one: refused before it is sent. */
class AmountError extends Error {}

function Costs({ costs, onChanged }: { costs: Overview['costs']; onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const fieldText = useFieldErrorText();
  const [label, setLabel] = useState('');
  const [amount, setAmount] = useState('');
  const [category, setCategory] = useState<CostCategory>('venue');
  const add = useAction(async () => {
    const cents = parseEuros(amount);
    if (cents === null) throw new AmountError();
    await call('reportFacts.addCost', { label, amountCents: cents, category });
    setLabel('');
    setAmount('');
    onChanged();
  });
  const remove = useAction(async (id: string) => {
    await call('reportFacts.deleteCost', { id });
    onChanged();
  });
  const problem = (field: string) => (isApiCallError(add.error) ? fieldText(add.error.fieldProblem(field)) : null);
  return (
    <>
      {costs.length === 0 ? (
        <p className="muted">{t('reportFacts.noCosts')}</p>
      ) : (
        <DataTable caption={t('reportFacts.costsCaption')} columns={[t('reportFacts.costLabel'), t('reportFacts.category'), { label: t('reportFacts.amount'), num: true }, { label: t('reportFacts.actions'), hidden: true }]}>
          {costs.map((c) => (
            <tr key={c.id}>
              <td>{c.label}</td>
              <td>{t(`reportFacts.categories.${c.category}`)}</td>
              <td className="num nowrap">{formatEuros(c.amountCents, lang)}</td>
              <td>
                <button type="button" className="button button-small" aria-label={t('reportFacts.deleteCost', { label: c.label })} disabled={remove.busy} onClick={() => void remove.run(c.id)}>
                  {t('reportFacts.delete')}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <form
        className="inline-form"
        noValidate
        aria-label={t('reportFacts.addCost')}
        onSubmit={(e) => {
          e.preventDefault();
          void add.run();
        }}
      >
        <Field id="rf-cost-label" label={t('reportFacts.costLabel')} error={problem('label')}>
          {(p) => <input {...p} type="text" maxLength={200} value={label} onChange={(e) => setLabel(e.target.value)} />}
        </Field>
        <Field id="rf-cost-amount" label={t('reportFacts.amountEuros')} error={add.error instanceof AmountError ? t('reportFacts.amountInvalid') : problem('amountCents')}>
          {(p) => <input {...p} className="input-short" type="text" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />}
        </Field>
        <Field id="rf-cost-category" label={t('reportFacts.category')}>
          {(p) => (
            <select {...p} value={category} onChange={(e) => setCategory(e.target.value as CostCategory)}>
              {COST_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`reportFacts.categories.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button" disabled={add.busy}>
          {t('reportFacts.addCost')}
        </button>
      </form>
      {!(add.error instanceof AmountError) && !problem('label') && !problem('amountCents') && <ErrorNotice error={add.error} />}
      <ErrorNotice error={remove.error} />
    </>
  );
}

function Materials({ materials, contributors, onChanged }: { materials: Overview['materials']; contributors: Contributors; onChanged: () => void }) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const [contributorId, setContributorId] = useState('');
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<MaterialKind>('presentation');
  const [link, setLink] = useState('');
  const names = new Map(contributors.map((c) => [c.id, c.name]));
  const chosen = contributorId || contributors.find((c) => c.role === 'expert')?.id || contributors[0]?.id || '';
  const add = useAction(async () => {
    await call('reportFacts.addMaterial', { contributorId: chosen, title, kind, link });
    setTitle('');
    setLink('');
    onChanged();
  });
  const remove = useAction(async (id: string) => {
    await call('reportFacts.deleteMaterial', { id });
    onChanged();
  });
  const problem = (field: string) => (isApiCallError(add.error) ? fieldText(add.error.fieldProblem(field)) : null);
  if (contributors.length === 0) return <p className="muted">{t('reportFacts.noContributors')}</p>;
  return (
    <>
      {materials.length > 0 && (
        <DataTable caption={t('reportFacts.materialsCaption')} columns={[t('reportFacts.contributor'), t('reportFacts.materialTitle'), t('reportFacts.kind'), t('reportFacts.link'), { label: t('reportFacts.actions'), hidden: true }]}>
          {materials.map((m) => (
            <tr key={m.id}>
              <td>{names.get(m.contributorId) ?? ''}</td>
              <td>{m.title}</td>
              <td>{t(`reportFacts.kinds.${m.kind}`)}</td>
              <td className="path">{m.link}</td>
              <td>
                <button type="button" className="button button-small" aria-label={t('reportFacts.deleteMaterial', { title: m.title })} disabled={remove.busy} onClick={() => void remove.run(m.id)}>
                  {t('reportFacts.delete')}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <p className="muted">{t('reportFacts.materialsHint')}</p>
      <form
        className="inline-form"
        noValidate
        aria-label={t('reportFacts.addMaterial')}
        onSubmit={(e) => {
          e.preventDefault();
          void add.run();
        }}
      >
        <Field id="rf-material-contributor" label={t('reportFacts.contributor')}>
          {(p) => (
            <select {...p} value={chosen} onChange={(e) => setContributorId(e.target.value)}>
              {contributors.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="rf-material-title" label={t('reportFacts.materialTitle')} error={problem('title')}>
          {(p) => <input {...p} type="text" maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field id="rf-material-kind" label={t('reportFacts.kind')}>
          {(p) => (
            <select {...p} value={kind} onChange={(e) => setKind(e.target.value as MaterialKind)}>
              {MATERIAL_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`reportFacts.kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="rf-material-link" label={t('reportFacts.link')} optional error={problem('link')}>
          {(p) => <input {...p} type="text" maxLength={1000} value={link} onChange={(e) => setLink(e.target.value)} />}
        </Field>
        <button type="submit" className="button" disabled={add.busy}>
          {t('reportFacts.addMaterial')}
        </button>
      </form>
      {!problem('title') && <ErrorNotice error={add.error} />}
      <ErrorNotice error={remove.error} />
    </>
  );
}

function Politicians({ appearances, contributors, sessions, onChanged }: { appearances: Overview['appearances']; contributors: Contributors; sessions: Sessions; onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const political = new Map(contributors.filter((c) => c.role === 'partyLeader' || c.role === 'politician').map((c) => [c.id, c]));
  const sessionNames = new Map(sessions.map((s) => [s.id, s.name]));
  const rows = appearances.filter((a) => political.has(a.contributorId));
  const set = useAction(async (slotId: string, contributorId: string, value: string) => {
    await call('reportFacts.setAppearance', { slotId, contributorId, appearance: value === '' ? null : (value as Appearance) });
    onChanged();
  });
  if (rows.length === 0) return <p className="muted">{t('reportFacts.noPoliticians')}</p>;
  return (
    <>
      <DataTable caption={t('reportFacts.politiciansCaption')} columns={[t('reportFacts.contributor'), t('reportFacts.slot'), t('reportFacts.invitation'), t('reportFacts.appearance')]}>
        {rows.map((a) => {
          const c = political.get(a.contributorId)!;
          const id = `rf-appearance-${a.slotId}-${a.contributorId}`;
          return (
            <tr key={`${a.slotId}/${a.contributorId}`}>
              <td>{c.name}</td>
              <td>
                {sessionNames.get(a.sessionId)} · {formatCalendarDate(a.date, lang, 'short')} · {a.slotTitle}
              </td>
              <td>{t(`reportFacts.appearances.${c.status}`)}</td>
              <td>
                <label className="visually-hidden" htmlFor={id}>
                  {t('reportFacts.appearanceOf', { name: c.name })}
                </label>
                <select id={id} value={a.appearance ?? ''} disabled={set.busy} onChange={(e) => void set.run(a.slotId, a.contributorId, e.target.value)}>
                  <option value="">{t('reportFacts.notRecorded')}</option>
                  {APPEARANCES.map((x) => (
                    <option key={x} value={x}>
                      {t(`reportFacts.appearances.${x}`)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          );
        })}
      </DataTable>
      <ErrorNotice error={set.error} />
    </>
  );
}
