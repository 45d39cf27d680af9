/**
 * Public texts in several languages: which texts can be translated, how one is chosen for a
 * language, and which are missing. Pure: the rows come from db/translations.ts.
 *
 * The base text (sessions.name, ballots.title, ...) is written in the assembly's base language
 * and stays where it is; a translation is one field of one entity in one other language.
 */
import type { ContentLanguage, PublicText, TextTranslations, TranslatableKind, TranslationRow } from './types';

/**
 * The text in `language`: its translation there, else in each language of `fallbackOrder` in
 * turn, else the base text. Blank translations count as missing.
 */
export function localise(text: string, translations: TextTranslations | undefined, language: ContentLanguage, fallbackOrder: readonly ContentLanguage[] = []): string {
  for (const l of [language, ...fallbackOrder]) {
    const t = translations?.[l]?.trim();
    if (t) return t;
  }
  return text;
}

export const translationKey = (kind: string, entityId: string, field: string): string => `${kind}\u0000${entityId}\u0000${field}`;

/** Rows grouped per text, for lookups while localising. */
export function groupTranslations(rows: readonly TranslationRow[]): Map<string, TextTranslations> {
  const out = new Map<string, TextTranslations>();
  for (const r of rows) {
    const key = translationKey(r.kind, r.entityId, r.field);
    const entry = out.get(key) ?? {};
    entry[r.language] = r.text;
    out.set(key, entry);
  }
  return out;
}

/** A function giving any text in one language (with the fallback to the base text). */
export type Localiser = (kind: TranslatableKind, entityId: string, field: string, base: string) => string;

/**
 * The localiser for `language`. In the base language the base text is the text (a translation
 * "into" the base language is not used: the base text is what the person edits).
 */
export function localiserFor(rows: readonly TranslationRow[], language: ContentLanguage, baseLanguage: ContentLanguage): Localiser {
  if (language === baseLanguage) return (_k, _i, _f, base) => base;
  const grouped = groupTranslations(rows);
  return (kind, entityId, field, base) => localise(base, grouped.get(translationKey(kind, entityId, field)), language);
}

/** The texts with no translation into `language` (none when it is the base language; blank base texts need none). */
export function missingIn(texts: readonly PublicText[], language: ContentLanguage, baseLanguage: ContentLanguage): PublicText[] {
  if (language === baseLanguage) return [];
  return texts.filter((t) => t.base.trim() !== '' && !t.translations[language]?.trim());
}

/** Feature names and values, which the API and the reports key by their base text, in one language. */
export interface FeatureLabels {
  feature: (name: string) => string;
  value: (feature: string, value: string) => string;
}

/**
 * Lookups of feature names and values by their base text (a table plan's members, quotas), from
 * the features with their ids and a localiser; a name or value not among the features is given
 * back as it is.
 */
export function featureLabels(features: readonly { id: string; name: string; values: readonly { id: string; value: string }[] }[], loc: Localiser): FeatureLabels {
  const byName = new Map(features.map((f) => [f.name, { id: f.id, values: new Map(f.values.map((v) => [v.value, v.id])) }]));
  return {
    feature: (name) => {
      const f = byName.get(name);
      return f ? loc('feature', f.id, 'name', name) : name;
    },
    value: (feature, value) => {
      const id = byName.get(feature)?.values.get(value);
      return id ? loc('featureValue', id, 'value', value) : value;
    },
  };
}
