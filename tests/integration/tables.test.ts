/** Table plans through the API on the demo at the venue (60 confirmed, weekend 1 checked in). */
import { describe, expect, it } from 'vitest';
import type { TablePlan } from '../../main/domain/tables/types';
import { makeApp } from '../helpers/app';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();
type App = ReturnType<typeof makeApp>;
const errorOf = (r: Awaited<ReturnType<App['raw']>>) => (r.ok ? null : r.error);
const modes = { Gender: 'diversify', 'Age band': 'diversify', Education: 'diversify', Region: 'diversify', Language: 'cluster' } as const;

async function venue() {
  const app = makeApp(tempDir());
  await app.call('app.openDemo', { stage: 'venue' });
  const sessions = await app.call('sessions.list', {});
  return { app, sessions };
}

const tableOf = (plan: TablePlan, personId: string) => plan.tables.find((t) => t.members.some((m) => m.personId === personId))?.number;

describe('table plans', () => {
  it('plans tables for the confirmed participants: sizes, languages never mixed, the desk shows the table', async () => {
    const { app, sessions } = await venue();
    const sessionId = sessions[2]!.id;
    const plan = await app.call('tables.plan', { sessionId, tableSize: 8, modes, pins: [], apart: [], source: 'confirmed', seed: 42 });
    expect(plan.tables.flatMap((t) => t.members)).toHaveLength(60);
    for (const t of plan.tables) {
      expect(t.members.length).toBeLessThanOrEqual(8);
      expect(new Set(t.members.map((m) => m.features.Language)).size).toBe(1);
      expect(t.group).toBe(t.members[0]!.features.Language);
    }
    const smaller = new Map<string, number>();
    for (const t of plan.tables) if (t.members.length < 8) smaller.set(t.group, (smaller.get(t.group) ?? 0) + 1);
    expect([...smaller.values()].every((n) => n === 1)).toBe(true);
    expect(plan.score.total).toBeGreaterThanOrEqual(0);
    expect(await app.call('tables.list', { sessionId })).toEqual([plan]);

    const roster = await app.call('attendance.roster', { sessionId });
    const someone = roster.rows[0]!;
    expect(someone.table).toBe(String(tableOf(plan, someone.personId)));
    const checkIn = await app.call('attendance.checkIn', { sessionId, personId: someone.personId });
    expect(checkIn.person.table).toBe(someone.table);
    app.close();
  });

  it('avoids seating again the pairs of the previous session', async () => {
    const { app, sessions } = await venue();
    const args = { tableSize: 6, modes: { Gender: 'diversify' as const }, pins: [], apart: [], source: 'confirmed' as const };
    const first = await app.call('tables.plan', { ...args, sessionId: sessions[2]!.id, seed: 1 });
    const second = await app.call('tables.plan', { ...args, sessionId: sessions[3]!.id, seed: 2 });
    expect(first.score.repeatedPairs).toBe(0);
    // Sixty people in tables of six twice: a plan that ignored history would repeat many pairs.
    expect(second.score.repeatedPairs).toBeLessThanOrEqual(2);
    app.close();
  });

  it('swaps and moves by hand with the score updated, and refuses what breaks a rule', async () => {
    const { app, sessions } = await venue();
    const sessionId = sessions[2]!.id;
    const plan = await app.call('tables.plan', { sessionId, tableSize: 8, modes, pins: [], apart: [], source: 'confirmed', seed: 3 });
    const [t1, t2] = plan.tables.filter((t) => t.group === plan.tables[0]!.group);
    const a = t1!.members[0]!.personId;
    // Someone of another gender, so that the swap changes the tables' mix.
    const b = t2!.members.find((m) => m.features.Gender !== t1!.members[0]!.features.Gender)!.personId;
    const swapped = await app.call('tables.swap', { planId: plan.id, personA: a, personB: b });
    expect(tableOf(swapped, a)).toBe(t2!.number);
    expect(tableOf(swapped, b)).toBe(t1!.number);
    expect(swapped.score).not.toEqual(plan.score);
    expect(swapped.score.total).toBeGreaterThanOrEqual(plan.score.total - 1e-9); // the search had found a local optimum

    const otherGroup = plan.tables.find((t) => t.group !== t1!.group)!;
    expect(errorOf(await app.raw('tables.swap', { planId: plan.id, personA: a, personB: otherGroup.members[0]!.personId }))).toMatchObject({ i18nKey: 'tables.swapAcrossClusters' });
    expect(errorOf(await app.raw('tables.swap', { planId: plan.id, personA: a, personB: 'nobody' }))).toMatchObject({ i18nKey: 'tables.notSeated' });
    expect(errorOf(await app.raw('tables.move', { planId: plan.id, personId: a, table: t1!.number }))).toMatchObject({ i18nKey: 'tables.tableFull' });
    expect(errorOf(await app.raw('tables.plan', { sessionId, tableSize: 1, modes, pins: [], apart: [], source: 'confirmed' }))?.code).toBe('VALIDATION');
    expect(errorOf(await app.raw('tables.plan', { sessionId, tableSize: 8, modes: { Colour: 'diversify' }, pins: [], apart: [], source: 'confirmed' }))?.details).toMatchObject({
      fields: [expect.objectContaining({ field: 'modes.Colour' })],
    });
    expect(errorOf(await app.raw('tables.plan', { sessionId, tableSize: 8, modes, pins: [{ personId: a, table: 99 }], apart: [], source: 'confirmed' }))).toMatchObject({ i18nKey: 'tables.pinTable' });
    app.close();
  });

  it('keeps pinned people and kept-apart pairs, and re-plans for those present with few moves', async () => {
    const { app, sessions } = await venue();
    const sessionId = sessions[0]!.id; // weekend 1 Saturday: checked in already
    const roster = await app.call('attendance.roster', { sessionId });
    const present = roster.rows.filter((r) => r.state === 'present');
    const [x, y] = present;
    const plan = await app.call('tables.plan', {
      sessionId,
      tableSize: 8,
      modes: { Gender: 'diversify' },
      pins: [{ personId: x!.personId, table: 2 }],
      apart: [[x!.personId, y!.personId]],
      source: 'confirmed',
      seed: 5,
    });
    expect(tableOf(plan, x!.personId)).toBe(2);
    expect(tableOf(plan, y!.personId)).not.toBe(2);
    expect(plan.tables.flatMap((t) => t.members)).toHaveLength(roster.rows.filter((r) => r.state !== 'excused').length);

    const replanned = await app.call('tables.replan', { planId: plan.id });
    expect(replanned.basedOn).toBe(plan.id);
    expect(replanned.tables.flatMap((t) => t.members).map((m) => m.personId).sort()).toEqual(present.map((r) => r.personId).sort());
    expect(tableOf(replanned, x!.personId)).toBe(2);
    for (const t of replanned.tables) expect(t.members.length).toBeLessThanOrEqual(8);
    expect(replanned.tables.filter((t) => t.members.length < 8).length).toBeLessThanOrEqual(1);
    const absent = plan.tables.flatMap((t) => t.members).length - present.length;
    expect(replanned.moved.length).toBeLessThanOrEqual(absent + 8);
    // The old plan is replaced: it can no longer be edited.
    expect(errorOf(await app.raw('tables.swap', { planId: plan.id, personA: x!.personId, personB: y!.personId }))).toMatchObject({ i18nKey: 'tables.planReplaced' });
    expect((await app.call('tables.list', { sessionId })).map((p) => p.id)).toEqual([replanned.id]);
    app.close();
  });
});
