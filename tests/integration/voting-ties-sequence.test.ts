/** Ties settled by the rule fixed before the vote, and sequential ballots, through the API on real SQLite files. */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { BallotCounts, BallotInput } from '../../main/domain/voting/types';
import { makeApp } from '../helpers/app';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();
type App = ReturnType<typeof makeApp>;
const errorOf = (r: Awaited<ReturnType<App['raw']>>) => (r.ok ? null : r.error);

async function venue() {
  const app = makeApp(tempDir(), 'Operator A');
  await app.call('app.openDemo', { stage: 'venue' });
  const sessions = await app.call('sessions.list', {});
  return { app, sessions, sessionId: sessions[0]!.id };
}

const simple = (sessionId: string, items: number, extra: Partial<BallotInput> = {}): BallotInput => ({
  sessionId,
  title: 'Party funding',
  rule: { method: 'yesNo', threshold: 'simpleMajority', abstentionsCount: false },
  quorum: { numerator: 0, denominator: 1 },
  items: Array.from({ length: items }, (_, i) => ({ number: `R${i + 1}`, title: `Recommendation ${i + 1}`, text: { en: `Recommendation ${i + 1}` } })),
  ...extra,
});

const perItem = (ids: string[], rows: [number, number, number][]): BallotCounts => ({ kind: 'perItem', items: ids.map((itemId, i) => ({ itemId, counts: rows[i]!, blank: 0, spoilt: 0 })) });

/** Both entries by two operators, ready to finalise. */
async function count(app: App, ballotId: string, counts: BallotCounts) {
  app.ctx.operator = 'Operator A';
  await app.call('voting.enterCounts', { ballotId, slot: 1, counts });
  app.ctx.operator = 'Operator B';
  return app.call('voting.enterCounts', { ballotId, slot: 2, counts });
}

describe('a tie settled by the rule fixed before the vote', () => {
  it("casting vote: finalising a tie needs the chair's casting vote, recorded with the chair's name in the audit", async () => {
    const { app, sessionId } = await venue();
    const ballot = await app.call('voting.createBallot', simple(sessionId, 2, { tieRule: 'castingVote' }));
    expect(ballot.tieRule).toBe('castingVote');
    const [r1, r2] = ballot.items.map((i) => i.id) as [string, string];
    const ready = await count(app, ballot.id, perItem([r1, r2], [[10, 10, 2], [15, 5, 0]]));
    expect(ready.result).toMatchObject({ outcome: 'castingVoteNeeded', items: [{ tie: true, adopted: false, settled: null }, { tie: false, adopted: true }] });

    // Missing: refused, naming it.
    expect(errorOf(await app.raw('voting.finalise', { ballotId: ballot.id }))).toMatchObject({ code: 'CONFLICT', i18nKey: 'voting.castingVoteMissing', details: { needsCastingVote: true } });
    // On an item that is not tied, or without the tied one: refused.
    expect(errorOf(await app.raw('voting.finalise', { ballotId: ballot.id, castingVote: { chair: 'Chair', items: [{ itemId: r2, adopt: true }] } }))).toMatchObject({ i18nKey: 'voting.castingVoteInvalid' });
    // An option on a yes/no ballot: refused.
    expect(errorOf(await app.raw('voting.finalise', { ballotId: ballot.id, castingVote: { chair: 'Chair', items: [{ itemId: r1, adopt: true }], option: r1 } }))).toMatchObject({ i18nKey: 'voting.castingVoteInvalid' });
    // No chair's name: refused at the boundary.
    expect(errorOf(await app.raw('voting.finalise', { ballotId: ballot.id, castingVote: { chair: ' ', items: [{ itemId: r1, adopt: true }] } }))?.code).toBe('VALIDATION');

    const done = await app.call('voting.finalise', { ballotId: ballot.id, castingVote: { chair: 'Chloé Président', items: [{ itemId: r1, adopt: true }] } });
    expect(done.ballot.castingVote).toEqual({ chair: 'Chloé Président', items: [{ itemId: r1, adopt: true }], option: null });
    expect(done.result).toMatchObject({ outcome: 'castingVote', chair: 'Chloé Président', items: [{ tie: true, adopted: true, settled: 'castingVote' }, { adopted: true, settled: null }] });

    const file = (await app.call('app.status', {})).assembly!.path;
    app.close();
    const db = new Database(file, { readonly: true });
    const row = db.prepare("SELECT after_json FROM audit_log WHERE entity = 'ballot' AND entity_id = ? AND action = 'voting.finalise'").get(ballot.id) as { after_json: string };
    expect(JSON.parse(row.after_json).castingVote).toMatchObject({ chair: 'Chloé Président' });
    expect((db.prepare('SELECT tie_rule FROM ballots WHERE id = ?').get(ballot.id) as { tie_rule: string }).tie_rule).toBe('castingVote');
    db.close();
  });

  it('refuses a casting vote without a tie, and under the new-vote rule', async () => {
    const { app, sessionId } = await venue();
    const clear = await app.call('voting.createBallot', simple(sessionId, 1, { tieRule: 'castingVote' }));
    await count(app, clear.id, perItem([clear.items[0]!.id], [[12, 10, 0]]));
    expect(errorOf(await app.raw('voting.finalise', { ballotId: clear.id, castingVote: { chair: 'Chair', items: [{ itemId: clear.items[0]!.id, adopt: false }] } }))).toMatchObject({
      i18nKey: 'voting.castingVoteWithoutTie',
    });
    expect((await app.call('voting.finalise', { ballotId: clear.id })).result).toMatchObject({ outcome: 'decided', chair: null });

    const revote = await app.call('voting.createBallot', simple(sessionId, 1, { tieRule: 'newVote' }));
    await count(app, revote.id, perItem([revote.items[0]!.id], [[10, 10, 0]]));
    expect(errorOf(await app.raw('voting.finalise', { ballotId: revote.id, castingVote: { chair: 'Chair', items: [{ itemId: revote.items[0]!.id, adopt: true }] } }))).toMatchObject({
      i18nKey: 'voting.castingVoteNotTheRule',
    });
    const tied = await app.call('voting.finalise', { ballotId: revote.id });
    expect(tied.result).toMatchObject({ outcome: 'newVoteNeeded', items: [{ tie: true, adopted: false, settled: 'newVote' }] });
  });

  it('a tie for first place in a ranking: the casting vote picks one of the tied options', async () => {
    const { app, sessionId } = await venue();
    const ballot = await app.call('voting.createBallot', {
      ...simple(sessionId, 3, { tieRule: 'castingVote' }),
      rule: { method: 'approval', maxPicks: 1 },
    });
    const [a, b, c] = ballot.items.map((i) => i.id) as [string, string, string];
    await count(app, ballot.id, { kind: 'papers', papers: [[0], [1], [0], [1], [2]], blank: 0, spoilt: 0 });
    expect(errorOf(await app.raw('voting.finalise', { ballotId: ballot.id, castingVote: { chair: 'Chair', option: c } }))).toMatchObject({ i18nKey: 'voting.castingVoteInvalid' });
    const done = await app.call('voting.finalise', { ballotId: ballot.id, castingVote: { chair: 'Chair', option: b } });
    expect(done.result?.ranking).toMatchObject({ tie: true, tiedFirst: [a, b], winners: [b], settled: 'castingVote' });
  });

  it('a correction that makes a tie asks for the casting vote (the ties named); one that ends the tie drops it', async () => {
    const { app, sessionId } = await venue();
    const ballot = await app.call('voting.createBallot', simple(sessionId, 1, { tieRule: 'castingVote' }));
    const r1 = ballot.items[0]!.id;
    await count(app, ballot.id, perItem([r1], [[12, 10, 0]]));
    await app.call('voting.finalise', { ballotId: ballot.id });
    const refused = errorOf(await app.raw('voting.correct', { ballotId: ballot.id, counts: perItem([r1], [[11, 11, 0]]), reason: 'A paper counted twice' }));
    expect(refused).toMatchObject({ i18nKey: 'voting.castingVoteMissing', details: { ties: { items: [r1], first: [] } } });
    const tied = await app.call('voting.correct', { ballotId: ballot.id, counts: perItem([r1], [[11, 11, 0]]), reason: 'A paper counted twice', castingVote: { chair: 'The chair', items: [{ itemId: r1, adopt: false }] } });
    expect(tied.result).toMatchObject({ outcome: 'castingVote', chair: 'The chair', items: [{ adopted: false, settled: 'castingVote' }] });
    const untied = await app.call('voting.correct', { ballotId: ballot.id, counts: perItem([r1], [[12, 11, 0]]), reason: 'The paper was found' });
    expect(untied.ballot.castingVote).toBeNull();
    expect(untied.result).toMatchObject({ outcome: 'decided', items: [{ adopted: true, tie: false }] });
  });

  it('the tie rule is changed only while nothing is counted', async () => {
    const { app, sessionId } = await venue();
    const ballot = await app.call('voting.createBallot', simple(sessionId, 1));
    expect(ballot.tieRule).toBe('newVote');
    expect((await app.call('voting.updateBallot', { id: ballot.id, tieRule: 'castingVote' })).tieRule).toBe('castingVote');
    app.ctx.operator = 'Operator A';
    await app.call('voting.enterCounts', { ballotId: ballot.id, slot: 1, counts: perItem([ballot.items[0]!.id], [[1, 1, 0]]) });
    expect(errorOf(await app.raw('voting.updateBallot', { id: ballot.id, tieRule: 'newVote' }))).toMatchObject({ i18nKey: 'voting.ballotCounted' });
  });
});

describe('sequential ballots', () => {
  it('a dependent ballot waits for the earlier one, is held when its condition is met, and not held when it is not', async () => {
    const { app, sessionId } = await venue();
    const first = await app.call('voting.createBallot', simple(sessionId, 2, { title: 'Should parties be funded by the state?' }));
    const [r1, r2] = first.items.map((i) => i.id) as [string, string];
    const ifAdopted = await app.call('voting.createBallot', simple(sessionId, 1, { title: 'How much?', dependsOn: { ballotId: first.id, itemId: r1, when: 'adopted' } }));
    const ifNot = await app.call('voting.createBallot', simple(sessionId, 1, { title: 'Then private funding only?', dependsOn: { ballotId: first.id, itemId: r1, when: 'notAdopted' } }));
    const chained = await app.call('voting.createBallot', simple(sessionId, 1, { title: 'Caps on private gifts', dependsOn: { ballotId: ifNot.id, itemId: ifNot.items[0]!.id, when: 'adopted' } }));
    expect(ifAdopted.dependsOn).toEqual({ ballotId: first.id, itemId: r1, when: 'adopted' });

    // Too early: neither entry nor finalising.
    const early = errorOf(await app.raw('voting.enterCounts', { ballotId: ifAdopted.id, slot: 1, counts: perItem([ifAdopted.items[0]!.id], [[5, 1, 0]]) }));
    expect(early).toMatchObject({ code: 'CONFLICT', i18nKey: 'voting.dependencyWaiting' });
    expect(errorOf(await app.raw('voting.finalise', { ballotId: ifAdopted.id }))).toMatchObject({ i18nKey: 'voting.dependencyWaiting' });
    expect((await app.call('voting.get', { id: ifAdopted.id })).dependency).toMatchObject({ ballotTitle: first.title, itemNumber: 'R1', when: 'adopted', state: 'waiting' });
    // The earlier ballot cannot be deleted while others depend on it.
    expect(errorOf(await app.raw('voting.deleteBallot', { id: first.id }))).toMatchObject({ i18nKey: 'voting.ballotDependedOn' });

    await count(app, first.id, perItem([r1, r2], [[20, 5, 0], [3, 20, 0]]));
    await app.call('voting.finalise', { ballotId: first.id });

    const held = await app.call('voting.get', { id: ifAdopted.id });
    expect(held.ballot.status).toBe('open');
    expect(held.dependency?.state).toBe('met');
    await count(app, ifAdopted.id, perItem([ifAdopted.items[0]!.id], [[5, 1, 0]]));
    expect((await app.call('voting.finalise', { ballotId: ifAdopted.id })).ballot.status).toBe('finalised');

    const notHeld = await app.call('voting.get', { id: ifNot.id });
    expect(notHeld.ballot.status).toBe('notHeld');
    expect(notHeld.ballot.notHeld?.reason).toMatch(/held only if item R1 .* was not adopted; it was adopted/);
    expect(notHeld.dependency?.state).toBe('notMet');
    expect(errorOf(await app.raw('voting.enterCounts', { ballotId: ifNot.id, slot: 1, counts: perItem([ifNot.items[0]!.id], [[5, 1, 0]]) }))).toMatchObject({ i18nKey: 'voting.notHeld' });
    // The chain follows: a ballot depending on a ballot not held is not held either.
    expect((await app.call('voting.get', { id: chained.id })).ballot).toMatchObject({ status: 'notHeld', notHeld: { reason: expect.stringMatching(/was not held/) } });
    expect((await app.call('voting.notHeld', {})).map((n) => n.ballot.title)).toEqual([ifNot.title, chained.title]);
  });

  it('refuses a cycle, a later session, an unknown item, and removing an item that is depended on', async () => {
    const { app, sessions, sessionId } = await venue();
    const a = await app.call('voting.createBallot', simple(sessionId, 1, { title: 'A' }));
    const b = await app.call('voting.createBallot', simple(sessionId, 1, { title: 'B', dependsOn: { ballotId: a.id, itemId: a.items[0]!.id, when: 'adopted' } }));
    const c = await app.call('voting.createBallot', simple(sessionId, 1, { title: 'C', dependsOn: { ballotId: b.id, itemId: b.items[0]!.id, when: 'adopted' } }));
    const cycle = errorOf(await app.raw('voting.updateBallot', { id: a.id, dependsOn: { ballotId: c.id, itemId: c.items[0]!.id, when: 'notAdopted' } }));
    expect(cycle).toMatchObject({ code: 'VALIDATION', i18nKey: 'voting.dependencyCycle' });
    expect(cycle?.message).toContain('"A" → "C" → "B" → "A"');
    expect(errorOf(await app.raw('voting.updateBallot', { id: a.id, dependsOn: { ballotId: a.id, itemId: a.items[0]!.id, when: 'adopted' } }))).toMatchObject({ i18nKey: 'voting.dependencyCycle' });
    expect(errorOf(await app.raw('voting.createBallot', simple(sessionId, 1, { dependsOn: { ballotId: a.id, itemId: b.items[0]!.id, when: 'adopted' } })))).toMatchObject({ i18nKey: 'voting.dependencyItemNotFound' });
    expect(errorOf(await app.raw('voting.createBallot', simple(sessionId, 1, { dependsOn: { ballotId: '01890000-0000-7000-8000-000000000000', itemId: a.items[0]!.id, when: 'adopted' } })))).toMatchObject({
      i18nKey: 'voting.dependencyNotFound',
    });
    // A ballot of a later session: refused; of an earlier session: fine.
    const later = sessions.find((s) => s.date > sessions[0]!.date || (s.date === sessions[0]!.date && s.startTime > sessions[0]!.startTime))!;
    const onLater = await app.call('voting.createBallot', simple(later.id, 1, { title: 'Later' }));
    expect(errorOf(await app.raw('voting.createBallot', simple(sessionId, 1, { dependsOn: { ballotId: onLater.id, itemId: onLater.items[0]!.id, when: 'adopted' } })))).toMatchObject({ i18nKey: 'voting.dependencyLater' });
    expect((await app.call('voting.createBallot', simple(later.id, 1, { dependsOn: { ballotId: a.id, itemId: a.items[0]!.id, when: 'adopted' } }))).dependsOn?.ballotId).toBe(a.id);
    // Removing the item B's condition names: refused.
    expect(errorOf(await app.raw('voting.updateBallot', { id: a.id, items: [{ number: 'X', title: 'Other', text: { en: 'Other' } }] }))).toMatchObject({ i18nKey: 'voting.itemDependedOn' });
  });

  it('a tie settled by a new vote leaves the dependent ballot waiting; pointed at the new ballot it follows that one', async () => {
    const { app, sessionId } = await venue();
    const first = await app.call('voting.createBallot', simple(sessionId, 1, { title: 'First', tieRule: 'newVote' }));
    const dep = await app.call('voting.createBallot', simple(sessionId, 1, { title: 'Then', dependsOn: { ballotId: first.id, itemId: first.items[0]!.id, when: 'adopted' } }));
    await count(app, first.id, perItem([first.items[0]!.id], [[9, 9, 0]]));
    await app.call('voting.finalise', { ballotId: first.id });
    expect((await app.call('voting.get', { id: dep.id })).dependency?.state).toBe('waiting');
    const again = await app.call('voting.createBallot', simple(sessionId, 1, { title: 'First (new vote)', items: first.items.map(({ id: _id, ...i }) => i) }));
    await app.call('voting.updateBallot', { id: dep.id, dependsOn: { ballotId: again.id, itemId: again.items[0]!.id, when: 'adopted' } });
    await count(app, again.id, perItem([again.items[0]!.id], [[8, 10, 0]]));
    await app.call('voting.finalise', { ballotId: again.id });
    expect((await app.call('voting.get', { id: dep.id })).ballot.status).toBe('notHeld');
  });

  it('a correction that would unmake a counted dependent ballot is refused; otherwise dependents follow it', async () => {
    const { app, sessionId } = await venue();
    const first = await app.call('voting.createBallot', simple(sessionId, 1, { title: 'First' }));
    const dep = await app.call('voting.createBallot', simple(sessionId, 1, { title: 'Then', dependsOn: { ballotId: first.id, itemId: first.items[0]!.id, when: 'adopted' } }));
    await count(app, first.id, perItem([first.items[0]!.id], [[8, 10, 0]]));
    await app.call('voting.finalise', { ballotId: first.id });
    expect((await app.call('voting.get', { id: dep.id })).ballot.status).toBe('notHeld');
    // Corrected: adopted after all; the dependent ballot is held again.
    await app.call('voting.correct', { ballotId: first.id, counts: perItem([first.items[0]!.id], [[11, 7, 0]]), reason: 'Two papers misread' });
    expect((await app.call('voting.get', { id: dep.id })).ballot).toMatchObject({ status: 'open', notHeld: null });
    await count(app, dep.id, perItem([dep.items[0]!.id], [[11, 7, 0]]));
    await app.call('voting.finalise', { ballotId: dep.id });
    expect(errorOf(await app.raw('voting.correct', { ballotId: first.id, counts: perItem([first.items[0]!.id], [[8, 10, 0]]), reason: 'Back again' }))).toMatchObject({ i18nKey: 'voting.dependentCounted' });
  });
});
