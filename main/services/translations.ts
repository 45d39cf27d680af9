/**
 * Public texts in several languages: the list the Translations page edits, one translation at a
 * time, the assembly's base language, and the texts missing in a language (asked before an export).
 */
import { z } from 'zod';
import type { Db } from '../../db/connection';
import { baseLanguage, listTranslations, publicTextRows, readTranslation, setBaseLanguage, writeTranslation } from '../../db/translations';
import { groupTranslations, missingIn, translationKey } from '../domain/translations/localise';
import { CONTENT_LANGUAGES, TRANSLATABLE, TRANSLATABLE_KINDS, type ContentLanguage, type PublicText } from '../domain/translations/types';
import { AppError } from '../errors';
import { handlers } from '../registry';

const language = z.enum(CONTENT_LANGUAGES as [ContentLanguage, ...ContentLanguage[]], { message: `must be one of ${CONTENT_LANGUAGES.join(', ')}` });

/** Every public text with its translations (deleted entities left out). */
export function publicTexts(db: Db): PublicText[] {
  const grouped = groupTranslations(listTranslations(db));
  return publicTextRows(db).map((r) => ({ ...r, translations: grouped.get(translationKey(r.kind, r.entityId, r.field)) ?? {} }));
}

/** What the page and the reports page need: the base language and every text (or only the missing ones). */
export function translationsOverview(db: Db, missingLanguage?: ContentLanguage): { baseLanguage: ContentLanguage; texts: PublicText[] } {
  const base = baseLanguage(db);
  const texts = publicTexts(db);
  return { baseLanguage: base, texts: missingLanguage ? missingIn(texts, missingLanguage, base) : texts };
}

const setArgs = z
  .strictObject({
    kind: z.enum(TRANSLATABLE_KINDS as [string, ...string[]], { message: `must be one of ${TRANSLATABLE_KINDS.join(', ')}` }),
    entityId: z.string().min(1, 'is required').max(300, 'is too long'),
    field: z.string().min(1, 'is required').max(40, 'is too long'),
    language,
    /** The translation; empty removes it (the base text shows again). The longest field's limit here, each field's own below. */
    text: z.string().max(10_000, 'must be at most 10000 characters').trim(),
  })
  .superRefine((a, ctx) => {
    const fields = TRANSLATABLE[a.kind as keyof typeof TRANSLATABLE] as Record<string, number> | undefined;
    const max = fields?.[a.field];
    if (max === undefined) {
      ctx.addIssue({ code: 'custom', path: ['field'], message: `is not a translatable field of ${a.kind} (one of ${Object.keys(fields ?? {}).join(', ')})` });
    } else if (a.text.length > max) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: `must be at most ${max} characters` });
    }
  });

export const translationHandlers = handlers({
  /** Every public text, its base text and its translations, with the assembly's base language. */
  'translations.list': {
    args: z.strictObject({ missingIn: language.optional() }),
    run: (args, ctx) => translationsOverview(ctx.requireDb(), args.missingIn),
  },
  /** The texts an export in `language` would print in the base language (none for the base language itself). */
  'translations.missing': {
    args: z.strictObject({ language }),
    run: (args, ctx) => {
      const { baseLanguage: base, texts } = translationsOverview(ctx.requireDb(), args.language);
      return { language: args.language, baseLanguage: base, count: texts.length, texts };
    },
  },
  /** One translation (an empty text removes it); an unknown text is refused, nothing is written. */
  'translations.set': {
    args: setArgs,
    run: (args, ctx) =>
      ctx.mutate((db, audit) => {
        const known = publicTextRows(db).find((r) => r.kind === args.kind && r.entityId === args.entityId && r.field === args.field);
        if (!known) {
          throw new AppError('NOT_FOUND', `There is no ${args.kind} ${args.field} with id ${args.entityId} (it may have been deleted or renamed).`, { kind: args.kind, entityId: args.entityId, field: args.field }, 'translations.unknownText');
        }
        const before = readTranslation(db, args.kind, args.entityId, args.field, args.language);
        const text = args.text === '' ? null : args.text;
        writeTranslation(db, { kind: args.kind, entityId: args.entityId, field: args.field, language: args.language, text }, ctx.nowIso());
        audit({ entity: 'translation', entityId: `${args.kind}/${args.entityId}/${args.field}/${args.language}`, action: text === null ? 'delete' : 'set', before, after: text });
        return { kind: args.kind, entityId: args.entityId, field: args.field, language: args.language, text };
      }),
  },
  /** The language the base texts are written in (an export in it needs no translation). */
  'translations.setBaseLanguage': {
    args: z.strictObject({ language }),
    run: (args, ctx) =>
      ctx.mutate((db, audit) => {
        const before = baseLanguage(db);
        setBaseLanguage(db, args.language, ctx.nowIso());
        audit({ entity: 'assembly', entityId: null, action: 'setBaseLanguage', before, after: args.language });
        return { baseLanguage: args.language };
      }),
  },
});
