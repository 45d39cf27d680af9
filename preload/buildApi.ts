/** Turns one transport function into window.assembly (one function per listed method); used by the preload and by web mode's bridge. */
import type { AssemblyApi, MethodName } from '../main/apiTypes';
import { METHOD_NAMES, type ApiResult } from './contract';

/** Builds window.assembly from one transport function. Used by the preload and the web bridge. */
export function buildApi(
  invoke: (method: MethodName, args: unknown) => Promise<ApiResult<unknown>>,
): AssemblyApi {
  const api: Record<string, Record<string, (args: unknown) => Promise<ApiResult<unknown>>>> = {};
  for (const method of METHOD_NAMES) {
    const [domain, action] = method.split('.') as [string, string];
    api[domain] ??= {};
    api[domain][action] = (args: unknown) => invoke(method, args ?? {});
  }
  return api as unknown as AssemblyApi;
}
