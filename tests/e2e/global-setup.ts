import { build } from 'vite';

/** Builds the renderer once (out/renderer) for every test file's web server (--no-build). */
export default async function globalSetup(): Promise<void> {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
