/**
 * The session's roster as the check-in desks show it: one table for the host's desk
 * (CheckInDesk) and a desk station (renderer/station/StationDesk), so a person reads the same
 * rows and finds the same buttons on either. What the buttons do differs (the host calls the API
 * at once, a station queues events), so the actions are props.
 */
import { useTranslation } from 'react-i18next';
import type { RosterEntry } from '../../../main/domain/attendance/types';
import { StateBadge, languageName, needsList } from './shared';

export interface RosterActions {
  onCheckIn: (r: RosterEntry) => void;
  /** Checks in again at the time of a check-in that was undone (HH:MM). */
  onCheckInAt: (r: RosterEntry, time: string) => void;
  /** "Check out…": asks for the time (empty: now). */
  onCheckOut: (r: RosterEntry) => void;
  /** "Check out now", in one tap (a station at the door); absent: only "Check out…". */
  onCheckOutNow?: (r: RosterEntry) => void;
  onExcuse: (r: RosterEntry) => void;
  /** Undoes the row's latest event (the caller asks for confirmation). */
  onUndo: (r: RosterEntry) => void;
}

interface Props extends RosterActions {
  rows: readonly RosterEntry[];
  sessionName: string;
  /** The row the arrow keys highlight (-1: none). */
  active?: number;
  busy?: boolean;
  /** The language and needs columns (false: a station's tablet, narrower, where the buttons come first). */
  details?: boolean;
}

export function RosterTable({ rows, sessionName, active = -1, busy = false, details = true, ...actions }: Props) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="data-table att-roster" id="desk-results">
        <caption className="visually-hidden">{t('desk.rosterCaption', { session: sessionName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('desk.col.name')}</th>
            <th scope="col">{t('desk.col.state')}</th>
            {details && <th scope="col">{t('desk.col.language')}</th>}
            {details && <th scope="col">{t('desk.col.needs')}</th>}
            <th scope="col">
              <span className="visually-hidden">{t('desk.col.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <RosterRow key={r.personId} entry={r} active={i === active} busy={busy} details={details} actions={actions} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RosterRow({ entry: r, active, busy, details, actions }: { entry: RosterEntry; active: boolean; busy: boolean; details: boolean; actions: RosterActions }) {
  const { t } = useTranslation();
  const name = `${r.firstName} ${r.lastName}`;
  const needs = needsList(t, r.needs);
  const last = r.undoable[0];
  const away = r.state === 'expected' || r.state === 'left';
  return (
    <tr id={`desk-row-${r.personId}`} className={active ? 'att-row-active' : undefined}>
      <th scope="row">
        <span className="att-row-name">{name}</span> <span className="att-mono att-row-code">{r.code}</span>
        {active && <span className="visually-hidden"> ({t('desk.highlighted')})</span>}
      </th>
      <td>
        <StateBadge entry={r} />
      </td>
      {details && <td>{languageName(t, r.language)}</td>}
      {details && <td className="att-row-needs">{needs.length > 0 ? needs.join(' · ') : <span className="muted">–</span>}</td>}
      <td className="row-actions">
        <div className="row-actions-inner">
          {away && (
            <button type="button" className="button button-small button-primary" disabled={busy} onClick={() => actions.onCheckIn(r)} aria-label={t('desk.checkInNamed', { name })}>
              {t('desk.checkIn')}
            </button>
          )}
          {away && r.undoneArrivedAt && (
            <button
              type="button"
              className="button button-small"
              disabled={busy}
              onClick={() => actions.onCheckInAt(r, r.undoneArrivedAt!)}
              aria-label={t('desk.checkInAtNamed', { name, time: r.undoneArrivedAt })}
            >
              {t('desk.checkInAt', { time: r.undoneArrivedAt })}
            </button>
          )}
          {r.state === 'present' && actions.onCheckOutNow && (
            <button type="button" className="button button-small" disabled={busy} onClick={() => actions.onCheckOutNow!(r)} aria-label={t('station.checkOutNowNamed', { name })}>
              {t('station.checkOutNow')}
            </button>
          )}
          {r.state === 'present' && (
            <button type="button" className="button button-small" disabled={busy} onClick={() => actions.onCheckOut(r)} aria-label={t('desk.checkOutNamed', { name })}>
              {t('desk.checkOut')}
            </button>
          )}
          {r.state === 'expected' && (
            <button type="button" className="button button-small" disabled={busy} onClick={() => actions.onExcuse(r)} aria-label={t('desk.excuseNamed', { name })}>
              {t('desk.excuse')}
            </button>
          )}
          {last && (
            <button
              type="button"
              className="button button-small button-danger-outline"
              disabled={busy}
              onClick={() => actions.onUndo(r)}
              aria-label={t(`desk.undoNamed.${last.kind}`, { name, time: last.at })}
            >
              {t('desk.undo')}
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
