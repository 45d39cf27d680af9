/**
 * Exports of personal data leave a trace (issue 18): every file the API hands out that names
 * people (full level) or lists them by pseudonymous code (pseudonymised level) writes an audit
 * row: who (operator and device, the audit row's own columns), when, which report, which level,
 * which format and file name, and where the file went. Aggregate exports (counts only) and files
 * with no person in them write none.
 *
 * In one place: every handler is wrapped here (createAppRegistry), and a file is recognised by
 * the shape of the result (an ExportedFile or ExportedBinaryFile, or an import's file of rejected
 * rows), not by a list someone must remember to extend: a method that starts returning a file and
 * is missing from EXPORTS is audited as a full-level export under its own name.
 *
 * The row is written before the file leaves the process: if it cannot be written (no operator,
 * a full disk), the export fails and nothing is handed out.
 */
import type { ListedMethod } from '../preload/contract';
import type { AppContext } from './context';
import type { Handler, HandlerMap } from './registry';

export type ExportLevel = 'full' | 'pseudonymised' | 'aggregate';

export interface ExportKind {
  /** The report or list, as the audit log names it. */
  report: string;
  level: ExportLevel;
  /** The record the file is about (the audit row's entity_id), when it is one person's. */
  entityId?: string;
  /** The file's name carries a person's name: it is left out of the row (the entity id says whose). */
  nameInFileName?: true;
}

/** A file as the API returns it (text or base64 bytes). */
interface HandedFile {
  fileName: string;
  content?: string;
  contentBase64?: string;
}

/** Where an export went, as far as the app can know it. */
export type ExportDestination =
  /** Written by the command line (`report --out`) at this path. */
  | { kind: 'file'; path: string }
  /** Printed by the command line (an API call's JSON on standard output). */
  | { kind: 'stdout' }
  /** Handed to the desktop app's or the browser's download: saved where the person chose (Electron records the path in an export.saved row). */
  | { kind: 'download'; app: 'electron' | 'web' }
  /** Downloaded on a station of the venue link. */
  | { kind: 'station'; device: string };

type Args = Record<string, unknown>;
const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);

/**
 * Every method that hands out a file, with the report it is and the level of personal data it
 * holds. full: names, contacts or amounts per person; pseudonymised: codes with features;
 * aggregate: no person at all.
 */
export const EXPORTS: Partial<Record<ListedMethod, (args: Args) => ExportKind>> = {
  // The report's own level: full (names, contacts), pseudonymised (codes), aggregate (counts).
  'reports.export': (a) => ({ report: str(a.report, 'report'), level: str(a.level, 'full') as ExportLevel }),
  'attendance.badges': () => ({ report: 'badges', level: 'full' }),
  'attendance.signInSheet': () => ({ report: 'signInSheet', level: 'full' }),
  // Names with the amounts paid to each.
  'perDiem.exportCsv': () => ({ report: 'perDiemPayments', level: 'full' }),
  // The Sortition Foundation's respondents file: codes and feature values.
  'people.exportSortition': () => ({ report: 'sortitionRespondents', level: 'pseudonymised' }),
  // Quotas per feature value: no person.
  'quotas.exportSortition': () => ({ report: 'sortitionCategories', level: 'aggregate' }),
  // The lottery (tickets of codes) or a legacy run's input (codes with features).
  'selection.document': () => ({ report: 'selectionDocument', level: 'pseudonymised' }),
  // Who sits at which table, by name.
  'tables.exportPdf': (a) => ({ report: `tables-${str(a.kind, 'pdf')}`, level: 'full' }),
  'tables.exportXlsx': () => ({ report: 'tables', level: 'full' }),
  // Experts and guests by name (the staff schedule with their e-mail and phone; the workbook with fees).
  'agenda.exportPdf': (a) => ({ report: str(a.kind, 'agenda'), level: 'full' }),
  'agenda.exportXlsx': () => ({ report: 'agendaWorkbook', level: 'full' }),
  // One expert's calendar, named after them: the row names the contributor by id only.
  'agenda.speakerCalendar': (a) => ({ report: 'speakerCalendar', level: 'full', entityId: str(a.contributorId, ''), nameInFileName: true }),
  // The rows an import refused, as they were in the source file (names, contacts).
  'imports.commit': () => ({ report: 'rejectedRows', level: 'full' }),
  'imports.importFile': () => ({ report: 'rejectedRows', level: 'full' }),
};

function isHandedFile(value: unknown): value is HandedFile {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.fileName === 'string' && (typeof v.content === 'string' || typeof v.contentBase64 === 'string');
}

/** The files in a method's result: the result itself, or an import's file of rejected rows. */
export function filesIn(result: unknown): HandedFile[] {
  if (isHandedFile(result)) return [result];
  const rejected = (result as { rejectedFile?: unknown } | null)?.rejectedFile;
  return isHandedFile(rejected) ? [rejected] : [];
}

export function destinationOf(ctx: AppContext): ExportDestination {
  if (ctx.caller.kind === 'station') return { kind: 'station', device: ctx.caller.deviceName };
  if (ctx.exportTarget !== null) return { kind: 'file', path: ctx.exportTarget };
  if (ctx.transport === 'cli') return { kind: 'stdout' };
  return { kind: 'download', app: ctx.transport };
}

const byteLength = (f: HandedFile) => (f.contentBase64 !== undefined ? Buffer.from(f.contentBase64, 'base64').length : Buffer.byteLength(f.content ?? '', 'utf8'));

/** Writes the audit row of each personal-data file in a method's result; aggregate ones write none. */
export function recordExport(method: string, args: unknown, result: unknown, ctx: AppContext): void {
  const files = filesIn(result);
  if (files.length === 0) return;
  const describe = EXPORTS[method as ListedMethod];
  const kind: ExportKind = describe ? describe((args ?? {}) as Args) : { report: method, level: 'full' };
  if (kind.level === 'aggregate') return;
  const destination = destinationOf(ctx);
  ctx.mutate((_db, audit) => {
    for (const file of files) {
      audit({
        entity: 'export',
        entityId: kind.entityId ?? null,
        action: 'export.personalData',
        // No personal value: the method, the report, its level and format, the file's name and size, where it went.
        after: {
          method,
          report: kind.report,
          level: kind.level,
          format: file.fileName.split('.').pop() ?? '',
          fileName: kind.nameInFileName ? null : file.fileName,
          bytes: byteLength(file),
          destination,
        },
      });
    }
  });
}

/**
 * The desktop app saved a download at `path` (Electron's will-download, once the person chose
 * where): recorded after the export's own row, so the log says where the file went on disk.
 */
export function recordSavedExport(ctx: AppContext, fileName: string, path: string): void {
  if (!ctx.open || !ctx.operator) return;
  ctx.mutate((_db, audit) => audit({ entity: 'export', entityId: null, action: 'export.saved', after: { fileName, path } }));
}

/** The handlers of a domain, each audited when it hands out a personal-data file. */
export function withExportAudit(map: HandlerMap): HandlerMap {
  const wrapped: HandlerMap = {};
  for (const [method, handler] of Object.entries(map)) {
    const audited: Handler = {
      args: handler.args,
      async run(args, ctx) {
        const result: unknown = await handler.run(args, ctx);
        recordExport(method, args, result, ctx);
        return result;
      },
    };
    wrapped[method] = audited;
  }
  return wrapped;
}
