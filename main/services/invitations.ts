/**
 * Recruitment from the first letter (issue 19): the register extract, the invitation lottery,
 * the answers by response code (typed, scanned or from an online form's CSV) and the funnel.
 *
 * The register is read with the respondent importer's machinery (the staged file of
 * imports.stage, mapRows' checks, all problems at once, one transaction) into its own table:
 * residents in it are not respondents. A yes becomes a respondent in the pool, with the name and
 * address from the register, so nobody types them twice.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { IMPORT_FIELDS, type ImportField } from '../../preload/vocabulary';
import { MAX_IMPORT_FILE_BYTES } from '../../preload/contract';
import type { ColumnMapping } from '../domain/recruitment/types';
import type { Db } from '../../db/connection';
import { ageReferenceYear, listFeatures, nextFeaturePosition, nextValuePosition } from '../../db/features';
import { featureValueNames } from '../../db/imports';
import { allCodes, updatePersonFields } from '../../db/people';
import { createPoolWriter } from '../../db/poolWrite';
import { everConfirmedIds } from '../../db/reports';
import { listSessions } from '../../db/sessions';
import {
  allInvitationCodes,
  currentRegister,
  findInvitationRun,
  funnelLetters,
  insertInvitationRun,
  insertRegisterImport,
  insertResponse,
  invitationByCode,
  invitationWriter,
  invitedPositions,
  registerEntriesAt,
  listInvitationRuns,
  listInvitees,
  householdMembersInPool,
  registerEntryWriter,
  registerHasRuns,
  registerResidents,
  removeRegister,
  supersedeInvitationRun,
  type InvitationRunRow,
} from '../../db/invitations';
import { ImportFileError } from '../domain/import/errors';
import { suggestMapping } from '../domain/import/mapRows';
import { readTable } from '../domain/import/readTable';
import { uniqueCode } from '../domain/recruitment/codes';
import { personSearchKey } from '../domain/recruitment/personKeys';
import { searchKey } from '../domain/text';
import { computeFunnel, weekendsOf, type FunnelLetter } from '../domain/invitations/funnel';
import { ageBand, genderGroup, municipalityGroup, postcodeArea, STRATIFY_BY, UNKNOWN_GROUP } from '../domain/invitations/groups';
import {
  drawInvitations,
  INVITATION_ALGORITHM_VERSION,
  InvitationDrawError,
  registerHash,
  verifyInvitationRecord,
  type InvitationParams,
  type InvitationRecord,
} from '../domain/invitations/lottery';
import { planRegister, type RegisterPlan } from '../domain/invitations/register';
import { formatResponseCode, newResponseCode, readResponseCode } from '../domain/invitations/responseCode';
import { ineligibility, readResponseRows, type ResponseDraft } from '../domain/invitations/responses';
import type {
  Funnel,
  InvitationLookup,
  InvitationRun,
  RegisterCheck,
  RegisterSummary,
  ResponseImportProblem,
  ResponseImportResult,
  ResponseResult,
} from '../domain/invitations/types';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { handlers } from '../registry';
import { getStaged, stage, describeStaged, discard, type Staged } from './importStaging';
import { empty, filePath, id, requiredText, text } from './schemas';
import { buildRoster } from './attendance';

const MAX_PROBLEMS_SHOWN = 1000;

/** Cryptographic picks for codes: a response code must not be guessable from another. */
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

// ---------------------------------------------------------------------------------------------
// The register extract

const columnTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('field'), field: z.enum(IMPORT_FIELDS as unknown as [ImportField, ...ImportField[]]) }),
  z.strictObject({ kind: z.literal('feature'), feature: z.string().max(100, 'must be at most 100 characters') }),
  z.strictObject({ kind: z.literal('ignore') }),
]);
const mappingSchema = z.strictObject({ columns: z.array(columnTarget).max(500, 'has too many columns') });

/** Birth-date headers a register carries (the pool's suggestion knows birth-year headers only). */
const BIRTH_DATE_HEADERS = new Set(['geboortedatum', 'datedenaissance', 'birthdate', 'dateofbirth', 'geburtsdatum', 'naissance']);

/** The pool importer's guess, plus a birth date read as the birth year (only the year is kept). */
export function suggestRegisterMapping(header: string[]): ColumnMapping {
  const guess = suggestMapping(header);
  const hasYear = guess.columns.some((c) => c.kind === 'field' && (c.field === 'birthYear' || c.field === 'age'));
  let yearTaken = hasYear;
  return {
    columns: guess.columns.map((c, i) => {
      if (!yearTaken && c.kind === 'ignore' && BIRTH_DATE_HEADERS.has(searchKey(header[i] ?? '').replace(/[^\p{L}]+/gu, ''))) {
        yearTaken = true;
        return { kind: 'field', field: 'birthYear' };
      }
      return c;
    }),
  };
}

function registerPlan(ctx: AppContext, db: Db, staged: Staged, mapping: ColumnMapping): RegisterPlan {
  return planRegister(staged.table, mapping, { referenceYear: ageReferenceYear(db, ctx.clock()) });
}

function summariseRegister(p: RegisterPlan): RegisterCheck {
  const rejected = new Set(p.problems.map((x) => x.row));
  return {
    rowsTotal: p.rowsTotal,
    validRows: p.entries.length,
    rejectedRows: rejected.size,
    mappingProblems: p.mappingProblems.map((m) => ({ column: m.column, rule: m.rule, message: m.message })),
    problems: p.problems.slice(0, MAX_PROBLEMS_SHOWN),
    problemCount: p.problems.length,
  };
}

/** Writes the extract whole, or nothing: a register with holes would skew every later draw. */
function commitRegister(ctx: AppContext, staged: Staged, mapping: ColumnMapping): { importId: string; residents: number; registerHash: string } {
  ctx.requireOperator();
  return ctx.mutate((db, audit) => {
    const p = registerPlan(ctx, db, staged, mapping);
    if (p.mappingProblems.length > 0) {
      throw new AppError('VALIDATION', `The column mapping cannot be used: ${p.mappingProblems.map((m) => m.message).join(' ')}`, { mappingProblems: p.mappingProblems }, 'errors.registerMapping');
    }
    if (p.problems.length > 0) {
      const check = summariseRegister(p);
      throw new AppError(
        'VALIDATION',
        `${check.rejectedRows} of ${p.rowsTotal} rows of the register have problems, so nothing was imported. First problem: ${p.problems[0]!.message}`,
        { problems: check.problems, problemCount: check.problemCount, rejectedRows: check.rejectedRows, params: { rows: check.rejectedRows, total: p.rowsTotal } },
        'errors.registerRejected',
      );
    }
    if (p.entries.length === 0) throw new AppError('VALIDATION', 'The register extract has no rows.', {}, 'errors.registerEmpty');
    const at = ctx.nowIso();
    const previous = currentRegister(db);
    if (previous && registerHasRuns(db, previous.id)) {
      throw new AppError(
        'CONFLICT',
        'Letters were already drawn from the register extract held: it cannot be replaced, or the drawn letters would no longer match it.',
        {},
        'errors.registerHasRuns',
      );
    }
    if (previous) removeRegister(db, previous.id, at);
    const importId = ctx.newId();
    const residents = p.entries.map((e, position) => ({ position, householdKey: e.householdKey, city: e.city, postcode: e.postcode, birthYear: e.birthYear, gender: e.gender }));
    const hashValue = registerHash(residents);
    insertRegisterImport(db, { id: importId, at, operator: ctx.requireOperator(), fileName: staged.fileName, fileSha256: staged.sha256, rowsTotal: p.rowsTotal, registerHash: hashValue, mapping });
    const write = registerEntryWriter(db);
    p.entries.forEach((e, position) => write({ id: ctx.newId(), importId, position, ...e }));
    // Counts only: the audit log never holds personal data.
    audit({ entity: 'register', entityId: importId, action: 'register.import', after: { fileName: staged.fileName, sha256: staged.sha256, residents: p.entries.length, registerHash: hashValue, replaced: previous?.id ?? null } });
    return { importId, residents: p.entries.length, registerHash: hashValue };
  });
}

async function stagePath(ctx: AppContext, path: string): Promise<Staged> {
  ctx.requireDb();
  const file = ctx.resolveUserPath(path);
  const info = await stat(file).catch(() => null);
  if (!info || !info.isFile()) throw new AppError('FILE_NOT_FOUND', `There is no file at ${file}.`, { path: file });
  if (info.size > MAX_IMPORT_FILE_BYTES) throw new AppError('VALIDATION', `The file is larger than ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB.`, {}, 'errors.importTooLarge');
  const bytes = new Uint8Array(await readFile(file));
  try {
    return stage(ctx, basename(file), bytes, await readTable(bytes, basename(file)));
  } catch (e) {
    if (e instanceof ImportFileError) throw new AppError('VALIDATION', `${basename(file)}: ${e.message}`, { fileCode: e.code, params: e.params }, `importFile.${e.code}`);
    throw e;
  }
}

export function registerSummary(db: Db, now: Date): RegisterSummary {
  const reg = currentRegister(db);
  if (!reg) return { register: null };
  const residents = registerResidents(db, reg.id);
  const referenceYear = ageReferenceYear(db, now);
  const count = (groupOf: (r: (typeof residents)[number]) => string) => {
    const counts = new Map<string, number>();
    for (const r of residents) counts.set(groupOf(r), (counts.get(groupOf(r)) ?? 0) + 1);
    return [...counts].map(([group, n]) => ({ group, residents: n })).sort((a, b) => (a.group === UNKNOWN_GROUP ? 1 : b.group === UNKNOWN_GROUP ? -1 : a.group.localeCompare(b.group, 'nl-BE', { numeric: true })));
  };
  const municipalities = new Map<string, string>();
  const addresses = new Set<string>();
  let withoutKey = 0;
  for (const r of residents) {
    if (r.householdKey === null) withoutKey += 1;
    else addresses.add(r.householdKey);
    const k = searchKey(municipalityGroup(r.city));
    if (!municipalities.has(k)) municipalities.set(k, municipalityGroup(r.city));
  }
  return {
    register: {
      id: reg.id,
      at: reg.at,
      operator: reg.operator,
      fileName: reg.fileName,
      residents: residents.length,
      addresses: addresses.size + withoutKey,
      registerHash: reg.registerHash,
      groups: {
        municipality: count((r) => municipalities.get(searchKey(municipalityGroup(r.city)))!),
        postcodeArea: count((r) => postcodeArea(r.postcode)),
        ageBand: count((r) => ageBand(r.birthYear, referenceYear)),
        gender: count((r) => genderGroup(r.gender)),
      },
      hasRuns: registerHasRuns(db, reg.id),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The lottery

function runOf(row: InvitationRunRow, registerSize: number): InvitationRun {
  const params = JSON.parse(row.paramsJson) as InvitationParams;
  const allocation = JSON.parse(row.allocationJson) as InvitationRun['allocation'];
  return {
    id: row.id,
    at: row.at,
    operator: row.operator,
    registerHash: row.registerHash,
    params,
    seed: row.seed,
    allocation,
    drawnHash: row.drawnHash,
    letters: row.letters,
    status: row.status,
    supersededReason: row.supersededReason,
    supersededAt: row.supersededAt,
    answered: row.answered,
    record: {
      algorithm: row.algorithmVersion,
      registerHash: row.registerHash,
      registerSize,
      params,
      seed: row.seed,
      allocation: allocation.map(({ group, population, factor, quota }) => ({ group, population, factor, quota })),
      letters: row.letters,
      drawnHash: row.drawnHash,
    },
  };
}

function registerSizeOf(db: Db, registerImportId: string): number {
  const reg = currentRegister(db);
  return reg && reg.id === registerImportId ? reg.rowsTotal : 0;
}

function drawError(e: unknown): never {
  if (e instanceof InvitationDrawError) throw new AppError('VALIDATION', e.message, { rule: e.rule, params: e.params }, `errors.invitationDraw.${e.rule}`);
  throw e;
}

const drawArgs = z.strictObject({
  size: z.number().int('must be a whole number').min(1, 'must be at least 1').max(200_000, 'must be at most 200000'),
  stratifyBy: z.enum(STRATIFY_BY),
  oversampling: z.record(z.string().max(100), z.number().positive('must be above 0').max(10, 'must be at most 10')).default({}),
  onePerAddress: z.boolean().default(true),
  /** A second batch: residents who already have a letter in a live run are left out. */
  additional: z.boolean().default(false),
  /** Digits or text announced in public; random when absent. */
  seed: z.string().trim().min(1).max(200).optional(),
});

export function drawRun(ctx: AppContext, args: z.output<typeof drawArgs>): InvitationRun {
  return ctx.mutate((db, audit) => {
    const reg = currentRegister(db);
    if (!reg) throw new AppError('VALIDATION', 'There is no register extract: import it first.', {}, 'errors.registerMissing');
    const live = listInvitationRuns(db).filter((r) => r.status === 'drawn');
    if (live.length > 0 && !args.additional) {
      throw new AppError(
        'CONFLICT',
        'Letters were already drawn. Supersede that run (with a reason) to draw again, or draw an additional batch, which leaves out everyone already invited.',
        { runId: live[0]!.id },
        'errors.invitationRunLive',
      );
    }
    const residents = registerResidents(db, reg.id);
    const excluded = args.additional ? invitedPositions(db, reg.id) : [];
    const params: InvitationParams = {
      size: args.size,
      stratifyBy: args.stratifyBy,
      oversampling: args.oversampling,
      onePerAddress: args.onePerAddress,
      referenceYear: ageReferenceYear(db, ctx.clock()),
      ...(excluded.length > 0 ? { excluded } : {}),
    };
    const seed = args.seed ?? String(randomInt(0, 2 ** 48 - 1));
    let draw;
    try {
      draw = drawInvitations(residents, params, seed);
    } catch (e) {
      drawError(e);
    }
    const runId = ctx.newId();
    const at = ctx.nowIso();
    insertInvitationRun(db, {
      id: runId,
      at,
      operator: ctx.requireOperator(),
      registerImportId: reg.id,
      registerHash: reg.registerHash,
      algorithmVersion: INVITATION_ALGORITHM_VERSION,
      paramsJson: JSON.stringify(params),
      seed,
      allocationJson: JSON.stringify(draw.allocation),
      drawnHash: draw.drawnHash,
      letters: draw.positions.length,
    });
    const write = invitationWriter(db);
    const codes = allInvitationCodes(db);
    const pick = securePicker();
    // Residents are in register order: position i is residents[i].
    const entries = registerEntriesAt(db, reg.id, draw.positions);
    draw.positions.forEach((position, i) => {
      const r = residents[position]!;
      const entry = entries.get(position)!;
      write({
        id: ctx.newId(),
        runId,
        position: i,
        registerEntryId: entry.id,
        code: newResponseCode(pick, codes),
        stratum: draw.strata[i]!,
        municipality: municipalityGroup(r.city),
        ageBand: ageBand(r.birthYear, params.referenceYear),
        gender: genderGroup(r.gender),
        language: entry.language ?? UNKNOWN_GROUP,
      });
    });
    audit({ entity: 'invitationRun', entityId: runId, action: 'invitations.draw', after: { registerHash: reg.registerHash, params: { ...params, excluded: excluded.length }, seed, letters: draw.positions.length, drawnHash: draw.drawnHash } });
    return runOf(findInvitationRun(db, runId)!, reg.rowsTotal);
  });
}


export function verifyRun(db: Db, runId: string): { ok: boolean; problems: string[]; record: InvitationRecord } {
  const row = findInvitationRun(db, runId);
  if (!row) throw new AppError('NOT_FOUND', 'There is no invitation run with this id.', { runId }, 'errors.invitationRunNotFound');
  const reg = currentRegister(db);
  const run = runOf(row, registerSizeOf(db, row.registerImportId));
  if (!reg || reg.id !== row.registerImportId) {
    return { ok: false, problems: ['The register extract this run was drawn from is no longer in the file (removed at the close of recruitment): check it against a copy of the extract.'], record: run.record };
  }
  const residents = registerResidents(db, reg.id);
  return { ...verifyInvitationRecord(residents, run.record), record: run.record };
}

// ---------------------------------------------------------------------------------------------
// Answers

const needsSchema = z.strictObject({
  accessibility: text(500).default(''),
  diet: text(500).default(''),
  childcare: z.boolean().default(false),
  travel: text(500).default(''),
});

const respondArgs = z.strictObject({
  code: z.string().max(40),
  answer: z.enum(['yes', 'no', 'undeliverable']),
  reason: text(500).optional(),
  answers: z.record(z.string().max(100), z.string().max(100)).default({}),
  availability: z.enum(['all', 'some', 'none']).nullable().default(null),
  consent: z.boolean().default(false),
  needs: needsSchema.default({ accessibility: '', diet: '', childcare: false, travel: '' }),
});

function codeError(typed: string): AppError {
  const reading = readResponseCode(typed);
  if (reading.ok) return new AppError('NOT_FOUND', `No letter was sent with code ${formatResponseCode(reading.code)}.`, { rule: 'neverSent', params: { code: formatResponseCode(reading.code) } }, 'errors.responseNeverSent');
  const message =
    reading.reason === 'empty'
      ? 'Type or scan the code printed on the letter.'
      : reading.reason === 'length'
        ? `"${typed}" is not a response code: a code has 8 characters, as printed on the letter (XXXX-XXXX).`
        : reading.reason === 'character'
          ? `"${typed}" is not a response code: "${reading.character}" never appears in one.`
          : `"${typed}" is not a response code: its last character does not match. Check it for a typing error.`;
  return new AppError('VALIDATION', message, { rule: 'unknownCode', reason: reading.reason, params: { typed, character: reading.character ?? '' } }, `errors.responseCode.${reading.reason}`);
}

/** The letter a code belongs to, refused clearly when it cannot be answered. */
function answerableLetter(db: Db, typed: string) {
  const reading = readResponseCode(typed);
  if (!reading.ok) throw codeError(typed);
  const letter = invitationByCode(db, reading.code);
  if (!letter) throw codeError(typed);
  if (letter.runStatus === 'superseded') {
    throw new AppError('CONFLICT', `Code ${formatResponseCode(letter.code)} belongs to a draw that was superseded: its letter no longer counts.`, { rule: 'supersededRun', params: { code: formatResponseCode(letter.code) } }, 'errors.responseSuperseded');
  }
  if (letter.response) {
    throw new AppError(
      'CONFLICT',
      `Code ${formatResponseCode(letter.code)} was already answered (${letter.response.answer}) on ${letter.response.at.slice(0, 10)} by ${letter.response.operator}; each code answers once.`,
      { rule: 'answeredTwice', params: { code: formatResponseCode(letter.code), answer: letter.response.answer, date: letter.response.at.slice(0, 10), operator: letter.response.operator } },
      'errors.responseTwice',
    );
  }
  if (!letter.entry) throw new AppError('CONFLICT', 'The register extract was removed: answers can no longer be recorded.', { code: letter.code }, 'errors.registerMissing');
  return { ...letter, entry: letter.entry };
}

interface PoolContext {
  codes: Set<string>;
  pick: (characters: readonly string[]) => string;
  writer: ReturnType<typeof createPoolWriter>;
  /** feature key -> { id, name, value key -> value id } */
  features: Map<string, { id: string; name: string; values: Map<string, string> }>;
  referenceYear: number;
}

function poolContext(ctx: AppContext, db: Db): PoolContext {
  const features = new Map<string, { id: string; name: string; values: Map<string, string> }>();
  for (const row of featureValueNames(db)) {
    const key = searchKey(row.feature);
    let f = features.get(key);
    if (!f) features.set(key, (f = { id: row.featureId, name: row.feature, values: new Map() }));
    if (row.valueId !== null && row.value !== null) f.values.set(searchKey(row.value), row.valueId);
  }
  return { codes: allCodes(db), pick: securePicker(), writer: createPoolWriter(db), features, referenceYear: ageReferenceYear(db, ctx.clock()) };
}

/**
 * The feature and value of a stratification answer, made when new: recruitment by letter starts
 * with an empty pool, so the reply card's questions become the pool's features (as an imported
 * file's columns do).
 */
function featureValueFor(ctx: AppContext, db: Db, pool: PoolContext, name: string, value: string): { featureId: string; valueId: string } {
  const key = searchKey(name);
  let feature = pool.features.get(key);
  if (!feature) {
    feature = { id: ctx.newId(), name, values: new Map() };
    pool.writer.insertFeature({ id: feature.id, name, position: nextFeaturePosition(db), createdAt: ctx.nowIso() });
    pool.features.set(key, feature);
  }
  let valueId = feature.values.get(searchKey(value));
  if (!valueId) {
    valueId = ctx.newId();
    pool.writer.insertFeatureValue({ id: valueId, featureId: feature.id, value, position: nextValuePosition(db, feature.id) });
    feature.values.set(searchKey(value), valueId);
  }
  return { featureId: feature.id, valueId };
}

/** Records one answer (already checked answerable) and makes the respondent a yes becomes. */
function recordAnswer(
  ctx: AppContext,
  db: Db,
  pool: PoolContext,
  letter: ReturnType<typeof answerableLetter>,
  d: Omit<ResponseDraft, 'row' | 'code'>,
  source: 'keyboard' | 'csv',
): ResponseResult {
  const at = ctx.nowIso();
  const notes: string[] = [];
  const e = letter.entry;
  const reasons = d.answer === 'yes' ? ineligibility(d, e.birthYear, pool.referenceYear) : [];
  const eligible = d.answer === 'yes' && reasons.length === 0;
  notes.push(...reasons.filter((r) => r !== 'notYes'));
  let personId: string | null = null;
  let personCode: string | null = null;
  if (eligible) {
    personId = ctx.newId();
    personCode = uniqueCode(pool.pick, pool.codes);
    pool.writer.insertPerson({
      id: personId,
      code: personCode,
      // The response code: a later export of the online form recognises the respondent by it.
      externalId: letter.code,
      firstName: e.firstName,
      lastName: e.lastName,
      email: null,
      phone: null,
      street: e.street,
      houseNumber: e.houseNumber,
      postcode: e.postcode,
      city: e.city,
      birthYear: e.birthYear,
      language: e.language,
      householdKey: e.householdKey,
      status: 'pool',
      searchKey: personSearchKey({ firstName: e.firstName, lastName: e.lastName, code: personCode, email: null, phone: null }),
      notes: '',
      createdAt: at,
      updatedAt: at,
    });
    for (const [name, value] of Object.entries(d.answers)) {
      if (value.trim() === '') continue;
      const { featureId, valueId } = featureValueFor(ctx, db, pool, name.trim(), value.trim());
      pool.writer.insertPersonFeature({ personId, featureId, valueId });
    }
    updatePersonFields(
      db,
      personId,
      { needsAccessibility: d.needs.accessibility, needsDiet: d.needs.diet, needsChildcare: d.needs.childcare, needsTravel: d.needs.travel, consentDate: at.slice(0, 10), consentVersion: 'reply to the invitation letter' },
      at,
    );
    // The household rule applies at the draw (one seat per address); say so when it will bite.
    if (e.householdKey && householdMembersInPool(db, e.householdKey, personId) > 0) notes.push('householdInPool');
  }
  insertResponse(db, {
    id: ctx.newId(),
    invitationId: letter.invitationId,
    answer: d.answer,
    reason: d.reason,
    answers: d.answers,
    availability: d.availability,
    consent: d.consent,
    eligible,
    personId,
    source,
    at,
    operator: ctx.requireOperator(),
  });
  return { code: letter.code, answer: d.answer, eligible, personCode, notes };
}

function respond(ctx: AppContext, args: z.output<typeof respondArgs>): ResponseResult {
  if (args.answer === 'no' && !args.reason) {
    throw new AppError('VALIDATION', 'A "no" needs its reason (write "not given" when the person gave none).', { fields: [{ field: 'reason', message: 'is required', rule: 'required' }] }, 'errors.responseReasonMissing');
  }
  return ctx.mutate((db, audit) => {
    const letter = answerableLetter(db, args.code);
    const pool = poolContext(ctx, db);
    const result = recordAnswer(ctx, db, pool, letter, { answer: args.answer, reason: args.reason ?? null, answers: args.answers, availability: args.availability, consent: args.consent, needs: args.needs }, 'keyboard');
    audit({ entity: 'invitation', entityId: letter.invitationId, action: 'invitations.respond', after: { code: letter.code, answer: args.answer, eligible: result.eligible, personCode: result.personCode } });
    return result;
  });
}

function knownFeatures(db: Db): { name: string; values: string[] }[] {
  return listFeatures(db).map((f) => ({ name: f.name, values: f.values.map((v) => v.value) }));
}

/**
 * An online form's CSV, matched by code: every row's problems (a code that is not one, never sent,
 * of a superseded draw, answered before or twice in the file; answers not understood), and
 * nothing written while there is one.
 */
function planResponses(db: Db, staged: Staged): { drafts: ResponseDraft[]; problems: ResponseImportProblem[]; rowsTotal: number } {
  const { drafts, problems, codeColumn } = readResponseRows(staged.table, knownFeatures(db));
  const ok: ResponseDraft[] = [];
  for (const d of drafts) {
    const letter = invitationByCode(db, d.code);
    const shown = formatResponseCode(d.code);
    const problem = (rule: ResponseImportProblem['rule'], message: string) => problems.push({ row: d.row!, column: codeColumn, rule, value: shown, message: `Row ${d.row}, column "${codeColumn}": ${message}` });
    if (!letter) problem('neverSent', `no letter was sent with code ${shown}.`);
    else if (letter.runStatus === 'superseded') problem('supersededRun', `code ${shown} belongs to a draw that was superseded: its letter no longer counts.`);
    else if (letter.response) problem('answeredTwice', `code ${shown} was already answered (${letter.response.answer}) on ${letter.response.at.slice(0, 10)}; each code answers once.`);
    else if (!letter.entry) problem('neverSent', `the register extract of code ${shown} was removed.`);
    else ok.push(d);
  }
  problems.sort((a, b) => a.row - b.row);
  return { drafts: ok, problems, rowsTotal: staged.table.rows.length };
}

function importResponses(ctx: AppContext, uploadId: string): ResponseImportResult {
  ctx.requireOperator();
  const staged = getStaged(ctx, uploadId);
  const result = ctx.mutate((db, audit) => {
    const plan = planResponses(db, staged);
    if (plan.problems.length > 0) {
      throw new AppError(
        'VALIDATION',
        `${plan.problems.length} ${plan.problems.length === 1 ? 'problem' : 'problems'} in the answers file, so nothing was recorded. First: ${plan.problems[0]!.message}`,
        { problems: plan.problems.slice(0, MAX_PROBLEMS_SHOWN), problemCount: plan.problems.length, params: { n: plan.problems.length } },
        'errors.responsesRejected',
      );
    }
    const pool = poolContext(ctx, db);
    let yes = 0;
    let added = 0;
    for (const d of plan.drafts) {
      const letter = answerableLetter(db, d.code);
      const r = recordAnswer(ctx, db, pool, letter, d, 'csv');
      if (r.answer === 'yes') yes += 1;
      if (r.personCode) added += 1;
    }
    audit({ entity: 'invitation', entityId: null, action: 'invitations.importResponses', after: { fileName: staged.fileName, sha256: staged.sha256, recorded: plan.drafts.length, yes, addedToPool: added } });
    return { rowsTotal: plan.rowsTotal, recorded: plan.drafts.length, yes, addedToPool: added, problems: [] };
  });
  discard(ctx, uploadId);
  return result;
}

// ---------------------------------------------------------------------------------------------
// The funnel

const EVER_SELECTED = new Set(['selected', 'contacted', 'confirmed', 'declined', 'withdrawn']);

export function funnelOf(db: Db): Funnel {
  const letters = funnelLetters(db);
  const sessions = listSessions(db);
  const attendedBy = new Map<string, Set<string>>();
  for (const s of sessions) {
    const roster = buildRoster(db, s);
    const present = roster.rows.filter((r) => r.state === 'present' || r.state === 'left').map((r) => r.personId);
    if (present.length > 0) attendedBy.set(s.id, new Set(present));
  }
  const weekends = weekendsOf(sessions.filter((s) => attendedBy.has(s.id)));
  const confirmedEver = new Set(everConfirmedIds(db));
  const rows: FunnelLetter[] = letters.map((l) => {
    const inPool = l.personId !== null && l.personDeleted === 0;
    const selected = inPool && (EVER_SELECTED.has(l.personStatus ?? '') || confirmedEver.has(l.personId!));
    const confirmed = selected && (l.personStatus === 'confirmed' || confirmedEver.has(l.personId!));
    return {
      groups: { municipality: l.municipality ?? UNKNOWN_GROUP, ageBand: l.ageBand ?? UNKNOWN_GROUP, gender: l.gender ?? UNKNOWN_GROUP, language: l.language ?? UNKNOWN_GROUP },
      undeliverable: l.answer === 'undeliverable',
      answered: l.answer === 'yes' || l.answer === 'no',
      yes: l.answer === 'yes',
      eligible: l.eligible === 1,
      inPool,
      selected,
      confirmed,
      present: weekends.map((w) => confirmed && w.sessionIds.some((s) => attendedBy.get(s)!.has(l.personId!))),
    };
  });
  return computeFunnel(rows, weekends.map((w) => w.label));
}

// ---------------------------------------------------------------------------------------------

export const invitationHandlers = handlers({
  'register.suggestMapping': {
    args: z.strictObject({ uploadId: id }),
    run: ({ uploadId }, ctx) => {
      ctx.requireDb();
      const staged = getStaged(ctx, uploadId);
      return describeStaged(staged, suggestRegisterMapping(staged.table.header), 'guessed');
    },
  },
  'register.check': {
    args: z.strictObject({ uploadId: id, mapping: mappingSchema }),
    run: ({ uploadId, mapping }, ctx) => summariseRegister(registerPlan(ctx, ctx.requireDb(), getStaged(ctx, uploadId), mapping)),
  },
  'register.commit': {
    args: z.strictObject({ uploadId: id, mapping: mappingSchema }),
    run: ({ uploadId, mapping }, ctx) => {
      const result = commitRegister(ctx, getStaged(ctx, uploadId), mapping);
      discard(ctx, uploadId);
      return result;
    },
  },
  /** Reads and imports a register file in one call (command line): the given mapping, else the guessed one. */
  'register.importFile': {
    args: z.strictObject({ path: filePath, mapping: mappingSchema.optional() }),
    run: async ({ path, mapping }, ctx) => {
      ctx.requireOperator();
      const staged = await stagePath(ctx, path);
      try {
        return commitRegister(ctx, staged, mapping ?? suggestRegisterMapping(staged.table.header));
      } finally {
        discard(ctx, staged.uploadId);
      }
    },
  },
  'register.summary': {
    args: empty,
    run: (_args, ctx) => registerSummary(ctx.requireDb(), ctx.clock()),
  },
  'invitations.draw': {
    args: drawArgs,
    run: (args, ctx) => drawRun(ctx, args),
  },
  'invitations.list': {
    args: empty,
    run: (_args, ctx): InvitationRun[] => {
      const db = ctx.requireDb();
      return listInvitationRuns(db).map((r) => runOf(r, registerSizeOf(db, r.registerImportId)));
    },
  },
  /** The addressees of a run (code, name, address, language) for the letters: host only, like the register. */
  'invitations.invitees': {
    args: z.strictObject({ runId: id }),
    run: ({ runId }, ctx) => {
      const db = ctx.requireDb();
      if (!findInvitationRun(db, runId)) throw new AppError('NOT_FOUND', 'There is no invitation run with this id.', { runId }, 'errors.invitationRunNotFound');
      return listInvitees(db, runId);
    },
  },
  'invitations.supersede': {
    args: z.strictObject({ runId: id, reason: requiredText(500) }),
    run: ({ runId, reason }, ctx) =>
      ctx.mutate((db, audit) => {
        const row = findInvitationRun(db, runId);
        if (!row) throw new AppError('NOT_FOUND', 'There is no invitation run with this id.', { runId }, 'errors.invitationRunNotFound');
        if (row.status === 'superseded') throw new AppError('CONFLICT', 'This run was already superseded.', { runId }, 'errors.invitationRunSuperseded');
        if (row.answered > 0) {
          throw new AppError('CONFLICT', `${row.answered} letters of this run were already answered: its letters are out, so it can no longer be superseded.`, { runId, params: { answered: row.answered } }, 'errors.invitationRunAnswered');
        }
        supersedeInvitationRun(db, runId, { reason, at: ctx.nowIso(), supersededBy: null });
        audit({ entity: 'invitationRun', entityId: runId, action: 'invitations.supersede', before: { status: 'drawn' }, after: { status: 'superseded', reason } });
        return runOf(findInvitationRun(db, runId)!, registerSizeOf(db, row.registerImportId));
      }),
  },
  /** Draws a run again from the register and compares: `npm run cli -- --file F invitations.verify '{"runId":"…"}'`. */
  'invitations.verify': {
    args: z.strictObject({ runId: id }),
    run: ({ runId }, ctx) => verifyRun(ctx.requireDb(), runId),
  },
  /** A published record (the JSON of invitations.list's `record`) checked against the extract held. */
  'invitations.verifyRecord': {
    args: z.strictObject({
      record: z.strictObject({
        algorithm: z.string().max(50, 'must be at most 50 characters'),
        registerHash: z.string().max(100, 'must be at most 100 characters'),
        registerSize: z.number().int().min(0),
        params: z.strictObject({
          size: z.number().int(),
          stratifyBy: z.enum(STRATIFY_BY),
          oversampling: z.record(z.string().max(100, 'must be at most 100 characters'), z.number()),
          onePerAddress: z.boolean(),
          referenceYear: z.number().int(),
          excluded: z.array(z.number().int()).max(200_000, 'has too many positions').optional(),
        }),
        seed: z.string().max(200, 'must be at most 200 characters'),
        allocation: z
          .array(z.strictObject({ group: z.string().max(100, 'must be at most 100 characters'), population: z.number(), factor: z.number(), quota: z.number() }))
          .max(10_000, 'has too many groups'),
        letters: z.number().int(),
        drawnHash: z.string().max(100),
      }),
    }),
    run: ({ record }, ctx) => {
      const db = ctx.requireDb();
      const reg = currentRegister(db);
      if (!reg) throw new AppError('VALIDATION', 'There is no register extract to check the record against.', {}, 'errors.registerMissing');
      return { ...verifyInvitationRecord(registerResidents(db, reg.id), record), record };
    },
  },
  'invitations.lookup': {
    args: z.strictObject({ code: z.string().max(40) }),
    run: ({ code }, ctx): InvitationLookup => {
      const db = ctx.requireDb();
      const reading = readResponseCode(code);
      if (!reading.ok) throw codeError(code);
      const letter = invitationByCode(db, reading.code);
      if (!letter) throw codeError(code);
      if (letter.runStatus === 'superseded') {
        throw new AppError('CONFLICT', `Code ${formatResponseCode(letter.code)} belongs to a draw that was superseded: its letter no longer counts.`, { rule: 'supersededRun', params: { code: formatResponseCode(letter.code) } }, 'errors.responseSuperseded');
      }
      return {
        code: letter.code,
        name: letter.entry ? `${letter.entry.firstName} ${letter.entry.lastName}` : '',
        municipality: letter.entry?.city ?? null,
        runAt: letter.runAt,
        response: letter.response,
      };
    },
  },
  'invitations.respond': {
    args: respondArgs,
    run: (args, ctx) => respond(ctx, args),
  },
  'invitations.checkResponses': {
    args: z.strictObject({ uploadId: id }),
    run: ({ uploadId }, ctx): ResponseImportResult => {
      const plan = planResponses(ctx.requireDb(), getStaged(ctx, uploadId));
      return { rowsTotal: plan.rowsTotal, recorded: 0, yes: plan.drafts.filter((d) => d.answer === 'yes').length, addedToPool: 0, problems: plan.problems.slice(0, MAX_PROBLEMS_SHOWN) };
    },
  },
  'invitations.importResponses': {
    args: z.strictObject({ uploadId: id }),
    run: ({ uploadId }, ctx) => importResponses(ctx, uploadId),
  },
  'invitations.funnel': {
    args: empty,
    run: (_args, ctx) => funnelOf(ctx.requireDb()),
  },
});
