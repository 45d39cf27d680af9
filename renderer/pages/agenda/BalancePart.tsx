/**
 * The balance of speaking time: per topic, a stacked bar of the minutes per perspective (with
 * the same figures in a table), one-sided topics flagged; and the party leaders per session.
 */
import { useTranslation } from 'react-i18next';
import { useContent } from '../../components/content';
import type { AgendaOverview, TopicBalance } from '../../../main/domain/agenda/types';
import { DataTable } from '../../components/DataTable';
import { LoadStatus } from '../../components/StatusLine';
import { formatCalendarDate, formatNumber, formatTimeRange } from '../../format';
import { currentLanguage } from '../../i18n';
import { hrefFor } from '../../router';
import { useAgenda } from './shared';

const PALETTE_SIZE = 8;

export function BalancePart() {
  const { overview } = useAgenda();
  if (!overview.data) return <LoadStatus loaded={overview} />;
  return (
    <>
      <TopicBalancePanel data={overview.data} />
      <LeadersPanel data={overview.data} />
    </>
  );
}

/** The perspectives in the assembly's order, then "no perspective"; each with its colour class. */
function useColumns(data: AgendaOverview) {
  const { t } = useTranslation();
  const content = useContent();
  const used = new Set(data.balance.flatMap((b) => b.perspectives.filter((p) => p.minutes > 0).map((p) => p.perspectiveId)));
  const columns: { id: string | null; name: string; cls: string }[] = data.perspectives.map((p, i) => ({ id: p.id, name: content('perspective', p.id, 'name', p.name), cls: `persp-${i % PALETTE_SIZE}` }));
  if (used.has(null)) columns.push({ id: null, name: t('agendaPage.balance.noPerspective'), cls: 'persp-none' });
  return columns;
}

function TopicBalancePanel({ data }: { data: AgendaOverview }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const columns = useColumns(data);
  const content = useContent();
  // Topics in the screen's language (their key stays the base text).
  const topics = data.balance.filter((b) => b.totalMinutes > 0).map((b) => ({ ...b, shown: content('topic', b.topic.trim(), 'name', b.topic) }));
  const minutesOf = (b: TopicBalance, id: string | null) => b.perspectives.filter((p) => p.perspectiveId === id).reduce((s, p) => s + p.minutes, 0);
  const max = Math.max(1, ...topics.map((b) => b.totalMinutes));

  return (
    <section className="panel" aria-labelledby="agenda-balance-title">
      <h2 id="agenda-balance-title">{t('agendaPage.balance.title')}</h2>
      <p className="muted">{t('agendaPage.balance.intro')}</p>
      {topics.length === 0 ? (
        <p className="empty-inline">{t('agendaPage.balance.empty')}</p>
      ) : (
        <>
          {columns.length > 0 && (
            <ul className="balance-legend" aria-label={t('agendaPage.balance.legend')}>
              {columns.map((c) => (
                <li key={c.id ?? 'none'}>
                  <svg className="balance-swatch" viewBox="0 0 12 12" aria-hidden="true">
                    <rect className={c.cls} width="12" height="12" rx="2" />
                  </svg>
                  {c.name}
                </li>
              ))}
            </ul>
          )}
          <ul className="balance-bars">
            {topics.map((b) => {
              let x = 0;
              const parts = columns.map((c) => ({ ...c, minutes: minutesOf(b, c.id) })).filter((p) => p.minutes > 0);
              const label = t('agendaPage.balance.barLabel', {
                topic: b.shown,
                parts: parts.map((p) => t('agendaPage.balance.part', { name: p.name, n: formatNumber(p.minutes, lang) })).join(', '),
              });
              return (
                <li key={b.topic} className="balance-row">
                  <p className="balance-topic">
                    <strong>{b.shown}</strong>{' '}
                    <span className="muted">{t('agendaPage.balance.minutes', { n: formatNumber(b.totalMinutes, lang) })}</span>
                    {b.oneSided && <span className="balance-flag">{t('agendaPage.balance.oneSided')}</span>}
                  </p>
                  <svg className="balance-bar" viewBox="0 0 1000 32" preserveAspectRatio="none" role="img" aria-label={label}>
                    <rect className="balance-track" x="0" y="0" width="1000" height="32" />
                    {parts.map((p) => {
                      const w = (p.minutes / max) * 1000;
                      const rect = <rect key={p.id ?? 'none'} className={p.cls} x={x} y="0" width={w} height="32" />;
                      x += w;
                      return rect;
                    })}
                  </svg>
                </li>
              );
            })}
          </ul>
          <DataTable
            className="compact balance-table"
            caption={t('agendaPage.balance.caption')}
            columns={[t('agendaPage.balance.col.topic'), ...columns.map((c) => ({ label: c.name, num: true })), { label: t('agendaPage.balance.col.total'), num: true }]}
          >
            {topics.map((b) => (
              <tr key={b.topic}>
                <th scope="row">
                  {b.shown}
                  {b.oneSided && <span className="balance-flag">{t('agendaPage.balance.oneSided')}</span>}
                </th>
                {columns.map((c) => (
                  <td key={c.id ?? 'none'} className="num">
                    {minutesOf(b, c.id) > 0 ? t('agendaPage.balance.minutes', { n: formatNumber(minutesOf(b, c.id), lang) }) : '—'}
                  </td>
                ))}
                <td className="num">{t('agendaPage.balance.minutes', { n: formatNumber(b.totalMinutes, lang) })}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}

function LeadersPanel({ data }: { data: AgendaOverview }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const content = useContent();
  const sessions = data.sessions.filter((s) => s.deletedAt === null).map((s) => ({ ...s, name: content('session', s.id, 'name', s.name) }));
  const slotById = new Map(data.slots.map((s) => [s.id, s]));
  return (
    <section className="panel" aria-labelledby="agenda-leaders-title">
      <h2 id="agenda-leaders-title">{t('agendaPage.leaders.title')}</h2>
      {data.leaders.length === 0 ? (
        <p className="empty-inline">
          {t('agendaPage.leaders.empty')} <a href={hrefFor('agenda', 'people')}>{t('agendaPage.leaders.addLink')}</a>
        </p>
      ) : (
        <DataTable
          className="compact leaders-table"
          caption={t('agendaPage.leaders.caption')}
          columns={[
            t('agendaPage.leaders.col.name'),
            t('agendaPage.leaders.col.status'),
            ...sessions.map((s) => `${s.name} (${formatCalendarDate(s.date, lang, 'short')})`),
          ]}
        >
          {data.leaders.map((l) => (
            <tr key={l.contributorId}>
              <th scope="row">
                {l.name}
                {l.organisation && <span className="contributor-org">{l.organisation}</span>}
              </th>
              <td>
                <span className={`contributor-status status-${l.status}`}>{t(`agendaPage.status.${l.status}`)}</span>
              </td>
              {sessions.map((s) => {
                const theirs = l.sessions.find((x) => x.sessionId === s.id)?.slotIds.map((id) => slotById.get(id)).filter((x) => x !== undefined) ?? [];
                return (
                  <td key={s.id}>
                    {theirs.length === 0 ? (
                      <span className="muted">—</span>
                    ) : (
                      <ul className="leader-slots">
                        {theirs.map((slot) => (
                          <li key={slot.id}>
                            <span className="nowrap">{formatTimeRange(slot.startTime, slot.endTime)}</span> {slot.title ? content('slot', slot.id, 'title', slot.title) : t(`agendaPage.kind.${slot.kind}`)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
