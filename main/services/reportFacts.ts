/**
 * Entering what the public report states and no other page records (issue 17): the basis of the
 * recruitment, the costs besides the per-diem, each contributor's material, whether an invited
 * speaker came to a slot, and why a person declined or withdrew (a code from a fixed list; the
 * free text stays with people.setStatus). Every write is one transaction with its audit row.
 */
import { z } from 'zod';
import { APPEARANCES, COST_CATEGORIES, DROP_REASONS, MATERIAL_KINDS } from '../../preload/vocabulary';
import type { Db } from '../../db/connection';
import {
  contributorExists,
  deleteCost,
  deleteMaterial,
  insertCost,
  insertMaterial,
  listAppearances,
  listCosts,
  listMaterials,
  readRecruitmentFacts,
  writeAppearance,
  writeReasonCode,
  writeRecruitmentFacts,
  type AppearanceRow,
  type CostRow,
  type MaterialRow,
  type RecruitmentFacts,
} from '../../db/reportFacts';
import { findPerson } from '../../db/people';
import { AppError } from '../errors';
import { handlers } from '../registry';
import { id, requiredText, text } from './schemas';

export interface ReportFactsOverview {
  recruitment: RecruitmentFacts;
  costs: CostRow[];
  materials: MaterialRow[];
  appearances: AppearanceRow[];
}

const oneOf = <T extends string>(list: readonly T[]) => z.enum(list as [T, ...T[]], { message: `must be one of ${list.join(', ')}` });

/** Amounts in whole cents, up to ten million euros: more is a typing mistake. */
const cents = z.number().int('must be a whole number of cents').min(0, 'must be at least 0').max(1_000_000_000, 'must be at most 1000000000');

function notFound(what: string, key: string): AppError {
  return new AppError('NOT_FOUND', `No ${what} with id ${key}.`, { id: key, fields: [{ field: 'id', rule: 'notFound', message: `no ${what} with this id` }] });
}

export function reportFactsOverview(db: Db): ReportFactsOverview {
  return { recruitment: readRecruitmentFacts(db), costs: listCosts(db), materials: listMaterials(db), appearances: listAppearances(db) };
}

export const reportFactsHandlers = handlers({
  'reportFacts.get': {
    args: z.strictObject({}),
    run: (_args, ctx) => reportFactsOverview(ctx.requireDb()),
  },
  /** The basis of the recruitment: all four at once (an empty text or a null year: not entered). */
  'reportFacts.setRecruitment': {
    args: z.strictObject({
      populationSource: text(300),
      populationYear: z.number().int('must be a whole year').min(1900, 'must be 1900 or later').max(2200, 'must be 2200 or earlier').nullable(),
      eligibility: text(1000),
      invitationMethod: text(1000),
    }),
    run: (args, ctx) =>
      ctx.mutate((db, audit) => {
        const before = readRecruitmentFacts(db);
        writeRecruitmentFacts(db, args, ctx.nowIso());
        audit({ entity: 'assembly', entityId: 'report_facts', action: 'reportFacts.setRecruitment', before, after: args });
        return readRecruitmentFacts(db);
      }),
  },
  'reportFacts.addCost': {
    args: z.strictObject({ label: requiredText(200), amountCents: cents, category: oneOf(COST_CATEGORIES) }),
    run: (args, ctx) =>
      ctx.mutate((db, audit) => {
        const row: CostRow = { id: ctx.newId(), ...args };
        insertCost(db, row, ctx.nowIso());
        audit({ entity: 'cost', entityId: row.id, action: 'reportFacts.addCost', after: args });
        return row;
      }),
  },
  'reportFacts.deleteCost': {
    args: z.strictObject({ id }),
    run: (args, ctx) =>
      ctx.mutate((db, audit) => {
        if (!deleteCost(db, args.id, ctx.nowIso())) throw notFound('cost', args.id);
        audit({ entity: 'cost', entityId: args.id, action: 'reportFacts.deleteCost' });
        return { id: args.id };
      }),
  },
  'reportFacts.addMaterial': {
    args: z.strictObject({ contributorId: id, title: requiredText(300), kind: oneOf(MATERIAL_KINDS), link: text(1000) }),
    run: (args, ctx) =>
      ctx.mutate((db, audit) => {
        if (!contributorExists(db, args.contributorId)) {
          throw new AppError('NOT_FOUND', `No contributor with id ${args.contributorId}.`, { fields: [{ field: 'contributorId', rule: 'notFound', message: 'no contributor with this id' }] });
        }
        const row: MaterialRow = { id: ctx.newId(), ...args };
        insertMaterial(db, row, ctx.nowIso());
        audit({ entity: 'contributor', entityId: args.contributorId, action: 'reportFacts.addMaterial', after: { id: row.id, title: args.title, kind: args.kind, link: args.link } });
        return row;
      }),
  },
  'reportFacts.deleteMaterial': {
    args: z.strictObject({ id }),
    run: (args, ctx) =>
      ctx.mutate((db, audit) => {
        if (!deleteMaterial(db, args.id, ctx.nowIso())) throw notFound('material', args.id);
        audit({ entity: 'material', entityId: args.id, action: 'reportFacts.deleteMaterial' });
        return { id: args.id };
      }),
  },
  /** Whether an invited speaker came to a slot (null: not recorded). */
  'reportFacts.setAppearance': {
    args: z.strictObject({ slotId: id, contributorId: id, appearance: oneOf(APPEARANCES).nullable() }),
    run: (args, ctx) =>
      ctx.mutate((db, audit) => {
        if (!writeAppearance(db, args.slotId, args.contributorId, args.appearance)) {
          throw new AppError('NOT_FOUND', 'This contributor is not a speaker in this slot.', {
            fields: [{ field: 'contributorId', rule: 'notFound', message: 'is not a speaker in this slot' }],
          });
        }
        audit({ entity: 'slot', entityId: args.slotId, action: 'reportFacts.setAppearance', after: { contributorId: args.contributorId, appearance: args.appearance } });
        return listAppearances(ctx.requireDb()).find((a) => a.slotId === args.slotId && a.contributorId === args.contributorId)!;
      }),
  },
  /** Why a person declined or withdrew, from the fixed list (null: not known). */
  'reportFacts.setDropReason': {
    args: z.strictObject({ personId: id, reason: oneOf(DROP_REASONS).nullable() }),
    run: (args, ctx) =>
      ctx.mutate((db, audit) => {
        const person = findPerson(db, args.personId);
        if (!person) throw new AppError('NOT_FOUND', `No person with id ${args.personId}.`, { fields: [{ field: 'personId', rule: 'notFound', message: 'no person with this id' }] });
        if (person.status !== 'declined' && person.status !== 'withdrawn') {
          throw new AppError('CONFLICT', `${person.code} is ${person.status}: a reason is given only for someone who declined or withdrew.`, {
            fields: [{ field: 'reason', rule: 'notAllowed', message: 'only for someone who declined or withdrew' }],
          }, 'errors.reasonOnlyForDrops');
        }
        writeReasonCode(db, person.id, args.reason);
        audit({ entity: 'person', entityId: person.id, action: 'reportFacts.setDropReason', after: { code: person.code, reason: args.reason } });
        return { personId: person.id, reason: args.reason };
      }),
  },
});
