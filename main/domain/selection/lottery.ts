/**
 * The transparent lottery (Flanigan, Kehne and Procaccia, "Fair sortition made transparent",
 * NeurIPS 2021). A LEXIMIN distribution is fair but opaque: nobody in the room can watch a
 * computer sample from it. So it is rounded to a uniform lottery over M tickets (each ticket a
 * panel, a panel possibly on several tickets), the ticket list is published with its SHA-256
 * before the draw, and the winning ticket is picked by numbers drawn in public. Anyone can then
 * check that the list, the numbers and the announced panel agree.
 *
 * Rounding. A panel with probability p gets floor(M·p) or ceil(M·p) tickets: the panels' own
 * chances move by less than 1/M, and the number of round-ups is fixed by sum = M. Which panels
 * round up decides how much each *person's* chance moves, so:
 *  1. dependent rounding (Srinivasan's pairwise scheme, seeded) walks the panels in a canonical
 *     order where similar panels sit together, moving fractional mass between neighbours so that
 *     the total never changes and every panel keeps its expected share; then
 *  2. a deterministic local search swaps a round-up for a round-down while that lowers the sum of
 *     the fourth powers of the per-person ticket deviations (a smooth stand-in for the maximum
 *     that the search can evaluate in O(k) per swap), never raising the maximum.
 * Each panel has k members, so a Beck–Fiala style argument bounds the best floor/ceil rounding
 * within about k/M of every person's probability; the figures reached in practice are several
 * times smaller (see the unit test, which measures them on random distributions).
 *
 * Everything here is a pure function of its inputs and the seed: the same distribution gives the
 * same tickets, the same document and the same hash on every machine.
 */
import { hash } from 'node:crypto';
import { createRandom, type Seed } from '../random';
import type { PanelDistribution } from './types';

export const DEFAULT_TICKETS = 1000;

export interface LotteryResult {
  /** The M tickets in ticket order (ticket i is tickets[i]), each a panel's sorted member ids. */
  tickets: string[][];
  /** Largest |lottery probability − distribution probability| over all people (the latter from
   *  the distribution's panels, rescaled to sum to 1). */
  maxDeviation: number;
  /** Candidate id -> probability under the lottery (tickets holding them / M). */
  probabilities: Record<string, number>;
}

/** Code-unit order: the same on every machine and locale, unlike localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePanels(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareText(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** Distinct panels with their probabilities rescaled to sum to exactly 1, in canonical order. */
function normalisePanels(dist: PanelDistribution): { members: string[]; probability: number }[] {
  const merged = new Map<string, { members: string[]; probability: number }>();
  for (const panel of dist.panels) {
    if (!(panel.probability > 0)) continue;
    const members = [...panel.members].sort(compareText);
    const key = members.join('\u0000');
    const entry = merged.get(key);
    if (entry) entry.probability += panel.probability;
    else merged.set(key, { members, probability: panel.probability });
  }
  const panels = [...merged.values()].sort((a, b) => comparePanels(a.members, b.members));
  const total = panels.reduce((sum, p) => sum + p.probability, 0);
  if (!(total > 0)) throw new RangeError('roundToLottery: the distribution has no panel with a positive probability');
  for (const p of panels) p.probability /= total;
  return panels;
}

/**
 * Rounds a distribution over panels to M equally likely tickets. `seed` only steers the
 * dependent rounding; the result is a deterministic function of (distribution, M, seed).
 */
export function roundToLottery(dist: PanelDistribution, options: { M?: number; seed?: Seed } = {}): LotteryResult {
  const M = options.M ?? DEFAULT_TICKETS;
  if (!Number.isInteger(M) || M < 1) throw new RangeError(`roundToLottery: M must be a positive integer, got ${M}`);
  const panels = normalisePanels(dist);
  const random = createRandom(options.seed ?? 'lottery');

  // People as indices, and each panel as its member indices.
  const personIndex = new Map<string, number>();
  const people: string[] = [];
  const indexOf = (id: string): number => {
    let i = personIndex.get(id);
    if (i === undefined) {
      i = people.length;
      personIndex.set(id, i);
      people.push(id);
    }
    return i;
  };
  for (const id of Object.keys(dist.probabilities).sort(compareText)) indexOf(id);
  const memberIdx = panels.map((p) => p.members.map(indexOf));
  const n = people.length;

  // The distribution's own marginals: what the lottery should reproduce.
  const target = new Float64Array(n);
  panels.forEach((p, j) => {
    for (const i of memberIdx[j]!) target[i]! += p.probability;
  });

  // Floors, and the fractional remainders left to distribute (`ups` of them round up).
  const tickets = new Int32Array(panels.length);
  const frac = new Float64Array(panels.length);
  let floorSum = 0;
  panels.forEach((p, j) => {
    const exact = M * p.probability;
    let whole = Math.floor(exact);
    let rest = exact - whole;
    // 0.99999999997 is float noise around an integer, not a fraction to round.
    if (rest > 1 - 1e-9) {
      whole += 1;
      rest = 0;
    } else if (rest < 1e-9) rest = 0;
    tickets[j] = whole;
    frac[j] = rest;
    floorSum += whole;
  });
  const ups = M - floorSum;

  const roundUp = dependentRounding(frac, ups, random.next);
  improveBySwaps(roundUp, frac, memberIdx, n);
  roundUp.forEach((up, j) => {
    if (up) tickets[j]! += 1;
  });

  const out: string[][] = [];
  panels.forEach((p, j) => {
    for (let t = 0; t < tickets[j]!; t++) out.push(p.members);
  });
  if (out.length !== M) throw new Error(`roundToLottery: ${out.length} tickets instead of ${M} (internal error)`);

  const counts = new Float64Array(n);
  panels.forEach((_, j) => {
    for (const i of memberIdx[j]!) counts[i]! += tickets[j]!;
  });
  const probabilities: Record<string, number> = {};
  let maxDeviation = 0;
  for (let i = 0; i < n; i++) {
    const p = counts[i]! / M;
    probabilities[people[i]!] = p;
    maxDeviation = Math.max(maxDeviation, Math.abs(p - target[i]!));
  }
  return { tickets: out.map((members) => members.slice()), maxDeviation, probabilities };
}

/**
 * Srinivasan's dependent rounding along a path: the one fractional value carried forward is
 * paired with the next; mass moves between the two (up for one, down for the other) until one
 * of them is whole, with odds that keep each value's expectation. The total stays `ups`
 * throughout. Returns which panels round up.
 */
function dependentRounding(frac: Float64Array, ups: number, next: () => number): Uint8Array {
  const up = new Uint8Array(frac.length);
  const value = Float64Array.from(frac);
  let carry = -1;
  for (let j = 0; j < value.length; j++) {
    if (value[j] === 0) continue;
    if (carry < 0) {
      carry = j;
      continue;
    }
    const a = carry;
    const b = j;
    const raiseA = Math.min(1 - value[a]!, value[b]!); // a up, b down
    const lowerA = Math.min(value[a]!, 1 - value[b]!); // a down, b up
    if (next() * (raiseA + lowerA) < lowerA) {
      value[a]! += raiseA;
      value[b]! -= raiseA;
    } else {
      value[a]! -= lowerA;
      value[b]! += lowerA;
    }
    for (const i of [a, b]) {
      if (value[i]! > 1 - 1e-9) value[i] = 1;
      else if (value[i]! < 1e-9) value[i] = 0;
    }
    // Whichever is still fractional carries on (both can be whole at once).
    carry = value[b]! > 0 && value[b]! < 1 ? b : value[a]! > 0 && value[a]! < 1 ? a : -1;
  }
  value.forEach((v, j) => {
    if (v === 1) up[j] = 1;
  });
  // Float drift can leave the count one off: settle it on the panels that were closest.
  let count = up.reduce((s, v) => s + v, 0);
  const order = Array.from(frac.keys()).sort((x, y) => frac[y]! - frac[x]! || x - y);
  for (const j of order) {
    if (count >= ups) break;
    if (!up[j]) {
      up[j] = 1;
      count++;
    }
  }
  for (const j of order.slice().reverse()) {
    if (count <= ups) break;
    if (up[j]) {
      up[j] = 0;
      count--;
    }
  }
  return up;
}

/**
 * Swaps one round-up for one round-down (among panels with a fractional part) while it lowers
 * sum(dev^4), where dev is a person's ticket count minus their exact share M·p, and keeps the
 * largest |dev| from growing. Deterministic: for each round-up in index order, the best
 * round-down (ties: the lowest index).
 *
 * A swap a -> b moves a's members that are not in b down one ticket and b's members that are not
 * in a up one. Each panel's "everyone up one" gain is kept up to date, so a candidate swap costs
 * O(1) plus the work of finding the panels that share members with a (through person -> panels):
 * a pass is O(ups · (k · panels per person + downs)) instead of O(ups · downs · k).
 */
function improveBySwaps(up: Uint8Array, frac: Float64Array, memberIdx: number[][], n: number): void {
  const fractional = Array.from(frac.keys()).filter((j) => frac[j]! > 0);
  if (fractional.length < 2) return;
  const dev = new Float64Array(n);
  const panelsOf: number[][] = Array.from({ length: n }, () => []);
  for (const j of fractional) {
    const delta = (up[j] ? 1 : 0) - frac[j]!;
    for (const i of memberIdx[j]!) {
      dev[i]! += delta;
      panelsOf[i]!.push(j);
    }
  }
  const cost = (d: number): number => d * d * d * d;
  const P = frac.length;
  const gainUp = new Float64Array(n); // cost change if person i gains a ticket
  const gainDown = new Float64Array(n); // ... if they lose one
  const badUp = new Uint8Array(n); // gaining one would exceed the current maximum
  const badDown = new Uint8Array(n);
  const panelGainUp = new Float64Array(P); // sum of gainUp over a panel's members
  const panelBadUp = new Int32Array(P);
  const shared = new Float64Array(P); // per panel: gainUp + gainDown over members shared with a
  const sharedBadUp = new Int32Array(P);
  const sharedBadDown = new Int32Array(P);
  let ceiling = 0;

  const refreshPerson = (i: number): void => {
    const d = dev[i]!;
    gainUp[i] = cost(d + 1) - cost(d);
    gainDown[i] = cost(d - 1) - cost(d);
    badUp[i] = Math.abs(d + 1) > ceiling ? 1 : 0;
    badDown[i] = Math.abs(d - 1) > ceiling ? 1 : 0;
  };

  for (let pass = 0; pass < 100; pass++) {
    ceiling = dev.reduce((m, d) => Math.max(m, Math.abs(d)), 0) + 1e-9;
    for (let i = 0; i < n; i++) refreshPerson(i);
    for (const j of fractional) {
      let g = 0;
      let bad = 0;
      for (const i of memberIdx[j]!) {
        g += gainUp[i]!;
        bad += badUp[i]!;
      }
      panelGainUp[j] = g;
      panelBadUp[j] = bad;
    }
    const upList = fractional.filter((j) => up[j]);
    const downList = fractional.filter((j) => !up[j]);
    let improved = false;

    for (const a of upList) {
      let loseGain = 0;
      let aBad = 0;
      const touched: number[] = [];
      for (const i of memberIdx[a]!) {
        loseGain += gainDown[i]!;
        aBad += badDown[i]!;
        for (const b of panelsOf[i]!) {
          if (shared[b] === 0 && sharedBadUp[b] === 0 && sharedBadDown[b] === 0) touched.push(b);
          shared[b]! += gainUp[i]! + gainDown[i]!;
          sharedBadUp[b]! += badUp[i]!;
          sharedBadDown[b]! += badDown[i]!;
        }
      }
      let best = -1;
      let bestDelta = -1e-9;
      for (const b of downList) {
        if (up[b]) continue; // raised earlier in this pass
        if (panelBadUp[b]! - sharedBadUp[b]! > 0 || aBad - sharedBadDown[b]! > 0) continue;
        const delta = loseGain + panelGainUp[b]! - shared[b]!;
        if (delta < bestDelta) {
          bestDelta = delta;
          best = b;
        }
      }
      for (const b of touched) {
        shared[b] = 0;
        sharedBadUp[b] = 0;
        sharedBadDown[b] = 0;
      }
      if (best < 0) continue;

      const inB = new Set(memberIdx[best]);
      const inA = new Set(memberIdx[a]);
      const changed: number[] = [];
      for (const i of memberIdx[a]!) {
        if (!inB.has(i)) {
          dev[i]! -= 1;
          changed.push(i);
        }
      }
      for (const i of memberIdx[best]!) {
        if (!inA.has(i)) {
          dev[i]! += 1;
          changed.push(i);
        }
      }
      for (const i of changed) {
        const oldUp = gainUp[i]!;
        const oldBad = badUp[i]!;
        refreshPerson(i);
        for (const j of panelsOf[i]!) {
          panelGainUp[j]! += gainUp[i]! - oldUp;
          panelBadUp[j]! += badUp[i]! - oldBad;
        }
      }
      up[a] = 0;
      up[best] = 1;
      improved = true;
    }
    if (!improved) break;
  }
}

// ---------------------------------------------------------------------------------------------
// The published document

export interface LotteryMeta {
  assemblyName: string;
  /** The algorithm that produced the distribution, with its version (e.g. "LEXIMIN 1"). */
  algorithm: string;
  /** The publication date as the operator wants it shown (ISO 8601 recommended). */
  date: string;
  /** How the public numbers are drawn; digits 0–9 unless said otherwise. */
  source?: PublicNumberSource;
  /**
   * The fairness objective and its parameters, printed as `Objective: goldilocks (gamma=1)`
   * (the generic `objective: {name, params}` of a run; the line is left out when absent).
   */
  objective?: { name: string; params: Record<string, number | string> };
}

/** `name` or `name (key=value, ...)`, keys in code-unit order. */
export function objectiveText(objective: { name: string; params: Record<string, number | string> }): string {
  const params = Object.keys(objective.params)
    .sort(compareText)
    .map((k) => `${k}=${objective.params[k]}`);
  return params.length ? `${objective.name} (${params.join(', ')})` : objective.name;
}

function parseObjectiveText(text: string): { name: string; params: Record<string, number | string> } {
  const match = /^(\S+)(?: \((.*)\))?$/.exec(text);
  if (!match) return { name: text, params: {} };
  const params: Record<string, number | string> = {};
  for (const pair of match[2] ? match[2].split(', ') : []) {
    const at = pair.indexOf('=');
    const value = pair.slice(at + 1);
    params[pair.slice(0, at)] = value !== '' && String(Number(value)) === value ? Number(value) : value;
  }
  return { name: match[1]!, params };
}

/** What each publicly drawn number can be: every integer from lowest to highest, equally likely. */
export interface PublicNumberSource {
  lowest: number;
  highest: number;
}

/** Ten-sided dice, numbered balls 0–9 drawn with replacement, or one ball per digit from 0–9. */
export const DECIMAL_DIGITS: PublicNumberSource = { lowest: 0, highest: 9 };
/** An ordinary six-sided die. */
export const SIX_SIDED_DIE: PublicNumberSource = { lowest: 1, highest: 6 };

const DOCUMENT_TITLE = 'Assembly Desk transparent lottery';
const FORMAT_LINE = 'Format: 1';

function headerValue(name: string, value: string): string {
  // One line per field: a newline inside a value would let it forge the next field.
  if (/[\r\n]/.test(value)) throw new RangeError(`lotteryDocument: ${name} must be a single line`);
  return value.trim();
}

function checkSource(source: PublicNumberSource): void {
  const { lowest, highest } = source;
  if (!Number.isSafeInteger(lowest) || !Number.isSafeInteger(highest) || highest <= lowest) {
    throw new RangeError(`public numbers: need integers lowest < highest, got ${lowest}..${highest}`);
  }
}

/**
 * The canonical text of the ticket list: LF line ends, UTF-8, no trailing spaces; a header, then
 * one line per ticket, "ticket-number: code code code" with the codes in code-unit order. The
 * same tickets and meta always give the same bytes, hence the same SHA-256.
 */
export function lotteryDocument(tickets: readonly (readonly string[])[], meta: LotteryMeta): string {
  const M = tickets.length;
  if (M === 0) throw new RangeError('lotteryDocument: no tickets');
  const source = meta.source ?? DECIMAL_DIGITS;
  checkSource(source);
  const panelSize = tickets[0]!.length;
  const width = String(M - 1).length;
  const group = digitsPerGroup(M, source);
  const lines = [
    DOCUMENT_TITLE,
    FORMAT_LINE,
    `Assembly: ${headerValue('assemblyName', meta.assemblyName)}`,
    `Algorithm: ${headerValue('algorithm', meta.algorithm)}`,
    ...(meta.objective ? [`Objective: ${headerValue('objective', objectiveText(meta.objective))}`] : []),
    `Date: ${headerValue('date', meta.date)}`,
    `Tickets: ${M}`,
    `Panel size: ${panelSize}`,
    `Public numbers: from ${source.lowest} to ${source.highest}`,
    `Rule: ${describeRule(M, source, group)}`,
    '',
  ];
  tickets.forEach((panel, i) => {
    if (panel.length !== panelSize) throw new RangeError(`lotteryDocument: ticket ${i} has ${panel.length} members, not ${panelSize}`);
    for (const code of panel) {
      if (code === '' || /\s/.test(code)) throw new RangeError(`lotteryDocument: member code ${JSON.stringify(code)} is empty or has spaces`);
    }
    lines.push(`${String(i).padStart(width, '0')}: ${[...panel].sort(compareText).join(' ')}`);
  });
  return lines.join('\n') + '\n';
}

/** SHA-256 of the text's UTF-8 bytes, lowercase hex (what `sha256sum` prints). */
export function sha256(text: string): string {
  return hash('sha256', text, 'hex');
}

// ---------------------------------------------------------------------------------------------
// From public numbers to a ticket

/**
 * The rule, chosen so that anyone can redo it by hand. With b = highest − lowest + 1 possible
 * values per number, the numbers are taken in groups of d, the fewest with b^d ≥ M. A group is
 * read as a base-b number, first number most significant, each contributing (number − lowest).
 * Values from the largest multiple of M up to b^d − 1 would favour the low tickets, so such a
 * group is discarded and the next group is read; the first kept value, modulo M, is the ticket.
 * Every ticket has exactly the same number of winning groups, so the draw is exactly uniform.
 *
 * With decimal digits and M = 1000 no group is ever discarded: three digits read as a number
 * ARE the ticket ("4 0 7" is ticket 407). With a six-sided die and M = 1000, four rolls
 * give 6^4 = 1296 values and groups worth 1000 or more are rolled again.
 */
export function digitsPerGroup(M: number, source: PublicNumberSource = DECIMAL_DIGITS): number {
  checkSource(source);
  if (!Number.isSafeInteger(M) || M < 1) throw new RangeError(`M must be a positive integer, got ${M}`);
  const base = source.highest - source.lowest + 1;
  let d = 1;
  let span = base;
  while (span < M) {
    span *= base;
    d++;
  }
  return d;
}

function describeRule(M: number, source: PublicNumberSource, group: number): string {
  const base = source.highest - source.lowest + 1;
  const span = base ** group;
  const limit = span - (span % M);
  const read = source.lowest === 0 ? 'each number as a digit' : `each number minus ${source.lowest} as a digit`;
  const discard = limit === span ? 'no group is discarded' : `a group worth ${limit} or more is discarded and the next group read`;
  const modulo = limit === M ? '' : `, modulo ${M},`;
  return `read the numbers in groups of ${group}, ${read} of a base-${base} number (first is most significant); ${discard}; the first value kept${modulo} is the ticket number`;
}

export interface PublicDraw {
  /** The ticket index, or null when every group was discarded (draw more numbers). */
  ticket: number | null;
  /** How many numbers the rule read (the rest are not used). */
  used: number;
  /** Each group read: its value, and whether it was discarded. */
  groups: { value: number; discarded: boolean }[];
}

/** The rule applied step by step, for the screen and the audit record. */
export function readPublicNumbers(numbers: readonly number[], M: number, source: PublicNumberSource = DECIMAL_DIGITS): PublicDraw {
  const group = digitsPerGroup(M, source);
  const base = source.highest - source.lowest + 1;
  const span = base ** group;
  const limit = span - (span % M);
  for (const x of numbers) {
    if (!Number.isInteger(x) || x < source.lowest || x > source.highest) {
      throw new RangeError(`public number ${x} is not a whole number from ${source.lowest} to ${source.highest}`);
    }
  }
  const groups: PublicDraw['groups'] = [];
  for (let start = 0; start + group <= numbers.length; start += group) {
    let value = 0;
    for (let i = start; i < start + group; i++) value = value * base + (numbers[i]! - source.lowest);
    const discarded = value >= limit;
    groups.push({ value, discarded });
    if (!discarded) return { ticket: value % M, used: start + group, groups };
  }
  return { ticket: null, used: groups.length * group, groups };
}

/**
 * The ticket index chosen by numbers drawn in public (see digitsPerGroup for the rule). Throws
 * when a number is out of range or when the numbers run out before a group is kept: the
 * operator then draws more numbers and enters the whole sequence again.
 */
export function ticketFromPublicNumbers(numbers: readonly number[], M: number, source: PublicNumberSource = DECIMAL_DIGITS): number {
  const draw = readPublicNumbers(numbers, M, source);
  if (draw.ticket === null) {
    const group = digitsPerGroup(M, source);
    throw new RangeError(`the public numbers do not choose a ticket yet: ${group} more number(s) are needed`);
  }
  return draw.ticket;
}

// ---------------------------------------------------------------------------------------------
// Verification

interface ParsedDocument {
  M: number;
  panelSize: number;
  source: PublicNumberSource;
  tickets: string[][];
}

function parseDocument(document: string, problems: string[]): ParsedDocument | null {
  const problemsBefore = problems.length;
  const lines = document.split('\n');
  if (lines[0] !== DOCUMENT_TITLE || lines[1] !== FORMAT_LINE) {
    problems.push('The document does not start with the lottery title and format line.');
    return null;
  }
  const field = (name: string): string | null => {
    const line = lines.slice(2, 12).find((l) => l.startsWith(`${name}: `));
    return line === undefined ? null : line.slice(name.length + 2);
  };
  const M = Number(field('Tickets'));
  const panelSize = Number(field('Panel size'));
  const range = /^from (-?\d+) to (-?\d+)$/.exec(field('Public numbers') ?? '');
  if (!Number.isSafeInteger(M) || M < 1 || !Number.isSafeInteger(panelSize) || !range) {
    problems.push('The document header lacks a valid ticket count, panel size or public number range.');
    return null;
  }
  const source = { lowest: Number(range[1]), highest: Number(range[2]) };
  const blank = lines.indexOf('', 2);
  const body = lines.slice(blank + 1);
  if (body.at(-1) !== '') problems.push('The document does not end with a line break.');
  else body.pop();
  if (body.length !== M) problems.push(`The document lists ${body.length} tickets, but its header says ${M}.`);
  const width = String(M - 1).length;
  const tickets: string[][] = [];
  body.forEach((line, i) => {
    const match = /^(\d+): (.*)$/.exec(line);
    if (!match || match[1] !== String(i).padStart(width, '0')) {
      problems.push(`Line for ticket ${i} is not numbered ${String(i).padStart(width, '0')}.`);
      tickets.push([]);
      return;
    }
    const codes = match[2]!.split(' ');
    if (codes.length !== panelSize) problems.push(`Ticket ${i} has ${codes.length} members, not ${panelSize}.`);
    if (codes.some((c, j) => j > 0 && compareText(codes[j - 1]!, c) >= 0)) problems.push(`Ticket ${i} does not list its members in order.`);
    tickets.push(codes);
  });
  // Rendering the parsed content again must give the same bytes: this catches whatever the line
  // checks above do not name (a stray space, a reordered header, a rule text edited by hand).
  if (problems.length === problemsBefore) {
    try {
      const again = lotteryDocument(tickets, {
        assemblyName: field('Assembly') ?? '',
        algorithm: field('Algorithm') ?? '',
        ...(field('Objective') !== null ? { objective: parseObjectiveText(field('Objective')!) } : {}),
        date: field('Date') ?? '',
        source,
      });
      if (again !== document) {
        problems.push('The document is not in canonical form: rendering its own content again gives different text.');
      }
    } catch (error) {
      problems.push(`The document cannot be rendered again: ${(error as Error).message}.`);
    }
  }
  return { M, panelSize, source, tickets };
}

/**
 * Re-derives the draw from what was published: the document must hash to the published value,
 * be well formed, the numbers must choose a ticket under the document's own rule, and the
 * announced panel must be that ticket's panel (in any order).
 */
export function verifyDraw(input: {
  document: string;
  publishedHash: string;
  numbers: readonly number[];
  chosenPanel: readonly string[];
}): { ok: boolean; problems: string[]; ticket: number | null } {
  const problems: string[] = [];
  const actual = sha256(input.document);
  if (actual !== input.publishedHash.trim().toLowerCase()) {
    problems.push(`The document's SHA-256 is ${actual}, not the published ${input.publishedHash.trim()}.`);
  }
  const parsed = parseDocument(input.document, problems);
  let ticket: number | null = null;
  if (parsed) {
    try {
      ticket = ticketFromPublicNumbers(input.numbers, parsed.M, parsed.source);
    } catch (error) {
      problems.push(`The public numbers do not give a ticket: ${(error as Error).message}.`);
    }
    if (ticket !== null) {
      const expected = parsed.tickets[ticket] ?? [];
      const chosen = [...input.chosenPanel].sort(compareText);
      const same = chosen.length === expected.length && chosen.every((c, i) => c === expected[i]);
      if (!same) {
        problems.push(`The public numbers choose ticket ${ticket} (${expected.join(' ')}), not the announced panel (${chosen.join(' ')}).`);
      }
    }
  }
  return { ok: problems.length === 0, problems, ticket };
}
