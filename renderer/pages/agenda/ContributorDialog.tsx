/** Adding or editing an expert or guest: every field of ContributorInput, euros typed as amounts. */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTRIBUTOR_ROLES, type ContributorRole } from '../../../preload/vocabulary';
import type {
  AgendaOverview,
  AvailabilityWindow,
  Contributor,
  ContributorInput,
  ContributorStatus,
} from '../../../main/domain/agenda/types';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { useFocusOnError } from '../../components/useAction';
import { currentLanguage } from '../../i18n';
import { centsToInput, inputToCents, useProblemText } from './shared';
import { LanguageChecks } from './SlotDialog';

const STATUSES: ContributorStatus[] = ['invited', 'confirmed', 'declined'];

interface Values extends Omit<ContributorInput, 'topics' | 'feeCents' | 'travelCents' | 'email' | 'phone'> {
  topics: string;
  fee: string;
  travel: string;
  email: string;
  phone: string;
}

interface Props {
  overview: AgendaOverview;
  contributor?: Contributor;
  onClose: () => void;
  onSaved: (c: Contributor) => void;
}

export function ContributorDialog({ overview, contributor: c, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>(() => ({
    name: c?.name ?? '',
    role: c?.role ?? 'expert',
    organisation: c?.organisation ?? '',
    topics: c?.topics.join(', ') ?? '',
    perspectiveId: c?.perspectiveId ?? null,
    languages: c?.languages ?? [],
    email: c?.email ?? '',
    phone: c?.phone ?? '',
    availability: c?.availability ?? [],
    fee: centsToInput(c?.feeCents ?? 0, lang),
    travel: centsToInput(c?.travelCents ?? 0, lang),
    consentPublish: c?.consentPublish ?? false,
    status: c?.status ?? 'invited',
    notes: c?.notes ?? '',
  }));
  const [error, setError] = useState<unknown>(null);
  const [amountErrors, setAmountErrors] = useState<{ fee?: string; travel?: string }>({});
  const [busy, setBusy] = useState(false);
  useFocusOnError(formRef, error ?? (Object.keys(amountErrors).length > 0 ? amountErrors : null));
  const problem = useProblemText(error);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const setWindow = (i: number, patch: Partial<AvailabilityWindow>) => set('availability', values.availability.map((w, j) => (j === i ? { ...w, ...patch } : w)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const feeCents = inputToCents(values.fee);
    const travelCents = inputToCents(values.travel);
    const amountProblems = {
      ...(feeCents === null ? { fee: t('agendaPage.contributor.notAnAmount') } : {}),
      ...(travelCents === null ? { travel: t('agendaPage.contributor.notAnAmount') } : {}),
    };
    setAmountErrors(amountProblems);
    if (feeCents === null || travelCents === null) return;
    setBusy(true);
    setError(null);
    const input: ContributorInput = {
      name: values.name.trim(),
      role: values.role,
      organisation: values.organisation.trim(),
      topics: [...new Set(values.topics.split(/[,;]/).map((s) => s.trim()).filter(Boolean))],
      perspectiveId: values.perspectiveId,
      languages: values.languages,
      email: values.email.trim() || null,
      phone: values.phone.trim() || null,
      availability: values.availability,
      feeCents,
      travelCents,
      consentPublish: values.consentPublish,
      status: values.status,
      notes: values.notes,
    };
    try {
      const result = c ? await call('contributors.update', { id: c.id, ...input }) : await call('contributors.create', input);
      onSaved(result);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={c ? t('agendaPage.contributor.editTitle', { name: c.name }) : t('agendaPage.contributor.addTitle')} onClose={onClose}>
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate>
        <ErrorNotice error={error} />
        <div className="form-grid">
          <Field id={`${id}-name`} label={t('agendaPage.contributor.name')} error={problem('name')} className="span-2">
            {(p) => <input {...p} type="text" value={values.name} onChange={(e) => set('name', e.target.value)} maxLength={200} autoComplete="off" data-autofocus />}
          </Field>
          <Field id={`${id}-role`} label={t('agendaPage.contributor.role')} error={problem('role')}>
            {(p) => (
              <select {...p} value={values.role} onChange={(e) => set('role', e.target.value as ContributorRole)}>
                {CONTRIBUTOR_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`agendaPage.role.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-status`} label={t('agendaPage.contributor.status')} error={problem('status')}>
            {(p) => (
              <select {...p} value={values.status} onChange={(e) => set('status', e.target.value as ContributorStatus)}>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`agendaPage.status.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-org`} label={t('agendaPage.contributor.organisation')} error={problem('organisation')} optional>
            {(p) => <input {...p} type="text" value={values.organisation} onChange={(e) => set('organisation', e.target.value)} maxLength={200} />}
          </Field>
          <Field id={`${id}-perspective`} label={t('agendaPage.contributor.perspective')} error={problem('perspectiveId')} optional hint={overview.perspectives.length === 0 ? t('agendaPage.contributor.noPerspectivesHint') : undefined}>
            {(p) => (
              <select {...p} value={values.perspectiveId ?? ''} onChange={(e) => set('perspectiveId', e.target.value || null)}>
                <option value="">{t('agendaPage.people.noPerspective')}</option>
                {overview.perspectives.map((persp) => (
                  <option key={persp.id} value={persp.id}>
                    {persp.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-topics`} label={t('agendaPage.contributor.topics')} error={problem('topics') ?? problem('topics.0')} hint={t('agendaPage.contributor.topicsHint')} className="span-2" optional>
            {(p) => <input {...p} type="text" value={values.topics} onChange={(e) => set('topics', e.target.value)} />}
          </Field>
          <Field id={`${id}-email`} label={t('agendaPage.contributor.email')} error={problem('email')} optional>
            {(p) => <input {...p} type="email" value={values.email} onChange={(e) => set('email', e.target.value)} maxLength={254} autoComplete="off" />}
          </Field>
          <Field id={`${id}-phone`} label={t('agendaPage.contributor.phone')} error={problem('phone')} optional>
            {(p) => <input {...p} type="tel" value={values.phone} onChange={(e) => set('phone', e.target.value)} maxLength={40} autoComplete="off" />}
          </Field>
        </div>

        <LanguageChecks legend={t('agendaPage.contributor.languages')} name={`${id}-languages`} value={values.languages} onChange={(l) => set('languages', l)} error={problem('languages')} />

        <fieldset className="availability">
          <legend>{t('agendaPage.contributor.availability')}</legend>
          <p className="field-hint">{t('agendaPage.contributor.availabilityHint')}</p>
          {values.availability.length > 0 && (
            <ul className="availability-list">
              {values.availability.map((w, i) => (
                <li key={i} className="availability-row">
                  <Field id={`${id}-av-${i}-date`} label={t('agendaPage.contributor.windowDate', { n: i + 1 })} error={problem(`availability.${i}.date`)}>
                    {(p) => <input {...p} type="date" value={w.date} onChange={(e) => setWindow(i, { date: e.target.value })} />}
                  </Field>
                  <Field id={`${id}-av-${i}-from`} label={t('agendaPage.contributor.windowFrom', { n: i + 1 })} error={problem(`availability.${i}.startTime`)}>
                    {(p) => <input {...p} type="time" value={w.startTime} onChange={(e) => setWindow(i, { startTime: e.target.value })} />}
                  </Field>
                  <Field id={`${id}-av-${i}-to`} label={t('agendaPage.contributor.windowTo', { n: i + 1 })} error={problem(`availability.${i}.endTime`)}>
                    {(p) => <input {...p} type="time" value={w.endTime} onChange={(e) => setWindow(i, { endTime: e.target.value })} />}
                  </Field>
                  <button
                    type="button"
                    className="button button-small button-danger-outline availability-remove"
                    onClick={() => set('availability', values.availability.filter((_, j) => j !== i))}
                    aria-label={t('agendaPage.contributor.removeWindowNamed', { n: i + 1 })}
                  >
                    {t('agendaPage.contributor.removeWindow')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              const date = overview.sessions.find((s) => s.deletedAt === null)?.date ?? '';
              set('availability', [...values.availability, { date, startTime: '09:00', endTime: '17:00' }]);
              // The new row's first field, once it is there.
              setTimeout(() => document.getElementById(`${id}-av-${values.availability.length}-date`)?.focus(), 0);
            }}
          >
            {t('agendaPage.contributor.addWindow')}
          </button>
        </fieldset>

        <div className="form-grid">
          <Field id={`${id}-fee`} label={t('agendaPage.contributor.fee')} error={amountErrors.fee ?? problem('feeCents')} hint={t('agendaPage.contributor.euroHint')} optional>
            {(p) => <input {...p} type="text" inputMode="decimal" className="input-short" value={values.fee} onChange={(e) => set('fee', e.target.value)} />}
          </Field>
          <Field id={`${id}-travel`} label={t('agendaPage.contributor.travel')} error={amountErrors.travel ?? problem('travelCents')} hint={t('agendaPage.contributor.euroHint')} optional>
            {(p) => <input {...p} type="text" inputMode="decimal" className="input-short" value={values.travel} onChange={(e) => set('travel', e.target.value)} />}
          </Field>
        </div>

        <div className="field">
          <label className="check">
            <input type="checkbox" checked={values.consentPublish} onChange={(e) => set('consentPublish', e.target.checked)} />
            <span>{t('agendaPage.contributor.consent')}</span>
          </label>
        </div>

        <Field id={`${id}-notes`} label={t('agendaPage.contributor.notes')} error={problem('notes')} optional>
          {(p) => <textarea {...p} rows={2} value={values.notes} onChange={(e) => set('notes', e.target.value)} maxLength={2000} />}
        </Field>

        <FormActions busy={busy} submitLabel={c ? t('agendaPage.contributor.save') : t('agendaPage.contributor.add')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
