/**
 * Ranked ballots: Borda count and the Schulze method, with the pairwise matrix shown. Ties are
 * reported, never broken silently.
 *
 * A paper lists option indices from most to least preferred; it may stop early (options it does
 * not list share the last place). Validation refuses an option ranked twice or unknown.
 */

export class PaperError extends Error {
  constructor(
    message: string,
    readonly paper: number,
    readonly rule: 'duplicate' | 'unknownOption' | 'empty' | 'tooMany',
  ) {
    super(message);
  }
}

export function checkPapers(papers: readonly (readonly number[])[], optionCount: number): void {
  papers.forEach((paper, i) => {
    if (paper.length === 0) throw new PaperError(`Paper ${i + 1} ranks no option.`, i + 1, 'empty');
    const seen = new Set<number>();
    for (const option of paper) {
      if (!Number.isInteger(option) || option < 0 || option >= optionCount) throw new PaperError(`Paper ${i + 1} ranks an option that is not on the ballot.`, i + 1, 'unknownOption');
      if (seen.has(option)) throw new PaperError(`Paper ${i + 1} ranks option ${option + 1} twice.`, i + 1, 'duplicate');
      seen.add(option);
    }
  });
}

/** d[a][b]: papers preferring a to b. */
export function pairwiseMatrix(papers: readonly (readonly number[])[], optionCount: number): number[][] {
  const d = Array.from({ length: optionCount }, () => new Array<number>(optionCount).fill(0));
  for (const paper of papers) {
    const rank = new Array<number>(optionCount).fill(paper.length); // unlisted: shared last place
    paper.forEach((option, position) => (rank[option] = position));
    for (let a = 0; a < optionCount; a++) for (let b = 0; b < optionCount; b++) if (a !== b && rank[a]! < rank[b]!) d[a]![b]!++;
  }
  return d;
}

export interface RankingResult {
  /** Groups of option indices, best first; a group of more than one is a tie. */
  order: number[][];
  winners: number[];
  tie: boolean;
}

function orderBy(scores: readonly number[], better: (a: number, b: number) => number): number[][] {
  const options = scores.map((_, i) => i).sort((a, b) => better(a, b) || a - b);
  const groups: number[][] = [];
  for (const o of options) {
    const last = groups[groups.length - 1];
    if (last && better(last[0]!, o) === 0) last.push(o);
    else groups.push([o]);
  }
  return groups;
}

/** Borda: an option gets (options − 1 − position) points per paper; unlisted options share the rest equally. */
export function borda(papers: readonly (readonly number[])[], optionCount: number): RankingResult & { points: number[] } {
  // Points doubled, so that shared places stay whole numbers; halved at the end.
  const doubled = new Array<number>(optionCount).fill(0);
  for (const paper of papers) {
    paper.forEach((option, position) => (doubled[option]! += 2 * (optionCount - 1 - position)));
    const unlisted = optionCount - paper.length;
    if (unlisted > 0) {
      // Places paper.length .. optionCount-1 share their points: sum of (optionCount-1-p) over them.
      let sum = 0;
      for (let p = paper.length; p < optionCount; p++) sum += optionCount - 1 - p;
      const listed = new Set(paper);
      for (let o = 0; o < optionCount; o++) if (!listed.has(o)) doubled[o]! += (2 * sum) / unlisted;
    }
  }
  const points = doubled.map((x) => x / 2);
  const order = orderBy(points, (a, b) => points[b]! - points[a]!);
  return { points, order, winners: order[0] ?? [], tie: (order[0]?.length ?? 0) > 1 };
}

/** Schulze: strongest paths by the widest-path method over the pairwise defeats. */
export function schulze(papers: readonly (readonly number[])[], optionCount: number): RankingResult & { pairwise: number[][]; strongest: number[][]; condorcetWinner: number | null } {
  const d = pairwiseMatrix(papers, optionCount);
  const p = Array.from({ length: optionCount }, () => new Array<number>(optionCount).fill(0));
  for (let i = 0; i < optionCount; i++) for (let j = 0; j < optionCount; j++) if (i !== j && d[i]![j]! > d[j]![i]!) p[i]![j] = d[i]![j]!;
  for (let k = 0; k < optionCount; k++)
    for (let i = 0; i < optionCount; i++)
      if (i !== k) for (let j = 0; j < optionCount; j++) if (j !== i && j !== k) p[i]![j] = Math.max(p[i]![j]!, Math.min(p[i]![k]!, p[k]![j]!));
  // a beats b when p[a][b] > p[b][a]; order by number of options beaten, ties where neither beats.
  const beats = (a: number, b: number) => p[a]![b]! > p[b]![a]!;
  const wins = p.map((_, a) => p.reduce((n, __, b) => n + (a !== b && beats(a, b) ? 1 : 0), 0));
  const order = orderBy(wins, (a, b) => wins[b]! - wins[a]!);
  let condorcetWinner: number | null = null;
  for (let a = 0; a < optionCount; a++) {
    let all = true;
    for (let b = 0; b < optionCount; b++) if (a !== b && !(d[a]![b]! > d[b]![a]!)) all = false;
    if (all) condorcetWinner = a;
  }
  return { pairwise: d, strongest: p, order, winners: order[0] ?? [], tie: (order[0]?.length ?? 0) > 1, condorcetWinner };
}

/** Approval / priorities: counts per item; each paper picks up to maxPicks distinct items. */
export function approval(papers: readonly (readonly number[])[], optionCount: number, maxPicks: number): RankingResult & { counts: number[] } {
  papers.forEach((paper, i) => {
    if (paper.length > maxPicks) throw new PaperError(`Paper ${i + 1} picks ${paper.length} items; at most ${maxPicks} are allowed.`, i + 1, 'tooMany');
  });
  // Empty papers (nobody picked) are allowed here; the others are checked with their own numbers.
  papers.forEach((paper, i) => {
    if (paper.length === 0) return;
    try {
      checkPapers([paper], optionCount);
    } catch (e) {
      if (e instanceof PaperError) throw new PaperError(e.message.replace(/^Paper 1\b/, `Paper ${i + 1}`), i + 1, e.rule);
      throw e;
    }
  });
  const counts = new Array<number>(optionCount).fill(0);
  for (const paper of papers) for (const o of paper) counts[o]!++;
  const order = orderBy(counts, (a, b) => counts[b]! - counts[a]!);
  return { counts, order, winners: order[0] ?? [], tie: (order[0]?.length ?? 0) > 1 };
}
