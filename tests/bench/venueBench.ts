/**
 * The venue link's figure: a desk station's check-in round trip over TLS on loopback (pinned
 * certificate, device token, role check), p50 and p95 over 200 check-ins on a fresh connection
 * pool. Target p95 < 50 ms.
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
import { percentile, type Benchmark } from './harness';

const PEOPLE = 200;

async function roundTrips(): Promise<number[]> {
  const ctx = new AppContext('web', mkdtempSync(join(tmpdir(), 'assembly-desk-venue-bench-')));
  ctx.operator = 'bench';
  const registry = createAppRegistry(() => {});
  const call = async (method: string, args: unknown) => {
    const r = await registry.call(method, args, ctx);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.data as never;
  };
  try {
    await call('app.createAssembly', { name: 'Venue bench', panelSize: PEOPLE });
    const rows = ['first name,last name', ...Array.from({ length: PEOPLE }, (_, i) => `P${i},Person${i}`)];
    const staged: { uploadId: string; mapping: unknown } = await call('imports.stage', { fileName: 'pool.csv', contentBase64: Buffer.from(rows.join('\n')).toString('base64') });
    await call('imports.commit', { uploadId: staged.uploadId, mapping: staged.mapping, mode: 'allOrNothing' });
    const list: { rows: { id: string }[] } = await call('people.list', { limit: PEOPLE });
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
    const times: number[] = [];
    for (const p of list.rows) {
      const start = performance.now();
      const r = await post({ method: 'attendance.checkIn', args: { sessionId: session.id, personId: p.id } }, joined.data.token);
      times.push(performance.now() - start);
      if (!r.ok) throw new Error(JSON.stringify(r));
    }
    agent.destroy();
    return times;
  } finally {
    await venueHub(ctx).close();
    ctx.closeAssembly();
  }
}

export const venueBenchmarks: Benchmark[] = [
  { name: 'venue link: station check-in round trip over TLS, p95', unit: 'ms', target: 50, run: async () => percentile(await roundTrips(), 95) },
];

if (import.meta.url === `file://${process.argv[1]}`) {
  const times = await roundTrips();
  process.stdout.write(`station check-in over TLS (${times.length}): p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms\n`);
}
