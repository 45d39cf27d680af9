/**
 * Selection: preparing a draw, the draw, and the record of both.
 *
 *  - prepare: the live pool (pool or reserve, not erased; people whose household already holds a
 *    seat are left out when one per household applies) and the quotas become a SelectionInstance
 *    (main/domain/selection/instance.ts) with a canonical SHA-256, the input hash. Feasibility is
 *    checked first (an infeasible instance is explained). LEXIMIN computes the distribution and
 *    rounds it to a lottery of M tickets whose document and hash are stored, to be published
 *    before the draw; LEGACY estimates its probabilities by simulation (no lottery: it draws
 *    directly).
 *  - draw: the ticket (public numbers, or a random seed that is recorded) gives the panel; the
 *    pool must be as it was prepared (the input hash is checked again). Drawn people become
 *    "selected" in the same transaction. Everyone else stays where they are; the reserve-list
 *    order is a Fisher–Yates shuffle (main/domain/random.ts, sfc32) of their codes in code-unit order,
 *    seeded with "reserve:<input hash>:<panel codes joined by spaces>": anyone can redo it.
 *  - runs are never edited or deleted (triggers in 0003_selection.sql), only superseded with a
 *    reason; superseding does not undo the statuses a draw set (change those per person).
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ExportedFile } from '../domain/assembly/types';
import type {
  PublicNumberSourceName,
  SelectionOverview,
  SelectionComparison,
  SelectionProgress,
  SelectionRun,
  SelectionRunDetail,
  SelectionVerifyResult,
} from '../domain/selection/runTypes';
import { assemblyName } from '../../db/assemblyMeta';
import type { Db } from '../../db/connection';
import { readRecruitmentSettings, listFeatures } from '../../db/features';
import { insertStatusChange, updatePersonFields } from '../../db/people';
import {
  findSelectionRun,
  insertSelectionRun,
  listSelectionRuns,
  liveDrawnPanelRun,
  markSelectionRunDrawn,
  markSelectionRunSuperseded,
  seatedHouseholds,
  seatedPeople,
  selectionPool,
  type SelectionRunRow,
} from '../../db/selection';
import { createRandom } from '../domain/random';
import { checkTransition } from '../domain/recruitment/lifecycle';
import { explainInfeasibility, type Explanation } from '../domain/selection/explain';
import { buildInstance, probabilitySummary, reserveOrder, type BuiltInstance } from '../domain/selection/instance';
import { LEGACY_ESTIMATE_RUNS, legacyDraw, legacyInputFileName, verifyLegacyDraw } from '../domain/selection/legacy';
import {
  DECIMAL_DIGITS,
  DEFAULT_TICKETS,
  SIX_SIDED_DIE,
  lotteryDocument,
  sha256,
  ticketFromPublicNumbers,
  verifyDraw,
  type PublicNumberSource,
} from '../domain/selection/lottery';
import type { SelectionInstance } from '../domain/selection/types';
import { SELECTION_ALGORITHMS, type SelectionAlgorithm } from '../../preload/vocabulary';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { handlers } from '../registry';
import { startSelectionJob, WorkerInfeasibleError, type SelectionJob } from '../workers/selectionJob';
import { LEGACY_OBJECTIVE, type SelectionTask, type TaskProgress, type TaskResult } from '../workers/selectionTask';
import { filePath, id, panelSize, requiredText } from './schemas';

export const ALGORITHM_VERSIONS = { leximin: '1', legacy: '1', maximin: '1', nash: '1', goldilocks: '1' } as const;
/** How each method is named in a published lottery document's Algorithm line. */
const DOCUMENT_NAMES: Record<SelectionAlgorithm, string> = { leximin: 'LEXIMIN', legacy: 'LEGACY', maximin: 'MAXIMIN', nash: 'NASH WELFARE', goldilocks: 'GOLDILOCKS' };
const algorithmName = z.enum(SELECTION_ALGORITHMS, { message: `must be one of ${SELECTION_ALGORITHMS.join(', ')}` });
/** Methods whose distribution is published as a lottery before the draw (all but legacy). */
const isLotteryMethod = (a: SelectionAlgorithm): a is Exclude<SelectionAlgorithm, 'legacy'> => a !== 'legacy';
/** Simulated legacy draws behind the estimated probabilities (defined with the method). */
export { LEGACY_ESTIMATE_RUNS };
const DEFAULT_LEXIMIN_TIME_LIMIT_MS = 10 * 60 * 1000;
/**
 * The app's default LEXIMIN tolerance, relative to the proven bound: 1e-3 (0.1 % of the smallest
 * chance). The domain's LEXIMIN_TOLERANCE (1e-4) is what the benchmarks certify to, but on a pool
 * of 1,500 it takes the whole 10-minute limit on a 2-core laptop (measured: 1e-2 in 36 s, 1e-3 in
 * 87 s under load), and a run stopped at its limit helps nobody at the secretariat's desk. 1e-3 is
 * still 30-40 times finer than the absolute 0.001 used before. A caller may ask for 1e-4.
 */
const APP_LEXIMIN_TOLERANCE = 1e-3;

const SOURCES: Record<PublicNumberSourceName, PublicNumberSource> = { digits: DECIMAL_DIGITS, die: SIX_SIDED_DIE };
const sourceName = z.enum(['digits', 'die'], { message: 'must be digits or die' });
const publicNumbers = z.array(z.number().int('must be whole numbers')).min(1, 'must hold at least one number').max(1000);

/** What distribution_json holds. */
interface StoredDistribution {
  probabilities: Record<string, number>;
  lotteryProbabilities: Record<string, number> | null;
  summary: SelectionRun['summary'];
  certificate: SelectionRun['certificate'];
  complete: boolean;
  minProbability: number;
  panels: number;
  lotteryMaxDeviation: number | null;
  leximin: { iterations: number; elapsedMs: number; types: number } | null;
  /** What was optimised, with its parameters (absent in runs stored before it was kept). */
  objective?: SelectionRun['objective'];
  legacy: { runs: number; failures: number; seed: string } | null;
  /** Candidates left out because their household already holds a seat. */
  excludedSeatedHouseholds: number;
  /** Maximin, Nash, Goldilocks: the objective's value, its proven bound and their relative gap. */
  objectiveCertificate?: SelectionRun['objectiveCertificate'];
  /** LEXIMIN runs: the legacy estimate on the same instance (absent in runs stored before it existed). */
  legacyComparison?: SelectionRunDetail['legacyComparison'];
  /** Replacement runs: the seated members, on every panel (left out of probabilities and summary). */
  fixed?: string[];
  /**
   * Legacy runs: the canonical input (its SHA-256 is the input hash), published with the seed so
   * that anyone can draw again and check the panel (selection.document, selection.verify).
   * Absent in legacy runs stored before it was kept.
   */
  input?: string;
}

interface StoredDraw {
  panel: string[];
  reserve: string[];
  quotaResult: SelectionRunDetail['quotaResult'];
}

// ---------------------------------------------------------------------------------------------
// From the database to an instance

interface LiveInstance {
  built: BuiltInstance;
  /** code -> person id and status */
  people: Map<string, { id: string; status: string }>;
  excluded: number;
  /** Replacement runs: the seated members' codes (fixed on every panel). */
  fixed: string[];
}

type RunKind = 'panel' | 'replacement';

/**
 * The instance a run draws from. A new panel: the pool and the reserve list, less the people
 * whose household already holds a seat (one per household). Replacements: the same candidates
 * plus the seated members, who are fixed on every panel, so that the seated members and the
 * replacements together meet the quotas.
 */
function liveInstance(db: Db, size: number, onePerHousehold: boolean, kind: RunKind): LiveInstance {
  const seated = onePerHousehold ? seatedHouseholds(db) : new Set<string>();
  const all = selectionPool(db);
  const pool = all.filter((p) => p.household === null || !seated.has(p.household));
  const members = kind === 'replacement' ? seatedPeople(db) : [];
  const candidates = [...pool, ...members];
  const quotas = listFeatures(db).flatMap((f) => f.values.map((v) => ({ feature: f.name, value: v.value, min: v.min, max: v.max })));
  const fixed = members.map((m) => m.code);
  const built = buildInstance({
    pool: candidates.map((p) => ({ code: p.code, household: p.household, features: p.features })),
    quotas,
    panelSize: size,
    onePerHousehold,
    fixed,
  });
  return { built, people: new Map(candidates.map((p) => [p.code, { id: p.id, status: p.status }])), excluded: all.length - pool.length, fixed };
}

function refuseMissingValues(built: BuiltInstance): void {
  if (built.missing.length === 0) return;
  const shown = built.missing.slice(0, 10).map((m) => `${m.code} (${m.features.join(', ')})`);
  throw new AppError(
    'VALIDATION',
    `${built.missing.length} candidate${built.missing.length === 1 ? ' has' : 's have'} no value for a feature with quotas: ${shown.join('; ')}${
      built.missing.length > 10 ? '; …' : ''
    }. Give them a value (or remove the quotas of that feature) before preparing a draw.`,
    { missing: built.missing.slice(0, 200), count: built.missing.length },
    'errors.selectionMissingValues',
  );
}

function refuseInfeasible(instance: SelectionInstance, explanation: Explanation): never {
  throw new AppError(
    'VALIDATION',
    `No panel of ${instance.panelSize} meets the quotas. ${explanation.conflicts.map((c) => c.message).join(' ')}${
      explanation.relaxation ? ` Smallest change that would work: ${explanation.relaxation.changes.map((c) => c.message).join(' ')}` : ''
    }`,
    { explanation },
    'errors.selectionInfeasible',
  );
}

/** The document allows one line per header field. */
const oneLineName = (db: Db): string => assemblyName(db).replace(/[\r\n]+/g, ' ');

// ---------------------------------------------------------------------------------------------
// Rows to API objects

export function selectionRunOf(row: SelectionRunRow): SelectionRun {
  const dist = JSON.parse(row.distributionJson) as StoredDistribution;
  const drawn = row.drawnJson === null ? null : (JSON.parse(row.drawnJson) as StoredDraw);
  return {
    id: row.id,
    at: row.at,
    operator: row.operator,
    kind: row.kind,
    algorithm: row.algorithm,
    algorithmVersion: row.algorithmVersion,
    objective: dist.objective ?? { name: row.algorithm, params: {} },
    panelSize: row.panelSize,
    onePerHousehold: row.onePerHousehold === 1,
    inputHash: row.inputHash,
    quotas: JSON.parse(row.quotasJson) as SelectionRun['quotas'],
    summary: dist.summary,
    objectiveCertificate: dist.objectiveCertificate ?? null,
    certificate: dist.certificate,
    complete: dist.complete,
    simulatedDraws: dist.legacy ? dist.legacy.runs - dist.legacy.failures : null,
    lottery:
      row.lotteryHash === null
        ? null
        : { size: row.lotterySize!, source: row.lotterySource!, hash: row.lotteryHash, maxDeviation: dist.lotteryMaxDeviation ?? 0 },
    status: row.status,
    seedMode: row.seedMode,
    seed: row.seed,
    publicNumbers: row.publicNumbers === null ? null : (JSON.parse(row.publicNumbers) as number[]),
    ticket: row.ticket,
    panel: drawn?.panel ?? null,
    reserve: drawn?.reserve ?? null,
    drawnAt: row.drawnAt,
    drawnBy: row.drawnBy,
    supersededBy: row.supersededBy,
    supersededReason: row.supersededReason,
    supersededAt: row.supersededAt,
  };
}

function detailOf(row: SelectionRunRow): SelectionRunDetail {
  const dist = JSON.parse(row.distributionJson) as StoredDistribution;
  const drawn = row.drawnJson === null ? null : (JSON.parse(row.drawnJson) as StoredDraw);
  return {
    ...selectionRunOf(row),
    probabilities: dist.probabilities,
    lotteryProbabilities: dist.lotteryProbabilities,
    legacyComparison: dist.legacyComparison ?? null,
    fixed: dist.fixed ?? [],
    quotaResult: drawn?.quotaResult ?? null,
  };
}

function requireRun(db: Db, runId: string): SelectionRunRow {
  const row = findSelectionRun(db, runId);
  if (!row) throw new AppError('NOT_FOUND', 'There is no such selection run.', { id: runId }, 'errors.selectionRunNotFound');
  return row;
}

// ---------------------------------------------------------------------------------------------
// The draw

/** The members on ticket `ticket` of a (stored, hence well-formed) lottery document. */
function ticketMembers(document: string, ticket: number): string[] {
  const lines = document.split('\n');
  const body = lines.slice(lines.indexOf('', 2) + 1);
  const line = body[ticket];
  const match = line === undefined ? null : /^\d+: (.*)$/.exec(line);
  if (!match) throw new Error(`The lottery document has no line for ticket ${ticket}`);
  return match[1]!.split(' ');
}

function quotaResult(instance: SelectionInstance, panel: string[]): StoredDraw['quotaResult'] {
  const onPanel = new Set(panel);
  const members = instance.candidates.filter((c) => onPanel.has(c.id));
  return instance.quotas.map((q) => {
    const seats = members.filter((c) => c.features[q.feature] === q.value).length;
    return { ...q, seats, met: seats >= q.min && seats <= q.max };
  });
}

function publicNumberError(e: unknown): never {
  if (e instanceof RangeError) {
    throw new AppError('VALIDATION', `The public numbers cannot be used: ${e.message}.`, {
      fields: [{ field: 'numbers', rule: 'invalid', message: e.message }],
    }, 'errors.publicNumbers');
  }
  throw e;
}

// ---------------------------------------------------------------------------------------------
// The computation in progress (one per app context: one per window or web server)

interface RunningPrepare {
  algorithm: SelectionAlgorithm;
  /** A side-by-side comparison (selection.compare): the method being computed, 0 or 1. */
  comparing: { index: number; algorithms: [SelectionAlgorithm, SelectionAlgorithm] } | null;
  kind: RunKind;
  startedAt: string;
  started: number;
  timeLimitMs: number;
  progress: Pick<SelectionProgress, 'stage' | 'minProbability' | 'upperBound' | 'done' | 'total'> &
    Partial<Pick<SelectionProgress, 'maxProbability' | 'relativeGap'>>;
  stopping: 'keep' | 'cancel' | null;
  job: SelectionJob | null;
}

const running = new WeakMap<AppContext, RunningPrepare>();

/** What the worker reports, into the state selection.progress returns. */
function followProgress(state: RunningPrepare, p: TaskProgress): void {
  if (p.stage === 'comparing') {
    if (state.comparing) state.comparing.index = p.index;
    state.algorithm = p.algorithm;
    Object.assign(state.progress, { stage: 'checking', minProbability: null, upperBound: null, maxProbability: null, relativeGap: null, done: null, total: null });
  } else if (p.stage === 'objective') {
    Object.assign(state.progress, { stage: 'objective', minProbability: p.minProbability, maxProbability: p.maxProbability, relativeGap: Number.isFinite(p.relativeGap) ? p.relativeGap : null });
  } else if ('minProbability' in p) Object.assign(state.progress, { stage: 'leximin', minProbability: p.minProbability, upperBound: p.upperBound });
  else if ('done' in p) Object.assign(state.progress, { stage: 'legacy', done: p.done, total: p.total });
  else state.progress.stage = p.stage;
}

const cancelled = () => new AppError('CANCELLED', 'The computation was cancelled. Nothing was stored.', {}, 'errors.CANCELLED');

const drawArgs = z.discriminatedUnion('mode', [
  z.strictObject({ runId: id, mode: z.literal('public'), numbers: publicNumbers, source: sourceName.optional() }),
  z.strictObject({ runId: id, mode: z.literal('random') }),
]);

export const selectionHandlers = handlers({
  /**
   * Builds the instance from the live pool (pool or reserve, not erased) and the quotas, computes
   * the distribution and (LEXIMIN) the lottery of `lotterySize` tickets, stores the run as prepared.
   * `source` fixes how the public numbers will be drawn (the published document states it).
   */
  'selection.prepare': {
    args: z.strictObject({
      algorithm: algorithmName,
      kind: z.enum(['panel', 'replacement'], { message: 'must be panel or replacement' }).optional(),
      panelSize: panelSize.optional(),
      timeLimitMs: z.number().int('must be a whole number').min(1000, 'must be at least 1000').max(3_600_000, 'must be at most 3600000').optional(),
      lotterySize: z.number().int('must be a whole number').min(2, 'must be at least 2').max(100_000, 'must be at most 100000').optional(),
      source: sourceName.optional(),
      /** LEXIMIN: the relative tolerance of the certificate (default 1e-3, APP_LEXIMIN_TOLERANCE); the run record and the document name it. */
      tolerance: z.number().min(1e-9, 'must be at least 1e-9').max(0.1, 'must be at most 0.1').optional(),
    }),
    run: async (args, ctx) => {
      const db = ctx.requireDb();
      ctx.requireOperator();
      if (running.has(ctx.base)) {
        throw new AppError('CONFLICT', 'A selection is already being computed. Wait for it, or stop it, before starting another.', {}, 'errors.selectionBusy');
      }
      const settings = readRecruitmentSettings(db);
      const kind: RunKind = args.kind ?? 'panel';
      if (kind === 'replacement' && args.panelSize !== undefined) {
        throw new AppError('VALIDATION', 'Replacements fill the panel size set for the assembly; change it there.', {
          fields: [{ field: 'panelSize', rule: 'notAllowed', message: 'is set by the assembly for replacements' }],
        });
      }
      const size = kind === 'replacement' ? settings.panelSize : (args.panelSize ?? settings.panelSize);
      const live = liveInstance(db, size, settings.onePerHousehold, kind);
      if (kind === 'replacement' && live.fixed.length >= size) {
        throw new AppError(
          'VALIDATION',
          `The panel is full: ${live.fixed.length} members hold the ${size} seats. Replacements are drawn after someone withdraws.`,
          { seated: live.fixed.length, panelSize: size },
          'errors.selectionNoOpenSeats',
        );
      }
      const { built } = live;
      const instance = built.instance;
      const timeLimitMs = args.timeLimitMs ?? DEFAULT_LEXIMIN_TIME_LIMIT_MS;
      const state: RunningPrepare = {
        algorithm: args.algorithm,
        comparing: null,
        kind,
        startedAt: ctx.nowIso(),
        started: performance.now(),
        timeLimitMs,
        progress: { stage: 'checking', minProbability: null, upperBound: null, done: null, total: null },
        stopping: null,
        job: null,
      };
      running.set(ctx.base, state);
      let outcome: TaskResult;
      try {
        refuseMissingValues(built);

        const M = args.lotterySize ?? DEFAULT_TICKETS;
        const task: SelectionTask =
          args.algorithm === 'maximin' || args.algorithm === 'nash' || args.algorithm === 'goldilocks'
            ? { algorithm: args.algorithm, instance, timeLimitMs, lotterySize: M, lotterySeed: built.inputHash }
            : args.algorithm === 'leximin'
            ? {
                algorithm: 'leximin',
                instance,
                timeLimitMs,
                tolerance: args.tolerance ?? APP_LEXIMIN_TOLERANCE,
                lotterySize: M,
                // Seeded with the input hash: the same instance and distribution give the same tickets.
                lotterySeed: built.inputHash,
                comparisonRuns: LEGACY_ESTIMATE_RUNS,
                comparisonSeed: built.inputHash,
              }
            : { algorithm: 'legacy', instance, runs: LEGACY_ESTIMATE_RUNS, seed: built.inputHash };
        if (state.stopping === 'cancel') throw cancelled();
        state.job = startSelectionJob(task, (p) => followProgress(state, p));
        if (state.stopping === 'keep') state.job.stop(true);
        try {
          outcome = await state.job.result;
        } catch (e) {
          // LEXIMIN may still find the quotas infeasible (the worker's own check passed, so rarely).
          if (e instanceof WorkerInfeasibleError) refuseInfeasible(instance, await explainInfeasibility(instance));
          throw e;
        }
        if (outcome.algorithm === 'infeasible') refuseInfeasible(instance, outcome.explanation);
      } finally {
        running.delete(ctx.base);
      }
      // The computation took a while: the file it read must still be the one open.
      if (ctx.open?.db !== db) {
        throw new AppError('CONFLICT', 'The assembly was closed while the selection was being computed. Nothing was stored.', {}, 'errors.selectionPoolChanged');
      }

      const at = ctx.nowIso();
      const fixed = new Set(live.fixed);
      const drawable = (probabilities: Record<string, number>) =>
        fixed.size === 0 ? probabilities : Object.fromEntries(Object.entries(probabilities).filter(([code]) => !fixed.has(code)));
      let dist: StoredDistribution;
      let lottery: { size: number; source: PublicNumberSourceName; document: string; hash: string } | null = null;
      if (outcome.algorithm === 'objective') {
        const result = outcome.objective;
        const source = args.source ?? 'digits';
        const document = lotteryDocument(outcome.lottery.tickets, {
          assemblyName: oneLineName(db),
          algorithm: `${DOCUMENT_NAMES[args.algorithm]} ${ALGORITHM_VERSIONS[args.algorithm]}`,
          objective: result.objective,
          date: at,
          source: SOURCES[source],
        });
        lottery = { size: outcome.lottery.tickets.length, source, document, hash: sha256(document) };
        const probabilities = drawable(result.probabilities);
        dist = {
          probabilities,
          lotteryProbabilities: drawable(outcome.lottery.probabilities),
          summary: probabilitySummary(probabilities),
          // Maximin proves a bound on the smallest chance, as LEXIMIN does; the others prove their own.
          certificate:
            args.algorithm === 'maximin' ? { upperBound: result.certificate.bound, gap: Math.max(0, result.certificate.bound - result.minProbability) } : null,
          complete: result.complete,
          minProbability: result.minProbability,
          panels: result.panelCount,
          lotteryMaxDeviation: outcome.lottery.maxDeviation,
          leximin: { iterations: result.iterations, elapsedMs: result.elapsedMs, types: result.types },
          legacy: null,
          excludedSeatedHouseholds: live.excluded,
          objective: result.objective,
          objectiveCertificate: result.certificate,
          legacyComparison: null,
          fixed: live.fixed,
        };
      } else if (outcome.algorithm === 'leximin') {
        const result = outcome.leximin;
        const source = args.source ?? 'digits';
        const document = lotteryDocument(outcome.lottery.tickets, {
          assemblyName: oneLineName(db),
          algorithm: `LEXIMIN ${ALGORITHM_VERSIONS.leximin}`,
          objective: outcome.objective,
          date: at,
          source: SOURCES[source],
        });
        lottery = { size: outcome.lottery.tickets.length, source, document, hash: sha256(document) };
        const probabilities = drawable(result.probabilities);
        const comparison = outcome.comparison;
        dist = {
          probabilities,
          lotteryProbabilities: drawable(outcome.lottery.probabilities),
          summary: probabilitySummary(probabilities),
          certificate: result.certificate,
          complete: result.complete,
          minProbability: result.minProbability,
          panels: result.panelCount,
          lotteryMaxDeviation: outcome.lottery.maxDeviation,
          leximin: { iterations: result.iterations, elapsedMs: result.elapsedMs, types: result.types },
          objective: outcome.objective,
          legacy: null,
          excludedSeatedHouseholds: live.excluded,
          legacyComparison: comparison
            ? {
                probabilities: drawable(comparison.probabilities),
                summary: probabilitySummary(drawable(comparison.probabilities)),
                runs: comparison.runs,
                failures: comparison.failures,
              }
            : null,
          fixed: live.fixed,
        };
      } else if (outcome.algorithm === 'legacy') {
        const estimate = outcome.estimate;
        // Stopped before the first simulated draw: nothing to keep.
        if (estimate.runs === 0) throw cancelled();
        if (estimate.failures === estimate.runs) {
          throw new AppError(
            'VALIDATION',
            'The legacy method got stuck in every simulated draw: the quotas are too tight for it. Use LEXIMIN.',
            { runs: estimate.runs },
            'errors.legacyStuck',
          );
        }
        const probabilities = drawable(estimate.probabilities);
        const summary = probabilitySummary(probabilities);
        dist = {
          probabilities,
          lotteryProbabilities: null,
          summary,
          certificate: null,
          complete: estimate.runs === LEGACY_ESTIMATE_RUNS,
          minProbability: summary.min,
          panels: 0,
          lotteryMaxDeviation: null,
          leximin: null,
          objective: outcome.objective,
          legacy: { runs: estimate.runs, failures: estimate.failures, seed: built.inputHash },
          excludedSeatedHouseholds: live.excluded,
          legacyComparison: null,
          fixed: live.fixed,
          input: built.canonical,
        };
      } else throw new Error(`Unexpected selection outcome ${outcome.algorithm}`);

      return ctx.mutate((dbw, audit) => {
        const runId = ctx.newId();
        insertSelectionRun(dbw, {
          id: runId,
          at,
          operator: ctx.requireOperator(),
          kind,
          algorithm: args.algorithm,
          algorithmVersion: ALGORITHM_VERSIONS[args.algorithm],
          panelSize: size,
          onePerHousehold: settings.onePerHousehold ? 1 : 0,
          inputHash: built.inputHash,
          quotasJson: JSON.stringify(instance.quotas),
          distributionJson: JSON.stringify(dist),
          lotterySize: lottery?.size ?? null,
          lotterySource: lottery?.source ?? null,
          lotteryDocument: lottery?.document ?? null,
          lotteryHash: lottery?.hash ?? null,
        });
        audit({
          entity: 'selection',
          entityId: runId,
          action: 'selection.prepare',
          after: {
            kind,
            algorithm: args.algorithm,
            objective: dist.objective ?? null,
            objectiveCertificate: dist.objectiveCertificate ?? null,
            panelSize: size,
            candidates: instance.candidates.length,
            fixed: live.fixed.length,
            inputHash: built.inputHash,
            lotteryHash: lottery?.hash ?? null,
            lotterySize: lottery?.size ?? null,
            minProbability: dist.summary.min,
            complete: dist.complete,
          },
        });
        return selectionRunOf(findSelectionRun(dbw, runId)!);
      });
    },
  },

  /**
   * Runs two methods on the live pool, one after the other in the selection worker (progress
   * and stop as for selection.prepare), and returns their figures side by side: smallest and
   * largest chance, people below half and above twice the average, Gini, histogram. Nothing is
   * stored and nothing is drawn; the figures hold no codes. Each method gets `timeLimitMs`.
   */
  'selection.compare': {
    args: z.strictObject({
      algorithms: z.tuple([algorithmName, algorithmName]).refine(([a, b]) => a !== b, { message: 'must be two different methods' }),
      timeLimitMs: z.number().int('must be a whole number').min(1000, 'must be at least 1000').max(3_600_000, 'must be at most 3600000').optional(),
    }),
    run: async (args, ctx): Promise<SelectionComparison> => {
      const db = ctx.requireDb();
      ctx.requireOperator();
      if (running.has(ctx.base)) {
        throw new AppError('CONFLICT', 'A selection is already being computed. Wait for it, or stop it, before starting another.', {}, 'errors.selectionBusy');
      }
      const settings = readRecruitmentSettings(db);
      const live = liveInstance(db, settings.panelSize, settings.onePerHousehold, 'panel');
      const { built } = live;
      const instance = built.instance;
      const timeLimitMs = args.timeLimitMs ?? DEFAULT_LEXIMIN_TIME_LIMIT_MS;
      const algorithms = args.algorithms as [SelectionAlgorithm, SelectionAlgorithm];
      const state: RunningPrepare = {
        algorithm: algorithms[0],
        comparing: { index: 0, algorithms },
        kind: 'panel',
        startedAt: ctx.nowIso(),
        started: performance.now(),
        timeLimitMs: timeLimitMs * 2,
        progress: { stage: 'checking', minProbability: null, upperBound: null, done: null, total: null },
        stopping: null,
        job: null,
      };
      running.set(ctx.base, state);
      let outcome: TaskResult;
      try {
        refuseMissingValues(built);
        const task: SelectionTask = { algorithm: 'compare', instance, algorithms, timeLimitMs, legacyRuns: LEGACY_ESTIMATE_RUNS, seed: built.inputHash };
        if (state.stopping === 'cancel') throw cancelled();
        state.job = startSelectionJob(task, (p) => followProgress(state, p));
        if (state.stopping === 'keep') state.job.stop(true);
        try {
          outcome = await state.job.result;
        } catch (e) {
          if (e instanceof WorkerInfeasibleError) refuseInfeasible(instance, await explainInfeasibility(instance));
          throw e;
        }
        if (outcome.algorithm === 'infeasible') refuseInfeasible(instance, outcome.explanation);
      } finally {
        running.delete(ctx.base);
      }
      if (outcome.algorithm !== 'compare') throw new Error(`Unexpected comparison outcome ${outcome.algorithm}`);
      return { inputHash: built.inputHash, panelSize: settings.panelSize, candidates: instance.candidates.length, results: outcome.results };
    },
  },

  'selection.overview': {
    args: z.strictObject({}),
    run: (_args, ctx): SelectionOverview => {
      const db = ctx.requireDb();
      const settings = readRecruitmentSettings(db);
      const seated = seatedPeople(db).length;
      // As liveInstance counts them, and as the reserve list is made: with one per household, a
      // housemate of someone holding a seat cannot be drawn.
      const seatedAt = settings.onePerHousehold ? seatedHouseholds(db) : new Set<string>();
      const candidates = selectionPool(db).filter((p) => p.household === null || !seatedAt.has(p.household)).length;
      return {
        panelSize: settings.panelSize,
        onePerHousehold: settings.onePerHousehold,
        candidates,
        seated,
        openSeats: Math.max(0, settings.panelSize - seated),
        drawnPanelRunId: liveDrawnPanelRun(db)?.id ?? null,
        computing: running.has(ctx.base),
      };
    },
  },

  /** The run being computed, or null. */
  'selection.progress': {
    args: z.strictObject({}),
    run: (_args, ctx): SelectionProgress | null => {
      const state = running.get(ctx.base);
      if (!state) return null;
      return {
        algorithm: state.algorithm,
        kind: state.kind,
        startedAt: state.startedAt,
        elapsedMs: Math.round(performance.now() - state.started),
        timeLimitMs: state.timeLimitMs,
        ...state.progress,
        comparing: state.comparing,
        stopping: state.stopping,
      };
    },
  },

  /**
   * Stops the run being computed: keep = true ends LEXIMIN now with the best distribution so far
   * (stored, marked incomplete, with its certificate); keep = false cancels (nothing stored).
   */
  'selection.stop': {
    args: z.strictObject({ keep: z.boolean({ message: 'must be true or false' }) }),
    run: (args, ctx): { stopping: boolean } => {
      const state = running.get(ctx.base);
      if (!state) return { stopping: false };
      // A cancel may follow a keep (the user changed their mind); a keep never undoes a cancel.
      if (state.stopping !== 'cancel') state.stopping = args.keep ? 'keep' : 'cancel';
      state.job?.stop(state.stopping === 'keep');
      return { stopping: true };
    },
  },

  /** Draws the panel of a prepared run: drawn people become "selected", in the same transaction. */
  'selection.draw': {
    args: drawArgs,
    run: (args, ctx) =>
      ctx.mutate((db, audit): SelectionRun => {
        const run = requireRun(db, args.runId);
        if (run.status !== 'prepared') {
          throw new AppError('CONFLICT', `This run is ${run.status}: only a prepared run can be drawn.`, { status: run.status }, 'errors.selectionNotPrepared');
        }
        const live = liveDrawnPanelRun(db);
        if (run.kind === 'panel' && live) {
          throw new AppError(
            'CONFLICT',
            'A panel has already been drawn. Supersede that run (with a reason) before drawing another.',
            { runId: live.id },
            'errors.selectionAlreadyDrawn',
          );
        }
        const current = liveInstance(db, run.panelSize, run.onePerHousehold === 1, run.kind);
        const instance = current.built.instance;

        let panel: string[];
        let ticket: number | null = null;
        let seed: string | null = null;
        let numbers: number[] | null = null;
        if (isLotteryMethod(run.algorithm)) {
          const M = run.lotterySize!;
          const document = run.lotteryDocument!;
          if (args.mode === 'public') {
            if (args.source !== undefined && args.source !== run.lotterySource) {
              throw new AppError('VALIDATION', `This lottery was published for public numbers drawn as ${run.lotterySource}, not ${args.source}.`, {
                fields: [{ field: 'source', rule: 'notAllowed', message: `must be ${run.lotterySource}` }],
              }, 'errors.publicNumbers');
            }
            numbers = args.numbers;
            try {
              ticket = ticketFromPublicNumbers(numbers, M, SOURCES[run.lotterySource!]);
            } catch (e) {
              publicNumberError(e);
            }
          } else {
            seed = randomBytes(16).toString('hex');
            ticket = createRandom(seed).int(0, M - 1);
          }
          panel = ticketMembers(document, ticket);
          if (numbers) {
            const check = verifyDraw({ document, publishedHash: run.lotteryHash!, numbers, chosenPanel: panel });
            if (!check.ok) throw new Error(`The draw does not verify against its own document: ${check.problems.join(' ')}`);
          }
        } else {
          if (args.mode === 'public') {
            numbers = args.numbers;
            seed = `public:${numbers.join(',')}`;
          } else {
            seed = randomBytes(16).toString('hex');
          }
          const drawn = legacyDraw(instance, createRandom(seed));
          if (!drawn) {
            throw new AppError('CONFLICT', 'The legacy method got stuck in every attempt with this seed. Draw again, or use LEXIMIN.', {}, 'errors.legacyStuck');
          }
          panel = drawn;
        }
        panel = [...panel].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

        // Everyone drawn must still be a candidate: in the pool or on the reserve list.
        const gone = panel.filter((code) => !current.people.has(code));
        if (gone.length > 0) {
          throw new AppError(
            'CONFLICT',
            `${gone.join(', ')} ${gone.length === 1 ? 'is' : 'are'} no longer in the pool or on the reserve list. Supersede this run and prepare a new one.`,
            { codes: gone },
            'errors.selectionPoolChanged',
          );
        }
        if (current.built.inputHash !== run.inputHash) {
          throw new AppError(
            'CONFLICT',
            'The pool or the quotas changed since this run was prepared (the input hash differs). Supersede it and prepare a new one.',
            { prepared: run.inputHash, now: current.built.inputHash },
            'errors.selectionPoolChanged',
          );
        }

        // With one per household, a panel member's housemates can never take a seat: they are
        // not on the reserve list.
        const panelHouseholds = new Set(instance.candidates.filter((c) => c.household !== null && panel.includes(c.id)).map((c) => c.household));
        const reserve = reserveOrder(
          instance.candidates
            .filter((c) => !(instance.onePerHousehold && c.household !== null && panelHouseholds.has(c.household) && !panel.includes(c.id)))
            .map((c) => c.id),
          panel,
          (items) => createRandom(`reserve:${run.inputHash}:${panel.join(' ')}`).shuffle(items),
        );
        const result = quotaResult(instance, panel);
        const now = ctx.nowIso();
        const operator = ctx.requireOperator();
        const seated = new Set(current.fixed);
        for (const code of panel) {
          if (seated.has(code)) continue; // a member already holding a seat (replacement runs)
          const person = current.people.get(code)!;
          const from = person.status as 'pool' | 'reserve';
          const problem = checkTransition(from, 'selected', { date: null, reason: null });
          if (problem) throw new AppError('CONFLICT', `${code}: ${problem.message}`, { code }, `lifecycle.${problem.rule}`);
          updatePersonFields(db, person.id, { status: 'selected', statusDate: null, statusReason: null }, now);
          insertStatusChange(db, { id: ctx.newId(), personId: person.id, from, to: 'selected', date: null, reason: `drawn in selection run ${run.id}`, at: now, operator });
          audit({ entity: 'person', entityId: person.id, action: 'person.status', before: { status: from }, after: { status: 'selected', code, selectionRun: run.id } });
        }
        markSelectionRunDrawn(db, run.id, {
          seedMode: args.mode,
          seed,
          publicNumbers: numbers === null ? null : JSON.stringify(numbers),
          ticket,
          drawnJson: JSON.stringify({ panel, reserve, quotaResult: result } satisfies StoredDraw),
          drawnAt: now,
          drawnBy: operator,
        });
        audit({
          entity: 'selection',
          entityId: run.id,
          action: 'selection.draw',
          after: { mode: args.mode, numbers, seed, ticket, lotteryHash: run.lotteryHash, panel },
        });
        return selectionRunOf(findSelectionRun(db, run.id)!);
      }),
  },

  'selection.list': {
    args: z.strictObject({}),
    run: (_args, ctx) => listSelectionRuns(ctx.requireDb()).map(selectionRunOf),
  },

  'selection.get': {
    args: z.strictObject({ id }),
    run: (args, ctx) => detailOf(requireRun(ctx.requireDb(), args.id)),
  },

  /** Marks a run superseded, with a reason. Statuses set by its draw stay as they are. */
  'selection.supersede': {
    args: z.strictObject({ id, reason: requiredText(500), by: id.optional() }),
    run: (args, ctx) =>
      ctx.mutate((db, audit): SelectionRun => {
        const run = requireRun(db, args.id);
        if (run.status === 'superseded') {
          throw new AppError('CONFLICT', 'This run was already superseded.', {}, 'errors.selectionSuperseded');
        }
        if (args.by !== undefined) {
          if (args.by === run.id) throw new AppError('VALIDATION', 'A run cannot supersede itself.', { fields: [{ field: 'by', rule: 'invalid', message: 'must be another run' }] });
          requireRun(db, args.by);
        }
        markSelectionRunSuperseded(db, run.id, { supersededBy: args.by ?? null, reason: args.reason, at: ctx.nowIso() });
        // The reason is the operator's free text: it stays in the run, not copied to the audit log.
        audit({ entity: 'selection', entityId: run.id, action: 'selection.supersede', before: { status: run.status }, after: { status: 'superseded', by: args.by ?? null } });
        return selectionRunOf(findSelectionRun(db, run.id)!);
      }),
  },

  /**
   * What an outsider needs to check a run: a LEXIMIN run's lottery document (published before the
   * draw), a legacy run's input (the canonical pool, quotas and rules whose SHA-256 is the input
   * hash; drawn again with the recorded seed, it gives the panel).
   */
  'selection.document': {
    args: z.strictObject({ id }),
    run: (args, ctx): ExportedFile => {
      const run = requireRun(ctx.requireDb(), args.id);
      if (run.lotteryDocument !== null) return { fileName: `lottery-${run.at.slice(0, 10)}-${run.lotteryHash!.slice(0, 12)}.txt`, content: run.lotteryDocument };
      const input = (JSON.parse(run.distributionJson) as StoredDistribution).input;
      if (input === undefined) {
        throw new AppError('VALIDATION', 'This legacy run was stored before its input was kept: it has no document to publish.', {}, 'errors.noLotteryDocument');
      }
      return { fileName: legacyInputFileName(run.at, run.inputHash), content: input };
    },
  },

  /** Checks a published draw: document (or a path to it), its hash, the public numbers, the panel. Needs no assembly. */
  'selection.verify': {
    args: z
      .strictObject({
        /** leximin (default): a lottery document and public numbers; legacy: the run's input and its seed. */
        algorithm: algorithmName.optional(),
        document: z.string().max(200_000_000).optional(),
        documentPath: filePath.optional(),
        publishedHash: requiredText(200),
        numbers: publicNumbers.optional(),
        seed: z.string().min(1, 'is required').max(200).optional(),
        chosenCodes: z.array(z.string().max(100)).max(10_000),
        source: sourceName.optional(),
      })
      .refine((a) => (a.document === undefined) !== (a.documentPath === undefined), {
        message: 'give either document or documentPath',
        path: ['document'],
      })
      .refine((a) => (a.algorithm === 'legacy' ? (a.seed === undefined) !== (a.numbers === undefined) : a.numbers !== undefined && a.seed === undefined), {
        message: 'a LEXIMIN draw is checked with its public numbers; a legacy draw with its seed or its public numbers (one of them)',
        path: ['numbers'],
      }),
    run: (args, ctx): SelectionVerifyResult => {
      let document = args.document;
      if (document === undefined) {
        const path = ctx.resolveUserPath(args.documentPath!);
        try {
          document = readFileSync(path, 'utf8');
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('FILE_NOT_FOUND', `There is no file ${path}.`, { path });
          throw e;
        }
      }
      if (args.algorithm === 'legacy') {
        // The seed selection.draw recorded: a random one, or the public numbers as "public:4,0,7".
        const seed = args.seed ?? `public:${args.numbers!.join(',')}`;
        const { ok, problems } = verifyLegacyDraw({ input: document, publishedHash: args.publishedHash, seed, chosenPanel: args.chosenCodes });
        return { ok, problems, ticket: null, objective: LEGACY_OBJECTIVE };
      }
      const result = verifyDraw({ document, publishedHash: args.publishedHash, numbers: args.numbers!, chosenPanel: args.chosenCodes });
      if (args.source !== undefined) {
        const { lowest, highest } = SOURCES[args.source];
        if (!document.includes(`\nPublic numbers: from ${lowest} to ${highest}\n`)) {
          result.problems.push(`The document does not say the public numbers are ${args.source} (${lowest} to ${highest}).`);
          result.ok = false;
        }
      }
      return result;
    },
  },
});
