/**
 * Voting tallies: ballots of a session, two operators entering the counts independently, the
 * result only when both agree, locked once finalised, corrections with a reason and before and
 * after. The maths is in main/domain/voting/ (rules, ranking, result).
 */
import { z } from 'zod';
import { PERSON_LANGUAGES } from '../../preload/vocabulary';
import type { Ballot, BallotCounts, BallotDependency, BallotDetail, BallotResult, CastingVote, DependencyInfo } from '../domain/voting/types';
import type { Db } from '../../db/connection';
import type { AuditRecord } from '../../db/audit';
import { readRecruitmentSettings } from '../../db/features';
import { findSession } from '../../db/sessions';
import {
  correctBallot,
  correctionsOf,
  deleteBallot,
  dependentsOf,
  entriesOf,
  entryDevicesOf,
  excessReasonsOf,
  finaliseBallot,
  findBallot,
  listBallots,
  markNotHeld,
  setCastingVote,
  writeBallot,
  writeEntry,
  type BallotRow,
} from '../../db/voting';
import { sameName } from '../domain/text';
import { ballotResult, differences, validateCounts } from '../domain/voting/result';
import { conditionState, dependencyCycle, notHeldReason, notLater } from '../domain/voting/sequence';
import { checkCastingVote, tiesOf } from '../domain/voting/tie';
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
const tieRuleSchema = z.enum(['castingVote', 'newVote'], { message: "must be 'castingVote' (the chair's casting vote) or 'newVote'" });
const dependencySchema = z.strictObject({ ballotId: id, itemId: id, when: z.enum(['adopted', 'notAdopted'], { message: "must be 'adopted' or 'notAdopted'" }) });
const castingVoteSchema = z.strictObject({
  /** The chair giving the casting vote, by name (recorded in the audit). */
  chair: requiredText(120),
  items: z.array(z.strictObject({ itemId: id, adopt: z.boolean() })).max(200).default([]),
  option: id.nullable().default(null),
});
const itemSchema = z.strictObject({
  number: requiredText(20),
  title: requiredText(300),
  text: z.partialRecord(z.enum(PERSON_LANGUAGES), text(20_000)).refine((t) => Object.values(t).some((v) => v && v.trim() !== ''), 'needs the text in at least one language'),
  rationale: text(10_000).optional(),
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

type Audit = (record: AuditRecord) => void;

const stripRow = ({ finalCounts: _c, finalPresent: _p, finalPanelSize: _s, ...ballot }: BallotRow): Ballot => ballot;

/** The result of a finalised ballot (null otherwise). */
function finalResult(db: Db, b: BallotRow): BallotResult | null {
  if (b.status !== 'finalised' || !b.finalCounts || b.finalPresent === null || b.finalPanelSize === null) return null;
  return ballotResult(b, b.finalCounts, b.finalPresent, b.finalPanelSize);
}

/** A sequential ballot's condition in words, and whether it is met now. */
function dependencyInfo(db: Db, b: Pick<Ballot, 'dependsOn'>): DependencyInfo | null {
  const d = b.dependsOn;
  if (!d) return null;
  const earlier = findBallot(db, d.ballotId);
  const item = earlier?.items.find((i) => i.id === d.itemId);
  if (!earlier || !item) return null;
  return {
    ballotId: earlier.id,
    ballotTitle: earlier.title,
    itemId: item.id,
    itemNumber: item.number,
    itemTitle: item.title,
    when: d.when,
    state: conditionState(d, { status: earlier.status, result: finalResult(db, earlier) }),
    earlierNotHeld: earlier.status === 'notHeld',
  };
}

/**
 * A sequential ballot's condition, checked when it is saved: the earlier ballot exists, is in the
 * same session or an earlier one, has the item, and the chain closes no cycle.
 */
function checkDependency(db: Db, ballotId: string | null, sessionId: string, dep: BallotDependency): void {
  const refuse = (field: string, rule: string, message: string, key: string): never => {
    throw new AppError('VALIDATION', `The ballot cannot depend on that: ${message}.`, { fields: [{ field: `dependsOn.${field}`, rule, message }] }, key);
  };
  if (ballotId !== null && dep.ballotId === ballotId) refuse('ballotId', 'cycle', 'a ballot cannot depend on itself', 'voting.dependencyCycle');
  const earlier = findBallot(db, dep.ballotId);
  if (!earlier) return refuse('ballotId', 'notFound', 'there is no such ballot', 'voting.dependencyNotFound');
  if (!earlier.items.some((i) => i.id === dep.itemId)) refuse('itemId', 'notFound', `"${earlier.title}" has no such item`, 'voting.dependencyItemNotFound');
  const own = findSession(db, sessionId)!;
  const theirs = findSession(db, earlier.sessionId);
  if (!theirs || !notLater(theirs, own)) refuse('ballotId', 'laterSession', `"${earlier.title}" is in a later session; a ballot can depend only on one of the same session or an earlier one`, 'voting.dependencyLater');
  if (ballotId !== null) {
    const cycle = dependencyCycle(ballotId, dep.ballotId, (x) => findBallot(db, x)?.dependsOn?.ballotId ?? null);
    if (cycle) {
      const titles = cycle.map((x) => `"${findBallot(db, x)?.title ?? x}"`).join(' → ');
      refuse('ballotId', 'cycle', `that would close a circle (${titles}): no ballot could ever be held`, 'voting.dependencyCycle');
    }
  }
}

/**
 * Marks a ballot not held when its condition is not met (or clears the mark when it is met again,
 * after a correction of the earlier ballot), then does the same for the ballots that depend on it.
 */
function settleDependency(db: Db, b: BallotRow, at: string, audit: Audit): void {
  if (b.status === 'finalised') return;
  const info = dependencyInfo(db, b);
  const notMet = info?.state === 'notMet';
  if (notMet && b.status !== 'notHeld') {
    const reason = notHeldReason({ ballotTitle: info.ballotTitle, itemNumber: info.itemNumber, when: info.when, earlierNotHeld: info.earlierNotHeld });
    markNotHeld(db, b.id, { at, reason }, at);
    audit({ entity: 'ballot', entityId: b.id, action: 'voting.notHeld', after: { reason, dependsOn: b.dependsOn } });
  } else if (!notMet && b.status === 'notHeld') {
    markNotHeld(db, b.id, null, at);
    audit({ entity: 'ballot', entityId: b.id, action: 'voting.heldAgain', before: { notHeld: b.notHeld }, after: { dependsOn: b.dependsOn, state: info?.state ?? null } });
  } else return;
  for (const d of dependentsOf(db, b.id)) settleDependency(db, d, at, audit);
}

/** After the earlier ballot's result changed: its dependents follow (a counted one may not change). */
function settleDependents(db: Db, earlier: BallotRow, at: string, audit: Audit): void {
  for (const d of dependentsOf(db, earlier.id)) {
    const state = dependencyInfo(db, d)?.state;
    const counted = d.status === 'finalised' || (d.status === 'open' && entriesOf(db, d.id).length > 0);
    if (counted && (d.status === 'finalised' ? state !== 'met' : state === 'notMet')) {
      throw new AppError(
        'CONFLICT',
        `"${d.title}" depends on this result and has been counted: this change would mean it should not have been held. Correct that ballot first, or leave this result as it is.`,
        { dependent: d.id, params: { title: d.title } },
        'voting.dependentCounted',
      );
    }
    settleDependency(db, d, at, audit);
  }
}

/** Refuses counting a ballot that is not held, or whose earlier ballot is not finalised yet. */
function refuseUnheld(db: Db, b: BallotRow): void {
  if (b.status === 'notHeld') {
    throw new AppError('CONFLICT', `This ballot is not held: ${b.notHeld?.reason ?? 'its condition was not met'}.`, { reason: b.notHeld?.reason ?? null }, 'voting.notHeld');
  }
  const info = dependencyInfo(db, b);
  if (info?.state === 'waiting') {
    throw new AppError(
      'CONFLICT',
      `This ballot is held only if item ${info.itemNumber} of "${info.ballotTitle}" was ${info.when === 'adopted' ? 'adopted' : 'not adopted'}: finalise that ballot first (a tie settled by a new vote leaves it undecided; point this ballot at the new one).`,
      { dependsOn: b.dependsOn, params: { title: info.ballotTitle, number: info.itemNumber } },
      'voting.dependencyWaiting',
    );
  }
}

function refuseBadCastingVote(b: Pick<Ballot, 'tieRule'>, result: BallotResult, castingVote: CastingVote | null): void {
  const problems = checkCastingVote(b, result, castingVote);
  if (problems.length === 0) return;
  const missing = problems.some((p) => p.rule === 'castingVoteMissing');
  throw new AppError(
    missing ? 'CONFLICT' : 'VALIDATION',
    `${missing ? 'The result cannot be finalised' : 'The casting vote cannot be accepted'}: ${problems.map((p) => p.message).join('; ')}.`,
    // The ties, so that a form can ask for the casting vote on exactly those (a correction, say).
    { problems, needsCastingVote: missing, ties: tiesOf(result) },
    missing ? 'voting.castingVoteMissing' : problems[0]!.rule === 'castingVoteWithoutTie' ? 'voting.castingVoteWithoutTie' : problems[0]!.rule === 'castingVoteNotTheRule' ? 'voting.castingVoteNotTheRule' : 'voting.castingVoteInvalid',
  );
}

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
  return {
    ballot: stripRow(b),
    present,
    panelSize,
    entries,
    differences: diffs,
    result,
    corrections: correctionsOf(db, b.id),
    dependency: dependencyInfo(db, b),
    dependents: dependentsOf(db, b.id).map((d) => ({ id: d.id, title: d.title })),
  };
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
export function ballotResultsOf(db: Db, sessionId: string | null = null): { ballot: Ballot; result: BallotResult; dependency: DependencyInfo | null }[] {
  return listBallots(db, sessionId)
    .filter((b) => b.status === 'finalised')
    .map((b) => ({ ballot: stripRow(b), result: detail(db, b).result!, dependency: dependencyInfo(db, b) }));
}

/** Every ballot marked not held, with its condition (the reports and the results list show them). */
export function notHeldBallotsOf(db: Db, sessionId: string | null = null): { ballot: Ballot; dependency: DependencyInfo | null }[] {
  return listBallots(db, sessionId)
    .filter((b) => b.status === 'notHeld')
    .map((b) => ({ ballot: stripRow(b), dependency: dependencyInfo(db, b) }));
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
      /** How a tie is settled, fixed before the vote (default: a new vote). */
      tieRule: tieRuleSchema.optional(),
      /** Sequential ballots: held only if an item of an earlier ballot was (not) adopted. */
      dependsOn: dependencySchema.nullable().optional(),
      items: z.array(itemSchema).min(1, 'needs at least one item').max(200),
    }),
    run: (input, ctx) =>
      ctx.mutate((db, audit): Ballot => {
        const session = findSession(db, input.sessionId);
        if (!session || session.deletedAt !== null) {
          throw new AppError('VALIDATION', 'There is no such session.', { fields: [{ field: 'sessionId', rule: 'notFound', message: 'is not a session' }] }, 'voting.sessionNotFound');
        }
        checkRule(input.rule, input.items.length);
        if (input.dependsOn) checkDependency(db, null, input.sessionId, input.dependsOn);
        const now = ctx.nowIso();
        const ballot = {
          id: ctx.newId(),
          sessionId: input.sessionId,
          title: input.title,
          rule: input.rule,
          quorum: input.quorum,
          items: input.items.map((item) => ({ ...item, id: ctx.newId() })),
          votedAt: input.votedAt ?? null,
          tieRule: input.tieRule ?? 'newVote',
          dependsOn: input.dependsOn ?? null,
          status: 'open' as const,
          createdAt: now,
          finalisedAt: null,
          finalisedBy: null,
        };
        writeBallot(db, ballot, now);
        audit({ entity: 'ballot', entityId: ballot.id, action: 'create', after: { title: ballot.title, rule: ballot.rule, tieRule: ballot.tieRule, dependsOn: ballot.dependsOn, items: ballot.items.length } });
        settleDependency(db, requireBallot(db, ballot.id), now, audit);
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
      tieRule: tieRuleSchema.optional(),
      dependsOn: dependencySchema.nullable().optional(),
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
          tieRule: args.tieRule ?? before.tieRule,
          dependsOn: args.dependsOn === undefined ? before.dependsOn : args.dependsOn,
          title: args.title ?? before.title,
          rule: args.rule ?? before.rule,
          quorum: args.quorum ?? before.quorum,
          items: args.items ? args.items.map((item) => ({ ...item, id: item.id ?? ctx.newId() })) : before.items,
        };
        checkRule(after.rule, after.items.length);
        if (after.dependsOn) checkDependency(db, args.id, after.sessionId, after.dependsOn);
        // Items that a later ballot's condition names stay (their ids are what it points at).
        const named = dependentsOf(db, args.id).filter((d) => !after.items.some((i) => i.id === d.dependsOn?.itemId));
        if (named.length > 0) {
          throw new AppError('CONFLICT', `"${named[0]!.title}" depends on an item removed here: change that ballot first.`, { dependents: named.map((d) => d.id), params: { title: named[0]!.title } }, 'voting.itemDependedOn');
        }
        const now = ctx.nowIso();
        writeBallot(db, after, now);
        audit({
          entity: 'ballot',
          entityId: args.id,
          action: 'update',
          before: { title: before.title, rule: before.rule, tieRule: before.tieRule, dependsOn: before.dependsOn },
          after: { title: after.title, rule: after.rule, tieRule: after.tieRule, dependsOn: after.dependsOn },
        });
        settleDependency(db, requireBallot(db, args.id), now, audit);
        return stripRow(requireBallot(db, args.id));
      }),
  },

  'voting.deleteBallot': {
    args: z.strictObject({ id }),
    run: (args, ctx) =>
      ctx.mutate((db, audit) => {
        const b = requireBallot(db, args.id);
        if (b.status === 'finalised') throw new AppError('CONFLICT', 'A finalised ballot cannot be deleted.', {}, 'voting.finalised');
        const dependents = dependentsOf(db, args.id);
        if (dependents.length > 0) {
          throw new AppError('CONFLICT', `"${dependents[0]!.title}" depends on this ballot: change or delete that ballot first.`, { dependents: dependents.map((d) => d.id), params: { title: dependents[0]!.title } }, 'voting.ballotDependedOn');
        }
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
        refuseUnheld(db, b);
        const reason = args.reason ? args.reason : null;
        const present = eligible(db, b.sessionId, b.votedAt);
        refuseBadCounts(b, args.counts, present, reason !== null);
        const operator = ctx.requireOperator();
        const other = entriesOf(db, b.id).find((e) => e.slot !== args.slot);
        // Independence across devices: a station (a tablet or laptop on the venue link) may enter
        // one slot of a ballot, whatever names are typed on it, so that the two counts are made
        // on two devices. The host laptop is exempt: it holds the file and may change anything
        // anyway, and a one-laptop counting table (the operator hands over the keyboard) is the
        // common case; there the names above are the check.
        const { deviceId, device } = ctx.device();
        const otherSlot = args.slot === 1 ? 2 : 1;
        if (other && deviceId !== null && entryDevicesOf(db, b.id)[otherSlot] === deviceId) {
          throw new AppError(
            'CONFLICT',
            `Entry ${otherSlot} was made on this device (${device}): the other entry must be made on another device, so that two people have counted independently.`,
            { slot: otherSlot, params: { slot: otherSlot, device } },
            'voting.sameDevice',
          );
        }
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
    args: z.strictObject({
      ballotId: id,
      /** Required when the votes are tied and the ballot's rule is the chair's casting vote; refused otherwise. */
      castingVote: castingVoteSchema.optional(),
    }),
    run: (args, ctx) =>
      ctx.mutate((db, audit): BallotDetail => {
        const b = requireBallot(db, args.ballotId);
        if (b.status === 'finalised') throw new AppError('CONFLICT', 'This ballot is already finalised.', {}, 'voting.finalised');
        refuseUnheld(db, b);
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
        const panelSize = readRecruitmentSettings(db).panelSize;
        const castingVote: CastingVote | null = args.castingVote ? { chair: args.castingVote.chair.trim(), items: args.castingVote.items, option: args.castingVote.option } : null;
        // A tie is settled by the rule fixed before the vote: the chair's casting vote is required then, and only then.
        refuseBadCastingVote(b, ballotResult({ ...b, castingVote: null }, first.counts, present, panelSize), castingVote);
        const now = ctx.nowIso();
        finaliseBallot(db, b.id, { counts: first.counts, present, panelSize, at: now, by: ctx.requireOperator(), castingVote });
        const done = detail(db, requireBallot(db, b.id));
        audit({ entity: 'ballot', entityId: b.id, action: 'voting.finalise', after: { present, castingVote, result: done.result } });
        settleDependents(db, requireBallot(db, b.id), now, audit);
        return done;
      }),
  },

  'voting.correct': {
    args: z.strictObject({
      ballotId: id,
      counts: countsSchema,
      reason: requiredText(1000),
      /** When the corrected counts are tied under the casting-vote rule: the chair's casting vote (the earlier one is kept if still valid). */
      castingVote: castingVoteSchema.optional(),
    }),
    run: (args, ctx) =>
      ctx.mutate((db, audit): BallotDetail => {
        const b = requireBallot(db, args.ballotId);
        if (b.status !== 'finalised' || !b.finalCounts) {
          throw new AppError('CONFLICT', 'Only a finalised result is corrected; before that, enter the counts again.', {}, 'voting.notFinalised');
        }
        // A correction always has its reason: papers above the present are allowed with it.
        refuseBadCounts(b, args.counts, b.finalPresent!, true);
        const before = detail(db, b).result;
        // The tie settlement follows the corrected counts: a new casting vote when given; the
        // earlier one while it still fits the tie; none when there is no tie any more.
        const raw = ballotResult({ ...b, castingVote: null }, args.counts, b.finalPresent!, b.finalPanelSize!);
        let castingVote: CastingVote | null = args.castingVote ? { chair: args.castingVote.chair.trim(), items: args.castingVote.items, option: args.castingVote.option } : null;
        if (!castingVote && b.castingVote && checkCastingVote(b, raw, b.castingVote).length === 0) castingVote = b.castingVote;
        refuseBadCastingVote(b, raw, castingVote);
        const now = ctx.nowIso();
        correctBallot(db, { id: ctx.newId(), ballotId: b.id, at: now, operator: ctx.requireOperator(), reason: args.reason, before: b.finalCounts, after: args.counts });
        setCastingVote(db, b.id, castingVote, now);
        const after = detail(db, requireBallot(db, b.id));
        // The reason is the operator's free text: it stays in ballot_corrections, not in the audit log.
        audit({
          entity: 'ballot',
          entityId: b.id,
          action: 'voting.correct',
          before: { counts: b.finalCounts, castingVote: b.castingVote, result: before },
          after: { counts: args.counts, castingVote, result: after.result },
        });
        settleDependents(db, requireBallot(db, b.id), now, audit);
        return after;
      }),
  },

  'voting.results': {
    args: z.strictObject({ sessionId: id.optional() }),
    run: (args, ctx) => ballotResultsOf(ctx.requireDb(), args.sessionId ?? null),
  },

  'voting.notHeld': {
    args: z.strictObject({ sessionId: id.optional() }),
    run: (args, ctx) => notHeldBallotsOf(ctx.requireDb(), args.sessionId ?? null),
  },
});
