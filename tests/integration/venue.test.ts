/**
 * The venue link over real TLS on 127.0.0.1: a host, stations that pair with a code and pin the
 * host certificate's fingerprint, roles, revocation, and who did what in the audit log.
 */
import { request } from 'node:https';
import { request as httpRequest } from 'node:http';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../preload/contract';
import type { ArgsOf, MethodName, ResultOf } from '../../main/apiTypes';
import type { StationRole } from '../../preload/vocabulary';
import type { VenuePairingCode, VenueStatus } from '../../main/domain/venue/types';
import { createAppRegistry } from '../../main/api';
import { AppContext } from '../../main/context';
import { LOCK_MS, MAX_WRONG_CODES } from '../../main/domain/venue/pairing';
import { venueHub } from '../../main/venue/hub';
import { callHost, fetchPinnedCertificate, pinnedTlsOptions, type StationLink } from '../../main/venue/station';
import { startWebServer } from '../../main/web/server';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();
const opened: AppContext[] = [];
afterEach(async () => {
  for (const ctx of opened.splice(0)) {
    await venueHub(ctx).close();
    ctx.closeAssembly();
  }
});

/** A host with the venue link on loopback, a clock the test can move, and a typed call as the host. */
async function host() {
  let now = Date.now();
  const dataDir = tempDir();
  const ctx = new AppContext('web', dataDir, undefined, () => new Date(now));
  ctx.operator = 'Host Hanne';
  opened.push(ctx);
  const registry = createAppRegistry(() => {});
  async function call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
    const result = await registry.call(method, args, ctx);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.data as ResultOf<M>;
  }
  const status = await call('venue.enable', { port: 0, address: '127.0.0.1' });
  return { ctx, dataDir, call, status, advance: (ms: number) => (now += ms) };
}
type Host = Awaited<ReturnType<typeof host>>;

/** A station: reads the pairing code, pins the certificate, joins; the host approves with a role. */
async function station(h: Host, deviceName: string, person: string, role: StationRole | null): Promise<StationLink & { deviceId: string }> {
  const pairing = await h.call('venue.createPairingCode', {});
  const certPem = await fetchPinnedCertificate(pairing.address, pairing.fingerprint);
  const link: StationLink = { address: pairing.address, fingerprint: pairing.fingerprint, certPem };
  const joined = await callHost(link, 'venue.join', { code: pairing.code, deviceName, person });
  if (!joined.body.ok) throw new Error(joined.body.error.message);
  const { token, deviceId } = joined.body.data as { token: string; deviceId: string };
  if (role) await h.call('venue.approve', { deviceId, role });
  return { ...link, token, deviceId };
}

const ok = <T>(r: { body: ApiResult<unknown> }): T => {
  if (!r.body.ok) throw new Error(`${r.body.error.code} ${r.body.error.message}`);
  return r.body.data as T;
};

/** A raw request on the TLS link (pinned), with any headers an attacker would send. */
function raw(link: StationLink, options: { path?: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string }> {
  const url = new URL(link.address);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: options.path ?? '/rpc',
        method: options.method ?? 'POST',
        headers: options.headers,
        setHost: !options.headers?.Host,
        ...pinnedTlsOptions(link.certPem, link.fingerprint),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the venue link', () => {
  it('is off by default, and generates its certificate once per data folder with a private key', async () => {
    const dataDir = tempDir();
    const ctx = new AppContext('web', dataDir);
    opened.push(ctx);
    const registry = createAppRegistry(() => {});
    const before = await registry.call('venue.status', {}, ctx);
    expect(before).toMatchObject({ ok: true, data: { enabled: false, addresses: [], fingerprint: null } });
    const code = await registry.call('venue.createPairingCode', {}, ctx);
    expect(code).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Let other laptops join') } });
    const on = await registry.call('venue.enable', { port: 0, address: '127.0.0.1' }, ctx);
    if (!on.ok) throw new Error(on.error.message);
    const key = join(dataDir, 'venue', 'host-key.pem');
    expect(statSync(key).mode & 0o777).toBe(0o600);
    const fingerprint = (on.data as VenueStatus).fingerprint;
    expect(fingerprint).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    await registry.call('venue.disable', {}, ctx);
    const again = await registry.call('venue.enable', { port: 0, address: '127.0.0.1' }, ctx);
    expect(again.ok && (again.data as VenueStatus).fingerprint).toBe(fingerprint);
  });

  it('pairs a station: code, pinned certificate, pending until approved, then its role', async () => {
    const h = await host();
    const pairing = await h.call('venue.createPairingCode', {});
    expect(pairing.code).toMatch(/^[34679ACDEFGHJKMNPQRTWXY]{4}-[34679ACDEFGHJKMNPQRTWXY]{4}$/);
    expect(pairing.fingerprint).toBe(h.status.fingerprint);
    expect(pairing.link).toContain(pairing.address);
    expect(pairing.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(Date.parse(pairing.expiresAt) - Date.now()).toBeGreaterThan(4 * 60_000);

    // A certificate with another key is refused by the pin.
    await expect(fetchPinnedCertificate(pairing.address, 'A'.repeat(43) + '=')).rejects.toThrow(/does not match/);
    const certPem = await fetchPinnedCertificate(pairing.address, pairing.fingerprint);
    const link: StationLink = { address: pairing.address, fingerprint: pairing.fingerprint, certPem };

    // Without a token, a device may only ask to join.
    const notYet = await callHost(link, 'app.status');
    expect(notYet.status).toBe(403);
    const joined = ok<{ deviceId: string; token: string; status: string }>(
      await callHost(link, 'venue.join', { code: pairing.code.toLowerCase().replace('-', ' '), deviceName: 'Door tablet NL', person: 'Jana' }),
    );
    expect(joined.status).toBe('pending');
    const device = { ...link, token: joined.token };

    const pending = await callHost(device, 'attendance.roster', { sessionId: 'x' });
    expect(pending.status).toBe(403);
    expect(!pending.body.ok && pending.body.error.message).toContain('waiting for the host to approve');
    expect(ok(await callHost(device, 'venue.me'))).toMatchObject({ status: 'pending', role: null, person: 'Jana', name: 'Door tablet NL' });

    await h.call('venue.approve', { deviceId: joined.deviceId, role: 'desk' });
    await h.call('app.createAssembly', { name: 'Pairing' });
    const seen = ok<{ operator: string; dataDir: string; recent: unknown[]; assembly: { path: string } }>(await callHost(device, 'app.status'));
    expect(seen).toMatchObject({ operator: 'Jana', dataDir: '', recent: [], assembly: { path: 'Pairing.assembly' } });
    expect(h.ctx.operator).toBe('Host Hanne');
    const devices = await h.call('venue.devices', {});
    expect(devices).toEqual([
      expect.objectContaining({ id: joined.deviceId, name: 'Door tablet NL', person: 'Jana', role: 'desk', status: 'approved', lastSeenAt: expect.any(String) }),
    ]);
    // The token is stored only as its hash.
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(h.dataDir, 'venue', 'devices.sqlite'), { readonly: true });
    const stored = JSON.stringify(db.prepare('SELECT * FROM devices').all());
    db.close();
    expect(stored).not.toContain(joined.token.split('.')[1]);
  });

  it('refuses an expired code, a used code, and locks pairing after too many wrong codes', async () => {
    const h = await host();
    const first = await h.call('venue.createPairingCode', {});
    const certPem = await fetchPinnedCertificate(first.address, first.fingerprint);
    const link: StationLink = { address: first.address, fingerprint: first.fingerprint, certPem };
    const join = (code: string) => callHost(link, 'venue.join', { code, deviceName: 'Tablet', person: 'Piet' });

    h.advance(5 * 60_000 + 1);
    const expired = await join(first.code);
    expect(!expired.body.ok && expired.body.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('expired') });

    const second = await h.call('venue.createPairingCode', {});
    expect(ok(await join(second.code))).toMatchObject({ status: 'pending' });
    const reused = await join(second.code);
    expect(!reused.body.ok && reused.body.error.message).toContain('already been used');

    // One wrong attempt since the last success (the reused code); then wrong codes until the lock.
    const third = await h.call('venue.createPairingCode', {});
    for (let i = 1; i < MAX_WRONG_CODES; i++) {
      const wrong = await join('AAAA-AAAA');
      expect(!wrong.body.ok && wrong.body.error.message).toContain('not a pairing code');
    }
    const locked = await join(third.code);
    expect(!locked.body.ok && locked.body.error.message).toContain('paused for a minute');
    expect((await h.call('venue.status', {})).pairingLockedUntil).not.toBeNull();
    h.advance(LOCK_MS + 1);
    expect(ok(await join(third.code))).toMatchObject({ status: 'pending' });
  });

  it('refuses a revoked device on its next call', async () => {
    const h = await host();
    const desk = await station(h, 'Desk FR', 'Marc', 'desk');
    expect((await callHost(desk, 'app.status')).status).toBe(200);
    await h.call('venue.revoke', { deviceId: desk.deviceId });
    const refused = await callHost(desk, 'app.status');
    expect(refused.status).toBe(401);
    expect(!refused.body.ok && refused.body.error.message).toContain('revoked');
    const approveAgain = await createAppRegistry(() => {}).call('venue.approve', { deviceId: desk.deviceId, role: 'desk' }, h.ctx);
    expect(approveAgain).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('keeps files and the venue administration for the host: a desk is refused, naming its role', async () => {
    const h = await host();
    await h.call('app.createAssembly', { name: 'Venue' });
    const desk = await station(h, 'Desk NL', 'Jana', 'desk');
    const stage = await callHost(desk, 'imports.stageFile', { path: '/etc/passwd' });
    expect(stage.status).toBe(403);
    expect(!stage.body.ok && stage.body.error).toMatchObject({ code: 'FORBIDDEN', message: 'A desk station cannot open or change files: only the host laptop can.' });
    expect(JSON.stringify(stage.body)).not.toContain('root:');
    const target = join(h.dataDir, 'stolen.assembly');
    const copy = await callHost(desk, 'app.saveCopy', { path: target });
    expect(copy.status).toBe(403);
    expect(existsSync(target)).toBe(false);
    const admin = await callHost(desk, 'venue.approve', { deviceId: desk.deviceId, role: 'secretariat' });
    expect(!admin.body.ok && admin.body.error.message).toContain('A desk station cannot manage the venue link');
    const people = await callHost(desk, 'people.list', {});
    expect(!people.body.ok && people.body.error.message).toBe('A desk station cannot call people.list: it needs the secretariat role, given at the host laptop.');
    // The role is checked before the arguments: no field of a refused call is reported.
    const bogus = await callHost(desk, 'backups.restore', { nonsense: true });
    expect(!bogus.body.ok && bogus.body.error.code).toBe('FORBIDDEN');
    // A secretariat may not upload a file by path either, but an upload by content is let through.
    const secretariat = await station(h, 'Office', 'Sara', 'secretariat');
    expect((await callHost(secretariat, 'app.openDemo', {})).status).toBe(403);
    const viewer = await station(h, 'Room screen', 'Screen', 'viewer');
    const upload = await raw(viewer, {
      path: '/rpc?upload=imports.stage',
      headers: { 'Content-Type': 'application/json', 'X-Assembly-Token': viewer.token! },
      body: JSON.stringify({ method: 'imports.stage', args: { fileName: 'a.csv', contentBase64: 'YQ==' } }),
    });
    expect(upload.status).toBe(403);
  });

  it('gives a counting station one slot of the double entry when the host says so', async () => {
    const h = await host();
    await h.call('app.createAssembly', { name: 'Counting' });
    const first = await station(h, 'Counting 1', 'Ines', null);
    const approved = await h.call('venue.approve', { deviceId: first.deviceId, role: 'counting', slot: 1 });
    expect(approved).toMatchObject({ role: 'counting', slot: 1 });
    const counts = { ballotId: 'no-such-ballot', counts: {} };
    const other = await callHost(first, 'voting.enterCounts', { ...counts, slot: 2 });
    expect(other.status).toBe(403);
    expect(!other.body.ok && other.body.error.message).toBe('This counting station enters count 1 only: the other count is entered on another device.');
    // Its own slot reaches the handler (which then finds no such ballot, or refuses the counts).
    const own = await callHost(first, 'voting.enterCounts', { ...counts, slot: 1 });
    expect(!own.body.ok && own.body.error.code).not.toBe('FORBIDDEN');
    expect(ok(await callHost(first, 'venue.me'))).toMatchObject({ role: 'counting', slot: 1 });
  });

  it('records each desk’s own person and device on check-ins and in the audit log', async () => {
    const h = await host();
    await h.call('app.createAssembly', { name: 'Two desks', panelSize: 12 });
    const rows = ['first name,last name', 'Ann,Peeters', 'Bart,Claes', 'Chloé,Dubois', 'Dirk,Maes'];
    const staged = await h.call('imports.stage', { fileName: 'pool.csv', contentBase64: Buffer.from(rows.join('\n')).toString('base64') });
    await h.call('imports.commit', { uploadId: staged.uploadId, mapping: staged.mapping, mode: 'allOrNothing' });
    const list = await h.call('people.list', { limit: 10 });
    for (const p of list.rows) {
      await h.call('people.setStatus', { id: p.id, status: 'selected' });
      await h.call('people.setStatus', { id: p.id, status: 'confirmed' });
    }
    const today = new Date().toISOString().slice(0, 10);
    const session = await h.call('sessions.create', { name: 'Today', date: today, startTime: '00:00', endTime: '23:59', kind: 'plenary' });

    const nl = await station(h, 'Desk NL', 'Jana', 'desk');
    const fr = await station(h, 'Desk FR', 'Marc', 'desk');
    const [a, b, c, d] = list.rows;
    // Interleaved, as two desks at the door would.
    const results = await Promise.all([
      callHost(nl, 'attendance.checkIn', { sessionId: session.id, personId: a!.id }),
      callHost(fr, 'attendance.checkIn', { sessionId: session.id, personId: b!.id }),
      callHost(nl, 'attendance.checkIn', { sessionId: session.id, personId: c!.id }),
      callHost(fr, 'attendance.checkIn', { sessionId: session.id, personId: d!.id }),
    ]);
    for (const r of results) ok(r);

    const events = await h.call('attendance.events', { sessionId: session.id });
    const byPerson = new Map(events.map((e) => [e.personId, e]));
    expect(byPerson.get(a!.id)).toMatchObject({ operator: 'Jana', device: 'Desk NL' });
    expect(byPerson.get(b!.id)).toMatchObject({ operator: 'Marc', device: 'Desk FR' });
    expect(byPerson.get(d!.id)).toMatchObject({ operator: 'Marc', device: 'Desk FR' });

    const stationRows = (await h.call('audit.list', {})).filter((r) => r.deviceId !== null);
    expect(stationRows.length).toBeGreaterThanOrEqual(4);
    for (const r of stationRows) {
      if (r.deviceId === nl.deviceId) expect(r).toMatchObject({ operator: 'Jana', device: 'Desk NL' });
      else expect(r).toMatchObject({ deviceId: fr.deviceId, operator: 'Marc', device: 'Desk FR' });
    }
    expect(new Set(stationRows.map((r) => r.operator))).toEqual(new Set(['Jana', 'Marc']));
    // The host's own changes name the host's device, with no station id.
    const hostRows = (await h.call('audit.list', {})).filter((r) => r.operator === 'Host Hanne');
    expect(hostRows.length).toBeGreaterThan(0);
    expect(hostRows.every((r) => r.deviceId === null && typeof r.device === 'string')).toBe(true);
    // The host's operator is unchanged by the stations.
    expect(h.ctx.operator).toBe('Host Hanne');
  });

  it('keeps every check of the web server on the TLS link', async () => {
    const h = await host();
    const desk = await station(h, 'Desk', 'Jana', 'desk');
    const port = new URL(desk.address).port;
    const json = { 'Content-Type': 'application/json' };
    const statusCall = JSON.stringify({ method: 'app.status', args: {} });
    const call = (headers: Record<string, string>, body = statusCall, path?: string) => raw(desk, { headers: { ...json, ...headers }, body, path });

    expect((await call({ 'X-Assembly-Token': desk.token! })).status).toBe(200);
    expect((await call({})).status).toBe(403); // no token: only venue.join
    const [id, secret] = desk.token!.split('.');
    const wrong = await call({ 'X-Assembly-Token': `${id}.${secret!.slice(0, -1)}${secret!.endsWith('x') ? 'y' : 'x'}` });
    expect(wrong.status).toBe(401);
    expect((await call({ 'X-Assembly-Token': 'garbage' })).status).toBe(401);
    // The token in a cookie does not count (CSRF).
    expect((await call({ Cookie: `token=${desk.token}` })).status).toBe(403);
    expect((await call({ 'X-Assembly-Token': desk.token!, Host: `evil.example:${port}` })).status).toBe(421);
    expect((await call({ 'X-Assembly-Token': desk.token!, Origin: 'https://evil.example' })).status).toBe(403);
    expect((await call({ 'X-Assembly-Token': desk.token!, Origin: `http://127.0.0.1:${port}` })).status).toBe(403);
    expect((await call({ 'X-Assembly-Token': desk.token!, Origin: `https://127.0.0.1:${port}` })).status).toBe(200);
    expect((await call({ 'X-Assembly-Token': desk.token!, 'Content-Type': 'text/plain' })).status).toBe(415);
    const big = JSON.stringify({ method: 'app.status', args: { pad: 'x'.repeat(2 * 1024 * 1024) } });
    expect((await call({ 'X-Assembly-Token': desk.token! }, big)).status).toBe(413);
    expect((await raw(desk, { method: 'GET', headers: { 'X-Assembly-Token': desk.token! } })).status).toBe(405);
    // Plain HTTP on the TLS port gets nothing.
    const plain = await new Promise<number | string>((resolve) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/rpc', method: 'POST', headers: json }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', (e) => resolve(e.message));
      req.end(statusCall);
    });
    expect(plain === 400 || typeof plain === 'string').toBe(true);
  });

  it('bound to every interface, answers to the machine’s own addresses over TLS, still not to other names', async () => {
    let now = Date.now();
    const ctx = new AppContext('web', tempDir(), undefined, () => new Date(now));
    opened.push(ctx);
    const registry = createAppRegistry(() => {});
    const onResult = await registry.call('venue.enable', { port: 0 }, ctx);
    if (!onResult.ok) throw new Error(onResult.error.message);
    const on = { data: onResult.data as VenueStatus };
    now += 1;
    const codeResult = await registry.call('venue.createPairingCode', {}, ctx);
    if (!codeResult.ok) throw new Error(codeResult.error.message);
    const code = { data: codeResult.data as VenuePairingCode };
    const lanHost = new URL(code.data.address).host;
    // Sent to loopback, naming the machine by its network address as a station would.
    const loopback: StationLink = { address: `https://127.0.0.1:${on.data.port}`, fingerprint: code.data.fingerprint, certPem: '' };
    loopback.certPem = await fetchPinnedCertificate(loopback.address, loopback.fingerprint);
    const headers = { 'Content-Type': 'application/json' };
    const body = JSON.stringify({ method: 'venue.join', args: { code: code.data.code, deviceName: 'Tablet', person: 'Ann' } });
    const rebinding = await raw(loopback, { headers: { ...headers, Host: `attacker.example:${on.data.port}` }, body });
    expect(rebinding.status).toBe(421);
    const fromLan = await raw(loopback, { headers: { ...headers, Host: lanHost, Origin: `https://${lanHost}` }, body });
    expect(fromLan.status).toBe(200);
  });

  it('serves plain HTTP on loopback only', async () => {
    const dir = tempDir();
    await expect(startWebServer({ registry: createAppRegistry(() => {}), ctx: new AppContext('web', dir), staticDir: dir, host: '0.0.0.0' })).rejects.toThrow(/loopback only/);
  });
});
