/** Ballots, double entry and results through the API on the demo at the venue. */
import { describe, expect, it } from 'vitest';
import type { BallotCounts, BallotInput } from '../../main/domain/voting/types';
import { makeApp } from '../helpers/app';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();
type App = ReturnType<typeof makeApp>;
const errorOf = (r: Awaited<ReturnType<App['raw']>>) => (r.ok ? null : r.error);

/** The venue demo; `clock` for tests that record times (the demo's first weekend is 16–17 January 2027). */
async function venue(clock?: () => Date) {
  const app = makeApp(tempDir(), 'Operator A', clock);
  await app.call('app.openDemo', { stage: 'venue' });
  const sessions = await app.call('sessions.list', {});
  const roster = await app.call('attendance.roster', { sessionId: sessions[0]!.id });
  const present = roster.rows.filter((r) => r.state === 'present').length;
  return { app, sessions, sessionId: sessions[0]!.id, present };
}

const yesNo = (sessionId: string, items = 3): BallotInput => ({
  sessionId,
  title: 'Recommendations on party funding',
  rule: { method: 'yesNo', threshold: 'twoThirds', abstentionsCount: false },
  quorum: { numerator: 2, denominator: 3 },
  items: Array.from({ length: items }, (_, i) => ({ number: `R${i + 1}`, title: `Recommendation ${i + 1}`, text: { nl: `Aanbeveling ${i + 1}`, fr: `Recommandation ${i + 1}` } })),
});

const perItem = (ids: string[], rows: [number, number, number][], blank = 0, spoilt = 0): BallotCounts => ({
  kind: 'perItem',
  items: ids.map((itemId, i) => ({ itemId, counts: rows[i]!, blank, spoilt })),
});

describe('voting', () => {
  it('needs two agreeing entries by two operators, locks the result, and keeps an audit trail of a correction', async () => {
    const { app, sessionId, present } = await venue();
    const ballot = await app.call('voting.createBallot', yesNo(sessionId));
    const ids = ballot.items.map((i) => i.id);
    const right: [number, number, number][] = [
      [40, 10, 2],
      [30, 20, 2],
      [34, 17, 1],
    ];
    const first = await app.call('voting.enterCounts', { ballotId: ballot.id, slot: 1, counts: perItem(ids, right) });
    expect(first.result).toBeNull();
    expect(errorOf(await app.raw('voting.finalise', { ballotId: ballot.id }))).toMatchObject({ i18nKey: 'voting.secondEntryMissing' });
    // The same operator cannot make the second entry.
    expect(errorOf(await app.raw('voting.enterCounts', { ballotId: ballot.id, slot: 2, counts: perItem(ids, right) }))).toMatchObject({ i18nKey: 'voting.sameOperator' });

    app.ctx.operator = 'Operator B';
    const typo = await app.call('voting.enterCounts', { ballotId: ballot.id, slot: 2, counts: perItem(ids, [[40, 10, 2], [30, 2, 20], [34, 17, 1]]) });
    expect(typo.differences).toEqual([
      { itemId: ids[1], field: 'counts.1', first: 20, second: 2 },
      { itemId: ids[1], field: 'counts.2', first: 2, second: 20 },
    ]);
    expect(typo.result).toBeNull();
    expect(errorOf(await app.raw('voting.finalise', { ballotId: ballot.id }))).toMatchObject({ i18nKey: 'voting.entriesDiffer' });

    await app.call('voting.enterCounts', { ballotId: ballot.id, slot: 2, counts: perItem(ids, right) });
    const final = await app.call('voting.finalise', { ballotId: ballot.id });
    expect(final.ballot.status).toBe('finalised');
    expect(final.present).toBe(present);
    expect(final.result!.quorumMet).toBe(true);
    // 40/50 ≥ 2/3 adopted; 30/50 not; 34/51 = 2/3 exactly: adopted.
    expect(final.result!.items.map((i) => i.adopted)).toEqual([true, false, true]);
    expect(final.result!.items[2]!.percentages[0]).toBeCloseTo(2 / 3, 12);
    expect(errorOf(await app.raw('voting.enterCounts', { ballotId: ballot.id, slot: 1, counts: perItem(ids, right) }))).toMatchObject({ i18nKey: 'voting.finalised' });
    expect(errorOf(await app.raw('voting.updateBallot', { id: ballot.id, title: 'Changed' }))).toMatchObject({ i18nKey: 'voting.ballotCounted' });

    // A correction needs a reason, and is recorded with before and after.
    expect(errorOf(await app.raw('voting.correct', { ballotId: ballot.id, counts: perItem(ids, right), reason: ' ' }))?.code).toBe('VALIDATION');
    const corrected = await app.call('voting.correct', { ballotId: ballot.id, counts: perItem(ids, [[40, 10, 2], [35, 15, 2], [34, 17, 1]]), reason: 'Ten papers of R2 were found in the second box' });
    expect(corrected.result!.items[1]!.adopted).toBe(true);
    expect(corrected.corrections).toHaveLength(1);
    expect(corrected.corrections[0]).toMatchObject({ operator: 'Operator B', reason: 'Ten papers of R2 were found in the second box' });
    expect(corrected.corrections[0]!.before).toEqual(perItem(ids, right));
    const audit = await app.call('audit.list', { entity: 'ballot', entityId: ballot.id });
    expect(audit.map((a) => a.action)).toContain('voting.correct');
    const db = app.ctx.open!.db;
    expect(() => db.prepare("UPDATE ballots SET status = 'open'").run()).toThrow(/stays finalised/);
    expect(() => db.prepare('DELETE FROM ballot_corrections').run()).toThrow(/never deleted/);
    expect((await app.call('voting.results', { sessionId })).map((r) => r.ballot.id)).toEqual([ballot.id]);
    app.close();
  });

  it('needs two different people for the two entries: "Mallory" and "mallory" are one person', async () => {
    const { app, sessionId } = await venue();
    const ballot = await app.call('voting.createBallot', yesNo(sessionId, 1));
    const counts = perItem([ballot.items[0]!.id], [[30, 10, 2]]);
    app.ctx.operator = 'Mallory';
    await app.call('voting.enterCounts', { ballotId: ballot.id, slot: 1, counts });
    for (const sameAgain of ['mallory', ' MALLORY ', 'Mällory', 'Mallory']) {
      app.ctx.operator = sameAgain;
      const refused = errorOf(await app.raw('voting.enterCounts', { ballotId: ballot.id, slot: 2, counts }));
      expect(refused, sameAgain).toMatchObject({ code: 'CONFLICT', i18nKey: 'voting.sameOperator', details: { slot: 1, params: { slot: 1, operator: 'Mallory' } } });
      expect(refused!.message).toContain('Entry 1 was made by Mallory');
      expect(refused!.message).toContain('someone else');
    }
    expect(errorOf(await app.raw('voting.finalise', { ballotId: ballot.id }))).toMatchObject({ i18nKey: 'voting.secondEntryMissing' });
    expect((await app.call('voting.get', { id: ballot.id })).entries.map((e) => e.operator)).toEqual(['Mallory']);
    // Accents count too: "Élodie" then "elodie" is one person; "Trent" is another.
    const second = await app.call('voting.createBallot', yesNo(sessionId, 1));
    const counts2 = perItem([second.items[0]!.id], [[30, 10, 2]]);
    app.ctx.operator = 'Élodie';
    await app.call('voting.enterCounts', { ballotId: second.id, slot: 2, counts: counts2 });
    app.ctx.operator = 'elodie';
    expect(errorOf(await app.raw('voting.enterCounts', { ballotId: second.id, slot: 1, counts: counts2 }))).toMatchObject({ i18nKey: 'voting.sameOperator' });
    app.ctx.operator = 'Trent';
    await app.call('voting.enterCounts', { ballotId: second.id, slot: 1, counts: counts2 });
    expect((await app.call('voting.finalise', { ballotId: second.id })).ballot.status).toBe('finalised');
    app.close();
  });

  it('refuses a station entering both slots, whoever is named on it, and takes the second count from another device', async () => {
    const { app, sessionId } = await venue();
    const ballot = await app.call('voting.createBallot', yesNo(sessionId, 1));
    const counts = perItem([ballot.items[0]!.id], [[30, 10, 2]]);
    // The same tablet, its person changed between the two entries (as the host may re-approve
    // a device for someone else): two names, one device.
    const tablet = (person: string) => app.ctx.forCaller({ kind: 'station', deviceId: 'tablet-1', deviceName: 'Tablet 1', person, role: 'secretariat' });
    const viaStation = (person: string, slot: 1 | 2, deviceId = 'tablet-1') =>
      app.registry.call('voting.enterCounts', { ballotId: ballot.id, slot, counts }, deviceId === 'tablet-1' ? tablet(person) : app.ctx.forCaller({ kind: 'station', deviceId, deviceName: 'Tablet 2', person, role: 'secretariat' }));
    expect((await viaStation('Alice', 1)).ok).toBe(true);
    const refused = errorOf(await viaStation('Bob', 2));
    expect(refused).toMatchObject({ code: 'CONFLICT', i18nKey: 'voting.sameDevice', details: { slot: 1, params: { slot: 1, device: 'Tablet 1' } } });
    expect(refused!.message).toContain('another device');
    expect((await app.call('voting.get', { id: ballot.id })).entries.map((e) => e.operator)).toEqual(['Alice']);
    // Another device, another person: accepted, and the ballot can be finalised.
    expect((await viaStation('Bob', 2, 'tablet-2')).ok).toBe(true);
    expect((await app.call('voting.finalise', { ballotId: ballot.id })).ballot.status).toBe('finalised');

    // The host laptop may take both slots with two different names (the one-laptop counting table).
    const onHost = await app.call('voting.createBallot', yesNo(sessionId, 1));
    const hostCounts = perItem([onHost.items[0]!.id], [[30, 10, 2]]);
    app.ctx.operator = 'Carla';
    await app.call('voting.enterCounts', { ballotId: onHost.id, slot: 1, counts: hostCounts });
    app.ctx.operator = 'Dirk';
    await app.call('voting.enterCounts', { ballotId: onHost.id, slot: 2, counts: hostCounts });
    expect((await app.call('voting.finalise', { ballotId: onHost.id })).ballot.status).toBe('finalised');
    app.close();
  });

  it('refuses more papers than members present, negative and fractional counts, with the field named', async () => {
    const { app, sessionId, present } = await venue();
    const ballot = await app.call('voting.createBallot', yesNo(sessionId, 1));
    const id = ballot.items[0]!.id;
    const fields = async (counts: BallotCounts) => ((errorOf(await app.raw('voting.enterCounts', { ballotId: ballot.id, slot: 1, counts }))?.details as { fields?: { field: string; rule: string }[] })?.fields ?? []).map((f) => f.rule);
    expect(await fields(perItem([id], [[present, 1, 0]]))).toEqual(['tooManyPapers']);
    expect(await fields(perItem([id], [[-1, 1, 0]]))).toEqual(['negative']);
    expect(await fields(perItem([id], [[1.5, 1, 0]]))).toEqual(['notWhole']);
    expect(await fields({ kind: 'papers', papers: [[0]], blank: 0, spoilt: 0 })).toEqual(['wrongShape']);
    expect(await app.call('voting.get', { id: ballot.id })).toMatchObject({ entries: [] });
    app.close();
  });

  it('accepts more papers than members present only with a stated reason, kept in the audit log', async () => {
    const { app, sessionId, present } = await venue();
    const ballot = await app.call('voting.createBallot', yesNo(sessionId, 1));
    const counts = perItem([ballot.items[0]!.id], [[present - 2, 2, 1]], 1, 0); // present + 2 papers
    const enter = (slot: 1 | 2, reason?: string) => app.raw('voting.enterCounts', { ballotId: ballot.id, slot, counts, ...(reason === undefined ? {} : { reason }) });

    const refused = errorOf(await enter(1));
    expect(refused).toMatchObject({ code: 'VALIDATION', i18nKey: 'voting.badCounts', details: { needsReason: true, fields: [{ rule: 'tooManyPapers' }] } });
    expect(refused!.message).toMatch(new RegExp(`${present + 2} papers, but only ${present} members are present.*with the reason`));
    expect(errorOf(await enter(1, '   '))).toMatchObject({ i18nKey: 'voting.badCounts' }); // spaces are no reason
    const reason = 'Two members came in late and were never checked in';
    expect((await enter(1, reason)).ok).toBe(true);
    // The reason allows the excess only: other problems are still refused.
    expect(errorOf(await app.raw('voting.enterCounts', { ballotId: ballot.id, slot: 1, counts: perItem([ballot.items[0]!.id], [[-1, 2, 1]]), reason }))).toMatchObject({ i18nKey: 'voting.badCounts' });

    app.ctx.operator = 'Operator B';
    expect(errorOf(await enter(2))).toMatchObject({ i18nKey: 'voting.badCounts', details: { needsReason: true } });
    expect((await enter(2, 'Same count: two late arrivals not on the list')).ok).toBe(true);
    const beforeFinal = await app.call('voting.get', { id: ballot.id });
    expect(beforeFinal.result).not.toBeNull();
    const final = await app.call('voting.finalise', { ballotId: ballot.id });
    expect(final.ballot.status).toBe('finalised');
    expect(final.present).toBe(present);
    expect(final.result).not.toBeNull();

    const audit = await app.call('audit.list', { entity: 'ballot', entityId: ballot.id });
    const entries = audit.filter((a) => a.action === 'voting.enterCounts').map((a) => a.after);
    expect(entries).toEqual(expect.arrayContaining([
      { slot: 1, reason, present },
      { slot: 2, reason: 'Same count: two late arrivals not on the list', present },
    ]));
    app.close();
  });

  it('finalises papers above the present only if a reason was stated for an entry', async () => {
    // The evening of the first Saturday: a departure at the session's end is not in the future.
    const { app, sessionId, present } = await venue(() => new Date('2027-01-16T17:30:00Z'));
    const ballot = await app.call('voting.createBallot', yesNo(sessionId, 1));
    const counts = perItem([ballot.items[0]!.id], [[present - 1, 1, 0]]); // exactly present: no reason needed
    await app.call('voting.enterCounts', { ballotId: ballot.id, slot: 1, counts });
    app.ctx.operator = 'Operator B';
    await app.call('voting.enterCounts', { ballotId: ballot.id, slot: 2, counts });
    // One member leaves before the result is finalised (the ballot has no vote time: present now).
    const roster = await app.call('attendance.roster', { sessionId });
    const leaving = roster.rows.find((r) => r.state === 'present')!;
    const session = (await app.call('sessions.list', {})).find((x) => x.id === sessionId)!;
    // The host's clock after the session: a check-out at its end time is not in the future.
    Object.assign(app.ctx, { clock: () => new Date(`${session.date}T23:00:00Z`) });
    const out = await app.raw('attendance.checkOut', { sessionId, personId: leaving.personId, at: session.endTime });
    expect(errorOf(out)?.message ?? null).toBeNull();
    expect(errorOf(await app.raw('voting.finalise', { ballotId: ballot.id }))).toMatchObject({ i18nKey: 'voting.badCounts', details: { needsReason: true } });
    // Stated with a new entry, the excess is accepted and the result finalised.
    await app.call('voting.enterCounts', { ballotId: ballot.id, slot: 2, counts, reason: 'Counted before one member left' });
    expect((await app.call('voting.finalise', { ballotId: ballot.id })).ballot.status).toBe('finalised');
    app.close();
  });

  it('counts a ranking with Schulze, shows the pairwise matrix, and refuses a paper ranking an option twice', async () => {
    const { app, sessionId } = await venue();
    const ballot = await app.call('voting.createBallot', {
      sessionId,
      title: 'Which funding model first?',
      rule: { method: 'ranking', count: 'schulze' },
      quorum: { numerator: 1, denominator: 2 },
      items: ['Public only', 'Mixed', 'Private with caps'].map((title, i) => ({ number: String.fromCharCode(65 + i), title, text: { en: title } })),
    });
    const papers = [...Array(20).fill([1, 0, 2]), ...Array(15).fill([0, 1, 2]), ...Array(10).fill([2, 0, 1])] as number[][];
    const bad = errorOf(await app.raw('voting.enterCounts', { ballotId: ballot.id, slot: 1, counts: { kind: 'papers', papers: [[0, 1], [2, 2]], blank: 0, spoilt: 0 } }));
    expect(bad?.details).toMatchObject({ fields: [{ field: 'counts.papers.1', rule: 'duplicate' }] });
    await app.call('voting.enterCounts', { ballotId: ballot.id, slot: 1, counts: { kind: 'papers', papers, blank: 2, spoilt: 1 } });
    app.ctx.operator = 'Operator B';
    const detail = await app.call('voting.enterCounts', { ballotId: ballot.id, slot: 2, counts: { kind: 'papers', papers, blank: 2, spoilt: 1 } });
    const r = detail.result!.ranking!;
    // Public beats Mixed 25–20 and Private 35–10: the Condorcet winner, though Mixed has the most first places.
    expect(r.winners).toEqual([ballot.items[0]!.id]);
    expect(r.condorcetWinner).toBe(ballot.items[0]!.id);
    expect(r.pairwise![0]![1]).toBe(25);
    expect(r.pairwise![1]![0]).toBe(20);
    expect(r.order).toEqual([[ballot.items[0]!.id], [ballot.items[1]!.id], [ballot.items[2]!.id]]);
    expect(detail.result!.papers).toEqual({ valid: 45, blank: 2, spoilt: 1 });
    app.close();
  });

  it('adopts nothing when the quorum is not met', async () => {
    const { app, sessions } = await venue();
    // Weekend 2: only three people checked in.
    const sessionId = sessions[2]!.id;
    const roster = await app.call('attendance.roster', { sessionId });
    for (const r of roster.rows.slice(0, 3)) await app.call('attendance.checkIn', { sessionId, personId: r.personId });
    const ballot = await app.call('voting.createBallot', { ...yesNo(sessionId, 1), rule: { method: 'yesNo', threshold: 'simpleMajority', abstentionsCount: false } });
    await app.call('voting.enterCounts', { ballotId: ballot.id, slot: 1, counts: perItem([ballot.items[0]!.id], [[3, 0, 0]]) });
    app.ctx.operator = 'Operator B';
    const detail = await app.call('voting.enterCounts', { ballotId: ballot.id, slot: 2, counts: perItem([ballot.items[0]!.id], [[3, 0, 0]]) });
    expect(detail.result).toMatchObject({ quorumMet: false, present: 3 });
    expect(detail.result!.items[0]!.adopted).toBe(false);
    expect(detail.result!.rule).toContain('quorum not met');
    app.close();
  });

  it('refuses bad ballots', async () => {
    const { app, sessionId } = await venue();
    const fields = async (input: unknown) => ((errorOf(await app.raw('voting.createBallot', input))?.details as { fields?: { field: string }[] })?.fields ?? []).map((f) => f.field);
    expect(await fields({ ...yesNo(sessionId), items: [] })).toEqual(['items']);
    expect(await fields({ ...yesNo(sessionId), rule: { method: 'yesNo', threshold: 'custom', abstentionsCount: false } })).toEqual(['rule.numerator']);
    expect(await fields({ ...yesNo(sessionId), items: [{ number: '1', title: 'x', text: { nl: ' ' } }] })).toEqual(['items.0.text']);
    expect(await fields({ ...yesNo(sessionId), rule: { method: 'ranking', count: 'borda' }, items: [{ number: '1', title: 'x', text: { nl: 'x' } }] })).toEqual(['items']);
    expect(await fields({ ...yesNo('nope') })).toEqual(['sessionId']);
    app.close();
  });

  it('counts the members in the room at the vote, and keeps a finalised result as it was when the panel size changes', async () => {
    const { app, sessionId } = await venue();
    const roster = await app.call('attendance.roster', { sessionId });
    const left = roster.rows.filter((r) => r.state === 'left');
    expect(left.length).toBeGreaterThan(0);
    const inRoomAt = (t: string) => roster.rows.filter((r) => r.arrivedAt !== null && r.arrivedAt <= t && (r.departedAt === null || r.departedAt > t)).length;
    // Voted before anyone left: those who left later were in the room.
    const early = await app.call('voting.createBallot', { ...yesNo(sessionId, 1), votedAt: '11:00', rule: { method: 'yesNo', threshold: 'majorityOfPresent', abstentionsCount: false } });
    expect((await app.call('voting.get', { id: early.id })).present).toBe(inRoomAt('11:00'));
    // Voted late in the day, after some left: they are not counted.
    const late = await app.call('voting.createBallot', { ...yesNo(sessionId, 1), votedAt: '16:30', rule: { method: 'yesNo', threshold: 'majorityOfPresent', abstentionsCount: false } });
    const lateDetail = await app.call('voting.get', { id: late.id });
    expect(lateDetail.present).toBe(inRoomAt('16:30'));
    expect(lateDetail.present).toBeLessThan(inRoomAt('11:00'));

    const majority = Math.floor(lateDetail.present / 2) + 1;
    const counts = perItem([late.items[0]!.id], [[majority, lateDetail.present - majority, 0]]);
    await app.call('voting.enterCounts', { ballotId: late.id, slot: 1, counts });
    app.ctx.operator = 'Operator B';
    const final = await app.call('voting.enterCounts', { ballotId: late.id, slot: 2, counts });
    expect(final.result!.items[0]!.adopted).toBe(true);
    await app.call('voting.finalise', { ballotId: late.id });
    // The panel size changes afterwards: the finalised result does not.
    await app.call('quotas.setSettings', { panelSize: 200 });
    const after = await app.call('voting.get', { id: late.id });
    expect(after).toMatchObject({ panelSize: 60, present: lateDetail.present });
    expect(after.result).toMatchObject({ quorumMet: true });
    expect(after.result!.items[0]!.adopted).toBe(true);
    app.close();
  });

  it('refuses a quorum above the whole panel and item ids given twice', async () => {
    const { app, sessionId } = await venue();
    const quorum = errorOf(await app.raw('voting.createBallot', { ...yesNo(sessionId), quorum: { numerator: 5, denominator: 2 } }));
    expect((quorum?.details as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual(['quorum.numerator']);
    const ballot = await app.call('voting.createBallot', yesNo(sessionId, 2));
    const [a, b] = ballot.items;
    const twice = errorOf(await app.raw('voting.updateBallot', { id: ballot.id, items: [{ ...a!, id: a!.id }, { ...b!, id: a!.id }] }));
    expect((twice?.details as { fields: { field: string; rule: string }[] }).fields[0]).toMatchObject({ rule: 'duplicate' });
    const stranger = errorOf(await app.raw('voting.updateBallot', { id: ballot.id, items: [{ ...a!, id: 'not-an-item' }] }));
    expect(stranger?.code).toBe('VALIDATION');
    app.close();
  });
});
