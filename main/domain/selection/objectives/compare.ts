/**
 * What the Selection page compares between two objectives run on the same pool: the smallest
 * and largest chance, how many people get less than half or more than twice the average, the
 * Gini coefficient, and the histogram (the one binning, ../histogram.ts). Pure: probabilities in,
 * figures out; no codes leave this function, so a comparison holds no personal data.
 */
import { probabilityHistogram, type ProbabilityBin } from '../histogram';
import { probabilitySummary } from '../instance';

export interface ObjectiveFigures {
  count: number;
  min: number;
  max: number;
  mean: number;
  /** People whose chance is below half the average. */
  belowHalf: number;
  /** People whose chance is above twice the average. */
  aboveTwice: number;
  gini: number;
  histogram: ProbabilityBin[];
  /** Every probability, sorted (for charts drawn on a common scale). */
  values: number[];
}

export function objectiveFigures(probabilities: Record<string, number>): ObjectiveFigures {
  const values = Object.values(probabilities).sort((a, b) => a - b);
  const summary = probabilitySummary(probabilities);
  const mean = summary.mean;
  // A hair of slack, so that rounding never counts someone exactly at half or twice the average.
  const eps = 1e-12;
  return {
    count: summary.count,
    min: summary.min,
    max: summary.max,
    mean,
    belowHalf: values.filter((v) => v < mean / 2 - eps).length,
    aboveTwice: values.filter((v) => v > mean * 2 + eps).length,
    gini: summary.gini,
    histogram: probabilityHistogram(values),
    values,
  };
}
