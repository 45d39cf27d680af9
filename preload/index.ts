/**
 * The preload: runs sandboxed, with context isolation, before the page.
 *
 * It exposes exactly one object, window.assembly, with one function per API method
 * (METHOD_NAMES in contract.ts; see buildApi.ts). Each function sends (method, args) over the single `rpc` channel;
 * main checks the sender and the method again. ipcRenderer itself is never exposed:
 * a page holding it could send on any channel.
 *
 * Bundled to out/preload/index.cjs by scripts/build-electron.mjs (a sandboxed preload
 * can only require 'electron', so contract.ts and buildApi.ts are inlined; the types
 * from main/apiTypes.ts are erased).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from './buildApi';
import type { ApiResult } from './contract';

contextBridge.exposeInMainWorld(
  'assembly',
  buildApi((method, args) => ipcRenderer.invoke('rpc', method, args) as Promise<ApiResult<unknown>>),
);
