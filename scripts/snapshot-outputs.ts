/**
 * `npx tsx scripts/snapshot-outputs.ts <folder>`: writes the demo files (fixed seed) and every
 * report and export of the venue demo, at every privacy level and in every language (fixed clock
 * and ids), into <folder>. Run it before and after a restructuring and compare the folders byte
 * for byte (`diff -r`): a restructuring that changed nothing a user sees leaves them identical.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createAppRegistry } from '../main/api';
import type { ArgsOf, MethodName, ResultOf } from '../main/apiTypes';
import { AppContext } from '../main/context';
import { writeDemo, DEMO_SEED } from '../main/demo/writeDemo';
import { seededIdFactory } from '../db/ids';
import { createRandom } from '../main/domain/random';
import { LANGUAGES, REPORT_NAMES, REPORT_TABLES } from '../preload/vocabulary';

const out = resolve(process.argv[2] ?? 'out/snapshot');
mkdirSync(out, { recursive: true });
const CLOCK = '2026-03-14T10:30:00.000Z';

async function main(): Promise<void> {
  for (const stage of ['recruitment', 'venue'] as const) {
    await writeDemo(join(out, `demo-${stage}.assembly`), { seed: DEMO_SEED, panelSize: 60, stage });
  }
  const dataDir = join(out, 'data');
  mkdirSync(dataDir, { recursive: true });
  const registry = createAppRegistry(() => {});
  const ctx = new AppContext('cli', dataDir, undefined, () => new Date(CLOCK), seededIdFactory(createRandom('snapshot/ids').next, Date.parse(CLOCK)));
  ctx.operator = 'snapshot';
  const call = async <M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> => {
    const r = await registry.call(method, args, ctx);
    if (!r.ok) throw new Error(`${method} ${JSON.stringify(args)}: ${r.error.code} ${r.error.message}`);
    return r.data as ResultOf<M>;
  };
  // A copy is opened: opening takes a backup and may write to the file.
  copyFileSync(join(out, 'demo-venue.assembly'), join(dataDir, 'venue.assembly'));
  await call('app.openAssembly', { path: join(dataDir, 'venue.assembly') });
  const files = join(out, 'exports');
  mkdirSync(files, { recursive: true });
  let count = 2;
  const save = (name: string, file: { contentBase64?: string; content?: string }) => {
    writeFileSync(join(files, name), file.contentBase64 !== undefined ? Buffer.from(file.contentBase64, 'base64') : file.content ?? '');
    count++;
  };
  for (const level of ['full', 'pseudonymised', 'aggregate'] as const) {
    for (const lang of LANGUAGES) {
      for (const report of REPORT_NAMES) {
        const format = report === 'workbook' ? 'xlsx' : 'pdf';
        save(`${report}-${level}-${lang}.${format}`, await call('reports.export', { report, format, level, lang }));
      }
      for (const table of REPORT_TABLES) save(`${table}-${level}-${lang}.csv`, await call('reports.export', { report: table, format: 'csv', level, lang }));
    }
  }
  const sessions: { id: string }[] = await call('sessions.list', {});
  for (const lang of LANGUAGES) {
    save(`badges-${lang}.pdf`, await call('attendance.badges', { lang }));
    save(`signin-${lang}.pdf`, await call('attendance.signInSheet', { sessionId: sessions[0]!.id, lang }));
    save(`agenda-${lang}.xlsx`, await call('agenda.exportXlsx', { lang }));
    save(`programme-${lang}.pdf`, await call('agenda.exportPdf', { kind: 'programme', lang }));
    save(`schedule-${lang}.pdf`, await call('agenda.exportPdf', { kind: 'schedule', sessionId: sessions[0]!.id, lang }));
    for (const s of sessions) {
      const plans: { id: string }[] = await call('tables.list', { sessionId: s.id });
      for (const p of plans) {
        save(`tables-${p.id}-${lang}.xlsx`, await call('tables.exportXlsx', { planId: p.id, lang }));
        for (const kind of ['facilitators', 'wall'] as const) save(`tables-${p.id}-${kind}-${lang}.pdf`, await call('tables.exportPdf', { planId: p.id, kind, lang }));
      }
    }
  }
  save('perdiem.csv', await call('perDiem.exportCsv', {}));
  save('people-sortition.csv', await call('people.exportSortition', {}));
  save('quotas-sortition.csv', await call('quotas.exportSortition', {}));
  for (const run of (await call('selection.list', {})) as { id: string; algorithm: string }[]) {
    if (run.algorithm !== 'legacy') save(`selection-${run.id}.txt`, await call('selection.document', { id: run.id }));
  }
  // A table plan made now, by the search itself (the demo's plans are stored rows).
  const plan = await call('tables.plan', { sessionId: sessions[1]!.id, seed: 7, round: 9, tableSize: 8, modes: {}, pins: [], apart: [], source: 'confirmed' });
  writeFileSync(join(files, 'tables-plan-seed7.json'), JSON.stringify(plan.tables ?? plan, null, 1));
  count++;
  await call('app.closeAssembly', {}).catch(() => {});
  console.log(`${count} files written to ${out}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
