import { z } from 'zod';
import {
  CONTACT_CHANNELS,
  PERSON_LANGUAGES,
  PERSON_STATUSES,
  type ContactChannel,
  type PersonLanguage,
  type PersonStatus,
} from '../../preload/vocabulary';
import type { DuplicateFlag, ErasureReach, PersonDetail } from '../domain/recruitment/types';
import type { Db } from '../../db/connection';
import { savedCopiesSince } from '../../db/audit';
import { listBackups } from '../../db/backup';
import { emptyWriteAheadLog, erasedColumns, eraseInBackup, personRow } from '../../db/erasure';
import { closeFlagsOf, duplicatesOf, findDuplicateFlag, resolveDuplicateFlag, listDuplicateFlags } from '../../db/duplicates';
import { readRecruitmentSettings } from '../../db/features';
import {
  clearReplacedBy,
  codeOf,
  contactsOf,
  eraseContactAndStatusTexts,
  featuresOf,
  findPerson,
  householdSize,
  insertContact,
  insertStatusChange,
  listPeople,
  replacementsOf,
  seatedHouseholdMembers,
  statusHistory,
  updatePersonFields,
  type PersonRecord,
} from '../../db/people';
import { allowedNext, canBeReplaced, canReplace, checkTransition, needsHouseholdCheck, SEATED_STATUSES } from '../domain/recruitment/lifecycle';
import { BLANK_IDENTITY } from '../domain/recruitment/identity';
import { householdKey } from '../domain/recruitment/normalise';
import { personSearchKey, searchTokens } from '../domain/recruitment/personKeys';
import { checkIban } from '../domain/recruitment/iban';
import { isCalendarDate } from '../domain/sessionRules';
import { peopleByName } from '../domain/text';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { handlers } from '../registry';
import { DROP_REASONS, type DropReason } from '../../preload/vocabulary';
import { readReasonCode, writeReasonCode } from '../../db/reportFacts';
import { id, requiredLine, requiredText, text } from './schemas';

const status = z.enum(PERSON_STATUSES as unknown as [PersonStatus, ...PersonStatus[]], {
  message: `must be one of ${PERSON_STATUSES.join(', ')}`,
});
const language = z.enum(PERSON_LANGUAGES as unknown as [PersonLanguage, ...PersonLanguage[]], { message: 'must be nl, fr, de or en' });
const channel = z.enum(CONTACT_CHANNELS as unknown as [ContactChannel, ...ContactChannel[]], {
  message: 'must be phone, email, letter or sms',
});
const calendarDate = z.string().max(10).refine(isCalendarDate, 'is not a date (use YYYY-MM-DD)');
const optionalText = (max: number) => text(max).nullable().transform((v) => (v === '' ? null : v));


function requirePerson(db: Db, personId: string): PersonRecord {
  const person = findPerson(db, personId);
  if (!person || person.deletedAt) throw new AppError('NOT_FOUND', 'There is no such person in this assembly.', { id: personId });
  return person;
}

/** Refuses work on a person whose personal data was erased. */
function refuseErased(person: PersonRecord, what: string): void {
  if (person.erasedAt) {
    throw new AppError('CONFLICT', `${person.code} was erased at their request: ${what} is no longer possible.`, { code: person.code }, 'errors.personErased');
  }
}

export function personDetail(db: Db, personId: string): PersonDetail {
  requirePerson(db, personId);
  return personDetailOf(db, personId);
}

/** The detail of any person, removed from the pool or not. */
function personDetailOf(db: Db, personId: string): PersonDetail {
  const p = findPerson(db, personId)!;
  const duplicates = duplicatesOf(db, personId);
  return {
    id: p.id,
    code: p.code,
    externalId: p.externalId,
    firstName: p.firstName,
    lastName: p.lastName,
    email: p.email,
    phone: p.phone,
    street: p.street,
    houseNumber: p.houseNumber,
    postcode: p.postcode,
    city: p.city,
    birthYear: p.birthYear,
    language: p.language,
    status: p.status,
    erased: p.erasedAt !== null,
    erasedAt: p.erasedAt,
    openDuplicates: duplicates.filter((d) => d.status === 'open').length,
    features: featuresOf(db, [p.id]).get(p.id) ?? {},
    notes: p.notes,
    needs: { accessibility: p.needsAccessibility, diet: p.needsDiet, childcare: p.needsChildcare, travel: p.needsTravel },
    consentDate: p.consentDate,
    consentVersion: p.consentVersion,
    iban: p.iban,
    ibanConsentDate: p.ibanConsentDate,
    statusDate: p.statusDate,
    statusReason: p.statusReason,
    statusReasonCode: readReasonCode(db, p.id),
    replacedBy: codeOf(db, p.replacedBy),
    replaces: replacementsOf(db, p.id),
    householdSize: householdSize(db, p.householdKey),
    allowedStatuses: allowedNext(p.status),
    history: statusHistory(db, p.id),
    contacts: contactsOf(db, p.id),
    duplicates,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

/** Refuses a second seat for a household when the assembly's one-per-household setting is on. */
function checkHousehold(db: Db, person: PersonRecord): void {
  if (!person.householdKey || !readRecruitmentSettings(db).onePerHousehold) return;
  const others = seatedHouseholdMembers(db, person.householdKey, person.id);
  if (others.length > 0) {
    throw new AppError(
      'CONFLICT',
      `${person.code} lives at the same address as ${others.map((o) => o.code).join(', ')}, who already holds a seat. The assembly allows one person per household (see the quota settings).`,
      { codes: others.map((o) => o.code) },
      'errors.householdTaken',
    );
  }
}

function changeStatus(
  ctx: AppContext,
  db: Db,
  person: PersonRecord,
  to: PersonStatus,
  details: { date: string | null; reason: string | null },
): void {
  const problem = checkTransition(person.status, to, details);
  if (problem) {
    throw new AppError('VALIDATION', `${person.code}: ${problem.message}`, {
      fields: problem.rule === 'reasonRequired' || problem.rule === 'dateRequired' || problem.rule === 'notADate'
        ? [{ field: problem.rule === 'reasonRequired' ? 'reason' : 'date', rule: 'required', message: problem.message }]
        : [],
      rule: problem.rule,
    }, `lifecycle.${problem.rule}`);
  }
  if (needsHouseholdCheck(person.status, to)) {
    refuseErased(person, 'a seat');
    checkHousehold(db, person);
  }
  if (to === 'pool' || to === 'reserve') {
    // Undoing the selection of a replacement: the person they replaced can be replaced again.
    clearReplacedBy(db, person.id);
  }
  const ending = to === 'declined' || to === 'withdrawn';
  updatePersonFields(db, person.id, { status: to, statusDate: ending ? details.date : null, statusReason: ending ? details.reason : null }, ctx.nowIso());
  insertStatusChange(db, {
    id: ctx.newId(),
    personId: person.id,
    from: person.status,
    to,
    date: details.date,
    reason: details.reason,
    at: ctx.nowIso(),
    operator: ctx.requireOperator(),
  });
}

/** Personal fields a person edit may touch; the audit records their names, never their values. */
const editArgs = z.strictObject({
  id,
  firstName: requiredLine(100).optional(),
  lastName: requiredLine(100).optional(),
  email: optionalText(254)
    .refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'is not an e-mail address')
    .optional(),
  phone: optionalText(40)
    .refine((v) => v === null || /^\+?[\d\s./()-]{8,40}$/.test(v), 'is not a phone number')
    .optional(),
  street: optionalText(200).optional(),
  houseNumber: optionalText(20).optional(),
  postcode: optionalText(12).optional(),
  city: optionalText(100).optional(),
  birthYear: z.number().int('must be a whole number').min(1900, 'must be at least 1900').max(2100, 'must be at most 2100').nullable().optional(),
  language: language.nullable().optional(),
  notes: text(2000).optional(),
  needs: z
    .strictObject({
      accessibility: text(500).optional(),
      diet: text(500).optional(),
      childcare: z.boolean().optional(),
      travel: text(500).optional(),
    })
    .optional(),
  consentDate: calendarDate.nullable().optional(),
  consentVersion: optionalText(50).optional(),
  // Checked in the handler (checkBankAccount): its error names the field and what is wrong.
  iban: optionalText(50).optional(),
  ibanConsentDate: calendarDate.nullable().optional(),
});

/**
 * An IBAN is stored compact and only when it passes the check, and only with the date on which
 * the person agreed to its use for the per-diem payments (a bank account is not asked for
 * recruitment; it is given for the payments, and only that use is covered).
 */
function checkBankAccount(fields: Record<string, unknown>, before: PersonRecord): void {
  if (typeof fields.iban === 'string') {
    const check = checkIban(fields.iban);
    if (!check.ok) {
      throw new AppError(
        'VALIDATION',
        `Bank account (IBAN): ${check.message}`,
        { fields: [{ field: 'iban', rule: 'notAnIban', message: check.message, params: check.params }], params: check.params },
        `errors.iban.${check.problem}`,
      );
    }
    fields.iban = check.iban;
  }
  const iban = fields.iban === undefined ? before.iban : fields.iban;
  const consent = fields.ibanConsentDate === undefined ? before.ibanConsentDate : fields.ibanConsentDate;
  if (iban !== null && consent === null) {
    const message = 'A bank account is stored only with the date on which the person agreed to its use for the per-diem payments.';
    throw new AppError('VALIDATION', message, { fields: [{ field: 'ibanConsentDate', rule: 'needsConsent', message }] }, 'errors.ibanNeedsConsent');
  }
}

/**
 * Applies an erasure, made in the open file, to every copy the app keeps: the backups beside the
 * file and the write-ahead log; and lists the copies saved elsewhere, which it cannot reach.
 */
function eraseEverywhere(ctx: AppContext, personId: string, before: Record<string, unknown>): ErasureReach {
  const db = ctx.requireDb();
  const columns = erasedColumns(before, personRow(db, personId)!);
  const backupsFailed: ErasureReach['backupsFailed'] = [];
  let backupsErased = 0;
  for (const backup of listBackups(ctx.open!.path)) {
    try {
      eraseInBackup(backup.path, personId, columns, ctx.nativeBinding);
      backupsErased += 1;
    } catch (e) {
      backupsFailed.push({ name: backup.name, problem: e instanceof Error ? e.message : String(e) });
    }
  }
  const copiesElsewhere = savedCopiesSince(db, String(before.created_at ?? ''));
  ctx.mutate((_db, audit) =>
    audit({ entity: 'person', entityId: personId, action: 'person.eraseBackups', after: { code: before.code, backupsErased, backupsFailed, copiesElsewhere } }),
  );
  // Last, so that no page written before the erasure stays in the -wal.
  const logCleared = emptyWriteAheadLog(db);
  return { backupsErased, backupsFailed, logCleared, copiesElsewhere };
}

export const peopleHandlers = handlers({
  'people.list': {
    args: z.strictObject({
      query: text(200).optional(),
      status: status.optional(),
      valueId: id.optional(),
      duplicatesOnly: z.boolean().optional(),
      limit: z.number().int().min(1).max(1000).optional(),
      offset: z.number().int().min(0).optional(),
    }),
    run: (q, ctx) => listPeople(ctx.requireDb(), { ...q, searchTokens: searchTokens(q.query) }, peopleByName(ctx.settings.get().language)),
  },
  'people.get': {
    args: z.strictObject({ id }),
    run: (args, ctx) => personDetail(ctx.requireDb(), args.id),
  },
  'people.update': {
    args: editArgs,
    run: ({ id: personId, needs, ...edit }, ctx) =>
      ctx.mutate((db, audit) => {
        const before = requirePerson(db, personId);
        if (before.erasedAt) throw new AppError('CONFLICT', `${before.code} was erased; personal details cannot be added again.`, {}, 'errors.personErased');
        const fields: Record<string, unknown> = { ...edit };
        if (needs?.accessibility !== undefined) fields.needsAccessibility = needs.accessibility;
        if (needs?.diet !== undefined) fields.needsDiet = needs.diet;
        if (needs?.childcare !== undefined) fields.needsChildcare = needs.childcare;
        if (needs?.travel !== undefined) fields.needsTravel = needs.travel;
        checkBankAccount(fields, before);
        const changed = Object.keys(fields).filter((k) => fields[k] !== (before as unknown as Record<string, unknown>)[k]);
        if (changed.length === 0) return personDetail(db, personId);
        const after = { ...before, ...fields } as PersonRecord;
        fields.searchKey = personSearchKey(after);
        fields.householdKey = householdKey({ street: after.street, houseNumber: after.houseNumber, postcode: after.postcode });
        // A seated person moving into a household that already holds a seat.
        if (SEATED_STATUSES.includes(before.status) && fields.householdKey !== before.householdKey) {
          checkHousehold(db, { ...after, householdKey: fields.householdKey as string | null });
        }
        updatePersonFields(db, personId, fields, ctx.nowIso());
        audit({ entity: 'person', entityId: personId, action: 'person.update', after: { code: before.code, fieldsChanged: changed } });
        return personDetail(db, personId);
      }),
  },
  'people.setStatus': {
    args: z.strictObject({
      id,
      status,
      date: calendarDate.nullable().optional(),
      reason: text(500).nullable().optional(),
      // Why they declined or withdrew, from a fixed list: the public report counts these.
      reasonCode: z.enum(DROP_REASONS as unknown as [DropReason, ...DropReason[]], { message: `must be one of ${DROP_REASONS.join(', ')}` }).nullable().optional(),
    }),
    run: (args, ctx) =>
      ctx.mutate((db, audit) => {
        const person = requirePerson(db, args.id);
        changeStatus(ctx, db, person, args.status, { date: args.date ?? null, reason: args.reason || null });
        const ending = args.status === 'declined' || args.status === 'withdrawn';
        writeReasonCode(db, person.id, ending ? (args.reasonCode ?? null) : null);
        // The reason may say something personal ("moved abroad for treatment"): not in the audit log.
        audit({ entity: 'person', entityId: person.id, action: 'person.status', before: { status: person.status }, after: { status: args.status, code: person.code } });
        return personDetail(db, person.id);
      }),
  },
  /**
   * The same status change for several people at once (confirming a panel): each person passes
   * the rules a single change has (date and reason where required, one seat per household),
   * all in one transaction, so either everyone changes or no one does; one audit row per person.
   * Every person's problem is listed, not only the first.
   */
  'people.setStatusMany': {
    args: z.strictObject({
      ids: z.array(id).min(1, 'must name at least one person').max(1000, 'must name at most 1000 people'),
      status,
      date: calendarDate.nullable().optional(),
      reason: text(500).nullable().optional(),
      reasonCode: z.enum(DROP_REASONS as unknown as [DropReason, ...DropReason[]], { message: `must be one of ${DROP_REASONS.join(', ')}` }).nullable().optional(),
    }),
    run: (args, ctx) =>
      ctx.mutate((db, audit) => {
        const ids = [...new Set(args.ids)];
        const ending = args.status === 'declined' || args.status === 'withdrawn';
        const problems: { id: string; code: string; rule: string; message: string }[] = [];
        let changed = 0;
        for (const personId of ids) {
          const person = requirePerson(db, personId);
          // Already there: nothing to change (a panel half confirmed by hand stays as it is).
          if (person.status === args.status) continue;
          try {
            changeStatus(ctx, db, person, args.status, { date: args.date ?? null, reason: args.reason || null });
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            const rule = typeof e.details?.rule === 'string' ? e.details.rule : e.i18nKey;
            problems.push({ id: person.id, code: person.code, rule, message: e.message });
            continue;
          }
          writeReasonCode(db, person.id, ending ? (args.reasonCode ?? null) : null);
          audit({ entity: 'person', entityId: person.id, action: 'person.status', before: { status: person.status }, after: { status: args.status, code: person.code, bulk: true } });
          changed += 1;
        }
        if (problems.length > 0) {
          // Thrown inside the transaction: the changes made before the first problem are undone.
          throw new AppError(
            'VALIDATION',
            `${problems.length} of ${ids.length} people cannot become ${args.status}, so no one was changed: ${problems.slice(0, 5).map((p) => p.message).join(' ')}`,
            { problems, count: problems.length, total: ids.length },
            'errors.bulkStatusRefused',
          );
        }
        return { changed, unchanged: ids.length - changed };
      }),
  },
  'people.replace': {
    args: z.strictObject({ id, replacementId: id }),
    run: (args, ctx) =>
      ctx.mutate((db, audit) => {
        const person = requirePerson(db, args.id);
        const replacement = requirePerson(db, args.replacementId);
        if (!canBeReplaced(person.status)) {
          throw new AppError('CONFLICT', `${person.code} is ${person.status}: only someone who declined or withdrew is replaced.`, {}, 'errors.notReplaceable');
        }
        if (person.replacedBy) throw new AppError('CONFLICT', `${person.code} has already been replaced.`, {}, 'errors.alreadyReplaced');
        if (!canReplace(replacement.status) || replacement.erasedAt) {
          throw new AppError('CONFLICT', `${replacement.code} is ${replacement.status}: a replacement comes from the pool or the reserve list.`, {}, 'errors.cannotReplace');
        }
        changeStatus(ctx, db, replacement, 'selected', { date: null, reason: `replaces ${person.code}` });
        updatePersonFields(db, person.id, { replacedBy: replacement.id }, ctx.nowIso());
        audit({ entity: 'person', entityId: person.id, action: 'person.replace', after: { code: person.code, replacedBy: replacement.code } });
        audit({
          entity: 'person',
          entityId: replacement.id,
          action: 'person.status',
          before: { status: replacement.status },
          after: { status: 'selected', code: replacement.code, replaces: person.code },
        });
        return personDetail(db, person.id);
      }),
  },
  'people.addContact': {
    args: z.strictObject({ id, date: calendarDate, channel, outcome: requiredText(200), note: text(2000).optional() }),
    run: (args, ctx) =>
      ctx.mutate((db, audit) => {
        const person = requirePerson(db, args.id);
        refuseErased(person, 'a new contact entry');
        const contactId = ctx.newId();
        insertContact(db, {
          id: contactId,
          personId: person.id,
          date: args.date,
          channel: args.channel,
          outcome: args.outcome,
          note: args.note ?? '',
          operator: ctx.requireOperator(),
          at: ctx.nowIso(),
        });
        audit({ entity: 'person', entityId: person.id, action: 'person.contact', after: { code: person.code, channel: args.channel, date: args.date } });
        return personDetail(db, person.id);
      }),
  },
  'people.erase': {
    args: z.strictObject({ id, confirmCode: requiredText(20) }),
    run: (args, ctx): PersonDetail & { erasure: ErasureReach } => {
      let before: Record<string, unknown> | undefined;
      const detail = ctx.mutate((db, audit) => {
        // Also a record removed from the pool as a duplicate: its personal data must go too.
        const person = findPerson(db, args.id);
        if (!person) throw new AppError('NOT_FOUND', 'There is no such person in this assembly.', { id: args.id });
        if (person.erasedAt) throw new AppError('CONFLICT', `${person.code} was already erased.`, {}, 'errors.personErased');
        if (args.confirmCode.trim().toUpperCase() !== person.code) {
          throw new AppError('VALIDATION', `Type the person's code, ${person.code}, to confirm the erasure.`, {
            fields: [{ field: 'confirmCode', rule: 'invalid', message: `must be ${person.code}` }],
          });
        }
        const now = ctx.nowIso();
        before = personRow(db, person.id);
        // The code, the status and the feature values stay: statistics and the selection record
        // remain true. Everything that identifies the person goes.
        updatePersonFields(
          db,
          person.id,
          {
            ...BLANK_IDENTITY,
            notes: '',
            needsAccessibility: '',
            needsDiet: '',
            needsChildcare: false,
            needsTravel: '',
            // The bank account and its consent are personal data too (migration 0015).
            iban: null,
            ibanConsentDate: null,
            statusReason: person.statusReason === null ? null : '(erased)',
            householdKey: null,
            searchKey: personSearchKey({ firstName: '', lastName: '', code: person.code, email: null, phone: null }),
            // The fingerprint is a hash of the personal fields: a guess could be checked against it.
            // (So importing a file that still lists the person adds them again: the officer must
            // take them out of the source file too; the erase dialog says so.)
            fingerprint: null,
            erasedAt: now,
          },
          now,
        );
        eraseContactAndStatusTexts(db, person.id);
        audit({ entity: 'person', entityId: person.id, action: 'person.erase', after: { code: person.code } });
        return personDetailOf(db, person.id);
      });
      return { ...detail, erasure: eraseEverywhere(ctx, args.id, before!) };
    },
  },
});

export const duplicateHandlers = handlers({
  'duplicates.list': {
    args: z.strictObject({ status: z.enum(['open', 'distinct', 'resolved']).optional() }),
    run: (args, ctx) => listDuplicateFlags(ctx.requireDb(), args.status, peopleByName(ctx.settings.get().language)),
  },
  'duplicates.resolve': {
    args: z.strictObject({ id, resolution: z.enum(['distinct', 'keepA', 'keepB']) }),
    run: (args, ctx) =>
      ctx.mutate((db, audit): DuplicateFlag => {
        const flag = findDuplicateFlag(db, args.id);
        if (!flag) throw new AppError('NOT_FOUND', 'There is no such duplicate flag.', { id: args.id });
        if (flag.status !== 'open') throw new AppError('CONFLICT', 'This possible duplicate was already resolved.', {}, 'errors.duplicateResolved');
        const now = ctx.nowIso();
        if (args.resolution !== 'distinct') {
          const kept = args.resolution === 'keepA' ? flag.a : flag.b;
          const removed = args.resolution === 'keepA' ? flag.b : flag.a;
          requirePerson(db, kept.id);
          const person = requirePerson(db, removed.id);
          if (person.status !== 'pool' && person.status !== 'reserve') {
            throw new AppError('CONFLICT', `${person.code} is ${person.status}: change the status back before removing this record.`, {}, 'errors.duplicateSeated');
          }
          // Removed from the pool, not destroyed: a soft delete that can be looked up later.
          updatePersonFields(db, person.id, { deletedAt: now }, now);
          // Its other possible duplicates are settled with it.
          closeFlagsOf(db, person.id, now, ctx.requireOperator());
        }
        resolveDuplicateFlag(db, flag.id, args.resolution === 'distinct' ? 'distinct' : 'resolved', now, ctx.requireOperator());
        audit({
          entity: 'duplicate',
          entityId: flag.id,
          action: 'duplicate.resolve',
          after: { resolution: args.resolution, a: flag.a.code, b: flag.b.code },
        });
        return findDuplicateFlag(db, flag.id)!;
      }),
  },
});
