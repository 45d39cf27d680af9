/**
 * A ballot's result from its counts: pure. Checks the counts first (validateCounts), compares two
 * operators' entries (differences), and computes per item (yes/no, scale) or for the whole
 * ballot (approval, ranking) what was adopted or who won, with the rule in words. Ties are
 * reported; quorum not met means nothing is adopted.
 */
import type { Ballot, BallotCounts, BallotResult, ItemResult } from './types';
import { PaperError, approval, borda, checkPapers, schulze } from './ranking';
import { quorumMet, scaleResult, yesNoResult, type ThresholdRule } from './rules';
import { settleTies } from './tie';

export interface CountProblem {
  field: string;
  rule: 'negative' | 'notWhole' | 'tooManyPapers' | 'wrongShape' | 'duplicate' | 'unknownOption' | 'empty' | 'tooMany';
  message: string;
}

/** A yes/no ballot's threshold as the rules read it (twoThirds is 2/3, eightyPercent 4/5, custom n/d). */
export function thresholdOf(rule: Extract<Ballot['rule'], { method: 'yesNo' }>): ThresholdRule {
  switch (rule.threshold) {
    case 'simpleMajority':
      return { kind: 'simpleMajority', abstentionsCount: rule.abstentionsCount };
    case 'majorityOfPresent':
      return { kind: 'majorityOfPresent' };
    case 'twoThirds':
      return { kind: 'fraction', numerator: 2, denominator: 3, base: rule.base ?? 'cast', abstentionsCount: rule.abstentionsCount };
    case 'eightyPercent':
      return { kind: 'fraction', numerator: 4, denominator: 5, base: rule.base ?? 'cast', abstentionsCount: rule.abstentionsCount };
    case 'custom':
      return { kind: 'fraction', numerator: rule.numerator ?? 1, denominator: rule.denominator ?? 2, base: rule.base ?? 'cast', abstentionsCount: rule.abstentionsCount };
  }
}

/** numerator/denominator of a yes/no threshold (null for the majorities). */
export function thresholdFraction(rule: Extract<Ballot['rule'], { method: 'yesNo' }>): [number, number] | null {
  const t = thresholdOf(rule);
  return t.kind === 'fraction' ? [t.numerator, t.denominator] : null;
}

/** The fractions a sentence names in words ("two thirds"); others are printed as n/d. */
export type NamedFraction = 'half' | 'twoThirds' | 'fourFifths';

export function namedFraction(numerator: number, denominator: number): NamedFraction | null {
  if (numerator === 1 && denominator === 2) return 'half';
  if (numerator === 2 && denominator === 3) return 'twoThirds';
  if (numerator === 4 && denominator === 5) return 'fourFifths';
  return null;
}

const countsPerItem = (ballot: Ballot) => (ballot.rule.method === 'yesNo' ? 3 : ballot.rule.method === 'scale' ? ballot.rule.levels.length : 0);

/**
 * What is wrong with a count. More papers than members present is a problem unless
 * `excessExplained` (an operator stated why: a member in the room who was never checked in, say).
 */
export function validateCounts(ballot: Ballot, counts: BallotCounts, present: number, { excessExplained = false }: { excessExplained?: boolean } = {}): CountProblem[] {
  const problems: CountProblem[] = [];
  const whole = (field: string, value: number) => {
    if (!Number.isInteger(value)) problems.push({ field, rule: 'notWhole', message: `${field}: ${value} is not a whole number` });
    else if (value < 0) problems.push({ field, rule: 'negative', message: `${field}: ${value} is negative` });
  };
  const perItem = ballot.rule.method === 'yesNo' || ballot.rule.method === 'scale';
  if (perItem !== (counts.kind === 'perItem')) {
    return [{ field: 'counts', rule: 'wrongShape', message: perItem ? 'this ballot is counted per item' : 'this ballot is counted paper by paper' }];
  }
  if (counts.kind === 'perItem') {
    const width = countsPerItem(ballot);
    const ids = new Set(ballot.items.map((i) => i.id));
    if (counts.items.length !== ballot.items.length || counts.items.some((i) => !ids.has(i.itemId)) || new Set(counts.items.map((i) => i.itemId)).size !== ids.size) {
      return [{ field: 'counts.items', rule: 'wrongShape', message: 'give the counts of every item of the ballot, once each' }];
    }
    counts.items.forEach((item, i) => {
      const number = ballot.items.find((x) => x.id === item.itemId)!.number;
      if (item.counts.length !== width) problems.push({ field: `counts.items.${i}.counts`, rule: 'wrongShape', message: `item ${number}: ${width} counts are expected` });
      item.counts.forEach((c, k) => whole(`counts.items.${i}.counts.${k}`, c));
      whole(`counts.items.${i}.blank`, item.blank);
      whole(`counts.items.${i}.spoilt`, item.spoilt);
      const papers = item.counts.reduce((s, c) => s + c, 0) + item.blank + item.spoilt;
      if (papers > present && !excessExplained) {
        problems.push({ field: `counts.items.${i}`, rule: 'tooManyPapers', message: `item ${number}: ${papers} papers, but only ${present} members are present` });
      }
    });
  } else {
    whole('counts.blank', counts.blank);
    whole('counts.spoilt', counts.spoilt);
    const total = counts.papers.length + counts.blank + counts.spoilt;
    if (total > present && !excessExplained) problems.push({ field: 'counts', rule: 'tooManyPapers', message: `${total} papers, but only ${present} members are present` });
    try {
      if (ballot.rule.method === 'approval') approval(counts.papers, ballot.items.length, ballot.rule.maxPicks);
      else checkPapers(counts.papers, ballot.items.length);
    } catch (e) {
      if (!(e instanceof PaperError)) throw e;
      problems.push({ field: `counts.papers.${e.paper - 1}`, rule: e.rule, message: e.message });
    }
  }
  return problems;
}

/** Where two entries differ, for the operators to check against the papers. */
export function differences(ballot: Ballot, a: BallotCounts, b: BallotCounts): { itemId: string | null; field: string; first: number | string; second: number | string }[] {
  const out: { itemId: string | null; field: string; first: number | string; second: number | string }[] = [];
  if (a.kind === 'perItem' && b.kind === 'perItem') {
    for (const item of ballot.items) {
      const x = a.items.find((i) => i.itemId === item.id);
      const y = b.items.find((i) => i.itemId === item.id);
      if (!x || !y) continue;
      const width = Math.max(x.counts.length, y.counts.length);
      for (let k = 0; k < width; k++) if (x.counts[k] !== y.counts[k]) out.push({ itemId: item.id, field: `counts.${k}`, first: x.counts[k] ?? '', second: y.counts[k] ?? '' });
      if (x.blank !== y.blank) out.push({ itemId: item.id, field: 'blank', first: x.blank, second: y.blank });
      if (x.spoilt !== y.spoilt) out.push({ itemId: item.id, field: 'spoilt', first: x.spoilt, second: y.spoilt });
    }
  } else if (a.kind === 'papers' && b.kind === 'papers') {
    const width = Math.max(a.papers.length, b.papers.length);
    for (let p = 0; p < width; p++) {
      const x = (a.papers[p] ?? []).join(' ');
      const y = (b.papers[p] ?? []).join(' ');
      if (x !== y) out.push({ itemId: null, field: `papers.${p}`, first: x, second: y });
    }
    if (a.blank !== b.blank) out.push({ itemId: null, field: 'blank', first: a.blank, second: b.blank });
    if (a.spoilt !== b.spoilt) out.push({ itemId: null, field: 'spoilt', first: a.spoilt, second: b.spoilt });
  } else out.push({ itemId: null, field: 'kind', first: a.kind, second: b.kind });
  return out;
}

export function ballotResult(ballot: Ballot, counts: BallotCounts, present: number, panelSize: number): BallotResult {
  const quorum = quorumMet(present, panelSize, ballot.quorum);
  const rule = ballot.rule;
  const base = { ballotId: ballot.id, present, panelSize, quorumMet: quorum };
  if (counts.kind === 'perItem' && (rule.method === 'yesNo' || rule.method === 'scale')) {
    let words = '';
    const items: ItemResult[] = ballot.items.map((item) => {
      const entry = counts.items.find((i) => i.itemId === item.id)!;
      if (rule.method === 'yesNo') {
        const r = yesNoResult({ for: entry.counts[0]!, against: entry.counts[1]!, abstain: entry.counts[2]! }, thresholdOf(rule), present);
        words = r.rule;
        return {
          itemId: item.id,
          number: item.number,
          title: item.title,
          counts: entry.counts,
          blank: entry.blank,
          spoilt: entry.spoilt,
          base: r.base,
          baseKind: r.baseKind,
          percentages: [r.percentFor, r.percentAgainst, r.percentAbstain],
          adopted: quorum && r.adopted,
          // A tie settles nothing when the quorum is not met: nothing is adopted anyway.
          tie: quorum && r.tie,
          settled: null,
        };
      }
      const r = scaleResult(entry.counts, rule.supportLevels, rule);
      words = r.rule;
      return {
        itemId: item.id,
        number: item.number,
        title: item.title,
        counts: entry.counts,
        blank: entry.blank,
        spoilt: entry.spoilt,
        base: r.valid,
        baseKind: 'valid' as const,
        percentages: entry.counts.map((c) => (r.valid > 0 ? c / r.valid : 0)),
        adopted: quorum && r.adopted,
        // "At least n/d": exactly at the threshold is adopted, not a tie (see tie.ts).
        tie: false,
        settled: null,
      };
    });
    const valid = counts.items.reduce((s, i) => Math.max(s, i.counts.reduce((x, c) => x + c, 0)), 0);
    const blank = counts.items.reduce((s, i) => Math.max(s, i.blank), 0);
    const spoilt = counts.items.reduce((s, i) => Math.max(s, i.spoilt), 0);
    const raw: BallotResult = { ...base, rule: quorum ? words : `${words} (quorum not met: nothing is adopted)`, items, ranking: null, papers: { valid, blank, spoilt }, outcome: 'decided', chair: null };
    return settleTies(ballot, raw, ballot.castingVote);
  }
  if (counts.kind !== 'papers' || (rule.method !== 'approval' && rule.method !== 'ranking')) throw new Error('ballotResult: counts do not fit the ballot (validate first)');
  const ids = ballot.items.map((i) => i.id);
  const toIds = (groups: number[][]) => groups.map((g) => g.map((i) => ids[i]!));
  // The first place is the place a ranking decides: a tie there is a tie to settle (tie.ts).
  const first = (winners: number[]) => {
    const w = winners.map((i) => ids[i]!);
    return { winners: w, tie: w.length > 1, tiedFirst: w.length > 1 ? w : [], settled: null };
  };
  let ranking: NonNullable<BallotResult['ranking']>;
  let words: string;
  if (rule.method === 'approval') {
    const r = approval(counts.papers, ids.length, rule.maxPicks);
    ranking = { ...first(r.winners), order: toIds(r.order), scores: Object.fromEntries(r.counts.map((c, i) => [ids[i]!, c])), pairwise: null, condorcetWinner: null };
    words = `items ranked by the number of members who picked them (up to ${rule.maxPicks} each)`;
  } else if (rule.count === 'borda') {
    const r = borda(counts.papers, ids.length);
    const s = schulze(counts.papers, ids.length);
    ranking = { ...first(r.winners), order: toIds(r.order), scores: Object.fromEntries(r.points.map((c, i) => [ids[i]!, c])), pairwise: s.pairwise, condorcetWinner: s.condorcetWinner === null ? null : ids[s.condorcetWinner]! };
    words = 'Borda count: an option gets one point per option ranked below it on each paper';
  } else {
    const s = schulze(counts.papers, ids.length);
    const wins = s.strongest.map((row, a) => row.reduce((n, _, b) => n + (a !== b && row[b]! > s.strongest[b]![a]! ? 1 : 0), 0));
    ranking = { ...first(s.winners), order: toIds(s.order), scores: Object.fromEntries(wins.map((w, i) => [ids[i]!, w])), pairwise: s.pairwise, condorcetWinner: s.condorcetWinner === null ? null : ids[s.condorcetWinner]! };
    words = 'Schulze method: options ordered by the strongest paths between them in the pairwise comparisons';
  }
  if (!quorum) ranking = { ...ranking, winners: [], tie: false, tiedFirst: [] };
  const raw: BallotResult = { ...base, rule: quorum ? words : `${words} (quorum not met: no winner)`, items: [], ranking, papers: { valid: counts.papers.length, blank: counts.blank, spoilt: counts.spoilt }, outcome: 'decided', chair: null };
  return settleTies(ballot, raw, ballot.castingVote);
}
