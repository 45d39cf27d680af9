import { describe, expect, it } from 'vitest';
import { DEFAULT_TEXTS, LETTER_WORDS, longDate } from '../../main/domain/recruitment/letters/defaults';
import { chooseLetterLanguage, normaliseLanguage, regionOf } from '../../main/domain/recruitment/letters/language';
import { fillPlaceholders, placeholderProblems, placeholdersUsed, PLACEHOLDERS } from '../../main/domain/recruitment/letters/placeholders';
import { batchRanges, printCount, sortByPostcode } from '../../main/domain/recruitment/letters/posting';
import { LETTER_KINDS, LETTER_LANGUAGES, type Addressee } from '../../main/domain/recruitment/letters/types';

const person = (code: string, postcode: string, municipality = 'X', name = 'A', addressLines = ['Straat 1']): Addressee => ({ code, name, addressLines, postcode, municipality, language: null });

describe('letter language', () => {
  it('writes to a Brussels-Capital address in Dutch and French, whatever the register says', () => {
    expect(chooseLetterLanguage({ language: null, postcode: '1000' })).toEqual({ languages: ['nl', 'fr'], reason: 'brussels' });
    expect(chooseLetterLanguage({ language: 'nl', postcode: '1210' }).languages).toEqual(['nl', 'fr']);
    // The person's own language first when the register says French.
    expect(chooseLetterLanguage({ language: 'FR', postcode: '1050' })).toEqual({ languages: ['fr', 'nl'], reason: 'brussels' });
    expect(chooseLetterLanguage({ language: 'de', postcode: '1180' }).languages).toEqual(['nl', 'fr']);
    // The edges of the range: 1299 is Brussels, 1300 (Wavre) Walloon Brabant, 1500 (Halle) Flemish Brabant.
    expect(chooseLetterLanguage({ language: null, postcode: '1299' }).reason).toBe('brussels');
    expect(chooseLetterLanguage({ language: null, postcode: '1300' })).toEqual({ languages: ['fr'], reason: 'region' });
    expect(chooseLetterLanguage({ language: null, postcode: '1500' })).toEqual({ languages: ['nl'], reason: 'region' });
  });

  it("uses the register's language outside Brussels, in its usual spellings", () => {
    expect(chooseLetterLanguage({ language: 'fr', postcode: '9000' })).toEqual({ languages: ['fr'], reason: 'register' });
    expect(chooseLetterLanguage({ language: 'Deutsch', postcode: '4000' }).languages).toEqual(['de']);
    expect(chooseLetterLanguage({ language: 'Nederlands', postcode: '5000' }).languages).toEqual(['nl']);
    expect(normaliseLanguage('  Français ')).toBe('fr');
    expect(normaliseLanguage('N')).toBe('nl');
    expect(normaliseLanguage('tr')).toBeNull();
  });

  it('falls back to the region of the postcode, the German-speaking Community in German', () => {
    expect(chooseLetterLanguage({ language: '', postcode: '9000' })).toEqual({ languages: ['nl'], reason: 'region' });
    expect(chooseLetterLanguage({ language: null, postcode: '8500' }).languages).toEqual(['nl']);
    expect(chooseLetterLanguage({ language: null, postcode: '5000' }).languages).toEqual(['fr']);
    for (const pc of ['4700', '4701', '4720', '4731', '4750', '4760', '4780', '4790', '4791']) {
      expect(chooseLetterLanguage({ language: null, postcode: pc }), pc).toEqual({ languages: ['de'], reason: 'region' });
    }
    // Liège and Malmedy (French-speaking, facilities for German speakers) are French.
    expect(chooseLetterLanguage({ language: null, postcode: '4000' }).languages).toEqual(['fr']);
    expect(chooseLetterLanguage({ language: null, postcode: '4960' }).languages).toEqual(['fr']);
    expect(regionOf('B-4700')).toBe('germanCommunity');
    // An unknown language in the register does not hide the region.
    expect(chooseLetterLanguage({ language: 'tr', postcode: '2000' }).languages).toEqual(['nl']);
  });

  it('uses the fallback when the postcode is not Belgian', () => {
    expect(chooseLetterLanguage({ language: null, postcode: '75001' })).toEqual({ languages: ['nl', 'fr'], reason: 'fallback' });
    expect(chooseLetterLanguage({ language: null, postcode: '' }, ['fr']).languages).toEqual(['fr']);
    expect(chooseLetterLanguage({ language: 'en', postcode: 'L-1234' })).toEqual({ languages: ['en'], reason: 'register' });
  });
});

describe('placeholders', () => {
  it('names an unknown placeholder with its line', () => {
    expect(placeholderProblems('Beste {name},\n\nUw code: {cod}.')).toEqual([{ kind: 'unknown', found: '{cod}', line: 3 }]);
    expect(placeholderProblems('{Name} { name }')).toEqual([
      { kind: 'unknown', found: '{Name}', line: 1 },
      { kind: 'unknown', found: '{ name }', line: 1 },
    ]);
  });

  it('finds a brace left open and a stray closing brace', () => {
    expect(placeholderProblems('Antwoord vóór {deadline.\nDank u')).toEqual([{ kind: 'unclosed', found: '{deadline.', line: 1 }]);
    expect(placeholderProblems('a {name b {code}')).toEqual([{ kind: 'unclosed', found: '{name b', line: 1 }]);
    expect(placeholderProblems('code} x')).toEqual([{ kind: 'stray', found: '}', line: 1 }]);
  });

  it('accepts every known placeholder and fills each', () => {
    const text = PLACEHOLDERS.map((p) => `{${p}}`).join(' ');
    expect(placeholderProblems(text)).toEqual([]);
    expect(placeholdersUsed('{code} {name} {code}')).toEqual(['code', 'name']);
    const values = { name: 'Zoë Çelik', code: 'K7M2QX', deadline: '15 januari 2027', contact: '02 123', assembly: 'Panel', url: 'https://x', date: '7 december 2026' };
    expect(fillPlaceholders('Beste {name}, code {code} vóór {deadline}.', values)).toBe('Beste Zoë Çelik, code K7M2QX vóór 15 januari 2027.');
  });

  it('the default texts use known placeholders only, and each gives the code and the deadline', () => {
    for (const k of LETTER_KINDS) {
      for (const l of LETTER_LANGUAGES) {
        const t = DEFAULT_TEXTS[k][l];
        expect(placeholderProblems(t.subject + '\n' + t.body), `${k} ${l}`).toEqual([]);
        expect(placeholdersUsed(t.body), `${k} ${l}`).toEqual(expect.arrayContaining(['name', 'code', 'deadline', 'contact']));
        expect(placeholderProblems(LETTER_WORDS[l].cardReturn)).toEqual([]);
      }
    }
  });

  it('writes the deadline as each language does', () => {
    expect(longDate('2027-01-15', 'nl')).toBe('15 januari 2027');
    expect(longDate('2027-01-15', 'fr')).toBe('15 janvier 2027');
    expect(longDate('2027-01-15', 'de')).toBe('15. Januar 2027');
    expect(longDate('2027-01-15', 'en')).toBe('15 January 2027');
  });
});

describe('posting', () => {
  it('sorts by postcode as a number, then municipality, street and name; odd postcodes last', () => {
    const list = [
      person('e', '75001', 'Paris'),
      person('a', '9000', 'Gent', 'Zoë'),
      person('b', '1000', 'Brussel'),
      person('c', '9000', 'Gent', 'Ann'),
      person('d', '1050', 'Elsene'),
      person('f', ' 2000 ', 'Antwerpen'),
      person('g', '8500', 'Kortrijk', 'B', ['Kerkstraat 10']),
      person('h', '8500', 'Kortrijk', 'B', ['Kerkstraat 2']),
    ];
    expect(sortByPostcode(list).map((a) => a.code)).toEqual(['b', 'd', 'f', 'h', 'g', 'c', 'a', 'e']);
  });

  it('counts pages and sheets, one side or both', () => {
    expect(printCount([1, 1, 2, 1])).toEqual({ letters: 4, pages: 5, sheets: 5 });
    expect(printCount([1, 1, 2, 3], true)).toEqual({ letters: 4, pages: 7, sheets: 5 });
    expect(() => printCount([0])).toThrow(RangeError);
  });

  it('cuts a mailing into batches', () => {
    expect(batchRanges(10_000, 1000)).toHaveLength(10);
    expect(batchRanges(2501, 1000)).toEqual([[0, 1000], [1000, 2000], [2000, 2501]]);
    expect(batchRanges(0, 1000)).toEqual([]);
  });
});
