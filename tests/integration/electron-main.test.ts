/**
 * The Electron entry (main/electron.ts) under plain Node: the real Electron binary is not needed.
 *
 * The `electron` module is replaced by a small fake that records what the entry does with it
 * and, like Electron, refuses windows, sessions and protocol handlers before `ready` and a
 * privileged-scheme registration after it. The rest is real: security rules, IPC, registry,
 * SQLite. Each scenario imports the entry afresh (it runs on import).
 *
 * main/electron.ts finds its files next to its bundle (out/main/electron.cjs): out/preload,
 * out/renderer and, in development, .electron-native/ in the project root. Here it runs from
 * source, so it is told that it is the bundle of a temporary copy of that layout, where the
 * test puts a renderer page and (or not) the native binding. For the binding, the Node build
 * of better-sqlite3 stands in for the Electron build.
 */
import { EventEmitter } from 'node:events';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions, CustomScheme } from 'electron';
import { APP_ENTRY_URL, CONTENT_SECURITY_POLICY, secureWebPreferences, stationWebPreferences } from '../../main/security';
import { loadOrCreateCertificate } from '../../main/venue/tls';
import { stationPartition } from '../../main/venue/stationPin';

/** Where main/electron.ts believes its bundle is (set per scenario). */
const bundle = vi.hoisted(() => ({ file: '' }));

vi.mock('node:url', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:url')>();
  const entryUrl = new URL('../../main/electron.ts', import.meta.url).href;
  return {
    ...real,
    fileURLToPath: (...args: Parameters<typeof real.fileURLToPath>) =>
      bundle.file && String(args[0]) === entryUrl ? bundle.file : real.fileURLToPath(...args),
  };
});

const NODE_BINDING = join(
  dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')),
  'build',
  'Release',
  'better_sqlite3.node',
);
const INDEX_HTML = '<!doctype html><title>Assembly Desk (test page)</title>';
const SECRET = 'not for the renderer';

// ---------------------------------------------------------------------------------------
// The fake electron module.
// ---------------------------------------------------------------------------------------

type ProtocolHandler = (request: Pick<Request, 'method' | 'url'>) => Promise<Response>;
type IpcHandler = (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => Promise<unknown>;
type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type BeforeRequestHandler = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;
type VerifyProc = (request: { hostname: string; certificate: { data: string } }, callback: (result: number) => void) => void;

function createFakeElectron({ singleInstance = true } = {}) {
  let isReady = false;
  let resolveReady = () => {};
  const whenReady = new Promise<void>((resolve) => (resolveReady = resolve));
  const mustBeReady = (what: string) => {
    if (!isReady) throw new Error(`${what} cannot be used before the app is ready`);
  };

  /** What the entry handed to Electron. */
  const registered = {
    schemes: [] as CustomScheme[],
    protocol: new Map<string, ProtocolHandler>(),
    ipc: new Map<string, IpcHandler>(),
    permissionRequest: undefined as PermissionRequestHandler | undefined,
    permissionCheck: undefined as ((...args: unknown[]) => boolean) | undefined,
    devicePermission: undefined as ((...args: unknown[]) => boolean) | undefined,
    beforeRequest: undefined as BeforeRequestHandler | undefined,
    /** Sessions made with session.fromPartition (the station window's), by partition name. */
    partitions: new Map<string, ReturnType<typeof fakeSession>>(),
  };

  function fakeSession() {
    const handlers = {
      permissionRequest: undefined as PermissionRequestHandler | undefined,
      permissionCheck: undefined as ((...args: unknown[]) => boolean) | undefined,
      devicePermission: undefined as ((...args: unknown[]) => boolean) | undefined,
      beforeRequest: undefined as BeforeRequestHandler | undefined,
      verify: undefined as VerifyProc | undefined,
    };
    return {
      handlers,
      setPermissionRequestHandler: (handler: PermissionRequestHandler) => void (handlers.permissionRequest = handler),
      setPermissionCheckHandler: (handler: () => boolean) => void (handlers.permissionCheck = handler),
      setDevicePermissionHandler: (handler: () => boolean) => void (handlers.devicePermission = handler),
      setCertificateVerifyProc: (proc: VerifyProc) => void (handlers.verify = proc),
      webRequest: { onBeforeRequest: (handler: BeforeRequestHandler) => void (handlers.beforeRequest = handler) },
    };
  }

  const paths = new Map([['appData', join(tmpdir(), 'assembly-desk-fake-appData')]]);
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    whenReady: vi.fn(() => whenReady),
    getPath: (name: string) => paths.get(name) ?? '',
    setPath: vi.fn((name: string, value: string) => void paths.set(name, value)),
    setName: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => singleInstance),
    enableSandbox: vi.fn(),
    commandLine: { appendSwitch: vi.fn() },
    exit: vi.fn(),
    quit: vi.fn(),
  });

  const windows: FakeWindow[] = [];
  class FakeWindow extends EventEmitter {
    static getAllWindows = () => [...windows];
    readonly webContents = Object.assign(new EventEmitter(), { reload: vi.fn() });
    readonly loadURL = vi.fn(async (_url: string) => {});
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    readonly isMinimized = () => false;
    private destroyed = false;
    readonly isDestroyed = () => this.destroyed;
    readonly close = vi.fn(() => {
      this.destroyed = true;
      this.emit('closed');
    });
    constructor(readonly options: BrowserWindowConstructorOptions) {
      super();
      mustBeReady('new BrowserWindow()');
      windows.push(this);
    }
  }

  // An emitter, as Electron's session is: the entry listens for 'will-download' on it.
  const defaultSession = Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: (handler: PermissionRequestHandler) => void (registered.permissionRequest = handler),
    setPermissionCheckHandler: (handler: () => boolean) => void (registered.permissionCheck = handler),
    setDevicePermissionHandler: (handler: () => boolean) => void (registered.devicePermission = handler),
    webRequest: { onBeforeRequest: (handler: BeforeRequestHandler) => void (registered.beforeRequest = handler) },
  });

  const module = {
    app,
    BrowserWindow: FakeWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: CustomScheme[]) => {
        if (isReady) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
        registered.schemes.push(...schemes);
      },
      handle: (scheme: string, handler: ProtocolHandler) => {
        mustBeReady('protocol.handle');
        registered.protocol.set(scheme, handler);
      },
    },
    session: {
      get defaultSession() {
        mustBeReady('session.defaultSession');
        return defaultSession;
      },
      fromPartition: (name: string) => {
        mustBeReady('session.fromPartition');
        if (!registered.partitions.has(name)) registered.partitions.set(name, fakeSession());
        return registered.partitions.get(name)!;
      },
    },
    ipcMain: {
      handle: vi.fn((channel: string, handler: IpcHandler) => void registered.ipc.set(channel, handler)),
      removeHandler: vi.fn(),
    },
    dialog: {
      showErrorBox: vi.fn(),
      showMessageBox: vi.fn(async () => ({ response: 0 })),
      showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
    },
    Menu: { buildFromTemplate: vi.fn((template: unknown[]) => ({ template })), setApplicationMenu: vi.fn() },
    shell: { openExternal: vi.fn() },
  };

  return {
    module,
    registered,
    windows,
    /** Emits `ready` and lets the entry's start-up run. */
    async ready() {
      isReady = true;
      resolveReady();
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}
type FakeElectron = ReturnType<typeof createFakeElectron>;

// ---------------------------------------------------------------------------------------
// Scenario set-up.
// ---------------------------------------------------------------------------------------

const made: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};
let home = '';

beforeAll(() => {
  home = tempDir('assembly-desk-electron-home-');
  // French in Settings: Chromium must be started in fr-BE (date fields).
  writeFileSync(join(home, 'settings.json'), JSON.stringify({ language: 'fr' }));
  vi.stubEnv('ASSEMBLY_DESK_HOME', home);
  // Refused frames and navigations are logged: keep the output readable.
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterAll(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  for (const dir of made.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Windows cannot delete the copied addon while this process has it loaded: left to the OS.
    }
  }
});

/**
 * Lays out a temporary copy of the bundle's surroundings, then imports main/electron.ts afresh
 * against a new fake electron (before `ready`).
 */
async function loadEntry(options: { binding: 'node build' | 'missing' | 'unloadable'; singleInstance?: boolean }) {
  const root = tempDir('assembly-desk-electron-root-');
  mkdirSync(join(root, 'out', 'renderer'), { recursive: true });
  writeFileSync(join(root, 'out', 'renderer', 'index.html'), INDEX_HTML);
  writeFileSync(join(root, 'out', 'secret.txt'), SECRET);
  const binding = join(root, '.electron-native', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (options.binding !== 'missing') {
    mkdirSync(dirname(binding), { recursive: true });
    if (options.binding === 'node build') copyFileSync(NODE_BINDING, binding);
    else writeFileSync(binding, 'not a native module');
  }
  bundle.file = join(root, 'out', 'main', 'electron.cjs');

  const fake = createFakeElectron({ singleInstance: options.singleInstance });
  vi.resetModules();
  vi.doMock('electron', () => fake.module);
  await import('../../main/electron');
  return { root, fake };
}

// ---------------------------------------------------------------------------------------
// Scenarios.
// ---------------------------------------------------------------------------------------

describe('Electron entry: a normal start', () => {
  let root: string;
  let fake: FakeElectron;

  beforeAll(async () => {
    ({ root, fake } = await loadEntry({ binding: 'node build' }));
    await fake.ready();
    await vi.waitFor(() => expect(fake.windows.length + fake.module.app.exit.mock.calls.length).toBeGreaterThan(0));
  });

  it('starts without an error, in the right data folder, sandboxed, in the language of Settings', () => {
    const { app, dialog } = fake.module;
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
    expect(app.exit).not.toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();
    expect(app.setName).toHaveBeenCalledWith('Assembly Desk');
    expect(app.setPath).toHaveBeenCalledWith('userData', home);
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(app.commandLine.appendSwitch).toHaveBeenCalledWith('lang', 'fr-BE');
  });

  it('registers the app scheme as privileged (standard, secure) before ready', () => {
    // The fake throws (and start-up would fail) if this happened after ready.
    expect(fake.registered.schemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
  });

  it('opens exactly one window, with the secure webPreferences and the bundled preload, on app://assembly', () => {
    expect(fake.windows).toHaveLength(1);
    const win = fake.windows[0]!;
    const preload = join(root, 'out', 'preload', 'index.cjs');
    expect(preload.endsWith(['out', 'preload', 'index.cjs'].join(sep))).toBe(true);
    expect(win.options.webPreferences).toEqual(secureWebPreferences(preload, false));
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(win.loadURL).toHaveBeenCalledExactlyOnceWith(APP_ENTRY_URL);
    // Hidden until painted, then shown.
    expect(win.options.show).toBe(false);
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
  });

  it('installs its own application menu', () => {
    const { Menu } = fake.module;
    expect(Menu.setApplicationMenu).toHaveBeenCalledExactlyOnceWith(Menu.buildFromTemplate.mock.results[0]!.value);
  });

  describe('the app:// protocol', () => {
    const serve = (url: string) => fake.registered.protocol.get('app')!({ method: 'GET', url });

    it.each(['app://assembly/', 'app://assembly/index.html'])('serves index.html for %s, with the CSP', async (url) => {
      const response = await serve(url);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(INDEX_HTML);
      expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
    });

    it.each([
      'app://assembly/../../etc/passwd',
      'app://assembly/../secret.txt',
      'app://assembly/%2e%2e/secret.txt',
      'app://assembly/..%2fsecret.txt',
      'app://assembly/%2e%2e%2fsecret.txt',
      'app://assembly/..%5csecret.txt',
      'app://assembly/..\\secret.txt',
    ])('never serves a file outside out/renderer for %s (404 as given)', async (url) => {
      const asGiven = await serve(url);
      expect(asGiven.status).toBe(404);
      expect(await asGiven.text()).not.toContain(SECRET);
      // Chromium normalises `..` away before the handler sees it, as Request does here
      // (app://assembly/../../etc/passwd becomes app://assembly/etc/passwd): what is left is a
      // path inside the renderer folder that does not exist, so 404 again.
      const normalised = new Request(url).url;
      const response = await serve(normalised);
      expect(await response.text()).not.toContain(SECRET);
      expect(response.status, normalised).toBe(404);
    });

    it('answers 405 to anything but GET and HEAD', async () => {
      const response = await fake.registered.protocol.get('app')!(new Request('app://assembly/index.html', { method: 'POST', body: 'x' }));
      expect(response.status).toBe(405);
    });
  });

  describe('the rpc channel', () => {
    const call = (senderFrame: { url: string } | null) => fake.registered.ipc.get('rpc')!({ senderFrame }, 'app.status', {});

    it('answers the app page', async () => {
      expect(await call({ url: 'app://assembly/index.html' })).toMatchObject({
        ok: true,
        data: { transport: 'electron', dataDir: home },
      });
    });

    it.each([[{ url: 'https://evil.example/' }], [{ url: 'file:///tmp/page.html' }], [null]])(
      'refuses a call from %j with FORBIDDEN',
      async (senderFrame) => {
        expect(await call(senderFrame)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      },
    );
  });

  describe('every web contents', () => {
    function newContents() {
      const contents = Object.assign(new EventEmitter(), {
        setWindowOpenHandler: vi.fn<(handler: (details: { url: string }) => { action: string }) => void>(),
      });
      fake.module.app.emit('web-contents-created', {}, contents);
      return contents;
    }
    const navigation = (url: string) => ({ url, preventDefault: vi.fn() });

    it('opens no window or popup, and hands nothing to the system browser', () => {
      const contents = newContents();
      expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
      const handler = contents.setWindowOpenHandler.mock.calls[0]![0];
      expect(handler({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
      expect(handler({ url: 'app://assembly/index.html' })).toEqual({ action: 'deny' });
      expect(fake.module.shell.openExternal).not.toHaveBeenCalled();
    });

    it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('on %s, stays within app://assembly', (eventName) => {
      const contents = newContents();
      const away = navigation('https://example.org/');
      contents.emit(eventName, away, away.url);
      expect(away.preventDefault).toHaveBeenCalled();
      const toFile = navigation('file:///etc/passwd');
      contents.emit(eventName, toFile, toFile.url);
      expect(toFile.preventDefault).toHaveBeenCalled();
      const withinApp = navigation(APP_ENTRY_URL);
      contents.emit(eventName, withinApp, withinApp.url);
      expect(withinApp.preventDefault).not.toHaveBeenCalled();
    });

    it('refuses to attach a <webview>', () => {
      const attach = navigation('https://example.org/');
      newContents().emit('will-attach-webview', attach, {}, {});
      expect(attach.preventDefault).toHaveBeenCalled();
    });
  });

  describe('the default session', () => {
    it('denies every permission request and check', () => {
      const callback = vi.fn();
      fake.registered.permissionRequest!({}, 'media', callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(fake.registered.permissionCheck!({}, 'clipboard-read')).toBe(false);
      expect(fake.registered.devicePermission!({ deviceType: 'usb' })).toBe(false);
    });

    it.each([
      ['https://example.org/x.js', true],
      ['http://127.0.0.1:5173/', true],
      ['file:///etc/passwd', true],
      ['app://assembly/assets/index.js', false],
      ['data:image/png;base64,AA==', false],
    ])('cancels a request to %s: %s', (url, cancel) => {
      const callback = vi.fn();
      fake.registered.beforeRequest!({ url }, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith({ cancel });
    });

    it('records in the audit log where a download (an export) was saved; a cancelled one records nothing', async () => {
      const rpc = (method: string, args: unknown) => fake.registered.ipc.get('rpc')!({ senderFrame: { url: APP_ENTRY_URL } }, method, args);
      expect(await rpc('app.setOperator', { name: 'Sofie Peeters' })).toMatchObject({ ok: true });
      expect(await rpc('app.createAssembly', { name: 'Downloads', path: join(root, 'downloads.assembly') })).toMatchObject({ ok: true });
      const download = (fileName: string, savePath: string, state: string) => {
        const item = Object.assign(new EventEmitter(), { getFilename: () => fileName, getSavePath: () => savePath });
        fake.module.session.defaultSession.emit('will-download', {}, item);
        item.emit('done', {}, state);
      };
      download('downloads-participants-full-2027-03-14.csv', '/home/desk/Documents/participants.csv', 'completed');
      download('badges-2027-03-14.pdf', '/home/desk/Documents/badges.pdf', 'cancelled');
      const audit = (await rpc('audit.list', { entity: 'export' })) as { ok: true; data: { action: string; operator: string; after: unknown }[] };
      expect(audit.data).toEqual([
        expect.objectContaining({ action: 'export.saved', operator: 'Sofie Peeters', after: { fileName: 'downloads-participants-full-2027-03-14.csv', path: '/home/desk/Documents/participants.csv' } }),
      ]);
      expect(await rpc('app.closeAssembly', {})).toMatchObject({ ok: true });
    });
  });

  describe('"Join an assembly at this venue": the station window', () => {
    const rpc = (method: string, args: unknown) => fake.registered.ipc.get('rpc')!({ senderFrame: { url: APP_ENTRY_URL } }, method, args);

    it('refuses a malformed link with a specific sentence, and opens nothing', async () => {
      const before = fake.windows.length;
      expect(await rpc('venue.openStation', { link: 'https://192.168.1.20:4611/?join=AC3F9KXP' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', i18nKey: 'venue.errors.link.noFingerprint' },
      });
      expect(fake.windows).toHaveLength(before);
    });

    it('opens the host page in its own session, without the preload, trusting only the pinned key on that host', async () => {
      const host = await loadOrCreateCertificate(tempDir('assembly-desk-host-'));
      const impostor = await loadOrCreateCertificate(tempDir('assembly-desk-impostor-'));
      const link = `https://192.168.1.20:4611/?join=AC3F9KXP#spki=${encodeURIComponent(host.fingerprint)}`;
      const before = fake.windows.length;
      expect(await rpc('venue.openStation', { link })).toEqual({ ok: true, data: { origin: 'https://192.168.1.20:4611', fingerprint: host.fingerprint } });
      expect(fake.windows).toHaveLength(before + 1);
      const win = fake.windows.at(-1)!;
      const partition = stationPartition({ origin: 'https://192.168.1.20:4611', fingerprint: host.fingerprint });
      expect(win.options.webPreferences).toEqual(stationWebPreferences(partition, false));
      expect(win.options.webPreferences?.preload).toBeUndefined();
      expect(win.loadURL).toHaveBeenCalledExactlyOnceWith(link);

      const ses = fake.registered.partitions.get(partition)!;
      const verdict = (hostname: string, data: string) => {
        const callback = vi.fn();
        ses.handlers.verify!({ hostname, certificate: { data } }, callback);
        return callback.mock.calls[0]![0];
      };
      expect(verdict('192.168.1.20', host.cert)).toBe(0);
      expect(verdict('192.168.1.20', impostor.cert)).toBe(-2);
      expect(verdict('10.0.0.1', host.cert)).toBe(-2);
      const cancelled = (url: string) => {
        const callback = vi.fn();
        ses.handlers.beforeRequest!({ url }, callback);
        return callback.mock.calls[0]![0].cancel;
      };
      expect(cancelled('https://192.168.1.20:4611/rpc')).toBe(false);
      expect(cancelled('https://example.org/')).toBe(true);
      expect(cancelled('app://assembly/index.html')).toBe(true);
      const granted = vi.fn();
      ses.handlers.permissionRequest!({}, 'media', granted);
      expect(granted).toHaveBeenCalledWith(false);

      // The station window may navigate on its host; the app's own window still may not go there.
      const navigation = (url: string) => ({ url, preventDefault: vi.fn() });
      Object.assign(win.webContents, { setWindowOpenHandler: vi.fn() });
      fake.module.app.emit('web-contents-created', {}, win.webContents);
      const onHost = navigation('https://192.168.1.20:4611/');
      win.webContents.emit('will-navigate', onHost, onHost.url);
      expect(onHost.preventDefault).not.toHaveBeenCalled();
      const away = navigation('https://example.org/');
      win.webContents.emit('will-navigate', away, away.url);
      expect(away.preventDefault).toHaveBeenCalled();
      const main = fake.windows[0]!;
      Object.assign(main.webContents, { setWindowOpenHandler: vi.fn() });
      fake.module.app.emit('web-contents-created', {}, main.webContents);
      const mainToHost = navigation('https://192.168.1.20:4611/');
      main.webContents.emit('will-navigate', mainToHost, mainToHost.url);
      expect(mainToHost.preventDefault).toHaveBeenCalled();

      // Joining another host closes this window first: one station window at a time.
      const other = `https://192.168.1.30:4611/#spki=${encodeURIComponent(impostor.fingerprint)}`;
      expect((await rpc('venue.openStation', { link: other })) as { ok: boolean }).toMatchObject({ ok: true });
      expect(win.close).toHaveBeenCalled();
      expect(fake.windows.at(-1)!.loadURL).toHaveBeenCalledWith(other);
    });
  });

  it('never calls shell.openExternal', () => {
    expect(fake.module.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('Electron entry: the native binding', () => {
  it.each([
    ['missing', /Electron build of better-sqlite3 is missing/],
    ['unloadable', /Electron build of better-sqlite3 does not load/],
  ] as const)('when %s, says what to do and exits with status 1, without a window', async (binding, message) => {
    const { fake } = await loadEntry({ binding });
    await fake.ready();
    const { app, dialog, ipcMain } = fake.module;
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalled());
    expect(app.exit).toHaveBeenCalledExactlyOnceWith(1);
    expect(dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith('Assembly Desk cannot start', expect.stringMatching(message));
    expect(dialog.showErrorBox.mock.calls[0]![1]).toContain('npm run build:electron-native');
    expect(fake.windows).toHaveLength(0);
    expect(ipcMain.handle).not.toHaveBeenCalled();
  });
});

describe('Electron entry: a second instance', () => {
  it('quits and opens nothing when another instance holds the lock', async () => {
    const { fake } = await loadEntry({ binding: 'node build', singleInstance: false });
    expect(fake.module.app.quit).toHaveBeenCalled();
    await fake.ready();
    expect(fake.windows).toHaveLength(0);
    expect(fake.registered.ipc.size).toBe(0);
  });
});
