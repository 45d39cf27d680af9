/**
 * From plain rows (the live pool and the quotas, as the database gives them) to a
 * SelectionInstance, and the canonical form of that instance whose SHA-256 is recorded with
 * every selection run: the same pool and quotas give the same hash on every machine.
 *
 * Candidates are identified by their pseudonymous code, so the distribution, the lottery
 * document and the drawn panel never carry anything else. Households are replaced by numbers
 * (1, 2, ... in the order of the first member's code): the household key is a normalised
 * address and must not leave the people table, even hashed.
 */
import { sha256 } from './lottery';
import type { Candidate, Quota, SelectionInstance } from './types';

export interface PoolRow {
  code: string;
  /** Normalised address key; null when unknown. */
  household: string | null;
  /** feature name -> value (every feature the person has a value for). */
  features: Record<string, string>;
}

export interface QuotaRow {
  feature: string;
  value: string;
  min: number | null;
  max: number | null;
}

export interface BuildInput {
  pool: PoolRow[];
  quotas: QuotaRow[];
  panelSize: number;
  onePerHousehold: boolean;
  /** Codes that must be on every panel (replacements: the confirmed people). */
  fixed?: string[];
}

export interface BuiltInstance {
  instance: SelectionInstance;
  /** The canonical JSON text the hash is taken of. */
  canonical: string;
  inputHash: string;
  /** Features that carry at least one quota, in code-unit order. */
  quotaFeatures: string[];
  /** Codes of candidates lacking a value for a quota feature, with the features they lack. */
  missing: { code: string; features: string[] }[];
}

/** Code-unit order: the same on every machine and locale. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A value's quota is set when its minimum or its maximum is: a missing minimum is 0 and a
 * missing maximum is the panel size. Values of a quota feature without either constrain nothing.
 */
export function quotasOf(rows: readonly QuotaRow[], panelSize: number): Quota[] {
  return rows
    .filter((q) => q.min !== null || q.max !== null)
    .map((q) => ({ feature: q.feature, value: q.value, min: q.min ?? 0, max: q.max ?? panelSize }))
    .sort((a, b) => compare(a.feature, b.feature) || compare(a.value, b.value));
}

export function buildInstance(input: BuildInput): BuiltInstance {
  const quotas = quotasOf(input.quotas, input.panelSize);
  const quotaFeatures = [...new Set(quotas.map((q) => q.feature))].sort(compare);
  const pool = [...input.pool].sort((a, b) => compare(a.code, b.code));

  const householdNumbers = new Map<string, number>();
  const missing: BuiltInstance['missing'] = [];
  const candidates: Candidate[] = pool.map((row) => {
    const features: Record<string, string> = {};
    const lacking: string[] = [];
    for (const f of quotaFeatures) {
      const value = row.features[f];
      if (value === undefined || value === '') lacking.push(f);
      else features[f] = value;
    }
    if (lacking.length > 0) missing.push({ code: row.code, features: lacking });
    let household: string | null = null;
    if (row.household !== null && row.household !== '') {
      let n = householdNumbers.get(row.household);
      if (n === undefined) householdNumbers.set(row.household, (n = householdNumbers.size + 1));
      household = String(n);
    }
    return { id: row.code, features, household };
  });

  const fixed = [...new Set(input.fixed ?? [])].sort(compare);
  const instance: SelectionInstance = {
    candidates,
    panelSize: input.panelSize,
    quotas,
    onePerHousehold: input.onePerHousehold,
    ...(fixed.length > 0 ? { fixed } : {}),
  };
  const canonical = canonicalInstance(instance);
  return { instance, canonical, inputHash: sha256(canonical), quotaFeatures, missing };
}

/**
 * The canonical JSON text of an instance: candidates by code, each with its quota features in
 * name order and its household number; quotas by feature and value; then panel size, the
 * household rule and the fixed codes. Keys are always written in the same order.
 */
export function canonicalInstance(instance: SelectionInstance): string {
  const candidates = [...instance.candidates]
    .sort((a, b) => compare(a.id, b.id))
    .map((c) => [c.id, Object.keys(c.features).sort(compare).map((f) => [f, c.features[f]!]), c.household]);
  const quotas = [...instance.quotas]
    .sort((a, b) => compare(a.feature, b.feature) || compare(a.value, b.value))
    .map((q) => [q.feature, q.value, q.min, q.max]);
  return JSON.stringify({
    format: 1,
    candidates,
    quotas,
    panelSize: instance.panelSize,
    onePerHousehold: instance.onePerHousehold,
    fixed: [...(instance.fixed ?? [])].sort(compare),
  });
}

/**
 * The instance a canonical JSON text describes (the inverse of canonicalInstance), for checking a
 * legacy draw from its published input. A text that is not such a document: an Error saying what
 * is wrong.
 */
export function parseCanonicalInstance(text: string): SelectionInstance {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new Error('The input document is not JSON.');
  }
  const d = doc as { format?: unknown; candidates?: unknown; quotas?: unknown; panelSize?: unknown; onePerHousehold?: unknown; fixed?: unknown };
  if (typeof d !== 'object' || d === null || d.format !== 1) throw new Error('The input document is not a selection input (format 1).');
  const isText = (x: unknown): x is string => typeof x === 'string';
  if (!Array.isArray(d.candidates) || !Array.isArray(d.quotas) || !Number.isInteger(d.panelSize) || typeof d.onePerHousehold !== 'boolean') {
    throw new Error('The input document lacks its candidates, quotas, panel size or household rule.');
  }
  const candidates: Candidate[] = d.candidates.map((c: unknown, i: number) => {
    const [id, features, household] = Array.isArray(c) ? (c as unknown[]) : [];
    if (!isText(id) || !Array.isArray(features) || !(household === null || isText(household))) throw new Error(`Candidate ${i + 1} of the input document is not [code, features, household].`);
    const pairs = features as unknown[];
    if (!pairs.every((f) => Array.isArray(f) && f.length === 2 && isText(f[0]) && isText(f[1]))) throw new Error(`The features of candidate ${id} are not [name, value] pairs.`);
    return { id, features: Object.fromEntries(pairs as [string, string][]), household };
  });
  const quotas: Quota[] = d.quotas.map((q: unknown, i: number) => {
    const [feature, value, min, max] = Array.isArray(q) ? (q as unknown[]) : [];
    if (!isText(feature) || !isText(value) || !Number.isInteger(min) || !Number.isInteger(max)) throw new Error(`Quota ${i + 1} of the input document is not [feature, value, min, max].`);
    return { feature, value, min: min as number, max: max as number };
  });
  const fixed = Array.isArray(d.fixed) && d.fixed.every(isText) ? (d.fixed as string[]) : [];
  return { candidates, quotas, panelSize: d.panelSize as number, onePerHousehold: d.onePerHousehold, ...(fixed.length > 0 ? { fixed } : {}) };
}

/** min, mean, max and the Gini coefficient of the per-person probabilities. */
export function probabilitySummary(probabilities: Record<string, number>): { count: number; min: number; mean: number; max: number; gini: number } {
  const values = Object.values(probabilities).sort((a, b) => a - b);
  const n = values.length;
  if (n === 0) return { count: 0, min: 0, mean: 0, max: 0, gini: 0 };
  const total = values.reduce((s, v) => s + v, 0);
  // Gini over the sorted values: (2·Σ i·x_i) / (n·Σ x) − (n + 1) / n, i from 1.
  const weighted = values.reduce((s, v, i) => s + (i + 1) * v, 0);
  const gini = total > 0 ? (2 * weighted) / (n * total) - (n + 1) / n : 0;
  return { count: n, min: values[0]!, mean: total / n, max: values[n - 1]!, gini: Math.max(0, gini) };
}

/**
 * The reserve list: everyone in the instance not on the panel, in the order of a seeded shuffle
 * (Fisher–Yates with the sfc32 source of main/domain/random.ts, seeded with the given text) of their
 * codes in code-unit order. Anyone with the codes and the seed can redo it.
 */
export function reserveOrder(codes: readonly string[], panel: readonly string[], shuffle: (items: string[]) => string[]): string[] {
  const onPanel = new Set(panel);
  return shuffle(codes.filter((c) => !onPanel.has(c)).sort(compare));
}
