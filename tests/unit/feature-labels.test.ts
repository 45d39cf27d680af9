/**
 * Feature names and values on the screens (a table plan keys its members' features by the base
 * texts): shown in the screen's language through their ids, the base text where no translation
 * or no feature matches.
 */
import { describe, expect, it } from 'vitest';
import { featureLabels, localiserFor } from '../../main/domain/translations/localise';
import type { TranslationRow } from '../../main/domain/translations/types';

const features = [
  { id: 'f-gender', name: 'Gender', values: [{ id: 'v-f', value: 'female' }, { id: 'v-m', value: 'male' }, { id: 'v-o', value: 'other' }] },
  { id: 'f-age', name: 'Age band', values: [{ id: 'v-65', value: '65+' }] },
];
const rows: TranslationRow[] = [
  { kind: 'feature', entityId: 'f-gender', field: 'name', language: 'fr', text: 'Genre' },
  { kind: 'featureValue', entityId: 'v-f', field: 'value', language: 'fr', text: 'femme' },
  { kind: 'featureValue', entityId: 'v-m', field: 'value', language: 'fr', text: 'homme' },
  { kind: 'featureValue', entityId: 'v-65', field: 'value', language: 'nl', text: '65 jaar en ouder' },
];

describe('featureLabels', () => {
  it('gives feature names and values in the language, found by their base text', () => {
    const fr = featureLabels(features, localiserFor(rows, 'fr', 'en'));
    expect(fr.feature('Gender')).toBe('Genre');
    expect(fr.value('Gender', 'female')).toBe('femme');
    expect(fr.value('Gender', 'male')).toBe('homme');
  });

  it('falls back to the base text without a translation in that language, and for names it does not know', () => {
    const fr = featureLabels(features, localiserFor(rows, 'fr', 'en'));
    expect(fr.value('Gender', 'other')).toBe('other');
    expect(fr.feature('Age band')).toBe('Age band');
    expect(fr.value('Age band', '65+')).toBe('65+');
    expect(fr.feature('Shoe size')).toBe('Shoe size');
    // A value is looked up within its own feature.
    expect(fr.value('Age band', 'female')).toBe('female');
    expect(featureLabels(features, localiserFor(rows, 'nl', 'en')).value('Age band', '65+')).toBe('65 jaar en ouder');
  });

  it('shows the base texts in the base language and before the features are loaded', () => {
    expect(featureLabels(features, localiserFor(rows, 'en', 'en')).value('Gender', 'female')).toBe('female');
    expect(featureLabels([], localiserFor(rows, 'fr', 'en')).feature('Gender')).toBe('Gender');
  });
});
