import { describe, expect, it } from 'vitest';
import { householdKey, nameKey, normaliseEmail, normalisePhone } from '../../main/domain/recruitment/normalise';

const key = (street: string | null, houseNumber: string | null, postcode: string | null = '1000') =>
  householdKey({ street, houseNumber, postcode });

/** All spellings give one non-null key. */
function expectSame(...addresses: [string, string | null][]) {
  const keys = addresses.map(([street, number]) => key(street, number));
  expect(keys[0]).not.toBeNull();
  for (const k of keys) expect(k).toBe(keys[0]);
}

describe('normaliseEmail', () => {
  it('trims and lower-cases; empty is null', () => {
    expect(normaliseEmail('  An.Peeters@Mail.BE ')).toBe('an.peeters@mail.be');
    expect(normaliseEmail('')).toBeNull();
    expect(normaliseEmail('   ')).toBeNull();
    expect(normaliseEmail(null)).toBeNull();
  });
});

describe('normalisePhone', () => {
  it('unifies the Belgian ways of writing a number', () => {
    for (const phone of ['+32 475 12 34 56', '0032475123456', '0475/12.34.56', '0475 12 34 56', '+32 (0)475 12 34 56', '+32475123456']) {
      expect(normalisePhone(phone)).toBe('0475123456');
    }
    expect(normalisePhone('02 512 34 56')).toBe('025123456');
    expect(normalisePhone('+32 2 512 34 56')).toBe('025123456');
  });

  it('keeps other country codes, writing 00 as +', () => {
    expect(normalisePhone('+33 6 12 34 56 78')).toBe('+33612345678');
    expect(normalisePhone('0033 6 12 34 56 78')).toBe('+33612345678');
    expect(normalisePhone('+31 6 1234 5678')).toBe('+31612345678');
  });

  it('is null without digits', () => {
    expect(normalisePhone('')).toBeNull();
    expect(normalisePhone('n/a')).toBeNull();
    expect(normalisePhone(null)).toBeNull();
  });

  it('is null for a pre-filled country code or zeros only', () => {
    for (const phone of ['+32', '+32 ', '0032', '+32 (0)', '0', '00', '+']) expect(normalisePhone(phone)).toBeNull();
  });
});

describe('nameKey', () => {
  it('folds accents, case, hyphens and punctuation', () => {
    expect(nameKey('Jean-Marie', "D'Hondt")).toBe('jean marie d hondt');
    expect(nameKey('jean marie', 'd hondt')).toBe('jean marie d hondt');
    expect(nameKey('  Élodie ', 'VAN  DAMME')).toBe(nameKey('Elodie', 'Van Damme'));
    expect(nameKey('Çelik', 'Ørsted')).toBe('celik orsted');
  });
});

describe('householdKey', () => {
  it('is null without a street, a postcode or a house number', () => {
    expect(key(null, '16')).toBeNull();
    expect(key('  ', '16')).toBeNull();
    expect(key('Rue de la Loi', '16', null)).toBeNull();
    expect(key('Rue de la Loi', '16', '')).toBeNull();
    expect(key('Rue de la Loi', null)).toBeNull();
  });

  it('ignores accents, case, spaces and punctuation', () => {
    expectSame(['Rue de la Loi 16', null], ['rue de la loi, 16', null], ['RUE DE LA LOI', '16'], ['Rue de la Loi', ' 16 ']);
    expectSame(["Rue de l'Église", '3'], ['rue de l eglise', '3'], ['Rue de L’Eglise 3', null]);
  });

  it('treats "B-1000" and "1000" as one postcode', () => {
    expect(key('Rue de la Loi', '16', 'B-1000')).toBe(key('Rue de la Loi', '16', '1000'));
    expect(key('Rue de la Loi', '16', '1040')).not.toBe(key('Rue de la Loi', '16', '1000'));
  });

  it('writes out street types and their abbreviations', () => {
    expectSame(['Kerkstraat 5', null], ['Kerkstr. 5', null], ['kerk straat 5', null], ['Kerk str', '5']);
    expectSame(['Chaussée de Wavre', '100'], ['Chée de Wavre', '100'], ['Ch. de Wavre 100', null]);
    expectSame(['Avenue Louise', '1'], ['Av. Louise', '1'], ['Ave Louise 1', null]);
    expectSame(['Boulevard Anspach', '3'], ['Bd Anspach', '3'], ['Bd. Anspach 3', null]);
    expectSame(['Brugsesteenweg', '3'], ['Brugse Stwg', '3'], ['Brugsestwg.', '3'], ['Brugse steenweg 3', null]);
    expectSame(['Lindenlaan', '2'], ['Linden ln', '2'], ['Lindenln.', '2']);
    expectSame(['Place Flagey', '7'], ['Pl. Flagey', '7']);
    expectSame(['Sint-Jansplein', '4'], ['St.-Jansplein', '4'], ['Sint Jans pl.', '4'], ['St Janspln', '4'], ['Sint-Jansplein 4', null]);
    expectSame(['Rue Saint-Rémy', '9'], ['Rue St-Remy', '9'], ['Rue St. Rémy 9', null]);
  });

  it('does not merge different streets or numbers', () => {
    expect(key('Kerkstraat', '5')).not.toBe(key('Kerkstraat', '7'));
    expect(key('Kerkstraat', '5')).not.toBe(key('Molenstraat', '5'));
    expect(key('Avenue Louise', '1')).not.toBe(key('Place Louise', '1'));
  });

  it('reads 16A, 16 a and 16-A as one house number, and 16 bis as another', () => {
    expectSame(['Rue de la Loi', '16A'], ['Rue de la Loi', '16 a'], ['Rue de la Loi', '16-A'], ['Rue de la Loi 16a', null]);
    expect(key('Rue de la Loi', '16A')).not.toBe(key('Rue de la Loi', '16'));
    expect(key('Rue de la Loi', '16 bis')).not.toBe(key('Rue de la Loi', '16b'));
    expectSame(['Rue de la Loi', 'nr. 16'], ['Rue de la Loi', '016'], ['Rue de la Loi', 'n° 16']);
  });

  it('keeps the box: one flat is one household', () => {
    expectSame(
      ['Rue de la Loi', '16 bus 3'],
      ['Rue de la Loi', '16 bte 3'],
      ['Rue de la Loi', '16/3'],
      ['Rue de la Loi', '16 b3'],
      ['Rue de la Loi', '16 b 3'],
      ['Rue de la Loi', '16 boîte 03'],
      ['Rue de la Loi 16 bus 3', null],
      ['Rue de la Loi, 16/3', null],
    );
    expect(key('Rue de la Loi', '16 bus 3')).not.toBe(key('Rue de la Loi', '16 bus 4'));
    expect(key('Rue de la Loi', '16 bus 3')).not.toBe(key('Rue de la Loi', '16'));
    expectSame(['Rue de la Loi', '16A bus 3'], ['Rue de la Loi', '16 A/3'], ['Rue de la Loi 16-a bte 3', null]);
    expect(key('Rue de la Loi', '16A bus 3')).not.toBe(key('Rue de la Loi', '16 bus 3'));
  });

  it('finds the house number inside the street', () => {
    expectSame(['Rue du 11 Novembre 12', null], ['Rue du 11 Novembre', '12']);
    expect(key('Rue du 11 Novembre 12', null)).not.toBe(key('Rue du 11 Novembre', '11'));
    expectSame(['16, rue de la Loi', null], ['Rue de la Loi', '16']);
    expectSame(['Kerkstraat 5', '5'], ['Kerkstraat', '5']);
    // A road number is part of the name, not a house number.
    expect(key('Route N4 123', null)).toBe(key('Route N4', '123'));
  });
});
