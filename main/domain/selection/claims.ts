/**
 * What a report may claim about a selection run's figures: how precise an estimated probability
 * is, and when a LEXIMIN distribution may be called optimal.
 */

/**
 * The 95 % margin of a probability estimated as a share of `draws` simulated draws (Wilson score
 * interval, which stays honest at 0 and 1 where the normal one shrinks to nothing): the largest
 * distance from the estimate to either end. 0 draws: null (nothing was estimated).
 */
export function estimateMargin(share: number, draws: number): number | null {
  if (!(draws > 0)) return null;
  const z = 1.959964;
  const z2 = z * z;
  const centre = (share + z2 / (2 * draws)) / (1 + z2 / draws);
  const half = (z / (1 + z2 / draws)) * Math.sqrt((share * (1 - share)) / draws + z2 / (4 * draws * draws));
  return Math.max(centre + half - share, share - (centre - half));
}

/**
 * "Optimal" is said only when the gap is zero: the smallest probability reached equals the proven
 * bound. Any gap, however small, is shown as "within X of the best possible" instead, X being the
 * gap: a certified tolerance is not a proof of optimality.
 */
export const OPTIMAL_GAP = 0;

export const isProvenOptimal = (certificate: { gap: number }): boolean => certificate.gap <= OPTIMAL_GAP;
