/**
 * The words of the reports, from the same i18next resources as the UI (renderer/i18n/report.*.json,
 * namespace "report"). A report renders in the language chosen for the document, which need not be
 * the interface's: `reportT(lang)` gives a `t` fixed to that language. Numbers and dates are
 * formatted in code with Intl (the locale is `reportLocale(lang)`).
 */
import i18next, { type TFunction } from 'i18next';
import en from '../../renderer/i18n/report.en.json';
import fr from '../../renderer/i18n/report.fr.json';
import nl from '../../renderer/i18n/report.nl.json';

export type ReportLang = 'nl' | 'fr' | 'en';

export const REPORT_LANGS: readonly ReportLang[] = ['nl', 'fr', 'en'];

/** The report resources per language (namespace "report"). */
export const reportResources = { nl: { report: nl }, fr: { report: fr }, en: { report: en } } as const;

const LOCALES: Record<ReportLang, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };

/** BCP 47 locale for dates, numbers, sorting and the PDF's /Lang. */
export function reportLocale(lang: ReportLang): string {
  return LOCALES[lang];
}

const instance = i18next.createInstance();
void instance.init({
  resources: reportResources,
  ns: ['report'],
  defaultNS: 'report',
  lng: 'en',
  // No fallback: a missing word shows as its key (and tests/unit/i18n-keys.test.ts fails).
  fallbackLng: false,
  supportedLngs: [...REPORT_LANGS],
  initAsync: false,
  // Reports are PDF, xlsx and CSV, not HTML: values are printed as they are.
  interpolation: { escapeValue: false },
  returnNull: false,
});
// "{{language, lowercase}}": French writes language names in lower case inside a sentence.
instance.services.formatter?.add('lowercase', (value: unknown, lng: string | undefined) => String(value).toLocaleLowerCase(lng));

/** The `t` a report renders with (fixed language, namespace "report"). */
export type ReportT = TFunction<'report'>;

const fixed = new Map<ReportLang, ReportT>();

/** A `t` for one document, fixed to its language. */
export function reportT(lang: ReportLang): ReportT {
  let t = fixed.get(lang);
  if (!t) {
    t = instance.getFixedT(lang, 'report');
    fixed.set(lang, t);
  }
  return t;
}

/** A language code (nl, fr, de, en) as a word in the report's language: "Nederlands", "Néerlandais", "Dutch". */
export function languageName(code: string, lang: ReportLang): string {
  const locale = reportLocale(lang);
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(code);
    if (name && name !== code) return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    // not a language code (free text): printed as it is
  }
  return code;
}

/** Sorts people by last name, then first name, then code, as the report's language sorts. */
export function byLastName<T extends { firstName: string; lastName: string; code: string }>(rows: readonly T[], lang: ReportLang): T[] {
  const collator = new Intl.Collator(reportLocale(lang), { sensitivity: 'base', numeric: true });
  return [...rows].sort(
    (a, b) =>
      collator.compare(a.lastName, b.lastName) ||
      collator.compare(a.firstName, b.firstName) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
