/**
 * LEXIMIN against the legacy (greedy) method on the same pool and quotas: the figures side by
 * side, and both histograms (each in the audit PDF's bins) on the same scales so the difference
 * shows at a glance.
 */
import { useTranslation } from 'react-i18next';
import type { ProbabilitySummary, SelectionRunDetail } from '../../../main/domain/selection/runTypes';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { probabilityHistogram } from '../../../main/domain/selection/histogram';
import { ProbabilityHistogram, scaleEndFor } from './ProbabilityHistogram';
import { countBelow, formatGini, lowThreshold, pct } from './selectionShared';

export function ComparisonTable({ run }: { run: SelectionRunDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (run.algorithm !== 'leximin') return null;
  const legacy = run.legacyComparison;

  return (
    <section className="sel-comparison" aria-labelledby="sel-comparison-title">
      <h3 id="sel-comparison-title">{t('sel.comparison.title')}</h3>
      {!legacy ? (
        <p className="muted">{t('sel.comparison.none')}</p>
      ) : (
        <ComparisonBody run={run} legacy={legacy} />
      )}
      {legacy && legacy.failures > 0 && (
        <p className="muted">
          {t('sel.comparison.failures', {
            count: legacy.failures,
            n: formatNumber(legacy.failures, lang),
            runs: formatNumber(legacy.runs, lang),
          })}
        </p>
      )}
    </section>
  );
}

function ComparisonBody({ run, legacy }: { run: SelectionRunDetail; legacy: NonNullable<SelectionRunDetail['legacyComparison']> }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const threshold = lowThreshold(run.summary);
  const lexValues = Object.values(run.probabilities);
  const legValues = Object.values(legacy.probabilities);
  const rows: { key: string; lex: string; leg: string; better: 'lex' | 'leg' | null }[] = [];
  const add = (key: string, a: number, b: number, format: (x: number) => string, higherIsBetter: boolean | null) => {
    const better = higherIsBetter === null || Math.abs(a - b) < 1e-9 ? null : (a > b) === higherIsBetter ? 'lex' : 'leg';
    rows.push({ key, lex: format(a), leg: format(b), better });
  };
  const summaries: [ProbabilitySummary, ProbabilitySummary] = [run.summary, legacy.summary];
  add('min', summaries[0].min, summaries[1].min, (x) => pct(x, lang), true);
  add('mean', summaries[0].mean, summaries[1].mean, (x) => pct(x, lang), null);
  add('max', summaries[0].max, summaries[1].max, (x) => pct(x, lang), false);
  add('gini', summaries[0].gini, summaries[1].gini, (x) => formatGini(x, lang), false);
  add('below', countBelow(run.probabilities, threshold), countBelow(legacy.probabilities, threshold), (x) => formatNumber(x, lang), false);
  add('zero', countBelow(run.probabilities, 1e-9), countBelow(legacy.probabilities, 1e-9), (x) => formatNumber(x, lang), false);

  const end = scaleEndFor(Math.max(run.summary.max, legacy.summary.max));
  const countMax = Math.max(0, ...probabilityHistogram(lexValues).map((b) => b.count), ...probabilityHistogram(legValues).map((b) => b.count));

  return (
    <>
      <p className="sel-lead">{t('sel.comparison.lead', { runs: formatNumber(legacy.runs, lang) })}</p>
      <div className="table-wrap">
        <table className="data-table compact sel-comparison-table">
          <caption className="visually-hidden">{t('sel.comparison.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sel.comparison.colMeasure')}</th>
              <th scope="col" className="num">
                {t('sel.algorithm.leximin')}
              </th>
              <th scope="col" className="num">
                {t('sel.algorithm.legacy')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{t(`sel.comparison.row.${r.key}`, { threshold: pct(threshold, lang) })}</th>
                <Cell text={r.lex} better={r.better === 'lex'} />
                <Cell text={r.leg} better={r.better === 'leg'} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted sel-note">{t('sel.comparison.betterNote')}</p>
      <div className="sel-histogram-pair">
        <div>
          <h4>{t('sel.algorithm.leximin')}</h4>
          <ProbabilityHistogram values={lexValues} end={end} countMax={countMax} label={t('sel.algorithm.leximin')} />
        </div>
        <div>
          <h4>{t('sel.comparison.legacyEstimated')}</h4>
          <ProbabilityHistogram values={legValues} end={end} countMax={countMax} label={t('sel.algorithm.legacy')} tone="legacy" />
        </div>
      </div>
    </>
  );
}

function Cell({ text, better }: { text: string; better: boolean }) {
  const { t } = useTranslation();
  return (
    <td className={better ? 'num sel-better' : 'num'}>
      {text}
      {better && <span className="visually-hidden"> ({t('sel.comparison.better')})</span>}
    </td>
  );
}
