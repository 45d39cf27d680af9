import { build } from 'vite';

/**
 * Builds the renderer once (out/renderer, or E2E_STATIC_DIR) for every test file's web server
 * (--no-build). E2E_STATIC_DIR lets several people run the suite side by side without one
 * build overwriting the files another's server is serving.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  const outDir = process.env.E2E_STATIC_DIR;
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', ...(outDir ? { build: { outDir, emptyOutDir: true } } : {}) });
}
