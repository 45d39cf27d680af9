/**
 * The Electron entry point: thin on purpose. It wires the pure rules of main/security.ts
 * and the transport of main/ipc.ts into Electron; all application logic lives in the
 * registry (main/api.ts) and is tested without Electron.
 *
 * Bundled by scripts/build-electron.mjs to out/main/electron.cjs. Layout it relies on:
 *   out/main/electron.cjs, out/main/migrations/*.sql, out/preload/index.cjs, out/renderer/**
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  type MenuItemConstructorOptions,
  type WebContents,
  type OpenDialogOptions,
} from 'electron';
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppRegistry } from './api';
import { recordSavedExport } from './exportAudit';
import { ownerOnlyByDefault } from '../db/privateFiles';
import { venueHub } from './venue/hub';
import { setStationOpener } from './services/venue';
import { certificateVerdict, isStationNavigation, isStationRequest, stationPartition, type JoinTarget } from './venue/stationPin';
import { AppContext } from './context';
import { registerRpc } from './ipc';
import { assembliesDir, defaultDataDir } from './paths';
import { SettingsStore } from './settings';
import type { Registry } from './registry';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  assemblyFileFromArgv,
  isAllowedNavigation,
  isAllowedRequestUrl,
  resolveAppFile,
  responseHeaders,
  secureWebPreferences,
  stationWebPreferences,
} from './security';

const PRODUCT_NAME = 'Assembly Desk';

// In the bundle, import.meta.url is defined as the bundle's own file URL (see the build script).
const bundleDir = dirname(fileURLToPath(import.meta.url)); // .../out/main
const outDir = resolve(bundleDir, '..'); // .../out
const projectRoot = resolve(outDir, '..'); // the project in development, the asar root when packaged
const RENDERER_DIR = join(outDir, 'renderer');
const PRELOAD_PATH = join(outDir, 'preload', 'index.cjs');

/** The Electron build of better-sqlite3 (ARCHITECTURE.md, "Native module, Electron and tests"). */
function nativeBindingPath(): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : join(projectRoot, '.electron-native', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
}

// ---------------------------------------------------------------------------------------
// Before ready: identity, data folder, single instance, privileged scheme.
// ---------------------------------------------------------------------------------------

app.setName(PRODUCT_NAME);
// Everything the app writes (assemblies, backups, exports, Chromium's own state) is owner-only.
ownerOnlyByDefault();
// One data folder whatever way the app was started (`electron .`, `electron out/main/electron.cjs`,
// packaged): Electron would otherwise derive it from whichever package.json it found.
// ASSEMBLY_DESK_HOME (tests, portable installs) also isolates Chromium's own state.
const home = process.env.ASSEMBLY_DESK_HOME;
app.setPath('userData', home ? resolve(home) : join(app.getPath('appData'), PRODUCT_NAME));

// Chromium formats <input type=date/time> in its own UI locale, not the page's: start it in the
// language chosen in Settings (nl-BE, fr-BE, en-GB) so dates read as the user expects.
// A change of language applies to these fields at the next start.
const CHROMIUM_LOCALE = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' } as const;
app.commandLine.appendSwitch('lang', CHROMIUM_LOCALE[new SettingsStore(defaultDataDir()).get().language]);

// Every renderer sandboxed, whatever a future window forgets to set.
app.enableSandbox();

// Must happen before `ready`. standard: real origin and relative URLs; secure: treated like
// https (secure context); supportFetchAPI: fetch() of our own files works.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let mainWindow: BrowserWindow | null = null;
/**
 * The station window, when this laptop joined another host ("Join an assembly at this venue"),
 * and the host it is pinned to. One at a time: joining another host closes it.
 */
let stationWindow: BrowserWindow | null = null;
let stationPin: JoinTarget | null = null;
let ctx: AppContext | null = null;
let registry: Registry | null = null;
/** A file the OS asked us to open before we were ready for it. */
let pendingFile: string | null = assemblyFileFromArgv(process.argv, process.cwd());

if (!app.requestSingleInstanceLock()) {
  // Another instance owns this data folder: it receives our argv via 'second-instance'.
  app.quit();
} else {
  // macOS delivers file associations as events, possibly before `ready`.
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    void openFromOs(filePath);
  });

  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    const file = assemblyFileFromArgv(argv, workingDirectory);
    if (file) void openFromOs(file);
  });

  // Applies to every web contents ever created, including ones we did not create ourselves.
  app.on('web-contents-created', (_event, contents) => {
    const guardNavigation = (event: { url: string; preventDefault: () => void }) => {
      if (!isAllowedNavigation(event.url) && !isStationContents(contents, event.url)) {
        event.preventDefault();
        console.warn(`[assembly-desk] blocked navigation to ${event.url.slice(0, 200)}`);
      }
    };
    contents.on('will-navigate', guardNavigation);
    contents.on('will-frame-navigate', guardNavigation);
    contents.on('will-redirect', guardNavigation);
    // No <webview> (also off in webPreferences): refuse an attach outright.
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // No popups or new windows, and no handing links to the system browser (no shell.openExternal).
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (ctx && BrowserWindow.getAllWindows().length === 0) createWindow();
  });

  app.on('will-quit', () => {
    setStationOpener(null);
    // Closing checkpoints the WAL into the assembly file.
    if (ctx) void venueHub(ctx).close();
    ctx?.closeAssembly();
  });

  // A failure anywhere in start-up must not leave a running app without a window.
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      console.error(e);
      dialog.showErrorBox(`${PRODUCT_NAME} cannot start`, e instanceof Error ? e.message : String(e));
      app.exit(1);
    });
}

// ---------------------------------------------------------------------------------------
// After ready.
// ---------------------------------------------------------------------------------------

async function start(): Promise<void> {
  lockDownSession();
  serveRenderer();

  const nativeBinding = nativeBindingPath();
  const problem = checkNativeBinding(nativeBinding);
  if (problem) {
    dialog.showErrorBox(`${PRODUCT_NAME} cannot start`, problem);
    app.exit(1);
    return;
  }

  // Assemblies and preferences live in the same folder as for web mode and the CLI
  // (main/paths.ts), so all three see the same recent files; Chromium's own state stays in userData.
  ctx = new AppContext('electron', defaultDataDir(), undefined, undefined, undefined, nativeBinding);
  venueHub(ctx).staticDir = RENDERER_DIR;
  registry = createAppRegistry();
  registerRpc(ipcMain, registry, ctx);
  recordSavedDownloads(ctx);
  setStationOpener(openStationWindow);
  Menu.setApplicationMenu(buildMenu());

  // Open the file we were launched with before the UI loads: the start screen then shows it open.
  if (pendingFile) {
    const file = pendingFile;
    pendingFile = null;
    await openFromOs(file, { reload: false });
  }
  createWindow();
}

/**
 * Exports reach the disk as downloads, saved where the person chooses in the save dialog: the
 * path is recorded in the audit log beside the export's own row (main/exportAudit.ts), so that a
 * copy of personal data can be found again (to delete it, for an erasure or at the end date).
 */
function recordSavedDownloads(context: AppContext): void {
  session.defaultSession.on('will-download', (_event, item) => {
    item.once('done', (_done, state) => {
      if (state !== 'completed') return;
      try {
        recordSavedExport(context, item.getFilename(), item.getSavePath());
      } catch (e) {
        console.warn(`[assembly-desk] could not record where ${item.getFilename()} was saved: ${(e as Error).message}`);
      }
    });
  });
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  // The app needs no camera, microphone, notifications, geolocation, clipboard reads, HID, USB...
  // (a USB barcode scanner is a keyboard and needs no permission).
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // Offline by design: nothing remote and no file:// is ever loaded.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url);
    if (!allowed) console.warn(`[assembly-desk] blocked request to ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** app://assembly/<path> -> out/renderer/<path>, with the CSP on every response. */
function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405 });
    }
    // No single-page fallback: the UI routes with #/ links, and web mode answers 404 too.
    const file = resolveAppFile(RENDERER_DIR, request.url);
    if (file === null) return notFound();
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return notFound();
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(file));
    return new Response(body, { status: 200, headers: responseHeaders(file) });
  });
}

/** Null when the Electron build of better-sqlite3 is present and loads; else what to do about it. */
function checkNativeBinding(bindingPath: string): string | null {
  if (!existsSync(bindingPath)) {
    return app.isPackaged
      ? `The database engine is missing from this installation (${bindingPath}). Reinstall ${PRODUCT_NAME}.`
      : `The Electron build of better-sqlite3 is missing:\n${bindingPath}\n\nRun "npm run build:electron-native" once, then start again.`;
  }
  try {
    new Database(':memory:', { nativeBinding: bindingPath }).close();
    return null;
  } catch (e) {
    const reason = (e as Error)?.message ?? String(e);
    return app.isPackaged
      ? `The database engine of this installation could not be loaded (${reason}). Reinstall ${PRODUCT_NAME}.`
      : `The Electron build of better-sqlite3 does not load (${reason}).\n\nRun "npm run build:electron-native" again (Electron may have been updated), then start again.`;
  }
}

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: PRODUCT_NAME,
    // Shown once painted: no white flash, no half-drawn UI.
    show: false,
    webPreferences: secureWebPreferences(PRELOAD_PATH, app.isPackaged),
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  mainWindow = win;
  void win.loadURL(APP_ENTRY_URL);
}

/** A navigation of the station window within its pinned host (every other window: app:// only). */
function isStationContents(contents: WebContents, url: string): boolean {
  return stationPin !== null && stationWindow !== null && !stationWindow.isDestroyed() && stationWindow.webContents === contents && isStationNavigation(stationPin, url);
}

/**
 * Opens the host's station page in a window of its own, in a session of its own that trusts
 * exactly one certificate key on exactly one host (the pin of the pairing link) and fetches from
 * nowhere else. The decisions are pure functions (main/venue/stationPin.ts); this only wires them.
 */
async function openStationWindow(target: JoinTarget): Promise<void> {
  if (stationWindow && !stationWindow.isDestroyed()) stationWindow.close();
  stationPin = target;
  // Persistent: the station's device token and its queue of check-ins live in its storage.
  const partition = stationPartition(target);
  const ses = session.fromPartition(partition);
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // The pin replaces Chromium's own verification: not a CA's word, the host laptop's key.
  ses.setCertificateVerifyProc((request, callback) => callback(certificateVerdict(target, request.hostname, request.certificate.data)));
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isStationRequest(target, details.url);
    if (!allowed) console.warn(`[assembly-desk] station window: blocked request to ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
  const win = new BrowserWindow({
    width: 1100,
    height: 800,
    minWidth: 700,
    minHeight: 500,
    title: `${PRODUCT_NAME} · ${target.origin}`,
    show: false,
    webPreferences: stationWebPreferences(partition, app.isPackaged),
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (stationWindow === win) stationWindow = null;
  });
  stationWindow = win;
  await win.loadURL(target.url);
}

/**
 * Opens an assembly file handed to us by the OS (command line, file association, menu) via the
 * registry, like the UI would. The UI reads app.status when it loads, so the window is reloaded.
 */
async function openFromOs(filePath: string, options: { reload?: boolean } = {}): Promise<void> {
  if (!ctx || !registry) {
    pendingFile = filePath;
    return;
  }
  const result = await registry.call('app.openAssembly', { path: filePath }, ctx);
  if (!result.ok) {
    const detail = result.error.message;
    if (mainWindow) {
      await dialog.showMessageBox(mainWindow, { type: 'error', message: `Could not open ${basename(filePath)}`, detail });
    } else {
      dialog.showErrorBox(`Could not open ${basename(filePath)}`, detail);
    }
    return;
  }
  if (options.reload !== false) mainWindow?.webContents.reload();
}

async function openWithDialog(): Promise<void> {
  if (!ctx) return;
  const options: OpenDialogOptions = {
    title: 'Open an assembly',
    defaultPath: assembliesDir(ctx.dataDir),
    properties: ['openFile'],
    filters: [{ name: 'Assembly Desk file', extensions: ['assembly'] }],
  };
  const choice = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  const file = choice.filePaths[0];
  if (!choice.canceled && file) await openFromOs(file);
}

/** File > New goes back to the start screen, where the new-assembly form is. */
async function backToStartScreen(): Promise<void> {
  if (!ctx || !registry) return;
  await registry.call('app.closeAssembly', {}, ctx);
  mainWindow?.webContents.reload();
}

/**
 * A deliberate menu rather than Electron's default one (whose Help menu opens web pages).
 * The Edit menu is what makes copy/paste shortcuts work on macOS.
 */
function buildMenu(): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Assembly…', accelerator: 'CmdOrCtrl+N', click: () => void backToStartScreen() },
        { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => void openWithDialog() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' } as MenuItemConstructorOptions]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
