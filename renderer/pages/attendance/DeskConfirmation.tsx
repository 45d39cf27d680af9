/**
 * What the desk just did, large enough to read from a step back: the person checked in with
 * their table, language and needs, and an Undo button; or why a check-in was refused, each
 * refusal in its own words and colour (never a silent success).
 */
import { useTranslation } from 'react-i18next';
import type { AttendanceResult } from '../../../main/domain/attendance/types';
import type { PersonStatus } from '../../../preload/vocabulary';
import { isApiCallError } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { languageName, needsList } from './shared';

export type DeskOutcome =
  | { kind: 'checkIn' | 'checkOut' | 'excused'; result: AttendanceResult }
  | { kind: 'undo'; result: AttendanceResult; undid: 'checkIn' | 'checkOut' | 'excused' }
  | { kind: 'refused'; error: unknown; typed: string }
  | { kind: 'noMatch'; typed: string };

interface Props {
  outcome: DeskOutcome | null;
  busy: boolean;
  /** While the next name is typed: one line, so the list shows beneath. */
  compact?: boolean;
  onUndo: (result: AttendanceResult) => void;
  /** After an undone check-in: check the person in again at the original time. */
  onCheckInAgain: (person: AttendanceResult['person'], at: string) => void;
}

/** The announcement (role=status) of a success; the refusals are alerts (see DeskRefusal). */
export function DeskConfirmation({ outcome, busy, compact, onUndo, onCheckInAgain }: Props) {
  const { t } = useTranslation();
  const success = outcome && outcome.kind !== 'refused' && outcome.kind !== 'noMatch' ? outcome : null;
  const p = success?.result.person;
  const name = p ? `${p.firstName} ${p.lastName}` : '';
  return (
    <div role="status" className="att-outcome-live">
      {success && p && success.kind === 'checkIn' && (
        <div className={`att-confirm${compact ? ' att-confirm-compact' : ''}`}>
          <p className="att-confirm-head">
            <span className="att-confirm-mark" aria-hidden="true">
              ✓
            </span>
            <span>
              {t('desk.confirm.checkedIn')} <strong className="att-confirm-name">{name}</strong>
            </span>
          </p>
          <dl className="att-confirm-facts">
            <div>
              <dt>{t('desk.confirm.code')}</dt>
              <dd className="att-mono">{p.code}</dd>
            </div>
            <div>
              <dt>{t('desk.confirm.table')}</dt>
              <dd>{p.table ?? t('desk.confirm.noTable')}</dd>
            </div>
            <div>
              <dt>{t('desk.confirm.language')}</dt>
              <dd>{languageName(t, p.language)}</dd>
            </div>
            <div>
              <dt>{t('desk.confirm.arrived')}</dt>
              <dd>
                {p.arrivedAt}
                {p.lateMinutes ? ` · ${t('desk.late', { count: p.lateMinutes })}` : ''}
              </dd>
            </div>
          </dl>
          <Needs needs={p.needs} />
          <div className="att-confirm-actions">
            <button type="button" className="button" disabled={busy} onClick={() => onUndo(success.result)}>
              {t('desk.confirm.undo', { name })}
            </button>
          </div>
        </div>
      )}
      {success && p && success.kind !== 'checkIn' && (
        <p className="notice notice-success att-done">
          <span>
            {success.kind === 'undo'
              ? t(`desk.done.undo.${success.undid}`, { name })
              : success.kind === 'checkOut'
                ? t('desk.done.checkOut', { name, time: p.departedAt })
                : t('desk.done.excused', { name })}
          </span>
          {success.kind === 'undo' && success.undid === 'checkIn' && p.undoneArrivedAt && p.state !== 'present' && (
            <button type="button" className="button button-small" disabled={busy} onClick={() => onCheckInAgain(p, p.undoneArrivedAt!)}>
              {t('desk.checkInAgain', { name, time: p.undoneArrivedAt })}
            </button>
          )}
        </p>
      )}
    </div>
  );
}

function Needs({ needs }: { needs: AttendanceResult['person']['needs'] }) {
  const { t } = useTranslation();
  const list = needsList(t, needs);
  if (list.length === 0) return <p className="att-confirm-noneeds">{t('desk.confirm.noNeeds')}</p>;
  return (
    <div className="att-confirm-needs">
      <p className="att-confirm-needs-title">{t('desk.confirm.needs')}</p>
      <ul>
        {list.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  );
}

interface PersonDetail {
  code?: string;
  firstName?: string;
  lastName?: string;
  status?: PersonStatus;
}

/** Why the check-in did not happen: unknown code, not a confirmed participant, already here. */
export function DeskRefusal({ outcome }: { outcome: DeskOutcome | null }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  if (outcome.kind === 'noMatch') {
    return (
      <div className="att-refusal att-refusal-nomatch" role="alert">
        <p className="att-refusal-title">{t('desk.refused.noMatchTitle')}</p>
        <p>{t('desk.refused.noMatch', { typed: outcome.typed })}</p>
      </div>
    );
  }
  if (outcome.kind !== 'refused') return null;
  const e = outcome.error;
  if (!isApiCallError(e)) return <ErrorNotice error={e} />;
  const person = (e.details.person ?? {}) as PersonDetail;
  const name = [person.firstName, person.lastName].filter(Boolean).join(' ');
  switch (e.i18nKey) {
    case 'attendance.unknownCode':
      return (
        <div className="att-refusal att-refusal-unknown" role="alert">
          <p className="att-refusal-title">
            <span aria-hidden="true">✕ </span>
            {t('desk.refused.unknownTitle')}
          </p>
          <p>{t('desk.refused.unknown', { code: String(e.details.code ?? outcome.typed) })}</p>
        </div>
      );
    case 'attendance.notConfirmed':
      return (
        <div className="att-refusal att-refusal-notconfirmed" role="alert">
          <p className="att-refusal-title">
            <span aria-hidden="true">! </span>
            {t('desk.refused.notConfirmedTitle')}
          </p>
          <p>
            {t('desk.refused.notConfirmed', {
              name: name || person.code,
              code: person.code,
              status: person.status ? t(`peoplePage.status.${person.status}`) : '?',
            })}
          </p>
        </div>
      );
    case 'attendance.alreadyCheckedIn':
      return (
        <div className="att-refusal att-refusal-already" role="alert">
          <p className="att-refusal-title">
            <span aria-hidden="true">↺ </span>
            {t('desk.refused.alreadyTitle')}
          </p>
          <p>
            {typeof e.details.arrivedAt === 'string'
              ? t('desk.refused.already', { name, code: person.code, time: e.details.arrivedAt })
              : t('desk.refused.attended', { name, code: person.code })}
          </p>
        </div>
      );
    default:
      return <ErrorNotice error={e} />;
  }
}
