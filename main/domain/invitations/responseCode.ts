/**
 * Personal response codes printed on invitation letters and typed back by the phone team, the
 * person entering paper reply cards, or a scanner. Seven characters and a check character, shown
 * as "XXXX-XXXX", from the badge alphabet (no 0/O, 1/I/L, 2/Z, 5/S, 8/B) less V (read as U in
 * handwriting): 23 characters, a prime number of them.
 *
 * The check is a weighted sum modulo 23: Σ (i+1)·value(c_i) ≡ 0 over the eight characters.
 * The weights 1..8 are distinct and non-zero modulo the prime 23, so every single mistyped
 * character and every swap of two neighbouring characters changes the sum: a typo is refused as
 * "not a valid code" instead of answering for somebody else's letter. (Luhn mod 24 would miss
 * some swaps: 24 is not prime.) 23^7 ≈ 3.4 billion codes: guessing one that was sent is hopeless
 * at the scale of 30,000 letters.
 */
import { CODE_CHARACTERS as BADGE_CHARACTERS } from '../recruitment/codes';

export const RESPONSE_CODE_CHARACTERS: readonly string[] = BADGE_CHARACTERS.filter((c) => c !== 'V');
export const RESPONSE_CODE_BODY = 7;
export const RESPONSE_CODE_LENGTH = RESPONSE_CODE_BODY + 1;

const N = RESPONSE_CODE_CHARACTERS.length; // 23
const INDEX = new Map(RESPONSE_CODE_CHARACTERS.map((c, i) => [c, i] as const));

/** The character that makes Σ (i+1)·value ≡ 0 (mod 23) over the body and itself (weight 8). */
export function checkCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const value = INDEX.get(body[i]!);
    if (value === undefined) throw new RangeError(`checkCharacter: "${body[i]}" is not in the code alphabet`);
    sum += (i + 1) * value;
  }
  const weight = body.length + 1;
  // value·weight ≡ −sum (mod 23): try the 23 values (the inverse by search, clearer than Fermat).
  for (let v = 0; v < N; v++) if ((sum + weight * v) % N === 0) return RESPONSE_CODE_CHARACTERS[v]!;
  throw new RangeError('checkCharacter: unreachable (23 is prime)');
}

/** A new code from `pick` (one alphabet character per call), not in `taken` (which it then joins). */
export function newResponseCode(pick: (characters: readonly string[]) => string, taken: Set<string>): string {
  for (;;) {
    let body = '';
    for (let i = 0; i < RESPONSE_CODE_BODY; i++) body += pick(RESPONSE_CODE_CHARACTERS);
    const code = body + checkCharacter(body);
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

/** "ABCDEFGH" -> "ABCD-EFGH", as printed on the letter. */
export function formatResponseCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export type CodeReading =
  | { ok: true; code: string }
  | { ok: false; reason: 'empty' | 'length' | 'character' | 'check'; character?: string };

/**
 * What was typed or scanned, read as a code: case, spaces and dashes do not matter. Refuses a
 * wrong length, a character outside the alphabet (naming it) and a wrong check character.
 */
export function readResponseCode(typed: string): CodeReading {
  const code = typed.toUpperCase().replace(/[\s\-–.]+/g, '');
  if (code === '') return { ok: false, reason: 'empty' };
  if (code.length !== RESPONSE_CODE_LENGTH) return { ok: false, reason: 'length' };
  for (const c of code) if (!INDEX.has(c)) return { ok: false, reason: 'character', character: c };
  if (checkCharacter(code.slice(0, RESPONSE_CODE_BODY)) !== code[RESPONSE_CODE_BODY]) return { ok: false, reason: 'check' };
  return { ok: true, code };
}
