/**
 * Possible duplicates in the respondent pool: the same person registered twice would get two
 * chances in the draw. Flags only; an officer decides (a couple may share an e-mail address).
 */
import { nameKey, normaliseEmail, normalisePhone } from './normalise';

export type DuplicateReason = 'email' | 'phone' | 'nameBirthYear';

export interface DuplicatePair {
  /** The smaller id of the two (plain string comparison). */
  a: string;
  b: string;
  /** Every reason the two were matched on, in the order email, phone, nameBirthYear. */
  reasons: DuplicateReason[];
}

export interface DuplicateCandidate {
  id: string;
  firstName: string;
  lastName: string;
  birthYear: number | null;
  email: string | null;
  phone: string | null;
}

/**
 * How many members of one group (people sharing one key) are paired. A group of k yields
 * k(k-1)/2 pairs: a shared office phone or a family mailbox on 2,000 forms would give two million
 * flags nobody can review. Beyond 50 (1,225 pairs) the key is clearly not personal and the
 * first 50 already show the officer what is going on.
 */
export const MAX_DUPLICATE_GROUP = 50;

const REASONS: readonly DuplicateReason[] = ['email', 'phone', 'nameBirthYear'];

/**
 * All pairs of people who share a normalised e-mail, a normalised phone, or a name and birth year
 * (only when the birth year is known: a common name alone says little). Near-linear: one map per
 * reason from key to ids, then pairs within each group. Sorted by a, then b.
 */
export function findDuplicates(people: readonly DuplicateCandidate[]): DuplicatePair[] {
  // key -> the first id, or all ids (up to the cap) once a second one shares the key: most keys
  // are unique, and not allocating an array for each keeps 50,000 people well under 200 ms.
  const groups: Record<DuplicateReason, Map<string, string | string[]>> = {
    email: new Map(),
    phone: new Map(),
    nameBirthYear: new Map(),
  };
  const add = (reason: DuplicateReason, key: string | null, id: string) => {
    if (key === null || key === '') return;
    const map = groups[reason];
    const ids = map.get(key);
    if (ids === undefined) map.set(key, id);
    else if (typeof ids === 'string') {
      if (ids !== id) map.set(key, [ids, id]);
    } else if (ids.length < MAX_DUPLICATE_GROUP && !ids.includes(id)) ids.push(id);
  };
  for (const p of people) {
    add('email', normaliseEmail(p.email), p.id);
    add('phone', normalisePhone(p.phone), p.id);
    if (p.birthYear !== null) {
      const name = nameKey(p.firstName, p.lastName);
      if (name !== '') add('nameBirthYear', `${name}|${p.birthYear}`, p.id);
    }
  }

  // a -> b -> pair: nested maps rather than a joined string key, so no id can collide.
  const pairs = new Map<string, Map<string, DuplicatePair>>();
  const result: DuplicatePair[] = [];
  for (const reason of REASONS) {
    for (const ids of groups[reason].values()) {
      if (typeof ids === 'string') continue;
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          const [a, b] = ids[i]! < ids[j]! ? [ids[i]!, ids[j]!] : [ids[j]!, ids[i]!];
          let byB = pairs.get(a);
          if (byB === undefined) pairs.set(a, (byB = new Map()));
          const pair = byB.get(b);
          if (pair === undefined) {
            const created: DuplicatePair = { a, b, reasons: [reason] };
            byB.set(b, created);
            result.push(created);
          } else if (!pair.reasons.includes(reason)) {
            pair.reasons.push(reason);
          }
        }
      }
    }
  }
  return result.sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
}
