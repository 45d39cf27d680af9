/**
 * The live dashboard (#/sessions/dashboard): present over expected in big numbers, arrivals over
 * time, the panel's composition among those who came against the quotas (a warning where a
 * group falls below its minimum), and the people still expected. Refreshed every 5 s.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../main/domain/sessions/types';
import type { SessionDashboard, SessionRoster } from '../../../main/domain/attendance/types';
import { call } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LoadStatus } from '../../components/StatusLine';
import { formatNumber, todayCalendarDate } from '../../format';
import { currentLanguage } from '../../i18n';
import { ArrivalsChart } from './ArrivalsChart';
import { NoShowList } from './NoShowList';
import { NoParticipants, NoSessions, useInterval } from './shared';
import { SessionPicker, useSessionChoice } from '../../components/SessionPicker';
import './attendance.css';

const REFRESH_MS = 5_000;

export function Dashboard() {
  const { t } = useTranslation();
  const { sessions, list, session, choose } = useSessionChoice();
  return (
    <section aria-labelledby="dash-title" className="att-dash">
      <h2 id="dash-title">{t('dash.title')}</h2>
      <LoadStatus loaded={sessions} />
      {sessions.data && list.length === 0 && <NoSessions />}
      {session && (
        <>
          <div className="att-noprint">
            <SessionPicker id="dash-session" label={t('desk.session')} className="att-session-picker" list={list} session={session} onChoose={choose} />
          </div>
          <SessionBoard session={session} />
        </>
      )}
    </section>
  );
}

function hasStarted(s: Session, now = new Date()): boolean {
  const today = todayCalendarDate(now);
  if (s.date !== today) return s.date < today;
  const hhmm = `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
  return hhmm >= s.startTime;
}

function SessionBoard({ session }: { session: Session }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [data, setData] = useState<{ dash: SessionDashboard; roster: SessionRoster } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const sessionId = session.id;
  // An answer for a session no longer shown (the choice changed meanwhile) is dropped.
  const shown = useRef(sessionId);
  shown.current = sessionId;

  const load = useCallback(async () => {
    try {
      const [dash, roster] = await Promise.all([call('attendance.dashboard', { sessionId }), call('attendance.roster', { sessionId })]);
      if (shown.current !== sessionId) return;
      setData({ dash, roster });
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [sessionId]);

  useEffect(() => {
    setData(null);
    void load();
  }, [load]);
  useInterval(() => void load(), REFRESH_MS);

  if (!data) return error ? <ErrorNotice error={error} /> : <p className="muted">{t('app.loading')}</p>;
  const { dash, roster } = data;
  if (roster.rows.length === 0) return <NoParticipants />;
  // While people are still arriving every group is "below its minimum": the check starts with the
  // session (by the clock, or because arrivals after its start are recorded, e.g. entered afterwards).
  const started = hasStarted(session) || dash.arrivals.some((a) => a.time >= session.startTime);
  const attendedAny = started && dash.present + dash.left > 0;
  const byFeature = new Map<string, SessionDashboard['composition']>();
  for (const c of dash.composition) byFeature.set(c.feature, [...(byFeature.get(c.feature) ?? []), c]);
  const below = dash.composition.filter((c) => attendedAny && c.min !== null && c.present < c.min);

  return (
    <>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="att-noprint">
        <dl className="att-bignums" aria-label={t('dash.figures')}>
          <div className="att-bignum att-bignum-main">
            <dt>{t('dash.presentOfExpected')}</dt>
            <dd>
              <span className="att-bignum-value">{formatNumber(dash.present, lang)}</span>
              <span className="att-bignum-of"> / {formatNumber(dash.expected, lang)}</span>
            </dd>
          </div>
          <div className="att-bignum">
            <dt>{t('dash.left')}</dt>
            <dd className="att-bignum-value">{formatNumber(dash.left, lang)}</dd>
          </div>
          <div className="att-bignum">
            <dt>{t('dash.excused')}</dt>
            <dd className="att-bignum-value">{formatNumber(dash.excused, lang)}</dd>
          </div>
          <div className="att-bignum">
            <dt>{t('dash.notArrived')}</dt>
            <dd className="att-bignum-value">{formatNumber(roster.rows.filter((r) => r.state === 'expected').length, lang)}</dd>
          </div>
        </dl>
        <p className="muted att-refresh-note">{t('dash.refreshNote')}</p>

        <section aria-labelledby="dash-arrivals-title" className="panel">
          <h3 id="dash-arrivals-title">{t('dash.arrivalsTitle')}</h3>
          <ArrivalsChart arrivals={dash.arrivals} expected={dash.expected} sessionStart={session.startTime} />
        </section>

        <section aria-labelledby="dash-comp-title" className="panel">
          <h3 id="dash-comp-title">{t('dash.compTitle')}</h3>
          <p className="muted">{t('dash.compIntro')}</p>
          {!started && <p className="muted">{t('dash.notStarted', { time: session.startTime })}</p>}
          {dash.composition.length === 0 ? (
            <p className="empty-inline">{t('dash.noQuotas')}</p>
          ) : (
            <>
              {below.length > 0 && (
                <p className="att-drift" role="note">
                  <span aria-hidden="true" className="att-drift-mark">
                    !
                  </span>{' '}
                  {t('dash.driftSummary', {
                    count: below.length,
                    values:
                      below
                        .slice(0, 6)
                        .map((c) => `${c.feature}: ${c.value}`)
                        .join(', ') + (below.length > 6 ? ` ${t('dash.driftMore', { count: below.length - 6 })}` : ''),
                  })}
                </p>
              )}
              <div className="table-wrap">
                <table className="data-table compact att-comp-table">
                  <caption className="visually-hidden">{t('dash.compCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('dash.col.feature')}</th>
                      <th scope="col">{t('dash.col.value')}</th>
                      <th scope="col" className="num">
                        {t('dash.col.quota')}
                      </th>
                      <th scope="col" className="num">
                        {t('dash.col.confirmed')}
                      </th>
                      <th scope="col" className="num">
                        {t('dash.col.attended')}
                      </th>
                      <th scope="col">{t('dash.col.check')}</th>
                    </tr>
                  </thead>
                  {[...byFeature.entries()].map(([feature, values]) => (
                    <tbody key={feature} className="att-comp-group">
                      {values.map((c, i) => {
                        const low = attendedAny && c.min !== null && c.present < c.min;
                        return (
                          <tr key={c.value} className={low ? 'att-comp-low' : undefined}>
                            {i === 0 ? (
                              <th scope="rowgroup" rowSpan={values.length} className="att-comp-feature">
                                {feature}
                              </th>
                            ) : null}
                            <th scope="row">{c.value}</th>
                            <td className="num nowrap">
                              {c.min === null && c.max === null ? '–' : `${c.min ?? 0}–${c.max ?? '∞'}`}
                            </td>
                            <td className="num">{formatNumber(c.confirmed, lang)}</td>
                            <td className="num">
                              <strong>{formatNumber(c.present, lang)}</strong>
                            </td>
                            <td>
                              {low ? (
                                <span className="att-warn">
                                  <span aria-hidden="true">! </span>
                                  {t('dash.belowMin', { count: c.min! - c.present })}
                                </span>
                              ) : (
                                <span className="muted">{attendedAny ? t('dash.ok') : '·'}</span>
                              )}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  ))}
                </table>
              </div>
            </>
          )}
        </section>
      </div>

      <NoShowList session={session} rows={roster.rows} started={started} />
    </>
  );
}
