/**
 * i18next with the three bundled languages. Everything is bundled (offline app), so
 * initialisation is synchronous and no translation is ever loaded over the network.
 * The language itself lives in main (app.status().language, app.setLanguage): this module
 * only applies it.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../../preload/vocabulary';
import { localeFor } from '../format';
import en from './en.json';
import fr from './fr.json';
import nl from './nl.json';
// Each area keeps its strings in its own files (top-level keys must not clash with the main file).
import importEn from './recruitment-import.en.json';
import importFr from './recruitment-import.fr.json';
import importNl from './recruitment-import.nl.json';
import peopleEn from './recruitment-people.en.json';
import peopleFr from './recruitment-people.fr.json';
import peopleNl from './recruitment-people.nl.json';
import quotasEn from './recruitment-quotas.en.json';
import quotasFr from './recruitment-quotas.fr.json';
import quotasNl from './recruitment-quotas.nl.json';
import selectionEn from './selection.en.json';
import selectionFr from './selection.fr.json';
import selectionNl from './selection.nl.json';
import attendanceEn from './attendance.en.json';
import attendanceFr from './attendance.fr.json';
import attendanceNl from './attendance.nl.json';
import agendaEn from './agenda.en.json';
import agendaFr from './agenda.fr.json';
import agendaNl from './agenda.nl.json';
import votingEn from './voting.en.json';
import votingFr from './voting.fr.json';
import votingNl from './voting.nl.json';
import tablesEn from './tables.en.json';
import tablesFr from './tables.fr.json';
import tablesNl from './tables.nl.json';
import reportsEn from './reports.en.json';
import reportsFr from './reports.fr.json';
import reportsNl from './reports.nl.json';
import backupsEn from './backups.en.json';
import backupsFr from './backups.fr.json';
import backupsNl from './backups.nl.json';
import venueEn from './venue.en.json';
import venueFr from './venue.fr.json';
import venueNl from './venue.nl.json';
import stationEn from './station.en.json';
import stationFr from './station.fr.json';
import stationNl from './station.nl.json';
import reportFactsEn from './report-facts.en.json';
import reportFactsFr from './report-facts.fr.json';
import reportFactsNl from './report-facts.nl.json';
import translationsEn from './translations.en.json';
import translationsFr from './translations.fr.json';
import translationsNl from './translations.nl.json';
import closingEn from './closing.en.json';
import closingFr from './closing.fr.json';
import closingNl from './closing.nl.json';
import invitationsEn from './invitations.en.json';
import invitationsFr from './invitations.fr.json';
import invitationsNl from './invitations.nl.json';
import lettersEn from './recruitment-letters.en.json';
import lettersFr from './recruitment-letters.fr.json';
import lettersNl from './recruitment-letters.nl.json';

type Strings = { [key: string]: string | Strings };

/** Merges translation trees, so an area's file can add keys under a shared group such as "errors". */
export function mergeStrings(...trees: Strings[]): Strings {
  const merged: Strings = {};
  for (const tree of trees) {
    for (const [key, value] of Object.entries(tree)) {
      const existing = merged[key];
      merged[key] =
        typeof value === 'object' && typeof existing === 'object' ? mergeStrings(existing, value) : value;
    }
  }
  return merged;
}

export const resources = {
  en: { translation: mergeStrings(en, peopleEn, importEn, quotasEn, selectionEn, attendanceEn, agendaEn, tablesEn, votingEn, reportsEn, backupsEn, venueEn, stationEn, reportFactsEn, translationsEn, closingEn, invitationsEn, lettersEn) },
  fr: { translation: mergeStrings(fr, peopleFr, importFr, quotasFr, selectionFr, attendanceFr, agendaFr, tablesFr, votingFr, reportsFr, backupsFr, venueFr, stationFr, reportFactsFr, translationsFr, closingFr, invitationsFr, lettersFr) },
  nl: { translation: mergeStrings(nl, peopleNl, importNl, quotasNl, selectionNl, attendanceNl, agendaNl, tablesNl, votingNl, reportsNl, backupsNl, venueNl, stationNl, reportFactsNl, translationsNl, closingNl, invitationsNl, lettersNl) },
} as const;

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  // React escapes what it renders; escaping here too would show &amp; and &#x2F;.
  interpolation: { escapeValue: false },
  returnNull: false,
  react: { useSuspense: false },
});

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Switches the UI language and tells assistive technology (and hyphenation) via <html lang>. */
export async function applyLanguage(language: Language): Promise<void> {
  if (i18n.language !== language) await i18n.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = localeFor(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}
