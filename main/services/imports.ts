import { readFile, stat } from 'node:fs/promises';
import { randomBytes, randomUUID } from 'node:crypto';
import { basename, extname } from 'node:path';
import { z } from 'zod';
import { IMPORT_FIELDS, type ImportField } from '../../preload/vocabulary';
import { MAX_IMPORT_FILE_BYTES } from '../../preload/contract';
import type { ColumnMapping, ImportCheck, ImportResult, StagedImport } from '../domain/recruitment/types';
import type { ExportedFile } from '../domain/assembly/types';
import type { AuditRecord } from '../../db/audit';
import { dataVersion, totalChanges, type Db } from '../../db/connection';
import {
  duplicateCandidates,
  existingImportKeys,
  featureValueNames,
  findSavedMapping,
  duplicateFlagWriter,
  insertImportRecord,
  listImports,
  saveMapping,
} from '../../db/imports';
import { ageReferenceYear, nextFeaturePosition, nextValuePosition } from '../../db/features';
import { allCodes } from '../../db/people';
import { createPoolWriter } from '../../db/poolWrite';
import { ImportFileError } from '../domain/import/errors';
import { suggestMapping } from '../domain/import/mapRows';
import { planImport, searchKeyWithCode, type ImportPlan } from '../domain/import/plan';
import { readTable } from '../domain/import/readTable';
import { uniqueCode } from '../domain/recruitment/codes';
import { csvLines } from '../domain/csvWrite';
import { searchKey } from '../domain/text';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { handlers } from '../registry';
import { describeStaged, discard, getStaged, replaceTable, stage, type Staged } from './importStaging';
import { empty, filePath, id, requiredText } from './schemas';

const MAX_PROBLEMS_SHOWN = 1000;

/** A file's bytes from base64, refusing what is too large before decoding it. */
export function bytesFromBase64(contentBase64: string): Uint8Array {
  if ((contentBase64.length * 3) / 4 > MAX_IMPORT_FILE_BYTES + 4) {
    throw new AppError('VALIDATION', `The file is larger than ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB.`, {}, 'errors.importTooLarge');
  }
  return new Uint8Array(Buffer.from(contentBase64, 'base64'));
}

/**
 * Picks characters with cryptographic randomness, drawing random bytes in blocks: one system call
 * per character costs more than the whole insert of a person. Bytes that would bias the choice
 * (the top of 0..255 that is not a multiple of the alphabet's size) are skipped.
 */
function securePicker(): (characters: readonly string[]) => string {
  let pool = randomBytes(0);
  let next = 0;
  return (characters) => {
    const limit = 256 - (256 % characters.length);
    for (;;) {
      if (next >= pool.length) {
        pool = randomBytes(4096);
        next = 0;
      }
      const byte = pool[next++]!;
      if (byte < limit) return characters[byte % characters.length]!;
    }
  };
}

/** Turns a file problem (empty, binary, broken workbook, ...) into a clear API error. */
async function readTableOrExplain(bytes: Uint8Array, fileName: string, sheet?: string) {
  try {
    return await readTable(bytes, fileName, sheet === undefined ? undefined : { sheet });
  } catch (e) {
    if (e instanceof ImportFileError) {
      throw new AppError('VALIDATION', `${fileName}: ${e.message}`, { fileCode: e.code, params: e.params }, `importFile.${e.code}`);
    }
    throw e;
  }
}

/** Saved mappings are keyed by the header's folded names: the same export from the same office. */
const headerKey = (header: string[]) => JSON.stringify(header.map((h) => searchKey(h)));

function mappingFor(db: Db | null, header: string[]): Pick<StagedImport, 'mapping' | 'mappingSource'> {
  const saved = db ? findSavedMapping(db, headerKey(header)) : null;
  if (saved && saved.columns.length === header.length) return { mapping: saved, mappingSource: 'saved' };
  return { mapping: suggestMapping(header), mappingSource: 'guessed' };
}

async function stageBytes(ctx: AppContext, fileName: string, bytes: Uint8Array): Promise<StagedImport> {
  const db = ctx.requireDb();
  const table = await readTableOrExplain(bytes, fileName);
  const entry = stage(ctx, fileName, bytes, table);
  const { mapping, mappingSource } = mappingFor(db, table.header);
  return describeStaged(entry, mapping, mappingSource);
}

async function stagePath(ctx: AppContext, path: string): Promise<StagedImport> {
  ctx.requireDb();
  const file = ctx.resolveUserPath(path);
  const info = await stat(file).catch(() => null);
  if (!info || !info.isFile()) throw new AppError('FILE_NOT_FOUND', `There is no file at ${file}.`, { path: file });
  if (info.size > MAX_IMPORT_FILE_BYTES) {
    throw new AppError('VALIDATION', `The file is larger than ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB.`, {}, 'errors.importTooLarge');
  }
  return stageBytes(ctx, basename(file), new Uint8Array(await readFile(file)));
}

const columnTarget = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('field'),
    field: z.enum(IMPORT_FIELDS as unknown as [ImportField, ...ImportField[]]),
    // Also a feature under this name (checkMapping allows it for FEATURE_FIELDS only).
    feature: z.string().max(100, 'must be at most 100 characters').optional(),
  }),
  z.strictObject({ kind: z.literal('feature'), feature: z.string().max(100, 'must be at most 100 characters') }),
  z.strictObject({ kind: z.literal('ignore') }),
]);
const mapping = z.strictObject({ columns: z.array(columnTarget).max(500, 'has too many columns') });

/** A random id per open connection: counters restart when a file is closed and opened again. */
const connectionIds = new WeakMap<Db, string>();
function connectionId(db: Db): string {
  let id = connectionIds.get(db);
  if (!id) connectionIds.set(db, (id = randomUUID()));
  return id;
}

/**
 * The plan for a staged file and mapping. The check makes it; the commit that follows reuses it
 * when the mapping, the file and the assembly are unchanged since (a 50,000-row plan costs about
 * a second). The assembly counts as unchanged when it is the same open connection and neither
 * it (total_changes) nor another process (data_version) has written since. The commit asks
 * inside its write transaction, so nothing can change between this check and the writes.
 */
function plan(ctx: AppContext, db: Db, staged: Staged, columnMapping: ColumnMapping): ImportPlan {
  const key = JSON.stringify([
    connectionId(db),
    totalChanges(db),
    dataVersion(db),
    ageReferenceYear(db, ctx.clock()),
    columnMapping,
  ]);
  if (staged.plan?.key === key) return staged.plan.plan;
  const made = makePlan(ctx, db, staged, columnMapping);
  staged.plan = { key, plan: made };
  return made;
}

function makePlan(ctx: AppContext, db: Db, staged: Staged, columnMapping: ColumnMapping): ImportPlan {
  const keys = existingImportKeys(db);
  return planImport(
    staged.table,
    columnMapping,
    { ...keys, people: duplicateCandidates(db), features: featureValueNames(db) },
    { referenceYear: ageReferenceYear(db, ctx.clock()) },
  );
}

function summarise(p: ImportPlan): ImportCheck {
  return {
    rowsTotal: p.rowsTotal,
    newRows: p.newPeople.length,
    alreadyInPool: p.alreadyInPool,
    rejectedRows: p.rejectedIndexes.length,
    mappingProblems: p.mappingProblems.map((m) => ({ column: m.column, rule: m.rule, message: m.message })),
    problems: p.problems.slice(0, MAX_PROBLEMS_SHOWN),
    problemCount: p.problems.length,
    repeatedInFile: p.repeatedInFile.slice(0, MAX_PROBLEMS_SHOWN),
    fileDuplicates: p.fileDuplicates.slice(0, MAX_PROBLEMS_SHOWN),
    duplicatesFlagged: p.duplicates.length,
    needsCounts: {
      accessibility: p.newPeople.filter((n) => n.needs.accessibility !== '').length,
      diet: p.newPeople.filter((n) => n.needs.diet !== '').length,
      childcare: p.newPeople.filter((n) => n.needs.childcare).length,
      travel: p.newPeople.filter((n) => n.needs.travel !== '').length,
    },
    unrecognisedNeeds: p.unrecognisedNeeds.slice(0, 200),
    newFeatureValues: p.features
      .map((f) => ({ feature: f.name, values: [...f.values.values()].filter((v) => v.existingId === null).map((v) => v.value) }))
      .filter((f) => f.values.length > 0),
  };
}

/**
 * The rejected rows as they were in the file, with their row number and reasons in front, in
 * the file's own delimiter so that the office's Excel opens it the same way.
 */
export function rejectedRowsFile(staged: Staged, p: ImportPlan): ExportedFile {
  const t = staged.table;
  const delimiter = t.delimiter ?? ',';
  const reasons = new Map<number, string[]>();
  for (const problem of p.problems) (reasons.get(problem.row) ?? reasons.set(problem.row, []).get(problem.row)!).push(problem.message);
  const lines = [['Row', 'Problems', ...t.header]];
  for (const index of p.rejectedIndexes) {
    const rowNumber = t.rowNumbers[index]!;
    lines.push([String(rowNumber), (reasons.get(rowNumber) ?? []).join(' | '), ...t.rows[index]!]);
  }
  const content = csvLines(lines, delimiter);
  const base = basename(staged.fileName, extname(staged.fileName));
  return { fileName: `${base}-rejected-rows.csv`, content };
}

/** Writes the plan in one transaction: people, new feature values, duplicate flags, the record. */
function writePlan(
  ctx: AppContext,
  db: Db,
  audit: (record: AuditRecord) => void,
  staged: Staged,
  columnMapping: ColumnMapping,
  p: ImportPlan,
): ImportResult {
  const importId = ctx.newId();
  const at = ctx.nowIso();
  const writer = createPoolWriter(db);
  // feature key -> { id, value key -> value id }
  const ids = new Map<string, { id: string; values: Map<string, string> }>();
  let featurePosition = nextFeaturePosition(db);
  for (const feature of p.features) {
    const featureId = feature.existingId ?? ctx.newId();
    if (!feature.existingId) writer.insertFeature({ id: featureId, name: feature.name, position: featurePosition++, createdAt: at });
    const values = new Map<string, string>();
    let valuePosition = feature.existingId ? nextValuePosition(db, featureId) : 0;
    // New values in a stable order (as first met in the file).
    for (const [valueKey, value] of feature.values) {
      let valueId = value.existingId;
      if (!valueId) {
        valueId = ctx.newId();
        writer.insertFeatureValue({ id: valueId, featureId, value: value.value, position: valuePosition++ });
      }
      values.set(valueKey, valueId);
    }
    ids.set(feature.key, { id: featureId, values });
  }

  const codes = allCodes(db);
  const realIds = new Map<string, string>();
  const pickSecure = securePicker();
  for (const person of p.newPeople) {
    const personId = ctx.newId();
    realIds.set(person.tempId, personId);
    const code = uniqueCode(pickSecure, codes);
    writer.insertPerson({
      id: personId,
      code,
      externalId: person.externalId,
      firstName: person.firstName,
      lastName: person.lastName,
      email: person.email,
      phone: person.phone,
      street: person.street,
      houseNumber: person.houseNumber,
      postcode: person.postcode,
      city: person.city,
      birthYear: person.birthYear,
      language: person.language,
      householdKey: person.householdKey,
      status: 'pool',
      searchKey: searchKeyWithCode(person, code),
      notes: person.notes,
      createdAt: at,
      updatedAt: at,
      importId,
      fingerprint: person.fingerprint,
      needs: person.needs,
    });
    for (const [featureKey, valueKey] of Object.entries(person.featureKeys)) {
      const feature = ids.get(featureKey)!;
      writer.insertPersonFeature({ personId, featureId: feature.id, valueId: feature.values.get(valueKey)! });
    }
  }

  let flagged = 0;
  const insertDuplicateFlag = duplicateFlagWriter(db);
  for (const pair of p.duplicates) {
    const a = realIds.get(pair.a) ?? pair.a;
    const b = realIds.get(pair.b) ?? pair.b;
    const [first, second] = a < b ? [a, b] : [b, a];
    if (insertDuplicateFlag({ id: ctx.newId(), a: first, b: second, reasons: pair.reasons, at })) flagged += 1;
  }

  const record = {
    id: importId,
    at,
    operator: ctx.requireOperator(),
    fileName: staged.fileName,
    rowsTotal: p.rowsTotal,
    imported: p.newPeople.length,
    alreadyInPool: p.alreadyInPool,
    rejected: p.rejectedIndexes.length,
  };
  insertImportRecord(db, { ...record, fileSha256: staged.sha256, mapping: columnMapping });
  saveMapping(db, headerKey(staged.table.header), staged.table.header, columnMapping, at);
  // Counts only: the audit log is append-only, so it must never hold personal data.
  audit({
    entity: 'import',
    entityId: importId,
    action: 'import.commit',
    after: {
      ...record,
      sha256: staged.sha256,
      duplicatesFlagged: flagged,
      repeatedInFile: p.repeatedInFile.length,
      legacyEncodingRows: staged.table.legacyRows.length,
    },
  });
  return {
    importId,
    imported: p.newPeople.length,
    alreadyInPool: p.alreadyInPool,
    repeatedInFile: p.repeatedInFile.length,
    rejected: p.rejectedIndexes.length,
    duplicatesFlagged: flagged,
    rejectedFile: null,
  };
}

function mappingError(p: ImportPlan): AppError {
  return new AppError(
    'VALIDATION',
    `The column mapping cannot be used: ${p.mappingProblems.map((m) => m.message).join(' ')}`,
    { mappingProblems: p.mappingProblems },
    'errors.importMapping',
  );
}

export const importHandlers = handlers({
  'imports.stage': {
    args: z.strictObject({ fileName: requiredText(255), contentBase64: z.string().max(Math.ceil((MAX_IMPORT_FILE_BYTES * 4) / 3) + 8) }),
    run: async ({ fileName, contentBase64 }, ctx) => {
      ctx.requireDb();
      return stageBytes(ctx, fileName, bytesFromBase64(contentBase64));
    },
  },
  'imports.stageFile': {
    args: z.strictObject({ path: filePath }),
    run: ({ path }, ctx) => stagePath(ctx, path),
  },
  'imports.selectSheet': {
    args: z.strictObject({ uploadId: id, sheet: requiredText(255) }),
    run: async ({ uploadId, sheet }, ctx) => {
      const staged = getStaged(ctx, uploadId);
      const table = await readTableOrExplain(staged.bytes, staged.fileName, sheet);
      const entry = replaceTable(ctx, uploadId, table);
      const { mapping: m, mappingSource } = mappingFor(ctx.requireDb(), table.header);
      return describeStaged(entry, m, mappingSource);
    },
  },
  'imports.check': {
    args: z.strictObject({ uploadId: id, mapping }),
    run: ({ uploadId, mapping: m }, ctx) => summarise(plan(ctx, ctx.requireDb(), getStaged(ctx, uploadId), m)),
  },
  /** Corrects one cell of a staged file in memory (row as numbered in the problems, column by index). */
  'imports.editCell': {
    args: z.strictObject({
      uploadId: id,
      row: z.number().int().min(2, 'must be at least 2 (row 1 is the header)'),
      column: z.number().int().min(0),
      value: z.string().max(10_000, 'must be at most 10000 characters'),
    }),
    run: ({ uploadId, row, column, value }, ctx) => {
      const staged = getStaged(ctx, uploadId);
      const t = staged.table;
      const index = t.rowNumbers.indexOf(row);
      if (index < 0) throw new AppError('NOT_FOUND', `The file has no data row ${row}.`, { row }, 'errors.importNoRow');
      if (column >= t.header.length) throw new AppError('VALIDATION', `The file has no column ${column + 1}.`, { column }, 'errors.importNoColumn');
      // Only in memory: the file on disk stays as it was. A short row is padded to the header.
      const cells = [...t.rows[index]!];
      while (cells.length < t.header.length) cells.push('');
      cells[column] = value;
      t.rows[index] = cells;
      staged.plan = null;
      const { mapping: m, mappingSource } = mappingFor(ctx.requireDb(), t.header);
      return describeStaged(staged, m, mappingSource);
    },
  },
  'imports.commit': {
    args: z.strictObject({ uploadId: id, mapping, mode: z.enum(['allOrNothing', 'validOnly']), confirmLegacyRows: z.boolean().optional() }),
    run: ({ uploadId, mapping: m, mode, confirmLegacyRows }, ctx) => commit(ctx, uploadId, m, mode, confirmLegacyRows ?? false),
  },
  /**
   * Reads, checks and imports a file in one call (for the command line, where nothing stays in
   * memory between calls): the given mapping, else the saved one, else the guessed one.
   */
  'imports.importFile': {
    args: z.strictObject({
      path: filePath,
      sheet: requiredText(255).optional(),
      mapping: mapping.optional(),
      mode: z.enum(['allOrNothing', 'validOnly']).optional(),
      confirmLegacyRows: z.boolean().optional(),
    }),
    run: async (args, ctx) => {
      ctx.requireOperator();
      let staged = await stagePath(ctx, args.path);
      try {
        if (args.sheet !== undefined) {
          const entry = getStaged(ctx, staged.uploadId);
          const table = await readTableOrExplain(entry.bytes, entry.fileName, args.sheet);
          const saved = mappingFor(ctx.requireDb(), table.header);
          staged = describeStaged(replaceTable(ctx, staged.uploadId, table), saved.mapping, saved.mappingSource);
        }
        return commit(ctx, staged.uploadId, args.mapping ?? staged.mapping, args.mode ?? 'allOrNothing', args.confirmLegacyRows ?? false);
      } finally {
        discard(ctx, staged.uploadId);
      }
    },
  },
  'imports.discard': {
    args: z.strictObject({ uploadId: id }),
    run: ({ uploadId }, ctx) => ({ discarded: discard(ctx, uploadId) }),
  },
  'imports.list': {
    args: empty,
    run: (_args, ctx) => listImports(ctx.requireDb()),
  },
});

/**
 * A file mixing UTF-8 and Windows-1252 is read line by line (domain/import/lineEncoding.ts), a
 * guess that is right for files glued from two programs but cannot be proven: the rows read as
 * Windows-1252 are imported only once the officer has looked at them and confirmed their accents
 * (or fixed the file). A whole-file Windows-1252 export needs no confirmation: it is unambiguous.
 */
function refuseUncheckedLegacyRows(staged: Staged, confirmed: boolean): void {
  const rows = staged.table.legacyRows;
  if (rows.length === 0 || confirmed) return;
  const shown = rows.slice(0, 20).join(', ') + (rows.length > 20 ? ', …' : '');
  throw new AppError(
    'VALIDATION',
    `${staged.fileName} mixes two character encodings: ${rows.length === 1 ? 'row' : 'rows'} ${shown} ${rows.length === 1 ? 'was' : 'were'} read as Windows-1252, the rest as UTF-8. Check the accents in ${rows.length === 1 ? 'that row' : 'those rows'} and confirm, or save the file again as "CSV UTF-8".`,
    { rows: rows.slice(0, 200), count: rows.length },
    'errors.importMixedEncoding',
  );
}

/** Commits a staged file: refused whole in allOrNothing mode while any row has a problem. */
function commit(ctx: AppContext, uploadId: string, m: ColumnMapping, mode: 'allOrNothing' | 'validOnly', confirmLegacyRows: boolean): ImportResult {
  ctx.requireOperator();
  const staged = getStaged(ctx, uploadId);
  refuseUncheckedLegacyRows(staged, confirmLegacyRows);
  const { result, p } = ctx.mutate((db, audit) => {
    // Planned (or the check's plan confirmed) inside the write transaction: what is written is
    // exactly what was checked against the pool as it is now.
    const p = plan(ctx, db, staged, m);
    if (p.mappingProblems.length > 0) throw mappingError(p);
    if (mode === 'allOrNothing' && p.problems.length > 0) {
      const check = summarise(p);
      throw new AppError(
        'VALIDATION',
        `${p.rejectedIndexes.length} of ${p.rowsTotal} rows have problems, so nothing was imported. Fix them in the file, or import the valid rows only. First problem: ${p.problems[0]!.message}`,
        { problems: check.problems, problemCount: check.problemCount, rejectedRows: check.rejectedRows },
        'errors.importRejected',
      );
    }
    return { result: writePlan(ctx, db, audit, staged, m, p), p };
  });
  discard(ctx, uploadId);
  return { ...result, rejectedFile: p.rejectedIndexes.length > 0 ? rejectedRowsFile(staged, p) : null };
}
