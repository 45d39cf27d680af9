/**
 * The PDF reports in the packaged app: pdfmake is bundled into out/main/electron.cjs (no new
 * runtime require), the report's font files (and their licence) are copied to out/main/fonts/, and render.ts finds
 * them beside its bundle. The Electron entry cannot run under plain Node, so a small probe
 * bundle of the reports, built with the same esbuild settings, is put beside it in a temporary
 * folder (node_modules out of reach) and run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFontDir, FONT_FILES } from '../../main/reports/pdf/render';
import { pdfText } from '../helpers/pdf';

const root = fileURLToPath(new URL('../../', import.meta.url));
const nodeModulesFonts = join(root, 'node_modules', 'dejavu-fonts-ttf', 'ttf');

describe('findFontDir', () => {
  const made: string[] = [];
  afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const fakeBundle = (files: readonly string[]): string => {
    const dir = mkdtempSync(join(tmpdir(), 'assembly-desk-fonts-'));
    made.push(dir);
    mkdirSync(join(dir, 'fonts'));
    for (const f of files) writeFileSync(join(dir, 'fonts', f), 'ttf');
    return dir;
  };

  it('uses the fonts folder beside the bundle when it holds every style', () => {
    const dir = fakeBundle(Object.values(FONT_FILES));
    expect(findFontDir(dir)).toBe(join(dir, 'fonts'));
  });

  it("falls back to the font package's copy in node_modules otherwise (development)", () => {
    expect(findFontDir(fakeBundle([FONT_FILES.normal]))).toBe(nodeModulesFonts);
    expect(findFontDir(fakeBundle([]))).toBe(nodeModulesFonts);
    expect(findFontDir()).toBe(nodeModulesFonts); // beside main/reports/pdf/render.ts: no fonts folder
  });
});

describe('the Electron bundle', () => {
  let out = '';
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'assembly-desk-reports-bundle-'));
    const run = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: root, env: { ...process.env, BUILD_ELECTRON_OUT: out }, encoding: 'utf8' });
    // The build fails when a bundle requires anything at runtime but electron and better-sqlite3.
    expect(run.status, run.stderr).toBe(0);
  }, 120_000);

  it('copies the report fonts beside the main bundle', () => {
    for (const f of Object.values(FONT_FILES)) {
      const copied = join(out, 'main', 'fonts', f);
      expect(existsSync(copied), f).toBe(true);
      expect(readFileSync(copied).equals(readFileSync(join(nodeModulesFonts, f))), f).toBe(true);
    }
    expect(readFileSync(join(out, 'main', 'fonts', 'LICENSE'), 'utf8')).toMatch(/Bitstream Vera/);
  });

  it('bundles pdfmake instead of requiring it at runtime', () => {
    const main = readFileSync(join(out, 'main', 'electron.cjs'), 'utf8');
    expect(main).not.toMatch(/require\(["'](pdfmake|pdfkit|qrcode|fontkit)/);
  });

  it('renders a badge sheet and a sign-in sheet from a bundle beside the fonts, without node_modules', async () => {
    const probe = join(out, 'main', 'reportsProbe.cjs');
    const entry = join(out, 'probe-entry.ts');
    writeFileSync(
      entry,
      `import { writeFileSync } from 'node:fs';
import { badgeSheet } from ${JSON.stringify(join(root, 'main', 'reports', 'badges'))};
import { signInSheet } from ${JSON.stringify(join(root, 'main', 'reports', 'signInSheet'))};
const generatedAt = new Date('2025-03-14T12:00:00Z');
const people = [{ firstName: 'Ayşe', lastName: 'Çelik', code: 'P-0001', language: 'nl', table: null }, { firstName: 'Łukasz', lastName: 'Nuñez-Øster', code: 'P-0002', language: 'fr', table: '3' }];
const main = async () => {
  writeFileSync(process.argv[2] + '-badges.pdf', await badgeSheet(people, { assemblyName: 'Panel', lang: 'en', generatedAt, timeZone: 'Europe/Brussels' }));
  writeFileSync(process.argv[2] + '-signin.pdf', await signInSheet({ name: 'Session 1', date: '2025-03-15', startTime: '09:30', endTime: '16:00', location: 'Hall' }, people, { assemblyName: 'Panel', lang: 'en', generatedAt, timeZone: 'Europe/Brussels' }));
};
main().catch((e) => { console.error(e instanceof Error ? e.message : e); process.exit(1); });
`,
    );
    // The settings of scripts/build-electron.mjs for out/main.
    const result = await build({
      absWorkingDir: root,
      entryPoints: [entry],
      outfile: probe,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      define: { 'import.meta.url': 'importMetaUrl' },
      banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
      metafile: true,
      logLevel: 'silent',
    });
    const externals = Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
    expect(externals.filter((p) => !p.startsWith('node:') && !builtinModules.includes(p))).toEqual([]);

    const run = spawnSync(process.execPath, [probe, join(out, 'probe')], { cwd: out, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const badges = pdfText(readFileSync(join(out, 'probe-badges.pdf')));
    for (const s of ['Çelik', 'Łukasz', 'Nuñez-Øster', 'P-0002', 'page 1 / 1']) expect(badges).toContain(s);
    expect(pdfText(readFileSync(join(out, 'probe-signin.pdf')))).toContain('Çelik, Ayşe');

    // Without the fonts beside it (and no node_modules in reach), the bundle says what is missing.
    renameSync(join(out, 'main', 'fonts'), join(out, 'main', 'fonts-away'));
    try {
      const missing = spawnSync(process.execPath, [probe, join(out, 'probe2')], { cwd: out, encoding: 'utf8', timeout: 60_000 });
      expect(missing.status).not.toBe(0);
      expect(missing.stderr).toContain(`main${sep}fonts`);
      expect(missing.stderr).toMatch(/was found neither/);
    } finally {
      renameSync(join(out, 'main', 'fonts-away'), join(out, 'main', 'fonts'));
    }
  }, 120_000);
});
