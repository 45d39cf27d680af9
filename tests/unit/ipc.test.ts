import { describe, expect, it, vi } from 'vitest';
import { AppContext } from '../../main/context';
import { handleRpc, registerRpc, RPC_CHANNEL } from '../../main/ipc';
import type { Registry } from '../../main/registry';
import type { ApiResult } from '../../preload/contract';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();
const TRUSTED = 'app://assembly/index.html';

/** A registry that records its calls and answers a fixed value. */
function fakeRegistry(answer: ApiResult<unknown> = { ok: true, data: { answered: true } }) {
  const call = vi.fn<Registry['call']>(async () => answer);
  return { call };
}

const silent = () => {};

describe('handleRpc', () => {
  it.each([
    [undefined],
    [null],
    ['file:///tmp/evil.html'],
    ['https://example.com/'],
    ['http://127.0.0.1:5173/'],
    ['devtools://devtools/bundled/inspector.html'],
    ['about:blank'],
    ['app://assembly.evil/index.html'],
    ['app://assemblyx/'],
  ])('refuses a call from %j with FORBIDDEN and never reaches the registry', async (sender) => {
    const registry = fakeRegistry();
    const log = vi.fn();
    const result = await handleRpc(sender, 'app.status', {}, registry, new AppContext('electron', tempDir()), log);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', i18nKey: 'errors.FORBIDDEN' } });
    expect(registry.call).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledOnce();
  });

  it('checks the sender before the method: an untrusted frame learns nothing about method names', async () => {
    const registry = fakeRegistry();
    const result = await handleRpc('https://evil.example/', 'no.such.method', {}, registry, new AppContext('electron', tempDir()), silent);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it.each([['no.such.method'], ['__proto__'], ['constructor'], ['toString'], [42], [null], [{ method: 'app.status' }], ['']])(
    'answers UNKNOWN_METHOD for %j from a trusted frame, without calling the registry',
    async (method) => {
      const registry = fakeRegistry();
      const result = await handleRpc(TRUSTED, method, {}, registry, new AppContext('electron', tempDir()), silent);
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      expect(registry.call).not.toHaveBeenCalled();
    },
  );

  it('passes a trusted call through to the registry with its arguments and context, and returns its answer', async () => {
    const registry = fakeRegistry({ ok: true, data: { hello: 'world' } });
    const ctx = new AppContext('electron', tempDir());
    const args = { name: 'Ana' };
    const result = await handleRpc(TRUSTED, 'app.setOperator', args, registry, ctx, silent);
    expect(result).toEqual({ ok: true, data: { hello: 'world' } });
    expect(registry.call).toHaveBeenCalledExactlyOnceWith('app.setOperator', args, ctx);
  });

  it('passes the registry refusals through unchanged', async () => {
    const refusal: ApiResult<unknown> = {
      ok: false,
      error: { code: 'VALIDATION', message: 'Invalid input', i18nKey: 'errors.VALIDATION' },
    };
    const registry = fakeRegistry(refusal);
    const result = await handleRpc(TRUSTED, 'sessions.create', {}, registry, new AppContext('electron', tempDir()), silent);
    expect(result).toEqual(refusal);
  });

  it('never throws, even when the registry itself does', async () => {
    const registry = { call: vi.fn<Registry['call']>(async () => Promise.reject(new Error('boom'))) };
    const log = vi.fn();
    const result = await handleRpc(TRUSTED, 'app.status', {}, registry, new AppContext('electron', tempDir()), log);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(log).toHaveBeenCalledOnce();
  });
});

describe('registerRpc', () => {
  it('installs one handler on the rpc channel that judges event.senderFrame.url', async () => {
    let installed: ((event: unknown, ...args: unknown[]) => unknown) | undefined;
    const ipcMain = {
      handle: vi.fn((channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => {
        expect(channel).toBe(RPC_CHANNEL);
        installed = fn;
      }),
      removeHandler: vi.fn(),
    };
    const registry = fakeRegistry();
    const ctx = new AppContext('electron', tempDir());
    const dispose = registerRpc(ipcMain as never, registry, ctx, silent);
    expect(ipcMain.handle).toHaveBeenCalledOnce();

    const fromApp = await installed!({ senderFrame: { url: TRUSTED } }, 'app.status', {});
    expect(fromApp).toMatchObject({ ok: true });
    const fromElsewhere = await installed!({ senderFrame: { url: 'file:///x.html' } }, 'app.status', {});
    expect(fromElsewhere).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // A frame that navigated away or was destroyed has no senderFrame.
    const noFrame = await installed!({ senderFrame: null }, 'app.status', {});
    expect(noFrame).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(registry.call).toHaveBeenCalledOnce();

    dispose();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(RPC_CHANNEL);
  });
});
