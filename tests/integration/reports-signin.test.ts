/**
 * The sign-in sheet, read back: the session's facts in the chosen language, every person
 * (accents), sorted by last name and numbered, the header row on every page, page numbers.
 */
import { describe, expect, it } from 'vitest';
import { byLastName } from '../../main/reports/i18n';
import { signInSheet, type SignInRow } from '../../main/reports/signInSheet';
import { pageCount, pdfFonts, pdfInfo, pdfText, savePictures } from '../helpers/pdf';

const generatedAt = new Date('2025-03-14T12:00:00Z');
const timeZone = 'Europe/Brussels';
const assemblyName = 'Burgerpanel Klimaat 2025';
const session = { name: 'Sessie 3: Mobiliteit en wonen', date: '2025-03-15', startTime: '09:30', endTime: '16:00', location: 'Stadhuis, Grote Markt 1' };

const FIRST = ['Ayşe', 'Łukasz', 'María José', 'Søren', 'Jan', 'Marie', 'Zoë', 'Mohammed', 'Anna', 'Eva', 'Lucas', 'Noor', 'Louis', 'Emma', 'Lars'];
const LAST = ['Çelik', 'Wiśniewski', 'Nuñez', 'Østergaard', 'Peeters', 'Dubois', 'Ëlsen', 'El Amrani', 'De Smet', 'Janssens', 'Maes', 'Claes', 'Wouters', 'Goossens', 'Yıldız'];

/** n people, names from the lists (repeated with a number), codes P-1000, P-1037... */
function people(n: number): SignInRow[] {
  return Array.from({ length: n }, (_, i) => ({
    firstName: FIRST[i % FIRST.length]!,
    lastName: LAST[(i * 4) % LAST.length]! + (i >= LAST.length ? ` ${Math.floor(i / LAST.length)}` : ''),
    code: `P-${1000 + i * 37}`,
    language: (['nl', 'fr', 'en', 'de', null] as const)[i % 5] ?? null,
    table: i % 3 ? String((i % 7) + 1) : null,
  }));
}

describe('signInSheet', () => {
  it('prints the session, every person with accents and code, and page numbers, in Dutch', async () => {
    const rows = people(15);
    const pdf = await signInSheet(session, rows, { assemblyName, lang: 'nl', generatedAt, timeZone });
    expect(pageCount(pdf)).toBe(1);
    expect(pdfInfo(pdf)['Page size']).toMatch(/\(A4\)/);
    const text = pdfText(pdf);
    for (const s of [
      'Aanwezigheidslijst', session.name, 'zaterdag 15 maart 2025', '09:30 – 16:00', session.location, '15 deelnemers',
      'Naam', 'Code', 'Taal', 'Tafel', 'Aankomst', 'Handtekening', 'Vertrek', 'pagina 1 / 1', 'Aangemaakt op 14 maart 2025', assemblyName,
    ]) expect(text).toContain(s);
    for (const r of rows) {
      expect(text).toContain(`${r.lastName}, ${r.firstName}`);
      expect(text).toContain(r.code);
    }
    for (const lang of ['NL', 'FR', 'EN', 'DE']) expect(text).toContain(lang);
    for (const f of pdfFonts(pdf)) expect(f.embedded).toBe(true);
    savePictures(pdf, 'signin-nl-short');
  });

  it('sorts by last name as the language sorts and numbers the rows', async () => {
    const rows = people(15);
    const pdf = await signInSheet(session, rows, { assemblyName, lang: 'fr', generatedAt, timeZone });
    const layout = pdfText(pdf, { layout: true });
    const found = [...layout.matchAll(/^\s*(\d+)\s+(.+?), .*?(P-\d{4})/gm)].map((m) => ({ n: Number(m[1]), code: m[3] }));
    expect(found.map((f) => f.n)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(found.map((f) => f.code)).toEqual(byLastName(rows, 'fr').map((r) => r.code));
    // Çelik with the Cs, Østergaard with the Os, Ëlsen with the Es
    const order = byLastName(rows, 'fr').map((r) => r.lastName);
    expect(order.indexOf('Çelik')).toBeLessThan(order.indexOf('Claes'));
    expect(order.indexOf('Østergaard')).toBeLessThan(order.indexOf('Peeters'));
    expect(order.indexOf('El Amrani')).toBeLessThan(order.indexOf('Ëlsen'));
  });

  it('runs over several pages with the header row on each, in French and English', async () => {
    const rows = people(60);
    const fr = await signInSheet(session, rows, { assemblyName, lang: 'fr', generatedAt, timeZone });
    const pages = pageCount(fr);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let p = 1; p <= pages; p++) {
      const text = pdfText(fr, { page: p });
      for (const h of ['Nom', 'Langue', 'Arrivée', 'Signature', 'Départ']) expect(text, `page ${p}`).toContain(h);
      expect(text).toContain(`page ${p} / ${pages}`);
    }
    const all = pdfText(fr);
    for (const s of ['Liste de présence', 'samedi 15 mars 2025', '60 participants', 'Généré le 14 mars 2025']) expect(all).toContain(s);
    expect(all).toMatch(/Lieu\s: Stadhuis/); // French: a (no-break) space before the colon
    for (const r of rows) expect(all).toContain(r.code);
    savePictures(fr, 'signin-fr-long');

    const en = pdfText(await signInSheet(session, rows.slice(0, 5), { assemblyName, lang: 'en', generatedAt, timeZone }));
    for (const s of ['Sign-in sheet', 'Saturday, 15 March 2025', 'Arrival', 'Signature', 'Departure', '5 participants', 'page 1 / 1']) expect(en).toContain(s);
  });

  it('handles a long name, an erased person, no location and no times', async () => {
    const rows: SignInRow[] = [
      { firstName: 'Maximiliaan-Alexander', lastName: 'Van den Heuvel-Vercruysse de Wouters', code: 'P-0001', language: 'nl', table: '12' },
      { firstName: '', lastName: '', code: 'P-0002', language: null, table: null },
      { firstName: 'Ewa', lastName: 'Łukasiewicz', code: 'P-0003', language: 'fr', table: null },
    ];
    const pdf = await signInSheet({ ...session, location: '', startTime: '', endTime: '' }, rows, { assemblyName, lang: 'en', generatedAt, timeZone });
    const text = pdfText(pdf);
    for (const s of ['P-0001', 'P-0002', 'Łukasiewicz, Ewa', 'Maximiliaan']) expect(text).toContain(s);
    expect(text).not.toContain('Location');
    expect(text).not.toContain('Time:');
    savePictures(pdf, 'signin-en-odd');
  });

  it('makes the same bytes for the same input and generation date', async () => {
    const a = await signInSheet(session, people(20), { assemblyName, lang: 'nl', generatedAt, timeZone });
    const b = await signInSheet(session, people(20).reverse(), { assemblyName, lang: 'nl', generatedAt, timeZone });
    expect(a.equals(b)).toBe(true);
  });

  it('refuses an empty list with a sentence', async () => {
    await expect(signInSheet(session, [], { assemblyName, lang: 'en', generatedAt, timeZone })).rejects.toThrow(RangeError);
    await expect(signInSheet(session, [], { assemblyName, lang: 'fr', generatedAt, timeZone })).rejects.toThrow(/Personne/);
  });
});
