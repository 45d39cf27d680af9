/**
 * Bank accounts for the per-diem payments: an IBAN is checked before it is stored, so that the
 * finance team's transfer file holds no account that the bank will bounce weeks later.
 * The check is the standard one (ISO 13616): the country's length from the SWIFT IBAN registry,
 * letters and digits only, and the mod-97 check digits. Pure: no database.
 */

/** IBAN length per country, from the SWIFT IBAN registry. */
const LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28,
  CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23,
  GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32,
  LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28, NL: 18,
  NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19,
  SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

export type IbanProblem = 'characters' | 'country' | 'length' | 'checksum';

export type IbanCheck = { ok: true; iban: string } | { ok: false; problem: IbanProblem; message: string; params: Record<string, string | number> };

/** As typed or printed ("be71 0961 2345 6769", "BE71-0961-...") to the electronic form: no spaces, capitals. */
export function compactIban(value: string): string {
  return value.replace(/[\s.-]+/g, '').toUpperCase();
}

/** The printed form: groups of four ("BE71 0961 2345 6769"). */
export function formatIban(iban: string): string {
  return compactIban(iban).replace(/(.{4})(?=.)/g, '$1 ');
}

/** The remainder of the IBAN's number (country and check digits moved to the end, letters as 10..35) by 97. */
function mod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const c of rearranged) {
    const digits = c >= 'A' && c <= 'Z' ? String(c.charCodeAt(0) - 55) : c;
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder;
}

/** Checks an IBAN; the English message says what is wrong, for the API error and the CLI. */
export function checkIban(value: string): IbanCheck {
  const iban = compactIban(value);
  const shown = formatIban(iban);
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]+$/.test(iban)) {
    return {
      ok: false,
      problem: 'characters',
      message: `"${value.trim()}" is not an IBAN: it starts with a country code and two check digits (BE71 0961 2345 6769) and holds only letters and digits.`,
      params: { value: value.trim() },
    };
  }
  const country = iban.slice(0, 2);
  const length = LENGTHS[country];
  if (length === undefined) {
    return { ok: false, problem: 'country', message: `${shown} is not an IBAN: "${country}" is not a country that uses IBANs.`, params: { value: shown, country } };
  }
  if (iban.length !== length) {
    return {
      ok: false,
      problem: 'length',
      message: `${shown} is not an IBAN: an IBAN from ${country} has ${length} characters, this one has ${iban.length}.`,
      params: { value: shown, country, expected: length, length: iban.length },
    };
  }
  if (mod97(iban) !== 1) {
    return {
      ok: false,
      problem: 'checksum',
      message: `${shown} is not a valid IBAN: its check digits do not match (a digit is probably mistyped).`,
      params: { value: shown },
    };
  }
  return { ok: true, iban };
}
