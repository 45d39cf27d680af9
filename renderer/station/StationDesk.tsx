/**
 * The check-in desk of a desk station on the venue link. The session's roster is kept in memory;
 * every check-in, check-out and undo is made here as an event (UUIDv7 id, this device's time),
 * shown on the roster at once, put in the queue (renderer/station/queue.ts) and sent to the host
 * with attendance.submitQueued. When the host cannot be reached the desk goes on and says
 * "Offline: N waiting"; when it answers again the queue drains. An event sent twice (an answer
 * lost on the way) is recognised by its id: nothing is recorded twice. What the host refuses is
 * listed as a conflict with the host's reason until a person has dealt with it.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 } from 'uuid';
import type { RosterEntry, SessionRoster } from '../../main/domain/attendance/types';
import type { Session } from '../../main/domain/sessions/types';
import { searchRoster } from '../../main/domain/attendance/search';
import { call, isApiCallError } from '../api';
import { stationStorage } from '../bridge/webBridge';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { FormActions } from '../components/FormActions';
import { LoadStatus } from '../components/StatusLine';
import { SessionPicker, useSessionChoice } from '../components/SessionPicker';
import { formatNumber } from '../format';
import { currentLanguage } from '../i18n';
import { NoSessions, StateBadge, useInterval } from '../pages/attendance/shared';
import {
  applyToRoster,
  dismissConflict,
  enqueue,
  localRefusal,
  localTime,
  makeEvent,
  nextBatch,
  parseQueue,
  serialiseQueue,
  settle,
  withWaiting,
  type QueueState,
  type QueuedKind,
} from './queue';
import '../pages/attendance/attendance.css';

/**
 * Where the queue is kept across a reload: the station's storage (localStorage, beside the device
 * token: see stationStorage). It holds ids and times only; names stay in memory.
 */
export const QUEUE_STORAGE_KEY = 'assembly-desk.station-queue';
const DRAIN_MS = 5000;
const REFRESH_MS = 10_000;
const LIST_LIMIT = 50;

/**
 * The host did not answer (the web bridge's transport error: network down, timeout, host stopped),
 * or answered that it is restoring a backup (HOST_PAUSED): both mean keep queueing and try again.
 */
export function isUnreachable(e: unknown): boolean {
  return isHostPaused(e) || (isApiCallError(e) && e.code === 'INTERNAL' && typeof e.details.transport === 'string');
}

/** The host is restoring a backup (main/venue/hub.ts pauseStations): the desk says so, not "offline". */
export const isHostPaused = (e: unknown): boolean => isApiCallError(e) && e.code === 'HOST_PAUSED';

function pairingEnded(e: unknown): 'revoked' | 'unknown' | null {
  if (!isApiCallError(e) || e.code !== 'FORBIDDEN') return null;
  return e.i18nKey === 'venue.errors.revoked' ? 'revoked' : e.i18nKey === 'venue.errors.unknownDevice' ? 'unknown' : null;
}

function loadQueue(): QueueState {
  try {
    return parseQueue(stationStorage().getItem(QUEUE_STORAGE_KEY));
  } catch {
    return parseQueue(null);
  }
}

function saveQueue(q: QueueState): void {
  try {
    stationStorage().setItem(QUEUE_STORAGE_KEY, serialiseQueue(q));
  } catch {
    // No storage: the queue lives in memory while the page is open.
  }
}

interface Props {
  assemblyName: string;
  onEnded: (why: 'revoked' | 'unknown') => void;
}

export function StationDesk({ assemblyName, onEnded }: Props) {
  const { t } = useTranslation();
  const { sessions, list, session, choose } = useSessionChoice();
  return (
    <section aria-labelledby="page-heading" className="att-desk station-desk">
      <h1 id="page-heading" tabIndex={-1}>
        {t('desk.title')} <span className="muted station-assembly">· {assemblyName}</span>
      </h1>
      <LoadStatus loaded={sessions} />
      {sessions.data && list.length === 0 && <NoSessions />}
      {session && <Desk key={session.id} session={session} list={list} onChoose={choose} onEnded={onEnded} />}
    </section>
  );
}

type Notice = { kind: QueuedKind; name: string; time: string } | { kind: 'local'; reason: string; name: string };

function Desk({ session, list, onChoose, onEnded }: { session: Session; list: Session[]; onChoose: (id: string) => void; onEnded: Props['onEnded'] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const sessionId = session.id;
  const [queue, setQueueState] = useState<QueueState>(loadQueue);
  const queueRef = useRef(queue);
  const [roster, setRoster] = useState<SessionRoster | null>(null);
  const [reachable, setReachable] = useState<boolean | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [query, setQuery] = useState('');
  const [undoing, setUndoing] = useState<{ row: RosterEntry; eventId: string; kind: string; time: string } | null>(null);
  const [excusing, setExcusing] = useState<RosterEntry | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const rosterRef = useRef<SessionRoster | null>(null);
  rosterRef.current = roster;
  /** Counts local changes, so that a roster fetched before one of them does not undo it on screen. */
  const changes = useRef(0);
  const draining = useRef(false);

  const setQueue = useCallback((change: (q: QueueState) => QueueState) => {
    const next = change(queueRef.current);
    queueRef.current = next;
    saveQueue(next);
    setQueueState(next);
  }, []);

  const [paused, setPaused] = useState(false);
  // Any answer from the host ends a pause (the restore is done: the queue drains, the roster reloads).
  useEffect(() => {
    if (reachable) setPaused(false);
  }, [reachable]);

  const failed = useCallback(
    (e: unknown) => {
      if (isUnreachable(e)) {
        setPaused(isHostPaused(e));
        return setReachable(false);
      }
      const why = pairingEnded(e);
      if (why) return onEnded(why);
      setError(e);
    },
    [onEnded],
  );

  const load = useCallback(async () => {
    const before = changes.current;
    try {
      const fresh = await call('attendance.roster', { sessionId });
      setReachable(true);
      setError(null);
      // The host's roster, with what this station has not handed over yet on top.
      if (before === changes.current) setRoster(withWaiting(fresh, queueRef.current));
    } catch (e) {
      failed(e);
    }
  }, [sessionId, failed]);

  const drain = useCallback(async () => {
    if (draining.current || queueRef.current.waiting.length === 0) return;
    draining.current = true;
    let settled = false;
    try {
      while (queueRef.current.waiting.length > 0) {
        const batch = nextBatch(queueRef.current);
        const result = await call('attendance.submitQueued', { events: batch, waiting: queueRef.current.waiting.length });
        setReachable(true);
        const codeOf = (personId: string) => rosterRef.current?.rows.find((r) => r.personId === personId)?.code ?? '';
        setQueue((q) => settle(q, batch, result, codeOf));
        changes.current++;
        settled = true;
        if (result.accepted.length + result.refused.length === 0) break;
      }
    } catch (e) {
      failed(e);
    } finally {
      draining.current = false;
    }
    // The host's view again: other desks' check-ins, and nothing of what it refused.
    if (settled) void load();
  }, [failed, load, setQueue]);

  useEffect(() => {
    void load().then(() => drain());
  }, [load, drain]);
  useInterval(() => void (queueRef.current.waiting.length > 0 ? drain() : load()), queue.waiting.length > 0 ? DRAIN_MS : REFRESH_MS);

  useEffect(() => {
    const timer = window.setTimeout(() => search.current?.focus(), 0);
    return () => window.clearTimeout(timer);
  }, []);

  function act(kind: QueuedKind, row: RosterEntry, undoes: string | null = null, reason: string | null = null) {
    const name = `${row.firstName} ${row.lastName}`;
    const refused = localRefusal(row, kind, undoes);
    if (refused) return setNotice({ kind: 'local', reason: refused, name });
    const e = makeEvent(kind, { sessionId, personId: row.personId, undoes, reason }, new Date(), v7);
    changes.current++;
    setQueue((q) => enqueue(q, e));
    setRoster((r) => (r ? applyToRoster(r, e) : r));
    setNotice({ kind, name, time: localTime(e.at) });
    search.current?.focus();
    void drain();
  }

  const results = useMemo(() => (roster ? searchRoster(roster.rows, query, LIST_LIMIT) : []), [roster, query]);

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const text = query.trim();
    if (text === '') return;
    const row = roster?.rows.find((r) => r.code === text.toUpperCase()) ?? results[0];
    if (row) act('checkIn', row);
    else setNotice({ kind: 'local', reason: 'unknown', name: text });
    setQuery('');
  }

  const waiting = queue.waiting.length;
  const offline = reachable === false;
  const nameOf = (personId: string) => {
    const r = roster?.rows.find((x) => x.personId === personId);
    return r ? `${r.firstName} ${r.lastName}` : null;
  };

  return (
    <>
      <SessionPicker id="desk-session" label={t('desk.session')} className="att-session-picker" list={list} session={session} onChoose={onChoose} warnNotToday />
      <p className={`station-link ${offline ? 'station-offline' : waiting > 0 ? 'station-sending' : 'station-online'}`} role="status" data-testid="station-link">
        {offline ? t('station.desk.offline', { n: formatNumber(waiting, lang) }) : waiting > 0 ? t('station.desk.sending', { n: formatNumber(waiting, lang) }) : reachable ? t('station.desk.online') : t('app.loading')}
        {offline && !paused && <span className="station-link-hint"> {t('station.desk.offlineHint')}</span>}
      </p>
      {offline && paused && (
        <p className="notice notice-warning" role="alert" data-testid="station-paused">
          {t('station.desk.paused', { n: formatNumber(waiting, lang) })}
        </p>
      )}
      {error ? <ErrorNotice error={error} /> : null}
      {!roster && offline && <p className="notice notice-error">{t('station.desk.noRosterOffline')}</p>}

      {queue.conflicts.length > 0 && (
        <section className="station-conflicts" aria-labelledby="station-conflicts-title" role="alert">
          <h2 id="station-conflicts-title">{t('station.conflicts.title', { n: formatNumber(queue.conflicts.length, lang) })}</h2>
          <p>{t('station.conflicts.intro')}</p>
          <ul>
            {queue.conflicts.map((c) => (
              <li key={c.event.id}>
                {nameOf(c.event.personId) && <strong>{nameOf(c.event.personId)}</strong>} {c.who && <span className="att-mono">{c.who}</span>} · {t(`station.kind.${c.event.kind}`)} {localTime(c.event.at)}
                <br />
                <span className="station-reason">{t('station.conflicts.reason', { reason: c.reason })}</span>{' '}
                <button type="button" className="button button-small" onClick={() => setQueue((q) => dismissConflict(q, c.event.id))}>
                  {t('station.conflicts.dismiss')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {roster && (
        <div className="att-desk-bar">
          <div className="att-search">
            <label htmlFor="desk-search" className="att-search-label">
              {t('desk.search')}
            </label>
            <input
              id="desk-search"
              ref={search}
              type="search"
              className="att-search-input"
              autoComplete="off"
              spellCheck={false}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={onKeyDown}
              aria-controls="desk-results"
            />
          </div>
          <p className="att-counter">
            <span className="att-counter-figure" data-testid="station-counter">
              {formatNumber(roster.present, lang)} / {formatNumber(roster.expected, lang)}
            </span>
            <span className="att-counter-label">{t('desk.counter')}</span>
          </p>
        </div>
      )}

      <div role="status" className="station-notice">
        {notice && notice.kind !== 'local' && (
          <p className="notice notice-success">{t(`station.done.${notice.kind}`, { name: notice.name, time: notice.time })}</p>
        )}
      </div>
      {notice?.kind === 'local' && (
        <p className="notice notice-error" role="alert">
          {t(`station.refused.${notice.reason}`, { name: notice.name })}
        </p>
      )}

      {roster && (
        <div className="table-wrap">
          <table className="data-table att-roster" id="desk-results">
            <caption className="visually-hidden">{t('desk.rosterCaption', { session: session.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('desk.col.name')}</th>
                <th scope="col">{t('desk.col.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('desk.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => {
                const name = `${r.firstName} ${r.lastName}`;
                const last = r.undoable[0];
                return (
                  <tr key={r.personId}>
                    <th scope="row">
                      <span className="att-row-name">{name}</span> <span className="att-mono att-row-code">{r.code}</span>
                    </th>
                    <td>
                      <StateBadge entry={r} />
                    </td>
                    <td className="row-actions">
                      <div className="row-actions-inner">
                        {(r.state === 'expected' || r.state === 'left') && (
                          <button type="button" className="button button-small button-primary" onClick={() => act('checkIn', r)} aria-label={t('desk.checkInNamed', { name })}>
                            {t('desk.checkIn')}
                          </button>
                        )}
                        {r.state === 'present' && (
                          <button type="button" className="button button-small" onClick={() => act('checkOut', r)} aria-label={t('station.checkOutNowNamed', { name })}>
                            {t('station.checkOutNow')}
                          </button>
                        )}
                        {r.state === 'expected' && (
                          <button type="button" className="button button-small" onClick={() => setExcusing(r)} aria-label={t('desk.excuseNamed', { name })}>
                            {t('desk.excuse')}
                          </button>
                        )}
                        {last && (
                          <button
                            type="button"
                            className="button button-small button-danger-outline"
                            onClick={() => setUndoing({ row: r, eventId: last.eventId, kind: last.kind, time: last.at })}
                            aria-label={t(`desk.undoNamed.${last.kind}`, { name, time: last.at })}
                          >
                            {t('desk.undo')}
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {excusing && (
        <ExcuseDialog
          person={excusing}
          onCancel={() => setExcusing(null)}
          onDone={(reason) => {
            const row = excusing;
            setExcusing(null);
            act('excused', row, null, reason);
          }}
        />
      )}
      {undoing && (
        <Dialog title={t('desk.undoConfirm.title')} onClose={() => setUndoing(null)} role="alertdialog" describedBy="station-undo-text">
          <p id="station-undo-text">{t(`desk.undoConfirm.${undoing.kind}`, { name: `${undoing.row.firstName} ${undoing.row.lastName}`, time: undoing.time })}</p>
          <FormActions
            busy={false}
            tone="danger"
            submitLabel={t('desk.undoConfirm.confirm')}
            cancelLabel={t('desk.undoConfirm.cancel')}
            onConfirm={() => {
              const u = undoing;
              setUndoing(null);
              act('undo', u.row, u.eventId);
            }}
            onCancel={() => setUndoing(null)}
            cancelFirst
          />
        </Dialog>
      )}
    </>
  );
}

/** The reason of an excused absence, required (the host refuses an excuse without one). */
function ExcuseDialog({ person, onDone, onCancel }: { person: RosterEntry; onDone: (reason: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const name = `${person.firstName} ${person.lastName}`;
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      document.getElementById('station-excuse-reason')?.focus();
      return;
    }
    onDone(reason.trim());
  }
  return (
    <Dialog title={t('desk.excuseTitle', { name })} onClose={onCancel}>
      <form onSubmit={submit} noValidate>
        <Field id="station-excuse-reason" label={t('desk.excuseReason')} hint={t('desk.excuseReasonHint')} error={missing ? t('desk.excuseReasonRequired') : null}>
          {(control) => <textarea {...control} rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} data-autofocus />}
        </Field>
        <FormActions busy={false} submitLabel={t('desk.excuseSubmit')} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
