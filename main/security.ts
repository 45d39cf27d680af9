/**
 * Electron security settings and checks, as pure functions and constants.
 *
 * Nothing here imports Electron at runtime (types only), so every rule is unit-tested
 * under Node (tests/unit/security.test.ts). main/electron.ts only wires them in.
 * Why each rule exists: see ARCHITECTURE.md, "Electron security".
 */
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { WebPreferences } from 'electron';
import { ASSEMBLY_FILE_EXT } from './paths';

/** Custom scheme the renderer is served from (registered as standard + secure in main/electron.ts). */
export const APP_SCHEME = 'app';
/** Host part of every renderer URL. */
export const APP_HOST = 'assembly';
/**
 * The renderer's origin. A custom privileged scheme instead of file:// so that 'self' in the
 * CSP means "our bundle" (with file:// it would mean "any file on the disk") and the IPC
 * sender check compares against one exact origin.
 */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Content-Security-Policy sent with every app:// response (and mirrored by the renderer's
 * index.html meta tag, if it has one). Only our own bundled files may run or load; nothing
 * remote, no inline or eval'd script, no plugins, no <base> hijack, no form posts, no framing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The BrowserWindow webPreferences. Every value is set explicitly, even where it equals
 * Electron's current default, so a change of default in a future Electron cannot weaken it.
 */
export function secureWebPreferences(preloadPath: string, isPackaged: boolean): WebPreferences {
  return {
    // The only script with access to Electron APIs; it exposes window.assembly and nothing else.
    preload: preloadPath,
    // The preload runs in its own JavaScript world: page scripts cannot reach its objects or
    // patch built-ins it relies on (prototype pollution across the bridge).
    contextIsolation: true,
    // Renderer runs in Chromium's OS-level sandbox; the preload gets only a tiny `require('electron')`.
    sandbox: true,
    // No require/process/Buffer in the page: an injected script must not get Node.js.
    nodeIntegration: false,
    // Same for Web Workers started by the page.
    nodeIntegrationInWorker: false,
    // Same for iframes (we have none; a future one must not get Node either).
    nodeIntegrationInSubFrames: false,
    // Keep the same-origin policy and CORS on: our origin cannot read other origins' data.
    webSecurity: true,
    // An https page may not load http scripts/styles (defence in depth; we load nothing remote).
    allowRunningInsecureContent: false,
    // <webview> can embed arbitrary remote content with its own preferences: not needed, so off.
    webviewTag: false,
    // Chromium's spellchecker may download dictionaries from Google: we stay offline, and names
    // of participants would be flagged as typos anyway.
    spellcheck: false,
    // DevTools give full control of the page (and so of the API): developers only, never in
    // the packaged app used at the venue.
    devTools: !isPackaged,
    // Dropping a file or link on the window must not navigate away from the app (it would
    // load foreign content into our privileged window).
    navigateOnDragDrop: false,
    // A page spamming alert()/confirm() can be stopped by the user instead of locking the UI.
    safeDialogs: true,
    // Experimental web platform features widen the attack surface for nothing we use.
    experimentalFeatures: false,
  };
}

/**
 * A station window (this laptop joined a host at the venue): the host's own station page over
 * the pinned TLS link, in a session of its own (`partition`). Everything of
 * secureWebPreferences, but no preload: the page talks to the host with fetch, like a tablet's
 * browser, and must never reach this laptop's API (window.assembly) or its files.
 */
export function stationWebPreferences(partition: string, isPackaged: boolean): WebPreferences {
  const { preload: _none, ...prefs } = secureWebPreferences('', isPackaged);
  return { ...prefs, partition };
}

interface ParsedAppUrl {
  /** The raw path part, still percent-encoded, without query or fragment. */
  rawPath: string;
}

/**
 * Parses a URL and returns its raw path only when its origin is exactly app://assembly:
 * scheme `app`, host `assembly` (exact, case-sensitive as Chromium canonicalises it), no
 * port, no user name or password. Everything else (file:, http(s):, devtools:, about:blank,
 * app://assembly.evil, app://assemblyx, app://x@assembly, malformed strings) gives null.
 */
function parseAppUrl(url: string | undefined | null): ParsedAppUrl | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 8192) return null;
  // Reject anything a lenient parser might "repair": whitespace, control characters, backslashes.
  if (/[\s\u0000-\u001f\u007f\\]/.test(url)) return null;
  if (!url.startsWith(APP_ORIGIN)) return null;
  const rest = url.slice(APP_ORIGIN.length);
  // The character right after the host must end the authority: path, query, fragment or nothing.
  // This refuses app://assembly.evil, app://assemblyx, app://assembly:123, app://assembly@evil.
  if (rest.length > 0 && !['/', '?', '#'].includes(rest[0]!)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // Cross-check with the WHATWG parser (Node's URL gives origin "null" for custom schemes,
  // so compare the parts instead).
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST || parsed.port !== '') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  const end = rest.search(/[?#]/);
  const rawPath = end === -1 ? rest : rest.slice(0, end);
  return { rawPath: rawPath === '' ? '/' : rawPath };
}

/** True only for a frame whose URL is on our exact origin, app://assembly. */
export function isTrustedSenderUrl(url: string | undefined | null): boolean {
  return parseAppUrl(url) !== null;
}

/** A window may only navigate within app://assembly (everything else is denied). */
export function isAllowedNavigation(url: string | undefined | null): boolean {
  return parseAppUrl(url) !== null;
}

/**
 * Network requests the default session lets through. The app is offline by design: remote
 * schemes and file:// are cancelled; our own origin, inline data/blob URLs and Chromium's
 * internal devtools pages pass.
 */
export function isAllowedRequestUrl(url: string | undefined | null): boolean {
  if (typeof url !== 'string') return false;
  if (parseAppUrl(url) !== null) return true;
  return /^(data|blob|devtools|chrome-extension):/i.test(url);
}

/**
 * Maps app://assembly/<path> to a file inside rendererDir, or null when the request must be
 * refused (404). `/` serves index.html. Refused: another origin, path traversal (`..` raw or
 * percent-encoded, `.` segments), encoded slashes, backslashes (raw or %5c), NUL, empty
 * segments (`//`, which could form an absolute path), drive letters and `:` (Windows ADS),
 * and anything that would resolve outside rendererDir.
 */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  const parsed = parseAppUrl(requestUrl);
  return parsed ? resolveStaticPath(rendererDir, parsed.rawPath) : null;
}

/**
 * Maps the raw (still percent-encoded) path of a request to a file inside `root`, or null when
 * it must be refused. Shared by Electron's app:// handler and web mode's static files, so both
 * transports refuse the same tricks (see resolveAppFile).
 */
export function resolveStaticPath(root: string, requestPath: string): string | null {
  const rawPath = requestPath === '/' ? '/index.html' : requestPath;
  if (!rawPath.startsWith('/')) return null;

  const segments = rawPath.slice(1).split('/');
  const decoded: string[] = [];
  for (const raw of segments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null; // malformed percent-encoding
    }
    if (segment === '' || segment === '.' || segment === '..') return null;
    // An encoded separator (%2f, %5c) would hide traversal from the split above.
    if (/[/\\:\u0000-\u001f\u007f]/.test(segment)) return null;
    decoded.push(segment);
  }
  if (decoded.length === 0) return null;

  const base = resolve(root);
  const file = resolve(join(base, ...decoded));
  const rel = relative(base, file);
  if (rel === '' || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return file;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Content-Type for a served file (sent with X-Content-Type-Options: nosniff). */
export function contentTypeFor(filePath: string): string {
  const dot = filePath.lastIndexOf('.');
  const ext = dot === -1 ? '' : filePath.slice(dot).toLowerCase();
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

/** Headers for every app:// response. */
export function responseHeaders(filePath: string): Record<string, string> {
  return {
    'Content-Type': contentTypeFor(filePath),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}


/**
 * The assembly file the OS asked us to open (file association, `open with`, a second
 * instance's command line), or null. argv comes from outside: only existing-looking paths
 * ending in .assembly count, switches (`--foo`, also those Chromium inserts) are ignored,
 * and relative paths are resolved against the launching process's working directory.
 * The last matching argument wins.
 */
export function assemblyFileFromArgv(argv: readonly string[], cwd: string): string | null {
  for (let i = argv.length - 1; i >= 0; i--) {
    const arg = argv[i];
    if (typeof arg !== 'string' || arg.length === 0 || arg.startsWith('-')) continue;
    if (/[\u0000]/.test(arg)) continue;
    if (!arg.toLowerCase().endsWith(ASSEMBLY_FILE_EXT)) continue;
    return isAbsolute(arg) ? arg : resolve(cwd, arg);
  }
  return null;
}
