/**
 * Ties, and how they are settled by the rule the ballot fixed before the vote. Pure.
 *
 * What counts as a tie, per method (a tie here is one that decides the outcome: one vote more on
 * either side would change it, so the chair's casting vote or a new vote has something to settle):
 *  - yes/no, simple majority (abstentions not counted): as many votes for as against (and some
 *    cast). This is the classic tie.
 *  - yes/no, simple majority with abstentions counting: "for" is exactly half of the votes cast,
 *    abstentions included, i.e. for = against + abstain. Abstentions count as not-for under this
 *    rule, so the two sides are for and not-for, and they are equal.
 *  - yes/no, majority of the members present: "for" is exactly half of the members present. The
 *    other half (against, abstaining or not voting) counts as not-for under this rule, and one
 *    vote for more would adopt the item.
 *  - yes/no at a fraction (two thirds, 80 %, a custom fraction) and support scales: NOT a tie
 *    when the count is exactly at the threshold. These rules read "at least n/d", so reaching
 *    the threshold exactly adopts the item: the rule itself decides, there are no two equal
 *    sides to choose between (even a custom 1/2 reads "at least half").
 *  - approval and ranking (Borda, Schulze): a tie for the first place, the only place that the
 *    ballot decides (its winner). Ties further down are shown in the order ("2 =") but settle
 *    nothing, so they are not ties to break.
 *  - quorum not met: nothing is adopted and there is no winner, whatever the votes: no tie.
 *
 * Settling: with 'newVote' a tie stays unsettled in the result (the item is not adopted, there
 * is no single winner) and says that a new ballot is needed. With 'castingVote' the chair's
 * casting vote decides: for a yes/no item whether it is adopted, for a ranking which of the tied
 * options wins. Finalising a tie under 'castingVote' requires it; a casting vote without a tie,
 * or under 'newVote', is refused (checkCastingVote).
 */
import type { Ballot, BallotResult, CastingVote } from './types';

export interface CastingVoteProblem {
  field: string;
  rule: 'castingVoteMissing' | 'castingVoteWithoutTie' | 'castingVoteNotTheRule' | 'castingVoteItems' | 'castingVoteOption';
  message: string;
}

/** The ties a result has to settle: the tied yes/no items, and the options tied for first place. */
export function tiesOf(result: BallotResult): { items: string[]; first: string[] } {
  return {
    items: result.items.filter((i) => i.tie).map((i) => i.itemId),
    first: result.ranking?.tie ? result.ranking.tiedFirst : [],
  };
}

export const hasTie = (result: BallotResult): boolean => {
  const t = tiesOf(result);
  return t.items.length > 0 || t.first.length > 0;
};

/** What is wrong with a casting vote (or its absence) for this result, under the ballot's rule. */
export function checkCastingVote(ballot: Pick<Ballot, 'tieRule'>, result: BallotResult, castingVote: CastingVote | null): CastingVoteProblem[] {
  const ties = tiesOf(result);
  const tie = ties.items.length > 0 || ties.first.length > 0;
  if (!castingVote) {
    return tie && ballot.tieRule === 'castingVote'
      ? [{ field: 'castingVote', rule: 'castingVoteMissing', message: "the votes are tied and this ballot's rule is the chair's casting vote: give it to finalise" }]
      : [];
  }
  if (!tie) return [{ field: 'castingVote', rule: 'castingVoteWithoutTie', message: 'the votes are not tied: there is nothing for a casting vote to settle' }];
  if (ballot.tieRule !== 'castingVote') return [{ field: 'castingVote', rule: 'castingVoteNotTheRule', message: "this ballot's rule for a tie is a new vote, not the chair's casting vote" }];
  const problems: CastingVoteProblem[] = [];
  const given = castingVote.items.map((i) => i.itemId);
  const sameItems = given.length === ties.items.length && new Set(given).size === given.length && given.every((id) => ties.items.includes(id));
  if (!sameItems) problems.push({ field: 'castingVote.items', rule: 'castingVoteItems', message: 'give the casting vote on each tied item, and only on those' });
  if (ties.first.length > 0 ? castingVote.option === null || !ties.first.includes(castingVote.option) : castingVote.option !== null) {
    problems.push({ field: 'castingVote.option', rule: 'castingVoteOption', message: ties.first.length > 0 ? 'choose one of the options tied for the first place' : 'there is no tie between options to settle' });
  }
  return problems;
}

/**
 * The result with its ties settled by the ballot's rule (and the casting vote, when given):
 * `settled` per item and for the ranking, `outcome` and `chair` for the whole ballot.
 */
export function settleTies(ballot: Pick<Ballot, 'tieRule'>, result: BallotResult, castingVote: CastingVote | null): BallotResult {
  const cv = ballot.tieRule === 'castingVote' ? castingVote : null;
  let waiting = false;
  let byChair = false;
  let newVote = false;
  const items = result.items.map((item) => {
    if (!item.tie) return { ...item, settled: null };
    if (ballot.tieRule === 'newVote') {
      newVote = true;
      return { ...item, adopted: false, settled: 'newVote' as const };
    }
    const decision = cv?.items.find((i) => i.itemId === item.itemId);
    if (!decision) {
      waiting = true;
      return { ...item, adopted: false, settled: null };
    }
    byChair = true;
    return { ...item, adopted: decision.adopt, settled: 'castingVote' as const };
  });
  let ranking = result.ranking;
  if (ranking) {
    if (!ranking.tie) ranking = { ...ranking, settled: null };
    else if (ballot.tieRule === 'newVote') {
      newVote = true;
      ranking = { ...ranking, settled: 'newVote' };
    } else if (cv?.option && ranking.tiedFirst.includes(cv.option)) {
      byChair = true;
      ranking = { ...ranking, winners: [cv.option], settled: 'castingVote' };
    } else {
      waiting = true;
      ranking = { ...ranking, settled: null };
    }
  }
  const outcome: BallotResult['outcome'] = newVote ? 'newVoteNeeded' : waiting ? 'castingVoteNeeded' : byChair ? 'castingVote' : 'decided';
  return { ...result, items, ranking, outcome, chair: byChair && cv ? cv.chair : null };
}
