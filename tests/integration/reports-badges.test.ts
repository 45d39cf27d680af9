/**
 * The badge sheet, read back: text (accents, codes, labels and page numbers in the chosen
 * language), pages (8 badges a page), order (by last name), the embedded font, reproducible
 * bytes, and the QR code read from a picture of the page module by module.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { badgeSheet, BADGES_PER_PAGE, fitFontSize, QR_SYMBOL, type BadgeData } from '../../main/reports/badges';
import { byLastName } from '../../main/reports/i18n';
import { darkRuns, qrCanvas, qrMatrix } from '../../main/reports/qr';
import { pageCount, pageImage, pdfFonts, pdfInfo, pdfText, savePictures } from '../helpers/pdf';

const generatedAt = new Date('2025-03-14T12:00:00Z');
const timeZone = 'Europe/Brussels';
const assemblyName = 'Burgerpanel Klimaat 2025';

const NAMES: [string, string][] = [
  ['Ayşe', 'Çelik'], ['Łukasz', 'Wiśniewski'], ['María José', 'Nuñez'], ['Søren', 'Østergaard'], ['Jan', 'Peeters'],
  ['Marie', 'Dubois'], ['Maximiliaan-Alexander', 'Van den Heuvel-Vercruysse'], ['Zoë', 'Ëlsen'], ['Mohammed', 'El Amrani'], ['Anna', 'De Smet'],
  ['Eva', 'Janssens'], ['Lucas', 'Maes'], ['Noor', 'Claes'], ['Louis', 'Wouters'], ['Emma', 'Goossens'],
  ['Lars', 'Mertens'], ['Olivia', 'Willems'], ['Arthur', 'Jacobs'], ['Şeyma', 'Yıldız'], ['Finn', 'Lambert'],
];

const twenty: BadgeData[] = NAMES.map(([firstName, lastName], i) => ({
  firstName,
  lastName,
  code: `P-${String(1000 + i * 37)}`,
  language: (['nl', 'fr', 'en', 'de', null] as const)[i % 5] ?? null,
  table: i % 3 ? String((i % 7) + 1) : null,
}));

describe('badgeSheet', () => {
  it('prints 20 badges on 3 A4 pages, names with their accents, codes, labels and page numbers in Dutch', async () => {
    const pdf = await badgeSheet(twenty, { assemblyName, lang: 'nl', generatedAt, timeZone });
    expect(pageCount(pdf)).toBe(Math.ceil(20 / BADGES_PER_PAGE));
    const info = pdfInfo(pdf);
    expect(info['Page size']).toMatch(/^595\.2\d? x 841\.8\d? pts \(A4\)/);
    expect(info.Title).toBe(`Naambadges — ${assemblyName}`);
    const text = pdfText(pdf);
    for (const [first, last] of NAMES) {
      expect(text).toContain(last);
      expect(text).toContain(first);
    }
    for (const b of twenty) expect(text).toContain(b.code);
    for (const label of ['Code', 'Taal', 'Tafel', 'Nederlands', 'Frans', 'Engels', 'Duits', 'Naambadges', assemblyName]) expect(text).toContain(label);
    for (const p of [1, 2, 3]) expect(pdfText(pdf, { page: p })).toContain(`pagina ${p} / 3`);
    expect(text).toContain('Aangemaakt op 14 maart 2025');
    savePictures(pdf, 'badges-nl');
  });

  it('uses the chosen language (French, English)', async () => {
    const fr = pdfText(await badgeSheet(twenty.slice(0, 3), { assemblyName, lang: 'fr', generatedAt, timeZone }));
    for (const s of ['Langue', 'Table', 'Néerlandais', 'Français', 'page 1 / 1', 'Généré le 14 mars 2025', 'Badges nominatifs']) expect(fr).toContain(s);
    const en = pdfText(await badgeSheet(twenty.slice(0, 3), { assemblyName, lang: 'en', generatedAt, timeZone }));
    for (const s of ['Language', 'Table', 'Dutch', 'French', 'page 1 / 1', 'Generated on 14 March 2025', 'Name badges']) expect(en).toContain(s);
  });

  it('sorts the badges by last name as the language sorts (Ç with C, Ø with O, Ł with L), row by row', async () => {
    const pdf = await badgeSheet(twenty, { assemblyName, lang: 'nl', generatedAt, timeZone });
    const sorted = byLastName(twenty, 'nl').map((b) => b.code);
    expect(sorted.slice(0, 2)).toEqual([twenty[0]!.code, twenty[12]!.code]); // Çelik, Claes
    // With -layout, the two badges of a row share lines: codes appear in row-major order.
    const codes = [...pdfText(pdf, { layout: true }).matchAll(/P-\d{4}/g)].map((m) => m[0]);
    expect(codes).toEqual(sorted);
  });

  it('embeds a Unicode TrueType font and uses no standard PDF font', async () => {
    const fonts = pdfFonts(await badgeSheet(twenty.slice(0, 2), { assemblyName, lang: 'en', generatedAt, timeZone }));
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.name).toMatch(/DejaVuSansCondensed/);
      expect(f.embedded).toBe(true);
    }
  });

  it('makes the same bytes for the same input and generation date, with that date as the PDF creation date', async () => {
    const a = await badgeSheet(twenty, { assemblyName, lang: 'en', generatedAt, timeZone });
    const b = await badgeSheet([...twenty].reverse(), { assemblyName, lang: 'en', generatedAt, timeZone });
    expect(a.equals(b)).toBe(true);
    expect(pdfInfo(a).CreationDate).toMatch(/^2025-03-14T12:00:00(Z|\+00)/);
  });

  it('refuses an empty list with a sentence in the chosen language', async () => {
    await expect(badgeSheet([], { assemblyName, lang: 'en', generatedAt, timeZone })).rejects.toThrow(RangeError);
    await expect(badgeSheet([], { assemblyName, lang: 'nl', generatedAt, timeZone })).rejects.toThrow(/niemand om een badge/);
  });

  it('keeps the 2 x 4 grid with very long names, an erased person (code only) and a long table name', async () => {
    const odd: BadgeData[] = [
      { firstName: 'Anna-Maria Josefina Carolina', lastName: 'Van den Heuvel-Vercruysse de Wouters-Smet', code: 'ABCD-1234', language: 'fr', table: 'Table 12 — salle Europe' },
      { firstName: '', lastName: '', code: 'P-0007', language: null, table: null },
      { firstName: 'W'.repeat(40), lastName: 'M'.repeat(60), code: 'X', language: 'en', table: '3' },
      ...twenty.slice(0, 13),
    ];
    const pdf = await badgeSheet(odd, { assemblyName: 'Burgerpanel over de toekomst van het klimaatbeleid in het Brussels Hoofdstedelijk Gewest', lang: 'fr', generatedAt, timeZone });
    expect(pageCount(pdf)).toBe(2);
    expect(pdfText(pdf)).toContain('P-0007');
    savePictures(pdf, 'badges-long-names');
  });

  it('draws a QR code of at least 2.5 cm that reads back, module by module, as the code', async () => {
    // One short name, so that nothing but the QR code is dark right of the badge's middle.
    const badge: BadgeData = { firstName: 'Els', lastName: 'Aerts', code: 'P-4711', language: 'nl', table: '5' };
    const pdf = await badgeSheet([badge], { assemblyName: 'Panel', lang: 'nl', generatedAt, timeZone });
    const dpi = 150;
    const px = (pt: number) => Math.round((pt * dpi) / 72);
    const img = pageImage(pdf, 1, dpi);
    // The first badge is the top-left cell: x 28 pt .. 297 pt, y 52 pt .. 239 pt. Look in its
    // right part, inside the dashed cut lines.
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -1, -1];
    for (let y = px(80); y < px(222); y++) {
      for (let x = px(180); x < px(290); x++) {
        if (img.at(x, y) < 128) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    }
    const side = maxX - minX + 1;
    expect(Math.abs(maxY - minY + 1 - side)).toBeLessThanOrEqual(2); // square
    const mm = (side / dpi) * 25.4;
    expect(mm).toBeGreaterThanOrEqual(25);
    expect(mm).toBeCloseTo((QR_SYMBOL / 72) * 25.4, 0);

    const m = qrMatrix(badge.code);
    const modulePx = side / m.size;
    expect(modulePx).toBeGreaterThan(5);
    const read: boolean[][] = [];
    for (let r = 0; r < m.size; r++) {
      read.push([]);
      for (let c = 0; c < m.size; c++) read[r]!.push(img.at(Math.floor(minX + (c + 0.5) * modulePx), Math.floor(minY + (r + 0.5) * modulePx)) < 128);
    }
    const expected = Array.from({ length: m.size }, (_, r) => Array.from({ length: m.size }, (_, c) => m.dark(r, c)));
    expect(read).toEqual(expected);
    // White around the symbol: the quiet zone (4 modules) to the right is free of ink.
    for (let y = minY; y <= maxY; y++) for (let x = maxX + 1; x < maxX + 4 * modulePx && x < px(294); x++) expect(img.at(x, y)).toBeGreaterThan(128);
  });
});

describe('qrCanvas', () => {
  it('draws exactly the dark modules of QRCode.create, as one rectangle per run in a row', () => {
    for (const code of ['P-0001', 'X', 'ABCD-1234-EFGH-5678', 'Çelik-007']) {
      const { rects, moduleSize, size } = qrCanvas(code, 80, 10, 20);
      const m = qrMatrix(code);
      expect(size).toBe(m.size);
      expect(moduleSize).toBeCloseTo(80 / m.size, 9);
      const grid = Array.from({ length: size }, () => Array.from({ length: size }, () => false));
      for (const r of rects) {
        const row = Math.round((r.y - 20) / moduleSize);
        const col = Math.round((r.x - 10) / moduleSize);
        const len = Math.round(r.w / moduleSize);
        expect(r.h).toBeCloseTo(moduleSize, 9);
        for (let c = col; c < col + len; c++) {
          expect(grid[row]![c]).toBe(false); // no overlap
          grid[row]![c] = true;
        }
      }
      expect(grid).toEqual(Array.from({ length: size }, (_, r) => Array.from({ length: size }, (_, c) => m.dark(r, c))));
      expect(rects).toHaveLength(darkRuns(m).length);
    }
  });
});

describe('fitFontSize', () => {
  it('keeps short names at the largest size and shrinks long ones, within bounds', () => {
    expect(fitFontSize('Bos', 240, 24, 11, true)).toBe(24);
    const long = fitFontSize('Van den Heuvel-Vercruysse', 240, 24, 11, true);
    expect(long).toBeLessThan(24);
    expect(long).toBeGreaterThanOrEqual(11);
    expect(fitFontSize('M'.repeat(80), 240, 24, 11, true)).toBe(11);
  });
});

it('writes the pictures for a person to look at', async () => {
  const files = savePictures(await badgeSheet(twenty, { assemblyName, lang: 'en', generatedAt, timeZone }), 'badges-en');
  for (const f of files) expect(existsSync(f), f).toBe(true);
});
