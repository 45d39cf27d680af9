/**
 * The life of a respondent from the pool to a seat on the panel, as pure rules: which status
 * changes are allowed and what each one must record. The service applies them and keeps history.
 */
import { PERSON_STATUSES, type PersonStatus } from '../../../preload/vocabulary';
import { isCalendarDate } from '../sessionRules';

// One list of statuses for main and renderer: preload/vocabulary.ts.
export { PERSON_STATUSES };
export type { PersonStatus };

/** Statuses that hold (or are about to hold) a seat: the one-per-household rule applies to them. */
export const SEATED_STATUSES: readonly PersonStatus[] = ['selected', 'contacted', 'confirmed'];

/**
 * Allowed status changes, and why each exists.
 */
const TRANSITIONS: Readonly<Record<PersonStatus, readonly PersonStatus[]>> = {
  pool: [
    'selected', // drawn by the sortition
    'reserve', // drawn onto the reserve list, to replace people who drop out
  ],
  reserve: [
    'selected', // called up to replace someone who declined or withdrew
    'pool', // the reserve list is redrawn or given up
  ],
  selected: [
    'contacted', // first contact made, no answer yet
    'confirmed', // said yes at the first contact
    'declined', // said no (before ever being counted as a member)
    'withdrawn', // could not be reached or dropped out before contact was settled
    'pool', // undo a selection made by mistake
  ],
  contacted: [
    'confirmed', // said yes
    'declined', // said no
    'withdrawn', // stopped answering or dropped out
  ],
  confirmed: [
    'withdrawn', // a member who leaves; undoing a yes is a withdrawal, kept on record
  ],
  // Final: the seat goes to a replacement instead, so the history of who said no stays true.
  declined: [],
  withdrawn: [],
};

/** Statuses that need a date and a reason: they end someone's part and are reported on. */
const NEEDS_DATE_AND_REASON: ReadonlySet<PersonStatus> = new Set(['declined', 'withdrawn']);

/** How a status reads after "someone …", for messages. */
const STATUS_PHRASE: Readonly<Record<PersonStatus, string>> = {
  pool: 'in the pool',
  reserve: 'on the reserve list',
  selected: 'selected',
  contacted: 'contacted',
  confirmed: 'confirmed',
  declined: 'who declined',
  withdrawn: 'who withdrew',
};
const PAST_VERB: Readonly<Partial<Record<PersonStatus, string>>> = { declined: 'declined', withdrawn: 'withdrew' };

export type TransitionRule = 'sameStatus' | 'notAllowed' | 'reasonRequired' | 'dateRequired' | 'notADate';

export interface TransitionProblem {
  rule: TransitionRule;
  message: string;
  params: Record<string, string>;
}

export function isPersonStatus(value: string): value is PersonStatus {
  return (PERSON_STATUSES as readonly string[]).includes(value);
}

/** The statuses a person in `from` may move to, in the order of PERSON_STATUSES. */
export function allowedNext(from: PersonStatus): PersonStatus[] {
  const next = TRANSITIONS[from] ?? [];
  return PERSON_STATUSES.filter((s) => next.includes(s));
}

/**
 * Whether a change from `from` to `to` may happen with these details; the first problem, or null.
 * Declined and withdrawn need a real calendar date (YYYY-MM-DD) and a non-empty reason. A date
 * given with any other change must be a real date too.
 */
export function checkTransition(
  from: PersonStatus,
  to: PersonStatus,
  details: { date?: string | null; reason?: string | null },
): TransitionProblem | null {
  if (from === to) {
    return { rule: 'sameStatus', message: `The status is already ${to}.`, params: { from, to } };
  }
  const next = allowedNext(from);
  if (!next.includes(to)) {
    return {
      rule: 'notAllowed',
      message:
        next.length === 0
          ? `Someone ${STATUS_PHRASE[from]} keeps that status: select a replacement instead.`
          : `Someone ${STATUS_PHRASE[from]} cannot be moved to ${to}; possible: ${next.join(', ')}.`,
      params: { from, to },
    };
  }
  const date = details.date?.trim() ?? '';
  if (date !== '' && !isCalendarDate(date)) {
    return { rule: 'notADate', message: `"${date}" is not a date (use YYYY-MM-DD).`, params: { from, to, date } };
  }
  if (NEEDS_DATE_AND_REASON.has(to)) {
    if (date === '') {
      return { rule: 'dateRequired', message: `Give the date on which the person ${PAST_VERB[to]}.`, params: { from, to } };
    }
    if ((details.reason?.trim() ?? '') === '') {
      return { rule: 'reasonRequired', message: `Give the reason why the person ${PAST_VERB[to]}.`, params: { from, to } };
    }
  }
  return null;
}

/** A seat left by someone who declined or withdrew is filled by a replacement. */
export function canBeReplaced(status: PersonStatus): boolean {
  return status === 'declined' || status === 'withdrawn';
}

/** Only people not yet holding a seat can be called up as a replacement. */
export function canReplace(status: PersonStatus): boolean {
  return status === 'pool' || status === 'reserve';
}

/**
 * True when a change moves someone onto a seat (selected, contacted, confirmed) from outside
 * one: only then must the one-per-household rule be checked. Moving between seated statuses
 * does not add anyone to the household.
 */
export function needsHouseholdCheck(from: PersonStatus, to: PersonStatus): boolean {
  return SEATED_STATUSES.includes(to) && !SEATED_STATUSES.includes(from);
}

/**
 * With the one-per-household setting on: whether someone else from this person's household
 * already holds a seat. `selectedHouseholds` holds the household keys of the *other* seated
 * people (build it without this person, or a contacted person would conflict with themself).
 * A person without a household key (incomplete address) cannot be checked and never conflicts.
 */
export function householdConflict(personHousehold: string | null, selectedHouseholds: ReadonlySet<string>): boolean {
  return personHousehold !== null && selectedHouseholds.has(personHousehold);
}
