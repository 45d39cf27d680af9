import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_LENGTH, CODE_VALID_MS, LOCK_MS, MAX_WRONG_CODES, UNLOCKED, codeFromBytes, formatCode, judgeCode, normaliseCode, pruneCodes, type PairingLockState } from '../../main/domain/venue/pairing';

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
});
