/**
 * Web mode: gives the page the same `window.assembly` object the Electron preload gives it,
 * speaking the contract over loopback HTTP (POST /rpc) instead of IPC.
 *
 * The per-run access token arrives once in the address (`?token=...`, printed by
 * `npm run web`). It is kept in sessionStorage (this tab only, gone when the tab closes)
 * and removed from the address bar so it does not end up in bookmarks or screenshots;
 * a reload still works.
 *
 * The venue link (a station's browser on https://<host's LAN address>): there is no run token.
 * Each device gets its own token from venue.join and sends it in X-Assembly-Token; until then the
 * calls go without one (the host then only lets the page ask to join).
 */
import { buildApi } from '../../preload/buildApi';
import { UPLOAD_METHODS, WEB_TOKEN_HEADER, type ApiError, type ApiResult } from '../../preload/contract';
import type { AssemblyApi, MethodName } from '../../main/apiTypes';

interface BridgeStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * The parts of `window` the bridge touches, typed structurally so that the bridge also
 * compiles and runs under Node (unit tests with a stand-in window).
 */
export interface BridgeWindow {
  location: { href: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url?: string | null): void };
  sessionStorage: BridgeStorage;
  /** Absent in a stand-in window: the station's token then lives in sessionStorage. */
  localStorage?: BridgeStorage;
  assembly?: AssemblyApi;
}

const browserWindow = (): BridgeWindow => globalThis as unknown as BridgeWindow;

export const TOKEN_STORAGE_KEY = 'assembly-desk.token';

/** The device token of a station on the venue link (see stationStorage for where, and why). */
export const DEVICE_TOKEN_STORAGE_KEY = 'assembly-desk.device-token';

/** electron: the preload; web: loopback web mode with its run token; station: the venue link over HTTPS. */
export type BridgeState = 'electron' | 'web' | 'station' | 'no-token';

/** A station's calls give up after this long: the desk then goes on offline (renderer/station/queue.ts). */
export const STATION_TIMEOUT_MS = 6000;

function transportError(reason: string): { ok: false; error: ApiError } {
  return {
    ok: false,
    error: {
      code: 'INTERNAL',
      message: `The Assembly Desk server did not answer: ${reason}`,
      i18nKey: 'errors.INTERNAL',
      details: { transport: reason },
    },
  };
}

function isEnvelope(value: unknown): value is ApiResult<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: unknown };
  if (v.ok === true) return 'data' in v;
  if (v.ok !== false || typeof v.error !== 'object' || v.error === null) return false;
  const e = v.error as Record<string, unknown>;
  return typeof e.code === 'string' && typeof e.message === 'string';
}

/** The transport: one POST per call; every failure comes back as an envelope, never a throw. */
export function httpInvoke(token: string | (() => string | null), fetchImpl: typeof fetch = fetch, timeoutMs?: number) {
  return async (method: MethodName, args: unknown): Promise<ApiResult<unknown>> => {
    let response: Response;
    const current = typeof token === 'function' ? token() : token;
    try {
      // Methods that carry a file say so in the address: only they may exceed the ordinary size limit.
      response = await fetchImpl(UPLOAD_METHODS.includes(method) ? `/rpc?upload=${encodeURIComponent(method)}` : '/rpc', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(current ? { [WEB_TOKEN_HEADER]: current } : {}) },
        body: JSON.stringify({ method, args }),
        credentials: 'same-origin',
        ...(timeoutMs ? { signal: AbortSignal.timeout(timeoutMs) } : {}),
      });
    } catch (e) {
      const reason = (e as Error)?.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : ((e as Error)?.message ?? String(e));
      return transportError(typeof token === 'function' ? `${reason} (is the host laptop reachable?)` : `${reason} (is "npm run web" still running?)`);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return transportError(`HTTP ${response.status} ${response.statusText}, not a JSON answer`);
    }
    if (!isEnvelope(body)) return transportError(`HTTP ${response.status}, an answer of unexpected shape`);
    if (!body.ok) body.error.i18nKey ??= `errors.${body.error.code}`;
    return body;
  };
}

/** Takes the token from the address (and hides it there), else from this tab's storage. */
export function takeToken(win: BridgeWindow = browserWindow()): string | null {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      win.sessionStorage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    } catch {
      // Storage refused (private mode): the token still works until the next reload.
    }
    url.searchParams.delete('token');
    const clean = url.pathname + (url.search === '?' ? '' : url.search) + url.hash;
    win.history.replaceState(win.history.state, '', clean);
    return fromUrl;
  }
  try {
    return win.sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Forgets the stored token (after the server refused it, for example). */
export function forgetToken(win: BridgeWindow = browserWindow()): void {
  try {
    win.sessionStorage.removeItem(TOKEN_STORAGE_KEY);
  } catch {
    // nothing stored
  }
}

/**
 * Where a station keeps its device token: localStorage, not sessionStorage and never a cookie.
 * A station is a device paired for the weekend; if its tab is closed or the browser restarts while
 * the host cannot be reached, it must not lose its pairing (it could not pair again until the host
 * is back) nor the check-ins it queued. A cookie would be sent by the browser on its own (CSRF);
 * this token is sent only by this page's code, in X-Assembly-Token. A lost or stolen tablet is
 * revoked at the host (Settings, devices), effective on its next call.
 */
export function stationStorage(win: BridgeWindow = browserWindow()): BridgeStorage {
  return win.localStorage ?? win.sessionStorage;
}

export function readDeviceToken(win: BridgeWindow = browserWindow()): string | null {
  try {
    return stationStorage(win).getItem(DEVICE_TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function storeDeviceToken(token: string, win: BridgeWindow = browserWindow()): void {
  try {
    stationStorage(win).setItem(DEVICE_TOKEN_STORAGE_KEY, token);
  } catch {
    // Storage refused (private mode): kept in memory below until the page is closed.
  }
  memoryToken = token;
}

export function forgetDeviceToken(win: BridgeWindow = browserWindow()): void {
  memoryToken = null;
  try {
    stationStorage(win).removeItem(DEVICE_TOKEN_STORAGE_KEY);
  } catch {
    // nothing stored
  }
}

let memoryToken: string | null = null;

/**
 * What the pairing link carries (https://host:port/?join=CODE#spki=FINGERPRINT): the code, to
 * prefill the join form, and the fingerprint (the browser has already pinned the certificate, or
 * refused it). Both are removed from the address bar, so the hash is the router's again.
 */
export function takeJoinLink(win: BridgeWindow = browserWindow()): { code: string | null; fingerprint: string | null } {
  const url = new URL(win.location.href);
  const code = url.searchParams.get('join');
  const spki = url.hash.startsWith('#spki=') ? decodeURIComponent(url.hash.slice('#spki='.length)) : null;
  if (code === null && spki === null) return { code: null, fingerprint: null };
  url.searchParams.delete('join');
  win.history.replaceState(win.history.state, '', url.pathname + (url.search === '?' ? '' : url.search) + (spki === null ? url.hash : ''));
  return { code, fingerprint: spki };
}

/** Installs window.assembly in web mode; in Electron the preload already did. */
export function installWebBridge(win: BridgeWindow = browserWindow()): BridgeState {
  if (win.assembly) return 'electron';
  const token = takeToken(win);
  if (token) {
    win.assembly = buildApi(httpInvoke(token));
    return 'web';
  }
  // Served over HTTPS: the venue link (web mode's own server is plain HTTP on loopback only).
  if (new URL(win.location.href).protocol === 'https:') {
    win.assembly = buildApi(httpInvoke(() => memoryToken ?? readDeviceToken(win), fetch, STATION_TIMEOUT_MS));
    return 'station';
  }
  return 'no-token';
}
