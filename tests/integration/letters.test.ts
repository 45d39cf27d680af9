/**
 * The recruitment letters through the API on a real assembly file, read back with poppler:
 * each letter has its addressee's code, name and language (both for Brussels), the address lies
 * in the window area (pdftotext -bbox), the mail-merge comes in batches of files sorted by
 * postcode with the page and sheet counts, and a text with an unknown placeholder is refused.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLetterSources } from '../../main/services/letterSources';
import { batchFileNames } from '../../main/services/letters';
import { MM } from '../../main/reports/pdf/layout';
import { WINDOW_LAYOUT } from '../../main/reports/lettersPdf';
import type { Addressee } from '../../main/domain/recruitment/letters/types';
import { makeApp } from '../helpers/app';
import { notdefGlyphs, pageCount, pdfText, savePictures } from '../helpers/pdf';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir('assembly-desk-letters-');
const clock = () => new Date('2026-12-07T10:00:00Z');

/** 40 addressees over the country: Flanders, Wallonia, the German-speaking Community, Brussels. */
const PLACES: [string, string, string | null][] = [
  ['9000', 'Gent', null], ['2000', 'Antwerpen', 'nl'], ['8500', 'Kortrijk', null], ['3500', 'Hasselt', 'nl'],
  ['5000', 'Namur', null], ['4000', 'Liège', 'fr'], ['7000', 'Mons', null], ['6700', 'Arlon', 'fr'],
  ['4700', 'Eupen', null], ['4780', 'Sankt Vith', 'de'],
  ['1000', 'Bruxelles', 'fr'], ['1050', 'Elsene', 'nl'], ['1210', 'Saint-Josse-ten-Noode', null],
];
const FIRST = ['Zoë', 'Élodie', 'Jürgen', 'Ayşe', 'Łukasz', 'Noor', 'François', 'Søren'];
const LAST = ['Çelik', 'Dubois', 'Schmitz', 'Peeters', 'Wiśniewski', 'El Amrani', 'Van den Heuvel', 'Nuñez'];

function seeded(n = 40): Addressee[] {
  return Array.from({ length: n }, (_, i) => {
    const [postcode, municipality, language] = PLACES[(i * 7) % PLACES.length]!;
    return {
      code: `C${String(1000 + i * 13).padStart(5, '0')}`,
      name: `${FIRST[i % FIRST.length]} ${LAST[(i * 3) % LAST.length]}`,
      addressLines: [`Straat ${i + 1}${i % 5 === 0 ? ' bus 2' : ''}`],
      postcode,
      municipality,
      language,
    };
  });
}

/** Subjects of the default texts (the French one is edited in the tests), to tell a letter's language. */
const SUBJECT = { nl: 'Uitnodiging: neem deel aan', de: 'Einladung: Nehmen Sie an', fr: 'Invitation : participez' };
/** pdftotext writes the narrow no-break space of French typography as it likes: compared as a space. */
const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

async function assemblyWithFeatures() {
  const dir = tempDir();
  const app = makeApp(dir, 'Test Operator', clock);
  await app.call('app.createAssembly', { name: 'Burgerpanel Klimaat' });
  const db = app.ctx.requireDb();
  // Two features, as an import would leave them (the import itself is another part's test).
  db.prepare("INSERT INTO features (id, name, position, created_at) VALUES ('f1', 'Geslacht', 0, '2026-12-01'), ('f2', 'Leeftijd', 1, '2026-12-01')").run();
  db.prepare(
    `INSERT INTO feature_values (id, feature_id, value, position) VALUES
     ('v1', 'f1', 'vrouw', 0), ('v2', 'f1', 'man', 1), ('v3', 'f1', 'anders', 2),
     ('v4', 'f2', '16-29', 0), ('v5', 'f2', '30-49', 1), ('v6', 'f2', '50-64', 2), ('v7', 'f2', '65+', 3)`,
  ).run();
  await app.call('translations.setBaseLanguage', { language: 'nl' });
  await app.call('translations.set', { kind: 'feature', entityId: 'f1', field: 'name', language: 'fr', text: 'Genre' });
  await app.call('translations.set', { kind: 'featureValue', entityId: 'v1', field: 'value', language: 'fr', text: 'femme' });
  await app.call('letters.setSettings', { deadline: '2027-01-15', contact: '02 123 45 67, burgerpanel@example.be', sender: 'Burgerpanel Klimaat\nWetstraat 16\n1000 Brussel', signature: 'Anna Peeters\nProjectcoördinator', url: '' });
  return { app, dir };
}

/** Words of a page with their boxes, in pt from the top-left corner (pdftotext -bbox). */
function words(file: string, page: number): { text: string; xMin: number; yMin: number; xMax: number; yMax: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5]!.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"'),
  }));
}

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

describe('letter texts', () => {
  let app: Awaited<ReturnType<typeof assemblyWithFeatures>>['app'];
  beforeEach(async () => {
    ({ app } = await assemblyWithFeatures());
  });
  afterEach(() => app.close());

  it('refuses an unknown placeholder, naming it and its line, and stores nothing', async () => {
    const before = await app.call('letters.texts', {});
    const result = await app.raw('letters.setText', { kind: 'invitation', language: 'fr', subject: 'Invitation', body: 'Bonjour {name},\n\nVotre code : {nmae}.' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.i18nKey).toBe('letters.placeholder.unknown');
    expect(result.error.message).toContain('Unknown placeholder {nmae} in the French invitation body, line 3');
    expect(result.error.details).toMatchObject({ params: { found: '{nmae}', line: 3 }, fields: [{ field: 'body', rule: 'placeholder.unknown' }] });
    expect(await app.call('letters.texts', {})).toEqual(before);
  });

  it('stores an edited text per kind and language, and goes back to the default', async () => {
    const saved = await app.call('letters.setText', { kind: 'reminder', language: 'de', subject: 'Erinnerung an {assembly}', body: 'Guten Tag {name},\n\nIhr Code: {code}.' });
    expect(saved).toMatchObject({ kind: 'reminder', language: 'de', edited: true, subject: 'Erinnerung an {assembly}' });
    const all = await app.call('letters.texts', {});
    expect(all.texts.filter((t) => t.edited).map((t) => `${t.kind}/${t.language}`)).toEqual(['reminder/de']);
    expect(all.settings.deadline).toBe('2027-01-15');
    const reset = await app.call('letters.resetText', { kind: 'reminder', language: 'de' });
    expect(reset.edited).toBe(false);
    expect(reset.subject).toBe('Erinnerung: Ihre Einladung zu {assembly}');
  });

  it('makes a sample letter in French with the edited text and the questions in French', async () => {
    await app.call('letters.setText', { kind: 'invitation', language: 'fr', subject: 'Tirage au sort : {assembly}', body: 'Bonjour {name},\n\nRépondez avant le {deadline} avec le code {code}.' });
    const sample = await app.call('letters.sample', { kind: 'invitation', sample: 'fr' });
    const pdf = Buffer.from(sample.contentBase64, 'base64');
    const text = pdfText(pdf);
    expect(text).toContain('Tirage au sort : Burgerpanel Klimaat');
    expect(text).toContain('Répondez avant le 15 janvier 2027 avec le code EX4M9P.');
    expect(text).toContain('Genre: ☐ femme ☐ man ☐ anders');
    expect(text).toContain('Coupon-réponse');
    expect(sample.pages).toBe(1);
  });
});

describe('the reply card', () => {
  it('stays on the bottom third of the first page with many questions, long ones as a line to write on', async () => {
    const { app, dir } = await assemblyWithFeatures();
    const db = app.ctx.requireDb();
    for (let f = 3; f <= 9; f++) {
      db.prepare('INSERT INTO features (id, name, position, created_at) VALUES (?, ?, ?, ?)').run(`f${f}`, `Kenmerk nummer ${f}`, f, '2026-12-01');
      const values = f === 9 ? 19 : 7;
      for (let v = 0; v < values; v++) db.prepare('INSERT INTO feature_values (id, feature_id, value, position) VALUES (?, ?, ?, ?)').run(`f${f}v${v}`, `f${f}`, `waarde ${f}.${v} lang genoeg`, v);
    }
    for (const sample of ['nl', 'brussels'] as const) {
      const file = await app.call('letters.sample', { kind: 'invitation', sample });
      expect(file.pages).toBe(sample === 'brussels' ? 2 : 1);
      const path = join(dir, `${sample}.pdf`);
      writeFileSync(path, Buffer.from(file.contentBase64, 'base64'));
      const ws = words(path, 1);
      const card = ws.filter((w) => w.yMin > WINDOW_LAYOUT.cardTop * MM);
      // Every question is on the card, the last line (date and signature) above the sheet's edge.
      for (let f = 3; f <= 9; f++) expect(card.some((w) => w.text.replace(/:$/, '') === String(f)), `feature ${f}`).toBe(true);
      const signature = card.find((w) => w.text === 'Datum')!;
      expect(signature.yMax).toBeLessThan((297 - 8) * MM);
      // The feature with 19 values gets a line to write on, not 19 boxes.
      expect(card.some((w) => w.text.startsWith('9.'))).toBe(false);
      if (sample === 'brussels') savePictures(readFileSync(path), 'letter-many-questions-brussels', 70);
    }
    app.close();
  });
});

describe('the mail-merge', () => {
  it('writes every letter in its language with its code and name, sorted by postcode, in batches', async () => {
    const { app, dir } = await assemblyWithFeatures();
    const list = seeded(40);
    restore = setLetterSources({ invitees: () => list });
    const out = join(dir, 'uitnodigingen.pdf');
    const result = await app.call('letters.export', { path: out, kind: 'invitation', batchSize: 15 });

    expect(result.files.map((f) => f.path)).toEqual(batchFileNames(out, 3));
    expect(result.files.map((f) => f.letters)).toEqual([15, 15, 10]);
    const brussels = list.filter((a) => a.postcode.startsWith('10') || a.postcode.startsWith('12')).length;
    // Brussels letters take two pages (Dutch and French), the others one.
    expect(result).toMatchObject({ letters: 40, pages: 40 + brussels, sheets: 40 + brussels, sheetsDuplex: 40 });
    expect((result.byLanguage['nl-fr'] ?? 0) + (result.byLanguage['fr-nl'] ?? 0)).toBe(brussels);

    let previousPostcode = 0;
    const seen = new Set<string>();
    for (const f of result.files) {
      expect(statSync(f.path).mode & 0o777).toBe(0o600);
      const pdf = readFileSync(f.path);
      expect(pageCount(pdf)).toBe(f.pages);
      for (let page = 1; page <= f.pages; page++) {
        const text = plain(pdfText(pdf, { page }));
        const code = /(?:Uw code|Votre code|Ihr Code)[^:]*: (C\d{5})/.exec(text)?.[1];
        if (!code) continue; // the second page of a bilingual letter
        const a = list.find((x) => x.code === code)!;
        seen.add(code);
        expect(Number(a.postcode)).toBeGreaterThanOrEqual(previousPostcode);
        previousPostcode = Number(a.postcode);
        expect(text).toContain(a.name);
        expect(text).toContain(`${a.postcode} ${a.municipality}`);
        const region = Number(a.postcode) < 1300 ? 'brussels' : Number(a.postcode) >= 4700 && Number(a.postcode) < 4800 ? 'de' : Number(a.postcode) >= 4000 && Number(a.postcode) < 8000 ? 'fr' : 'nl';
        if (region === 'brussels') {
          // The person's language first (French when the register says so), the other on the next page.
          const [firstLang, secondLang] = a.language === 'fr' ? (['fr', 'nl'] as const) : (['nl', 'fr'] as const);
          expect(text).toContain(SUBJECT[firstLang]);
          expect(text).toContain('Antwoordkaart');
          expect(text).toContain('Coupon-réponse');
          expect(plain(pdfText(pdf, { page: page + 1 }))).toContain(SUBJECT[secondLang]);
        } else {
          expect(text).toContain(SUBJECT[region]);
          for (const other of Object.keys(SUBJECT).filter((l) => l !== region)) expect(text).not.toContain(SUBJECT[other as keyof typeof SUBJECT]);
        }
        // The code on the card too, under its QR code.
        expect(text.split(code).length - 1).toBeGreaterThanOrEqual(3);
      }
    }
    expect(seen.size).toBe(40);
    expect((await app.call('letters.progress', {})).running).toBe(false);
    // Each file is recorded, so that an erasure names it as a copy made elsewhere.
    const audit = app.ctx.requireDb().prepare("SELECT after_json FROM audit_log WHERE action = 'letters.export'").pluck().all() as string[];
    expect(audit.map((a) => JSON.parse(a).path)).toEqual(result.files.map((f) => f.path));

    // Again to the same name: refused before anything is written.
    const again = await app.raw('letters.export', { path: out, kind: 'invitation', batchSize: 15 });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error).toMatchObject({ code: 'FILE_EXISTS', i18nKey: 'letters.fileExists' });
    app.close();
  });

  it('reports its progress while the letters are made, and refuses a second export meanwhile', async () => {
    const { app, dir } = await assemblyWithFeatures();
    const list = seeded(200);
    restore = setLetterSources({ invitees: () => list });
    const pending = app.call('letters.export', { path: join(dir, 'voortgang.pdf'), kind: 'invitation', batchSize: 100 });
    const seen: { done: number; total: number; files: number; fileCount: number }[] = [];
    let second: Awaited<ReturnType<typeof app.raw>> | null = null;
    let finished = false;
    void pending.finally(() => {
      finished = true;
    });
    while (!finished) {
      const p = await app.call('letters.progress', {});
      if (p.running) seen.push(p);
      if (p.running && !second) second = await app.raw('letters.export', { path: join(dir, 'tweede.pdf'), kind: 'invitation' });
      await new Promise((resolve) => setImmediate(resolve));
    }
    const result = await pending;
    expect(result.letters).toBe(200);
    expect(seen.every((p) => p.total === 200 && p.fileCount === 2)).toBe(true);
    // Every 25 letters or so, not only per file.
    const done = seen.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(new Set(done.filter((d) => d % 100 !== 0)).size).toBeGreaterThanOrEqual(3);
    expect(second?.ok).toBe(false);
    if (second && !second.ok) expect(second.error.i18nKey).toBe('letters.busy');
    expect((await app.call('letters.progress', {})).running).toBe(false);
    app.close();
  });

  it('places the address inside the window area of a DL or C6/5 envelope', async () => {
    const { app, dir } = await assemblyWithFeatures();
    const list = seeded(13);
    restore = setLetterSources({ invitees: () => list });
    const result = await app.call('letters.export', { path: join(dir, 'venster'), kind: 'invitation' });
    const file = result.files[0]!.path;
    const pdf = readFileSync(file);
    const win = WINDOW_LAYOUT.visible;
    let checked = 0;
    for (let page = 1; page <= result.pages; page++) {
      const text = pdfText(pdf, { page });
      const a = list.find((x) => text.includes(`: ${x.code}`));
      if (!a) continue;
      const ws = words(file, page);
      // The address lines: the name, the street and "postcode municipality", each found by its first word's position.
      const lines = [a.name, a.addressLines[0]!, `${a.postcode} ${a.municipality}`];
      for (const line of lines) {
        const first = line.split(' ')[0]!;
        // (below the return line, which also names a postcode)
        const hits = ws.filter((w) => w.text === first && w.yMin > (WINDOW_LAYOUT.addressTop - 1) * MM && w.yMax < 100 * MM && w.xMin < 110 * MM);
        expect(hits, `${line} on page ${page}`).toHaveLength(1);
        const w = hits[0]!;
        expect(w.xMin).toBeGreaterThanOrEqual(win.left * MM);
        expect(w.yMin).toBeGreaterThanOrEqual(win.top * MM);
        expect(w.yMax).toBeLessThanOrEqual(win.bottom * MM);
        const lineWords = ws.filter((x) => Math.abs(x.yMin - w.yMin) < 1 && x.xMin >= w.xMin && x.xMin < 110 * MM);
        expect(Math.max(...lineWords.map((x) => x.xMax))).toBeLessThanOrEqual(win.right * MM);
      }
      // Nothing else of the letter shows through the window.
      const inWindow = ws.filter((w) => w.yMin >= win.top * MM && w.yMax <= win.bottom * MM && w.xMax <= win.right * MM);
      // (the return line above the address is the sender's: it shows, as it should)
      const allowed = new Set([...lines.join(' ').split(' '), 'Burgerpanel', 'Klimaat', '·', 'Wetstraat', '16', '1000', 'Brussel']);
      expect(inWindow.filter((w) => !allowed.has(w.text)).map((w) => w.text), `page ${page}`).toEqual([]);
      checked++;
    }
    expect(checked).toBe(13);
    app.close();
  });

  it('sends the reminder to the listed codes only, and refuses a code never invited', async () => {
    const { app, dir } = await assemblyWithFeatures();
    const list = seeded(20);
    restore = setLetterSources({ invitees: () => list });
    const codes = [list[3]!.code, list[11]!.code];
    const result = await app.call('letters.export', { path: join(dir, 'herinnering.pdf'), kind: 'reminder', codes });
    expect(result.letters).toBe(2);
    const text = pdfText(readFileSync(result.files[0]!.path));
    for (const c of codes) expect(text).toContain(c);
    expect(text).not.toContain(list[0]!.code);
    expect(text).toMatch(/Herinnering|Rappel|Erinnerung/);

    const bad = await app.raw('letters.export', { path: join(dir, 'herinnering-2.pdf'), kind: 'reminder', codes: ['NEVER1'] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatchObject({ code: 'VALIDATION', i18nKey: 'letters.unknownCodes' });
    expect(existsSync(join(dir, 'herinnering-2.pdf'))).toBe(false);
    app.close();
  });

  it('says that no invitation lottery was drawn while nothing is plugged in', async () => {
    const { app, dir } = await assemblyWithFeatures();
    const result = await app.raw('letters.export', { path: join(dir, 'x.pdf'), kind: 'invitation' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.i18nKey).toBe('letters.noInvitees');
    app.close();
  });

  it('pictures of a Dutch, a French, a German and a Brussels letter for a person to look at', async () => {
    const { app } = await assemblyWithFeatures();
    for (const sample of ['nl', 'fr', 'de', 'brussels'] as const) {
      const file = await app.call('letters.sample', { kind: 'invitation', sample });
      const pdf = Buffer.from(file.contentBase64, 'base64');
      // Every character has its glyph in the embedded font (ß, ü, é, ☐, ✂, the narrow no-break space).
      expect(notdefGlyphs(pdf), sample).toBe(0);
      // The same texts and clock make the same bytes.
      expect(Buffer.from((await app.call('letters.sample', { kind: 'invitation', sample })).contentBase64, 'base64').equals(pdf)).toBe(true);
      const pictures = savePictures(pdf, `letter-${sample}`, 70);
      expect(pictures).toHaveLength(sample === 'brussels' ? 2 : 1);
      writeFileSync(pictures[0]!.replace(/-\d+\.png$/, '.pdf'), pdf);
    }
    app.close();
  });
});
