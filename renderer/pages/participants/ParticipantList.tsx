/**
 * The confirmed participants (#/participants): attendance per session as a compact matrix
 * (✓ attended, – not, E excused), their needs, and the badge sheet as PDF.
 */
import { useMemo, useState } from 'react';
import { useContent } from '../../components/content';
import { useTranslation } from 'react-i18next';
import type { RosterEntry, SessionRoster } from '../../../main/domain/attendance/types';
import type { Session } from '../../../main/domain/sessions/types';
import { searchRoster } from '../../../main/domain/attendance/search';
import { searchKey } from '../../../main/domain/text';
import { call } from '../../api';
import { useApiData } from '../../components/AppState';
import { PdfLanguagePanel } from '../../components/PdfLanguagePanel';
import { LoadStatus } from '../../components/StatusLine';
import { formatCalendarDate, formatNumber, localeFor } from '../../format';
import { currentLanguage } from '../../i18n';
import { hrefFor } from '../../router';
import { NoParticipants, languageName, needsList } from '../attendance/shared';

interface Data {
  sessions: Session[];
  rosters: SessionRoster[];
  /** Without sessions there are no rosters: the people come from the people list. */
  people: { personId: string; code: string; firstName: string; lastName: string; language: RosterEntry['language']; searchKey: string }[];
}

async function loadData(): Promise<Data> {
  const sessions = (await call('sessions.list', {})).sort((a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime));
  if (sessions.length > 0) {
    const rosters = await Promise.all(sessions.map((s) => call('attendance.roster', { sessionId: s.id })));
    return { sessions, rosters, people: rosters[0]!.rows };
  }
  const list = await call('people.list', { status: 'confirmed', limit: 1000 });
  return {
    sessions,
    rosters: [],
    people: list.rows
      .filter((p) => !p.erased)
      .map((p) => ({
        personId: p.id,
        code: p.code,
        firstName: p.firstName,
        lastName: p.lastName,
        language: p.language,
        searchKey: searchKey(`${p.firstName} ${p.lastName} ${p.code}`),
      })),
  };
}

const dayMonth = (date: string, lang: string) =>
  new Intl.DateTimeFormat(localeFor(lang), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

export function ParticipantList() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const data = useApiData(loadData, []);
  const content = useContent();
  const [filter, setFilter] = useState('');
  const d = data.data;
  const people = d?.people ?? [];
  const shown = useMemo(() => (filter.trim() ? searchRoster(people, filter, 5000) : people), [people, filter]);
  const states = useMemo(() => (d?.rosters ?? []).map((r) => new Map(r.rows.map((row) => [row.personId, row]))), [d]);

  return (
    <>
      <section aria-labelledby="plist-title" className="panel">
        <h2 id="plist-title">
          {t('participants2.listTitle')}
          {d && people.length > 0 && <span className="count"> · {t('participants2.count', { count: people.length, n: formatNumber(people.length, lang) })}</span>}
        </h2>
        <LoadStatus loaded={data} />
        {d && people.length === 0 && <NoParticipants />}
        {d && people.length > 0 && (
          <>
            {d.sessions.length === 0 && (
              <p className="empty-inline">
                {t('participants2.noSessions')} <a href={hrefFor('sessions')}>{t('desk.noSessionsLink')}</a>
              </p>
            )}
            <div className="field pl-filter">
              <label htmlFor="plist-filter">{t('participants2.filter')}</label>
              <input id="plist-filter" type="search" autoComplete="off" value={filter} onChange={(e) => setFilter(e.target.value)} />
            </div>
            {d.sessions.length > 0 && (
              <p className="pl-legend muted">
                <span aria-hidden="true">✓</span> {t('participants2.legend.attended')} · <span aria-hidden="true">–</span> {t('participants2.legend.absent')} ·{' '}
                <span aria-hidden="true">E</span> {t('participants2.legend.excused')}
              </p>
            )}
            <div className="table-wrap">
              <table className="data-table compact pl-table">
                <caption className="visually-hidden">{t('participants2.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('participants2.col.name')}</th>
                    <th scope="col">{t('participants2.col.code')}</th>
                    <th scope="col">{t('participants2.col.language')}</th>
                    {d.sessions.map((s) => (
                      <th scope="col" key={s.id} className="pl-session-col" title={`${content('session', s.id, 'name', s.name)} · ${formatCalendarDate(s.date, lang)}`}>
                        <span aria-hidden="true">{dayMonth(s.date, lang)}</span>
                        <span className="visually-hidden">
                          {content('session', s.id, 'name', s.name)}, {formatCalendarDate(s.date, lang)}
                        </span>
                      </th>
                    ))}
                    {d.sessions.length > 0 && <th scope="col">{t('participants2.col.needs')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {shown.map((p) => {
                    const needs = states[0]?.get(p.personId) ? needsList(t, states[0].get(p.personId)!.needs) : [];
                    return (
                      <tr key={p.personId}>
                        <th scope="row">
                          {p.lastName}, {p.firstName}
                        </th>
                        <td className="att-mono">{p.code}</td>
                        <td>{languageName(t, p.language)}</td>
                        {states.map((m, i) => (
                          <Cell key={d.sessions[i]!.id} entry={m.get(p.personId)} />
                        ))}
                        {d.sessions.length > 0 && <td className="pl-needs">{needs.length > 0 ? needs.join(' · ') : <span className="muted">–</span>}</td>}
                      </tr>
                    );
                  })}
                </tbody>
                {d.sessions.length > 0 && (
                  <tfoot>
                    <tr>
                      <th scope="row" colSpan={3}>
                        {t('participants2.attendedTotal')}
                      </th>
                      {d.rosters.map((r) => (
                        <td key={r.session.id} className="pl-cell">
                          {formatNumber(r.present + r.left, lang)}
                        </td>
                      ))}
                      <td />
                    </tr>
                  </tfoot>
                )}
              </table>
            </div>
          </>
        )}
      </section>
      {d && people.length > 0 && <BadgesPanel />}
    </>
  );
}

function Cell({ entry }: { entry: RosterEntry | undefined }) {
  const { t } = useTranslation();
  if (!entry) return <td className="pl-cell">?</td>;
  const attended = entry.state === 'present' || entry.state === 'left';
  const mark = attended ? '✓' : entry.state === 'excused' ? 'E' : '–';
  const words = attended
    ? t('participants2.cell.attended', { time: entry.arrivedAt })
    : entry.state === 'excused'
      ? t('participants2.cell.excused', { reason: entry.excuseReason ?? '' })
      : t('participants2.cell.absent');
  return (
    <td className={`pl-cell pl-cell-${attended ? 'yes' : entry.state}`} title={words}>
      <span aria-hidden="true">{mark}</span>
      <span className="visually-hidden">{words}</span>
    </td>
  );
}

function BadgesPanel() {
  const { t } = useTranslation();
  return (
    <PdfLanguagePanel
      titleId="badges-title"
      title={t('participants2.badgesTitle')}
      headingLevel={2}
      text={t('participants2.badgesText')}
      selectId="badges-lang"
      languageLabel={t('participants2.badgesLanguage')}
      rowClassName="att-inline-form"
      primary
      documents={[{ key: 'badges', label: t('participants2.badges'), make: (lang) => call('attendance.badges', { lang }) }]}
      saved={(file) => t('participants2.badgesSaved', { file })}
    />
  );
}
