/**
 * The check-in desk of a desk station on the venue link. The session's roster is kept in memory;
 * every check-in, check-out and undo is made here as an event (UUIDv7 id, this device's time),
 * shown on the roster at once, put in the queue (renderer/station/queue.ts) and sent to the host
 * with attendance.submitQueued. When the host cannot be reached the desk goes on and says
 * "Offline: N waiting"; when it answers again the queue drains. An event sent twice (an answer
 * lost on the way) is recognised by its id: nothing is recorded twice. What the host refuses is
 * listed as a conflict with the host's reason, in the station's language, until a person has
 * dealt with it. The roster table is the host desk's (RosterTable); check-out at a chosen time
 * and check-in again at the time of an undone check-in are judged here by the host's own rules
 * (main/domain/attendance/rules.ts) before they are queued, and again by the host.
 *
 * A station that opens while the host is already unreachable has no roster (names are never
 * stored on the device): OfflineStartDesk then takes badge codes into the queue, which the host
 * resolves to people when it is back.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 } from 'uuid';
import type { RosterEntry, SessionRoster } from '../../main/domain/attendance/types';
import type { Session } from '../../main/domain/sessions/types';
import type { Refusal } from '../../main/domain/attendance/rules';
import { searchRoster } from '../../main/domain/attendance/search';
import { ApiCallError, call, isApiCallError } from '../api';
import { stationStorage } from '../bridge/webBridge';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { FormActions } from '../components/FormActions';
import { LoadStatus } from '../components/StatusLine';
import { SessionPicker, chosenSession, useSessionChoice, wallClockNow } from '../components/SessionPicker';
import { formatNumber } from '../format';
import { currentLanguage } from '../i18n';
import { CheckOutForm, ExcuseForm } from '../pages/attendance/DeskDialogs';
import { RosterTable } from '../pages/attendance/RosterTable';
import { NoSessions, useInterval } from '../pages/attendance/shared';
import { conflictText } from './conflictText';
import {
  applyToRoster,
  codeRefusal,
  dismissConflict,
  enqueue,
  instantOnDay,
  localRefusal,
  localTime,
  localTimeRefusal,
  makeEvent,
  nextBatch,
  parseQueue,
  queuedCodes,
  serialiseQueue,
  settle,
  withWaiting,
  type Conflict,
  type QueueState,
  type QueuedKind,
  type SessionDay,
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

/**
 * The sessions this desk last had from the host, and the one it showed, for a start while the
 * host is unreachable. A session is not personal data (a name, a date, times), so the list is
 * kept; people are not. Offline, the desk opens on the session it showed last if that one is
 * held today, else on the one running now or next today (currentSession, as online): check-ins
 * are never queued for another day's session. A device that knows no session today cannot start
 * offline (it says to use the paper sheet). The events keep their session when the host is back,
 * whichever session the desk then shows.
 */
export const SESSIONS_STORAGE_KEY = 'assembly-desk.station-sessions';

interface RememberedSessions {
  sessions: Session[];
  lastId: string | null;
}

function rememberSessions(sessions: Session[], lastId: string | null): void {
  try {
    stationStorage().setItem(SESSIONS_STORAGE_KEY, JSON.stringify({ sessions, lastId } satisfies RememberedSessions));
  } catch {
    // No storage: this device cannot start offline.
  }
}

/** The remembered sessions; none when nothing (readable) was stored. */
export function rememberedSessions(): RememberedSessions {
  try {
    const v = JSON.parse(stationStorage().getItem(SESSIONS_STORAGE_KEY) ?? 'null') as Partial<RememberedSessions> | null;
    const sessions = Array.isArray(v?.sessions) ? v.sessions.filter((x): x is Session => typeof x?.id === 'string' && typeof x.date === 'string' && typeof x.startTime === 'string' && typeof x.endTime === 'string' && typeof x.name === 'string') : [];
    return { sessions, lastId: typeof v?.lastId === 'string' ? v.lastId : null };
  } catch {
    return { sessions: [], lastId: null };
  }
}

/** True when this device has worked as a desk before: it may start offline. */
export const hasDeskMemory = (): boolean => rememberedSessions().sessions.length > 0;

interface Props {
  assemblyName: string;
  onEnded: (why: 'revoked' | 'unknown') => void;
}

export function StationDesk({ assemblyName, onEnded }: Props) {
  const { t } = useTranslation();
  const { sessions, list, session, choose } = useSessionChoice();
  useEffect(() => {
    if (sessions.data) rememberSessions(sessions.data, session?.id ?? null);
  }, [sessions.data, session?.id]);
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

type Notice = { kind: QueuedKind; name: string; time: string } | { kind: 'local'; reason: string; name: string } | { kind: 'rule'; refusal: Refusal };

/** A refusal of the host's rules as the API would have thrown it, so the desk's forms show it as the host's. */
const asApiError = (r: Refusal) => new ApiCallError('attendance.submitQueued', { code: r.code, message: r.message, i18nKey: r.key, details: r.details });

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
  const [dialog, setDialog] = useState<{ kind: 'checkOut' | 'excuse'; row: RosterEntry } | null>(null);
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

  /**
   * Queues an event, or says why not: the desk's checks on what it knows, and for a time chosen
   * here (HH:MM at the venue) the host's time rules. Returns the rules' refusal, for a form to show.
   */
  function act(kind: QueuedKind, row: RosterEntry, opts: { undoes?: string; reason?: string; time?: string } = {}): Refusal | null {
    const name = `${row.firstName} ${row.lastName}`;
    const refused = localRefusal(row, kind, opts.undoes ?? null);
    if (refused) {
      setNotice({ kind: 'local', reason: refused, name });
      return null;
    }
    const now = new Date();
    const day: SessionDay | null = roster ? { sessionDate: roster.session.date, timeZone: roster.timeZone } : null;
    const at = opts.time && day ? instantOnDay(day, opts.time) : null;
    if (at && day && (kind === 'checkIn' || kind === 'checkOut')) {
      const timeRefused = localTimeRefusal(row, kind, at, day, now);
      if (timeRefused) return timeRefused;
    }
    const e = makeEvent(kind, { sessionId, personId: row.personId, undoes: opts.undoes ?? null, reason: opts.reason ?? null, at }, now, v7);
    changes.current++;
    setQueue((q) => enqueue(q, e));
    setRoster((r) => (r ? applyToRoster(r, e) : r));
    setNotice({ kind, name, time: localTime(e.at) });
    search.current?.focus();
    void drain();
    return null;
  }

  /** A one-tap action (no form): a refusal of the rules is shown as the desk's notice. */
  function tap(kind: QueuedKind, row: RosterEntry, opts: { undoes?: string; time?: string } = {}) {
    const refused = act(kind, row, opts);
    if (refused) setNotice({ kind: 'rule', refusal: refused });
  }

  const results = useMemo(() => (roster ? searchRoster(roster.rows, query, LIST_LIMIT) : []), [roster, query]);

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const text = query.trim();
    if (text === '') return;
    const row = roster?.rows.find((r) => r.code === text.toUpperCase()) ?? results[0];
    if (row) tap('checkIn', row);
    else setNotice({ kind: 'local', reason: 'unknown', name: text });
    setQuery('');
  }

  const waiting = queue.waiting.length;
  const offline = reachable === false;
  const nameOf = (personId: string | null) => {
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

      <ConflictList conflicts={queue.conflicts} nameOf={nameOf} onDismiss={(id) => setQueue((q) => dismissConflict(q, id))} />

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
        {notice && notice.kind !== 'local' && notice.kind !== 'rule' && (
          <p className="notice notice-success">{t(`station.done.${notice.kind}`, { name: notice.name, time: notice.time })}</p>
        )}
      </div>
      {notice?.kind === 'local' && (
        <p className="notice notice-error" role="alert">
          {t(`station.refused.${notice.reason}`, { name: notice.name })}
        </p>
      )}
      {notice?.kind === 'rule' && (
        <p className="notice notice-error" role="alert">
          {conflictText(t, { key: notice.refusal.key, reason: notice.refusal.message, params: notice.refusal.details.params as Record<string, string> | undefined })}
        </p>
      )}

      {roster && (
        <RosterTable
          rows={results}
          sessionName={session.name}
          details={false}
          onCheckIn={(r) => tap('checkIn', r)}
          onCheckInAt={(r, time) => tap('checkIn', r, { time })}
          onCheckOutNow={(r) => tap('checkOut', r)}
          onCheckOut={(r) => setDialog({ kind: 'checkOut', row: r })}
          onExcuse={(r) => setDialog({ kind: 'excuse', row: r })}
          onUndo={(r) => {
            const last = r.undoable[0];
            if (last) setUndoing({ row: r, eventId: last.eventId, kind: last.kind, time: last.at });
          }}
        />
      )}

      {dialog?.kind === 'checkOut' && (
        <CheckOutForm
          person={dialog.row}
          onCancel={() => setDialog(null)}
          record={(time) => {
            const refused = act('checkOut', dialog.row, { time });
            if (refused) throw asApiError(refused);
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'excuse' && (
        <ExcuseForm
          person={dialog.row}
          onCancel={() => setDialog(null)}
          record={(reason) => {
            setDialog(null);
            act('excused', dialog.row, { reason });
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
              tap('undo', u.row, { undoes: u.eventId });
            }}
            onCancel={() => setUndoing(null)}
            cancelFirst
          />
        </Dialog>
      )}
    </>
  );
}

/** What the host refused from this station, in the station's language, until a person marks each as seen. */
function ConflictList({ conflicts, nameOf, onDismiss }: { conflicts: Conflict[]; nameOf: (personId: string | null) => string | null; onDismiss: (eventId: string) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (conflicts.length === 0) return null;
  return (
    <section className="station-conflicts" aria-labelledby="station-conflicts-title" role="alert">
      <h2 id="station-conflicts-title">{t('station.conflicts.title', { n: formatNumber(conflicts.length, lang) })}</h2>
      <p>{t('station.conflicts.intro')}</p>
      <ul>
        {conflicts.map((c) => (
          <li key={c.event.id}>
            {nameOf(c.event.personId) && <strong>{nameOf(c.event.personId)}</strong>} {c.who && <span className="att-mono">{c.who}</span>} · {t(`station.kind.${c.event.kind}`)} {localTime(c.event.at)}
            <br />
            <span className="station-reason">{t('station.conflicts.reason', { reason: conflictText(t, c) })}</span>{' '}
            <button type="button" className="button button-small" onClick={() => onDismiss(c.event.id)}>
              {t('station.conflicts.dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The desk of a station that opened while the host could not be reached: no roster, so no names;
 * badge codes (typed or scanned) go into the queue with this device's time, for the session
 * chosen as rememberedSessions explains. When the host answers again the station opens its
 * usual desk (StationApp), which sends the queue: the host resolves each code to a person with
 * the desk's rules, and an unknown code comes back as a conflict.
 */
export function OfflineStartDesk({ assemblyName }: { assemblyName?: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [memory] = useState(rememberedSessions);
  const todays = useMemo(() => memory.sessions.filter((s) => s.date === wallClockNow().date), [memory]);
  const [chosenId, setChosenId] = useState<string | null>(memory.lastId);
  const session = chosenSession(todays, chosenId);
  const [queue, setQueueState] = useState<QueueState>(loadQueue);
  const [typed, setTyped] = useState('');
  /** Kept as a key and its values, so that it follows a change of the station's language. */
  const [notice, setNotice] = useState<{ ok: boolean; key: string; params: Record<string, string> } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  function choose(id: string) {
    setChosenId(id);
    rememberSessions(memory.sessions, id);
  }

  function submit(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key !== 'Enter' || !session) return;
    e.preventDefault();
    const code = typed.trim();
    if (code === '') return;
    const refused = codeRefusal(queue, session.id, code);
    if (refused) {
      setNotice({ ok: false, key: `station.offlineStart.refused.${refused}`, params: { code } });
    } else {
      const event = makeEvent('checkIn', { sessionId: session.id, code }, new Date(), v7);
      // Read again: the storage is the one queue this device has.
      const next = enqueue(loadQueue(), event);
      saveQueue(next);
      setQueueState(next);
      setNotice({ ok: true, key: 'station.offlineStart.done', params: { code: event.code ?? code, time: localTime(event.at) } });
    }
    setTyped('');
    input.current?.focus();
  }

  const codes = session ? queuedCodes(queue, session.id) : [];
  return (
    <section aria-labelledby="page-heading" className="att-desk station-desk">
      <h1 id="page-heading" tabIndex={-1}>
        {t('desk.title')} {assemblyName && <span className="muted station-assembly">· {assemblyName}</span>}
      </h1>
      <p className="station-link station-offline" role="status" data-testid="station-link">
        {t('station.desk.offline', { n: formatNumber(queue.waiting.length, lang) })}
      </p>
      {!session ? (
        <p className="notice notice-error" role="alert">
          {t('station.offlineStart.noSession')}
        </p>
      ) : (
        <>
          <div className="notice notice-warning" data-testid="station-offline-start">
            <p className="notice-title">{t('station.offlineStart.title')}</p>
            <p>{t('station.offlineStart.text')}</p>
          </div>
          <SessionPicker id="desk-session" label={t('desk.session')} className="att-session-picker" list={todays} session={session} onChoose={choose} />
          <div className="att-desk-bar">
            <div className="att-search">
              <label htmlFor="station-code" className="att-search-label">
                {t('station.offlineStart.code')}
              </label>
              <input
                id="station-code"
                ref={input}
                type="search"
                className="att-search-input"
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                onKeyDown={submit}
                aria-describedby="station-code-hint"
                autoFocus
              />
              <p id="station-code-hint" className="att-search-hint">
                {t('station.offlineStart.codeHint')}
              </p>
            </div>
          </div>
          <div role="status" className="station-notice">
            {notice?.ok && <p className="notice notice-success">{t(notice.key, notice.params)}</p>}
          </div>
          {notice && !notice.ok && (
            <p className="notice notice-error" role="alert">
              {t(notice.key, notice.params)}
            </p>
          )}
          {codes.length > 0 && (
            <section aria-labelledby="station-codes-title">
              <h2 id="station-codes-title">{t('station.offlineStart.queuedTitle', { n: formatNumber(codes.length, lang) })}</h2>
              <ul className="station-codes">
                {codes.map((c) => (
                  <li key={c.id}>
                    <span className="att-mono">{c.code}</span> · {localTime(c.at)}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </section>
  );
}
