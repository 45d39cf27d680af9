/** reports.export and the CLI report command on the demo at the venue, read back. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { DEMO_SEED, writeDemoAssembly } from '../../main/demo/writeDemo';
import { makeApp } from '../helpers/app';
import { pdfText } from '../helpers/pdf';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();

async function venueFile(): Promise<string> {
  const file = join(tempDir(), 'venue.assembly');
  await writeDemoAssembly(file, { seed: DEMO_SEED, panelSize: 60, stage: 'venue' });
  return file;
}

describe('reports', () => {
  it('exports every report at the aggregate level with the level in the file name and no participant named', async () => {
    const file = await venueFile();
    const app = makeApp(tempDir());
    await app.call('app.openAssembly', { path: file });
    const people = await app.call('people.list', { status: 'confirmed', limit: 100 });
    const names = people.rows.flatMap((p) => [p.lastName, p.email ?? '', p.phone ?? '']).filter((x) => x.length > 3);
    for (const [report, format] of [
      ['workbook', 'xlsx'],
      ['recommendations', 'pdf'],
      ['representativeness', 'pdf'],
      ['selectionAudit', 'pdf'],
      ['attendance', 'pdf'],
      ['agenda', 'pdf'],
      ['participants', 'csv'],
      ['perDiem', 'csv'],
    ] as const) {
      const out = await app.call('reports.export', { report, format, level: 'aggregate', lang: 'nl' });
      expect(out.fileName).toMatch(new RegExp(`-${report}-aggregate-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
      const bytes = Buffer.from(out.contentBase64, 'base64');
      let text: string;
      if (format === 'pdf') {
        text = pdfText(bytes);
      } else if (format === 'xlsx') {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(bytes as unknown as ArrayBuffer);
        text = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v ?? '')))).join('\n');
        expect(wb.worksheets.length).toBeGreaterThan(5);
      } else {
        text = bytes.toString('utf8');
        expect(text.startsWith('\uFEFF')).toBe(true);
      }
      for (const n of names) expect(text.includes(n), `${report} must not hold ${n}`).toBe(false);
    }
    // A report that does not come in that format is refused with the formats it has.
    const wrong = await app.raw('reports.export', { report: 'workbook', format: 'pdf', level: 'full' });
    expect(wrong.ok ? null : wrong.error.i18nKey).toBe('reports.wrongFormat');
    app.close();
  }, 120_000);

  it('writes a report from the command line, and refuses bad flags or an existing file', async () => {
    const file = await venueFile();
    const dir = tempDir();
    const out = join(dir, 'results.pdf');
    const cli = await runCli(['--file', file, '--data-dir', dir, 'report', 'recommendations', '--format', 'pdf', '--level', 'aggregate', '--lang', 'fr', '--out', out]);
    expect(cli.exitCode, cli.stderr).toBe(0);
    expect(cli.stdout).toContain('aggregate');
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(readFileSync(out))).toContain('ADOPT');

    const again = await runCli(['--file', file, '--data-dir', dir, 'report', 'recommendations', '--format', 'pdf', '--level', 'aggregate', '--out', out]);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    const level = await runCli(['--file', file, '--data-dir', dir, 'report', 'workbook', '--format', 'xlsx', '--level', 'public', '--out', join(dir, 'x.xlsx')]);
    expect(level.exitCode).toBe(1);
    expect(level.stderr).toMatch(/level/);
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
    const missing = await runCli(['--file', file, 'report', 'workbook', '--format', 'xlsx']);
    expect(missing.exitCode).toBe(2);
    const stray = await runCli(['--file', file, 'sessions.list', '--format', 'xlsx']);
    expect(stray.exitCode).toBe(2);
  }, 120_000);
});
