/**
 * What the attendance parts share: the person's state in words, their needs, and the empty
 * states of a new assembly. The session choice is the app's one SessionPicker.
 */
import { useEffect, useRef } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RosterEntry } from '../../../main/domain/attendance/types';
import { EmptyState } from '../../components/EmptyState';
import { hrefFor } from '../../router';

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
