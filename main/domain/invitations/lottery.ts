/**
 * The invitation lottery: which residents of the register extract get a letter.
 *
 * - Uniform: N residents (or addresses), each equally likely.
 * - Stratified by municipality, postcode area, age band or gender: each group gets letters in
 *   proportion to its size in the register, times an optional over-sampling factor for groups
 *   known to answer less (a factor of 1.2 sends that group 20 % more letters per resident than
 *   the others). The quotas are rounded by the largest-remainder (Hamilton) method, so they add
 *   up to exactly N and each is within one letter of its exact share; a group smaller than its
 *   share gets all its residents and the rest is shared out again among the others.
 * - One letter per address: each address (the household key of the respondent pool's rule) is
 *   first represented by one of its residents, picked at random; the lottery then draws among
 *   those representatives, so every address has the same chance whatever its number of residents.
 *
 * Everything is a pure function of the register (in its canonical order), the parameters and the
 * seed: anyone holding the same extract redoes the draw and checks the published hash.
 */
import { hash } from 'node:crypto';
import { createRandom, type Seed } from '../random';
import type { GroupAllocation, InvitationParams, InvitationRecord, RegisterResident } from './types';

export type { GroupAllocation, InvitationParams, InvitationRecord };
import { ageBand, genderGroup, municipalityGroup, municipalityKey, postcodeArea } from './groups';

export const INVITATION_ALGORITHM_VERSION = 'invitations-1';

export interface InvitationDraw {
  allocation: GroupAllocation[];
  /** Register positions drawn, in draw order (groups in order, then the order drawn). */
  positions: number[];
  /** The group of each drawn position (same order). */
  strata: string[];
  /** SHA-256 of the positions in draw order: the published result. */
  drawnHash: string;
}

export class InvitationDrawError extends Error {
  override readonly name = 'InvitationDrawError';
  constructor(
    readonly rule: 'tooMany' | 'badSize' | 'badFactor' | 'unknownGroup' | 'emptyRegister',
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

/** Code-unit order: the same on every machine and locale. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function sha256(text: string): string {
  return hash('sha256', text, 'hex');
}

/**
 * SHA-256 of the register as the lottery sees it: one JSON line per resident, in register order,
 * with the fields that steer a draw (address key, municipality, postcode, birth year, gender).
 * Names are left out: they decide nothing, and the hash is published.
 */
export function registerHash(register: readonly RegisterResident[]): string {
  const lines = register.map((r) => JSON.stringify([r.position, r.householdKey, r.city, r.postcode, r.birthYear, r.gender]));
  return sha256(`${INVITATION_ALGORITHM_VERSION}\n${lines.join('\n')}\n`);
}

export function drawnHash(positions: readonly number[]): string {
  return sha256(`${positions.join('\n')}\n`);
}

/** The group a resident is drawn in. Municipalities are grouped case- and accent-insensitively. */
export function stratumOf(r: RegisterResident, params: Pick<InvitationParams, 'stratifyBy' | 'referenceYear'>): string {
  switch (params.stratifyBy) {
    case 'none':
      return 'all';
    case 'municipality':
      return municipalityKey(r.city);
    case 'postcodeArea':
      return postcodeArea(r.postcode);
    case 'ageBand':
      return ageBand(r.birthYear, params.referenceYear);
    case 'gender':
      return genderGroup(r.gender);
  }
}

/**
 * stratumOf with the municipality worked out once per distinct spelling: a register repeats a
 * few hundred names over 200,000 rows, and folding them (accents, case) is most of a draw's time.
 */
function stratumReader(params: Pick<InvitationParams, 'stratifyBy' | 'referenceYear'>): (r: RegisterResident) => string {
  if (params.stratifyBy !== 'municipality') return (r) => stratumOf(r, params);
  const byCity = new Map<string | null, string>();
  return (r) => {
    let key = byCity.get(r.city);
    if (key === undefined) byCity.set(r.city, (key = municipalityKey(r.city)));
    return key;
  };
}

/** The group's name as shown (a municipality's first spelling in the register). */
function stratumLabels(register: readonly RegisterResident[], params: InvitationParams): Map<string, string> {
  const labels = new Map<string, string>();
  const stratum = stratumReader(params);
  for (const r of register) {
    const key = stratum(r);
    if (!labels.has(key)) labels.set(key, params.stratifyBy === 'municipality' ? municipalityGroup(r.city) : key);
  }
  return labels;
}

/**
 * Largest-remainder (Hamilton) apportionment of `size` over groups weighted population × factor,
 * no group above its population. Remainders tie-break by the larger population, then the group's
 * name, so the result is the same everywhere.
 */
export function allocate(groups: readonly { group: string; population: number; factor: number }[], size: number): GroupAllocation[] {
  const total = groups.reduce((s, g) => s + g.population, 0);
  if (!Number.isInteger(size) || size < 1) throw new InvitationDrawError('badSize', `The number of letters must be a whole number of at least 1; got ${size}.`, { size });
  if (size > total) {
    throw new InvitationDrawError('tooMany', `${size} letters were asked for, but the register has only ${total} ${total === 1 ? 'resident' : 'residents'} (or addresses) to draw from.`, { size, available: total });
  }
  for (const g of groups) {
    if (!(g.factor > 0) || !Number.isFinite(g.factor)) {
      throw new InvitationDrawError('badFactor', `The over-sampling factor of "${g.group}" must be a number above 0; got ${g.factor}.`, { group: g.group, factor: g.factor });
    }
  }
  const quota = new Map<string, number>();
  const exact = new Map<string, number>();
  let open = groups.filter((g) => g.population > 0);
  let remaining = size;
  // Groups whose share exceeds their population are capped, and the rest is shared again.
  for (;;) {
    const weight = open.reduce((s, g) => s + g.population * g.factor, 0);
    const capped = open.filter((g) => (remaining * g.population * g.factor) / weight >= g.population);
    if (capped.length === 0) {
      for (const g of open) exact.set(g.group, (remaining * g.population * g.factor) / weight);
      break;
    }
    for (const g of capped) {
      quota.set(g.group, g.population);
      exact.set(g.group, g.population);
      remaining -= g.population;
    }
    open = open.filter((g) => !capped.includes(g));
    if (open.length === 0 || remaining === 0) break;
  }
  const floors = open.map((g) => ({ g, floor: Math.floor(exact.get(g.group) ?? 0), rest: (exact.get(g.group) ?? 0) % 1 }));
  let left = remaining - floors.reduce((s, f) => s + f.floor, 0);
  floors.sort((a, b) => b.rest - a.rest || b.g.population - a.g.population || compareText(a.g.group, b.g.group));
  for (const f of floors) {
    const extra = left > 0 && f.floor < f.g.population ? 1 : 0;
    left -= extra;
    quota.set(f.g.group, f.floor + extra);
  }
  return groups.map((g) => ({ group: g.group, population: g.population, factor: g.factor, exact: exact.get(g.group) ?? 0, quota: quota.get(g.group) ?? 0 }));
}

/**
 * The residents who can be drawn: everyone, or with one letter per address one resident of each
 * address (picked with the seed's "address" stream). Residents without an address key count as
 * an address of their own: the rule must not merge people whose address could not be read.
 */
export function drawableResidents(register: readonly RegisterResident[], onePerAddress: boolean, seed: Seed): RegisterResident[] {
  if (!onePerAddress) return [...register];
  const random = createRandom(`${String(seed)}|address`);
  // Addresses in the order of their first resident (a Map keeps insertion order), so the picks
  // happen in register order; a resident without an address key is an address of their own.
  const units = new Map<string | number, RegisterResident | RegisterResident[]>();
  for (const r of register) {
    const key = r.householdKey ?? r.position;
    const seen = units.get(key);
    if (seen === undefined) units.set(key, r);
    else if (Array.isArray(seen)) seen.push(r);
    else units.set(key, [seen, r]);
  }
  const out: RegisterResident[] = [];
  for (const unit of units.values()) out.push(Array.isArray(unit) ? random.pick(unit) : unit);
  return out;
}

/** Draws the letters. Throws InvitationDrawError for an impossible request. */
export function drawInvitations(register: readonly RegisterResident[], params: InvitationParams, seed: Seed): InvitationDraw {
  if (register.length === 0) throw new InvitationDrawError('emptyRegister', 'The register extract is empty: import it first.');
  // An additional batch leaves out those already invited, and with one letter per address their
  // whole address.
  const excluded = new Set(params.excluded ?? []);
  const excludedAddresses = new Set(params.onePerAddress ? register.filter((r) => excluded.has(r.position) && r.householdKey !== null).map((r) => r.householdKey) : []);
  const open = excluded.size > 0 ? register.filter((r) => !excluded.has(r.position) && !(r.householdKey !== null && excludedAddresses.has(r.householdKey))) : register;
  if (open.length === 0) throw new InvitationDrawError('tooMany', 'Everyone in the register already has a letter.', { size: params.size, available: 0 });
  const residents = drawableResidents(open, params.onePerAddress, seed);
  const labels = stratumLabels(register, params);
  const members = new Map<string, RegisterResident[]>();
  const stratum = stratumReader(params);
  for (const r of residents) {
    const key = stratum(r);
    const list = members.get(key);
    if (list) list.push(r);
    else members.set(key, [r]);
  }
  const keys = [...members.keys()].sort(compareText);
  const factorOf = new Map<string, number>();
  for (const [group, factor] of Object.entries(params.oversampling)) {
    const key = params.stratifyBy === 'municipality' && group !== '?' ? municipalityKey(group) : group;
    if (!members.has(key)) {
      throw new InvitationDrawError('unknownGroup', `The over-sampling factor names "${group}", which is not a group of the register (${keys.map((k) => labels.get(k) ?? k).join(', ')}).`, { group });
    }
    factorOf.set(key, factor);
  }
  const allocation = allocate(
    keys.map((k) => ({ group: k, population: members.get(k)!.length, factor: factorOf.get(k) ?? 1 })),
    params.size,
  );
  const random = createRandom(`${String(seed)}|draw`);
  const positions: number[] = [];
  const strata: string[] = [];
  for (const a of allocation) {
    // A partial Fisher–Yates shuffle: the first `quota` places are a uniform sample in draw order.
    const list = members.get(a.group)!.map((r) => r.position);
    for (let i = 0; i < a.quota; i++) {
      const j = i + Math.floor(random.next() * (list.length - i));
      [list[i], list[j]] = [list[j]!, list[i]!];
      positions.push(list[i]!);
      strata.push(labels.get(a.group) ?? a.group);
    }
  }
  return {
    allocation: allocation.map((a) => ({ ...a, group: labels.get(a.group) ?? a.group })),
    positions,
    strata,
    drawnHash: drawnHash(positions),
  };
}

export function invitationRecord(register: readonly RegisterResident[], params: InvitationParams, seed: string, draw: InvitationDraw): InvitationRecord {
  return {
    algorithm: INVITATION_ALGORITHM_VERSION,
    registerHash: registerHash(register),
    registerSize: register.length,
    params,
    seed,
    allocation: draw.allocation.map(({ group, population, factor, quota }) => ({ group, population, factor, quota })),
    letters: draw.positions.length,
    drawnHash: draw.drawnHash,
  };
}

/**
 * Draws again from the register and compares with a published record: the register's hash, the
 * allocation and the drawn list's hash. Each difference is one sentence in `problems`.
 */
export function verifyInvitationRecord(register: readonly RegisterResident[], record: InvitationRecord): { ok: boolean; problems: string[] } {
  const problems: string[] = [];
  if (record.algorithm !== INVITATION_ALGORITHM_VERSION) problems.push(`The record was made by ${record.algorithm}; this check knows ${INVITATION_ALGORITHM_VERSION}.`);
  const actualHash = registerHash(register);
  if (actualHash !== record.registerHash) problems.push(`The register's hash is ${actualHash}, not the published ${record.registerHash}: this is not the same extract.`);
  let draw: InvitationDraw;
  try {
    draw = drawInvitations(register, record.params, record.seed);
  } catch (e) {
    problems.push(`The draw cannot be redone: ${(e as Error).message}`);
    return { ok: false, problems };
  }
  const allocation = draw.allocation.map(({ group, population, factor, quota }) => ({ group, population, factor, quota }));
  if (JSON.stringify(allocation) !== JSON.stringify(record.allocation)) problems.push('The letters per group differ from the published allocation.');
  if (draw.drawnHash !== record.drawnHash) problems.push(`Drawn again, the list's hash is ${draw.drawnHash}, not the published ${record.drawnHash}.`);
  return { ok: problems.length === 0, problems };
}
