import { describe, expect, it } from 'vitest';
import type { Ballot, BallotCounts, BallotResult } from '../../main/domain/voting/types';
import { ballotResult } from '../../main/domain/voting/result';
import { checkCastingVote, hasTie, tiesOf } from '../../main/domain/voting/tie';
import { conditionState, dependencyCycle, itemOutcome, notLater } from '../../main/domain/voting/sequence';

const ballot = (rule: Ballot['rule'], items = 2, extra: Partial<Ballot> = {}): Ballot => ({
  id: 'b',
  sessionId: 's',
  title: 'B',
  rule,
  quorum: { numerator: 0, denominator: 1 },
  items: Array.from({ length: items }, (_, i) => ({ id: `i${i}`, number: `R${i + 1}`, title: `Item ${i + 1}`, text: { en: 'x' } })),
  votedAt: null,
  tieRule: 'newVote',
  dependsOn: null,
  status: 'open',
  notHeld: null,
  castingVote: null,
  createdAt: '2027-01-01T00:00:00.000Z',
  finalisedAt: null,
  finalisedBy: null,
  ...extra,
});
const yesNo = (threshold: 'simpleMajority' | 'majorityOfPresent' | 'twoThirds' | 'custom', abstentionsCount = false, more: object = {}): Ballot['rule'] => ({ method: 'yesNo', threshold, abstentionsCount, ...more });
const perItem = (rows: [number, number, number][]): BallotCounts => ({ kind: 'perItem', items: rows.map((counts, i) => ({ itemId: `i${i}`, counts, blank: 0, spoilt: 0 })) });
const result = (b: Ballot, counts: BallotCounts, present = 100): BallotResult => ballotResult(b, counts, present, 100);

describe('what counts as a tie', () => {
  it('simple majority: as many for as against; with abstentions counting, for equal to against + abstain', () => {
    expect(tiesOf(result(ballot(yesNo('simpleMajority')), perItem([[10, 10, 5], [11, 10, 0]]))).items).toEqual(['i0']);
    expect(tiesOf(result(ballot(yesNo('simpleMajority', true)), perItem([[10, 5, 5], [10, 10, 5]]))).items).toEqual(['i0']);
    // Nobody voted: nothing to settle.
    expect(hasTie(result(ballot(yesNo('simpleMajority'), 1), perItem([[0, 0, 3]])))).toBe(false);
  });

  it('majority of the members present: exactly half of them for', () => {
    expect(tiesOf(result(ballot(yesNo('majorityOfPresent'), 1), perItem([[30, 10, 10]]), 60)).items).toEqual(['i0']);
    expect(hasTie(result(ballot(yesNo('majorityOfPresent'), 1), perItem([[31, 10, 10]]), 60))).toBe(false);
  });

  it('a fraction exactly at the threshold is adopted, not a tie (even a custom 1/2)', () => {
    const r = result(ballot(yesNo('twoThirds'), 1), perItem([[40, 20, 0]]));
    expect(r.items[0]).toMatchObject({ adopted: true, tie: false });
    expect(result(ballot(yesNo('custom', false, { numerator: 1, denominator: 2 }), 1), perItem([[20, 20, 0]])).items[0]).toMatchObject({ adopted: true, tie: false });
  });

  it('rankings: a tie for the first place only; quorum not met: no tie at all', () => {
    const approval = ballot({ method: 'approval', maxPicks: 1 }, 3);
    expect(tiesOf(result(approval, { kind: 'papers', papers: [[0], [1], [2], [2]], blank: 0, spoilt: 0 })).first).toEqual([]);
    expect(tiesOf(result(approval, { kind: 'papers', papers: [[0], [1], [0], [1], [2]], blank: 0, spoilt: 0 })).first).toEqual(['i0', 'i1']);
    const borda = ballot({ method: 'ranking', count: 'borda' }, 2);
    expect(result(borda, { kind: 'papers', papers: [[0, 1], [1, 0]], blank: 0, spoilt: 0 }).ranking).toMatchObject({ tie: true, tiedFirst: ['i0', 'i1'], settled: 'newVote' });
    const noQuorum = ballot(yesNo('simpleMajority'), 1, { quorum: { numerator: 1, denominator: 1 } });
    expect(ballotResult(noQuorum, perItem([[10, 10, 0]]), 50, 100).items[0]).toMatchObject({ tie: false, adopted: false });
  });
});

describe('settling a tie by the rule fixed before the vote', () => {
  it('new vote: the tied item is not adopted and the result says a new vote is needed', () => {
    const r = result(ballot(yesNo('simpleMajority')), perItem([[10, 10, 0], [12, 3, 0]]));
    expect(r.outcome).toBe('newVoteNeeded');
    expect(r.items.map((i) => [i.adopted, i.settled])).toEqual([[false, 'newVote'], [true, null]]);
    expect(checkCastingVote(ballot(yesNo('simpleMajority')), r, null)).toEqual([]);
    expect(checkCastingVote(ballot(yesNo('simpleMajority')), r, { chair: 'C', items: [{ itemId: 'i0', adopt: true }], option: null }).map((p) => p.rule)).toEqual(['castingVoteNotTheRule']);
  });

  it("casting vote: required on a tie, refused without one, and it decides the item", () => {
    const b = ballot(yesNo('simpleMajority'), 2, { tieRule: 'castingVote' });
    const tied = result(b, perItem([[10, 10, 0], [12, 3, 0]]));
    expect(tied.outcome).toBe('castingVoteNeeded');
    expect(checkCastingVote(b, tied, null).map((p) => p.rule)).toEqual(['castingVoteMissing']);
    expect(checkCastingVote(b, tied, { chair: 'C', items: [{ itemId: 'i1', adopt: true }], option: null }).map((p) => p.rule)).toEqual(['castingVoteItems']);
    expect(checkCastingVote(b, tied, { chair: 'C', items: [{ itemId: 'i0', adopt: false }], option: null })).toEqual([]);
    const decided = result({ ...b, castingVote: { chair: 'Chair', items: [{ itemId: 'i0', adopt: false }], option: null } }, perItem([[10, 10, 0], [12, 3, 0]]));
    expect(decided).toMatchObject({ outcome: 'castingVote', chair: 'Chair', items: [{ adopted: false, settled: 'castingVote' }, { adopted: true, settled: null }] });
    const clear = result(b, perItem([[11, 10, 0], [12, 3, 0]]));
    expect(checkCastingVote(b, clear, { chair: 'C', items: [], option: null }).map((p) => p.rule)).toEqual(['castingVoteWithoutTie']);
  });

  it('casting vote in a ranking: one of the options tied for first place wins', () => {
    const b = ballot({ method: 'approval', maxPicks: 1 }, 3, { tieRule: 'castingVote' });
    const counts: BallotCounts = { kind: 'papers', papers: [[0], [1], [0], [1], [2]], blank: 0, spoilt: 0 };
    const tied = result(b, counts);
    expect(checkCastingVote(b, tied, { chair: 'C', items: [], option: 'i2' }).map((p) => p.rule)).toEqual(['castingVoteOption']);
    const decided = result({ ...b, castingVote: { chair: 'C', items: [], option: 'i1' } }, counts);
    expect(decided.ranking).toMatchObject({ winners: ['i1'], settled: 'castingVote', tiedFirst: ['i0', 'i1'] });
    expect(itemOutcome(decided, 'i1')).toBe('adopted');
    expect(itemOutcome(decided, 'i0')).toBe('notAdopted');
  });
});

describe('sequential ballots', () => {
  const earlier = ballot(yesNo('simpleMajority'));
  const finalised = (counts: BallotCounts, b = earlier) => ({ status: 'finalised' as const, result: result(b, counts) });

  it('waits until the earlier ballot is finalised; met or not by the item', () => {
    expect(conditionState({ itemId: 'i0', when: 'adopted' }, { status: 'open', result: null })).toBe('waiting');
    const done = finalised(perItem([[12, 3, 0], [3, 12, 0]]));
    expect(conditionState({ itemId: 'i0', when: 'adopted' }, done)).toBe('met');
    expect(conditionState({ itemId: 'i0', when: 'notAdopted' }, done)).toBe('notMet');
    expect(conditionState({ itemId: 'i1', when: 'notAdopted' }, done)).toBe('met');
  });

  it('a tie left to a new vote keeps it waiting; an earlier ballot not held means not met', () => {
    expect(conditionState({ itemId: 'i0', when: 'adopted' }, finalised(perItem([[10, 10, 0], [3, 12, 0]])))).toBe('waiting');
    expect(conditionState({ itemId: 'i0', when: 'notAdopted' }, { status: 'notHeld', result: null })).toBe('notMet');
  });

  it('finds a cycle, and compares sessions', () => {
    const deps: Record<string, string | null> = { a: null, b: 'a', c: 'b' };
    expect(dependencyCycle('a', 'c', (x) => deps[x] ?? null)).toEqual(['a', 'c', 'b', 'a']);
    expect(dependencyCycle('d', 'c', (x) => deps[x] ?? null)).toBeNull();
    expect(notLater({ date: '2027-01-16', startTime: '09:00' }, { date: '2027-01-16', startTime: '09:00' })).toBe(true);
    expect(notLater({ date: '2027-01-16', startTime: '14:00' }, { date: '2027-01-16', startTime: '09:00' })).toBe(false);
    expect(notLater({ date: '2027-01-15', startTime: '14:00' }, { date: '2027-01-16', startTime: '09:00' })).toBe(true);
  });
});
