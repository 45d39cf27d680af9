/**
 * Small-group tables: plans per session and round (main/domain/tables/allocate.ts does the
 * seating), swaps and moves by hand with the score kept up to date, the re-plan for the people
 * present, facilitators per table, and the printable lists.
 */
import { z } from 'zod';
import type { ExportedBinaryFile } from '../domain/assembly/types';
import type { TableMember, TablePlan, TablePlanSettings } from '../domain/tables/types';
import { listContributors } from '../../db/agenda';
import { assemblyName } from '../../db/assemblyMeta';
import type { Db } from '../../db/connection';
import { listFeatures } from '../../db/features';
import { featuresOf, namesOf } from '../../db/people';
import { findSession } from '../../db/sessions';
import { allCurrentPlans, currentPlans, findPlan, insertPlan, updatePlanTables, type StoredTable, type TablePlanRow } from '../../db/tables';
import { allocateTables, MAX_EFFORT, replanForPresent, scoreTables, TableRuleError, type AllocationInput, type TablePerson } from '../domain/tables/allocate';
import { compareNames } from '../domain/text';
import { AppError } from '../errors';
import { handlers } from '../registry';
import { buildRoster } from './attendance';
import { timeZone } from '../../db/attendance';
import { id } from './schemas';

/**
 * How hard the seating search tries: 1 (the default) to MAX_EFFORT, a multiple of a budget of
 * search steps (main/domain/tables/allocate.ts), never a time, so a seed gives the same plan on
 * any machine. (This replaced `timeBudgetMs`, which the search no longer could honour.)
 */
const effort = z.number().int('must be a whole number').min(1, 'must be at least 1').max(MAX_EFFORT, `must be at most ${MAX_EFFORT}`).optional();

const settingsFields = {
  tableSize: z.number().int('must be a whole number').min(2, 'must be at least 2').max(50, 'must be at most 50'),
  modes: z.record(z.string().max(100), z.enum(['diversify', 'cluster', 'ignore'], { message: 'must be diversify, cluster or ignore' })),
  pins: z.array(z.strictObject({ personId: id, table: z.number().int('must be a whole number').min(1, 'must be at least 1') })).max(500),
  apart: z.array(z.tuple([id, id])).max(500),
  source: z.enum(['confirmed', 'present'], { message: 'must be confirmed or present' }),
};

// ---------------------------------------------------------------------------------------------
// People and history

interface Seatable {
  people: TablePerson[];
  /** Person id -> what the plan shows of them. */
  members: Map<string, Omit<TableMember, 'features'>>;
}

function seatable(db: Db, sessionId: string, source: TablePlanSettings['source']): Seatable {
  const session = findSession(db, sessionId)!;
  const roster = buildRoster(db, session);
  const rows = roster.rows.filter((r) => (source === 'present' ? r.state === 'present' : r.state !== 'excused'));
  const features = featuresOf(db, rows.map((r) => r.personId));
  return {
    people: rows.map((r) => ({ id: r.personId, features: features.get(r.personId) ?? {} })),
    members: new Map(rows.map((r) => [r.personId, { personId: r.personId, code: r.code, firstName: r.firstName, lastName: r.lastName, language: r.language }])),
  };
}

/** Who sat together before this session's round: earlier sessions and earlier rounds. */
function historyBefore(db: Db, sessionId: string, round: number): string[][][] {
  const session = findSession(db, sessionId)!;
  return allCurrentPlans(db)
    .filter((p) => (p.sessionId === sessionId ? p.round < round : p.date < session.date || (p.date === session.date && p.startTime < session.startTime)))
    .map((p) => p.tables.map((t) => t.members));
}

function requireLiveSession(db: Db, sessionId: string): void {
  const s = findSession(db, sessionId);
  if (!s || s.deletedAt !== null) throw new AppError('NOT_FOUND', 'There is no such session (it may have been deleted).', { sessionId }, 'tables.sessionNotFound');
}

function requirePlan(db: Db, planId: string): TablePlanRow {
  const plan = findPlan(db, planId);
  if (!plan) throw new AppError('NOT_FOUND', 'There is no such table plan.', { planId }, 'tables.planNotFound');
  if (plan.status !== 'current') {
    throw new AppError('CONFLICT', 'This plan was replaced by a newer one: open the current plan of the round.', { planId }, 'tables.planReplaced');
  }
  return plan;
}

function ruleError(e: unknown): never {
  if (e instanceof TableRuleError) throw new AppError('VALIDATION', e.message, { rule: e.rule }, `tables.${e.rule}`);
  throw e;
}

function allocationInput(db: Db, plan: Pick<TablePlanRow, 'sessionId' | 'round' | 'settings' | 'seed'>, people: TablePerson[]): Omit<AllocationInput, 'effort'> {
  return {
    people,
    tableSize: plan.settings.tableSize,
    modes: plan.settings.modes,
    pins: Object.fromEntries(plan.settings.pins.filter((p) => people.some((x) => x.id === p.personId)).map((p) => [p.personId, p.table])),
    apart: plan.settings.apart,
    history: historyBefore(db, plan.sessionId, plan.round),
    seed: plan.seed,
  };
}

export function tablePlanOf(db: Db, row: TablePlanRow): TablePlan {
  const ids = row.tables.flatMap((t) => t.members);
  const features = featuresOf(db, ids);
  const names = new Map(namesOf(db, ids).map((p) => [p.id, p]));
  const shown = Object.entries(row.settings.modes).filter(([, m]) => m !== 'ignore').map(([f]) => f);
  return {
    id: row.id,
    sessionId: row.sessionId,
    round: row.round,
    createdAt: row.createdAt,
    operator: row.operator,
    settings: row.settings,
    seed: row.seed,
    tables: row.tables.map((t) => ({
      number: t.number,
      group: t.group,
      facilitatorId: t.facilitatorId,
      members: t.members
        .map((personId) => {
          const p = names.get(personId);
          const all = features.get(personId) ?? {};
          return {
            personId,
            code: p?.code ?? '',
            firstName: p?.firstName ?? '',
            lastName: p?.lastName ?? '',
            language: p?.language ?? null,
            features: Object.fromEntries(shown.filter((f) => all[f] !== undefined).map((f) => [f, all[f]!])),
          };
        })
        .sort((a, b) => compareNames(a.lastName, b.lastName) || compareNames(a.firstName, b.firstName)),
    })),
    score: row.score,
    basedOn: row.basedOn,
    moved: row.moved,
  };
}

function rescore(db: Db, plan: TablePlanRow, tables: StoredTable[]): TablePlanRow['score'] {
  const ids = tables.flatMap((t) => t.members);
  const features = featuresOf(db, ids);
  const people = ids.map((personId) => ({ id: personId, features: features.get(personId) ?? {} }));
  return scoreTables(allocationInput(db, plan, people), tables.map((t) => t.members));
}


// ---------------------------------------------------------------------------------------------
// Handlers

export const tableHandlers = handlers({
  'tables.list': {
    args: z.strictObject({ sessionId: id }),
    run: (args, ctx): TablePlan[] => {
      const db = ctx.requireDb();
      requireLiveSession(db, args.sessionId);
      return currentPlans(db, args.sessionId).map((p) => tablePlanOf(db, p));
    },
  },

  'tables.plan': {
    args: z.strictObject({
      sessionId: id,
      round: z.number().int('must be a whole number').min(1, 'must be at least 1').max(20, 'must be at most 20').optional(),
      seed: z.number().int('must be a whole number').min(0).max(2 ** 31 - 1).optional(),
      effort,
      ...settingsFields,
    }),
    run: (args, ctx) =>
      ctx.mutate((db, audit): TablePlan => {
        requireLiveSession(db, args.sessionId);
        const known = new Set(listFeatures(db).map((f) => f.name));
        const unknown = Object.keys(args.modes).filter((f) => !known.has(f));
        if (unknown.length > 0) {
          throw new AppError('VALIDATION', `No feature is called ${unknown.map((f) => `"${f}"`).join(', ')}.`, {
            fields: unknown.map((f) => ({ field: `modes.${f}`, rule: 'notFound', message: 'is not a feature of this assembly' })),
          });
        }
        const { people } = seatable(db, args.sessionId, args.source);
        if (people.length === 0) {
          throw new AppError(
            'VALIDATION',
            args.source === 'present' ? 'Nobody is checked in for this session yet.' : 'There are no confirmed participants to seat.',
            {},
            'tables.nobodyToSeat',
          );
        }
        const seatableIds = new Set(people.map((p) => p.id));
        const strangers = [...args.pins.map((p) => p.personId), ...args.apart.flat()].filter((p) => !seatableIds.has(p));
        if (strangers.length > 0 && args.source === 'confirmed') {
          throw new AppError('VALIDATION', 'Some pinned or kept-apart people are not confirmed participants of this session.', { personIds: strangers }, 'tables.unknownPerson');
        }
        const round = args.round ?? 1;
        const seed = args.seed ?? Math.floor(Math.random() * 2 ** 31);
        const settings: TablePlanSettings = { tableSize: args.tableSize, modes: args.modes, pins: args.pins, apart: args.apart, source: args.source };
        let allocation;
        try {
          allocation = allocateTables({ ...allocationInput(db, { sessionId: args.sessionId, round, settings, seed }, people), effort: args.effort });
        } catch (e) {
          ruleError(e);
        }
        const previous = currentPlans(db, args.sessionId).find((p) => p.round === round);
        const row: TablePlanRow = {
          id: ctx.newId(),
          sessionId: args.sessionId,
          round,
          createdAt: ctx.nowIso(),
          operator: ctx.requireOperator(),
          status: 'current',
          settings,
          seed,
          tables: allocation.tables.map((members, i) => ({
            number: allocation.numbers[i]!,
            group: allocation.groups[i]!,
            facilitatorId: previous?.tables.find((t) => t.number === allocation.numbers[i])?.facilitatorId ?? null,
            members,
          })),
          score: allocation.score,
          basedOn: null,
          moved: [],
        };
        insertPlan(db, row);
        audit({ entity: 'tablePlan', entityId: row.id, action: 'tables.plan', after: { sessionId: row.sessionId, round, seed, tables: row.tables.length, score: row.score } });
        return tablePlanOf(db, row);
      }),
  },

  'tables.swap': {
    args: z.strictObject({ planId: id, personA: id, personB: id }),
    run: (args, ctx) =>
      ctx.mutate((db, audit): TablePlan => {
        const plan = requirePlan(db, args.planId);
        const ta = plan.tables.find((t) => t.members.includes(args.personA));
        const tb = plan.tables.find((t) => t.members.includes(args.personB));
        if (!ta || !tb) throw new AppError('VALIDATION', 'Both people must be seated in this plan.', {}, 'tables.notSeated');
        if (ta === tb) throw new AppError('VALIDATION', 'They already sit at the same table.', {}, 'tables.sameTable');
        if (ta.group !== tb.group) {
          throw new AppError('VALIDATION', `Table ${ta.number} is for ${ta.group}, table ${tb.number} for ${tb.group}: a swap would mix them.`, {}, 'tables.swapAcrossClusters');
        }
        const pinned = plan.settings.pins.find((p) => p.personId === args.personA || p.personId === args.personB);
        if (pinned) throw new AppError('VALIDATION', `Someone in this swap is pinned to table ${pinned.table}. Unpin them first.`, {}, 'tables.pinned');
        const apart = (person: string, table: StoredTable) =>
          plan.settings.apart.some(([x, y]) => (x === person && table.members.includes(y)) || (y === person && table.members.includes(x)));
        const newA = { ...ta, members: [...ta.members.filter((m) => m !== args.personA), args.personB] };
        const newB = { ...tb, members: [...tb.members.filter((m) => m !== args.personB), args.personA] };
        if (apart(args.personB, { ...newA, members: newA.members.filter((m) => m !== args.personB) }) || apart(args.personA, { ...newB, members: newB.members.filter((m) => m !== args.personA) })) {
          throw new AppError('VALIDATION', 'This swap would seat two people who must be kept apart at the same table.', {}, 'tables.keptApart');
        }
        const tables = plan.tables.map((t) => (t === ta ? newA : t === tb ? newB : t));
        const score = rescore(db, plan, tables);
        updatePlanTables(db, plan.id, tables, score);
        audit({ entity: 'tablePlan', entityId: plan.id, action: 'tables.swap', before: { tables: [ta.number, tb.number], score: plan.score }, after: { score } });
        return tablePlanOf(db, requirePlan(db, plan.id));
      }),
  },

  'tables.move': {
    args: z.strictObject({ planId: id, personId: id, table: z.number().int('must be a whole number').min(1, 'must be at least 1') }),
    run: (args, ctx) =>
      ctx.mutate((db, audit): TablePlan => {
        const plan = requirePlan(db, args.planId);
        const from = plan.tables.find((t) => t.members.includes(args.personId));
        const to = plan.tables.find((t) => t.number === args.table);
        if (!from) throw new AppError('VALIDATION', 'This person is not seated in this plan.', {}, 'tables.notSeated');
        if (!to) throw new AppError('VALIDATION', `There is no table ${args.table} in this plan.`, { fields: [{ field: 'table', rule: 'notFound', message: 'is not a table of this plan' }] }, 'tables.pinTable');
        if (from === to) throw new AppError('VALIDATION', 'They already sit at that table.', {}, 'tables.sameTable');
        if (to.members.length >= plan.settings.tableSize) throw new AppError('VALIDATION', `Table ${to.number} is full (${to.members.length} seats).`, {}, 'tables.tableFull');
        if (from.group !== to.group) throw new AppError('VALIDATION', `Table ${to.number} is for ${to.group}.`, {}, 'tables.swapAcrossClusters');
        const pinned = plan.settings.pins.find((p) => p.personId === args.personId);
        if (pinned) throw new AppError('VALIDATION', `This person is pinned to table ${pinned.table}. Unpin them first.`, {}, 'tables.pinned');
        if (plan.settings.apart.some(([x, y]) => (x === args.personId && to.members.includes(y)) || (y === args.personId && to.members.includes(x)))) {
          throw new AppError('VALIDATION', 'This move would seat two people who must be kept apart at the same table.', {}, 'tables.keptApart');
        }
        const tables = plan.tables.map((t) =>
          t === from ? { ...t, members: t.members.filter((m) => m !== args.personId) } : t === to ? { ...t, members: [...t.members, args.personId] } : t,
        );
        const score = rescore(db, plan, tables);
        updatePlanTables(db, plan.id, tables, score);
        audit({ entity: 'tablePlan', entityId: plan.id, action: 'tables.move', before: { table: from.number, score: plan.score }, after: { table: to.number, score } });
        return tablePlanOf(db, requirePlan(db, plan.id));
      }),
  },

  'tables.replan': {
    args: z.strictObject({ planId: id, effort }),
    run: (args, ctx) =>
      ctx.mutate((db, audit): TablePlan => {
        const plan = requirePlan(db, args.planId);
        const { people } = seatable(db, plan.sessionId, 'present');
        if (people.length === 0) throw new AppError('VALIDATION', 'Nobody is checked in for this session yet.', {}, 'tables.nobodyToSeat');
        let result;
        try {
          result = replanForPresent(
            { ...allocationInput(db, plan, people), effort: args.effort },
            plan.tables.map((t) => t.members),
            plan.tables.map((t) => t.number),
          );
        } catch (e) {
          ruleError(e);
        }
        const row: TablePlanRow = {
          ...plan,
          id: ctx.newId(),
          createdAt: ctx.nowIso(),
          operator: ctx.requireOperator(),
          settings: { ...plan.settings, source: 'present' },
          tables: result.tables.map((members, i) => ({
            number: result.numbers[i]!,
            group: result.groups[i]!,
            facilitatorId: plan.tables.find((t) => t.number === result.numbers[i])?.facilitatorId ?? null,
            members,
          })),
          score: result.score,
          basedOn: plan.id,
          moved: result.moved,
        };
        insertPlan(db, row);
        audit({ entity: 'tablePlan', entityId: row.id, action: 'tables.replan', after: { basedOn: plan.id, moved: result.moved.length, present: people.length, score: row.score } });
        return tablePlanOf(db, row);
      }),
  },

  'tables.setFacilitator': {
    args: z.strictObject({ planId: id, table: z.number().int().min(1), contributorId: id.nullable() }),
    run: (args, ctx) =>
      ctx.mutate((db, audit): TablePlan => {
        const plan = requirePlan(db, args.planId);
        const table = plan.tables.find((t) => t.number === args.table);
        if (!table) throw new AppError('VALIDATION', `There is no table ${args.table} in this plan.`, { fields: [{ field: 'table', rule: 'notFound', message: 'is not a table of this plan' }] });
        if (args.contributorId !== null && !listContributors(db).some((c) => c.id === args.contributorId)) {
          throw new AppError('VALIDATION', 'That facilitator is not in the list of contributors.', { fields: [{ field: 'contributorId', rule: 'notFound', message: 'is not a contributor' }] });
        }
        const tables = plan.tables.map((t) => (t === table ? { ...t, facilitatorId: args.contributorId } : t));
        updatePlanTables(db, plan.id, tables, plan.score);
        audit({ entity: 'tablePlan', entityId: plan.id, action: 'tables.setFacilitator', after: { table: args.table, contributorId: args.contributorId } });
        return tablePlanOf(db, requirePlan(db, plan.id));
      }),
  },

  'tables.exportPdf': {
    args: z.strictObject({ planId: id, kind: z.enum(['facilitators', 'wall'], { message: 'must be facilitators or wall' }), lang: z.enum(['nl', 'fr', 'en']).optional() }),
    run: async (args, ctx): Promise<ExportedBinaryFile> => {
      const db = ctx.requireDb();
      const plan = tablePlanOf(db, requirePlan(db, args.planId));
      const session = findSession(db, plan.sessionId)!;
      const facilitators = new Map(listContributors(db).map((c) => [c.id, c.name]));
      const { tablesPdf } = await import('../reports/tablesPdf');
      const bytes = await tablesPdf(plan, { kind: args.kind, session, facilitators, assemblyName: assemblyName(db), lang: args.lang ?? ctx.settings.get().language, generatedAt: ctx.clock(), timeZone: timeZone(db) });
      return { fileName: `tables-${args.kind}-${session.date}-round${plan.round}.pdf`, mimeType: 'application/pdf', contentBase64: bytes.toString('base64') };
    },
  },

  'tables.exportXlsx': {
    args: z.strictObject({ planId: id, lang: z.enum(['nl', 'fr', 'en']).optional() }),
    run: async (args, ctx): Promise<ExportedBinaryFile> => {
      const db = ctx.requireDb();
      const plan = tablePlanOf(db, requirePlan(db, args.planId));
      const session = findSession(db, plan.sessionId)!;
      const facilitators = new Map(listContributors(db).map((c) => [c.id, c.name]));
      const { tablesWorkbook } = await import('../reports/tablesXlsx');
      const bytes = await tablesWorkbook(plan, { session, facilitators, assemblyName: assemblyName(db), lang: args.lang ?? ctx.settings.get().language });
      return {
        fileName: `tables-${session.date}-round${plan.round}.xlsx`,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        contentBase64: bytes.toString('base64'),
      };
    },
  },
});
