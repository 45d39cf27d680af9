#!/usr/bin/env node
/**
 * Bundles the Electron main process and the preload with esbuild (no Electron binary needed).
 *
 *   main/electron.ts  -> out/main/electron.cjs   (+ db/migrations/*.sql -> out/main/migrations/,
 *                        DejaVu Sans Condensed *.ttf + LICENSE -> out/main/fonts/)
 *   main/workers/selectionWorker.ts -> out/main/selectionWorker.cjs (the selection's worker thread)
 *   preload/index.ts  -> out/preload/index.cjs
 *
 * The renderer is built separately into out/renderer (vite). Usage: node scripts/build-electron.mjs
 * (BUILD_ELECTRON_OUT=<folder> writes <folder>/main and <folder>/preload instead of out/).
 */
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (...parts) => join(root, ...parts);

// BUILD_ELECTRON_OUT: another output folder than out/ (tests build there, beside a running app).
const outRoot = process.env.BUILD_ELECTRON_OUT ?? at('out');
const outMain = join(outRoot, 'main');
const outPreload = join(outRoot, 'preload');

/**
 * Fails the build when a bundle requires at runtime anything but the allowed externals
 * (and, for the main process, Node built-ins).
 */
function checkExternals(metafile, label, allowed, { builtins }) {
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!file.endsWith('.cjs')) continue;
    const stray = output.imports
      .filter((i) => i.external)
      .map((i) => i.path)
      .filter((p) => !allowed.includes(p) && !(builtins && isBuiltin(p)));
    if (stray.length > 0) throw new Error(`${label}: unexpected runtime require(s): ${[...new Set(stray)].join(', ')}`);
  }
}
const isBuiltin = (p) => p.startsWith('node:') || builtinModules.includes(p);

async function buildMain() {
  rmSync(outMain, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    // The worker thread is its own bundle beside the main one: main/workers/selectionJob.ts
    // looks for selectionWorker.cjs next to the code that starts it.
    entryPoints: { electron: at('main', 'electron.ts'), selectionWorker: at('main', 'workers', 'selectionWorker.ts') },
    outdir: outMain,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // electron is provided by the runtime; better-sqlite3 is loaded from node_modules (its JS)
    // with the Electron build of its addon passed as nativeBinding.
    external: ['electron', 'better-sqlite3'],
    // db/migrations.ts finds its .sql files with new URL('./migrations/', import.meta.url):
    // in the CommonJS bundle, import.meta.url becomes the bundle's own URL, so they are looked
    // up in out/main/migrations/, where they are copied below.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  });
  checkExternals(result.metafile, 'out/main', ['electron', 'better-sqlite3'], { builtins: true });

  const migrationsSrc = at('db', 'migrations');
  const migrationsOut = join(outMain, 'migrations');
  mkdirSync(migrationsOut, { recursive: true });
  const sqlFiles = readdirSync(migrationsSrc).filter((f) => f.endsWith('.sql'));
  if (sqlFiles.length === 0) throw new Error(`No migrations found in ${migrationsSrc}`);
  for (const f of sqlFiles) copyFileSync(join(migrationsSrc, f), join(migrationsOut, f));
  // HiGHS (the selection's LP/MIP solver) is WebAssembly: its .wasm is read from beside the
  // bundle (main/domain/selection/highs.ts looks there first).
  copyFileSync(at('node_modules', 'highs', 'build', 'highs.wasm'), join(outMain, 'highs.wasm'));
  // The PDF reports' embedded font (DejaVu Sans Condensed, npm dejavu-fonts-ttf, pinned: see
  // main/reports/pdf/render.ts, which reads it from out/main/fonts/ first), with its licence.
  const fontsSrc = at('node_modules', 'dejavu-fonts-ttf');
  const fontsOut = join(outMain, 'fonts');
  mkdirSync(fontsOut, { recursive: true });
  const fontFiles = readdirSync(join(fontsSrc, 'ttf')).filter((f) => /^DejaVuSansCondensed.*\.ttf$/.test(f));
  if (fontFiles.length === 0) throw new Error(`No report fonts found in ${fontsSrc}`);
  for (const f of fontFiles) copyFileSync(join(fontsSrc, 'ttf', f), join(fontsOut, f));
  copyFileSync(join(fontsSrc, 'LICENSE'), join(fontsOut, 'LICENSE'));
  return sqlFiles.length;
}

async function buildPreload() {
  rmSync(outPreload, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: [at('preload', 'index.ts')],
    outfile: join(outPreload, 'index.cjs'),
    bundle: true,
    // A sandboxed preload is a CommonJS script whose `require` knows only 'electron' (and a few
    // polyfilled built-ins): everything else, contract.ts included, is inlined (main's API types are type-only imports: erased).
    platform: 'node',
    format: 'cjs',
    target: 'es2022',
    external: ['electron'],
    sourcemap: 'inline',
    metafile: true,
    logLevel: 'warning',
  });
  checkExternals(result.metafile, 'out/preload/index.cjs', ['electron'], { builtins: false });
}

try {
  const migrations = await buildMain();
  await buildPreload();
  if (!existsSync(at('out', 'renderer', 'index.html'))) {
    console.warn('build-electron: note: out/renderer/index.html does not exist yet; build the renderer too before starting Electron.');
  }
  console.log(`build-electron: out/main/electron.cjs (+ ${migrations} migration file(s)), out/preload/index.cjs`);
} catch (e) {
  console.error(`build-electron: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
