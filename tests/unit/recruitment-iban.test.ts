import { describe, expect, it } from 'vitest';
import { checkIban, compactIban, formatIban } from '../../main/domain/recruitment/iban';

describe('checking an IBAN', () => {
  it('accepts real account numbers as people write them, and stores them compact', () => {
    expect(checkIban('BE71 0961 2345 6769')).toEqual({ ok: true, iban: 'BE71096123456769' });
    expect(checkIban('be71-0961-2345-6769')).toEqual({ ok: true, iban: 'BE71096123456769' });
    expect(checkIban('NL91 ABNA 0417 1643 00')).toMatchObject({ ok: true });
    expect(checkIban('FR14 2004 1010 0505 0001 3M02 606')).toMatchObject({ ok: true });
    expect(checkIban('DE89 3704 0044 0532 0130 00')).toMatchObject({ ok: true });
    expect(checkIban('LU28 0019 4006 4475 0000')).toMatchObject({ ok: true });
  });

  it('refuses a mistyped digit by the mod-97 check', () => {
    expect(checkIban('BE71 0961 2345 6768')).toEqual({
      ok: false,
      problem: 'checksum',
      message: 'BE71 0961 2345 6768 is not a valid IBAN: its check digits do not match (a digit is probably mistyped).',
      params: { value: 'BE71 0961 2345 6768' },
    });
    // Two swapped digits are caught too.
    expect(checkIban('BE71 0961 2345 6796')).toMatchObject({ ok: false, problem: 'checksum' });
  });

  it("refuses a wrong length for the country, an unknown country, and what is not an IBAN at all", () => {
    expect(checkIban('BE71 0961 2345 676')).toMatchObject({
      ok: false,
      problem: 'length',
      message: 'BE71 0961 2345 676 is not an IBAN: an IBAN from BE has 16 characters, this one has 15.',
    });
    expect(checkIban('XX71 0961 2345 6769')).toMatchObject({ ok: false, problem: 'country', params: { country: 'XX' } });
    expect(checkIban('0961 2345 6769')).toMatchObject({ ok: false, problem: 'characters' });
    expect(checkIban('BE71 0961 2345 676é')).toMatchObject({ ok: false, problem: 'characters' });
  });

  it('prints in groups of four', () => {
    expect(formatIban('BE71096123456769')).toBe('BE71 0961 2345 6769');
    expect(compactIban(' fr14 2004 1010 0505 0001 3m02 606 ')).toBe('FR1420041010050500013M02606');
  });
});
