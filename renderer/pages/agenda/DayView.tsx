/**
 * The day view editor: one session at a time, its slots in time order with their actions
 * (edit, duplicate, move by a quarter of an hour, delete), the warnings as you plan, and the
 * exports (day programme, full schedule, workbook).
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../preload/vocabulary';
import type { AgendaOverview, AgendaSlot, AgendaWarning } from '../../../main/domain/agenda/types';
import type { Session } from '../../../main/domain/sessions/types';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormActions } from '../../components/FormActions';
import { LoadStatus, StatusLine } from '../../components/StatusLine';
import { saveBinaryFile } from '../../files';
import { formatCalendarDate, formatNumber, formatTimeRange } from '../../format';
import { currentLanguage } from '../../i18n';
import { goTo, hrefFor } from '../../router';
import { chosenSession, SessionPicker } from '../../components/SessionPicker';
import { byTime, contributorMap, fromMinutes, slotMinutes, toMinutes, useAgenda } from './shared';
import { SlotDialog, type SlotDefaults } from './SlotDialog';
import { useContent } from '../../components/content';
import { useSlotLabel, WarningList } from './Warnings';

const NATIVE_NAMES: Record<Language, string> = { nl: 'Nederlands', fr: 'Français', en: 'English' };
const STEP = 15;

export function DayView() {
  const { t } = useTranslation();
  const { overview, sessionId, setSessionId, setFocusContributorId } = useAgenda();
  const data = overview.data;
  const content = useContent();
  // Names in the screen's language (display only: the Sessions page edits the base name).
  const sessions = useMemo(() => (data?.sessions ?? []).filter((s) => s.deletedAt === null).map((s) => ({ ...s, name: content('session', s.id, 'name', s.name) })), [data, content]);
  const session = chosenSession(sessions, sessionId);
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);

  // After a change of session (from a warning's link) or an action, the slot gets the focus.
  useEffect(() => {
    if (!pendingFocus) return;
    const el = document.getElementById(pendingFocus);
    if (!el) return;
    el.focus();
    el.scrollIntoView({ block: 'center' });
    setPendingFocus(null);
  });

  if (!data) return <LoadStatus loaded={overview} />;
  if (sessions.length === 0 || !session) {
    return (
      <EmptyState title={t('agendaPage.day.noSessions')}>
        <p>
          <a href={hrefFor('sessions')}>{t('agendaPage.day.addSessions')}</a>
        </p>
      </EmptyState>
    );
  }

  const focusSlot = (slotId: string) => {
    const slot = data.slots.find((s) => s.id === slotId);
    if (slot && slot.sessionId !== session.id) setSessionId(slot.sessionId);
    setPendingFocus(`slot-${slotId}`);
  };
  const focusPerson = (contributorId: string) => {
    setFocusContributorId(contributorId);
    goTo('agenda', 'people');
  };

  return (
    <SessionDay
      key={session.id}
      data={data}
      session={session}
      sessions={sessions}
      onSession={(id) => setSessionId(id)}
      focusSlot={focusSlot}
      focusElement={setPendingFocus}
      focusPerson={focusPerson}
      reload={overview.reload}
    />
  );
}

interface DayProps {
  data: AgendaOverview;
  session: Session;
  sessions: Session[];
  onSession: (id: string) => void;
  focusSlot: (slotId: string) => void;
  focusElement: (id: string) => void;
  focusPerson: (contributorId: string) => void;
  reload: () => Promise<void>;
}

function SessionDay({ data, session, sessions, onSession, focusSlot, focusElement, focusPerson, reload }: DayProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const selectId = useId();
  const slotLabel = useSlotLabel();
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [adding, setAdding] = useState<SlotDefaults | null>(null);
  const [editing, setEditing] = useState<AgendaSlot | null>(null);
  const [deleting, setDeleting] = useState<AgendaSlot | null>(null);
  const [busy, setBusy] = useState(false);
  const listHeading = useRef<HTMLHeadingElement>(null);

  const slots = data.slots.filter((s) => s.sessionId === session.id).sort(byTime);
  const here = new Set(slots.map((s) => s.id));
  const sessionWarnings = data.warnings.filter((w) => w.slotIds.some((id) => here.has(id)));
  const otherWarnings = data.warnings.filter((w) => !w.slotIds.some((id) => here.has(id)));
  const warningsOf = (slotId: string) => data.warnings.filter((w) => w.slotIds.includes(slotId));

  function newSlotDefaults(): SlotDefaults {
    const last = slots.at(-1);
    const start = last ? last.endTime : session.startTime;
    const end = fromMinutes(Math.min(toMinutes(start) + 60, Math.max(toMinutes(session.endTime), toMinutes(start) + STEP)));
    return { startTime: start, endTime: end <= start ? fromMinutes(toMinutes(start) + STEP) : end };
  }

  async function act(work: () => Promise<string | null>, focusId?: string | ((r: string | null) => string)) {
    setBusy(true);
    setActionError(null);
    setNotice(null);
    try {
      const message = await work();
      await reload();
      setNotice(message);
      if (focusId) focusElement(typeof focusId === 'function' ? focusId(message) : focusId);
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  }

  const move = (slot: AgendaSlot, delta: number) => {
    const start = toMinutes(slot.startTime) + delta;
    const buttonId = `${delta < 0 ? 'earlier' : 'later'}-${slot.id}`;
    return act(async () => {
      const moved = await call('agenda.moveSlot', { id: slot.id, startTime: fromMinutes(start) });
      return t('agendaPage.day.moved', { slot: slotLabel({ ...moved, startTime: moved.startTime }), time: formatTimeRange(moved.startTime, moved.endTime) });
    }, buttonId);
  };

  let copyId = '';
  const duplicate = (slot: AgendaSlot) =>
    act(
      async () => {
        const copy = await call('agenda.duplicateSlot', { id: slot.id });
        copyId = copy.id;
        return t('agendaPage.day.duplicated', { slot: slotLabel(copy), time: formatTimeRange(copy.startTime, copy.endTime) });
      },
      () => `slot-${copyId}`,
    );

  async function confirmDelete() {
    if (!deleting) return;
    const gone = deleting;
    setDeleting(null);
    await act(async () => {
      await call('agenda.deleteSlot', { id: gone.id });
      return t('agendaPage.day.deleted', { slot: slotLabel(gone) });
    });
    listHeading.current?.focus();
  }

  async function saved(slot: AgendaSlot, created: boolean) {
    setAdding(null);
    setEditing(null);
    setActionError(null);
    await reload();
    setNotice(t(created ? 'agendaPage.day.added' : 'agendaPage.day.updated', { slot: slotLabel(slot), time: formatTimeRange(slot.startTime, slot.endTime) }));
    if (slot.sessionId !== session.id) onSession(slot.sessionId);
    focusElement(`slot-${slot.id}`);
  }

  const totalMinutes = slots.reduce((sum, s) => sum + slotMinutes(s), 0);

  return (
    <>
      <div className="agenda-toolbar">
        <SessionPicker
          id={selectId}
          label={t('agendaPage.day.session')}
          className="agenda-session-field"
          list={sessions}
          session={session}
          onChoose={onSession}
          optionLabel={(s, l) => t('agendaPage.day.sessionOption', { name: s.name, date: formatCalendarDate(s.date, l, 'short') })}
        />
        <button type="button" className="button button-primary" onClick={() => setAdding(newSlotDefaults())} disabled={busy}>
          {t('agendaPage.day.addSlot')}
        </button>
      </div>

      <StatusLine message={notice} />
      <ErrorNotice error={actionError} />

      <WarningsPanel data={data} session={session} sessionWarnings={sessionWarnings} otherWarnings={otherWarnings} onSlot={focusSlot} onPerson={focusPerson} />

      <section className="panel" aria-labelledby="agenda-day-title">
        <h2 id="agenda-day-title" ref={listHeading} tabIndex={-1}>
          {session.name}
          <span className="count">
            {' · '}
            <time dateTime={session.date}>{formatCalendarDate(session.date, lang)}</time>
            {' · '}
            {formatTimeRange(session.startTime, session.endTime)}
            {session.location ? ` · ${session.location}` : ''}
          </span>
        </h2>
        <p className="muted">
          {slots.length === 0
            ? t('agendaPage.day.noSlots')
            : t('agendaPage.day.summary', { count: slots.length, n: formatNumber(slots.length, lang), minutes: formatNumber(totalMinutes, lang) })}
        </p>
        {slots.length > 0 && (
          <ol className="slot-list" aria-label={t('agendaPage.day.listLabel', { name: session.name })}>
            {slots.map((slot) => (
              <SlotRow
                key={slot.id}
                slot={slot}
                data={data}
                warnings={warningsOf(slot.id)}
                busy={busy}
                onEdit={() => setEditing(slot)}
                onDuplicate={() => void duplicate(slot)}
                onMove={(delta) => void move(slot, delta)}
                onDelete={() => setDeleting(slot)}
              />
            ))}
          </ol>
        )}
      </section>

      <ExportsPanel session={session} />

      {adding && (
        <SlotDialog overview={data} session={session} defaults={adding} onClose={() => setAdding(null)} onSaved={(s) => void saved(s, true)} />
      )}
      {editing && (
        <SlotDialog overview={data} session={session} slot={editing} onClose={() => setEditing(null)} onSaved={(s) => void saved(s, false)} />
      )}
      {deleting && (
        <Dialog title={t('agendaPage.day.deleteTitle')} onClose={() => setDeleting(null)} role="alertdialog" describedBy="delete-slot-text">
          <p id="delete-slot-text">{t('agendaPage.day.deleteText', { slot: slotLabel(deleting), time: formatTimeRange(deleting.startTime, deleting.endTime) })}</p>
          <FormActions busy={busy} tone="danger" submitLabel={t('agendaPage.day.deleteConfirm')} onConfirm={() => void confirmDelete()} onCancel={() => setDeleting(null)} cancelFirst />
        </Dialog>
      )}
    </>
  );
}

interface RowProps {
  slot: AgendaSlot;
  data: AgendaOverview;
  warnings: AgendaWarning[];
  busy: boolean;
  onEdit: () => void;
  onDuplicate: () => void;
  onMove: (delta: number) => void;
  onDelete: () => void;
}

function SlotRow({ slot, data, warnings, busy, onEdit, onDuplicate, onMove, onDelete }: RowProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const slotLabel = useSlotLabel();
  const content = useContent();
  const people = contributorMap(data.contributors);
  const room = data.rooms.find((r) => r.id === slot.roomId);
  const names = (ids: string[]) => ids.map((id) => people.get(id)?.name ?? t('agendaPage.day.unknownPerson')).join(', ');
  const langs = (codes: string[]) => codes.map((c) => t(`agendaPage.lang.${c}`)).join(', ');
  const titleId = `slot-title-${slot.id}`;
  const label = slotLabel(slot);
  const canEarlier = toMinutes(slot.startTime) - STEP >= 0;
  const canLater = toMinutes(slot.endTime) + STEP <= 23 * 60 + 59;
  return (
    <li className={`slot slot-kind-${slot.kind}${warnings.length > 0 ? ' slot-warned' : ''}`} id={`slot-${slot.id}`} tabIndex={-1} aria-labelledby={titleId}>
      <div className="slot-time">
        <span className="slot-range">{formatTimeRange(slot.startTime, slot.endTime)}</span>
        <span className="slot-length">{t('agendaPage.day.minutes', { n: formatNumber(slotMinutes(slot), lang) })}</span>
      </div>
      <div className="slot-body">
        <p className="slot-head">
          <span className="slot-kind">{t(`agendaPage.kind.${slot.kind}`)}</span>
          {warnings.length > 0 && (
            <span className="slot-warning-marker">
              <span aria-hidden="true">! </span>
              {t('agendaPage.day.slotWarnings', { count: warnings.length, n: formatNumber(warnings.length, lang) })}
            </span>
          )}
        </p>
        <h3 id={titleId} className="slot-title">
          <span className="visually-hidden">{formatTimeRange(slot.startTime, slot.endTime)} </span>
          {slot.title ? content('slot', slot.id, 'title', slot.title) : t(`agendaPage.kind.${slot.kind}`)}
        </h3>
        <dl className="slot-facts">
          {slot.topic && (
            <div>
              <dt>{t('agendaPage.slot.topic')}</dt>
              <dd>{content('topic', slot.topic.trim(), 'name', slot.topic)}</dd>
            </div>
          )}
          {room && (
            <div>
              <dt>{t('agendaPage.slot.room')}</dt>
              <dd>{t('agendaPage.day.roomWithCapacity', { name: room.name, n: formatNumber(room.capacity, lang) })}</dd>
            </div>
          )}
          {slot.speakerIds.length > 0 && (
            <div>
              <dt>{t('agendaPage.slot.speakers')}</dt>
              <dd>{names(slot.speakerIds)}</dd>
            </div>
          )}
          {slot.facilitatorIds.length > 0 && (
            <div>
              <dt>{t('agendaPage.slot.facilitators')}</dt>
              <dd>{names(slot.facilitatorIds)}</dd>
            </div>
          )}
          {slot.languages.length > 0 && (
            <div>
              <dt>{t('agendaPage.slot.languages')}</dt>
              <dd>
                {langs(slot.languages)}
                {slot.interpretation.length > 0 && ` · ${t('agendaPage.day.interpretationInto', { languages: langs(slot.interpretation) })}`}
              </dd>
            </div>
          )}
          {slot.languages.length === 0 && slot.interpretation.length > 0 && (
            <div>
              <dt>{t('agendaPage.slot.interpretation')}</dt>
              <dd>{langs(slot.interpretation)}</dd>
            </div>
          )}
        </dl>
        {slot.notes && <p className="slot-notes">{slot.notes}</p>}
        <div className="slot-actions">
          <button type="button" className="button button-small" onClick={onEdit} aria-label={t('agendaPage.day.editNamed', { slot: label })} disabled={busy}>
            {t('common.edit')}
          </button>
          <button type="button" className="button button-small" onClick={onDuplicate} aria-label={t('agendaPage.day.duplicateNamed', { slot: label })} disabled={busy}>
            {t('agendaPage.day.duplicate')}
          </button>
          <button
            type="button"
            id={`earlier-${slot.id}`}
            className="button button-small"
            onClick={() => onMove(-STEP)}
            aria-label={t('agendaPage.day.earlierNamed', { slot: label })}
            disabled={busy || !canEarlier}
          >
            {t('agendaPage.day.earlier')}
          </button>
          <button
            type="button"
            id={`later-${slot.id}`}
            className="button button-small"
            onClick={() => onMove(STEP)}
            aria-label={t('agendaPage.day.laterNamed', { slot: label })}
            disabled={busy || !canLater}
          >
            {t('agendaPage.day.later')}
          </button>
          <button type="button" className="button button-small button-danger-outline" onClick={onDelete} aria-label={t('agendaPage.day.deleteNamed', { slot: label })} disabled={busy}>
            {t('common.delete')}
          </button>
        </div>
      </div>
    </li>
  );
}

interface WarningsProps {
  data: AgendaOverview;
  session: Session;
  sessionWarnings: AgendaWarning[];
  otherWarnings: AgendaWarning[];
  onSlot: (slotId: string) => void;
  onPerson: (contributorId: string) => void;
}

function WarningsPanel({ data, session, sessionWarnings, otherWarnings, onSlot, onPerson }: WarningsProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const total = sessionWarnings.length + otherWarnings.length;
  return (
    <section className={`panel agenda-warnings${total > 0 ? ' has-warnings' : ''}`} aria-labelledby="agenda-warnings-title">
      <h2 id="agenda-warnings-title">
        {t('agendaPage.warnings.title')}
        {total > 0 && <span className="count"> · {t('agendaPage.warningCount', { count: total, n: formatNumber(total, lang) })}</span>}
      </h2>
      {total === 0 && <p className="agenda-all-clear">{t('agendaPage.warnings.none')}</p>}
      {sessionWarnings.length > 0 && (
        <>
          <h3>{t('agendaPage.warnings.thisSession', { name: session.name })}</h3>
          <WarningList overview={data} warnings={sessionWarnings} onSlot={onSlot} onPerson={onPerson} />
        </>
      )}
      {otherWarnings.length > 0 && (
        <details className="agenda-other-warnings" open={sessionWarnings.length === 0}>
          <summary>{t('agendaPage.warnings.elsewhere', { count: otherWarnings.length, n: formatNumber(otherWarnings.length, lang) })}</summary>
          <WarningList overview={data} warnings={otherWarnings} onSlot={onSlot} onPerson={onPerson} />
        </details>
      )}
    </section>
  );
}

function ExportsPanel({ session }: { session: Session }) {
  const { t } = useTranslation();
  const langId = useId();
  const [docLang, setDocLang] = useState<Language>(currentLanguage());
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function run(which: 'programme' | 'schedule' | 'xlsx') {
    setBusy(which);
    setError(null);
    setSaved(null);
    try {
      const file =
        which === 'xlsx'
          ? await call('agenda.exportXlsx', { lang: docLang })
          : await call('agenda.exportPdf', { kind: which, lang: docLang, ...(which === 'programme' ? { sessionId: session.id } : {}) });
      saveBinaryFile(file);
      setSaved(t('agendaPage.exports.saved', { file: file.fileName }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="panel" aria-labelledby="agenda-exports-title">
      <h2 id="agenda-exports-title">{t('agendaPage.exports.title')}</h2>
      <div className="agenda-exports">
        <div className="field">
          <label htmlFor={langId}>{t('agendaPage.exports.language')}</label>
          <select id={langId} value={docLang} onChange={(e) => setDocLang(e.target.value as Language)} className="input-short">
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {NATIVE_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
        <div className="agenda-export-buttons">
          <button type="button" className="button" onClick={() => void run('programme')} disabled={busy !== null}>
            {busy === 'programme' ? t('common.busy') : t('agendaPage.exports.programme', { name: session.name })}
          </button>
          <button type="button" className="button" onClick={() => void run('schedule')} disabled={busy !== null}>
            {busy === 'schedule' ? t('common.busy') : t('agendaPage.exports.schedule')}
          </button>
          <button type="button" className="button" onClick={() => void run('xlsx')} disabled={busy !== null}>
            {busy === 'xlsx' ? t('common.busy') : t('agendaPage.exports.xlsx')}
          </button>
        </div>
      </div>
      <p className="field-hint">{t('agendaPage.exports.hint')}</p>
      <StatusLine message={saved} />
      <ErrorNotice error={error} />
    </section>
  );
}
