/**
 * Where the letters' addressees come from. The register and the invitation lottery (another part
 * of recruitment) list who was drawn; the letters only need that list, through this interface:
 * at merge, `invitees` is `listInvitees(db, runId)` of the register's queries and `notAnswered`
 * reads the responses. Until something is plugged in, an export says that no invitation lottery
 * has been drawn yet; tests plug in a seeded list.
 */
import type { Db } from '../../db/connection';
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

const NONE: LetterSources = {
  invitees: () => {
    throw new AppError('NOT_FOUND', 'No invitation lottery has been drawn yet: draw the addresses to invite first, then make their letters.', {}, 'letters.noInvitees');
  },
};

let current: LetterSources = NONE;

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
