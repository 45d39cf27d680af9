/**
 * The HiGHS solver (WebAssembly), loaded once per process. Its .wasm file is found beside this
 * module's bundle (the Electron build copies it to out/main/highs.wasm) or in node_modules.
 * Solving is synchronous and CPU-bound: callers run it in a worker thread for long work.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import highsLoader from 'highs';

export type Highs = Awaited<ReturnType<typeof highsLoader>>;

let loading: Promise<Highs> | null = null;

function wasmPath(): string {
  const beside = fileURLToPath(new URL('./highs.wasm', import.meta.url));
  if (existsSync(beside)) return beside;
  return createRequire(import.meta.url).resolve('highs/runtime');
}

export function loadHighs(): Promise<Highs> {
  loading ??= highsLoader({ wasmBinary: readFileSync(wasmPath()) });
  return loading;
}
