/**
 * What the attendance parts share: the session choice (remembered while moving between the desk,
 * the dashboard and the sign-in sheets), the person's state in words, their needs, and the empty
 * states of a new assembly.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RosterEntry } from '../../../main/domain/attendance/types';
import type { Session } from '../../../main/domain/sessions/types';
import { call } from '../../api';
import { useApiData } from '../../components/AppState';
import { EmptyState } from '../../components/EmptyState';
import { formatCalendarDate, formatTimeRange, todayCalendarDate } from '../../format';
import { currentLanguage } from '../../i18n';
import { hrefFor } from '../../router';

/** The session last chosen on any attendance part, for as long as the window is open. */
let rememberedSessionId: string | null = null;

/** Today's session, else the next one to come, else the latest. */
export function defaultSession(sessions: readonly Session[], today = todayCalendarDate()): Session | null {
  if (sessions.length === 0) return null;
  const sorted = [...sessions].sort((a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime));
  const todays = sorted.filter((s) => s.date === today);
  if (todays.length > 0) {
    // Of today's sessions: the one going on or next, else the last one.
    const now = new Date();
    const hhmm = `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
    return todays.find((s) => s.endTime >= hhmm) ?? todays[todays.length - 1]!;
  }
  return sorted.find((s) => s.date > today) ?? sorted[sorted.length - 1]!;
}

/** The sessions and the chosen one (kept across the attendance parts). */
export function useSessionChoice() {
  const sessions = useApiData(() => call('sessions.list', {}), []);
  const [chosenId, setChosenId] = useState<string | null>(rememberedSessionId);
  const list = sessions.data ?? [];
  const session = list.find((s) => s.id === chosenId) ?? defaultSession(list);
  const choose = (id: string) => {
    rememberedSessionId = id;
    setChosenId(id);
  };
  return { sessions, list, session, choose };
}

export function sessionLabel(s: Session, lang: string): string {
  return `${s.name} · ${formatCalendarDate(s.date, lang, 'short')} · ${formatTimeRange(s.startTime, s.endTime)}`;
}

/** A labelled select of the sessions. */
export function SessionPicker({ list, session, onChoose, id }: { list: Session[]; session: Session | null; onChoose: (id: string) => void; id?: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const fallbackId = useId();
  const selectId = id ?? fallbackId;
  return (
    <div className="field att-session-picker">
      <label htmlFor={selectId}>{t('desk.session')}</label>
      <select id={selectId} value={session?.id ?? ''} onChange={(e) => onChoose(e.target.value)}>
        {list.map((s) => (
          <option key={s.id} value={s.id}>
            {sessionLabel(s, lang)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** "present since 09:12 · 35 min late", "left 15:30", "excused", "expected". */
export function stateText(t: TFunction, r: RosterEntry): string {
  switch (r.state) {
    case 'present':
      return [t('desk.state.present', { time: r.arrivedAt }), r.lateMinutes ? t('desk.late', { count: r.lateMinutes }) : null].filter(Boolean).join(' · ');
    case 'left':
      return [
        t('desk.state.left', { time: r.departedAt }),
        r.lateMinutes ? t('desk.late', { count: r.lateMinutes }) : null,
        r.earlyMinutes ? t('desk.early', { count: r.earlyMinutes }) : null,
      ]
        .filter(Boolean)
        .join(' · ');
    case 'excused':
      return r.excuseReason ? t('desk.state.excusedWhy', { reason: r.excuseReason }) : t('desk.state.excused');
    default:
      return t('desk.state.expected');
  }
}

export function StateBadge({ entry }: { entry: RosterEntry }) {
  const { t } = useTranslation();
  return <span className={`att-state att-state-${entry.state}`}>{stateText(t, entry)}</span>;
}

/** The needs worth knowing at the door, as short phrases (nothing when there are none). */
export function needsList(t: TFunction, needs: RosterEntry['needs']): string[] {
  const out: string[] = [];
  if (needs.accessibility.trim()) out.push(t('desk.needs.accessibility', { what: needs.accessibility.trim() }));
  if (needs.diet.trim()) out.push(t('desk.needs.diet', { what: needs.diet.trim() }));
  if (needs.childcare) out.push(t('desk.needs.childcare'));
  return out;
}

export function languageName(t: TFunction, language: string | null): string {
  return language ? t(`desk.lang.${language}`) : t('desk.lang.unknown');
}

export function NoSessions() {
  const { t } = useTranslation();
  return (
    <EmptyState title={t('desk.noSessionsTitle')}>
      <p>{t('desk.noSessionsText')}</p>
      <p>
        <a href={hrefFor('sessions')}>{t('desk.noSessionsLink')}</a>
      </p>
    </EmptyState>
  );
}

export function NoParticipants() {
  const { t } = useTranslation();
  return (
    <EmptyState title={t('desk.noParticipantsTitle')}>
      <p>{t('desk.noParticipantsText')}</p>
      <p>
        <a href={hrefFor('recruitment')}>{t('desk.noParticipantsLink')}</a>
      </p>
    </EmptyState>
  );
}

/** Calls `tick` every `ms` while the page is shown (and visible). */
export function useInterval(tick: () => void, ms: number) {
  const latest = useRef(tick);
  latest.current = tick;
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'hidden') latest.current();
    }, ms);
    return () => window.clearInterval(timer);
  }, [ms]);
}
