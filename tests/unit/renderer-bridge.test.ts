import { describe, expect, it } from 'vitest';
import type { AssemblyApi } from '../../main/apiTypes';
import { TOKEN_STORAGE_KEY, httpInvoke, installWebBridge, readDeviceToken, storeDeviceToken, takeJoinLink, takeToken, type BridgeWindow } from '../../renderer/bridge/webBridge';

function fakeWindow(href: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const win = {
    location: { href },
    history: {
      state: null,
      replaceState(_state: unknown, _title: string, url: string) {
        win.location.href = new URL(url, win.location.href).href;
      },
    },
    sessionStorage: {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
      removeItem: (k: string) => void storage.delete(k),
    },
    assembly: undefined as AssemblyApi | undefined,
  };
  return { win, storage, asWindow: win satisfies BridgeWindow };
}

describe('the access token', () => {
  it('is taken from the address, stored for this tab, and removed from the address bar', () => {
    const { win, storage, asWindow } = fakeWindow('http://127.0.0.1:4000/?token=abc123&x=1#/sessions');
    expect(takeToken(asWindow)).toBe('abc123');
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('abc123');
    expect(win.location.href).toBe('http://127.0.0.1:4000/?x=1#/sessions');
  });

  it('comes from storage after a reload', () => {
    const { asWindow } = fakeWindow('http://127.0.0.1:4000/#/settings', { [TOKEN_STORAGE_KEY]: 'kept' });
    expect(takeToken(asWindow)).toBe('kept');
  });

  it('a new token in the address replaces the stored one', () => {
    const { win, storage, asWindow } = fakeWindow('http://127.0.0.1:4000/?token=new', { [TOKEN_STORAGE_KEY]: 'old' });
    expect(takeToken(asWindow)).toBe('new');
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('new');
    expect(win.location.href).toBe('http://127.0.0.1:4000/');
  });

  it('without one, the bridge says so and installs nothing', () => {
    const { win, asWindow } = fakeWindow('http://127.0.0.1:4000/');
    expect(installWebBridge(asWindow)).toBe('no-token');
    expect(win.assembly).toBeUndefined();
  });

  it('leaves the Electron preload alone', () => {
    const { win, asWindow } = fakeWindow('app://assembly/index.html');
    const preload = { app: {} } as unknown as AssemblyApi;
    win.assembly = preload;
    expect(installWebBridge(asWindow)).toBe('electron');
    expect(win.assembly).toBe(preload);
  });
});

describe('the HTTP transport', () => {
  it('posts the method and arguments with the token, and returns the envelope', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const fetchStub = (async (url: string, init: RequestInit) => {
      seen.push({ url, init });
      return new Response(JSON.stringify({ ok: true, data: { n: 1 } }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }) as unknown as typeof fetch;
    const result = await httpInvoke('tok', fetchStub)('sessions.list', { includeDeleted: false });
    expect(result).toEqual({ ok: true, data: { n: 1 } });
    expect(seen[0]?.url).toBe('/rpc');
    expect(seen[0]?.init.method).toBe('POST');
    expect((seen[0]?.init.headers as Record<string, string>)['X-Assembly-Token']).toBe('tok');
    expect(JSON.parse(String(seen[0]?.init.body))).toEqual({ method: 'sessions.list', args: { includeDeleted: false } });
  });

  it('returns refusals as they are, whatever the HTTP status', async () => {
    const error = { code: 'FORBIDDEN', message: 'Missing or wrong access token.', i18nKey: 'errors.FORBIDDEN' };
    const fetchStub = (async () => new Response(JSON.stringify({ ok: false, error }), { status: 401 })) as unknown as typeof fetch;
    expect(await httpInvoke('bad', fetchStub)('app.status', {})).toEqual({ ok: false, error });
  });

  it('turns a network failure into an INTERNAL envelope', async () => {
    const fetchStub = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    const result = await httpInvoke('t', fetchStub)('app.status', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INTERNAL');
      expect(result.error.i18nKey).toBe('errors.INTERNAL');
      expect(result.error.message).toMatch(/^The Assembly Desk server did not answer: Failed to fetch/);
    }
  });

  it('turns an answer that is not JSON into an INTERNAL envelope', async () => {
    const fetchStub = (async () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })) as unknown as typeof fetch;
    const result = await httpInvoke('t', fetchStub)('app.status', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/did not answer: HTTP 502/);
  });
});

describe('a station on the venue link', () => {
  it('is recognised by HTTPS without a run token, and installs a bridge that may only ask to join yet', () => {
    const { win, asWindow } = fakeWindow('https://192.168.1.20:4611/');
    expect(installWebBridge(asWindow)).toBe('station');
    expect(win.assembly).toBeDefined();
  });

  it('reads the pairing link: the code prefills the form, code and fingerprint leave the address bar', () => {
    const { win, asWindow } = fakeWindow('https://192.168.1.20:4611/?join=AC3F9KXP#spki=abc%2Bdef%3D');
    expect(takeJoinLink(asWindow)).toEqual({ code: 'AC3F9KXP', fingerprint: 'abc+def=' });
    expect(win.location.href).toBe('https://192.168.1.20:4611/');
  });

  it('sends no token before joining, then the device token in X-Assembly-Token, read at each call', async () => {
    const { asWindow } = fakeWindow('https://192.168.1.20:4611/');
    const sent: (string | undefined)[] = [];
    const fetchStub = (async (_url: string, init: RequestInit) => {
      sent.push((init.headers as Record<string, string>)['X-Assembly-Token']);
      return new Response(JSON.stringify({ ok: true, data: null }), { status: 200 });
    }) as unknown as typeof fetch;
    const invoke = httpInvoke(() => readDeviceToken(asWindow), fetchStub);
    await invoke('venue.join', {});
    storeDeviceToken('device.tok', asWindow);
    await invoke('venue.me', {});
    expect(sent).toEqual([undefined, 'device.tok']);
  });

  it('gives up after its timeout with a transport error (the desk then works offline)', async () => {
    const fetchStub = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)))) as unknown as typeof fetch;
    const result = await httpInvoke(() => 't', fetchStub, 20)('attendance.roster', { sessionId: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.details?.transport).toMatch(/no answer within 20 ms/);
      expect(result.error.message).toMatch(/host laptop reachable/);
    }
  });
});
