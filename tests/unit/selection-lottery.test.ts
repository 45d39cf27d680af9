import { describe, expect, it } from 'vitest';
import { createRandom } from '../../main/domain/random';
import {
  DECIMAL_DIGITS,
  SIX_SIDED_DIE,
  digitsPerGroup,
  lotteryDocument,
  readPublicNumbers,
  roundToLottery,
  sha256,
  ticketFromPublicNumbers,
  verifyDraw,
  type LotteryMeta,
  type PublicNumberSource,
} from '../../main/domain/selection/lottery';
import type { PanelDistribution } from '../../main/domain/selection/types';

/** A random distribution: `panels` random panels of size k from a pool of n, skewed weights. */
function randomDistribution(seed: string, n: number, k: number, panels: number): PanelDistribution {
  const r = createRandom(seed);
  const ids = Array.from({ length: n }, (_, i) => `c${String(i).padStart(4, '0')}`);
  const list = Array.from({ length: panels }, () => ({ members: r.shuffle(ids).slice(0, k).sort(), probability: r.next() ** 2 }));
  const total = list.reduce((s, p) => s + p.probability, 0);
  for (const p of list) p.probability /= total;
  const probabilities: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
  for (const p of list) for (const id of p.members) probabilities[id]! += p.probability;
  return { panels: list, probabilities };
}

const meta: LotteryMeta = { assemblyName: 'Citizens’ Assembly on Climate', algorithm: 'LEXIMIN 1', date: '2026-03-14' };

describe('rounding to a uniform lottery', () => {
  const cases = [
    { n: 60, k: 8, panels: 40 },
    { n: 200, k: 20, panels: 150 },
    { n: 400, k: 40, panels: 300 },
    { n: 825, k: 75, panels: 400 },
  ];

  it.each(cases)('n=$n k=$k: M tickets, each a panel of the distribution, within k/M of every probability', ({ n, k, panels }) => {
    const M = 1000;
    const dist = randomDistribution(`dist-${n}`, n, k, panels);
    const result = roundToLottery(dist, { M, seed: 1 });
    expect(result.tickets).toHaveLength(M);

    const support = new Map(dist.panels.map((p) => [p.members.join(' '), p.probability]));
    const counts = new Map<string, number>();
    for (const ticket of result.tickets) {
      const key = ticket.join(' ');
      expect(support.has(key)).toBe(true);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    // Each panel gets floor or ceil of its share of the M tickets.
    for (const [key, p] of support) {
      const c = counts.get(key) ?? 0;
      expect(c).toBeGreaterThanOrEqual(Math.floor(M * p));
      expect(c).toBeLessThanOrEqual(Math.ceil(M * p));
    }
    // The reported probabilities and deviation, recomputed from the tickets.
    const mine: Record<string, number> = Object.fromEntries(Object.keys(dist.probabilities).map((id) => [id, 0]));
    for (const ticket of result.tickets) for (const id of ticket) mine[id]! += 1 / M;
    let worst = 0;
    for (const [id, p] of Object.entries(dist.probabilities)) {
      expect(result.probabilities[id]).toBeCloseTo(mine[id]!, 12);
      worst = Math.max(worst, Math.abs(mine[id]! - p));
    }
    expect(result.maxDeviation).toBeCloseTo(worst, 12);
    const total = Object.values(result.probabilities).reduce((s, p) => s + p, 0);
    expect(total).toBeCloseTo(k, 9);
    // The order of the guarantee is k/M; the rounding reaches far less (measured 1.3, 1.8, 3.0
    // and 3.5 tickets out of 1000 on these four cases): the tighter bound guards against regressions.
    expect(result.maxDeviation).toBeLessThanOrEqual(k / M);
    expect(result.maxDeviation).toBeLessThanOrEqual(Math.max(2, k / 10) / M);
  });

  it('depends only on the distribution and the seed, not on how the panels are listed', () => {
    const dist = randomDistribution('order', 120, 12, 80);
    const a = roundToLottery(dist, { seed: 'x' });
    const shuffled: PanelDistribution = {
      probabilities: dist.probabilities,
      panels: createRandom('shuffle')
        .shuffle(dist.panels)
        .map((p) => ({ members: [...p.members].reverse(), probability: p.probability })),
    };
    expect(roundToLottery(shuffled, { seed: 'x' })).toEqual(a);
    expect(roundToLottery(dist, { seed: 'x' })).toEqual(a);
    expect(a.tickets).toHaveLength(1000); // the default M
  });

  it('keeps an exact lottery exact', () => {
    const dist: PanelDistribution = {
      panels: [
        { members: ['a', 'b'], probability: 0.25 },
        { members: ['a', 'c'], probability: 0.5 },
        { members: ['b', 'c'], probability: 0.25 },
      ],
      probabilities: { a: 0.75, b: 0.5, c: 0.75 },
    };
    const result = roundToLottery(dist, { M: 8 });
    expect(result.maxDeviation).toBeLessThan(1e-12);
    expect(result.tickets.map((t) => t.join(''))).toEqual(['ab', 'ab', 'ac', 'ac', 'ac', 'ac', 'bc', 'bc']);
  });
});

describe('the published ticket list', () => {
  const tickets = [
    ['P-003', 'P-001', 'P-002'],
    ['P-001', 'P-002', 'P-004'],
    ['P-002', 'P-003', 'P-004'],
  ];

  it('is canonical text: same input, same bytes, same hash', () => {
    const doc = lotteryDocument(tickets, meta);
    expect(lotteryDocument(tickets.map((t) => [...t].reverse()), { ...meta })).toBe(doc);
    expect(sha256(doc)).toBe(sha256(lotteryDocument(tickets, meta)));
    expect(sha256(doc)).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.split('\n').slice(0, 10)).toEqual([
      'Assembly Desk transparent lottery',
      'Format: 1',
      'Assembly: Citizens’ Assembly on Climate',
      'Algorithm: LEXIMIN 1',
      'Date: 2026-03-14',
      'Tickets: 3',
      'Panel size: 3',
      'Public numbers: from 0 to 9',
      'Rule: read the numbers in groups of 1, each number as a digit of a base-10 number (first is most significant); a group worth 9 or more is discarded and the next group read; the first value kept, modulo 3, is the ticket number',
      '',
    ]);
    expect(doc.endsWith('0: P-001 P-002 P-003\n1: P-001 P-002 P-004\n2: P-002 P-003 P-004\n')).toBe(true);
    expect(lotteryDocument(tickets, { ...meta, date: '2026-03-15' })).not.toBe(doc);
  });

  it('names the objective and its parameters (format 2), which verification reads back; format 1 still verifies', () => {
    const objective = { name: 'leximin', params: { seed: 1, relativeTolerance: 0.0001, method: 'relaxation-first' } };
    const doc = lotteryDocument(tickets, { ...meta, objective });
    expect(doc.split('\n').slice(0, 7)).toEqual([
      'Assembly Desk transparent lottery',
      'Format: 2',
      'Assembly: Citizens’ Assembly on Climate',
      'Algorithm: LEXIMIN 1',
      'Objective: leximin',
      // Keys in code-unit order: the same parameters always give the same bytes.
      'Objective parameters: {"method":"relaxation-first","relativeTolerance":0.0001,"seed":1}',
      'Date: 2026-03-14',
    ]);
    expect(lotteryDocument(tickets, { ...meta, objective: { name: 'leximin', params: { method: 'relaxation-first', relativeTolerance: 0.0001, seed: 1 } } })).toBe(doc);
    const numbers = [2];
    const check = verifyDraw({ document: doc, publishedHash: sha256(doc), numbers, chosenPanel: tickets[2]! });
    expect(check).toEqual({ ok: true, problems: [], ticket: 2, objective: { name: 'leximin', params: { method: 'relaxation-first', relativeTolerance: 0.0001, seed: 1 } } });
    // Another tolerance is another document: the parameters are part of what was published.
    const edited = doc.replace('"relativeTolerance":0.0001', '"relativeTolerance":0.001');
    expect(verifyDraw({ document: edited, publishedHash: sha256(doc), numbers, chosenPanel: tickets[2]! }).problems.join(' ')).toMatch(/SHA-256/);
    const garbled = doc.replace('"seed":1}', '"seed":1');
    expect(verifyDraw({ document: garbled, publishedHash: sha256(garbled), numbers, chosenPanel: tickets[2]! }).problems.join(' ')).toMatch(/objective parameters/);
    // A document published before the field existed (format 1) verifies as before.
    const old = lotteryDocument(tickets, meta);
    expect(verifyDraw({ document: old, publishedHash: sha256(old), numbers, chosenPanel: tickets[2]! })).toEqual({ ok: true, problems: [], ticket: 2, objective: null });
    expect(() => lotteryDocument(tickets, { ...meta, objective: { name: 'x', params: { bound: Infinity } } })).toThrow(/finite/);
  });

  it('hashes UTF-8 bytes as sha256sum does', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('refuses header values that would break the line structure, and codes with spaces', () => {
    expect(() => lotteryDocument(tickets, { ...meta, assemblyName: 'Two\nlines' })).toThrow(/single line/);
    expect(() => lotteryDocument([['a b', 'c']], meta)).toThrow(/spaces/);
    expect(() => lotteryDocument([['a', 'b'], ['c']], meta)).toThrow(/members/);
  });
});

describe('ticket from public numbers', () => {
  /** Every sequence of `length` numbers from the source. */
  function allSequences(source: PublicNumberSource, length: number): number[][] {
    let out: number[][] = [[]];
    for (let i = 0; i < length; i++) {
      const next: number[][] = [];
      for (const seq of out) for (let x = source.lowest; x <= source.highest; x++) next.push([...seq, x]);
      out = next;
    }
    return out;
  }

  it('reads decimal digits as the ticket number when M is a power of ten', () => {
    expect(digitsPerGroup(1000)).toBe(3);
    expect(ticketFromPublicNumbers([4, 0, 7], 1000)).toBe(407);
    expect(ticketFromPublicNumbers([0, 0, 0], 1000)).toBe(0);
    expect(ticketFromPublicNumbers([9, 9, 9, 5, 5], 1000)).toBe(999); // extra numbers are ignored
    expect(ticketFromPublicNumbers([4, 0, 7], 1000)).toBe(ticketFromPublicNumbers([4, 0, 7], 1000));
  });

  it.each([
    { source: DECIMAL_DIGITS, M: 7, groups: 2 },
    { source: DECIMAL_DIGITS, M: 30, groups: 2 },
    { source: SIX_SIDED_DIE, M: 20, groups: 1 },
    { source: SIX_SIDED_DIE, M: 1000, groups: 1 },
    { source: { lowest: 1, highest: 49 }, M: 100, groups: 1 },
  ])('covers 0..M−1 exactly uniformly: $source.lowest–$source.highest, M=$M', ({ source, M, groups }) => {
    const length = digitsPerGroup(M, source) * groups;
    const hits = new Array<number>(M).fill(0);
    let undecided = 0;
    for (const seq of allSequences(source, length)) {
      const draw = readPublicNumbers(seq, M, source);
      if (draw.ticket === null) undecided++;
      else hits[draw.ticket]! += 1;
    }
    expect(new Set(hits).size).toBe(1); // every ticket equally often
    expect(hits[0]).toBeGreaterThan(0);
    expect(hits[0]! * M + undecided).toBe((source.highest - source.lowest + 1) ** length);
  });

  it('discards the biased top range and reads the next group', () => {
    // Die, M = 1000: four rolls make 0..1295; 1000 and above would favour tickets 0..295.
    expect(digitsPerGroup(1000, SIX_SIDED_DIE)).toBe(4);
    const high = [6, 6, 6, 6]; // (5,5,5,5) in base 6 = 1295: discarded
    const low = [1, 1, 2, 3]; // 0·216 + 0·36 + 1·6 + 2 = 8
    expect(readPublicNumbers([...high, ...low], 1000, SIX_SIDED_DIE)).toEqual({
      ticket: 8,
      used: 8,
      groups: [
        { value: 1295, discarded: true },
        { value: 8, discarded: false },
      ],
    });
    expect(() => ticketFromPublicNumbers(high, 1000, SIX_SIDED_DIE)).toThrow(/more number/);
    expect(() => ticketFromPublicNumbers([1, 2], 1000)).toThrow(/more number/);
    expect(() => ticketFromPublicNumbers([1, 2, 10], 1000)).toThrow(/from 0 to 9/);
    expect(() => ticketFromPublicNumbers([0, 2, 7], 1000, SIX_SIDED_DIE)).toThrow(/from 1 to 6/);
  });
});

describe('verifying a draw', () => {
  const dist = randomDistribution('verify', 50, 6, 30);
  const { tickets } = roundToLottery(dist, { M: 1000, seed: 'verify' });
  const document = lotteryDocument(tickets, meta);
  const publishedHash = sha256(document);
  const numbers = [3, 1, 4];
  const chosenPanel = [...tickets[314]!].reverse(); // announced in any order

  it('accepts the published list, the public numbers and the panel they choose', () => {
    expect(verifyDraw({ document, publishedHash, numbers, chosenPanel })).toEqual({ ok: true, problems: [], ticket: 314, objective: null });
    expect(verifyDraw({ document, publishedHash: publishedHash.toUpperCase(), numbers, chosenPanel }).ok).toBe(true);
  });

  it('detects a changed document', () => {
    const line = document.split('\n').find((l) => l.startsWith('500: '))!;
    const changed = document.replace(line, line.replace(/c\d{4}/, 'c9999'));
    const result = verifyDraw({ document: changed, publishedHash, numbers, chosenPanel });
    expect(result.ok).toBe(false);
    expect(result.problems.join(' ')).toMatch(/SHA-256/);
  });

  it('detects a wrong hash', () => {
    const result = verifyDraw({ document, publishedHash: sha256(document + ' '), numbers, chosenPanel });
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/not the published/);
  });

  it('detects wrong numbers', () => {
    // Another ticket with a different panel, and numbers that choose no ticket at all.
    const other = tickets.findIndex((t) => t.join() !== tickets[314]!.join());
    const digits = String(other).padStart(3, '0').split('').map(Number);
    const wrong = verifyDraw({ document, publishedHash, numbers: digits, chosenPanel });
    expect(wrong.ok).toBe(false);
    expect(wrong.ticket).toBe(other);
    expect(wrong.problems[0]).toMatch(new RegExp(`choose ticket ${other} `));
    expect(verifyDraw({ document, publishedHash, numbers: [3, 1], chosenPanel }).problems[0]).toMatch(/do not give a ticket/);
  });

  it('detects a wrong panel', () => {
    const outsider = Object.keys(dist.probabilities).find((id) => !tickets[314]!.includes(id))!;
    const wrongPanel = [...tickets[314]!.slice(1), outsider];
    const result = verifyDraw({ document, publishedHash, numbers, chosenPanel: wrongPanel });
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(verifyDraw({ document, publishedHash, numbers, chosenPanel: tickets[314]!.slice(1) }).ok).toBe(false);
  });

  it('detects a document that is not a ticket list', () => {
    const forged = 'tickets\n0: a b\n';
    const result = verifyDraw({ document: forged, publishedHash: sha256(forged), numbers, chosenPanel });
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatch(/title/);
    // Re-hashed after an edit that keeps every ticket line valid: the rule text no longer
    // matches the one the document's own ticket count and number range give.
    const edited = document.replace('no group is discarded', 'groups above 900 are discarded');
    expect(edited).not.toBe(document);
    const check = verifyDraw({ document: edited, publishedHash: sha256(edited), numbers, chosenPanel });
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual(['The document is not in canonical form: rendering its own content again gives different text.']);
  });
});
