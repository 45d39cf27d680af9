/**
 * Pairing rules of the venue link, as pure functions over plain data (no clock, no random
 * source of their own: both are given). The host shows a short code; a station types it (or
 * scans the QR code) to ask to join; the host then approves the device with a role.
 */
import type { StationRole } from '../../../preload/vocabulary';
import type { VenueDeviceStatus } from './types';
import { STATION_ROLES } from '../../../preload/vocabulary';

/** Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V). */
export const CODE_ALPHABET = '34679ACDEFGHJKMNPQRTWXY';
export const CODE_LENGTH = 8;
export const CODE_VALID_MS = 5 * 60 * 1000;
/** Wrong codes in a row (from one address) before pairing locks for that address, and for how long. */
export const MAX_WRONG_CODES = 5;
export const LOCK_MS = 60 * 1000;
/**
 * Addresses whose wrong attempts are remembered at once. Past this, the address least recently
 * heard from is forgotten: the memory a flood of addresses can take is bounded, and forgetting
 * only ever gives an address its five attempts back (see PairingLocks).
 */
export const MAX_TRACKED_ADDRESSES = 1024;

/** A code from random bytes (one byte per character, rejection sampling: no bias). */
export function codeFromBytes(bytes: Uint8Array): string | null {
  const limit = 256 - (256 % CODE_ALPHABET.length);
  let code = '';
  for (const b of bytes) {
    if (b >= limit) continue;
    code += CODE_ALPHABET[b % CODE_ALPHABET.length];
    if (code.length === CODE_LENGTH) return code;
  }
  return null;
}

/** What a person typed, as a code: case, spaces and dashes do not matter. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, '');
}

/** Shown as two groups of four, easier to read aloud: "AC3F-9KXP". */
export const formatCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

export interface PairingCodeState {
  /** SHA-256 of the code (hex): the code itself is not kept. */
  codeHash: string;
  expiresAt: number;
  used: boolean;
}

export interface PairingLockState {
  wrongInARow: number;
  lockedUntil: number | null;
}

export const UNLOCKED: PairingLockState = { wrongInARow: 0, lockedUntil: null };

export type CodeVerdict = 'ok' | 'locked' | 'wrong' | 'expired' | 'used';

/**
 * Checks a join attempt against the live codes (matched by hash) and the lock. Expired and used
 * codes count as wrong attempts too: a guesser learns nothing from the difference but the person
 * at the station gets the right sentence.
 */
export function judgeCode(
  codes: readonly PairingCodeState[],
  lock: PairingLockState,
  givenHash: string,
  now: number,
): { verdict: CodeVerdict; code: PairingCodeState | null; lock: PairingLockState } {
  if (lock.lockedUntil !== null && now < lock.lockedUntil) return { verdict: 'locked', code: null, lock };
  const live = lock.lockedUntil !== null ? UNLOCKED : lock;
  const code = codes.find((c) => c.codeHash === givenHash) ?? null;
  const verdict: CodeVerdict = !code ? 'wrong' : code.used ? 'used' : now >= code.expiresAt ? 'expired' : 'ok';
  if (verdict === 'ok') return { verdict, code, lock: UNLOCKED };
  const wrongInARow = live.wrongInARow + 1;
  return {
    verdict,
    code,
    lock: wrongInARow >= MAX_WRONG_CODES ? { wrongInARow: 0, lockedUntil: now + LOCK_MS } : { wrongInARow, lockedUntil: null },
  };
}

export function verdictMessage(verdict: Exclude<CodeVerdict, 'ok'>): string {
  switch (verdict) {
    case 'locked':
      return 'Too many wrong pairing codes from this device: its pairing is paused for a minute. Check the code on the host laptop, then try again.';
    case 'expired':
      return 'This pairing code has expired (codes are valid 5 minutes): ask the host for a new one.';
    case 'used':
      return 'This pairing code has already been used: each code pairs one device. Ask the host for a new one.';
    case 'wrong':
      return 'This is not a pairing code of this host: check the code shown on the host laptop.';
  }
}

export const isStationRole = (role: string): role is StationRole => (STATION_ROLES as readonly string[]).includes(role);

/** Which status changes the host may make: approve a pending (or re-role an approved) device, revoke any. */
export function canApprove(status: VenueDeviceStatus): boolean {
  return status === 'pending' || status === 'approved';
}

/** Drops codes that expired or were used a while ago (kept briefly so a reuse gets the right sentence). */
export function pruneCodes<T extends PairingCodeState>(codes: readonly T[], now: number): T[] {
  return codes.filter((c) => now < c.expiresAt + CODE_VALID_MS);
}

/**
 * The lock per remote address (the TLS socket's), not one lock for everyone: with a single lock,
 * anyone on the venue Wi-Fi (shared with the citizens) could keep pairing paused for every desk
 * by typing five wrong codes a minute. Per address, a guesser only locks itself out.
 *
 * Why a guesser who changes addresses gains nothing worth locking everyone for: a code is 8
 * characters from 23 (23^8, about 7.8e10 codes), valid 5 minutes and single use, and only the few
 * codes the host made in those minutes are live. Even 1000 addresses at 5 guesses a minute each
 * make 25,000 guesses in a code's life: a chance of about 3 in 10 million of hitting it, and a
 * device that gets in is still only pending until a person at the host approves it.
 * Addresses are taken whole, IPv6 too: grouping by /64 would put every device of the venue's
 * network under one lock again.
 */
export class PairingLocks {
  /** Insertion order is recency: an address is moved to the end whenever it is judged. */
  private readonly byAddress = new Map<string, PairingLockState>();

  constructor(private readonly maxAddresses = MAX_TRACKED_ADDRESSES) {}

  get(address: string): PairingLockState {
    return this.byAddress.get(address) ?? UNLOCKED;
  }

  set(address: string, lock: PairingLockState): void {
    this.byAddress.delete(address);
    // A clean slate needs no memory (a success, or a lock that has run out).
    if (lock.wrongInARow === 0 && lock.lockedUntil === null) return;
    this.byAddress.set(address, lock);
    while (this.byAddress.size > this.maxAddresses) this.byAddress.delete(this.byAddress.keys().next().value!);
  }

  get size(): number {
    return this.byAddress.size;
  }

  /** The addresses locked at `now`, with until when (the host's venue panel shows them). */
  locked(now: number): { address: string; until: number }[] {
    return [...this.byAddress].filter(([, l]) => l.lockedUntil !== null && now < l.lockedUntil).map(([address, l]) => ({ address, until: l.lockedUntil! }));
  }
}
