/**
 * The venue link while the host restores a backup, and pairing locked per address (real TLS on
 * 127.0.0.1). A desk station that submits during a restore is told HOST_PAUSED (503), keeps its
 * events queued as when the host is out of reach, and drains them into the restored file after:
 * nothing lost, nothing double. Wrong pairing codes lock out their own address, not everyone.
 */
import { request } from 'node:https';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { v7 } from 'uuid';
import type { ApiResult } from '../../preload/contract';
import type { ArgsOf, MethodName, ResultOf } from '../../main/apiTypes';
import type { QueuedResult } from '../../main/domain/attendance/types';
import type { StationRole } from '../../preload/vocabulary';
import { createAppRegistry } from '../../main/api';
import { AppContext } from '../../main/context';
import { LOCK_MS, MAX_WRONG_CODES } from '../../main/domain/venue/pairing';
import { venueHub } from '../../main/venue/hub';
import { callHost, fetchPinnedCertificate, pinnedTlsOptions, type StationLink } from '../../main/venue/station';
import { EMPTY_QUEUE, enqueue, makeEvent, nextBatch, settle, type QueueState, type QueuedEvent } from '../../renderer/station/queue';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();
const opened: AppContext[] = [];
afterEach(async () => {
  for (const ctx of opened.splice(0)) {
    await venueHub(ctx).close();
    ctx.closeAssembly();
  }
});

async function startHost(clock?: () => Date) {
  const ctx = new AppContext('web', tempDir(), undefined, clock);
  ctx.operator = 'Host Hanne';
  opened.push(ctx);
  const registry = createAppRegistry(() => {});
  async function call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
    const result = await registry.call(method, args, ctx);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.data as ResultOf<M>;
  }
  await call('venue.enable', { port: 0, address: '127.0.0.1' });
  return { ctx, call, registry };
}
type Host = Awaited<ReturnType<typeof startHost>>;

async function pairStation(h: Host, deviceName: string, person: string, role: StationRole): Promise<StationLink> {
  const pairing = await h.call('venue.createPairingCode', {});
  const certPem = await fetchPinnedCertificate(pairing.address, pairing.fingerprint);
  const link: StationLink = { address: pairing.address, fingerprint: pairing.fingerprint, certPem };
  const joined = await callHost(link, 'venue.join', { code: pairing.code, deviceName, person });
  if (!joined.body.ok) throw new Error(joined.body.error.message);
  const { token, deviceId } = joined.body.data as { token: string; deviceId: string };
  await h.call('venue.approve', { deviceId, role });
  return { ...link, token };
}

/** A desk station as the page runs it, treating HOST_PAUSED as the page does: like a host out of reach. */
class DeskStation {
  queue: QueueState = EMPTY_QUEUE;
  made: QueuedEvent[] = [];
  answers: { status: number; code: string | null }[] = [];
  constructor(readonly link: StationLink) {}

  async act(sessionId: string, personId: string): Promise<boolean> {
    const e = makeEvent('checkIn', { sessionId, personId }, new Date(), v7);
    this.made.push(e);
    this.queue = enqueue(this.queue, e);
    return this.drain();
  }

  /** Sends the queue; false when the host paused it (the events stay queued). */
  async drain(): Promise<boolean> {
    while (this.queue.waiting.length > 0) {
      const batch = nextBatch(this.queue);
      const answer = await callHost(this.link, 'attendance.submitQueued', { events: batch, waiting: this.queue.waiting.length });
      this.answers.push({ status: answer.status, code: answer.body.ok ? null : answer.body.error.code });
      if (!answer.body.ok && answer.body.error.code === 'HOST_PAUSED') return false;
      if (!answer.body.ok) throw new Error(`${answer.body.error.code} ${answer.body.error.message}`);
      this.queue = settle(this.queue, batch, answer.body.data as QueuedResult, (id) => id);
    }
    return true;
  }
}

describe('a restore with stations connected', () => {
  it('pauses the stations with a specific refusal; their queue drains into the restored file afterwards, nothing lost or double', async () => {
    const h = await startHost();
    await h.call('app.createAssembly', { name: 'Restore at the venue', panelSize: 12 });
    const rows = ['first name,last name', ...Array.from({ length: 12 }, (_, i) => `Person${i},Family${String(i).padStart(2, '0')}`)];
    const staged = await h.call('imports.stage', { fileName: 'pool.csv', contentBase64: Buffer.from(rows.join('\n')).toString('base64') });
    await h.call('imports.commit', { uploadId: staged.uploadId, mapping: staged.mapping, mode: 'allOrNothing' });
    const people = (await h.call('people.list', { limit: 50 })).rows.sort((a, b) => (a.lastName < b.lastName ? -1 : 1));
    for (const p of people) {
      await h.call('people.setStatus', { id: p.id, status: 'selected' });
      await h.call('people.setStatus', { id: p.id, status: 'confirmed' });
    }
    const today = new Date().toISOString().slice(0, 10);
    const session = await h.call('sessions.create', { name: 'Saturday', date: today, startTime: '00:00', endTime: '23:59', kind: 'plenary' });
    const desk = new DeskStation(await pairStation(h, 'Desk NL', 'Jana', 'desk'));
    const ids = people.map((p) => p.id);

    // Three check-ins, the backup, then three more (acknowledged after the backup was taken).
    for (const id of ids.slice(0, 3)) expect(await desk.act(session.id, id)).toBe(true);
    const backup = await h.call('backups.create', {});
    for (const id of ids.slice(3, 6)) expect(await desk.act(session.id, id)).toBe(true);

    // Before confirming, the host sees which stations are connected.
    expect(await h.call('venue.connected', {})).toEqual({ withinSeconds: 60, stations: [expect.objectContaining({ name: 'Desk NL', person: 'Jana', role: 'desk' })] });

    // The restore waits its turn behind another file operation: the stations are paused already.
    let release!: () => void;
    const blocker = h.ctx.exclusive(() => new Promise<void>((r) => (release = r)));
    const restoring = h.registry.call('backups.restore', { name: backup.name }, h.ctx);

    // The desk goes on: its check-ins are refused for the moment, with the pause's own code and sentence, and stay queued.
    for (const id of ids.slice(6, 9)) expect(await desk.act(session.id, id)).toBe(false);
    expect(desk.answers.at(-1)).toEqual({ status: 503, code: 'HOST_PAUSED' });
    const paused = await callHost(desk.link, 'attendance.roster', { sessionId: session.id });
    expect(paused.status).toBe(503);
    expect(!paused.body.ok && paused.body.error).toMatchObject({ code: 'HOST_PAUSED', i18nKey: 'venue.errors.hostPaused', message: expect.stringContaining('restoring a backup') });
    expect(desk.queue.waiting).toHaveLength(3);
    // Another device may still ask to join (the devices file, not the assembly): pairing is not paused.
    const code = await h.call('venue.createPairingCode', {});
    expect((await callHost({ ...desk.link, token: undefined }, 'venue.join', { code: code.code, deviceName: 'Tablet', person: 'Piet' })).body.ok).toBe(true);

    release();
    await blocker;
    const result = (await restoring) as ApiResult<ResultOf<'backups.restore'>>;
    expect(result.ok).toBe(true);
    // The three check-ins made after the backup were applied again by the host.
    expect(result.ok && result.data.attendance).toMatchObject({ reapplied: 3, refused: [] });

    // The pause is over: the queue drains into the restored file, judged by the usual rules.
    expect(await desk.drain()).toBe(true);
    expect(desk.queue).toEqual({ waiting: [], conflicts: [] });
    const events = await h.call('attendance.events', { sessionId: session.id });
    expect(events.map((e) => e.id).sort()).toEqual(desk.made.map((e) => e.id).sort());
    expect((await h.call('attendance.dashboard', { sessionId: session.id })).present).toBe(9);

    // The restore's audit row names the paused station and what was refused meanwhile.
    const audit = await h.call('audit.list', { entity: 'backup' });
    expect(audit.find((r) => r.action === 'backups.restore.stationsPaused')?.after).toEqual({
      backup: backup.name,
      connected: ['Desk NL'],
      refusedCalls: 4,
      refusedDevices: ['Desk NL'],
    });
  });

  it('lets a station call admitted just before the pause finish on the old file before the file is replaced', async () => {
    const h = await startHost();
    await h.call('app.createAssembly', { name: 'In flight', panelSize: 2 });
    const backup = await h.call('backups.create', {});
    const hub = venueHub(h.ctx);
    const slow = { kind: 'station', deviceId: 'd1', deviceName: 'Secretariat laptop', person: 'Sara', role: 'secretariat' } as const;
    expect(hub.admit(slow)).toBeNull();
    const exclusive = vi.spyOn(h.ctx, 'exclusive');
    const restoring = h.registry.call('backups.restore', { name: backup.name }, h.ctx);
    for (let i = 0; i < 5; i++) await Promise.resolve();
    // Paused for new calls, but the file is not touched while the admitted one runs.
    expect(hub.currentPause()).not.toBeNull();
    expect(exclusive).not.toHaveBeenCalled();
    hub.finished(slow);
    expect(await restoring).toMatchObject({ ok: true });
    expect(exclusive).toHaveBeenCalledOnce();
    expect(hub.currentPause()).toBeNull();
  });

  it('lists no station once the last call is older than a minute, and none while the link is off', async () => {
    let now = Date.now();
    const h = await startHost(() => new Date(now));
    await h.call('app.createAssembly', { name: 'Quiet', panelSize: 2 });
    const screen = await pairStation(h, 'Screen', 'Room', 'viewer');
    expect((await callHost(screen, 'app.status')).status).toBe(200);
    expect((await h.call('venue.connected', {})).stations.map((s) => s.name)).toEqual(['Screen']);
    now += 60_001;
    expect((await h.call('venue.connected', {})).stations).toEqual([]);
    expect((await callHost(screen, 'app.status')).status).toBe(200);
    await h.call('venue.disable', {});
    expect((await h.call('venue.connected', {})).stations).toEqual([]);
  });
});

/** venue.join from a chosen source address on loopback (127.0.0.x), over the pinned link. */
function joinFrom(link: StationLink, localAddress: string, code: string): Promise<ApiResult<unknown>> {
  const url = new URL('/rpc', link.address);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', localAddress, ...pinnedTlsOptions(link.certPem, link.fingerprint), headers: { 'Content-Type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ApiResult<unknown>));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ method: 'venue.join', args: { code, deviceName: `Tablet ${localAddress}`, person: 'Piet' } }));
  });
}

describe('pairing locked per address', () => {
  it('wrong codes from address A lock A out only: B pairs meanwhile, and the host sees which address is locked', async () => {
    let now = Date.now();
    const h = await startHost(() => new Date(now));
    const pairing = await h.call('venue.createPairingCode', {});
    const link: StationLink = { address: pairing.address, fingerprint: pairing.fingerprint, certPem: await fetchPinnedCertificate(pairing.address, pairing.fingerprint) };

    for (let i = 0; i < MAX_WRONG_CODES; i++) {
      const wrong = await joinFrom(link, '127.0.0.2', 'AAAA-AAAA');
      expect(!wrong.ok && wrong.error.i18nKey).toBe('venue.errors.code.wrong');
    }
    // A is locked, even with the right code.
    const locked = await joinFrom(link, '127.0.0.2', pairing.code);
    expect(!locked.ok && locked.error).toMatchObject({ code: 'FORBIDDEN', i18nKey: 'venue.errors.code.locked' });
    expect(await h.call('venue.status', {})).toMatchObject({ pairingLockedAddresses: ['127.0.0.2'], pairingLockedUntil: expect.any(String) });

    // B, on the same Wi-Fi, pairs with that same code.
    const fromB = await joinFrom(link, '127.0.0.3', pairing.code);
    expect(fromB.ok && fromB.data).toMatchObject({ status: 'pending' });

    // A's minute runs out: it may try again.
    now += LOCK_MS + 1;
    const again = await h.call('venue.createPairingCode', {});
    expect((await joinFrom(link, '127.0.0.2', again.code)).ok).toBe(true);
    expect((await h.call('venue.status', {})).pairingLockedAddresses).toEqual([]);
  });
});

describe('venue.openStation outside the desktop app', () => {
  it('checks the link, then says that a browser joins by opening the pairing link itself', async () => {
    const h = await startHost();
    const fp = Buffer.alloc(32, 3).toString('base64');
    const bad = await h.registry.call('venue.openStation', { link: 'http://192.168.1.20:4611/?join=AC3F9KXP' }, h.ctx);
    expect(!bad.ok && bad.error).toMatchObject({ code: 'VALIDATION', i18nKey: 'venue.errors.link.notALink', details: { field: 'link' } });
    const good = await h.registry.call('venue.openStation', { link: `https://192.168.1.20:4611/?join=AC3F9KXP#spki=${encodeURIComponent(fp)}` }, h.ctx);
    expect(!good.ok && good.error).toMatchObject({ code: 'CONFLICT', i18nKey: 'venue.errors.joinInBrowser' });
  });
});
