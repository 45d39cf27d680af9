/**
 * Web mode: gives the page the same `window.assembly` object the Electron preload gives it,
 * speaking the contract over loopback HTTP (POST /rpc) instead of IPC.
 *
 * The per-run access token arrives once in the address (`?token=...`, printed by
 * `npm run web`). It is kept in sessionStorage (this tab only, gone when the tab closes)
 * and removed from the address bar so it does not end up in bookmarks or screenshots;
 * a reload still works.
 */
import { buildApi } from '../../preload/buildApi';
import { UPLOAD_METHODS, WEB_TOKEN_HEADER, type ApiError, type ApiResult } from '../../preload/contract';
import type { AssemblyApi, MethodName } from '../../main/apiTypes';

/**
 * The parts of `window` the bridge touches, typed structurally so that the bridge also
 * compiles and runs under Node (unit tests with a stand-in window).
 */
export interface BridgeWindow {
  location: { href: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url?: string | null): void };
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void; removeItem(key: string): void };
  assembly?: AssemblyApi;
}

const browserWindow = (): BridgeWindow => globalThis as unknown as BridgeWindow;

export const TOKEN_STORAGE_KEY = 'assembly-desk.token';

export type BridgeState = 'electron' | 'web' | 'no-token';

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
export function httpInvoke(token: string, fetchImpl: typeof fetch = fetch) {
  return async (method: MethodName, args: unknown): Promise<ApiResult<unknown>> => {
    let response: Response;
    try {
      // Methods that carry a file say so in the address: only they may exceed the ordinary size limit.
      response = await fetchImpl(UPLOAD_METHODS.includes(method) ? `/rpc?upload=${encodeURIComponent(method)}` : '/rpc', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [WEB_TOKEN_HEADER]: token },
        body: JSON.stringify({ method, args }),
        credentials: 'same-origin',
      });
    } catch (e) {
      return transportError(`${(e as Error)?.message ?? String(e)} (is "npm run web" still running?)`);
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

/** Installs window.assembly in web mode; in Electron the preload already did. */
export function installWebBridge(win: BridgeWindow = browserWindow()): BridgeState {
  if (win.assembly) return 'electron';
  const token = takeToken(win);
  if (!token) return 'no-token';
  win.assembly = buildApi(httpInvoke(token));
  return 'web';
}
