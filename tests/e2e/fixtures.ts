/**
 * Fixtures for the end-to-end tests.
 *
 * `server`: the real web-mode server (main/web/start.ts) with a fresh temporary data folder,
 * started once per test FILE (the tests of a file may build on each other's data) and
 * stopped when the next file starts or the worker ends. `appUrl` is the address it printed,
 * token included. `consoleErrors` collects the page's console errors and uncaught exceptions
 * (CSP violations show up there) so tests can assert there are none.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface WebServer {
  url: string;
  origin: string;
  dataDir: string;
  /** Everything the server wrote, for failure messages. */
  output: () => string;
}

interface RunningServer extends WebServer {
  file: string;
  stop: () => Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;

async function startServer(file: string, clock: string | undefined): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'assembly-desk-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      'node_modules/tsx/dist/cli.mjs',
      'main/web/start.ts',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--no-build',
      ...(process.env.E2E_STATIC_DIR ? ['--static-dir', process.env.E2E_STATIC_DIR] : []),
      ...(clock ? ['--test-clock', clock] : []),
    ],
    { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test' } },
  );
  let out = '';
  const output = () => out;
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (out += chunk));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The web server did not print its address within ${READY_TIMEOUT_MS} ms. Output:\n${out}`)), READY_TIMEOUT_MS);
    let pending = '';
    child.stdout?.on('data', (chunk: string) => {
      out += chunk;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const m = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(line);
        if (line.includes('http://127.0.0.1:') && m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      }
    });
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The web server exited (code ${code}, signal ${signal}) before it was ready. Output:\n${out}`));
    });
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5_000));
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  return { file, url, origin: new URL(url).origin, dataDir, output, stop };
}

export const test = base.extend<
  { server: WebServer; appUrl: string; consoleErrors: string[] },
  { serverForFile: { current: RunningServer | null }; serverClock: string | undefined }
>({
  // A spec may start its server at a given instant (`test.use({ serverClock: '2027-01-18T09:00:00Z' })`
  // at the top of the file): the server's clock then runs on from there.
  serverClock: [undefined, { option: true, scope: 'worker' }],

  serverForFile: [
    async ({}, use) => {
      const holder: { current: RunningServer | null } = { current: null };
      await use(holder);
      await holder.current?.stop();
    },
    { scope: 'worker' },
  ],

  server: async ({ serverForFile, serverClock }, use, testInfo) => {
    if (serverForFile.current?.file !== testInfo.file) {
      await serverForFile.current?.stop();
      serverForFile.current = null;
      serverForFile.current = await startServer(testInfo.file, serverClock);
    }
    await use(serverForFile.current);
  },

  appUrl: async ({ server }, use) => {
    await use(server.url);
  },

  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
    await use(errors);
  },
});

export { expect };

/** Where screenshots for people to look at go (gitignored). */
export const ARTIFACTS_DIR = join('tests', 'artifacts');

export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
}
