/**
 * How many people have which chance of selection: an inline SVG histogram over 0..end, with a
 * summary for screen readers (role="img") and the same figures as a table in a <details>. The
 * bins are the published audit PDF's (main/domain/selection/histogram.ts): ten equal bins from 0
 * to the largest chance.
 */
import { useTranslation } from 'react-i18next';
import { probabilityHistogram } from '../../../main/domain/selection/histogram';
import { formatNumber, localeFor } from '../../format';
import { currentLanguage } from '../../i18n';
import { pct } from './selectionShared';

/** A round end for the scale: the largest chance rounded up to a whole percent (at least 1 %). */
export function scaleEndFor(max: number): number {
  const percent = Math.max(1, Math.ceil(max * 100 - 1e-9));
  const step = percent > 20 ? 5 : percent > 10 ? 2 : 1;
  return (Math.ceil(percent / step) * step) / 100;
}

/** Ticks on the chance axis at round percentages (every 0.5, 1, 2, 2.5, 5, 10 or 20 points), at most 7. */
function chanceTicks(end: number): number[] {
  const percent = end * 100;
  const step = [0.5, 1, 2, 2.5, 5, 10, 20, 25].find((s) => percent / s <= 6) ?? 25;
  const ticks: number[] = [];
  for (let p = 0; p <= percent + 1e-9; p += step) ticks.push(Math.round(p * 100) / 10000);
  return ticks;
}

/** A round top for the count axis. */
function countEnd(max: number): number {
  if (max <= 5) return 5;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * magnitude >= max) return m * magnitude;
  return 10 * magnitude;
}

const WIDTH = 640;
const HEIGHT = 230;
const LEFT = 68;
const RIGHT = 16;
const TOP = 12;
const BOTTOM = 44;

interface Props {
  values: number[];
  /** The end of the chance axis (shared by charts that are compared); at least the top bin's end. */
  end: number;
  /** The end of the count axis (shared by charts that are compared); computed when absent. */
  countMax?: number;
  /** What the chart shows, e.g. "LEXIMIN": said in the summary and the table caption. */
  label: string;
  tone?: 'leximin' | 'legacy';
}

export function ProbabilityHistogram({ values, end: requestedEnd, countMax, label, tone = 'leximin' }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const bins = probabilityHistogram(values);
  const end = Math.max(requestedEnd, bins.at(-1)?.to ?? 0);
  const top = countEnd(countMax ?? Math.max(0, ...bins.map((b) => b.count)));
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const x = (p: number) => LEFT + (p / end) * plotW;
  const y = (count: number) => TOP + plotH - (count / top) * plotH;
  const xTicks = chanceTicks(end);
  const yTicks = [0, 0.5, 1].map((f) => f * top);
  const tickPercent = (p: number) => new Intl.NumberFormat(localeFor(lang), { style: 'percent', maximumFractionDigits: 1 }).format(p);

  const fullest = bins.reduce((a, b) => (b.count > a.count ? b : a), bins[0] ?? { from: 0, to: 0, count: 0 });
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 0;
  const summary = t('sel.histogram.summary', {
    label,
    count: values.length,
    n: formatNumber(values.length, lang),
    min: pct(min, lang),
    max: pct(max, lang),
    most: formatNumber(fullest.count, lang),
    from: pct(fullest.from, lang),
    to: pct(fullest.to, lang),
  });

  return (
    <figure className={`sel-histogram sel-histogram-${tone}`}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={summary} preserveAspectRatio="xMinYMin meet">
        {yTicks.map((c) => (
          <g key={`y${c}`}>
            <line className="sel-chart-grid" x1={LEFT} x2={WIDTH - RIGHT} y1={y(c)} y2={y(c)} />
            <text className="sel-chart-tick" x={LEFT - 8} y={y(c) + 4} textAnchor="end">
              {formatNumber(c, lang)}
            </text>
          </g>
        ))}
        {bins.map((b, i) =>
          b.count > 0 ? (
            <rect key={i} className="sel-chart-bar" x={x(b.from) + 1} y={y(b.count)} width={Math.max(1, x(b.to) - x(b.from) - 2)} height={TOP + plotH - y(b.count)}>
              <title>{t('sel.histogram.binTitle', { from: pct(b.from, lang), to: pct(b.to, lang), count: b.count, n: formatNumber(b.count, lang) })}</title>
            </rect>
          ) : null,
        )}
        <line className="sel-chart-axis" x1={LEFT} x2={WIDTH - RIGHT} y1={TOP + plotH} y2={TOP + plotH} />
        {xTicks.map((p) => (
          <text key={`x${p}`} className="sel-chart-tick" x={x(p)} y={TOP + plotH + 18} textAnchor="middle">
            {tickPercent(p)}
          </text>
        ))}
        <text className="sel-chart-axis-label" x={LEFT + plotW / 2} y={HEIGHT - 4} textAnchor="middle">
          {t('sel.histogram.xAxis')}
        </text>
        <text className="sel-chart-axis-label" x={12} y={TOP + plotH / 2} textAnchor="middle" transform={`rotate(-90 12 ${TOP + plotH / 2})`}>
          {t('sel.histogram.yAxis')}
        </text>
      </svg>
      <details className="sel-histogram-table">
        <summary>{t('sel.histogram.showTable', { label })}</summary>
        <table className="data-table compact">
          <caption>{t('sel.histogram.caption', { label })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sel.histogram.colRange')}</th>
              <th scope="col" className="num">
                {t('sel.histogram.colPeople')}
              </th>
            </tr>
          </thead>
          <tbody>
            {bins.map((b, i) => (
              <tr key={i}>
                <th scope="row" className="nowrap">
                  {t('sel.histogram.range', { from: pct(b.from, lang), to: pct(b.to, lang) })}
                </th>
                <td className="num">{formatNumber(b.count, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
