/**
 * Electron smoke test: launches the real app with Playwright and checks the start screen and
 * the isolation of the page. Needs the Electron binary (and a display, the built renderer and
 * the Electron build of better-sqlite3); without them the suite is skipped with one printed
 * line saying exactly why (ARCHITECTURE.md, "Native module, Electron and tests").
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElectronApplication, Page } from '@playwright/test';

const root = fileURLToPath(new URL('../../', import.meta.url));
const nodeRequire = createRequire(import.meta.url);
const NATIVE_BINDING = join(root, '.electron-native', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

const firstLine = (e: unknown): string => String((e as Error)?.message ?? e).split('\n')[0]!.trim();

/** Why the suite cannot run here, or null when it can. */
function skipReason(): string | null {
  let binary: unknown;
  try {
    // From Node, the electron package exports the path of the downloaded binary.
    binary = nodeRequire('electron');
  } catch (e) {
    return process.env.ELECTRON_SKIP_BINARY_DOWNLOAD
      ? 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD is set)'
      : `Electron binary not installed (require('electron') failed: the binary download was skipped or blocked; ${firstLine(e)})`;
  }
  if (typeof binary !== 'string' || !existsSync(binary)) return `Electron binary not found at ${String(binary)}`;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'no display (DISPLAY and WAYLAND_DISPLAY are unset; run the tests under xvfb-run)';
  }
  if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) {
    return 'renderer not built (out/renderer/index.html is missing; build the renderer first)';
  }
  if (!existsSync(NATIVE_BINDING)) {
    return 'Electron build of better-sqlite3 missing (run "npm run build:electron-native")';
  }
  return null;
}

const reason = skipReason();
if (reason) console.log(`${reason}; skipping Electron smoke test`);

(reason ? describe.skip : describe)('Electron app (smoke)', () => {
  let app: ElectronApplication;
  let page: Page;
  let home: string;

  beforeAll(async () => {
    // Always test the current sources: the bundle build takes about a second.
    execFileSync(process.execPath, [join(root, 'scripts', 'build-electron.mjs')], { cwd: root, stdio: 'inherit' });
    home = mkdtempSync(join(tmpdir(), 'assembly-desk-electron-'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    delete env.ELECTRON_RUN_AS_NODE;
    env.ASSEMBLY_DESK_HOME = home;

    const { _electron } = await import('@playwright/test');
    app = await _electron.launch({ args: [join(root, 'out', 'main', 'electron.cjs')], cwd: root, env, timeout: 60_000 });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  }, 90_000);

  afterAll(async () => {
    await app?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it('loads the renderer from app://assembly and shows the start screen', async () => {
    expect(page.url()).toMatch(/^app:\/\/assembly\//);
    await page.getByText('Assembly Desk').first().waitFor({ state: 'visible', timeout: 20_000 });
  });

  it('gives the page window.assembly and nothing of Node or Electron', async () => {
    const seen = await page.evaluate(() => {
      // Runs in the page (tsconfig.main has no DOM types, hence globalThis).
      const w = globalThis as unknown as Record<string, unknown> & { assembly?: Record<string, Record<string, unknown>> };
      const api = w.assembly ?? {};
      return {
        domains: Object.keys(api).sort(),
        appFunctions: Object.values(api.app ?? {}).map((f) => typeof f),
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
        Buffer: typeof w.Buffer,
        ipcRenderer: typeof w.ipcRenderer,
        electron: typeof w.electron,
      };
    });
    expect(seen.domains).toEqual(expect.arrayContaining(['app', 'audit', 'pool', 'sessions']));
    expect(seen.appFunctions.length).toBeGreaterThan(0);
    expect(seen.appFunctions.every((t) => t === 'function')).toBe(true);
    expect(seen).toMatchObject({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined', ipcRenderer: 'undefined', electron: 'undefined' });
  });

  it('answers an API call over IPC from the trusted page', async () => {
    const status = await page.evaluate(() =>
      (globalThis as unknown as { assembly: { app: { status: (a: object) => Promise<unknown> } } }).assembly.app.status({}),
    );
    expect(status).toMatchObject({ ok: true, data: { transport: 'electron', dataDir: home } });
  });

  it('refuses to navigate away or open windows', async () => {
    type PageWindow = { open: (url: string) => unknown; location: { href: string } };
    const opened = await page.evaluate(() => (globalThis as unknown as PageWindow).open('https://example.com/') === null);
    expect(opened).toBe(true);
    await page.evaluate(() => {
      (globalThis as unknown as PageWindow).location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/assembly\//);
    expect(app.windows()).toHaveLength(1);
  });

  it('joins a host at the venue in a window of its own that trusts only the pinned certificate', async () => {
    // A host in this process: the venue link on loopback, serving the built renderer.
    const { AppContext } = await import('../../main/context');
    const { venueHub } = await import('../../main/venue/hub');
    const { loadOrCreateCertificate } = await import('../../main/venue/tls');
    const hostDir = mkdtempSync(join(tmpdir(), 'assembly-desk-host-'));
    const ctx = new AppContext('web', hostDir);
    const hub = venueHub(ctx);
    hub.staticDir = join(root, 'out', 'renderer');
    try {
      await hub.enable({ port: 0, address: '127.0.0.1' });
      const pairing = await hub.createPairingCode();
      const openStation = (link: string) =>
        page.evaluate((l) => (globalThis as unknown as { assembly: { venue: { openStation: (a: object) => Promise<unknown> } } }).assembly.venue.openStation({ link: l }), link);

      // Pinned to another key: the window opens, but the host's page is refused.
      const other = await loadOrCreateCertificate(join(hostDir, 'other'));
      const wrong = pairing.link.replace(/#spki=.*$/, `#spki=${encodeURIComponent(other.fingerprint)}`);
      const wrongWindow = app.waitForEvent('window');
      expect(await openStation(wrong)).toMatchObject({ ok: true });
      const refused = await wrongWindow;
      await refused.waitForTimeout(2000);
      expect(await refused.getByRole('heading', { name: 'Join an assembly at this venue' }).count()).toBe(0);

      // The link's own pin: the host's station page, without Node or this laptop's preload.
      const rightWindow = app.waitForEvent('window');
      expect(await openStation(pairing.link)).toMatchObject({ ok: true });
      const station = await rightWindow;
      await station.getByRole('heading', { name: 'Join an assembly at this venue' }).waitFor({ state: 'visible', timeout: 20_000 });
      expect(station.url()).toMatch(/^https:\/\/127\.0\.0\.1:\d+\//);
      expect(await station.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require)).toBe('undefined');
    } finally {
      await hub.close();
      rmSync(hostDir, { recursive: true, force: true });
    }
  }, 60_000);
});
