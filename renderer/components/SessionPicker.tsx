/**
 * The one session choice of the app: the check-in desk, the dashboard, the sign-in sheets, the
 * tables, the votes and the agenda open on the same "current" session (the pure rule
 * currentSession of main/domain/sessionRules.ts) and remember one chosen session, for as long as
 * the window is open, when the operator moves between them.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../main/domain/sessions/types';
import { currentSession, isSessionToday, type SessionTimes, type WallClock } from '../../main/domain/sessionRules';
import { call } from '../api';
import { formatCalendarDate, formatTimeRange, todayCalendarDate } from '../format';
import { currentLanguage } from '../i18n';
import { useApiData } from './AppState';
import { useContent } from './content';
import './sessionPicker.css';

/** The session last chosen on any page, while the window is open. */
let rememberedSessionId: string | null = null;

/** Remembers a session chosen elsewhere than in a picker (a ballot's session opened from a link). */
export function rememberSession(id: string): void {
  rememberedSessionId = id;
}

/** The venue's wall clock, as this laptop shows it. */
export function wallClockNow(now: Date = new Date()): WallClock {
  return { date: todayCalendarDate(now), time: `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}` };
}

/** The remembered session id (null: none chosen yet) and the way to choose one. */
export function useRememberedSessionId(): [string | null, (id: string) => void] {
  const [chosenId, setChosenId] = useState<string | null>(rememberedSessionId);
  const choose = (id: string) => {
    rememberedSessionId = id;
    setChosenId(id);
  };
  return [chosenId, choose];
}

/** The chosen session of `list`: the remembered one if it is there, else the current one. */
export function chosenSession<S extends SessionTimes & { id: string }>(list: readonly S[], chosenId: string | null): S | null {
  return list.find((s) => s.id === chosenId) ?? currentSession(list, wallClockNow());
}

/** The chosen session among `list` and the way to choose another. */
export function useChosenSession<S extends SessionTimes & { id: string }>(list: readonly S[]) {
  const [chosenId, choose] = useRememberedSessionId();
  return { session: chosenSession(list, chosenId), choose };
}

/** The sessions of the assembly and the chosen one. */
export function useSessionChoice() {
  const sessions = useApiData(() => call('sessions.list', {}), []);
  const content = useContent();
  // Names in the screen's language (display only: the Sessions page edits the base name).
  const list = useMemo(() => (sessions.data ?? []).map((s) => ({ ...s, name: content('session', s.id, 'name', s.name) })), [sessions.data, content]);
  const { session, choose } = useChosenSession(list);
  return { sessions, list, session, choose };
}

export function sessionLabel(s: Session, lang: string): string {
  return `${s.name} · ${formatCalendarDate(s.date, lang, 'short')} · ${formatTimeRange(s.startTime, s.endTime)}`;
}

interface Props<S extends Session> {
  list: readonly S[];
  session: S | null;
  onChoose: (id: string) => void;
  id?: string;
  /** The field's label (each area says "Session" in its own words). */
  label: string;
  className?: string;
  /** An extra first option with the value "" (for example "All sessions"). */
  allLabel?: string;
  optionLabel?: (s: S, lang: string) => string;
  /** Says, and keeps saying, when the chosen session is not held today (the check-in desk). */
  warnNotToday?: boolean;
}

/** A labelled select of the sessions. */
export function SessionPicker<S extends Session>({ list, session, onChoose, id, label, className, allLabel, optionLabel = sessionLabel, warnNotToday }: Props<S>) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const fallbackId = useId();
  const selectId = id ?? fallbackId;
  const notToday = warnNotToday && session !== null && !isSessionToday(session, wallClockNow());
  return (
    <>
      <div className={`field ${className ?? ''}`.trim()}>
        <label htmlFor={selectId}>{label}</label>
        <select id={selectId} value={session?.id ?? ''} onChange={(e) => onChoose(e.target.value)} aria-describedby={notToday ? `${selectId}-not-today` : undefined}>
          {allLabel !== undefined && <option value="">{allLabel}</option>}
          {list.map((s) => (
            <option key={s.id} value={s.id}>
              {optionLabel(s, lang)}
            </option>
          ))}
        </select>
      </div>
      {notToday && session && (
        <div className="notice notice-warning" id={`${selectId}-not-today`} role="status">
          <p className="notice-title">{t('desk.notToday', { date: formatCalendarDate(session.date, lang, 'long') })}</p>
          <p>{t('desk.notTodayHint')}</p>
        </div>
      )}
    </>
  );
}
