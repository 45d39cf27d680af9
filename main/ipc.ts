/**
 * The Electron transport: one `rpc` channel in front of the registry.
 *
 * handleRpc is the whole decision (sender check, allow-list, call) and needs no Electron,
 * so tests/unit/ipc.test.ts exercises it directly; registerRpc only plugs it into ipcMain.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { METHOD_NAMES, type ApiResult } from '../preload/contract';
import type { AppContext } from './context';
import { AppError } from './errors';
import type { Registry } from './registry';
import { isTrustedSenderUrl } from './security';

export const RPC_CHANNEL = 'rpc';

const METHODS: ReadonlySet<string> = new Set(METHOD_NAMES);

/** Shortens untrusted text before it goes into a message or a log line. */
const clip = (value: unknown, max = 100): string => String(value).slice(0, max);

/**
 * Answers one call from a renderer. Never throws: every refusal or failure is an
 * `{ ok: false, error }` value, because Electron drops the fields of thrown errors.
 *
 * 1. The sending frame must be on app://assembly (not file://, not a remote page, not a
 *    frame that navigated away): otherwise FORBIDDEN, and the registry is not touched.
 * 2. The method must be in the contract's allow-list: otherwise UNKNOWN_METHOD.
 * 3. The registry validates the arguments with zod and runs the handler.
 */
export async function handleRpc(
  senderUrl: string | undefined | null,
  method: unknown,
  args: unknown,
  registry: Pick<Registry, 'call'>,
  ctx: AppContext,
  log: (msg: string) => void = console.warn,
): Promise<ApiResult<unknown>> {
  if (!isTrustedSenderUrl(senderUrl)) {
    log(`[assembly-desk] refused an API call from an untrusted frame (${clip(senderUrl ?? 'no frame', 200)})`);
    return {
      ok: false,
      error: new AppError('FORBIDDEN', 'This window is not allowed to use the Assembly Desk API.', {
        method: clip(method),
      }).toApiError(),
    };
  }
  if (typeof method !== 'string' || !METHODS.has(method)) {
    return {
      ok: false,
      error: new AppError('UNKNOWN_METHOD', `Unknown API method "${clip(method)}".`, { method: clip(method) }).toApiError(),
    };
  }
  try {
    return await registry.call(method, args, ctx);
  } catch (e) {
    // The registry already turns handler errors into values; this only guards its own bugs.
    log(`[assembly-desk] ${method} failed outside the registry: ${(e as Error)?.stack ?? String(e)}`);
    return {
      ok: false,
      error: new AppError('INTERNAL', `Something went wrong in ${method}. Nothing was changed.`).toApiError(),
    };
  }
}

/**
 * Installs the one IPC handler. Returns a function that removes it (tests, hot reload).
 * The sender is judged by `event.senderFrame`, the frame that actually sent the message;
 * it is null when that frame has navigated away or been destroyed, which is refused too.
 */
export function registerRpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  registry: Pick<Registry, 'call'>,
  ctx: AppContext,
  log?: (msg: string) => void,
): () => void {
  ipcMain.handle(RPC_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, args: unknown) =>
    handleRpc(event.senderFrame?.url, method, args, registry, ctx, log),
  );
  return () => ipcMain.removeHandler(RPC_CHANNEL);
}
