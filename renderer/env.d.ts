import type { AssemblyApi } from '../main/apiTypes';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge) or, in web mode, by renderer/bridge/webBridge.ts. */
    assembly: AssemblyApi;
  }
}

export {};
