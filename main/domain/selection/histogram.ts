/**
 * The one binning of selection probabilities, used by the Selection page's charts, the report
 * data (main/reports/data.ts) and the published selection audit PDF: the screen and the PDF
 * show the same bins. Pure, no I/O (the renderer imports it too).
 */

/** Candidates whose probability is in [from, to) (the last bin also holds `to`). */
export interface ProbabilityBin {
  from: number;
  to: number;
  count: number;
}

/** The number of bins of the published histogram. */
export const HISTOGRAM_BINS = 10;

/**
 * `bins` equal bins from 0 to the largest probability (to 1 when every probability is 0); no
 * bins for no values. A value equal to the top falls in the last bin.
 */
export function probabilityHistogram(values: readonly number[], bins = HISTOGRAM_BINS): ProbabilityBin[] {
  if (values.length === 0) return [];
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  const top = max || 1;
  const out = Array.from({ length: bins }, (_, i) => ({ from: (top * i) / bins, to: (top * (i + 1)) / bins, count: 0 }));
  for (const v of values) out[Math.max(0, Math.min(bins - 1, Math.floor((v / top) * bins)))]!.count++;
  return out;
}
