/**
 * Desk stations over the venue link (real TLS on 127.0.0.1): two desks check in 60 people each,
 * 20 of them at both desks, giving exactly 100 present; the host is stopped mid-way, the desks
 * queue (renderer/station/queue.ts, as the station page does), the host restarts on the same data
 * folder and file, and the queues drain through attendance.submitQueued: nothing lost, nothing
 * double, and what the host refuses comes back as a conflict with its reason. A revoked device is
 * refused on its next call.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { v7 } from 'uuid';
import type { ArgsOf, MethodName, ResultOf } from '../../main/apiTypes';
import type { QueuedResult } from '../../main/domain/attendance/types';
import type { StationRole } from '../../preload/vocabulary';
import { createAppRegistry } from '../../main/api';
import { AppContext } from '../../main/context';
import { venueHub } from '../../main/venue/hub';
import { callHost, fetchPinnedCertificate, type StationLink } from '../../main/venue/station';
import { EMPTY_QUEUE, enqueue, makeEvent, nextBatch, settle, type QueueState, type QueuedEvent, type QueuedKind } from '../../renderer/station/queue';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();
const opened: AppContext[] = [];
afterEach(async () => {
  for (const ctx of opened.splice(0)) {
    await venueHub(ctx).close();
    ctx.closeAssembly();
  }
});

/** A host on a data folder: its context, a typed call as the host, the venue link on loopback. */
async function startHost(dataDir: string, port = 0) {
  const ctx = new AppContext('web', dataDir);
  ctx.operator = 'Host Hanne';
  opened.push(ctx);
  const registry = createAppRegistry(() => {});
  async function call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
    const result = await registry.call(method, args, ctx);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.data as ResultOf<M>;
  }
  const status = await call('venue.enable', { port, address: '127.0.0.1' });
  return {
    ctx,
    call,
    port: status.port!,
    /** The host laptop goes away: the link closes, the file is closed. */
    async stop() {
      await venueHub(ctx).close();
      ctx.closeAssembly();
      opened.splice(opened.indexOf(ctx), 1);
    },
  };
}
type Host = Awaited<ReturnType<typeof startHost>>;

async function pairStation(h: Host, deviceName: string, person: string, role: StationRole): Promise<StationLink & { deviceId: string }> {
  const pairing = await h.call('venue.createPairingCode', {});
  const certPem = await fetchPinnedCertificate(pairing.address, pairing.fingerprint);
  const link: StationLink = { address: pairing.address, fingerprint: pairing.fingerprint, certPem };
  const joined = await callHost(link, 'venue.join', { code: pairing.code, deviceName, person });
  if (!joined.body.ok) throw new Error(joined.body.error.message);
  const { token, deviceId } = joined.body.data as { token: string; deviceId: string };
  await h.call('venue.approve', { deviceId, role });
  return { ...link, token, deviceId };
}

/**
 * A desk station as the page runs it: every action is an event in its queue, sent at once; when
 * the host cannot be reached it stays queued, and the next drain sends it.
 */
class DeskStation {
  queue: QueueState = EMPTY_QUEUE;
  made: QueuedEvent[] = [];
  constructor(readonly link: StationLink) {}

  async act(kind: QueuedKind, sessionId: string, personId: string, undoes: string | null = null): Promise<QueuedEvent> {
    const e = makeEvent(kind, { sessionId, personId, undoes }, new Date(), v7);
    this.made.push(e);
    this.queue = enqueue(this.queue, e);
    await this.drain();
    return e;
  }

  /** Sends the queue; false when the host could not be reached (the events stay queued). */
  async drain(): Promise<boolean> {
    while (this.queue.waiting.length > 0) {
      const batch = nextBatch(this.queue);
      let answer;
      try {
        answer = await callHost(this.link, 'attendance.submitQueued', { events: batch, waiting: this.queue.waiting.length });
      } catch {
        return false; // ECONNREFUSED: the host is away
      }
      if (!answer.body.ok) throw new Error(`${answer.body.error.code} ${answer.body.error.message}`);
      this.queue = settle(this.queue, batch, answer.body.data as QueuedResult, (id) => id);
    }
    return true;
  }
}

describe('desk stations with the host going away', () => {
  it('two desks, 60 check-ins each, 20 people at both: exactly 100 present; queued events drain after a restart, nothing lost, nothing double', async () => {
    const dataDir = tempDir();
    let h = await startHost(dataDir);
    await h.call('app.createAssembly', { name: 'Two desks', panelSize: 105 });
    const rows = ['first name,last name', ...Array.from({ length: 110 }, (_, i) => `Person${i},Family${String(i).padStart(3, '0')}`)];
    const staged = await h.call('imports.stage', { fileName: 'pool.csv', contentBase64: Buffer.from(rows.join('\n')).toString('base64') });
    await h.call('imports.commit', { uploadId: staged.uploadId, mapping: staged.mapping, mode: 'allOrNothing' });
    const people = (await h.call('people.list', { limit: 500 })).rows.sort((a, b) => (a.lastName < b.lastName ? -1 : 1));
    expect(people).toHaveLength(110);
    // 105 confirmed; the last 5 stay in the pool (a desk must not check them in).
    for (const p of people.slice(0, 105)) {
      await h.call('people.setStatus', { id: p.id, status: 'selected' });
      await h.call('people.setStatus', { id: p.id, status: 'confirmed' });
    }
    const today = new Date().toISOString().slice(0, 10);
    const session = await h.call('sessions.create', { name: 'Saturday', date: today, startTime: '00:00', endTime: '23:59', kind: 'plenary' });
    const file = h.ctx.open!.path;
    const port = h.port;

    const a = new DeskStation(await pairStation(h, 'Desk NL', 'Jana', 'desk'));
    const b = new DeskStation(await pairStation(h, 'Desk FR', 'Marc', 'desk'));
    const ids = people.map((p) => p.id);
    // Desk A: people 0–59; desk B: people 40–99 (40–59 at both desks).
    const forA = ids.slice(0, 60);
    const forB = [...ids.slice(60, 100), ...ids.slice(40, 60)];

    // Online: A checks in 30, B 20, interleaved.
    for (let i = 0; i < 30; i++) {
      await a.act('checkIn', session.id, forA[i]!);
      if (i < 20) await b.act('checkIn', session.id, forB[i]!);
    }
    expect(a.queue.waiting).toHaveLength(0);
    expect(b.queue.waiting).toHaveLength(0);

    // The host laptop goes away mid-way. The desks go on: everything queues.
    await h.stop();
    for (let i = 30; i < 60; i++) await a.act('checkIn', session.id, forA[i]!);
    for (let i = 20; i < 60; i++) await b.act('checkIn', session.id, forB[i]!);
    // B checks someone in by mistake, undoes it (an undo of an event still in its queue), and checks them in again.
    const mistake = await b.act('checkIn', session.id, ids[100]!);
    await b.act('undo', session.id, ids[100]!, mistake.id);
    // A checks in a person who is only in the pool: the host must refuse it, not add it.
    const refusedEvent = await a.act('checkIn', session.id, ids[107]!);
    expect(a.queue.waiting).toHaveLength(31);
    expect(b.queue.waiting).toHaveLength(42);

    // The host restarts on the same data folder, file and port: same certificate, same devices.
    h = await startHost(dataDir, port);
    await h.call('app.openAssembly', { path: file });
    // Both desks drain at once.
    const [drainedA, drainedB] = await Promise.all([a.drain(), b.drain()]);
    expect(drainedA && drainedB).toBe(true);
    expect(a.queue.waiting).toHaveLength(0);
    expect(b.queue.waiting).toHaveLength(0);
    // The refused one is a conflict with the host's reason; nothing else was refused.
    expect(a.queue.conflicts.map((c) => c.event.id)).toEqual([refusedEvent.id]);
    expect(a.queue.conflicts[0]!.reason).toMatch(/confirmed/);
    expect(b.queue.conflicts).toEqual([]);

    // The host keeps what it refused, for its own screen (Settings, venue link): by badge code, with the reason.
    const audited = (await h.call('audit.list', { entity: 'attendance' })).filter((r) => r.action === 'attendance.submitQueued' && r.device === 'Desk NL');
    const refusedOnHost = audited.flatMap((r) => (r.after as { refused: { eventId: string; code: string; reason: string }[] }).refused);
    expect(refusedOnHost).toEqual([expect.objectContaining({ eventId: refusedEvent.id, code: people[107]!.code, reason: a.queue.conflicts[0]!.reason })]);

    // The host's devices list says what each desk still has waiting: nothing, once drained.
    expect((await h.call('venue.devices', {})).map((d) => [d.name, d.waiting])).toEqual(expect.arrayContaining([['Desk NL', 0], ['Desk FR', 0]]));

    // An answer lost on the way: the same events sent again are recognised, nothing is added.
    const again = await callHost(a.link, 'attendance.submitQueued', { events: a.made.filter((e) => e.id !== refusedEvent.id) });
    expect(again.body.ok && (again.body.data as QueuedResult).accepted).toHaveLength(60);

    const dashboard = await h.call('attendance.dashboard', { sessionId: session.id });
    expect(dashboard.present).toBe(100);
    expect(dashboard.expected).toBe(105);
    const events = await h.call('attendance.events', { sessionId: session.id });
    // Every event the desks made and the host accepted, each once; the refused one is nowhere.
    const made = [...a.made, ...b.made].filter((e) => e.id !== refusedEvent.id);
    expect(events).toHaveLength(made.length);
    expect(new Set(events.map((e) => e.id))).toEqual(new Set(made.map((e) => e.id)));
    expect(events.some((e) => e.personId === ids[107])).toBe(false);
    // Device time kept; device and person of each desk recorded.
    const byId = new Map(events.map((e) => [e.id, e]));
    for (const e of a.made.filter((x) => x.id !== refusedEvent.id)) expect(byId.get(e.id)).toMatchObject({ at: e.at, device: 'Desk NL', operator: 'Jana', kind: e.kind });
    for (const e of b.made) expect(byId.get(e.id)).toMatchObject({ at: e.at, device: 'Desk FR', operator: 'Marc', kind: e.kind });
    // The person checked in by mistake is not present: the undo drained after its check-in.
    const roster = await h.call('attendance.roster', { sessionId: session.id });
    expect(roster.rows.find((r) => r.personId === ids[100])!.state).toBe('expected');
    expect(roster.rows.filter((r) => r.state === 'present')).toHaveLength(100);

    // Another device's id is not this device's event: refused, not recorded twice.
    const stolen = await callHost(b.link, 'attendance.submitQueued', { events: [a.made[0]!] });
    expect(stolen.body.ok && (stolen.body.data as QueuedResult).refused[0]).toMatchObject({ eventId: a.made[0]!.id, key: 'attendance.queuedIdTaken' });

    // A revoked device is refused on its next call, its queue kept on the station.
    await h.call('venue.revoke', { deviceId: (b.link as StationLink & { deviceId: string }).deviceId });
    const late = makeEvent('checkIn', { sessionId: session.id, personId: ids[101]! }, new Date(), v7);
    const refused = await callHost(b.link, 'attendance.submitQueued', { events: [late] });
    expect(refused.status).toBe(401);
    expect(!refused.body.ok && refused.body.error).toMatchObject({ code: 'FORBIDDEN', i18nKey: 'venue.errors.revoked' });
    expect((await h.call('attendance.dashboard', { sessionId: session.id })).present).toBe(100);
  });

  it('judges each queued event as the desk does: unknown session, a time in the future or before 2000, an undo of nothing', async () => {
    const h = await startHost(tempDir());
    await h.call('app.createAssembly', { name: 'Rules', panelSize: 2 });
    const staged = await h.call('imports.stage', { fileName: 'pool.csv', contentBase64: Buffer.from('first name,last name\nAnn,Peeters\nBart,Claes').toString('base64') });
    await h.call('imports.commit', { uploadId: staged.uploadId, mapping: staged.mapping, mode: 'allOrNothing' });
    const [p] = (await h.call('people.list', { limit: 10 })).rows;
    await h.call('people.setStatus', { id: p!.id, status: 'selected' });
    await h.call('people.setStatus', { id: p!.id, status: 'confirmed' });
    const today = new Date().toISOString().slice(0, 10);
    const session = await h.call('sessions.create', { name: 'Today', date: today, startTime: '00:00', endTime: '23:59', kind: 'plenary' });
    const desk = await pairStation(h, 'Desk', 'Jana', 'desk');
    const viewer = await pairStation(h, 'Screen', 'Room', 'viewer');
    const ev = (kind: QueuedKind, over: Partial<QueuedEvent> = {}) => ({ ...makeEvent(kind, { sessionId: session.id, personId: p!.id }, new Date(), v7), ...over });
    const events = [
      ev('checkIn', { sessionId: v7() }),
      ev('checkIn', { at: new Date(Date.now() + 3600_000).toISOString() }),
      ev('checkIn', { at: '1970-01-01T00:00:00.000Z' }),
      ev('undo', { undoes: v7() }),
      ev('checkOut'),
      ev('excused', { reason: null }),
      ev('checkIn'),
    ];
    const answer = await callHost(desk, 'attendance.submitQueued', { events });
    const result = answer.body.ok ? (answer.body.data as QueuedResult) : null;
    expect(result?.accepted).toEqual([events[6]!.id]);
    expect(result?.refused.map((r) => r.key)).toEqual([
      'attendance.mergeUnknownSession',
      'attendance.timeInFuture',
      'attendance.timeImplausible',
      'attendance.mergeUndoUnknown',
      'attendance.mergeCheckOutWithoutArrival',
      'attendance.mergeMalformed',
    ]);
    // A tablet whose clock says yesterday: its check-in is not on the session's day.
    const yesterday = await callHost(desk, 'attendance.submitQueued', { events: [ev('checkIn', { at: new Date(Date.now() - 86_400_000).toISOString() })] });
    expect(yesterday.body.ok && (yesterday.body.data as QueuedResult).refused.map((r) => r.key)).toEqual(['attendance.checkInOtherDay']);
    // An excuse queued with its reason, for the other (confirmed) person.
    const [, q] = (await h.call('people.list', { limit: 10 })).rows;
    await h.call('people.setStatus', { id: q!.id, status: 'selected' });
    await h.call('people.setStatus', { id: q!.id, status: 'confirmed' });
    const excuse = makeEvent('excused', { sessionId: session.id, personId: q!.id, reason: 'Ill, phoned at 8:45' }, new Date(), v7);
    const excused = await callHost(desk, 'attendance.submitQueued', { events: [excuse] });
    expect(excused.body.ok && (excused.body.data as QueuedResult).accepted).toEqual([excuse.id]);
    const roster = await h.call('attendance.roster', { sessionId: session.id });
    expect(roster.rows.find((r) => r.personId === q!.id)).toMatchObject({ state: 'excused', excuseReason: 'Ill, phoned at 8:45' });
    // A viewer may not send check-ins: refused, naming its role.
    const refused = await callHost(viewer, 'attendance.submitQueued', { events: [ev('checkIn')] });
    expect(refused.status).toBe(403);
    expect(!refused.body.ok && refused.body.error.message).toBe('A viewer station cannot call attendance.submitQueued: it needs the desk or secretariat role, given at the host laptop.');
  });
});
