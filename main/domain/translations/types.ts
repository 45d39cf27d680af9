/**
 * Public texts in several languages, as they cross the API: which texts can be translated (kind,
 * field, longest text), a translation row, a public text with its translations.
 */
import { PERSON_LANGUAGES, type PersonLanguage } from '../../../preload/vocabulary';

/** Content is stored in the four languages a Belgian assembly may publish in (the UI has three). */
export type ContentLanguage = PersonLanguage;
export const CONTENT_LANGUAGES: readonly ContentLanguage[] = PERSON_LANGUAGES;

/**
 * Every translatable public text: entity kind -> field -> the longest text allowed (the same
 * limits as the base text's own form). Topics have no table: their id is the topic as written.
 * Contributor roles are a closed list translated with the report words; what a contributor
 * represents in free text is their organisation.
 */
export const TRANSLATABLE = {
  assembly: { name: 200 },
  session: { name: 120 },
  ballot: { title: 300 },
  ballotItem: { title: 300, rationale: 10_000 },
  topic: { name: 300 },
  perspective: { name: 200 },
  slot: { title: 300 },
  feature: { name: 100 },
  featureValue: { value: 100 },
  contributor: { organisation: 200 },
} as const satisfies Record<string, Record<string, number>>;

export type TranslatableKind = keyof typeof TRANSLATABLE;
export const TRANSLATABLE_KINDS = Object.keys(TRANSLATABLE) as TranslatableKind[];

/** The translations of one text, per language. */
export type TextTranslations = Partial<Record<ContentLanguage, string>>;

export interface TranslationRow {
  kind: string;
  entityId: string;
  field: string;
  language: ContentLanguage;
  text: string;
}

/** One public text as the Translations page lists it: its base text and its translations. */
export interface PublicText {
  kind: TranslatableKind;
  entityId: string;
  field: string;
  /** The base text, in the assembly's base language. */
  base: string;
  /** Where it appears, for a person to recognise it (a session's date, a ballot's title...). */
  context: string;
  translations: TextTranslations;
}

