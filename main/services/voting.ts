/**
 * Voting tallies: ballots of a session, two operators entering the counts independently, the
 * result only when both agree, locked once finalised, corrections with a reason and before and
 * after. The maths is in main/domain/voting/ (rules, ranking, result).
 */
import { z } from 'zod';
import { PERSON_LANGUAGES } from '../../preload/vocabulary';
import type { Ballot, BallotCounts, BallotDetail, BallotResult } from '../domain/voting/types';
import type { Db } from '../../db/connection';
import { readRecruitmentSettings } from '../../db/features';
import { findSession } from '../../db/sessions';
import { correctBallot, correctionsOf, deleteBallot, entriesOf, excessReasonsOf, finaliseBallot, findBallot, listBallots, writeBallot, writeEntry, type BallotRow } from '../../db/voting';
import { sameName } from '../domain/text';
import { ballotResult, differences, validateCounts } from '../domain/voting/result';
import { AppError } from '../errors';
import { handlers } from '../registry';
import { buildRoster } from './attendance';
import { id, requiredText, text } from './schemas';

const count = z.number();
const fraction = { numerator: z.number().int().min(0).max(1000), denominator: z.number().int().min(1).max(1000) };
const quorumSchema = z.strictObject(fraction).refine((q) => q.numerator <= q.denominator, { message: 'must be at most the whole panel (numerator ≤ denominator)', path: ['numerator'] });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day, HH:MM');
const ruleSchema = z.discriminatedUnion('method', [
  z.strictObject({
    method: z.literal('yesNo'),
    threshold: z.enum(['simpleMajority', 'majorityOfPresent', 'twoThirds', 'eightyPercent', 'custom'], { message: 'is not a known threshold' }),
    numerator: fraction.numerator.optional(),
    denominator: fraction.denominator.optional(),
    base: z.enum(['cast', 'present']).optional(),
    abstentionsCount: z.boolean(),
  }),
  z.strictObject({ method: z.literal('scale'), levels: z.array(requiredText(60)).min(2).max(10), supportLevels: z.number().int().min(1).max(9), ...fraction }),
  z.strictObject({ method: z.literal('approval'), maxPicks: z.number().int().min(1).max(100) }),
  z.strictObject({ method: z.literal('ranking'), count: z.enum(['borda', 'schulze']) }),
]);
const itemSchema = z.strictObject({
  number: requiredText(20),
  title: requiredText(300),
  text: z.partialRecord(z.enum(PERSON_LANGUAGES), text(20_000)).refine((t) => Object.values(t).some((v) => v && v.trim() !== ''), 'needs the text in at least one language'),
});
const countsSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('perItem'), items: z.array(z.strictObject({ itemId: id, counts: z.array(count).max(10), blank: count, spoilt: count })).max(200) }),
  z.strictObject({ kind: z.literal('papers'), papers: z.array(z.array(z.number().int()).max(200)).max(5000), blank: count, spoilt: count }),
]);

function requireBallot(db: Db, ballotId: string): BallotRow {
  const b = findBallot(db, ballotId);
  if (!b) throw new AppError('NOT_FOUND', 'There is no such ballot (it may have been deleted).', { id: ballotId }, 'voting.ballotNotFound');
  return b;
}

function checkRule(rule: Ballot['rule'], items: number): void {
  const problems: { field: string; rule: string; message: string }[] = [];
  if (rule.method === 'yesNo' && rule.threshold === 'custom' && (rule.numerator === undefined || rule.denominator === undefined || rule.numerator > rule.denominator)) {
    problems.push({ field: 'rule.numerator', rule: 'invalid', message: 'a custom threshold needs a fraction of at most 1 (numerator and denominator)' });
  }
  if (rule.method === 'scale' && rule.supportLevels >= rule.levels.length) problems.push({ field: 'rule.supportLevels', rule: 'invalid', message: 'must be fewer than the levels' });
  if (rule.method === 'scale' && rule.numerator > rule.denominator) problems.push({ field: 'rule.numerator', rule: 'invalid', message: 'the fraction must be at most 1' });
  if (rule.method === 'ranking' && items < 2) problems.push({ field: 'items', rule: 'invalid', message: 'a ranking needs at least two options' });
  if (rule.method === 'approval' && rule.maxPicks > items) problems.push({ field: 'rule.maxPicks', rule: 'invalid', message: 'must be at most the number of items' });
  if (problems.length > 0) throw new AppError('VALIDATION', `The ballot cannot be saved: ${problems.map((p) => p.message).join('; ')}.`, { fields: problems });
}

/**
 * The eligible voters: the members in the room when the vote was held (arrived by then, not yet
 * gone), or, without a vote time, the members present now. Frozen when the result is finalised.
 */
function eligible(db: Db, sessionId: string, votedAt: string | null): number {
  const session = findSession(db, sessionId)!;
  const rows = buildRoster(db, session).rows;
  if (votedAt === null) return rows.filter((r) => r.state === 'present').length;
  return rows.filter((r) => r.arrivedAt !== null && r.arrivedAt <= votedAt && (r.departedAt === null || r.departedAt > votedAt)).length;
}

/** Item ids of an edited ballot: its own, once each; new items get new ids. */
function checkItemIds(before: Ballot, items: { id?: string }[]): void {
  const known = new Set(before.items.map((i) => i.id));
  const given = items.map((i) => i.id).filter((x): x is string => x !== undefined);
  const problem = given.findIndex((x, i) => !known.has(x) || given.indexOf(x) !== i);
  if (problem >= 0) {
    throw new AppError('VALIDATION', 'An item id is given twice, or is not an item of this ballot.', {
      fields: [{ field: `items.${items.findIndex((i) => i.id === given[problem])}.id`, rule: 'duplicate', message: 'is given twice or is not an item of this ballot' }],
    });
  }
}

const stripRow = ({ finalCounts: _c, finalPresent: _p, finalPanelSize: _s, ...ballot }: BallotRow): Ballot => ballot;

function detail(db: Db, b: BallotRow): BallotDetail {
  // A finalised result stands as it was: the present and the panel size of that moment.
  const panelSize = b.finalPanelSize ?? readRecruitmentSettings(db).panelSize;
  const present = b.finalPresent ?? eligible(db, b.sessionId, b.votedAt);
  const entries = entriesOf(db, b.id);
  const [first, second] = [entries.find((e) => e.slot === 1), entries.find((e) => e.slot === 2)];
  const diffs = first && second ? differences(b, first.counts, second.counts) : [];
  let result: BallotResult | null = null;
  const agreed = b.finalCounts ?? (first && second && diffs.length === 0 ? first.counts : null);
  // A finalised count was accepted as it is; before that, papers above the present need a reason.
  const excessExplained = b.finalCounts !== null || excessStated(db, b.id);
  if (agreed && validateCounts(b, agreed, present, { excessExplained }).length === 0) result = ballotResult(b, agreed, present, panelSize);
  return { ballot: stripRow(b), present, panelSize, entries, differences: diffs, result, corrections: correctionsOf(db, b.id) };
}

/** Whether an operator stated why the papers of this ballot's entries exceed the members present. */
function excessStated(db: Db, ballotId: string): boolean {
  const reasons = excessReasonsOf(db, ballotId);
  return reasons[1] !== null || reasons[2] !== null;
}

function refuseBadCounts(b: BallotRow, counts: BallotCounts, present: number, excessExplained = false): void {
  const problems = validateCounts(b, counts, present, { excessExplained });
  if (problems.length > 0) {
    const excess = problems.some((p) => p.rule === 'tooManyPapers');
    throw new AppError(
      'VALIDATION',
      `The counts cannot be accepted: ${problems.slice(0, 8).map((p) => p.message).join('; ')}.` +
        (excess ? ' If the papers are right (members in the room who were not checked in, say), check the attendance, or enter the counts again with the reason.' : ''),
      { fields: problems, needsReason: excess },
      'voting.badCounts',
    );
  }
}

/** Every finalised ballot with its result, in session order (the reports use them). */
export function ballotResultsOf(db: Db, sessionId: string | null = null): { ballot: Ballot; result: BallotResult }[] {
  return listBallots(db, sessionId)
    .filter((b) => b.status === 'finalised')
    .map((b) => ({ ballot: stripRow(b), result: detail(db, b).result! }));
}

export const votingHandlers = handlers({
  'voting.list': {
    args: z.strictObject({ sessionId: id.optional() }),
    run: (args, ctx): Ballot[] => listBallots(ctx.requireDb(), args.sessionId ?? null).map(stripRow),
  },

  'voting.get': {
    args: z.strictObject({ id }),
    run: (args, ctx): BallotDetail => {
      const db = ctx.requireDb();
      return detail(db, requireBallot(db, args.id));
    },
  },

  'voting.createBallot': {
    args: z.strictObject({
      sessionId: id,
      title: requiredText(300),
      rule: ruleSchema,
      quorum: quorumSchema,
      votedAt: hhmm.nullable().optional(),
      items: z.array(itemSchema).min(1, 'needs at least one item').max(200),
    }),
    run: (input, ctx) =>
      ctx.mutate((db, audit): Ballot => {
        const session = findSession(db, input.sessionId);
        if (!session || session.deletedAt !== null) {
          throw new AppError('VALIDATION', 'There is no such session.', { fields: [{ field: 'sessionId', rule: 'notFound', message: 'is not a session' }] }, 'voting.sessionNotFound');
        }
        checkRule(input.rule, input.items.length);
        const now = ctx.nowIso();
        const ballot: Ballot = {
          id: ctx.newId(),
          sessionId: input.sessionId,
          title: input.title,
          rule: input.rule,
          quorum: input.quorum,
          items: input.items.map((item) => ({ ...item, id: ctx.newId() })),
          votedAt: input.votedAt ?? null,
          status: 'open',
          createdAt: now,
          finalisedAt: null,
          finalisedBy: null,
        };
        writeBallot(db, ballot, now);
        audit({ entity: 'ballot', entityId: ballot.id, action: 'create', after: { title: ballot.title, rule: ballot.rule, items: ballot.items.length } });
        return stripRow(requireBallot(db, ballot.id));
      }),
  },

  'voting.updateBallot': {
    args: z.strictObject({
      id,
      title: requiredText(300).optional(),
      rule: ruleSchema.optional(),
      quorum: quorumSchema.optional(),
      votedAt: hhmm.nullable().optional(),
      items: z.array(itemSchema.extend({ id: id.optional() })).min(1).max(200).optional(),
    }),
    run: (args, ctx) =>
      ctx.mutate((db, audit): Ballot => {
        const before = requireBallot(db, args.id);
        if (before.status === 'finalised' || entriesOf(db, args.id).length > 0) {
          throw new AppError('CONFLICT', 'Counts have been entered for this ballot: it can no longer be changed.', {}, 'voting.ballotCounted');
        }
        if (args.items) checkItemIds(before, args.items);
        const after: Ballot = {
          ...stripRow(before),
          votedAt: args.votedAt === undefined ? before.votedAt : args.votedAt,
          title: args.title ?? before.title,
          rule: args.rule ?? before.rule,
          quorum: args.quorum ?? before.quorum,
          items: args.items ? args.items.map((item) => ({ ...item, id: item.id ?? ctx.newId() })) : before.items,
        };
        checkRule(after.rule, after.items.length);
        writeBallot(db, after, ctx.nowIso());
        audit({ entity: 'ballot', entityId: args.id, action: 'update', before: { title: before.title, rule: before.rule }, after: { title: after.title, rule: after.rule } });
        return stripRow(requireBallot(db, args.id));
      }),
  },

  'voting.deleteBallot': {
    args: z.strictObject({ id }),
    run: (args, ctx) =>
      ctx.mutate((db, audit) => {
        const b = requireBallot(db, args.id);
        if (b.status === 'finalised') throw new AppError('CONFLICT', 'A finalised ballot cannot be deleted.', {}, 'voting.finalised');
        deleteBallot(db, args.id, ctx.nowIso());
        audit({ entity: 'ballot', entityId: args.id, action: 'delete', before: { title: b.title } });
        return { deleted: true };
      }),
  },

  'voting.enterCounts': {
    args: z.strictObject({
      ballotId: id,
      slot: z.union([z.literal(1), z.literal(2)], { message: 'must be 1 or 2' }),
      counts: countsSchema,
      /** Why more papers than members present were counted (required only then). */
      reason: text(1000).optional(),
    }),
    run: (args, ctx) =>
      ctx.mutate((db, audit): BallotDetail => {
        const b = requireBallot(db, args.ballotId);
        if (b.status === 'finalised') {
          throw new AppError('CONFLICT', 'This ballot is finalised: a change is a correction, with a reason.', {}, 'voting.finalised');
        }
        const reason = args.reason ? args.reason : null;
        const present = eligible(db, b.sessionId, b.votedAt);
        refuseBadCounts(b, args.counts, present, reason !== null);
        const operator = ctx.requireOperator();
        const other = entriesOf(db, b.id).find((e) => e.slot !== args.slot);
        // Independence: the second entry must come from another person. Names are compared as
        // people type them (capitals, accents, spaces aside): "Mallory" and "mallory" are one.
        if (other && sameName(other.operator, operator)) {
          const written = other.operator === operator ? '' : ` (written "${operator}" now, "${other.operator}" then: the same name)`;
          throw new AppError(
            'CONFLICT',
            `Entry ${other.slot} was made by ${other.operator}${written}: the other entry must be made by someone else, so that two people have counted.`,
            { slot: other.slot, params: { slot: other.slot, operator: other.operator } },
            'voting.sameOperator',
          );
        }
        writeEntry(db, b.id, { slot: args.slot, operator, enteredAt: ctx.nowIso(), counts: args.counts });
        // The stated reason is kept with the entry's audit row (finalising reads it back there).
        audit({ entity: 'ballot', entityId: b.id, action: 'voting.enterCounts', after: reason === null ? { slot: args.slot } : { slot: args.slot, reason, present } });
        return detail(db, requireBallot(db, b.id));
      }),
  },

  'voting.finalise': {
    args: z.strictObject({ ballotId: id }),
    run: (args, ctx) =>
      ctx.mutate((db, audit): BallotDetail => {
        const b = requireBallot(db, args.ballotId);
        if (b.status === 'finalised') throw new AppError('CONFLICT', 'This ballot is already finalised.', {}, 'voting.finalised');
        const entries = entriesOf(db, b.id);
        const [first, second] = [entries.find((e) => e.slot === 1), entries.find((e) => e.slot === 2)];
        if (!first || !second) {
          throw new AppError('CONFLICT', 'Both operators must enter the counts before the result can be finalised.', { entered: entries.map((e) => e.slot) }, 'voting.secondEntryMissing');
        }
        const diffs = differences(b, first.counts, second.counts);
        if (diffs.length > 0) {
          throw new AppError('CONFLICT', `The two entries differ in ${diffs.length} place(s): check them against the papers first.`, { differences: diffs }, 'voting.entriesDiffer');
        }
        const present = eligible(db, b.sessionId, b.votedAt);
        refuseBadCounts(b, first.counts, present, excessStated(db, b.id));
        const now = ctx.nowIso();
        finaliseBallot(db, b.id, { counts: first.counts, present, panelSize: readRecruitmentSettings(db).panelSize, at: now, by: ctx.requireOperator() });
        const done = detail(db, requireBallot(db, b.id));
        audit({ entity: 'ballot', entityId: b.id, action: 'voting.finalise', after: { present, result: done.result } });
        return done;
      }),
  },

  'voting.correct': {
    args: z.strictObject({ ballotId: id, counts: countsSchema, reason: requiredText(1000) }),
    run: (args, ctx) =>
      ctx.mutate((db, audit): BallotDetail => {
        const b = requireBallot(db, args.ballotId);
        if (b.status !== 'finalised' || !b.finalCounts) {
          throw new AppError('CONFLICT', 'Only a finalised result is corrected; before that, enter the counts again.', {}, 'voting.notFinalised');
        }
        // A correction always has its reason: papers above the present are allowed with it.
        refuseBadCounts(b, args.counts, b.finalPresent!, true);
        const before = detail(db, b).result;
        correctBallot(db, { id: ctx.newId(), ballotId: b.id, at: ctx.nowIso(), operator: ctx.requireOperator(), reason: args.reason, before: b.finalCounts, after: args.counts });
        const after = detail(db, requireBallot(db, b.id));
        // The reason is the operator's free text: it stays in ballot_corrections, not in the audit log.
        audit({ entity: 'ballot', entityId: b.id, action: 'voting.correct', before: { counts: b.finalCounts, result: before }, after: { counts: args.counts, result: after.result } });
        return after;
      }),
  },

  'voting.results': {
    args: z.strictObject({ sessionId: id.optional() }),
    run: (args, ctx) => ballotResultsOf(ctx.requireDb(), args.sessionId ?? null),
  },
});
