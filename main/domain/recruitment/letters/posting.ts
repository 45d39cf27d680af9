/**
 * Bulk posting: letters sorted by postcode (as the postal operator's sorted-mail rates ask),
 * the counts of pages and sheets to print, and the batches a large mailing is made in.
 */
import type { Addressee } from './types';
import { postcodeNumber } from './language';

const collator = new Intl.Collator('nl-BE', { sensitivity: 'base', numeric: true });

/**
 * Sorted by postcode (as a number; a postcode that is not four digits goes last), then
 * municipality, street lines, name and code, so the order is the same on every machine.
 */
export function sortByPostcode<T extends Addressee>(addressees: readonly T[]): T[] {
  const keyed = addressees.map((a) => ({ a, n: postcodeNumber(a.postcode) }));
  keyed.sort((x, y) => {
    if (x.n !== y.n) {
      if (x.n === null) return 1;
      if (y.n === null) return -1;
      return x.n - y.n;
    }
    return (
      (x.n === null ? collator.compare(x.a.postcode, y.a.postcode) : 0) ||
      collator.compare(x.a.municipality, y.a.municipality) ||
      collator.compare(x.a.addressLines.join('\n'), y.a.addressLines.join('\n')) ||
      collator.compare(x.a.name, y.a.name) ||
      (x.a.code < y.a.code ? -1 : x.a.code > y.a.code ? 1 : 0)
    );
  });
  return keyed.map((k) => k.a);
}

export interface PrintCount {
  letters: number;
  pages: number;
  /** Sheets of paper: one per page printed on one side; with `duplex`, one per two pages of a letter. */
  sheets: number;
}

/**
 * Pages and sheets of a mailing from the pages of each letter. A letter starts on a new sheet;
 * printed on both sides (`duplex`) a letter of 3 pages takes 2 sheets, the back of the last left blank.
 */
export function printCount(pagesPerLetter: readonly number[], duplex = false): PrintCount {
  let pages = 0;
  let sheets = 0;
  for (const p of pagesPerLetter) {
    if (!Number.isInteger(p) || p < 1) throw new RangeError(`A letter has at least one page (got ${p}).`);
    pages += p;
    sheets += duplex ? Math.ceil(p / 2) : p;
  }
  return { letters: pagesPerLetter.length, pages, sheets };
}

/** [start, end) index ranges of `size` letters each (the last may be shorter). */
export function batchRanges(total: number, size: number): [number, number][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`A batch holds at least one letter (got ${size}).`);
  const out: [number, number][] = [];
  for (let start = 0; start < total; start += size) out.push([start, Math.min(total, start + size)]);
  return out;
}
