import { describe, expect, it } from 'vitest';
import { EIGHTY_PERCENT, TWO_THIRDS, quorumMet, scaleResult, yesNoResult } from '../../main/domain/voting/rules';
import { PaperError, approval, borda, checkPapers, pairwiseMatrix, schulze } from '../../main/domain/voting/ranking';

describe('for / against / abstain', () => {
  it('simple majority: more for than against; a tie is reported and not adopted', () => {
    expect(yesNoResult({ for: 31, against: 30, abstain: 20 }, { kind: 'simpleMajority', abstentionsCount: false }, 90)).toMatchObject({ adopted: true, base: 61, tie: false });
    expect(yesNoResult({ for: 30, against: 30, abstain: 1 }, { kind: 'simpleMajority', abstentionsCount: false }, 90)).toMatchObject({ adopted: false, tie: true });
    // With abstentions counting, 31 of 81 is not a majority.
    expect(yesNoResult({ for: 31, against: 30, abstain: 20 }, { kind: 'simpleMajority', abstentionsCount: true }, 90)).toMatchObject({ adopted: false, base: 81, baseKind: 'castWithAbstentions' });
  });

  it('two thirds exactly at the threshold is adopted, one vote less is not', () => {
    expect(yesNoResult({ for: 40, against: 20, abstain: 5 }, TWO_THIRDS, 70)).toMatchObject({ adopted: true, base: 60 });
    expect(yesNoResult({ for: 39, against: 20, abstain: 5 }, TWO_THIRDS, 70).adopted).toBe(false);
    expect(yesNoResult({ for: 40, against: 20, abstain: 5 }, TWO_THIRDS, 70).percentFor).toBeCloseTo(2 / 3, 12);
    // 80 %: 48 of 60 exactly.
    expect(yesNoResult({ for: 48, against: 12, abstain: 0 }, EIGHTY_PERCENT, 60).adopted).toBe(true);
    expect(yesNoResult({ for: 47, against: 12, abstain: 0 }, EIGHTY_PERCENT, 60).adopted).toBe(false);
  });

  it('majority of members present, and a custom fraction of those present', () => {
    expect(yesNoResult({ for: 30, against: 10, abstain: 10 }, { kind: 'majorityOfPresent' }, 60)).toMatchObject({ adopted: false, tie: true, base: 60 });
    expect(yesNoResult({ for: 31, against: 10, abstain: 10 }, { kind: 'majorityOfPresent' }, 60).adopted).toBe(true);
    const threeFifths = { kind: 'fraction', numerator: 3, denominator: 5, base: 'present', abstentionsCount: false } as const;
    expect(yesNoResult({ for: 36, against: 0, abstain: 0 }, threeFifths, 60).adopted).toBe(true);
    expect(yesNoResult({ for: 35, against: 0, abstain: 0 }, threeFifths, 60).adopted).toBe(false);
  });

  it('all abstain, and zero valid papers: nothing is adopted, nothing divides by zero', () => {
    for (const rule of [{ kind: 'simpleMajority', abstentionsCount: false } as const, TWO_THIRDS]) {
      const r = yesNoResult({ for: 0, against: 0, abstain: 55 }, rule, 60);
      expect(r).toMatchObject({ adopted: false, tie: false, base: 0, percentFor: 0 });
      expect(yesNoResult({ for: 0, against: 0, abstain: 0 }, rule, 60).adopted).toBe(false);
    }
  });

  it('support scale: at least a share in the top levels', () => {
    // strongly support, support, neutral, oppose, strongly oppose
    expect(scaleResult([20, 16, 10, 8, 6], 2, { numerator: 3, denominator: 5 })).toMatchObject({ valid: 60, adopted: true, supportShare: 0.6 });
    expect(scaleResult([20, 15, 11, 8, 6], 2, { numerator: 3, denominator: 5 }).adopted).toBe(false);
    expect(scaleResult([0, 0, 0, 0, 0], 2, { numerator: 1, denominator: 2 }).adopted).toBe(false);
  });

  it('quorum: two thirds of the panel present', () => {
    expect(quorumMet(40, 60, { numerator: 2, denominator: 3 })).toBe(true);
    expect(quorumMet(39, 60, { numerator: 2, denominator: 3 })).toBe(false);
  });
});

describe('ranked ballots', () => {
  /** Papers from groups: [count, ranking]. */
  const expand = (groups: [number, number[]][]) => groups.flatMap(([n, r]) => Array.from({ length: n }, () => r));

  it('Schulze resolves a Condorcet cycle (the classic 45-voter example: E wins) and shows the pairwise matrix', () => {
    // A=0 B=1 C=2 D=3 E=4
    const papers = expand([
      [5, [0, 2, 1, 4, 3]],
      [5, [0, 3, 4, 2, 1]],
      [8, [1, 4, 3, 0, 2]],
      [3, [2, 0, 1, 4, 3]],
      [7, [2, 0, 4, 1, 3]],
      [2, [2, 1, 0, 3, 4]],
      [7, [3, 2, 4, 1, 0]],
      [8, [4, 1, 0, 3, 2]],
    ]);
    const r = schulze(papers, 5);
    expect(r.pairwise[0]![1]).toBe(20); // A over B
    expect(r.pairwise[1]![0]).toBe(25);
    expect(r.condorcetWinner).toBeNull(); // a cycle: no option beats all others
    expect(r.winners).toEqual([4]);
    expect(r.order).toEqual([[4], [0], [2], [1], [3]]);
    expect(r.tie).toBe(false);
  });

  it('finds the Condorcet winner when there is one, and reports a tie in Borda', () => {
    const papers = expand([
      [3, [0, 1, 2]],
      [2, [1, 0, 2]],
    ]);
    expect(schulze(papers, 3).condorcetWinner).toBe(0);
    // A: 3·2 + 2·1 = 8; B: 3·1 + 2·2 = 7; C: 0.
    expect(borda(papers, 3)).toMatchObject({ points: [8, 7, 0], winners: [0], tie: false });
    const tied = expand([
      [1, [0, 1, 2]],
      [1, [1, 0, 2]],
    ]);
    expect(borda(tied, 3)).toMatchObject({ points: [3, 3, 0], order: [[0, 1], [2]], winners: [0, 1], tie: true });
  });

  it('shares the last places among options a paper does not rank', () => {
    // One paper ranks only B first: A and C share places 2 and 3 (1 + 0 points) -> 0.5 each.
    expect(borda([[1]], 3).points).toEqual([0.5, 2, 0.5]);
    expect(pairwiseMatrix([[1]], 3)).toEqual([
      [0, 0, 0],
      [1, 0, 1],
      [0, 0, 0],
    ]);
  });

  it('refuses a paper that ranks an option twice, an unknown option, or too many picks', () => {
    expect(() => checkPapers([[0, 1], [2, 0, 2]], 3)).toThrow(PaperError);
    try {
      checkPapers([[0, 1], [2, 0, 2]], 3);
    } catch (e) {
      expect(e).toMatchObject({ paper: 2, rule: 'duplicate', message: 'Paper 2 ranks option 3 twice.' });
    }
    expect(() => checkPapers([[5]], 3)).toThrow(/not on the ballot/);
    expect(() => approval([[0, 1, 2]], 3, 2)).toThrow(/at most 2/);
    // Papers are named by their own number, empty papers counted.
    expect(() => approval([[], [], [0, 0]], 3, 2)).toThrow(/^Paper 3 ranks option 1 twice/);
  });

  it('approval: counts per item, ranked, ties reported', () => {
    expect(approval([[0, 1], [1, 2], [1], []], 3, 2)).toMatchObject({ counts: [1, 3, 1], order: [[1], [0, 2]], winners: [1], tie: false });
  });
});
