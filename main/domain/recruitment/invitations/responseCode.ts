/**
 * Personal response codes printed on invitation letters and typed back by the phone team, the
 * person entering paper reply cards, or a scanner. Seven characters from the badge alphabet
 * (no 0/O, 1/I/L, 2/Z, 5/S, 8/B) and a check character, shown as "XXXX-XXXX".
 *
 * The check character is Luhn mod N over the 24-character alphabet: it catches every single
 * mistyped character and every swap of two neighbouring characters, so a typo is refused as
 * "not a valid code" instead of answering for somebody else's letter. 24^7 ≈ 4.6 billion codes:
 * guessing a valid one that was sent is hopeless at the scale of 30,000 letters.
 */
import { CODE_CHARACTERS } from '../codes';

export const RESPONSE_CODE_BODY = 7;
export const RESPONSE_CODE_LENGTH = RESPONSE_CODE_BODY + 1;

const N = CODE_CHARACTERS.length;
const INDEX = new Map(CODE_CHARACTERS.map((c, i) => [c, i] as const));

/** Luhn mod N: every second character from the right doubled (digit sum in base N). */
export function checkCharacter(body: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    const value = INDEX.get(body[i]!);
    if (value === undefined) throw new RangeError(`checkCharacter: "${body[i]}" is not in the code alphabet`);
    let addend = factor * value;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return CODE_CHARACTERS[(N - (sum % N)) % N]!;
}

/** A new code from `pick` (one alphabet character per call), not in `taken` (which it then joins). */
export function newResponseCode(pick: (characters: readonly string[]) => string, taken: Set<string>): string {
  for (;;) {
    let body = '';
    for (let i = 0; i < RESPONSE_CODE_BODY; i++) body += pick(CODE_CHARACTERS);
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
