import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppRegistry } from '../../main/api';
import { AppContext } from '../../main/context';
import { startWebServer, type RunningWebServer } from '../../main/web/server';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();
let running: RunningWebServer | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

async function start(maxBodyBytes?: number) {
  const dir = tempDir();
  const staticDir = join(dir, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Assembly Desk</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'not for the web');
  const ctx = new AppContext('web', join(dir, 'data'));
  running = await startWebServer({ registry: createAppRegistry(() => {}), ctx, staticDir, maxBodyBytes });
  return running;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests can send the headers a browser or an attacker would. */
function send(server: RunningWebServer, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  const url = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method: options.method ?? 'GET', path: options.path ?? '/', headers: options.headers, setHost: !options.headers?.Host },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const rpc = (server: RunningWebServer, payload: unknown, headers: Record<string, string> = {}) =>
  send(server, {
    method: 'POST',
    path: '/rpc',
    headers: { 'Content-Type': 'application/json', 'X-Assembly-Token': server.token, ...headers },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });

describe('web mode server', () => {
  it('binds to loopback and prints an address carrying a long random token', async () => {
    const server = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    const address = server.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
    const other = await startWebServer({ registry: createAppRegistry(), ctx: new AppContext('web', tempDir()), staticDir: tempDir() });
    expect(other.token).not.toBe(server.token);
    await other.close();
  });

  it('answers an API call made with the token', async () => {
    const server = await start();
    const reply = await rpc(server, { method: 'app.status', args: {} });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, data: { transport: 'web', assembly: null } });
    expect(reply.headers['cache-control']).toBe('no-store');
  });

  it('refuses a call without the token, or with a wrong one', async () => {
    const server = await start();
    const none = await send(server, { method: 'POST', path: '/rpc', headers: { 'Content-Type': 'application/json' }, body: '{"method":"app.status"}' });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body).error.message).toContain('access token');
    // One character changed (never to itself: a token ending in "x" once made this test pass a right token).
    const last = server.token.slice(-1) === 'x' ? 'y' : 'x';
    const wrong = await rpc(server, { method: 'app.status' }, { 'X-Assembly-Token': `${server.token.slice(0, -1)}${last}` });
    expect(wrong.status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin (another site)', async () => {
    const server = await start();
    const port = new URL(server.origin).port;
    const rebinding = await rpc(server, { method: 'app.status' }, { Host: `evil.example:${port}` });
    expect(rebinding.status).toBe(421);
    expect(JSON.parse(rebinding.body).error.code).toBe('FORBIDDEN');
    const crossSite = await rpc(server, { method: 'app.status' }, { Origin: 'http://evil.example' });
    expect(crossSite.status).toBe(403);
    expect(JSON.parse(crossSite.body).error.message).toContain('other sites');
    const sameOrigin = await rpc(server, { method: 'app.status' }, { Origin: server.origin });
    expect(sameOrigin.status).toBe(200);
  });

  it('answers an unknown method with 404 and a clear message', async () => {
    const server = await start();
    const reply = await rpc(server, { method: 'people.deleteEverything', args: {} });
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD', message: expect.stringContaining('people.deleteEverything') } });
  });

  it('answers malformed JSON with 400 and the parser message, and a wrong shape with 400', async () => {
    const server = await start();
    const bad = await rpc(server, '{"method": "app.status",');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toMatch(/not valid JSON/);
    const shape = await rpc(server, ['app.status']);
    expect(shape.status).toBe(400);
    expect(JSON.parse(shape.body).error.message).toContain('{"method"');
  });

  it('limits the body size, whether the client declares its length or streams it', async () => {
    const server = await start(1000);
    const streamed = await rpc(server, { method: 'app.setOperator', args: { name: 'x'.repeat(2000) } });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body).error.message).toContain('larger than 1000 bytes');
    const body = JSON.stringify({ method: 'app.setOperator', args: { name: 'y'.repeat(2000) } });
    const declared = await rpc(server, body, { 'Content-Length': String(Buffer.byteLength(body)) });
    expect(declared.status).toBe(413);
    expect((await rpc(server, { method: 'app.status', args: {} })).status).toBe(200);
  });

  it('lets only a file upload, announced in the address, past the ordinary size limit', async () => {
    const server = await start(1000);
    const post = (path: string, payload: unknown) =>
      send(server, {
        method: 'POST',
        path,
        headers: { 'Content-Type': 'application/json', 'X-Assembly-Token': server.token },
        body: JSON.stringify(payload),
      });
    const file = Buffer.from('first name,last name\n' + 'An,Peeters\n'.repeat(200)).toString('base64');
    const upload = { method: 'imports.stage', args: { fileName: 'pool.csv', contentBase64: file } };
    // Past the limit, the size is no longer the problem: there is no assembly open.
    const announced = await post('/rpc?upload=imports.stage', upload);
    expect(JSON.parse(announced.body).error.code).toBe('NO_ASSEMBLY_OPEN');
    expect((await post('/rpc', upload)).status).toBe(413);
    const mismatch = await post('/rpc?upload=imports.stage', { method: 'app.setOperator', args: { name: 'x'.repeat(2000) } });
    expect(mismatch.status).toBe(400);
    expect(JSON.parse(mismatch.body).error.message).toContain('announces imports.stage');
    const notAnUpload = await post('/rpc?upload=app.setOperator', { method: 'app.setOperator', args: { name: 'x'.repeat(2000) } });
    expect(notAnUpload.status).toBe(400);
  });

  it('serves plain HTTP on loopback only: other laptops use the venue link (TLS, tests/integration/venue.test.ts)', async () => {
    const dir = tempDir();
    for (const host of ['0.0.0.0', '::']) {
      await expect(startWebServer({ registry: createAppRegistry(() => {}), ctx: new AppContext('web', dir), staticDir: dir, host })).rejects.toThrow(/loopback only/);
    }
  });

  it('serves files whatever way the folder is written (trailing slash)', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'ui'));
    writeFileSync(join(dir, 'ui', 'index.html'), '<!doctype html><title>ok</title>');
    const server = await startWebServer({ registry: createAppRegistry(() => {}), ctx: new AppContext('web', dir), staticDir: `${join(dir, 'ui')}/` });
    try {
      expect((await send(server, { path: '/' })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('requires POST and JSON for the API', async () => {
    const server = await start();
    expect((await send(server, { path: '/rpc' })).status).toBe(405);
    const form = await send(server, { method: 'POST', path: '/rpc', headers: { 'Content-Type': 'text/plain', 'X-Assembly-Token': server.token }, body: '{}' });
    expect(form.status).toBe(415);
  });

  it('serves the built interface with a CSP, and nothing outside it', async () => {
    const server = await start();
    const index = await send(server, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.body).toContain('Assembly Desk');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await send(server, { path: '/assets/app.js' })).headers['content-type']).toContain('javascript');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const reply = await send(server, { path });
      expect(reply.status, path).not.toBe(200);
      expect(reply.body).not.toContain('not for the web');
    }
    expect((await send(server, { path: '/nothing.js' })).status).toBe(404);
  });

  it('runs a whole session flow over HTTP', async () => {
    const server = await start();
    await rpc(server, { method: 'app.setOperator', args: { name: 'Desk 1' } });
    const created = JSON.parse((await rpc(server, { method: 'app.createAssembly', args: { name: 'Web' } })).body);
    expect(created.ok).toBe(true);
    const session = JSON.parse(
      (await rpc(server, { method: 'sessions.create', args: { name: 'Day 1', date: '2027-03-06', startTime: '09:30', endTime: '17:00', kind: 'plenary' } })).body,
    );
    expect(session).toMatchObject({ ok: true, data: { name: 'Day 1' } });
    const list = JSON.parse((await rpc(server, { method: 'sessions.list', args: {} })).body);
    expect(list.data).toHaveLength(1);
  });
});
