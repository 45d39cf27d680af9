/**
 * Sign-in sheets (#/sessions/paper): the printable sheet of a session as PDF (for when a laptop
 * dies), and entering a filled-in sheet afterwards: tick who signed, their arrival (the session's
 * start by default) and departure. The sheet goes in whole or not at all; a refused row is named.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterEntry, SessionRoster } from '../../../main/domain/attendance/types';
import type { Session } from '../../../main/domain/sessions/types';
import { searchRoster } from '../../../main/domain/attendance/search';
import { call, isApiCallError } from '../../api';
import { useApiData } from '../../components/AppState';
import { useErrorText } from '../../components/ErrorNotice';
import { PdfLanguagePanel } from '../../components/PdfLanguagePanel';
import { LoadStatus, StatusLine } from '../../components/StatusLine';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { NoParticipants, NoSessions, StateBadge } from './shared';
import { SessionPicker, useSessionChoice } from '../../components/SessionPicker';
import './attendance.css';

export function PaperEntry() {
  const { t } = useTranslation();
  const { sessions, list, session, choose } = useSessionChoice();
  return (
    <section aria-labelledby="paper-title" className="att-paper">
      <h2 id="paper-title">{t('paper.title')}</h2>
      <p className="muted att-lead">{t('paper.intro')}</p>
      <LoadStatus loaded={sessions} />
      {sessions.data && list.length === 0 && <NoSessions />}
      {session && (
        <>
          <SessionPicker id="paper-session" label={t('desk.session')} className="att-session-picker" list={list} session={session} onChoose={choose} />
          <SheetDownload session={session} />
          <SheetEntry key={session.id} session={session} />
        </>
      )}
    </section>
  );
}

function SheetDownload({ session }: { session: Session }) {
  const { t } = useTranslation();
  return (
    <PdfLanguagePanel
      titleId="paper-download-title"
      title={t('paper.downloadTitle')}
      text={t('paper.downloadText')}
      selectId="paper-lang"
      languageLabel={t('paper.sheetLanguage')}
      rowClassName="att-inline-form"
      primary
      documents={[{ key: 'sheet', label: t('paper.download'), make: (lang) => call('attendance.signInSheet', { sessionId: session.id, lang }) }]}
      saved={(file) => t('paper.downloaded', { file })}
    />
  );
}

interface Line {
  ticked: boolean;
  arrivedAt: string;
  departedAt: string;
}

function SheetEntry({ session }: { session: Session }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const describe = useErrorText();
  const roster = useApiData(() => call('attendance.roster', { sessionId: session.id }), [session.id]);
  const [lines, setLines] = useState<Record<string, Line>>({});
  const [filter, setFilter] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ error: unknown; personId: string | null; row: number | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  const rows = roster.data?.rows ?? [];
  const shown = useMemo(() => (filter.trim() ? searchRoster(rows, filter, 5000) : rows), [rows, filter]);
  const line = (r: RosterEntry): Line => lines[r.personId] ?? { ticked: false, arrivedAt: session.startTime, departedAt: '' };
  const ticked = rows.filter((r) => line(r).ticked);
  const setLine = (r: RosterEntry, change: Partial<Line>) => setLines((all) => ({ ...all, [r.personId]: { ...line(r), ...change } }));

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setNotice(null);
    setError(null);
    if (ticked.length === 0) {
      setError({ error: new Error(t('paper.noneTicked')), personId: null, row: null });
      return;
    }
    const entries = ticked.map((r) => ({ personId: r.personId, arrivedAt: line(r).arrivedAt, departedAt: line(r).departedAt || null }));
    setBusy(true);
    try {
      const result: SessionRoster = await call('attendance.paperEntry', { sessionId: session.id, entries });
      setLines({});
      setFilter('');
      await roster.reload();
      setNotice(t('paper.entered', { count: entries.length, n: formatNumber(entries.length, lang), present: result.present, left: result.left }));
    } catch (err) {
      let row: number | null = null;
      if (isApiCallError(err)) {
        if (typeof err.details.row === 'number') row = err.details.row;
        else {
          const m = /^entries\.(\d+)\./.exec(err.fields[0]?.field ?? '');
          if (m) row = Number(m[1]) + 1;
        }
      }
      setError({ error: err, personId: row !== null ? (ticked[row - 1]?.personId ?? null) : null, row });
    } finally {
      setBusy(false);
    }
  }

  if (roster.data && rows.length === 0) return <NoParticipants />;
  const wrong = error?.personId ? rows.find((r) => r.personId === error.personId) : undefined;
  const errorText = error ? paperErrorText(error.error) : null;

  /** The sheet's own problems in words (a person twice, a departure before the arrival); others as usual. */
  function paperErrorText(e: unknown): { text: string } {
    if (!isApiCallError(e)) return { text: (e as Error).message };
    const problem = e.i18nKey === 'attendance.paperInvalid' ? e.fields[0] : undefined;
    const m = problem ? /^entries\.(\d+)\./.exec(problem.field) : null;
    const person = m ? ticked[Number(m[1])] : undefined;
    // The rules 'afterArrival' and 'duplicate' are the sheet's own (read as 'invalid'): the field says which.
    if (problem && person && problem.field.endsWith('.departedAt')) {
      return { text: t('paper.problem.afterArrival', { departure: line(person).departedAt, arrival: line(person).arrivedAt }) };
    }
    if (problem && problem.field.endsWith('.personId')) return { text: t('paper.problem.duplicate') };
    return describe(e);
  }

  return (
    <section aria-labelledby="paper-entry-title" className="panel">
      <h3 id="paper-entry-title">{t('paper.entryTitle')}</h3>
      <p className="muted">{t('paper.entryText', { start: session.startTime })}</p>
      <LoadStatus loaded={roster} />
      <StatusLine message={notice} />
      {roster.data && (
        <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="paper-entry-title">
          <div className="field att-paper-filter">
            <label htmlFor="paper-filter">{t('paper.filter')}</label>
            <input id="paper-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />
          </div>
          <div className="table-wrap att-paper-wrap">
            <table className="data-table compact att-paper-table">
              <caption className="visually-hidden">{t('paper.caption', { session: session.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('paper.col.present')}</th>
                  <th scope="col">{t('paper.col.name')}</th>
                  <th scope="col">{t('paper.col.now')}</th>
                  <th scope="col">{t('paper.col.arrival')}</th>
                  <th scope="col">{t('paper.col.departure')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => {
                  const l = line(r);
                  const name = `${r.firstName} ${r.lastName}`;
                  const recorded = r.state === 'present' || r.state === 'left';
                  const isWrong = wrong?.personId === r.personId;
                  return (
                    <tr key={r.personId} className={`${l.ticked ? 'att-paper-ticked' : ''}${isWrong ? ' att-paper-wrong' : ''}`}>
                      <td>
                        <input
                          type="checkbox"
                          className="att-check"
                          id={`paper-tick-${r.personId}`}
                          checked={l.ticked}
                          disabled={recorded}
                          aria-invalid={isWrong || undefined}
                          onChange={(e) => setLine(r, { ticked: e.target.checked })}
                          aria-label={t('paper.tickNamed', { name })}
                        />
                      </td>
                      <th scope="row">
                        <label htmlFor={`paper-tick-${r.personId}`}>
                          {r.lastName}, {r.firstName}
                        </label>{' '}
                        <span className="att-mono att-row-code">{r.code}</span>
                      </th>
                      <td>
                        <StateBadge entry={r} />
                      </td>
                      <td>
                        <input
                          type="time"
                          className="att-time"
                          value={l.arrivedAt}
                          disabled={!l.ticked}
                          onChange={(e) => setLine(r, { arrivedAt: e.target.value })}
                          aria-label={t('paper.arrivalNamed', { name })}
                        />
                      </td>
                      <td>
                        <input
                          type="time"
                          className="att-time"
                          value={l.departedAt}
                          disabled={!l.ticked}
                          onChange={(e) => setLine(r, { departedAt: e.target.value })}
                          aria-label={t('paper.departureNamed', { name })}
                          aria-invalid={(isWrong && isApiCallError(error?.error) && error.error.fields.some((f) => f.field.endsWith('departedAt'))) || undefined}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {error && errorText && (
            <div className="notice notice-error" role="alert" tabIndex={-1} ref={errorRef}>
              <p className="notice-title">{t('paper.notEntered')}</p>
              {error.row !== null && (
                <p>
                  <strong>{t('paper.rowLabel', { row: error.row, name: wrong ? `${wrong.firstName} ${wrong.lastName}` : '?' })}</strong>
                </p>
              )}
              <p>{errorText.text}</p>
              {isApiCallError(error.error) && (
                <p className="notice-detail">{t('common.technicalDetail', { message: error.error.message })}</p>
              )}
            </div>
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? t('common.busy') : t('paper.submit', { count: ticked.length, n: formatNumber(ticked.length, lang) })}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
