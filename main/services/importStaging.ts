import { createHash, randomUUID } from 'node:crypto';
import type { StagedImport } from '../domain/recruitment/types';
import type { ImportPlan } from '../domain/import/plan';
import type { ParsedTable } from '../domain/import/readTable';
import type { AppContext } from '../context';
import { AppError } from '../errors';

/**
 * Files read for import, held in memory between the preview, the check and the commit.
 * They are never written to disk: they hold personal data, and a half-finished import must
 * leave nothing behind. A few at most, per running app.
 */
export interface Staged {
  uploadId: string;
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  table: ParsedTable;
  /** The last plan made (by a check), reused by the commit while nothing has changed since. */
  plan: { key: string; plan: ImportPlan } | null;
}

const MAX_STAGED = 3;
const stagedByContext = new WeakMap<AppContext, Map<string, Staged>>();

function store(ctx: AppContext): Map<string, Staged> {
  let staged = stagedByContext.get(ctx.base);
  if (!staged) stagedByContext.set(ctx.base, (staged = new Map()));
  return staged;
}

export function stage(ctx: AppContext, fileName: string, bytes: Uint8Array, table: ParsedTable): Staged {
  const staged = store(ctx);
  // Keep the most recent few: an abandoned preview must not hold a 100 MB file forever.
  while (staged.size >= MAX_STAGED) staged.delete(staged.keys().next().value as string);
  const entry: Staged = {
    uploadId: randomUUID(),
    fileName,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    table,
    plan: null,
  };
  staged.set(entry.uploadId, entry);
  return entry;
}

export function getStaged(ctx: AppContext, uploadId: string): Staged {
  const entry = store(ctx).get(uploadId);
  if (!entry) {
    throw new AppError('NOT_FOUND', 'This import is no longer in memory (it was finished, discarded or replaced by newer ones). Choose the file again.', {
      uploadId,
    }, 'errors.importGone');
  }
  return entry;
}

export function replaceTable(ctx: AppContext, uploadId: string, table: ParsedTable): Staged {
  const entry = getStaged(ctx, uploadId);
  entry.table = table;
  entry.plan = null;
  return entry;
}

export function discard(ctx: AppContext, uploadId: string): boolean {
  return store(ctx).delete(uploadId);
}

export const PREVIEW_ROWS = 20;
/** Rows read as Windows-1252 shown for checking; the count is in the message when there are more. */
const MAX_LEGACY_ROWS_SHOWN = 200;

export function describeStaged(entry: Staged, mapping: StagedImport['mapping'], mappingSource: StagedImport['mappingSource']): StagedImport {
  const t = entry.table;
  return {
    uploadId: entry.uploadId,
    fileName: entry.fileName,
    kind: t.kind,
    encoding: t.encoding,
    delimiter: t.delimiter,
    sheets: t.sheets,
    sheet: t.sheet,
    header: t.header,
    preview: t.rows.slice(0, PREVIEW_ROWS),
    rowCount: t.rows.length,
    mapping,
    mappingSource,
    // A row before the first data row is the header (the only other non-blank one).
    legacyRows: t.legacyRows.slice(0, MAX_LEGACY_ROWS_SHOWN).map((row) => ({ row, cells: t.rows[t.rowNumbers.indexOf(row)] ?? t.header })),
    legacyRowCount: t.legacyRows.length,
  };
}
