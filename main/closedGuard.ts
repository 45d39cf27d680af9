/**
 * What a closed assembly refuses (issue 18). After "Close the assembly" the file holds no contact
 * data: methods that would add some again (an import, a person's details, a contact entry, an
 * expert's e-mail or phone) or export personal data (the full level, badges, sign-in sheets, the
 * per-diem list for payment) answer one sentence saying so, instead of writing it again or
 * producing lists of empty names. Decided here for every caller, like the roles (main/roles.ts);
 * everything else (pseudonymised and aggregate reports, votes, the audit list) works as before.
 */
import type { ListedMethod } from '../preload/contract';
import { readRetention } from '../db/closure';
import type { Db } from '../db/connection';
import type { AppError } from './errors';
import { closedError } from './services/retention';

type Args = Record<string, unknown>;
const always = () => true;
const hasContact = (a: Args) => ['email', 'phone', 'notes'].some((k) => typeof a[k] === 'string' && (a[k] as string).trim() !== '');

/** Per method, whether a call with these arguments is refused once the assembly is closed. */
const REFUSED_WHEN_CLOSED: Partial<Record<ListedMethod, (args: Args) => boolean>> = {
  'imports.stage': always,
  'imports.stageFile': always,
  'imports.commit': always,
  'imports.importFile': always,
  'people.update': always,
  'people.addContact': always,
  'people.replace': always,
  // A status may still change, but without free text about the person.
  'people.setStatus': (a) => typeof a.reason === 'string' && a.reason.trim() !== '',
  // An excuse carries a reason (free text, often about health); paper entries may carry excuses.
  'attendance.excuse': always,
  'attendance.paperEntry': always,
  'selection.prepare': always,
  'selection.draw': always,
  'contributors.create': hasContact,
  'contributors.update': hasContact,
  'reports.export': (a) => a.level === 'full',
  'attendance.badges': always,
  'attendance.signInSheet': always,
  'perDiem.exportCsv': always,
  'assembly.setRetention': always,
};

/** The refusal for this call on a closed assembly, or null. `db`: the open file, if any. */
export function closedRefusal(method: ListedMethod, args: unknown, db: Db | undefined): AppError | null {
  const refuses = REFUSED_WHEN_CLOSED[method];
  if (!refuses || !db) return null;
  const closedAt = readRetention(db).closedAt;
  if (closedAt === null) return null;
  return refuses(typeof args === 'object' && args !== null ? (args as Args) : {}) ? closedError(closedAt) : null;
}
