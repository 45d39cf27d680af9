/**
 * The check-in desk (#/sessions/checkin): one search box that keeps the focus. Typing filters the
 * session's roster instantly (searchRoster, in the renderer); Enter checks in the highlighted
 * person, or, when a badge scanner typed a code, checks in by that code even if the filter shows
 * nobody. Every check-in ends in a large confirmation with Undo, every refusal in its own alert.
 * The roster is fetched again every 10 s for the other laptops' check-ins.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceResult, PersonRef, RosterEntry, SessionRoster } from '../../../main/domain/attendance/types';
import type { Session } from '../../../main/domain/sessions/types';
import { searchRoster } from '../../../main/domain/attendance/search';
import { call } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormActions } from '../../components/FormActions';
import { LoadStatus } from '../../components/StatusLine';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { hrefFor } from '../../router';
import { DeskConfirmation, DeskRefusal, type DeskOutcome } from './DeskConfirmation';
import { CheckOutDialog, ExcuseDialog } from './DeskDialogs';
import { NoParticipants, NoSessions, useInterval } from './shared';
import { RosterTable } from './RosterTable';
import { SessionPicker, useSessionChoice } from '../../components/SessionPicker';
import './attendance.css';

const LIST_LIMIT = 50;
const REFRESH_MS = 10_000;
/** What a badge scanner types: one word of letters and digits. */
const CODE_LIKE = /^[A-Za-z0-9-]{3,64}$/;

export function CheckInDesk() {
  const { t } = useTranslation();
  const { sessions, list, session, choose } = useSessionChoice();
  return (
    <section aria-labelledby="desk-title" className="att-desk">
      <h2 id="desk-title">{t('desk.title')}</h2>
      <LoadStatus loaded={sessions} />
      {sessions.data && list.length === 0 && <NoSessions />}
      {session && <Desk session={session} list={list} onChoose={choose} />}
    </section>
  );
}

/** The roster after one desk action: the person's row and the session's figures as the service returned them. */
function withResult(roster: SessionRoster, result: AttendanceResult): SessionRoster {
  const rows = roster.rows.map((r) => (r.personId === result.person.personId ? result.person : r));
  return { ...roster, ...result.totals, rows };
}

function Desk({ session, list, onChoose }: { session: Session; list: Session[]; onChoose: (id: string) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [roster, setRoster] = useState<SessionRoster | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const [outcome, setOutcome] = useState<DeskOutcome | null>(null);
  const [pending, setPending] = useState(0);
  const [dialog, setDialog] = useState<{ kind: 'checkOut' | 'excuse'; person: RosterEntry } | null>(null);
  /** An undo waiting for the operator's yes: undo sits beside other buttons and is easy to hit. */
  const [undoing, setUndoing] = useState<UndoRequest | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  /** Counts local changes, so that a roster fetched before one of them does not undo it on screen. */
  const changes = useRef(0);
  const sessionId = session.id;
  const shown = useRef(sessionId);
  shown.current = sessionId;

  const load = useCallback(async () => {
    const before = changes.current;
    try {
      const fresh = await call('attendance.roster', { sessionId });
      if (before === changes.current && shown.current === sessionId) setRoster(fresh);
      setLoadError(null);
    } catch (e) {
      setLoadError(e);
    }
  }, [sessionId]);

  useEffect(() => {
    setRoster(null);
    setOutcome(null);
    setQuery('');
    setActive(-1);
    changes.current++;
    void load();
  }, [load]);
  useInterval(() => void load(), REFRESH_MS);

  // On arrival the search box has the focus (after the area's own focus on its heading).
  useEffect(() => {
    const timer = window.setTimeout(() => search.current?.focus(), 0);
    return () => window.clearTimeout(timer);
  }, []);

  const results = useMemo(() => (roster ? searchRoster(roster.rows, query, LIST_LIMIT) : []), [roster, query]);
  const highlighted = active >= 0 ? results[active] : undefined;

  // Back to the search box after an action: in an effect, so after a closing dialog has given focus back.
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest > 0) search.current?.focus();
  }, [focusRequest]);
  const focusSearch = () => setFocusRequest((n) => n + 1);

  const applied = (result: AttendanceResult) => {
    if (result.event.sessionId !== shown.current) return;
    changes.current++;
    setRoster((r) => (r ? withResult(r, result) : r));
  };

  /** Runs desk actions one after the other: a scanner may send the next code before the answer. */
  function enqueue(job: () => Promise<void>) {
    setPending((n) => n + 1);
    queue.current = queue.current.then(job).finally(() => setPending((n) => n - 1));
  }

  function checkIn(ref: PersonRef, typed: string, at?: string) {
    enqueue(async () => {
      try {
        const result = await call('attendance.checkIn', { sessionId, ...ref, ...(at ? { at } : {}) });
        applied(result);
        setOutcome({ kind: 'checkIn', result });
      } catch (e) {
        setOutcome({ kind: 'refused', error: e, typed });
      }
    });
  }

  function askUndo(request: UndoRequest) {
    setUndoing(request);
  }

  function undo(eventId: string, undid: 'checkIn' | 'checkOut' | 'excused') {
    setUndoing(null);
    enqueue(async () => {
      try {
        const result = await call('attendance.undo', { eventId });
        applied(result);
        setOutcome({ kind: 'undo', result, undid });
      } catch (e) {
        setOutcome({ kind: 'refused', error: e, typed: '' });
      }
    });
    focusSearch();
  }

  function submit(typed: string) {
    const text = typed.trim();
    const exact = roster?.rows.find((r) => r.code === text.toUpperCase());
    if (exact) checkIn({ code: exact.code }, text);
    else if (highlighted && (text !== '' || active >= 0)) checkIn({ personId: highlighted.personId }, text);
    else if (results.length === 0 && CODE_LIKE.test(text)) checkIn({ code: text }, text);
    else if (text !== '') setOutcome({ kind: 'noMatch', typed: text });
    else return;
    setQuery('');
    setActive(-1);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(results.length - 1, i + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      submit(e.currentTarget.value);
    } else if (e.key === 'Escape' && query !== '') {
      e.preventDefault();
      setQuery('');
      setActive(-1);
    }
  }

  // The highlighted row stays in view while the arrows move through a long list.
  useEffect(() => {
    if (highlighted) document.getElementById(`desk-row-${highlighted.personId}`)?.scrollIntoView({ block: 'nearest' });
  }, [highlighted]);

  const onDialogDone = (result: AttendanceResult) => {
    applied(result);
    setOutcome({ kind: result.event.kind === 'checkOut' ? 'checkOut' : 'excused', result });
    setDialog(null);
    focusSearch();
  };

  const hintId = 'desk-search-hint';
  const total = roster?.rows.length ?? 0;
  return (
    <>
      <SessionPicker id="desk-session" label={t('desk.session')} className="att-session-picker" list={list} session={session} onChoose={onChoose} warnNotToday />
      {loadError ? <ErrorNotice error={loadError} /> : null}
      {!roster && !loadError && <p className="muted">{t('app.loading')}</p>}
      {roster && total === 0 && <NoParticipants />}

      {/* Stays in sight while the list scrolls: the search box and the counter. */}
      <div className={`att-desk-bar${roster && total === 0 ? ' att-hidden' : ''}`}>
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
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(e.target.value.trim() === '' ? -1 : 0);
            }}
            onKeyDown={onKeyDown}
            aria-describedby={hintId}
            aria-controls="desk-results"
          />
          <p id={hintId} className="att-search-hint">
            {!highlighted
              ? t('desk.searchHint')
              : highlighted.state === 'present'
                ? t('desk.enterAlready', { name: `${highlighted.firstName} ${highlighted.lastName}`, code: highlighted.code, time: highlighted.arrivedAt })
                : t('desk.enterWill', { name: `${highlighted.firstName} ${highlighted.lastName}`, code: highlighted.code })}
            {pending > 0 && <span className="att-busy"> · {t('common.busy')}</span>}
          </p>
        </div>
        {roster && (
          <p className="att-counter">
            <span className="att-counter-figure">
              {formatNumber(roster.present, lang)} / {formatNumber(roster.expected, lang)}
            </span>
            <span className="att-counter-label">{t('desk.counter')}</span>
            {(roster.left > 0 || roster.excused > 0) && (
              <span className="att-counter-more">{t('desk.counterMore', { left: roster.left, excused: roster.excused })}</span>
            )}
          </p>
        )}
      </div>

      <DeskConfirmation
        outcome={outcome}
        busy={pending > 0}
        compact={query.trim() !== ''}
        onUndo={(r) => askUndo({ eventId: r.event.id, kind: 'checkIn', name: `${r.person.firstName} ${r.person.lastName}`, time: r.person.arrivedAt ?? '' })}
        onCheckInAgain={(p, at) => {
          checkIn({ personId: p.personId }, p.code, at);
          focusSearch();
        }}
      />
      <DeskRefusal outcome={outcome} />

      {roster && total > 0 && (
        <section aria-labelledby="desk-results-title" className="att-results">
          <h3 id="desk-results-title" className="att-results-title">
            {query.trim() ? t('desk.matches', { count: results.length, n: formatNumber(results.length, lang) }) : t('desk.everyone', { count: total, n: formatNumber(total, lang) })}
            {results.length >= LIST_LIMIT && <span className="muted att-results-more"> · {t('desk.firstOnly', { n: LIST_LIMIT })}</span>}
          </h3>
          {results.length === 0 ? (
            <p className="empty-inline">{t('desk.noneMatch')}</p>
          ) : (
            <RosterTable
              rows={results}
              sessionName={session.name}
              active={active}
              busy={pending > 0}
              onCheckIn={(r) => {
                checkIn({ personId: r.personId }, r.code);
                setQuery('');
                setActive(-1);
                focusSearch();
              }}
              onCheckInAt={(r, at) => {
                checkIn({ personId: r.personId }, r.code, at);
                setQuery('');
                setActive(-1);
                focusSearch();
              }}
              onCheckOut={(r) => setDialog({ kind: 'checkOut', person: r })}
              onExcuse={(r) => setDialog({ kind: 'excuse', person: r })}
              onUndo={(r) => {
                const last = r.undoable[0];
                if (last) askUndo({ eventId: last.eventId, kind: last.kind, name: `${r.firstName} ${r.lastName}`, time: last.at });
              }}
            />
          )}
          <p className="att-desk-links">
            <a href={hrefFor('sessions', 'dashboard')}>{t('desk.toDashboard')}</a>
          </p>
        </section>
      )}

      {dialog?.kind === 'checkOut' && (
        <CheckOutDialog sessionId={sessionId} person={dialog.person} onDone={onDialogDone} onCancel={() => setDialog(null)} />
      )}
      {undoing && (
        <Dialog
          title={t('desk.undoConfirm.title')}
          onClose={() => {
            setUndoing(null);
            focusSearch();
          }}
          role="alertdialog"
          describedBy="desk-undo-text"
        >
          <p id="desk-undo-text">{t(`desk.undoConfirm.${undoing.kind}`, { name: undoing.name, time: undoing.time })}</p>
          <FormActions
            busy={pending > 0}
            tone="danger"
            submitLabel={t('desk.undoConfirm.confirm')}
            cancelLabel={t('desk.undoConfirm.cancel')}
            onConfirm={() => undo(undoing.eventId, undoing.kind)}
            onCancel={() => {
              setUndoing(null);
              focusSearch();
            }}
            cancelFirst
          />
        </Dialog>
      )}
      {dialog?.kind === 'excuse' && <ExcuseDialog sessionId={sessionId} person={dialog.person} onDone={onDialogDone} onCancel={() => setDialog(null)} />}
    </>
  );
}

/** An undo the operator is asked to confirm. */
interface UndoRequest {
  eventId: string;
  kind: 'checkIn' | 'checkOut' | 'excused';
  name: string;
  time: string;
}
