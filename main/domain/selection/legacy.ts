/**
 * The "legacy" greedy stratified draw: how most organisations have drawn panels so far (it is
 * the method the Sortition Foundation's tool calls "legacy"). It is kept as a baseline: the
 * Selection page compares its selection probabilities with LEXIMIN's, and Flanigan et al.
 * (Nature, 2021) show why the comparison matters: the greedy order gives people with rare
 * combinations of features far less (or far more) chance than others.
 *
 * One attempt, seat by seat:
 *  1. For every quota, the urgency is (seats still needed to reach its minimum) / (people still
 *     available with that value). The most urgent quota wins (ties: the first in quota order;
 *     once every minimum is met the urgencies are negative and the least-filled value wins).
 *  2. A person with that value is drawn uniformly among those still available.
 *  3. Whoever can no longer be taken leaves the pool: everyone with a value whose maximum is now
 *     reached, and the rest of the new member's household when one per household applies.
 * An attempt fails when a minimum can no longer be met by the people left; the draw then starts
 * again from scratch, up to `attempts` times. Restarting (rather than backtracking) is what the
 * method does in practice, and it is part of what makes its probabilities uneven.
 */
import { createRandom, type Random, type Seed } from '../random';
import { canonicalInstance, parseCanonicalInstance } from './instance';
import { sha256 } from './lottery';
import type { SelectionInstance } from './types';

export const DEFAULT_LEGACY_ATTEMPTS = 100;

export interface LegacyOptions {
  /** How many times the draw starts again after getting stuck (default 100). */
  attempts?: number;
}

/** The instance turned into index arrays once, so a Monte-Carlo run does not redo it per draw. */
interface Prepared {
  ids: string[];
  mins: Int32Array;
  maxs: Int32Array;
  /** Person -> the quotas their values fall under. */
  quotasOf: number[][];
  /** Quota -> the people with that value. */
  membersOf: Int32Array[];
  /** Person -> the other people in their household (empty when none, or when the rule is off). */
  housemates: number[][];
  fixed: number[];
  panelSize: number;
}

function prepare(instance: SelectionInstance): Prepared | null {
  const ids = instance.candidates.map((c) => c.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const quotas = instance.quotas;
  const quotaIndex = new Map<string, number>();
  quotas.forEach((q, i) => quotaIndex.set(`${q.feature}\u0000${q.value}`, i));

  const quotasOf: number[][] = instance.candidates.map(() => []);
  const members: number[][] = quotas.map(() => []);
  instance.candidates.forEach((c, i) => {
    for (const [feature, value] of Object.entries(c.features)) {
      const q = quotaIndex.get(`${feature}\u0000${value}`);
      if (q === undefined) continue; // a value without a quota constrains nothing
      quotasOf[i]!.push(q);
      members[q]!.push(i);
    }
  });

  const housemates: number[][] = instance.candidates.map(() => []);
  if (instance.onePerHousehold) {
    const households = new Map<string, number[]>();
    instance.candidates.forEach((c, i) => {
      if (c.household === null) return; // unknown households never conflict
      const list = households.get(c.household) ?? [];
      list.push(i);
      households.set(c.household, list);
    });
    for (const list of households.values()) {
      if (list.length < 2) continue;
      for (const i of list) housemates[i] = list.filter((j) => j !== i);
    }
  }

  const fixed: number[] = [];
  for (const id of new Set(instance.fixed ?? [])) {
    const i = index.get(id);
    if (i === undefined) return null; // a fixed person outside the pool: no panel can contain them
    fixed.push(i);
  }

  return {
    ids,
    mins: Int32Array.from(quotas, (q) => q.min),
    maxs: Int32Array.from(quotas, (q) => q.max),
    quotasOf,
    membersOf: members.map((m) => Int32Array.from(m)),
    housemates,
    fixed,
    panelSize: instance.panelSize,
  };
}

/**
 * One attempt. The available people of each quota are kept in an array with swap-removal and a
 * position table, so that a uniform pick among them and a removal are both O(1): a Monte-Carlo
 * estimate runs tens of thousands of attempts on pools of thousands.
 */
function attempt(p: Prepared, random: Random): number[] | null {
  const n = p.ids.length;
  const quotaCount = p.mins.length;
  const alive = new Uint8Array(n).fill(1);
  const lists = p.membersOf.map((m) => Int32Array.from(m));
  const lengths = Int32Array.from(lists, (l) => l.length);
  // positions[q][person] would be quadratic in memory; a Map per quota would be slow. Each
  // person's position in each of their quota lists is kept beside their quotasOf entry instead.
  const positions: Int32Array[] = p.quotasOf.map((qs) => new Int32Array(qs.length));
  for (let q = 0; q < quotaCount; q++) {
    const list = lists[q]!;
    for (let at = 0; at < list.length; at++) {
      const person = list[at]!;
      positions[person]![p.quotasOf[person]!.indexOf(q)] = at;
    }
  }
  const everyone = Int32Array.from({ length: n }, (_, i) => i);
  const everyonePos = Int32Array.from({ length: n }, (_, i) => i);
  let everyoneLength = n;
  const selected = new Int32Array(quotaCount);
  const panel: number[] = [];

  const remove = (person: number): void => {
    if (!alive[person]) return;
    alive[person] = 0;
    const qs = p.quotasOf[person]!;
    for (let slot = 0; slot < qs.length; slot++) {
      const q = qs[slot]!;
      const list = lists[q]!;
      const at = positions[person]![slot]!;
      const last = list[--lengths[q]!]!;
      list[at] = last;
      positions[last]![p.quotasOf[last]!.indexOf(q)] = at;
    }
    const at = everyonePos[person]!;
    const last = everyone[--everyoneLength]!;
    everyone[at] = last;
    everyonePos[last] = at;
  };

  const take = (person: number): boolean => {
    if (!alive[person]) return false; // already gone: a full value or a housemate on the panel
    panel.push(person);
    remove(person);
    for (const q of p.quotasOf[person]!) {
      if (++selected[q]! >= p.maxs[q]!) {
        while (lengths[q]! > 0) remove(lists[q]![0]!);
      }
    }
    for (const mate of p.housemates[person]!) remove(mate);
    return true;
  };

  // Values with a maximum of 0 are out from the start (this happens when drawing replacements).
  for (let q = 0; q < quotaCount; q++) {
    if (p.maxs[q]! <= 0) while (lengths[q]! > 0) remove(lists[q]![0]!);
  }
  for (const person of p.fixed) if (!take(person)) return null;
  if (panel.length > p.panelSize) return null;

  while (panel.length < p.panelSize) {
    let best = -1;
    let bestRatio = -Infinity;
    for (let q = 0; q < quotaCount; q++) {
      const need = p.mins[q]! - selected[q]!;
      const left = lengths[q]!;
      if (need > left) return null; // this minimum can no longer be met: start again
      if (left === 0) continue;
      const ratio = need / left;
      if (ratio > bestRatio) {
        bestRatio = ratio;
        best = q;
      }
    }
    let person: number;
    if (best >= 0) {
      person = lists[best]![Math.floor(random.next() * lengths[best]!)]!;
    } else {
      // Only people outside every quota remain (no quotas at all, or values without quotas).
      if (everyoneLength === 0) return null;
      person = everyone[Math.floor(random.next() * everyoneLength)]!;
    }
    take(person);
  }

  for (let q = 0; q < quotaCount; q++) if (selected[q]! < p.mins[q]!) return null;
  return panel;
}

function drawPrepared(p: Prepared, random: Random, attempts: number): string[] | null {
  for (let a = 0; a < attempts; a++) {
    const panel = attempt(p, random);
    if (panel) return panel.map((i) => p.ids[i]!).sort();
  }
  return null;
}

/**
 * One legacy draw: the panel's ids, sorted, or null when every attempt got stuck (the quotas
 * may be infeasible, or just very tight for this method). The same random state gives the same
 * panel.
 */
export function legacyDraw(instance: SelectionInstance, random: Random, options: LegacyOptions = {}): string[] | null {
  const p = prepare(instance);
  if (!p) return null;
  return drawPrepared(p, random, options.attempts ?? DEFAULT_LEGACY_ATTEMPTS);
}

/**
 * Simulated legacy draws behind the estimated probabilities of a run the app prepares (the
 * README's figure). Each run stores the count it used; the app and the reports state that count.
 */
export const LEGACY_ESTIMATE_RUNS = 1000;

export interface LegacyEstimate {
  /** Candidate id -> share of the successful draws that put them on the panel. */
  probabilities: Record<string, number>;
  /** Draws that failed after every attempt (left out of the shares). */
  failures: number;
  runs: number;
}

/**
 * Monte-Carlo estimate of each person's chance under the legacy draw: `runs` independent draws
 * from one seeded stream, so the same seed gives the same figures. With r successful runs a
 * probability p is known to about ±2·sqrt(p(1−p)/r) (95%).
 */
export function estimateLegacyProbabilities(
  instance: SelectionInstance,
  options: {
    runs: number;
    seed: Seed;
    attempts?: number;
    /** Called after every 25 runs with the runs done so far. */
    onProgress?: (done: number) => void;
    /** Checked before each run: true ends the estimate with the runs done so far. */
    shouldStop?: () => boolean;
  },
): LegacyEstimate {
  const counts = new Map<string, number>(instance.candidates.map((c) => [c.id, 0]));
  const p = prepare(instance);
  const random = createRandom(options.seed);
  let failures = 0;
  let runs = 0;
  for (let run = 0; run < options.runs; run++) {
    if (options.shouldStop?.()) break;
    runs++;
    if (run % 25 === 0) options.onProgress?.(run);
    const panel = p ? drawPrepared(p, random, options.attempts ?? DEFAULT_LEGACY_ATTEMPTS) : null;
    if (!panel) {
      failures++;
      continue;
    }
    for (const id of panel) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const successes = runs - failures;
  const probabilities: Record<string, number> = {};
  for (const [id, count] of counts) probabilities[id] = successes > 0 ? count / successes : 0;
  return { probabilities, failures, runs };
}

export interface LegacyVerifyInput {
  /** The published input: the canonical JSON text whose SHA-256 is the run's input hash. */
  input: string;
  publishedHash: string;
  /** The recorded seed (a random one, or "public:" and the public numbers). */
  seed: string;
  chosenPanel: readonly string[];
}

/**
 * Checks a legacy draw as an outsider can: the input hashes to the published value and is in
 * canonical form, and the legacy draw with that seed gives exactly the announced panel. The
 * problems are sentences; `panel` is the panel the seed gives (null when it got stuck).
 */
export function verifyLegacyDraw(v: LegacyVerifyInput): { ok: boolean; problems: string[]; panel: string[] | null } {
  const problems: string[] = [];
  const hash = sha256(v.input);
  if (hash !== v.publishedHash.trim().toLowerCase()) problems.push(`The input document hashes to ${hash}, not to the published ${v.publishedHash}.`);
  let instance: SelectionInstance;
  try {
    instance = parseCanonicalInstance(v.input);
  } catch (e) {
    return { ok: false, problems: [...problems, (e as Error).message], panel: null };
  }
  if (canonicalInstance(instance) !== v.input) problems.push('The input document is not in canonical form (it was re-formatted or edited).');
  const panel = legacyDraw(instance, createRandom(v.seed));
  if (panel === null) {
    problems.push('The legacy method gets stuck with this input and seed: it draws no panel.');
    return { ok: false, problems, panel: null };
  }
  const chosen = [...new Set(v.chosenPanel)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const drawn = new Set(panel);
  const extra = chosen.filter((c) => !drawn.has(c));
  const missing = panel.filter((c) => !chosen.includes(c));
  if (extra.length > 0 || missing.length > 0) {
    problems.push(
      `The seed draws another panel: ${missing.length} of its members ${missing.length === 1 ? 'is' : 'are'} not announced (${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}), ${extra.length} announced ${extra.length === 1 ? 'is' : 'are'} not drawn (${extra.slice(0, 10).join(', ')}${extra.length > 10 ? ', …' : ''}).`,
    );
  }
  return { ok: problems.length === 0, problems, panel };
}

/** The file name a legacy run's input is exported under (the audit report's command names it). */
export const legacyInputFileName = (preparedAt: string, inputHash: string): string => `selection-input-${preparedAt.slice(0, 10)}-${inputHash.slice(0, 12)}.json`;
