/**
 * Arrivals over time as an SVG step line (cumulative, per 5 minutes). For screen readers: the
 * image has a summary as its name, and the same numbers are in a table hidden from view.
 */
import { useTranslation } from 'react-i18next';
import type { SessionDashboard } from '../../../main/domain/attendance/types';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';

const W = 640;
const H = 240;
const PAD = { left: 44, right: 30, top: 16, bottom: 36 };

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function ArrivalsChart({ arrivals, expected, sessionStart }: { arrivals: SessionDashboard['arrivals']; expected: number; sessionStart: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (arrivals.length === 0) return <p className="empty-inline">{t('dash.noArrivals')}</p>;

  const first = arrivals[0]!;
  const last = arrivals[arrivals.length - 1]!;
  const start = minutes(first.time);
  // One more step after the last, so its level shows as a line, not a point.
  const end = Math.max(minutes(last.time) + 5, start + 30);
  const top = Math.max(expected, last.arrived, 1);
  const x = (m: number) => PAD.left + ((m - start) / (end - start)) * (W - PAD.left - PAD.right);
  const y = (n: number) => H - PAD.bottom - (n / top) * (H - PAD.top - PAD.bottom);

  let d = `M ${x(start)} ${y(0)}`;
  for (const p of arrivals) {
    const m = minutes(p.time);
    d += ` H ${x(m)} V ${y(p.arrived)}`;
  }
  d += ` H ${x(end)}`;

  // Hour and half-hour marks along the time axis, at most eight.
  const step = [5, 10, 15, 30, 60, 120, 240].find((s) => (end - start) / s <= 8) ?? 240;
  const ticks: number[] = [];
  for (let m = Math.ceil(start / step) * step; m <= end; m += step) ticks.push(m);
  const hhmm = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const startMark = minutes(sessionStart);
  const yTicks = [0, Math.round(top / 2), top];

  const summary = t('dash.chartSummary', {
    count: last.arrived,
    n: formatNumber(last.arrived, lang),
    expected: formatNumber(expected, lang),
    from: first.time,
    to: last.time,
  });
  return (
    <figure className="att-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} className="att-chart-svg" preserveAspectRatio="xMidYMid meet">
        {yTicks.map((n) => (
          <g key={`y${n}`}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(n)} y2={y(n)} className="att-chart-grid" />
            <text x={PAD.left - 6} y={y(n) + 4} textAnchor="end" className="att-chart-label">
              {formatNumber(n, lang)}
            </text>
          </g>
        ))}
        {ticks.map((m) => (
          <text key={`x${m}`} x={x(m)} y={H - PAD.bottom + 18} textAnchor="middle" className="att-chart-label">
            {hhmm(m)}
          </text>
        ))}
        {startMark >= start && startMark <= end && (
          <g>
            <line x1={x(startMark)} x2={x(startMark)} y1={PAD.top} y2={H - PAD.bottom} className="att-chart-start" />
            <text x={x(startMark) + 4} y={PAD.top + 10} className="att-chart-label">
              {t('dash.start')}
            </text>
          </g>
        )}
        <path d={d} className="att-chart-line" />
      </svg>
      <figcaption className="muted" aria-hidden="true">
        {summary}
      </figcaption>
      <table className="visually-hidden">
        <caption>{t('dash.chartTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dash.time')}</th>
            <th scope="col">{t('dash.arrivedSoFar')}</th>
          </tr>
        </thead>
        <tbody>
          {arrivals.map((p) => (
            <tr key={p.time}>
              <th scope="row">{p.time}</th>
              <td>{p.arrived}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
