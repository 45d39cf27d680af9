import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_LENGTH, CODE_VALID_MS, LOCK_MS, MAX_WRONG_CODES, UNLOCKED, codeFromBytes, formatCode, judgeCode, normaliseCode, pruneCodes, PairingLocks, type PairingLockState } from '../../main/domain/venue/pairing';

describe('pairing codes', () => {
  it('uses no look-alike characters and no biased bytes', () => {
    for (const c of '0O1IL2Z5S8BUV') expect(CODE_ALPHABET).not.toContain(c);
    const bytes = Uint8Array.from({ length: 64 }, (_, i) => (i * 37) % 256);
    const code = codeFromBytes(bytes)!;
    expect(code).toHaveLength(CODE_LENGTH);
    expect([...code].every((c) => CODE_ALPHABET.includes(c))).toBe(true);
    // Bytes past the last whole multiple of the alphabet are skipped, never folded in.
    expect(codeFromBytes(new Uint8Array(32).fill(255))).toBeNull();
    expect(formatCode('ACDEFGHJ')).toBe('ACDE-FGHJ');
    expect(normaliseCode(' acde-fghj ')).toBe('ACDEFGHJ');
  });

  it('accepts a live code once, tells expired, used and wrong apart, and locks after too many misses', () => {
    const now = 1_000_000;
    const codes = [{ codeHash: 'live', expiresAt: now + CODE_VALID_MS, used: false }, { codeHash: 'old', expiresAt: now - 1, used: false }, { codeHash: 'spent', expiresAt: now + 10, used: true }];
    expect(judgeCode(codes, UNLOCKED, 'live', now).verdict).toBe('ok');
    expect(judgeCode(codes, UNLOCKED, 'old', now).verdict).toBe('expired');
    expect(judgeCode(codes, UNLOCKED, 'spent', now).verdict).toBe('used');
    let lock: PairingLockState = UNLOCKED;
    for (let i = 0; i < MAX_WRONG_CODES; i++) lock = judgeCode(codes, lock, 'guess', now).lock;
    expect(lock.lockedUntil).toBe(now + LOCK_MS);
    expect(judgeCode(codes, lock, 'live', now + LOCK_MS - 1).verdict).toBe('locked');
    const after = judgeCode(codes, lock, 'live', now + LOCK_MS);
    expect(after.verdict).toBe('ok');
    expect(after.lock).toEqual(UNLOCKED);
    expect(pruneCodes(codes, now + 2 * CODE_VALID_MS).map((c) => c.codeHash)).toEqual([]);
  });

  it('locks per address: five misses from one address leave another free, and at most a bounded number of addresses is remembered', () => {
    const now = 1_000_000;
    const codes = [{ codeHash: 'live', expiresAt: now + CODE_VALID_MS, used: false }];
    const locks = new PairingLocks(3);
    const attempt = (address: string, hash: string) => {
      const judged = judgeCode(codes, locks.get(address), hash, now);
      locks.set(address, judged.lock);
      return judged.verdict;
    };
    for (let i = 0; i < MAX_WRONG_CODES; i++) attempt('10.0.0.66', 'guess');
    expect(attempt('10.0.0.66', 'live')).toBe('locked');
    expect(locks.locked(now)).toEqual([{ address: '10.0.0.66', until: now + LOCK_MS }]);
    expect(attempt('10.0.0.12', 'live')).toBe('ok');
    // A success leaves nothing to remember.
    expect(locks.size).toBe(1);
    // A flood of addresses: the least recently heard from is forgotten first (its attempts come back), memory stays bounded.
    for (const a of ['10.0.1.1', '10.0.1.2', '10.0.1.3']) attempt(a, 'guess');
    expect(locks.size).toBe(3);
    expect(locks.get('10.0.0.66')).toEqual(UNLOCKED);
    expect(locks.get('10.0.1.3')).toEqual({ wrongInARow: 1, lockedUntil: null });
  });
});
