import { describe, expect, it } from 'vitest';
import { groupTranslations, localise, localiserFor, missingIn } from '../../main/domain/translations/localise';
import type { PublicText, TranslationRow } from '../../main/domain/translations/types';

describe('localise: the language chosen, then the fallbacks, then the base text', () => {
  it('takes the translation in the language asked for', () => {
    expect(localise('Weekend 1 — Saturday', { nl: 'Weekend 1 — zaterdag', fr: 'Week-end 1 — samedi' }, 'fr')).toBe('Week-end 1 — samedi');
  });

  it('falls back to the base text when the language has no translation', () => {
    expect(localise('Weekend 1 — Saturday', { nl: 'Weekend 1 — zaterdag' }, 'fr')).toBe('Weekend 1 — Saturday');
    expect(localise('Coffee', undefined, 'nl')).toBe('Coffee');
  });

  it('tries the fallback languages in order before the base text', () => {
    expect(localise('Coffee', { de: 'Kaffee', nl: 'Koffie' }, 'fr', ['nl', 'de'])).toBe('Koffie');
    expect(localise('Coffee', { de: 'Kaffee', nl: 'Koffie' }, 'fr', ['de', 'nl'])).toBe('Kaffee');
  });

  it('treats a blank translation as missing', () => {
    expect(localise('Lunch', { fr: '   ' }, 'fr')).toBe('Lunch');
  });
});

const rows: TranslationRow[] = [
  { kind: 'session', entityId: 's1', field: 'name', language: 'fr', text: 'Samedi' },
  { kind: 'session', entityId: 's1', field: 'name', language: 'nl', text: 'Zaterdag' },
  { kind: 'ballotItem', entityId: 'i1', field: 'rationale', language: 'fr', text: 'Parce que.' },
];

describe('localiserFor', () => {
  it('localises by kind, id and field, and leaves the base language alone', () => {
    const fr = localiserFor(rows, 'fr', 'en');
    expect(fr('session', 's1', 'name', 'Saturday')).toBe('Samedi');
    expect(fr('session', 's2', 'name', 'Sunday')).toBe('Sunday');
    expect(fr('ballotItem', 'i1', 'title', 'Cap donations')).toBe('Cap donations');
    expect(fr('ballotItem', 'i1', 'rationale', 'Because.')).toBe('Parce que.');
    // In the base language the base text is what a person edits: a stray translation is not used.
    expect(localiserFor(rows, 'nl', 'nl')('session', 's1', 'name', 'Zaterdag (base)')).toBe('Zaterdag (base)');
  });
});

describe('missingIn', () => {
  const texts: PublicText[] = [
    { kind: 'session', entityId: 's1', field: 'name', base: 'Saturday', context: '', translations: groupTranslations(rows).get('session\u0000s1\u0000name')! },
    { kind: 'session', entityId: 's2', field: 'name', base: 'Sunday', context: '', translations: {} },
    { kind: 'slot', entityId: 'x', field: 'title', base: 'Coffee', context: '', translations: { nl: 'Koffie' } },
  ];

  it('lists the texts without a translation in that language', () => {
    expect(missingIn(texts, 'fr', 'en').map((t) => t.base)).toEqual(['Sunday', 'Coffee']);
    expect(missingIn(texts, 'nl', 'en').map((t) => t.base)).toEqual(['Sunday']);
  });

  it('lists nothing for the base language', () => {
    expect(missingIn(texts, 'en', 'en')).toEqual([]);
  });
});
