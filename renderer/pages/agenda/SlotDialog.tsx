/** Adding or editing a slot: times, kind, title, topic, room, speakers and facilitators, languages. */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SLOT_KINDS, type PersonLanguage, type SlotKind } from '../../../preload/vocabulary';
import type { AgendaOverview, AgendaSlot, AgendaSlotInput, Contributor } from '../../../main/domain/agenda/types';
import type { Session } from '../../../main/domain/sessions/types';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { useFocusOnError } from '../../components/useAction';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { hrefFor } from '../../router';
import { SLOT_LANGUAGES, useProblemText } from './shared';

export interface SlotDefaults {
  startTime: string;
  endTime: string;
}

interface Props {
  overview: AgendaOverview;
  session: Session;
  /** The slot to edit; without it, a new slot with `defaults`. */
  slot?: AgendaSlot;
  defaults?: SlotDefaults;
  onClose: () => void;
  onSaved: (slot: AgendaSlot) => void;
}

export function SlotDialog({ overview, session, slot, defaults, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<AgendaSlotInput>(() =>
    slot
      ? { ...slot }
      : {
          sessionId: session.id,
          startTime: defaults?.startTime ?? session.startTime,
          endTime: defaults?.endTime ?? session.endTime,
          kind: 'talk',
          title: '',
          topic: '',
          roomId: null,
          speakerIds: [],
          facilitatorIds: [],
          languages: [],
          interpretation: [],
          notes: '',
        },
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useFocusOnError(formRef, error);
  const problem = useProblemText(error);
  const set = <K extends keyof AgendaSlotInput>(key: K, value: AgendaSlotInput[K]) => setValues((v) => ({ ...v, [key]: value }));

  const topics = [...new Set([...overview.slots.map((s) => s.topic), ...overview.contributors.flatMap((c) => c.topics)].map((s) => s.trim()).filter(Boolean))].sort((a, b) =>
    a.localeCompare(b),
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const input: AgendaSlotInput = { ...values, title: values.title.trim(), topic: values.topic.trim() };
      const result = slot
        ? await call('agenda.updateSlot', {
            id: slot.id,
            sessionId: input.sessionId,
            startTime: input.startTime,
            endTime: input.endTime,
            kind: input.kind,
            title: input.title,
            topic: input.topic,
            roomId: input.roomId,
            speakerIds: input.speakerIds,
            facilitatorIds: input.facilitatorIds,
            languages: input.languages,
            interpretation: input.interpretation,
            notes: input.notes,
          })
        : await call('agenda.createSlot', {
            sessionId: input.sessionId,
            startTime: input.startTime,
            endTime: input.endTime,
            kind: input.kind,
            title: input.title,
            topic: input.topic,
            roomId: input.roomId,
            speakerIds: input.speakerIds,
            facilitatorIds: input.facilitatorIds,
            languages: input.languages,
            interpretation: input.interpretation,
            notes: input.notes,
          });
      onSaved(result);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const sessions = overview.sessions.filter((s) => s.deletedAt === null);

  return (
    <Dialog title={slot ? t('agendaPage.slot.editTitle', { title: slot.title || t(`agendaPage.kind.${slot.kind}`) }) : t('agendaPage.slot.addTitle', { name: session.name })} onClose={onClose}>
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate className="slot-form">
        <ErrorNotice error={error} />
        <div className="form-grid slot-grid">
          {slot && sessions.length > 1 && (
            <Field id={`${id}-session`} label={t('agendaPage.day.session')} error={problem('sessionId')} className="span-2">
              {(p) => (
                <select {...p} value={values.sessionId} onChange={(e) => set('sessionId', e.target.value)}>
                  {sessions.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field id={`${id}-start`} label={t('agendaPage.slot.start')} error={problem('startTime')}>
            {(p) => <input {...p} type="time" value={values.startTime} onChange={(e) => set('startTime', e.target.value)} required data-autofocus />}
          </Field>
          <Field id={`${id}-end`} label={t('agendaPage.slot.end')} error={problem('endTime')}>
            {(p) => <input {...p} type="time" value={values.endTime} onChange={(e) => set('endTime', e.target.value)} required />}
          </Field>
          <Field id={`${id}-kind`} label={t('agendaPage.slot.kind')} error={problem('kind')}>
            {(p) => (
              <select {...p} value={values.kind} onChange={(e) => set('kind', e.target.value as SlotKind)}>
                {SLOT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`agendaPage.kind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-room`} label={t('agendaPage.slot.room')} error={problem('roomId')} optional>
            {(p) => (
              <select {...p} value={values.roomId ?? ''} onChange={(e) => set('roomId', e.target.value || null)}>
                <option value="">{t('agendaPage.slot.noRoom')}</option>
                {overview.rooms.map((r) => (
                  <option key={r.id} value={r.id}>
                    {t('agendaPage.day.roomWithCapacity', { name: r.name, n: formatNumber(r.capacity, lang) })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-title`} label={t('agendaPage.slot.title')} error={problem('title')} className="span-2" optional>
            {(p) => <input {...p} type="text" value={values.title} onChange={(e) => set('title', e.target.value)} maxLength={200} />}
          </Field>
          <Field id={`${id}-topic`} label={t('agendaPage.slot.topic')} error={problem('topic')} hint={t('agendaPage.slot.topicHint')} className="span-2" optional>
            {(p) => <input {...p} type="text" value={values.topic} onChange={(e) => set('topic', e.target.value)} list={`${id}-topics`} maxLength={120} />}
          </Field>
          <datalist id={`${id}-topics`}>
            {topics.map((topic) => (
              <option key={topic} value={topic} />
            ))}
          </datalist>
        </div>

        <div className="slot-people">
          <PeoplePicker
            legend={t('agendaPage.slot.speakers')}
            idPrefix={`${id}-speakers`}
            contributors={overview.contributors}
            selected={values.speakerIds}
            onChange={(ids) => set('speakerIds', ids)}
            error={problem('speakerIds')}
          />
          <PeoplePicker
            legend={t('agendaPage.slot.facilitators')}
            idPrefix={`${id}-facilitators`}
            contributors={overview.contributors}
            selected={values.facilitatorIds}
            onChange={(ids) => set('facilitatorIds', ids)}
            error={problem('facilitatorIds')}
          />
        </div>

        <LanguageChecks legend={t('agendaPage.slot.languages')} name={`${id}-languages`} value={values.languages} onChange={(l) => set('languages', l)} error={problem('languages')} />
        <LanguageChecks
          legend={t('agendaPage.slot.interpretation')}
          hint={t('agendaPage.slot.interpretationHint')}
          name={`${id}-interpretation`}
          value={values.interpretation}
          onChange={(l) => set('interpretation', l)}
          error={problem('interpretation')}
        />

        <Field id={`${id}-notes`} label={t('agendaPage.slot.notes')} error={problem('notes')} optional>
          {(p) => <textarea {...p} rows={2} value={values.notes} onChange={(e) => set('notes', e.target.value)} maxLength={2000} />}
        </Field>

        <FormActions busy={busy} submitLabel={slot ? t('agendaPage.slot.save') : t('agendaPage.slot.add')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

interface PickerProps {
  legend: string;
  idPrefix: string;
  contributors: Contributor[];
  selected: string[];
  onChange: (ids: string[]) => void;
  error: string | null;
}

/** A filterable list of checkboxes; the chosen people stay listed whatever the filter. */
function PeoplePicker({ legend, idPrefix, contributors, selected, onChange, error }: PickerProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  const shown = contributors.filter((c) => selected.includes(c.id) || fold(`${c.name} ${c.organisation}`).includes(fold(filter.trim())));
  const errorId = `${idPrefix}-error`;
  return (
    <fieldset className={`people-picker${error ? ' field-invalid' : ''}`} aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {contributors.length === 0 ? (
        <p className="muted">
          {t('agendaPage.slot.noContributors')} <a href={hrefFor('agenda', 'people')}>{t('agendaPage.slot.addContributors')}</a>
        </p>
      ) : (
        <>
          {contributors.length > 6 && (
            <div className="field">
              <label htmlFor={`${idPrefix}-filter`} className="visually-hidden">
                {t('agendaPage.slot.filterLabel', { legend })}
              </label>
              <input id={`${idPrefix}-filter`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t('agendaPage.slot.filterPlaceholder')} />
            </div>
          )}
          <ul className="people-picker-list">
            {shown.map((c) => (
              <li key={c.id}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={selected.includes(c.id)}
                    aria-invalid={error ? true : undefined}
                    onChange={(e) => onChange(e.target.checked ? [...selected, c.id] : selected.filter((x) => x !== c.id))}
                  />
                  <span>
                    {c.name}
                    <span className="muted">
                      {' · '}
                      {t(`agendaPage.role.${c.role}`)}
                      {c.organisation ? `, ${c.organisation}` : ''}
                    </span>
                  </span>
                </label>
              </li>
            ))}
            {shown.length === 0 && <li className="muted">{t('agendaPage.slot.nobodyMatches')}</li>}
          </ul>
        </>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          <span aria-hidden="true" className="field-error-mark">
            !
          </span>{' '}
          {error}
        </p>
      )}
    </fieldset>
  );
}

interface LangProps {
  legend: string;
  hint?: string;
  name: string;
  value: PersonLanguage[];
  onChange: (value: PersonLanguage[]) => void;
  error: string | null;
}

/** nl / fr / de / en as checkboxes, kept in that order. */
export function LanguageChecks({ legend, hint, name, value, onChange, error }: LangProps) {
  const { t } = useTranslation();
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  return (
    <fieldset className={`language-checks${error ? ' field-invalid' : ''}`} aria-describedby={[error ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined}>
      <legend>{legend}</legend>
      <div className="radio-row">
        {SLOT_LANGUAGES.map((l) => (
          <label key={l} className="radio">
            <input
              type="checkbox"
              name={name}
              value={l}
              checked={value.includes(l)}
              aria-invalid={error ? true : undefined}
              onChange={(e) => onChange(SLOT_LANGUAGES.filter((x) => (x === l ? e.target.checked : value.includes(x))))}
            />
            <span>{t(`agendaPage.lang.${l}`)}</span>
          </label>
        ))}
      </div>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          <span aria-hidden="true" className="field-error-mark">
            !
          </span>{' '}
          {error}
        </p>
      )}
    </fieldset>
  );
}
