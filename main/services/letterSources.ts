/**
 * Where the letters' addressees come from. The register and the invitation lottery (another part
 * of recruitment) list who was drawn; the letters only need that list, through this interface:
 * `invitees` reads `listInvitees(db, runId)` of the register's queries and `notAnswered` the
 * answers recorded. Without a draw, an export says that no invitation lottery has been drawn
 * yet; tests may plug in a seeded list.
 */
import type { Db } from '../../db/connection';
import { listInvitationRuns, listInvitees } from '../../db/invitations';
import { formatResponseCode } from '../domain/invitations/responseCode';
import type { Invitee } from '../domain/invitations/types';
import type { Addressee } from '../domain/recruitment/letters/types';
import { AppError } from '../errors';

export interface LetterSources {
  /** The addressees of an invitation run (`runId`; null: the current run), in any order. */
  invitees(db: Db, runId: string | null): Addressee[];
  /**
   * The codes of the run's invitees with no answer recorded on or before `since` (YYYY-MM-DD):
   * whom the reminder goes to. Absent until responses are recorded.
   */
  notAnswered?(db: Db, runId: string | null, since: string): ReadonlySet<string>;
}

function noInvitees(): never {
  throw new AppError('NOT_FOUND', 'No invitation lottery has been drawn yet: draw the addresses to invite first, then make their letters.', {}, 'letters.noInvitees');
}

/** The run asked for, or (null) the newest run still in force: a superseded draw sends no letters. */
function runInvitees(db: Db, runId: string | null): Invitee[] {
  const id = runId ?? listInvitationRuns(db).find((r) => r.status === 'drawn')?.id;
  if (id === undefined) noInvitees();
  return listInvitees(db, id);
}

/** A letter prints the code as the answer screen reads it best: XXXX-XXXX. */
const addressee = (i: Invitee): Addressee => ({
  code: formatResponseCode(i.code),
  name: i.name,
  addressLines: i.addressLines,
  postcode: i.postcode ?? '',
  municipality: i.municipality ?? '',
  language: i.language,
});

/** The register's invitation lottery (db/invitations.ts): what the app uses outside tests. */
const FROM_INVITATIONS: LetterSources = {
  invitees: (db, runId) => runInvitees(db, runId).map(addressee),
  // An answer recorded after the chosen day still counts as "not answered" on that day's list.
  notAnswered: (db, runId, since) =>
    new Set(runInvitees(db, runId).filter((i) => i.answeredAt === null || i.answeredAt.slice(0, 10) > since).map((i) => formatResponseCode(i.code))),
};

let current: LetterSources = FROM_INVITATIONS;

export function letterSources(): LetterSources {
  return current;
}

/** Plugs in the addressees' source; returns a function that restores the previous one (tests). */
export function setLetterSources(sources: LetterSources): () => void {
  const previous = current;
  current = sources;
  return () => {
    current = previous;
  };
}
