/** The plan's score (lower is better) with its parts, and the objective in one sentence. */
import { useTranslation } from 'react-i18next';
import type { TablePlan } from '../../../main/domain/tables/types';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';

export function ScorePanel({ plan, previousTotal }: { plan: TablePlan; previousTotal: number | null }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const n = (x: number) => formatNumber(x, lang);
  const seated = plan.tables.reduce((sum, table) => sum + table.members.length, 0);
  return (
    <section className="panel tables-score" aria-labelledby="tables-score-title">
      <h3 id="tables-score-title" className="visually-hidden">
        {t('tablesPage.score.title')}
      </h3>
      <dl className="tables-score-figures">
        <div className="tables-score-total">
          <dt>{t('tablesPage.score.total')}</dt>
          <dd data-testid="tables-score-total">
            {n(plan.score.total)}
            {previousTotal !== null && previousTotal !== plan.score.total && (
              <span className="tables-score-was"> {t('tablesPage.score.was', { value: n(previousTotal) })}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('tablesPage.score.diversity')}</dt>
          <dd>{n(plan.score.diversity)}</dd>
        </div>
        <div>
          <dt>{t('tablesPage.score.repeats')}</dt>
          <dd>{n(plan.score.repeats)}</dd>
        </div>
        <div>
          <dt>{t('tablesPage.score.repeatedPairs')}</dt>
          <dd>{n(plan.score.repeatedPairs)}</dd>
        </div>
        <div>
          <dt>{t('tablesPage.score.seated')}</dt>
          <dd>{t('tablesPage.score.seatedValue', { people: n(seated), tables: n(plan.tables.length) })}</dd>
        </div>
      </dl>
      <p className="tables-objective">{t('tablesPage.score.objective')}</p>
    </section>
  );
}
