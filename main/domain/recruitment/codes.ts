/**
 * Pseudonymous person codes: printed on badges, used in pseudonymised exports and typed by a
 * badge scanner. Six characters from an alphabet that cannot be misread on paper.
 */

/** Letters and digits that cannot be misread on a badge (no 0/O, 1/I/L, 2/Z, 5/S, 8/B). */
export const CODE_CHARACTERS: readonly string[] = [...'ACDEFGHJKMNPQRTUVWXY3479'];
export const CODE_LENGTH = 6;

/**
 * A code not in `taken` (which it then joins). `pick` chooses one character: seeded in the demo
 * (byte-identical files), cryptographic for real imports (codes must not be guessable in order).
 * 24^6 ≈ 191 million codes: collisions are rare and simply retried.
 */
export function uniqueCode(pick: (characters: readonly string[]) => string, taken: Set<string>): string {
  for (;;) {
    let code = '';
    for (let i = 0; i < CODE_LENGTH; i++) code += pick(CODE_CHARACTERS);
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}
