/**
 * Every word has a translation: the keys the UI uses (t('...') in renderer/), the keys the server
 * sends with its errors (AppError in main/ and db/, and errors.<CODE> for every error code) and
 * the keys the reports use (main/reports/) must exist in nl, fr and en; and the three languages
 * must have the same keys (plural forms apart: each language has the forms its plural rules need).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources } from '../../renderer/i18n';
import { REPORT_LANGS, reportResources } from '../../main/reports/i18n';
import { CONTRIBUTOR_ROLES, PERSON_STATUSES, REPORT_TABLES, SELECTION_ALGORITHMS, SLOT_KINDS } from '../../preload/vocabulary';

type Tree = { [key: string]: unknown };
const ROOT = join(__dirname, '..', '..');
const LANGS = ['nl', 'fr', 'en'] as const;
const PLURAL = /_(zero|one|two|few|many|other)$/;
const ORDINAL = /_ordinal_(zero|one|two|few|many|other)$/;

/** key -> value, dotted, for every string leaf. */
export function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else if (v && typeof v === 'object') flatten(v as Tree, key, out);
  }
  return out;
}

/** The key without its plural suffix. */
const baseOf = (key: string): string => key.replace(ORDINAL, '').replace(PLURAL, '');

/** Does `key` have a translation (itself, or plural forms) in these strings? */
function has(strings: Map<string, string>, key: string): boolean {
  if (strings.has(key)) return true;
  const forms = [...strings.keys()].filter((k) => k !== key && baseOf(k) === key);
  return forms.length > 0;
}

/** Keys present under `prefix.` (for keys built at run time from a known prefix). */
function hasPrefix(strings: Map<string, string>, prefix: string): boolean {
  return [...strings.keys()].some((k) => k.startsWith(`${prefix}.`));
}

function sourceFiles(dir: string, exts: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path, exts));
    else if (exts.test(name)) out.push(path);
  }
  return out;
}

const TS = /\.(ts|tsx)$/;
const read = (path: string) => readFileSync(path, 'utf8');

/** The error codes (a type in preload/contract.ts: read from its text). */
function errorCodes(): string[] {
  const block = /export type ErrorCode =([^;]*);/.exec(read(join(ROOT, 'preload', 'contract.ts')))?.[1] ?? '';
  return [...block.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]!);
}

/** Literal keys passed to t(...) (also i18n.t, and i18nKey props and fields). */
function literalKeys(text: string): string[] {
  const keys: string[] = [];
  for (const m of text.matchAll(/(?<![\w$])t\(\s*(['"])([A-Za-z][\w-]*(?:\.[\w-]+)+)\1/g)) keys.push(m[2]!);
  for (const m of text.matchAll(/i18nKey(?:=|:\s*)(['"])([A-Za-z][\w-]*(?:\.[\w-]+)+)\1/g)) keys.push(m[2]!);
  return keys;
}

/** The known prefix of keys built at run time: t(`agenda.kinds.${kind}`) gives agenda.kinds. */
function templatePrefixes(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![\w$])t\(\s*`([A-Za-z][\w.-]*)\.\$\{/g)) out.push(m[1]!);
  return out;
}

/** The i18n keys the server raises: the fourth argument of new AppError(...), or errors.<code>. */
export function serverErrorKeys(files: string[]): { key: string; where: string }[] {
  const out: { key: string; where: string }[] = [];
  for (const file of files) {
    const text = read(file);
    for (const m of text.matchAll(/new AppError\(/g)) {
      // the call's text, up to its closing parenthesis
      let depth = 0;
      let end = m.index + 'new AppError'.length;
      for (; end < text.length; end++) {
        const ch = text[end];
        if (ch === '(') depth++;
        else if (ch === ')' && --depth === 0) break;
      }
      const call = text.slice(m.index, end + 1);
      const where = `${relative(ROOT, file)}:${text.slice(0, m.index).split('\n').length}`;
      const explicit = /,\s*(['"])([A-Za-z]\w*(?:\.\w+)+)\1\s*,?\s*\)$/.exec(call);
      if (explicit) out.push({ key: explicit[2]!, where });
      else {
        const code = /^new AppError\(\s*(['"])([A-Z_]+)\1/.exec(call);
        if (code) out.push({ key: `errors.${code[2]}`, where });
      }
    }
  }
  return out;
}

const ui = Object.fromEntries(LANGS.map((l) => [l, flatten(resources[l].translation as Tree)])) as Record<(typeof LANGS)[number], Map<string, string>>;
const report = Object.fromEntries(REPORT_LANGS.map((l) => [l, flatten(reportResources[l].report as Tree)])) as Record<(typeof LANGS)[number], Map<string, string>>;

/** Problems with one set of resources: keys missing in a language, plural forms a language lacks. */
function sameKeys(strings: Record<(typeof LANGS)[number], Map<string, string>>): string[] {
  const problems: string[] = [];
  const bases = Object.fromEntries(LANGS.map((l) => [l, new Set([...strings[l].keys()].map(baseOf))])) as Record<(typeof LANGS)[number], Set<string>>;
  const all = new Set(LANGS.flatMap((l) => [...bases[l]]));
  for (const key of all) for (const l of LANGS) if (!bases[l].has(key)) problems.push(`${l}: ${key} is missing`);
  for (const l of LANGS) {
    // The forms a count of people, sessions or items can reach: French "many" starts at a million.
    const reachable = (c: Intl.LDMLPluralRule) => c === 'one' || c === 'other';
    const cardinal = new Intl.PluralRules(l).resolvedOptions().pluralCategories.filter(reachable);
    const ordinal = new Intl.PluralRules(l, { type: 'ordinal' }).resolvedOptions().pluralCategories.filter(reachable);
    const keys = [...strings[l].keys()];
    for (const base of new Set(keys.filter((k) => PLURAL.test(k) && !ORDINAL.test(k)).map(baseOf))) {
      for (const c of cardinal) if (!strings[l].has(`${base}_${c}`)) problems.push(`${l}: ${base}_${c} is missing (plural form)`);
    }
    for (const base of new Set(keys.filter((k) => ORDINAL.test(k)).map(baseOf))) {
      for (const c of ordinal) if (!strings[l].has(`${base}_ordinal_${c}`)) problems.push(`${l}: ${base}_ordinal_${c} is missing (ordinal form)`);
    }
  }
  return problems;
}

describe('translations', () => {
  it('the UI resources have the same keys in nl, fr and en', () => {
    expect(sameKeys(ui)).toEqual([]);
  });

  it('the report resources have the same keys in nl, fr and en', () => {
    expect(sameKeys(report)).toEqual([]);
  });

  it('every key the UI uses has a translation in nl, fr and en', () => {
    const missing: string[] = [];
    const files = sourceFiles(join(ROOT, 'renderer'), TS);
    let used = 0;
    for (const file of files) {
      const text = read(file);
      for (const key of literalKeys(text)) {
        used++;
        for (const l of LANGS) if (!has(ui[l], key)) missing.push(`${l}: ${key} (${relative(ROOT, file)})`);
      }
      for (const prefix of templatePrefixes(text)) for (const l of LANGS) if (!hasPrefix(ui[l], prefix)) missing.push(`${l}: ${prefix}.* (${relative(ROOT, file)})`);
    }
    expect(used).toBeGreaterThan(500);
    expect(missing).toEqual([]);
  });

  it('every error key the server sends has a translation in nl, fr and en', () => {
    const files = [...sourceFiles(join(ROOT, 'main'), TS), ...sourceFiles(join(ROOT, 'db'), TS)];
    const keys = [...serverErrorKeys(files), ...errorCodes().map((code) => ({ key: `errors.${code}`, where: 'ERROR_CODES' }))];
    expect(keys.length).toBeGreaterThan(50);
    const missing = keys.flatMap(({ key, where }) => LANGS.filter((l) => !has(ui[l], key)).map((l) => `${l}: ${key} (${where})`));
    expect(missing).toEqual([]);
  });

  it('every key the reports use has a translation in nl, fr and en', () => {
    const missing: string[] = [];
    let used = 0;
    for (const file of sourceFiles(join(ROOT, 'main', 'reports'), TS)) {
      const text = read(file);
      for (const key of literalKeys(text)) {
        used++;
        for (const l of LANGS) if (!has(report[l], key)) missing.push(`${l}: ${key} (${relative(ROOT, file)})`);
      }
      for (const prefix of templatePrefixes(text)) for (const l of LANGS) if (!hasPrefix(report[l], prefix)) missing.push(`${l}: ${prefix}.* (${relative(ROOT, file)})`);
    }
    expect(used).toBeGreaterThan(300);
    expect(missing).toEqual([]);
  });

  it('the reports have words for every value of the lists they translate', () => {
    const lists: [string, readonly string[]][] = [
      ['agenda.kinds', SLOT_KINDS],
      ['agenda.roles', CONTRIBUTOR_ROLES],
      ['agenda.someone', CONTRIBUTOR_ROLES],
      ['report.sheets', ['about', ...REPORT_TABLES]],
      ['report.statuses', PERSON_STATUSES],
      ['reports.selectionAudit.algorithms', SELECTION_ALGORITHMS],
      ['reports.recommendations.selectionText', SELECTION_ALGORITHMS],
    ];
    const missing = lists.flatMap(([prefix, values]) => values.flatMap((v) => LANGS.filter((l) => !has(report[l], `${prefix}.${v}`)).map((l) => `${l}: ${prefix}.${v}`)));
    expect(missing).toEqual([]);
  });
});
