/**
 * The check-in desk's search: runs in the renderer on every keystroke over the session's roster
 * (a few hundred people; the benchmark uses 5,000). Every word typed must occur in the person's
 * search key (accent- and case-free "first last code", main/domain/text.ts); a query that is
 * exactly a code (what a badge scanner types) puts that person first.
 */
import { searchKey } from '../text';

export interface Searchable {
  code: string;
  searchKey: string;
}

export function searchRoster<T extends Searchable>(rows: readonly T[], query: string, limit = 50): T[] {
  const folded = searchKey(query);
  if (folded === '') return rows.slice(0, limit);
  const words = folded.split(' ');
  const code = query.trim().toUpperCase();
  const found: T[] = [];
  let exact: T | null = null;
  for (const row of rows) {
    if (row.code === code) {
      exact = row;
      continue;
    }
    if (found.length >= limit) continue;
    let all = true;
    for (const w of words) {
      if (!row.searchKey.includes(w)) {
        all = false;
        break;
      }
    }
    if (all) found.push(row);
  }
  if (exact) {
    found.unshift(exact);
    if (found.length > limit) found.pop();
  }
  return found;
}
