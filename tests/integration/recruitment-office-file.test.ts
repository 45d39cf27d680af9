/**
 * An office file imported as a new user would (issue 19, "Also in recruitment"): the same person
 * twice in one file, rows in two encodings, a free-text needs column, the language both a person
 * field and a feature. Then the list of people in the screen language's collation, a panel
 * confirmed at once, and a bank account for the per-diem. Real assembly files throughout.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../../main/domain/recruitment/types';
import { officeCsv, officeXlsx } from '../fixtures/import/make-office-files';
import { makeApp } from '../helpers/app';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();
type App = ReturnType<typeof makeApp>;
const b64 = (bytes: Buffer | Uint8Array | string) => Buffer.from(bytes).toString('base64');
const errorOf = (r: Awaited<ReturnType<App['raw']>>) => (r.ok ? null : r.error);
const dbOf = (app: App) => app.ctx.requireDb() as Database.Database;
const count = (app: App, sql: string) => (dbOf(app).prepare(sql).get() as { n: number }).n;

async function withAssembly(): Promise<App> {
  const app = makeApp(tempDir());
  await app.call('app.createAssembly', { name: 'Burgerpanel Mobiliteit', panelSize: 30 });
  return app;
}

/** The guessed mapping, with the language also a feature ("Taal"). */
function withLanguageFeature(mapping: ColumnMapping, header: string[]): ColumnMapping {
  const taal = header.indexOf('Taal');
  return { columns: mapping.columns.map((c, i) => (i === taal && c.kind === 'field' ? { ...c, feature: 'Taal' } : c)) };
}

describe('an office file with repeats, two encodings and a needs column', () => {
  it('lists the repeated rows, asks to confirm the Windows-1252 rows, and imports needs and the language feature', async () => {
    const app = await withAssembly();
    const staged = await app.call('imports.stage', { fileName: 'kantoor-respondenten.csv', contentBase64: b64(officeCsv()) });
    expect(staged).toMatchObject({ encoding: 'mixed', delimiter: ';', rowCount: 10, legacyRowCount: 2 });
    expect(staged.legacyRows.map((r) => [r.row, r.cells[0], r.cells[1]])).toEqual([
      [9, 'Noël', 'Geeraerts'],
      [10, 'Hélène', 'Dupont'],
    ]);
    // "Noden" is guessed as the needs column, "Taal" as the language.
    expect(staged.mapping.columns[11]).toEqual({ kind: 'field', field: 'needs' });
    const mapping = withLanguageFeature(staged.mapping, staged.header);

    const check = await app.call('imports.check', { uploadId: staged.uploadId, mapping });
    // Not "already in the pool" on an empty pool: the repeats, by row.
    expect(check).toMatchObject({ rowsTotal: 10, newRows: 8, alreadyInPool: 0, rejectedRows: 0 });
    expect(check.repeatedInFile).toEqual([
      { row: 6, sameAs: 2 },
      { row: 8, sameAs: 5 },
    ]);
    expect(check.fileDuplicates).toEqual([{ row: 3, otherRow: 11, reasons: ['email', 'nameBirthYear'] }]);
    expect(check.needsCounts).toEqual({ accessibility: 2, diet: 3, childcare: 2, travel: 1 });
    expect(check.unrecognisedNeeds).toEqual([]);
    expect(check.newFeatureValues).toEqual(expect.arrayContaining([{ feature: 'Taal', values: ['FR', 'NL'] }]));

    // Not confirmed: refused, naming the rows, and nothing is written.
    const refused = errorOf(await app.raw('imports.commit', { uploadId: staged.uploadId, mapping, mode: 'allOrNothing' }));
    expect(refused).toMatchObject({ code: 'VALIDATION', i18nKey: 'errors.importMixedEncoding', details: { rows: [9, 10], count: 2 } });
    expect(refused!.message).toBe(
      'kantoor-respondenten.csv mixes two character encodings: rows 9, 10 were read as Windows-1252, the rest as UTF-8. Check the accents in those rows and confirm, or save the file again as "CSV UTF-8".',
    );
    expect(count(app, 'SELECT count(*) AS n FROM people')).toBe(0);

    const result = await app.call('imports.commit', { uploadId: staged.uploadId, mapping, mode: 'allOrNothing', confirmLegacyRows: true });
    expect(result).toMatchObject({ imported: 8, alreadyInPool: 0, repeatedInFile: 2, rejected: 0, duplicatesFlagged: 1 });

    const people = dbOf(app)
      .prepare('SELECT first_name AS f, last_name AS l, needs_accessibility AS a, needs_diet AS d, needs_childcare AS c, needs_travel AS t FROM people ORDER BY created_at, rowid')
      .all();
    expect(people).toEqual([
      { f: 'Élodie', l: 'Dubois', a: 'Rolstoel', d: 'vegetarisch', c: 0, t: '' },
      { f: 'Zoë', l: 'Vermeulen', a: '', d: '', c: 0, t: '' },
      { f: 'Anaïs', l: 'Lefèvre', a: '', d: 'sans gluten', c: 1, t: '' },
      { f: 'Jan', l: 'Peeters', a: '', d: '', c: 0, t: 'Taxi vanaf het station' },
      { f: 'Françoise', l: 'Maréchal', a: 'Slechthorend; ringleiding', d: '', c: 0, t: '' },
      { f: 'Noël', l: 'Geeraerts', a: '', d: '', c: 1, t: '' },
      { f: 'Hélène', l: 'Dupont', a: '', d: 'végétarien; allergie aux noix', c: 0, t: '' },
      { f: 'Zoe', l: 'Vermeulen', a: '', d: '', c: 0, t: '' },
    ]);
    // The language is a person field and a feature the quotas and tables can use.
    const summary = await app.call('pool.summary', {});
    expect(summary.features.find((f) => f.name === 'Taal')?.values).toEqual([
      { value: 'FR', count: 4 },
      { value: 'NL', count: 4 },
    ]);
    const helene = (await app.call('people.list', { query: 'helene' })).rows[0]!;
    expect([helene.language, helene.features]).toEqual(['fr', { Geslacht: 'vrouw', Taal: 'FR' }]);
    // The audit row counts the repeats and the confirmed rows (counts only: no personal data).
    const audit = await app.call('audit.list', { entity: 'import' });
    expect(audit[0]!.after).toMatchObject({ imported: 8, repeatedInFile: 2, legacyEncodingRows: 2 });
    app.close();
  });

  it('reads the same office file as a workbook: no encoding question, the same repeats', async () => {
    const app = await withAssembly();
    const staged = await app.call('imports.stage', { fileName: 'kantoor-respondenten.xlsx', contentBase64: b64(await officeXlsx()) });
    expect(staged).toMatchObject({ kind: 'xlsx', legacyRowCount: 0, legacyRows: [] });
    const check = await app.call('imports.check', { uploadId: staged.uploadId, mapping: staged.mapping });
    expect(check.repeatedInFile).toEqual([
      { row: 6, sameAs: 2 },
      { row: 8, sameAs: 5 },
    ]);
    const result = await app.call('imports.commit', { uploadId: staged.uploadId, mapping: staged.mapping, mode: 'allOrNothing' });
    expect(result).toMatchObject({ imported: 8, repeatedInFile: 2 });
    app.close();
  });

  it('refuses a mapping that makes a name a feature, with the column named', async () => {
    const app = await withAssembly();
    const staged = await app.call('imports.stage', { fileName: 'kantoor-respondenten.xlsx', contentBase64: b64(await officeXlsx()) });
    const columns = staged.mapping.columns.map((c, i) => (i === 0 && c.kind === 'field' ? { ...c, feature: 'Voornaam' } : c));
    const check = await app.call('imports.check', { uploadId: staged.uploadId, mapping: { columns } });
    expect(check.mappingProblems).toEqual([expect.objectContaining({ column: 'Voornaam', rule: 'fieldNotAFeature' })]);
    expect(errorOf(await app.raw('imports.commit', { uploadId: staged.uploadId, mapping: { columns }, mode: 'allOrNothing' }))).toMatchObject({
      i18nKey: 'errors.importMapping',
    });
    expect(count(app, 'SELECT count(*) AS n FROM people')).toBe(0);
    app.close();
  });
});

/** A small pool from a UTF-8 CSV: first name, last name, e-mail, street, house number, postcode. */
async function poolOf(app: App, rows: string[]) {
  const csv = ['Voornaam;Naam;E-mail;Straat;Huisnummer;Postcode', ...rows].join('\n');
  const staged = await app.call('imports.stage', { fileName: 'pool.csv', contentBase64: b64(csv) });
  await app.call('imports.commit', { uploadId: staged.uploadId, mapping: staged.mapping, mode: 'allOrNothing' });
  return (await app.call('people.list', { limit: 1000 })).rows;
}

describe('the People list in the collation of the screen language', () => {
  it('puts Élodie before Zoë and Étienne before Zoutman, on every page', async () => {
    const app = await withAssembly();
    await poolOf(app, ['Zoë;Maes;;;;', 'Jan;Zoutman;;;;', 'Élodie;Maes;;;;', 'Anke;Étienne;;;;', 'Piet;Eggermont;;;;']);
    const names = (rows: { firstName: string; lastName: string }[]) => rows.map((p) => `${p.firstName} ${p.lastName}`);
    expect(names((await app.call('people.list', {})).rows)).toEqual(['Piet Eggermont', 'Anke Étienne', 'Élodie Maes', 'Zoë Maes', 'Jan Zoutman']);
    // Pages are cut from the collated order.
    const page2 = await app.call('people.list', { limit: 2, offset: 2 });
    expect([page2.total, names(page2.rows)]).toEqual([5, ['Élodie Maes', 'Zoë Maes']]);
    // The same in French (the language of the screen).
    await app.call('app.setLanguage', { language: 'fr' });
    expect(names((await app.call('people.list', { query: 'maes' })).rows)).toEqual(['Élodie Maes', 'Zoë Maes']);
    app.close();
  });
});

describe('changing the status of several people at once', () => {
  it('confirms a panel in one transaction, one audit row per person', async () => {
    const app = await withAssembly();
    const people = await poolOf(app, ['Élodie;Dubois;;;;', 'Zoë;Maes;;;;', 'Jan;Peeters;;;;']);
    const ids = people.map((p) => p.id);
    expect(await app.call('people.setStatusMany', { ids, status: 'selected' })).toEqual({ changed: 3, unchanged: 0 });
    expect(await app.call('people.setStatusMany', { ids, status: 'confirmed' })).toEqual({ changed: 3, unchanged: 0 });
    expect((await app.call('people.list', { status: 'confirmed' })).total).toBe(3);
    for (const id of ids) {
      const rows = await app.call('audit.list', { entity: 'person', entityId: id });
      expect(rows.filter((a) => a.action === 'person.status').map((a) => (a.after as { status: string }).status)).toEqual(['confirmed', 'selected']);
    }
    const history = (await app.call('people.get', { id: ids[0]! })).history.map((h) => `${h.from}>${h.to}`);
    expect(history).toEqual(['pool>selected', 'selected>confirmed']);
    app.close();
  });

  it('asks for the reason a single change asks for, lists every person refused, and changes no one', async () => {
    const app = await withAssembly();
    // Élodie and Zoë share an address; the assembly allows one seat per household (the default).
    const people = await poolOf(app, ['Élodie;Dubois;;Kerkstraat;5;2000', 'Zoë;Maes;;Kerkstraat;5;2000', 'Jan;Peeters;;;;']);
    const byName = (first: string) => people.find((p) => p.firstName === first)!;
    const [elodie, zoe, jan] = [byName('Élodie'), byName('Zoë'), byName('Jan')];
    const selected = async () => (await app.call('people.list', { status: 'selected' })).rows.map((p) => p.firstName).sort();

    // The second seat of the household is refused as one by one, and Jan is not selected either.
    const household = errorOf(await app.raw('people.setStatusMany', { ids: [elodie.id, jan.id, zoe.id], status: 'selected' }));
    expect(household).toMatchObject({ code: 'VALIDATION', i18nKey: 'errors.bulkStatusRefused', details: { count: 1, total: 3 } });
    expect((household!.details as { problems: { code: string }[] }).problems.map((p) => p.code)).toEqual([zoe.code]);
    expect(await selected()).toEqual([]);
    expect(count(app, "SELECT count(*) AS n FROM audit_log WHERE action = 'person.status'")).toBe(0);

    await app.call('people.setStatusMany', { ids: [elodie.id, jan.id], status: 'selected' });
    // Withdrawing needs a reason, as for one person: every person is listed, no one changes.
    const noReason = errorOf(await app.raw('people.setStatusMany', { ids: [elodie.id, jan.id], status: 'withdrawn', date: '2027-01-10' }));
    expect(noReason).toMatchObject({ i18nKey: 'errors.bulkStatusRefused', details: { count: 2, total: 2 } });
    expect((noReason!.details as { problems: { rule: string }[] }).problems.map((p) => p.rule)).toEqual(['reasonRequired', 'reasonRequired']);
    expect(await selected()).toEqual(['Jan', 'Élodie']);

    const withdrawn = await app.call('people.setStatusMany', { ids: [elodie.id, jan.id], status: 'withdrawn', date: '2027-01-10', reason: 'Verhuisd', reasonCode: 'moved' });
    expect(withdrawn).toEqual({ changed: 2, unchanged: 0 });
    expect(await app.call('people.get', { id: jan.id })).toMatchObject({ status: 'withdrawn', statusDate: '2027-01-10', statusReason: 'Verhuisd', statusReasonCode: 'moved' });
    expect(errorOf(await app.raw('people.setStatusMany', { ids: [], status: 'confirmed' }))).toMatchObject({ code: 'VALIDATION' });
    app.close();
  });
});

describe('a bank account for the per-diem', () => {
  it('is checked (naming the field), needs the consent date, is stored compact, and is erased with the person', async () => {
    const app = await withAssembly();
    const [person] = await poolOf(app, ['Élodie;Dubois;elodie@example.be;;;']);
    const id = person!.id;

    const wrong = errorOf(await app.raw('people.update', { id, iban: 'BE71 0961 2345 6768', ibanConsentDate: '2027-01-15' }));
    expect(wrong).toMatchObject({
      code: 'VALIDATION',
      i18nKey: 'errors.iban.checksum',
      message: 'Bank account (IBAN): BE71 0961 2345 6768 is not a valid IBAN: its check digits do not match (a digit is probably mistyped).',
      details: { fields: [{ field: 'iban', rule: 'notAnIban' }] },
    });
    const short = errorOf(await app.raw('people.update', { id, iban: 'BE71 0961 2345', ibanConsentDate: '2027-01-15' }));
    expect(short).toMatchObject({ i18nKey: 'errors.iban.length', details: { params: { country: 'BE', expected: 16, length: 12 } } });
    const noConsent = errorOf(await app.raw('people.update', { id, iban: 'BE71 0961 2345 6769' }));
    expect(noConsent).toMatchObject({ i18nKey: 'errors.ibanNeedsConsent', details: { fields: [{ field: 'ibanConsentDate', rule: 'needsConsent' }] } });
    expect((await app.call('people.get', { id })).iban).toBeNull();

    const saved = await app.call('people.update', { id, iban: 'be71 0961 2345 6769', ibanConsentDate: '2027-01-15' });
    expect([saved.iban, saved.ibanConsentDate]).toEqual(['BE71096123456769', '2027-01-15']);
    // The audit row names the fields changed, never the account.
    const audit = await app.call('audit.list', { entity: 'person', entityId: id });
    expect(JSON.stringify(audit)).not.toContain('BE71');
    expect(audit.find((a) => a.action === 'person.update')?.after).toMatchObject({ fieldsChanged: ['iban', 'ibanConsentDate'] });

    const erased = await app.call('people.erase', { id, confirmCode: saved.code });
    expect([erased.iban, erased.ibanConsentDate]).toEqual([null, null]);
    expect(count(app, "SELECT count(*) AS n FROM people WHERE iban IS NOT NULL OR iban_consent_date IS NOT NULL")).toBe(0);
    app.close();
  });
});
