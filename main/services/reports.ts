/**
 * Reports and exports: one method, `reports.export`, for every report at every privacy level.
 * The data is gathered once (main/reports/data.ts), reduced to what the level may show
 * (privacy.ts), then handed to the builder of the report, loaded only when asked for.
 */
import { z } from 'zod';
import { CSV_DIALECTS, REPORT_NAMES, REPORT_TABLES, type ReportName, type ReportTable } from '../../preload/vocabulary';
import type { ExportedBinaryFile } from '../domain/assembly/types';
import type { ReportRequest } from '../reports/types';
import type { Db } from '../../db/connection';
import { searchKey } from '../domain/text';
import { AppError } from '../errors';
import { handlers } from '../registry';
import { gatherReportData } from '../reports/data';
import { forLevel, type PrivacyLevel } from '../reports/privacy';
import { publicFactsAt } from '../reports/publicFacts';

const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  csv: 'text/csv;charset=utf-8',
} as const;

const isTable = (name: string): name is ReportTable => (REPORT_TABLES as readonly string[]).includes(name);

/** Which format a report comes in. */
function checkFormat(req: ReportRequest): void {
  const wanted = req.report === 'workbook' ? 'xlsx' : isTable(req.report) ? 'csv' : 'pdf';
  // A table named like a PDF report (representativeness, attendance, agenda) is the CSV when csv is asked.
  const tableToo = isTable(req.report) && (REPORT_NAMES as readonly string[]).includes(req.report);
  if (req.dialect !== undefined && req.format !== 'csv') {
    throw new AppError('VALIDATION', `A CSV dialect applies to a csv export only, not to ${req.format}.`, {
      fields: [{ field: 'dialect', rule: 'notAllowed', message: 'applies to format csv only' }],
    });
  }
  if (req.format === wanted || (tableToo && (req.format === 'csv' || req.format === 'pdf'))) return;
  throw new AppError('VALIDATION', `The ${req.report} report comes as ${tableToo ? 'pdf or csv' : wanted}, not ${req.format}.`, {
    fields: [{ field: 'format', rule: 'notAllowed', message: `must be ${tableToo ? 'pdf or csv' : wanted}`, params: { allowed: tableToo ? 'pdf, csv' : wanted } }],
  }, 'reports.wrongFormat');
}

export async function buildReport(db: Db, req: ReportRequest, now: Date, defaultLang: 'nl' | 'fr' | 'en'): Promise<ExportedBinaryFile> {
  checkFormat(req);
  const lang = req.lang ?? defaultLang;
  const level: PrivacyLevel = req.level;
  const reduced = forLevel(gatherReportData(db, now, lang), level);
  // The public report's facts hold declines by person: reduced to the level like the rest.
  const data = reduced.publicFacts ? { ...reduced, publicFacts: publicFactsAt(reduced.publicFacts, level) } : reduced;
  let bytes: Buffer;
  if (req.format === 'csv') {
    const { reportCsv } = await import('../reports/workbook');
    bytes = Buffer.from(reportCsv(data, req.report as ReportTable, { level, lang, dialect: req.dialect }), 'utf8');
  } else if (req.format === 'xlsx') {
    const { reportWorkbook } = await import('../reports/workbook');
    bytes = await reportWorkbook(data, { level, lang });
  } else {
    const opts = { level, lang, generatedAt: now };
    const name = req.report as Exclude<ReportName, 'workbook'>;
    try {
      if (name === 'recommendations') bytes = await (await import('../reports/recommendationsPdf')).recommendationsPdf(data, opts);
      else if (name === 'representativeness') bytes = await (await import('../reports/representativenessPdf')).representativenessPdf(data, opts);
      else if (name === 'selectionAudit') bytes = await (await import('../reports/selectionAuditPdf')).selectionAuditPdf(data, opts);
      else if (name === 'attendance') bytes = await (await import('../reports/attendancePdf')).attendancePdf(data, opts);
      else if (name === 'publicReport') bytes = await (await import('../reports/publicReportPdf')).publicReportPdf(data, opts);
      else bytes = await (await import('../reports/agendaPdf')).agendaPdf(data.agenda, { kind: 'programme', sessionId: null, assemblyName: data.assembly.name, lang, generatedAt: now, timeZone: data.assembly.timeZone });
    } catch (e) {
      // The builders refuse a report with nothing to show in a sentence (a RangeError).
      if (e instanceof RangeError) throw new AppError('VALIDATION', e.message, {}, 'reports.nothingToReport');
      throw e;
    }
  }
  const slug = searchKey(data.assembly.name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'assembly';
  return {
    fileName: `${slug}-${req.report}-${level}-${now.toISOString().slice(0, 10)}.${req.format}`,
    mimeType: MIME[req.format],
    contentBase64: bytes.toString('base64'),
  };
}

export const reportHandlers = handlers({
  /**
   * A report at a privacy level: the file name carries the level. full: names and contacts;
   * pseudonymised: codes only; aggregate: counts only, cells under 5 people shown as "<5".
   */
  'reports.export': {
    args: z.strictObject({
      report: z.union([z.enum(REPORT_NAMES), z.enum(REPORT_TABLES)], { message: `must be one of ${[...new Set([...REPORT_NAMES, ...REPORT_TABLES])].join(', ')}` }),
      format: z.enum(['xlsx', 'pdf', 'csv'], { message: 'must be xlsx, pdf or csv' }),
      level: z.enum(['full', 'pseudonymised', 'aggregate'], { message: 'must be full, pseudonymised or aggregate' }),
      lang: z.enum(['nl', 'fr', 'en']).optional(),
      /** CSV only: excel (default; semicolon, decimal comma, byte-order mark) or plain (comma, decimal point). */
      dialect: z.enum(CSV_DIALECTS, { message: `must be ${CSV_DIALECTS.join(' or ')}` }).optional(),
    }),
    run: (args, ctx) => buildReport(ctx.requireDb(), args, ctx.clock(), ctx.settings.get().language),
  },
});
