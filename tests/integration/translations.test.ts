/**
 * Public texts in several languages, on a real assembly file: the migration that turns the old
 * per-item texts into title translations, the API that edits them, and the reports that print
 * them (with the fallback to the base text, and the list of what is missing).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openAssemblyDb } from '../../db/connection';
import { loadMigrations } from '../../db/migrations';
import { listTranslations } from '../../db/translations';
import { gatherReportData } from '../../main/reports/data';
import { DEMO_SEED, writeDemoAssembly } from '../../main/demo/writeDemo';
import { makeApp } from '../helpers/app';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();

async function venueFile(): Promise<string> {
  const file = join(tempDir(), 'venue.assembly');
  await writeDemoAssembly(file, { seed: DEMO_SEED, panelSize: 60, stage: 'venue' });
  return file;
}

async function workbookText(contentBase64: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(contentBase64, 'base64') as unknown as ArrayBuffer);
  return wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v ?? '')))).join('\n');
}

const csvText = (contentBase64: string) => Buffer.from(contentBase64, 'base64').toString('utf8');

describe('translations', () => {
  it('migration 0011 turns the short per-language texts of ballot items of an older file into title translations', async () => {
    const file = await venueFile();
    // Make the demo file what version 10 wrote: no translations table, no base language.
    const raw = new Database(file);
    raw.exec('DROP TABLE translations; ALTER TABLE assembly DROP COLUMN base_language;');
    raw.pragma('user_version = 10');
    raw.close();

    // Only 0011 runs: the later migrations' tables and columns are already in this demo file.
    const { db, migratedFrom } = await openAssemblyDb(file, { migrations: loadMigrations().filter((m) => m.version <= 11) });
    try {
      expect(migratedFrom).toBe(10);
      const titles = listTranslations(db).filter((r) => r.kind === 'ballotItem' && r.field === 'title');
      // Twelve recommendations, each with its Dutch and French text (the English one is the title itself).
      expect(titles.filter((r) => r.language === 'nl')).toHaveLength(12);
      expect(titles.filter((r) => r.language === 'fr')).toHaveLength(12);
      expect(titles.some((r) => r.language === 'en')).toBe(false);
      expect(titles.map((r) => r.text)).toContain('Private giften beperken tot € 2.000 per persoon per jaar');
      expect(db.prepare('SELECT base_language FROM assembly').pluck().get()).toBe('en');
    } finally {
      db.close();
    }
  });

  it('the Dutch workbook and CSV tables print Dutch item titles, ballot title and session names', async () => {
    const app = makeApp(tempDir());
    await app.call('app.openAssembly', { path: await venueFile() });
    const wb = await workbookText((await app.call('reports.export', { report: 'workbook', format: 'xlsx', level: 'aggregate', lang: 'nl' })).contentBase64);
    expect(wb).toContain('Private giften beperken tot € 2.000 per persoon per jaar');
    expect(wb).toContain('Aanbevelingen over partijfinanciering');
    expect(wb).toContain('Weekend 1 — zaterdag');
    expect(wb).not.toContain('Cap private donations');
    expect(wb).not.toContain('Weekend 1 — Saturday');

    const ballots = csvText((await app.call('reports.export', { report: 'ballots', format: 'csv', level: 'aggregate', lang: 'nl' })).contentBase64);
    expect(ballots).toContain('Private giften beperken tot € 2.000 per persoon per jaar');
    expect(ballots).toContain('Aanbevelingen over partijfinanciering');
    const attendance = csvText((await app.call('reports.export', { report: 'attendance', format: 'csv', level: 'aggregate', lang: 'nl' })).contentBase64);
    expect(attendance).toContain('Weekend 1 — zaterdag');
    const fr = csvText((await app.call('reports.export', { report: 'attendance', format: 'csv', level: 'aggregate', lang: 'fr' })).contentBase64);
    expect(fr).toContain('Week-end 1 — samedi');
    // English is the demo's base language: its reports print the base texts.
    const en = csvText((await app.call('reports.export', { report: 'ballots', format: 'csv', level: 'aggregate', lang: 'en' })).contentBase64);
    expect(en).toContain('Cap private donations at €2,000 per person per year');
    app.close();
  }, 120_000);

  it('a missing translation falls back to the base text and is listed before the export; entering it fixes both', async () => {
    const app = makeApp(tempDir());
    await app.call('app.openAssembly', { path: await venueFile() });
    // The demo is translated into Dutch and French throughout.
    expect((await app.call('translations.missing', { language: 'fr' })).count).toBe(0);
    expect((await app.call('translations.missing', { language: 'en' })).count).toBe(0);

    const { texts } = await app.call('translations.list', {});
    const sunday = texts.find((t) => t.kind === 'session' && t.base === 'Weekend 1 — Sunday')!;
    expect(sunday.translations.fr).toBe('Week-end 1 — dimanche');
    await app.call('translations.set', { kind: 'session', entityId: sunday.entityId, field: 'name', language: 'fr', text: '' });

    const missing = await app.call('translations.missing', { language: 'fr' });
    expect(missing.count).toBe(1);
    expect(missing.texts[0]).toMatchObject({ kind: 'session', entityId: sunday.entityId, base: 'Weekend 1 — Sunday' });
    // German reports are not made, but the German content is missing everywhere.
    expect((await app.call('translations.missing', { language: 'de' })).count).toBe(texts.length);

    const before = csvText((await app.call('reports.export', { report: 'attendance', format: 'csv', level: 'aggregate', lang: 'fr' })).contentBase64);
    expect(before).toContain('Weekend 1 — Sunday');
    expect(before).toContain('Week-end 1 — samedi');

    await app.call('translations.set', { kind: 'session', entityId: sunday.entityId, field: 'name', language: 'fr', text: '  Premier dimanche  ' });
    const after = csvText((await app.call('reports.export', { report: 'attendance', format: 'csv', level: 'aggregate', lang: 'fr' })).contentBase64);
    expect(after).toContain('Premier dimanche');
    expect(after).not.toContain('Weekend 1 — Sunday');
    expect((await app.call('translations.missing', { language: 'fr' })).count).toBe(0);
    // Audited: who changed which text.
    const audit = await app.call('audit.list', { entity: 'translation', limit: 10 });
    expect(audit.length).toBeGreaterThanOrEqual(2);
    app.close();
  }, 120_000);

  it('refuses an unknown kind, field, language or id, and an over-long text, writing nothing', async () => {
    const app = makeApp(tempDir());
    await app.call('app.openAssembly', { path: await venueFile() });
    const { texts } = await app.call('translations.list', {});
    const session = texts.find((t) => t.kind === 'session')!;
    const count = async () => (await app.call('translations.list', {})).texts.reduce((n, t) => n + Object.keys(t.translations).length, 0);
    const total = await count();

    const unknownId = await app.raw('translations.set', { kind: 'session', entityId: 'no-such-session', field: 'name', language: 'fr', text: 'X' });
    expect(unknownId.ok ? null : [unknownId.error.code, unknownId.error.i18nKey]).toEqual(['NOT_FOUND', 'translations.unknownText']);
    const badField = await app.raw('translations.set', { kind: 'session', entityId: session.entityId, field: 'title', language: 'fr', text: 'X' });
    expect(badField.ok ? null : badField.error.message).toMatch(/field: is not a translatable field of session/);
    const badKind = await app.raw('translations.set', { kind: 'person', entityId: session.entityId, field: 'name', language: 'fr', text: 'X' });
    expect(badKind.ok ? null : badKind.error.code).toBe('VALIDATION');
    const badLanguage = await app.raw('translations.set', { kind: 'session', entityId: session.entityId, field: 'name', language: 'es', text: 'X' });
    expect(badLanguage.ok ? null : badLanguage.error.message).toMatch(/language: must be one of nl, fr, de, en/);
    const tooLong = await app.raw('translations.set', { kind: 'session', entityId: session.entityId, field: 'name', language: 'fr', text: 'x'.repeat(121) });
    expect(tooLong.ok ? null : tooLong.error.message).toMatch(/text: must be at most 120 characters/);
    expect(await count()).toBe(total);
    app.close();
  }, 120_000);

  it('the base language can change: then that language needs no translation and the others do', async () => {
    const app = makeApp(tempDir());
    await app.call('app.openAssembly', { path: await venueFile() });
    await app.call('translations.setBaseLanguage', { language: 'nl' });
    expect((await app.call('translations.missing', { language: 'nl' })).count).toBe(0);
    // The base texts are English in fact: an "English" translation exists for none of them.
    expect((await app.call('translations.missing', { language: 'en' })).count).toBeGreaterThan(20);
    app.close();
  }, 120_000);

  it('an item rationale entered with the ballot is a public text: translated, and in the report data in that language', async () => {
    const app = makeApp(tempDir());
    await app.call('app.openAssembly', { path: await venueFile() });
    const session = (await app.call('sessions.list', {}))[5]!;
    const ballot = await app.call('voting.createBallot', {
      sessionId: session.id,
      title: 'Follow-up',
      rule: { method: 'yesNo', threshold: 'simpleMajority', abstentionsCount: false },
      quorum: { numerator: 1, denominator: 2 },
      items: [{ number: 'F1', title: 'Meet again in a year', text: { en: 'Meet again in a year' }, rationale: 'To check what was done.\nAnd to say so in public.' }],
    });
    const item = ballot.items[0]!;
    expect(item.rationale).toBe('To check what was done.\nAnd to say so in public.');
    const missing = await app.call('translations.missing', { language: 'fr' });
    expect(missing.texts.map((t) => `${t.kind}.${t.field}`).sort()).toEqual(['ballot.title', 'ballotItem.rationale', 'ballotItem.title']);
    await app.call('translations.set', { kind: 'ballotItem', entityId: item.id, field: 'rationale', language: 'fr', text: 'Pour vérifier ce qui a été fait.\nEt le dire en public.' });

    const db = app.ctx.requireDb();
    expect(listTranslations(db).find((r) => r.entityId === item.id && r.field === 'rationale')?.text).toBe('Pour vérifier ce qui a été fait.\nEt le dire en public.');
    const fr = gatherReportData(db, new Date('2027-03-01T12:00:00Z'), 'fr');
    // The report prints finalised ballots: the demo's, whose first item has a rationale in three languages.
    const published = fr.ballots[0]!.ballot.items[0]!;
    expect(published.title).toBe('Plafonner les dons privés à 2 000 € par personne et par an');
    expect(published.rationale).toBe('Les gros dons achètent un accès. Un plafond rend les partis dépendants de nombreux petits donateurs plutôt que de quelques riches.');
    const nl = gatherReportData(db, new Date('2027-03-01T12:00:00Z'), 'nl');
    expect(nl.ballots[0]!.ballot.items[0]!.rationale).toMatch(/^Grote giften kopen toegang/);
    // Without a language (or in the base language) the base texts.
    expect(gatherReportData(db, new Date('2027-03-01T12:00:00Z')).ballots[0]!.ballot.items[0]!.rationale).toMatch(/^Large gifts buy access/);
    app.close();
  }, 120_000);
});
