/**
 * The venue link's figures: a desk station's check-in round trip over TLS on loopback (pinned
 * certificate, device token, role check), p50 and p95 over 200 check-ins on a fresh connection
 * pool, both as attendance.checkIn and as the station page sends it (one event through
 * attendance.submitQueued). Target p95 < 50 ms. And a station's queue of 500 events made offline,
 * drained in one call. Target < 2 s.
 */
import { Agent, request } from 'node:https';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAppRegistry } from '../../main/api';
import { AppContext } from '../../main/context';
import { venueHub } from '../../main/venue/hub';
import { fetchPinnedCertificate, pinnedTlsOptions } from '../../main/venue/station';
import { v7 } from 'uuid';
import { makeEvent } from '../../renderer/station/queue';
import { percentile, type Benchmark } from './harness';

const PEOPLE = 200;

/** A host with `people` confirmed participants and a session today, and an approved desk station. */
async function deskStation(people: number) {
  const ctx = new AppContext('web', mkdtempSync(join(tmpdir(), 'assembly-desk-venue-bench-')));
  ctx.operator = 'bench';
  const registry = createAppRegistry(() => {});
  const call = async (method: string, args: unknown) => {
    const r = await registry.call(method, args, ctx);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.data as never;
  };
  try {
    await call('app.createAssembly', { name: 'Venue bench', panelSize: people });
    const rows = ['first name,last name', ...Array.from({ length: people }, (_, i) => `P${i},Person${i}`)];
    const staged: { uploadId: string; mapping: unknown } = await call('imports.stage', { fileName: 'pool.csv', contentBase64: Buffer.from(rows.join('\n')).toString('base64') });
    await call('imports.commit', { uploadId: staged.uploadId, mapping: staged.mapping, mode: 'allOrNothing' });
    const list: { rows: { id: string }[] } = await call('people.list', { limit: people });
    for (const p of list.rows) {
      await call('people.setStatus', { id: p.id, status: 'selected' });
      await call('people.setStatus', { id: p.id, status: 'confirmed' });
    }
    const session: { id: string } = await call('sessions.create', { name: 'Today', date: new Date().toISOString().slice(0, 10), startTime: '00:00', endTime: '23:59', kind: 'plenary' });
    await call('venue.enable', { port: 0, address: '127.0.0.1' });
    const pairing: { code: string; address: string; fingerprint: string } = await call('venue.createPairingCode', {});
    const certPem = await fetchPinnedCertificate(pairing.address, pairing.fingerprint);
    const agent = new Agent({ keepAlive: true, ...pinnedTlsOptions(certPem, pairing.fingerprint) });
    const post = (body: unknown, token?: string) =>
      new Promise<{ ok: boolean; data?: unknown }>((resolve, reject) => {
        const req = request(new URL('/rpc', pairing.address), { method: 'POST', agent, headers: { 'Content-Type': 'application/json', ...(token ? { 'X-Assembly-Token': token } : {}) } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
        });
        req.on('error', reject);
        req.end(JSON.stringify(body));
      });
    const joined = (await post({ method: 'venue.join', args: { code: pairing.code, deviceName: 'Bench desk', person: 'Bench' } })) as { data: { token: string; deviceId: string } };
    await call('venue.approve', { deviceId: joined.data.deviceId, role: 'desk' });
    return {
      ids: list.rows.map((p) => p.id),
      sessionId: session.id,
      send: (method: string, args: unknown) => post({ method, args }, joined.data.token),
      close: async () => {
        agent.destroy();
        await venueHub(ctx).close();
        ctx.closeAssembly();
      },
    };
  } catch (e) {
    await venueHub(ctx).close();
    ctx.closeAssembly();
    throw e;
  }
}

/** Check-in round trips: attendance.checkIn, or one queued event at a time (the station page's way). */
async function roundTrips(way: 'checkIn' | 'submitQueued' = 'checkIn'): Promise<number[]> {
  const desk = await deskStation(PEOPLE);
  try {
    const times: number[] = [];
    for (const personId of desk.ids) {
      const start = performance.now();
      const r =
        way === 'checkIn'
          ? await desk.send('attendance.checkIn', { sessionId: desk.sessionId, personId })
          : await desk.send('attendance.submitQueued', { events: [makeEvent('checkIn', { sessionId: desk.sessionId, personId }, new Date(), v7)] });
      times.push(performance.now() - start);
      if (!r.ok || (way === 'submitQueued' && (r.data as { accepted: string[] }).accepted.length !== 1)) throw new Error(JSON.stringify(r));
    }
    return times;
  } finally {
    await desk.close();
  }
}

/** 500 events a station queued while offline (check-ins of 500 people), sent in one call when the host is back. */
async function drain500(): Promise<number> {
  const desk = await deskStation(500);
  try {
    const at = new Date(Date.now() - 60_000);
    const events = desk.ids.map((personId) => makeEvent('checkIn', { sessionId: desk.sessionId, personId }, at, v7));
    const start = performance.now();
    const r = await desk.send('attendance.submitQueued', { events });
    const ms = performance.now() - start;
    if (!r.ok || (r.data as { accepted: string[] }).accepted.length !== 500) throw new Error(`drain: ${JSON.stringify(r).slice(0, 500)}`);
    return ms;
  } finally {
    await desk.close();
  }
}

export const venueBenchmarks: Benchmark[] = [
  { name: 'venue link: station check-in round trip over TLS, p95', unit: 'ms', target: 50, run: async () => percentile(await roundTrips(), 95) },
  { name: 'venue link: station check-in as a queued event over TLS, p95', unit: 'ms', target: 50, run: async () => percentile(await roundTrips('submitQueued'), 95) },
  { name: 'venue link: draining 500 queued events', unit: 'ms', target: 2000, run: drain500 },
];

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const way of ['checkIn', 'submitQueued'] as const) {
    const times = await roundTrips(way);
    process.stdout.write(`station check-in over TLS via ${way} (${times.length}): p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms\n`);
  }
  process.stdout.write(`draining 500 queued events: ${(await drain500()).toFixed(0)} ms\n`);
}
