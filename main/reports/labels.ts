/**
 * The words printed in reports (PDF and, later, Excel), in Dutch, French and English. A small
 * typed dictionary rather than i18next: reports are rendered in the main process, in the
 * language chosen for the document (which need not be the interface's).
 */
export type ReportLang = 'nl' | 'fr' | 'en';

export const REPORT_LANGS: readonly ReportLang[] = ['nl', 'fr', 'en'];

export interface ReportLabels {
  /** BCP 47 locale for dates, sorting and the PDF's /Lang. */
  locale: string;
  page: (current: number, total: number) => string;
  generatedOn: (when: string) => string;
  /** A label before its value: "Datum: ", "Date : " (French puts a space before the colon). */
  field: (label: string) => string;
  badges: {
    title: string;
    code: string;
    language: string;
    table: string;
    /** RangeError message when there is nobody to print a badge for. */
    empty: string;
  };
  signIn: {
    title: string;
    number: string;
    name: string;
    code: string;
    language: string;
    table: string;
    arrival: string;
    signature: string;
    departure: string;
    date: string;
    time: string;
    location: string;
    participants: (n: number) => string;
    /** RangeError message when the session has nobody to sign in. */
    empty: string;
  };
}

const nl: ReportLabels = {
  locale: 'nl-BE',
  page: (x, y) => `pagina ${x} / ${y}`,
  generatedOn: (when) => `Aangemaakt op ${when}`,
  field: (label) => `${label}: `,
  badges: {
    title: 'Naambadges',
    code: 'Code',
    language: 'Taal',
    table: 'Tafel',
    empty: 'Er is niemand om een badge voor te maken: kies eerst deelnemers.',
  },
  signIn: {
    title: 'Aanwezigheidslijst',
    number: 'nr.',
    name: 'Naam',
    code: 'Code',
    language: 'Taal',
    table: 'Tafel',
    arrival: 'Aankomst',
    signature: 'Handtekening',
    departure: 'Vertrek',
    date: 'Datum',
    time: 'Uur',
    location: 'Plaats',
    participants: (n) => (n === 1 ? '1 deelnemer' : `${n} deelnemers`),
    empty: 'Er staat niemand op de lijst van deze sessie: er is geen aanwezigheidslijst te maken.',
  },
};

const fr: ReportLabels = {
  locale: 'fr-BE',
  page: (x, y) => `page ${x} / ${y}`,
  generatedOn: (when) => `Généré le ${when}`,
  field: (label) => `${label}\u00a0: `,
  badges: {
    title: 'Badges nominatifs',
    code: 'Code',
    language: 'Langue',
    table: 'Table',
    empty: "Il n'y a personne pour qui imprimer un badge : choisissez d'abord des participants.",
  },
  signIn: {
    title: 'Liste de présence',
    number: 'n°',
    name: 'Nom',
    code: 'Code',
    language: 'Langue',
    table: 'Table',
    arrival: 'Arrivée',
    signature: 'Signature',
    departure: 'Départ',
    date: 'Date',
    time: 'Heure',
    location: 'Lieu',
    participants: (n) => (n <= 1 ? `${n} participant` : `${n} participants`),
    empty: "Personne n'est inscrit à cette session : il n'y a pas de liste de présence à imprimer.",
  },
};

const en: ReportLabels = {
  locale: 'en-GB',
  page: (x, y) => `page ${x} / ${y}`,
  generatedOn: (when) => `Generated on ${when}`,
  field: (label) => `${label}: `,
  badges: {
    title: 'Name badges',
    code: 'Code',
    language: 'Language',
    table: 'Table',
    empty: 'There is nobody to print a badge for: choose participants first.',
  },
  signIn: {
    title: 'Sign-in sheet',
    number: 'no.',
    name: 'Name',
    code: 'Code',
    language: 'Language',
    table: 'Table',
    arrival: 'Arrival',
    signature: 'Signature',
    departure: 'Departure',
    date: 'Date',
    time: 'Time',
    location: 'Location',
    participants: (n) => (n === 1 ? '1 participant' : `${n} participants`),
    empty: 'Nobody is listed for this session: there is no sign-in sheet to print.',
  },
};

const LABELS: Record<ReportLang, ReportLabels> = { nl, fr, en };

export function reportLabels(lang: ReportLang): ReportLabels {
  return LABELS[lang];
}

/** A language code (nl, fr, de, en) as a word in the report's language: "Nederlands", "Néerlandais", "Dutch". */
export function languageName(code: string, lang: ReportLang): string {
  try {
    const name = new Intl.DisplayNames([LABELS[lang].locale], { type: 'language' }).of(code);
    if (name && name !== code) return name.charAt(0).toLocaleUpperCase(LABELS[lang].locale) + name.slice(1);
  } catch {
    // not a language code (free text): printed as it is
  }
  return code;
}

/** Sorts people by last name, then first name, then code, as the report's language sorts. */
export function byLastName<T extends { firstName: string; lastName: string; code: string }>(rows: readonly T[], lang: ReportLang): T[] {
  const collator = new Intl.Collator(LABELS[lang].locale, { sensitivity: 'base', numeric: true });
  return [...rows].sort(
    (a, b) =>
      collator.compare(a.lastName, b.lastName) ||
      collator.compare(a.firstName, b.firstName) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
