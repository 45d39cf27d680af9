/**
 * Per feature, an inline SVG bar chart: for each value, its share of the pool against its share
 * of the population, over the quota range (min..max seats as a share of the panel). The table
 * above it holds the same figures: it is the chart's text alternative.
 */
import { useTranslation } from 'react-i18next';
import type { FeatureInfo } from '../../../main/domain/recruitment/types';
import { formatNumber, formatPercent, localeFor } from '../../format';
import { currentLanguage } from '../../i18n';
import { signedText } from './QuotaInputs';

const LABEL_W = 190;
const BARS_W = 470;
const RIGHT_W = 70;
const WIDTH = LABEL_W + BARS_W + RIGHT_W;
const ROW_H = 58;
const TOP = 8;
const AXIS_H = 26;
const BAR_H = 14;
const QUOTA_H = 9;

/** The scale's end: the largest figure rounded up to 10 points, at least 10, at most 100. */
function scaleEnd(figures: number[]): number {
  const top = Math.max(10, ...figures);
  const step = top > 50 ? 20 : 10;
  return Math.min(100, Math.ceil(top / step) * step);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function FeatureChart({ feature, panelSize }: { feature: FeatureInfo; panelSize: number }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const rows = feature.values.map((v) => {
    const hasQuota = v.min !== null || v.max !== null;
    const lo = ((v.min ?? 0) / panelSize) * 100;
    const hi = v.max === null ? null : (v.max / panelSize) * 100;
    return { v, hasQuota, lo, hi };
  });
  const end = scaleEnd(rows.flatMap((r) => [r.v.poolSharePercent, r.v.sharePercent ?? 0, r.hi ?? r.lo]));
  const x = (percent: number) => LABEL_W + (Math.min(percent, end) / end) * BARS_W;
  const step = end > 50 ? 20 : end > 30 ? 10 : 5;
  const ticks = Array.from({ length: end / step + 1 }, (_, i) => i * step);
  const height = TOP + rows.length * ROW_H + AXIS_H;
  const pct = (p: number) => formatPercent(p / 100, lang);
  const tickText = (p: number) => new Intl.NumberFormat(localeFor(lang), { style: 'percent', maximumFractionDigits: 0 }).format(p / 100);
  const anyShare = rows.some((r) => r.v.sharePercent !== null);
  const anyQuota = rows.some((r) => r.hasQuota);

  // The summary a screen reader hears: what is compared, and where pool and population differ most.
  let gap: { value: string; points: number } | null = null;
  for (const r of rows) {
    if (r.v.sharePercent === null) continue;
    const points = r.v.poolSharePercent - r.v.sharePercent;
    if (!gap || Math.abs(points) > Math.abs(gap.points)) gap = { value: r.v.value, points };
  }
  const summary = [
    t('quotasPage.chart.summary', { feature: feature.name, count: rows.length, n: formatNumber(rows.length, lang) }),
    gap ? t('quotasPage.chart.summaryGap', { value: gap.value, points: signedText(gap.points, lang) }) : t('quotasPage.chart.summaryNoShares'),
    t('quotasPage.chart.summaryTable'),
  ].join(' ');

  return (
    <figure className="feature-chart">
      <figcaption className="feature-chart-legend">
        <span className="legend-item">
          <span className="legend-swatch legend-pool" aria-hidden="true" /> {t('quotasPage.chart.pool')}
        </span>
        <span className="legend-item">
          <span className="legend-swatch legend-population" aria-hidden="true" /> {t('quotasPage.chart.population')}
          {!anyShare && <span className="muted"> ({t('quotasPage.chart.noneYet')})</span>}
        </span>
        <span className="legend-item">
          <span className="legend-swatch legend-quota" aria-hidden="true" /> {t('quotasPage.chart.quota', { n: formatNumber(panelSize, lang) })}
          {!anyQuota && <span className="muted"> ({t('quotasPage.chart.noneYet')})</span>}
        </span>
      </figcaption>
      <svg
        className="feature-chart-svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        role="img"
        aria-label={summary}
        preserveAspectRatio="xMinYMin meet"
      >
        {ticks.map((tick) => (
          <g key={tick}>
            <line className="chart-grid" x1={x(tick)} x2={x(tick)} y1={TOP} y2={TOP + rows.length * ROW_H} />
            <text className="chart-tick" x={x(tick)} y={TOP + rows.length * ROW_H + 18} textAnchor="middle">
              {tickText(tick)}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const y = TOP + i * ROW_H;
          const poolY = y + 5;
          const popY = poolY + BAR_H + 3;
          const quotaY = popY + BAR_H + 5;
          return (
            <g key={r.v.id}>
              <text className="chart-label" x={LABEL_W - 10} y={popY + 4} textAnchor="end">
                {truncate(r.v.value, 24)}
                {r.v.value.length > 24 && <title>{r.v.value}</title>}
              </text>
              <rect className="chart-pool" x={LABEL_W} y={poolY} width={Math.max(0, x(r.v.poolSharePercent) - LABEL_W)} height={BAR_H} />
              <text className="chart-figure" x={x(r.v.poolSharePercent) + 5} y={poolY + BAR_H - 2}>
                {pct(r.v.poolSharePercent)}
              </text>
              {r.v.sharePercent !== null && (
                <>
                  <rect className="chart-population" x={LABEL_W} y={popY} width={Math.max(0, x(r.v.sharePercent) - LABEL_W)} height={BAR_H} />
                  <text className="chart-figure chart-figure-strong" x={x(r.v.sharePercent) + 5} y={popY + BAR_H - 2}>
                    {pct(r.v.sharePercent)}
                  </text>
                </>
              )}
              {r.hasQuota && (
                <rect className="chart-quota" x={x(r.lo)} y={quotaY} width={Math.max(4, x(r.hi ?? end) - x(r.lo))} height={QUOTA_H} rx={2} />
              )}
            </g>
          );
        })}
        <line className="chart-axis" x1={LABEL_W} x2={LABEL_W} y1={TOP} y2={TOP + rows.length * ROW_H} />
      </svg>
    </figure>
  );
}
