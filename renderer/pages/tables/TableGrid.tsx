/**
 * The tables as cards: number, group, facilitator, a small summary of the first spread feature,
 * and the members as buttons (pick one, then another, to swap them).
 */
import { useTranslation } from 'react-i18next';
import { useFeatureLabels } from '../../components/content';
import type { Contributor } from '../../../main/domain/agenda/types';
import type { TablePlan } from '../../../main/domain/tables/types';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { diversified, fullName } from './shared';

interface Props {
  plan: TablePlan;
  facilitators: Contributor[];
  selected: string[];
  moved: Set<string>;
  busy: boolean;
  onPick: (personId: string) => void;
  onFacilitator: (table: number, contributorId: string | null) => void;
}

export function TableGrid({ plan, facilitators, selected, moved, busy, onPick, onFacilitator }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const labels = useFeatureLabels();
  const spread = diversified(plan);
  const summaryFeature = spread[0] ?? null;
  const size = plan.settings.tableSize;

  return (
    <ol className="tables-grid" aria-label={t('tablesPage.grid.label')}>
      {plan.tables.map((table) => {
        const counts = new Map<string, number>();
        if (summaryFeature) for (const m of table.members) {
          const v = m.features[summaryFeature];
          if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
        }
        const titleId = `table-card-${table.number}`;
        return (
          <li key={table.number} className="table-card" aria-labelledby={titleId} data-table={table.number}>
            <div className="table-card-head">
              <h3 id={titleId}>{t('tablesPage.grid.table', { number: table.number })}</h3>
              {table.group && table.group !== 'all' && (
                <span className="table-card-group">
                  <span className="visually-hidden">{t('tablesPage.grid.group')}: </span>
                  {table.group}
                </span>
              )}
              <span className="table-card-seats">{t('tablesPage.grid.seats', { count: table.members.length, size })}</span>
            </div>
            {summaryFeature && counts.size > 0 && (
              <p className="table-card-summary">
                <span className="visually-hidden">{labels.feature(summaryFeature)}: </span>
                {[...counts.entries()]
                  .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
                  .map(([v, c]) => `${labels.value(summaryFeature, v)} ${formatNumber(c, lang)}`)
                  .join(' · ')}
              </p>
            )}
            {facilitators.length > 0 && (
              <div className="table-card-facilitator">
                <label htmlFor={`table-facilitator-${table.number}`}>{t('tablesPage.grid.facilitator')}</label>
                <select
                  id={`table-facilitator-${table.number}`}
                  value={table.facilitatorId ?? ''}
                  disabled={busy}
                  onChange={(e) => onFacilitator(table.number, e.target.value || null)}
                >
                  <option value="">{t('tablesPage.grid.noFacilitator')}</option>
                  {facilitators.map((f) => (
                    <option key={f.id} value={f.id}>
                      {f.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <ul className="table-card-members">
              {table.members.map((m) => {
                const order = selected.indexOf(m.personId);
                const wasMoved = moved.has(m.personId);
                return (
                  <li key={m.personId}>
                    <button
                      type="button"
                      className={`table-member${order >= 0 ? ' table-member-selected' : ''}${wasMoved ? ' table-member-moved' : ''}`}
                      aria-pressed={order >= 0}
                      data-person={m.personId}
                      onClick={() => onPick(m.personId)}
                    >
                      <span className="table-member-line">
                        <span className="table-member-name">{fullName(m)}</span>
                        <span className="table-member-code">{m.code}</span>
                        {m.language && (
                          <span className="table-member-lang">
                            <span className="visually-hidden">{t('tablesPage.grid.language')}: </span>
                            {m.language}
                          </span>
                        )}
                      </span>
                      {spread.length > 0 && (
                        <span className="table-member-tags">
                          {spread.map((f) =>
                            m.features[f] !== undefined ? (
                              <span key={f} className="tag" title={labels.feature(f)}>
                                <span className="visually-hidden">{labels.feature(f)}: </span>
                                {labels.value(f, m.features[f])}
                              </span>
                            ) : null,
                          )}
                        </span>
                      )}
                      {wasMoved && <span className="table-member-flag">{t('tablesPage.grid.moved')}</span>}
                      {order >= 0 && <span className="table-member-flag">{order === 0 ? t('tablesPage.grid.pickedFirst') : t('tablesPage.grid.pickedSecond')}</span>}
                    </button>
                  </li>
                );
              })}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
