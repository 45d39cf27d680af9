import type { DuplicateFlag } from '../main/domain/recruitment/types';
import type { PersonStatus } from '../preload/vocabulary';
import type { Db } from './connection';

interface FlagRow {
  id: string;
  reasons: string;
  status: DuplicateFlag['status'];
  createdAt: string;
  aId: string;
  aCode: string;
  aFirst: string;
  aLast: string;
  aStatus: PersonStatus;
  bId: string;
  bCode: string;
  bFirst: string;
  bLast: string;
  bStatus: PersonStatus;
}

const SELECT = `SELECT d.id, d.reasons, d.status, d.created_at AS createdAt,
    a.id AS aId, a.code AS aCode, a.first_name AS aFirst, a.last_name AS aLast, a.status AS aStatus,
    b.id AS bId, b.code AS bCode, b.first_name AS bFirst, b.last_name AS bLast, b.status AS bStatus
  FROM duplicate_flags d JOIN people a ON a.id = d.person_a JOIN people b ON b.id = d.person_b`;

const name = (first: string, last: string, code: string) => `${first} ${last}`.trim() || code;

const toFlag = (r: FlagRow): DuplicateFlag => ({
  id: r.id,
  reasons: JSON.parse(r.reasons) as DuplicateFlag['reasons'],
  status: r.status,
  createdAt: r.createdAt,
  a: { id: r.aId, code: r.aCode, name: name(r.aFirst, r.aLast, r.aCode), status: r.aStatus },
  b: { id: r.bId, code: r.bCode, name: name(r.bFirst, r.bLast, r.bCode), status: r.bStatus },
});

/** One query for every use: the filters that are null do not apply. */
const QUERY =
  SELECT +
  ` WHERE (@status IS NULL OR d.status = @status)
      AND (@person IS NULL OR d.person_a = @person OR d.person_b = @person)
      AND (@id IS NULL OR d.id = @id)
    ORDER BY d.status = 'open' DESC, lower(a.last_name), a.code, d.created_at LIMIT 5000`;

function queryFlags(db: Db, filter: { status?: string; person?: string; id?: string }): DuplicateFlag[] {
  const rows = db.prepare(QUERY).all({ status: filter.status ?? null, person: filter.person ?? null, id: filter.id ?? null }) as FlagRow[];
  return rows.map(toFlag);
}

/**
 * The flags, open ones first, then by the first person's name in the given collation (SQLite's
 * own order is by bytes: "Élodie" after "Zoë"), then their code and when the flag was raised.
 */
export function listDuplicateFlags(
  db: Db,
  status: DuplicateFlag['status'] | undefined,
  order: (a: { firstName: string; lastName: string; code: string }, b: { firstName: string; lastName: string; code: string }) => number,
): DuplicateFlag[] {
  const rows = db.prepare(QUERY).all({ status: status ?? null, person: null, id: null }) as FlagRow[];
  const nameOf = (r: FlagRow) => ({ firstName: r.aFirst ?? '', lastName: r.aLast ?? '', code: r.aCode });
  rows.sort((x, y) => Number(y.status === 'open') - Number(x.status === 'open') || order(nameOf(x), nameOf(y)) || (x.createdAt < y.createdAt ? -1 : x.createdAt > y.createdAt ? 1 : 0));
  return rows.map(toFlag);
}

export function duplicatesOf(db: Db, personId: string): DuplicateFlag[] {
  return queryFlags(db, { person: personId });
}

export function findDuplicateFlag(db: Db, id: string): DuplicateFlag | null {
  return queryFlags(db, { id })[0] ?? null;
}

export function resolveDuplicateFlag(db: Db, id: string, status: 'distinct' | 'resolved', at: string, by: string): void {
  db.prepare('UPDATE duplicate_flags SET status = ?, resolved_at = ?, resolved_by = ? WHERE id = ?').run(status, at, by, id);
}

/** Settles the open flags of a person removed from the pool (the pair can no longer be merged). */
export function closeFlagsOf(db: Db, personId: string, at: string, by: string): void {
  db.prepare(
    "UPDATE duplicate_flags SET status = 'resolved', resolved_at = ?, resolved_by = ? WHERE status = 'open' AND (person_a = ? OR person_b = ?)",
  ).run(at, by, personId, personId);
}
