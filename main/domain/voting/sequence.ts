/**
 * Sequential ballots (as the Irish Citizens' Assembly votes: "only if recommendation 3 was
 * adopted, which of these forms should it take?"). Pure.
 *
 * A ballot may depend on one item of an earlier ballot: held only if that item was adopted (or
 * only if it was not). For approval and ranking ballots an option is "adopted" when it won.
 *  - Until the earlier ballot is finalised, the dependent ballot waits: it cannot be counted.
 *  - A tied item whose rule is a new vote (or a tie still waiting for the chair) is undecided:
 *    the dependent ballot keeps waiting; point it at the new ballot once that is created.
 *  - When the earlier ballot was itself not held, its item was never voted on: the condition is
 *    not met either way, and the dependent ballot is not held (the reason names the chain).
 *  - The earlier ballot must be in the same session or an earlier one, and chains have no cycle.
 */
import type { Ballot, BallotDependency, BallotResult } from './types';

export type ItemOutcome = 'adopted' | 'notAdopted' | 'undecided';

/** What became of an item (or ranking option) in a finalised result. */
export function itemOutcome(result: BallotResult, itemId: string): ItemOutcome {
  const item = result.items.find((i) => i.itemId === itemId);
  if (item) {
    if (item.tie && item.settled !== 'castingVote') return 'undecided';
    return item.adopted ? 'adopted' : 'notAdopted';
  }
  const r = result.ranking;
  if (!r) return 'notAdopted';
  if (r.tie && r.settled !== 'castingVote' && r.tiedFirst.includes(itemId)) return 'undecided';
  return r.winners.length === 1 && r.winners[0] === itemId ? 'adopted' : 'notAdopted';
}

export type ConditionState = 'waiting' | 'met' | 'notMet';

/** Whether a dependent ballot's condition is met, given the earlier ballot's state and result. */
export function conditionState(dependency: Pick<BallotDependency, 'itemId' | 'when'>, earlier: { status: Ballot['status']; result: BallotResult | null }): ConditionState {
  if (earlier.status === 'notHeld') return 'notMet';
  if (earlier.status !== 'finalised' || !earlier.result) return 'waiting';
  const outcome = itemOutcome(earlier.result, dependency.itemId);
  if (outcome === 'undecided') return 'waiting';
  return outcome === dependency.when ? 'met' : 'notMet';
}

/**
 * The cycle a new dependency would close, as the ballot ids along it (null when none):
 * `dependsOnOf` gives each ballot's current dependency (the edited ballot's own is replaced).
 */
export function dependencyCycle(ballotId: string, dependsOnId: string, dependsOnOf: (id: string) => string | null): string[] | null {
  const path = [ballotId];
  let at: string | null = dependsOnId;
  const seen = new Set<string>();
  while (at !== null) {
    path.push(at);
    if (at === ballotId) return path;
    if (seen.has(at)) return null; // an older cycle elsewhere (not this ballot's): not ours to report
    seen.add(at);
    at = dependsOnOf(at);
  }
  return null;
}

/** Whether a session (date YYYY-MM-DD, start HH:MM) is the same as or before another. */
export function notLater(earlier: { date: string; startTime: string }, later: { date: string; startTime: string }): boolean {
  return earlier.date < later.date || (earlier.date === later.date && earlier.startTime <= later.startTime);
}

/** The reason a ballot is not held, in English for the audit (the UI and reports say it in their language). */
export function notHeldReason(d: { ballotTitle: string; itemNumber: string; when: 'adopted' | 'notAdopted'; earlierNotHeld: boolean }): string {
  if (d.earlierNotHeld) return `held only if item ${d.itemNumber} of "${d.ballotTitle}" was ${d.when === 'adopted' ? 'adopted' : 'not adopted'}, and that ballot was not held`;
  return `held only if item ${d.itemNumber} of "${d.ballotTitle}" was ${d.when === 'adopted' ? 'adopted' : 'not adopted'}; it was ${d.when === 'adopted' ? 'not adopted' : 'adopted'}`;
}
