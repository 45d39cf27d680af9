/**
 * Exports of personal data are audited (issue 18): every file the app hands out that names people
 * or lists them by code writes an audit row (who, when, which report, which level, where the file
 * went); an aggregate export writes none. The rows hold no personal value.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArgsOf, MethodName } from '../../main/apiTypes';
import { runCli } from '../../main/cli';
import { recordSavedExport } from '../../main/exportAudit';
import { REPORT_NAMES, REPORT_TABLES } from '../../preload/vocabulary';
import { makeApp } from '../helpers/app';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir('assembly-desk-export-audit-');
const NOW = '2027-03-14T10:30:00.000Z';

async function venueApp() {
  const app = makeApp(tempDir(), 'Sofie Peeters', () => new Date(NOW));
  await app.call('app.openDemo', { stage: 'venue' });
  return app;
}

type App = Awaited<ReturnType<typeof venueApp>>;
const exportRows = async (app: App) => (await app.call('audit.list', { entity: 'export', limit: 1000 })).filter((r) => r.action === 'export.personalData');

/** Calls an export and returns the audit rows it added (newest first) and the file it handed out. */
async function exported<M extends MethodName>(app: App, method: M, args: ArgsOf<M>) {
  const before = (await exportRows(app)).length;
  const result = (await app.call(method, args)) as unknown as { fileName?: string; rejectedFile?: { fileName: string } | null };
  const rows = await exportRows(app);
  return { rows: rows.slice(0, rows.length - before), fileName: result.fileName ?? result.rejectedFile?.fileName };
}

describe('exports of personal data', () => {
  it('each writes one audit row: who, when, which report and level, the file, where it went; no personal value in it', async () => {
    const app = await venueApp();
    const sessions = await app.call('sessions.list', {});
    const plan = (await Promise.all(sessions.map((s) => app.call('tables.list', { sessionId: s.id })))).flat()[0]!;
    const agenda = await app.call('agenda.overview', {});
    const speaker = agenda.contributors.find((c) => agenda.slots.some((s) => s.speakerIds.includes(c.id)))!;
    const run = (await app.call('selection.list', {})).find((r) => r.status === 'drawn')!;

    const personal: { method: MethodName; args: unknown; report: string; level: 'full' | 'pseudonymised' }[] = [
      { method: 'reports.export', args: { report: 'workbook', format: 'xlsx', level: 'full' }, report: 'workbook', level: 'full' },
      { method: 'reports.export', args: { report: 'attendance', format: 'pdf', level: 'pseudonymised' }, report: 'attendance', level: 'pseudonymised' },
      { method: 'reports.export', args: { report: 'participants', format: 'csv', level: 'full' }, report: 'participants', level: 'full' },
      { method: 'attendance.badges', args: {}, report: 'badges', level: 'full' },
      { method: 'attendance.signInSheet', args: { sessionId: sessions[0]!.id }, report: 'signInSheet', level: 'full' },
      { method: 'perDiem.exportCsv', args: {}, report: 'perDiemPayments', level: 'full' },
      { method: 'people.exportSortition', args: {}, report: 'sortitionRespondents', level: 'pseudonymised' },
      { method: 'selection.document', args: { id: run.id }, report: 'selectionDocument', level: 'pseudonymised' },
      { method: 'tables.exportPdf', args: { planId: plan.id, kind: 'wall' }, report: 'tables-wall', level: 'full' },
      { method: 'tables.exportXlsx', args: { planId: plan.id }, report: 'tables', level: 'full' },
      { method: 'agenda.exportPdf', args: { kind: 'schedule', sessionId: sessions[0]!.id }, report: 'schedule', level: 'full' },
      { method: 'agenda.exportXlsx', args: {}, report: 'agendaWorkbook', level: 'full' },
      { method: 'agenda.speakerCalendar', args: { contributorId: speaker.id }, report: 'speakerCalendar', level: 'full' },
    ];
    for (const c of personal) {
      const { rows, fileName } = await exported(app, c.method, c.args as never);
      expect(rows, `${c.method} ${c.report}`).toHaveLength(1);
      expect(rows[0], `${c.method} ${c.report}`).toMatchObject({
        operator: 'Sofie Peeters',
        at: NOW,
        entity: 'export',
        action: 'export.personalData',
        // One expert's calendar is named after them: the row names the contributor by id instead.
        entityId: c.method === 'agenda.speakerCalendar' ? speaker.id : null,
        after: { method: c.method, report: c.report, level: c.level, fileName: c.method === 'agenda.speakerCalendar' ? null : fileName, destination: { kind: 'stdout' } },
      });
      expect((rows[0]!.after as { bytes: number }).bytes).toBeGreaterThan(0);
    }
    expect(personal.map((c) => c.report)).toEqual(expect.arrayContaining(['badges', 'signInSheet', 'perDiemPayments', 'sortitionRespondents']));

    // Nothing personal in the log: not a name of anyone on the panel nor of the speaker.
    const log = JSON.stringify(await exportRows(app));
    const people = (await app.call('people.list', { status: 'confirmed', limit: 60 })).rows;
    for (const p of people) {
      expect(log).not.toContain(p.lastName);
      expect(log).not.toContain(p.code);
    }
    expect(log).not.toContain(speaker.name);
    const { fileName: calendarName } = await app.call('agenda.speakerCalendar', { contributorId: speaker.id });
    expect(log).not.toContain(calendarName);
    app.close();
  }, 120_000);

  it('an aggregate export writes no row: every report and table at the aggregate level, the quotas file', async () => {
    const app = await venueApp();
    const before = (await exportRows(app)).length;
    for (const report of REPORT_NAMES) {
      const r = await app.raw('reports.export', { report, format: report === 'workbook' ? 'xlsx' : 'pdf', level: 'aggregate' });
      expect(r.ok, report).toBe(true);
    }
    for (const table of REPORT_TABLES) expect((await app.raw('reports.export', { report: table, format: 'csv', level: 'aggregate' })).ok, table).toBe(true);
    await app.call('quotas.exportSortition', {});
    expect(await exportRows(app)).toHaveLength(before);
    // The same report at the full level does write one.
    await app.call('reports.export', { report: 'workbook', format: 'xlsx', level: 'full' });
    expect(await exportRows(app)).toHaveLength(before + 1);
    app.close();
  }, 120_000);

  it("an import's file of rejected rows (names as in the source file) is an export of personal data too", async () => {
    const app = await venueApp();
    const csv = 'Voornaam;Naam;Geboortejaar\r\nÉlodie;Dubois;1985\r\nAn;Claes;19x5\r\n';
    const staged = await app.call('imports.stage', { fileName: 'antwoorden.csv', contentBase64: Buffer.from(csv).toString('base64') });
    const { rows, fileName } = await exported(app, 'imports.commit', { uploadId: staged.uploadId, mapping: staged.mapping, mode: 'validOnly' });
    expect(fileName).toBe('antwoorden-rejected-rows.csv');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ after: { method: 'imports.commit', report: 'rejectedRows', level: 'full', fileName } });
    expect(JSON.stringify(rows)).not.toContain('Claes');
    // An import with nothing rejected hands out no file and writes no row.
    const clean = await app.call('imports.stage', { fileName: 'b.csv', contentBase64: Buffer.from('Voornaam;Naam;Geboortejaar\r\nNoël;Peeters;1970\r\n').toString('base64') });
    expect((await exported(app, 'imports.commit', { uploadId: clean.uploadId, mapping: clean.mapping, mode: 'validOnly' })).rows).toHaveLength(0);
    app.close();
  }, 60_000);

  it('is refused without an operator: no file leaves without a name in the log', async () => {
    const app = makeApp(tempDir(), null);
    app.ctx.operator = 'Sofie Peeters';
    await app.call('app.openDemo', { stage: 'venue' });
    app.ctx.operator = null;
    const r = await app.raw('reports.export', { report: 'workbook', format: 'xlsx', level: 'full' });
    expect(r.ok ? null : r.error.code).toBe('NO_OPERATOR');
    // An aggregate export needs no row, so no operator either.
    expect((await app.raw('reports.export', { report: 'workbook', format: 'xlsx', level: 'aggregate' })).ok).toBe(true);
    app.close();
  }, 60_000);

  it("where the file went: the command line's --out path; a station's name; the path the desktop app saved to", async () => {
    const dir = tempDir();
    const app = await venueApp();
    const file = app.ctx.open!.path;
    app.close();
    const out = join(dir, 'participants.csv');
    const cli = await runCli(['--file', file, '--data-dir', join(dir, 'cli'), '--operator', 'Jan Claes', 'report', 'participants', '--format', 'csv', '--level', 'full', '--out', out]);
    expect(cli.exitCode, cli.stderr).toBe(0);
    expect(readFileSync(out).length).toBeGreaterThan(0);

    const again = makeApp(join(dir, 'again'), 'Sofie Peeters', () => new Date(NOW));
    await again.call('app.openAssembly', { path: file });
    const [fromCli] = await exportRows(again);
    expect(fromCli).toMatchObject({ operator: 'Jan Claes', after: { report: 'participants', level: 'full', format: 'csv', destination: { kind: 'file', path: out } } });

    // A station of the venue link (the secretariat's laptop) exporting the respondents file.
    const station = again.ctx.forCaller({ kind: 'station', deviceId: 'dev-1', deviceName: 'Secretariat laptop', person: 'Ann Peeters', role: 'secretariat' });
    const r = await again.registry.call('people.exportSortition', {}, station);
    expect(r.ok).toBe(true);
    const [fromStation] = await exportRows(again);
    expect(fromStation).toMatchObject({ operator: 'Ann Peeters', device: 'Secretariat laptop', deviceId: 'dev-1', after: { destination: { kind: 'station', device: 'Secretariat laptop' } } });

    // Electron reports where a download was saved (main/electron.ts, will-download).
    recordSavedExport(again.ctx, 'participants.csv', '/home/desk/Documents/participants.csv');
    const saved = (await again.call('audit.list', { entity: 'export' })).find((a) => a.action === 'export.saved');
    expect(saved).toMatchObject({ operator: 'Sofie Peeters', after: { fileName: 'participants.csv', path: '/home/desk/Documents/participants.csv' } });
    again.close();
  }, 120_000);
});
