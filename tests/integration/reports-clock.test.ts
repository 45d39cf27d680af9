/**
 * One clock: with this process in New York time and the assembly in Europe/Brussels, the PDF
 * footer, the workbook's "Generated at" and the app status (which the audit view formats with)
 * all say Brussels time; the zone is a setting (app.setTimeZone), checked, audited, and the
 * documents follow it at once.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRegistry } from '../../main/api';
import type { ArgsOf, MethodName, ResultOf } from '../../main/apiTypes';
import { AppContext } from '../../main/context';
import { pdfText } from '../helpers/pdf';
import { useTempDir } from '../helpers/tmp';

// 23:50 UTC on 14 March: 00:50 on the 15th in Brussels, 19:50 on the 14th in New York.
const CLOCK = '2026-03-14T23:50:00.000Z';
const processZone = process.env.TZ;
const tempDir = useTempDir('assembly-desk-clock-');

const registry = createAppRegistry(() => {});
let ctx: AppContext;
const call = async <M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> => {
  const r = await registry.call(method, args, ctx);
  if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code} ${r.error.message}`), { error: r.error });
  return r.data as ResultOf<M>;
};
const bytes = (f: { contentBase64?: string }) => Buffer.from(f.contentBase64 ?? '', 'base64');

beforeAll(() => {
  // The computer's zone is not the assembly's (Node applies a change of TZ at once).
  process.env.TZ = 'America/New_York';
  expect(new Date(CLOCK).getHours()).toBe(19);
});
afterAll(() => {
  if (processZone === undefined) delete process.env.TZ;
  else process.env.TZ = processZone;
});

async function openAssembly(): Promise<void> {
  const dir = tempDir();
  ctx = new AppContext('cli', dir, undefined, () => new Date(CLOCK));
  ctx.operator = 'clock test';
  await call('app.createAssembly', { name: 'Klokpanel', path: join(dir, 'klok.assembly') });
  await call('sessions.create', { name: 'Weekend 1', date: '2026-03-21', startTime: '09:30', endTime: '16:00', kind: 'plenary' });
}

async function footer(lang: 'nl' | 'fr' | 'en'): Promise<string> {
  const text = pdfText(bytes(await call('agenda.exportPdf', { kind: 'programme', lang })));
  return text.split('\n').find((l) => /Generated on|Gegenereerd|Généré/.test(l)) ?? text;
}

async function generatedCell(): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes(await call('reports.export', { report: 'workbook', format: 'xlsx', level: 'aggregate', lang: 'en' })) as unknown as ArrayBuffer);
  const about = wb.worksheets[0]!;
  let value: unknown;
  about.eachRow((row) => {
    if (row.getCell(1).value === 'Generated at') value = row.getCell(2).value;
  });
  return value;
}

describe('one clock, the assembly’s', () => {
  it('prints Brussels time in the PDF footer and the workbook, not the computer’s', async () => {
    await openAssembly();
    expect((await call('app.status', {})).assembly!.timeZone).toBe('Europe/Brussels');
    expect(await footer('en')).toMatch(/Generated on 15 March 2026 at 00:50/);
    expect(await footer('nl')).toMatch(/15 maart 2026 (om )?00:50/);
    expect(await footer('fr')).toMatch(/15 mars 2026 (à )?00:50/);
    // Excel has no zones: the cell holds the venue's wall-clock time in its UTC fields.
    expect(await generatedCell()).toEqual(new Date('2026-03-15T00:50:00.000Z'));
  }, 60_000);

  it('changes the zone through the API: audited, canonical, and the documents follow', async () => {
    await openAssembly();
    const status = await call('app.setTimeZone', { timeZone: 'asia/tokyo' });
    expect(status.assembly!.timeZone).toBe('Asia/Tokyo');
    const audit = (await call('audit.list', { limit: 1 })) as { entity: string; action: string; before: unknown; after: unknown }[];
    expect(audit[0]).toMatchObject({ entity: 'assembly', action: 'update', before: { timeZone: 'Europe/Brussels' }, after: { timeZone: 'Asia/Tokyo' } });
    expect(await footer('en')).toMatch(/Generated on 15 March 2026 at 08:50/);
    expect(await generatedCell()).toEqual(new Date('2026-03-15T08:50:00.000Z'));
  }, 60_000);

  it('refuses what is not a time zone with a sentence naming it, and changes nothing', async () => {
    await openAssembly();
    for (const bad of ['Europe/Brusels', '+01:00', 'Mars/Olympus_Mons']) {
      const e = (await call('app.setTimeZone', { timeZone: bad }).catch((x: { error: unknown }) => x.error)) as { code: string; message: string; details: { fields: { field: string; rule: string }[] } };
      expect(e.code).toBe('VALIDATION');
      expect(e.message).toContain(`“${bad}” is not a time zone`);
      expect(e.details.fields[0]).toMatchObject({ field: 'timeZone', rule: 'notATimeZone' });
    }
    expect((await call('app.status', {})).assembly!.timeZone).toBe('Europe/Brussels');
    expect(((await call('audit.list', { limit: 5 })) as { entity: string; action: string }[]).filter((a) => a.entity === 'assembly' && a.action === 'update')).toEqual([]);
  }, 60_000);
});
