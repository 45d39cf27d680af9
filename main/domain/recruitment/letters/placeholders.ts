/**
 * Placeholders in the letter texts: `{name}` and the like, replaced per letter. A text is
 * checked when it is saved: a placeholder the app does not know (`{nmae}`) or a brace left open
 * would print as such on thousands of letters, so each is refused with its name and line.
 */

/** Every placeholder, in the order the editor lists them. */
export const PLACEHOLDERS = ['name', 'code', 'deadline', 'contact', 'assembly', 'url', 'date'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export type PlaceholderValues = Record<Placeholder, string>;

export interface PlaceholderProblem {
  /** unknown: `{word}` that is no placeholder; unclosed: `{` without `}`; stray: `}` without `{`. */
  kind: 'unknown' | 'unclosed' | 'stray';
  /** What was written, as it appears in the text (`{nmae}`, `{name`, `}`). */
  found: string;
  /** 1-based line of the text. */
  line: number;
}

const isPlaceholder = (word: string): word is Placeholder => (PLACEHOLDERS as readonly string[]).includes(word);

/**
 * Every problem of a text's placeholders, in reading order. A placeholder is `{` + a word + `}`;
 * its name is case-sensitive and written without spaces (`{Name}` and `{ name }` are unknown).
 */
export function placeholderProblems(text: string): PlaceholderProblem[] {
  const problems: PlaceholderProblem[] = [];
  const lines = text.split('\n');
  lines.forEach((lineText, i) => {
    let pos = 0;
    while (pos < lineText.length) {
      const open = lineText.indexOf('{', pos);
      const close = lineText.indexOf('}', pos);
      if (open === -1 && close === -1) break;
      if (close !== -1 && (open === -1 || close < open)) {
        problems.push({ kind: 'stray', found: '}', line: i + 1 });
        pos = close + 1;
        continue;
      }
      // An opening brace: its placeholder ends at the next closing brace, unless another opens first.
      const end = lineText.indexOf('}', open + 1);
      const nextOpen = lineText.indexOf('{', open + 1);
      if (end === -1 || (nextOpen !== -1 && nextOpen < end)) {
        const stop = nextOpen === -1 ? Math.min(lineText.length, open + 20) : nextOpen;
        problems.push({ kind: 'unclosed', found: lineText.slice(open, stop).trimEnd(), line: i + 1 });
        pos = open + 1;
        continue;
      }
      const word = lineText.slice(open + 1, end);
      if (!isPlaceholder(word)) problems.push({ kind: 'unknown', found: `{${word}}`, line: i + 1 });
      pos = end + 1;
    }
  });
  return problems;
}

/** The placeholders a text uses (known ones only), each once, in order of first use. */
export function placeholdersUsed(text: string): Placeholder[] {
  const used: Placeholder[] = [];
  for (const m of text.matchAll(/\{([^{}\n]*)\}/g)) {
    const word = m[1]!;
    if (isPlaceholder(word) && !used.includes(word)) used.push(word);
  }
  return used;
}

/** The text with each placeholder replaced by its value (a checked text has only known ones). */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(/\{([a-z]+)\}/g, (whole, word: string) => (isPlaceholder(word) ? values[word] : whole));
}

/** A problem in one sentence (English: the API's message; the screen translates by kind). */
export function describeProblem(p: PlaceholderProblem, where: string): string {
  const known = PLACEHOLDERS.map((n) => `{${n}}`).join(', ');
  if (p.kind === 'unknown') return `Unknown placeholder ${p.found} in ${where}, line ${p.line}. The placeholders are ${known}.`;
  if (p.kind === 'unclosed') return `The placeholder starting "${p.found}" in ${where}, line ${p.line}, has no closing brace }.`;
  return `A closing brace } without an opening one in ${where}, line ${p.line}.`;
}
