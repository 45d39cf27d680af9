import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../../main/domain/recruitment/types';
import { makeApp } from '../helpers/app';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();

async function withAssembly() {
  const dir = tempDir();
  const app = makeApp(dir);
  const info = await app.call('app.createAssembly', { name: 'Partijfinanciering', panelSize: 60 });
  return { ...app, dir, info };
}

const HEADER = 'Voornaam;Naam;E-mail;GSM;Straat;Huisnummer;Postcode;Gemeente;Geboortejaar;Taal;Geslacht;Provincie';
const ROWS = [
  'Élodie;Dubois;elodie.dubois@example.be;0475 12 34 56;Rue de la Loi;16;1000;Bruxelles;1985;FR;vrouw;Brussel',
  'Mehmet;Çelik;m.celik@example.be;0476 11 22 33;Kerkstraat;5;2000;Antwerpen;1972;NL;man;Antwerpen',
  'Noël;Peeters;noel.peeters@example.be;0477 22 33 44;Kerkstr.;5;2000;Antwerpen;1970;nl;man;Antwerpen',
  'Anke;Janssens;anke@example.be;0478 33 44 55;Stationsplein;1;3000;Leuven;2001;Nederlands;vrouw;Vlaams-Brabant',
  'Luc;Lambert;luc.lambert@example.be;0479 44 55 66;Chaussée de Wavre;200;5000;Namur;19x5;FR;man;Namen',
  'Sofie;Maes;sofie.maes@example.be;0470 55 66 77;Veldstraat;10;9000;Gent;1990;Klingon;vrouw;Oost-Vlaanderen',
];
/** A Belgian Excel export: semicolons, Windows-1252, CRLF. */
const belgianCsv = (rows = ROWS) => Buffer.from([HEADER, ...rows].join('\r\n') + '\r\n', 'latin1');

const b64 = (bytes: Buffer | Uint8Array) => Buffer.from(bytes).toString('base64');
const peopleCount = (app: { ctx: { requireDb: () => Database.Database } }) =>
  (app.ctx.requireDb().prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;

describe('importing the respondent pool', () => {
  it('reads a semicolon Windows-1252 file, refuses it whole while rows are wrong, and imports it once fixed', async () => {
    const app = await withAssembly();
    const staged = await app.call('imports.stage', { fileName: 'antwoorden.csv', contentBase64: b64(belgianCsv()) });
    expect(staged).toMatchObject({ kind: 'csv', encoding: 'windows-1252', delimiter: ';', rowCount: 6, mappingSource: 'guessed' });
    expect(staged.preview[1]![1]).toBe('Çelik');
    const mapping = staged.mapping;
    expect(mapping.columns.slice(0, 4)).toEqual([
      { kind: 'field', field: 'firstName' },
      { kind: 'field', field: 'lastName' },
      { kind: 'field', field: 'email' },
      { kind: 'field', field: 'phone' },
    ]);
    expect(mapping.columns[10]).toEqual({ kind: 'feature', feature: 'Geslacht' });

    const check = await app.call('imports.check', { uploadId: staged.uploadId, mapping });
    expect(check).toMatchObject({ rowsTotal: 6, newRows: 4, rejectedRows: 2, problemCount: 2 });
    expect(check.problems.map((p) => [p.row, p.column, p.rule])).toEqual([
      [6, 'Geboortejaar', 'notAYear'],
      [7, 'Taal', 'unknownLanguage'],
    ]);

    // All or nothing (the default): refused, nothing written.
    const refused = await app.raw('imports.commit', { uploadId: staged.uploadId, mapping, mode: 'allOrNothing' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error).toMatchObject({ code: 'VALIDATION', i18nKey: 'errors.importRejected' });
    expect(refused.error.message).toContain('2 of 6 rows');
    expect((refused.error.details as { problems: unknown[] }).problems).toHaveLength(2);
    expect(peopleCount(app)).toBe(0);
    expect(await app.call('imports.list', {})).toEqual([]);

    // Fix both cells in memory, then everything goes in.
    const yearColumn = staged.header.indexOf('Geboortejaar');
    const languageColumn = staged.header.indexOf('Taal');
    await app.call('imports.editCell', { uploadId: staged.uploadId, row: 6, column: yearColumn, value: '1965' });
    await app.call('imports.editCell', { uploadId: staged.uploadId, row: 7, column: languageColumn, value: 'NL' });
    const result = await app.call('imports.commit', { uploadId: staged.uploadId, mapping, mode: 'allOrNothing' });
    expect(result).toMatchObject({ imported: 6, alreadyInPool: 0, rejected: 0, rejectedFile: null });
    expect(peopleCount(app)).toBe(6);

    // Accent-insensitive search, features created from the mapped columns.
    const found = await app.call('people.list', { query: 'celik' });
    expect(found.rows.map((p) => p.lastName)).toEqual(['Çelik']);
    expect(found.rows[0]!.features).toEqual({ Geslacht: 'man', Provincie: 'Antwerpen' });
    expect((await app.call('people.list', { query: 'ELODIE' })).rows.map((p) => p.firstName)).toEqual(['Élodie']);
    expect((await app.call('people.list', { query: '0475123456' })).total).toBe(1);

    // "Kerkstraat 5" and "Kerkstr. 5" in 2000: one household.
    const keys = app.ctx
      .requireDb()
      .prepare("SELECT household_key AS k FROM people WHERE last_name IN ('Çelik', 'Peeters')")
      .pluck()
      .all() as string[];
    expect(keys[0]).not.toBeNull();
    expect(keys[0]).toBe(keys[1]);

    // The audit row holds counts, never personal data.
    const audit = await app.call('audit.list', { entity: 'import' });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).not.toMatch(/Élodie|Çelik|example\.be/);
    app.close();
  });

  it('does not create duplicates when the same file is imported again, and offers the saved mapping', async () => {
    const app = await withAssembly();
    const fixed = belgianCsv(ROWS.map((r) => r.replace('19x5', '1965').replace('Klingon', 'NL')));
    const first = await app.call('imports.stage', { fileName: 'a.csv', contentBase64: b64(fixed) });
    const mapping: ColumnMapping = { columns: first.mapping.columns.map((c, i) => (i === 11 ? { kind: 'ignore' } : c)) };
    expect((await app.call('imports.commit', { uploadId: first.uploadId, mapping, mode: 'allOrNothing' })).imported).toBe(6);

    const again = await app.call('imports.stage', { fileName: 'a.csv', contentBase64: b64(fixed) });
    expect(again.mappingSource).toBe('saved');
    expect(again.mapping).toEqual(mapping);
    const result = await app.call('imports.commit', { uploadId: again.uploadId, mapping: again.mapping, mode: 'allOrNothing' });
    expect(result).toMatchObject({ imported: 0, alreadyInPool: 6 });
    expect(peopleCount(app)).toBe(6);
    expect((await app.call('imports.list', {})).map((i) => i.imported)).toEqual([0, 6]);
    app.close();
  });

  it('imports the valid rows only when asked, and returns the rejected rows with their reasons', async () => {
    const app = await withAssembly();
    const staged = await app.call('imports.stage', { fileName: 'antwoorden.csv', contentBase64: b64(belgianCsv()) });
    const result = await app.call('imports.commit', { uploadId: staged.uploadId, mapping: staged.mapping, mode: 'validOnly' });
    expect(result).toMatchObject({ imported: 4, rejected: 2 });
    expect(result.rejectedFile?.fileName).toBe('antwoorden-rejected-rows.csv');
    const lines = result.rejectedFile!.content.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(`Row;Problems;${HEADER}`);
    // Quoted by RFC 4180 (the reason holds quotes), in the file's own delimiter.
    expect(lines[1]).toMatch(/^6;"Row 6, column ""Geboortejaar"": ""19x5"" is not a year\.";Luc;Lambert;/);
    expect(lines[2]).toMatch(/^7;.*Klingon.*;Sofie;Maes;/);
    expect(peopleCount(app)).toBe(4);
    // The staged file is gone once committed.
    expect((await app.raw('imports.check', { uploadId: staged.uploadId, mapping: staged.mapping })).ok).toBe(false);
    app.close();
  });

  it('flags possible duplicates (same e-mail, phone, or name and birth year) without merging them', async () => {
    const app = await withAssembly();
    const csv = [
      'first name,last name,email,phone,birth year',
      'An,Peeters,an@example.be,0470 00 00 01,1980',
      'Anna,Peeters,AN@example.be,0470 00 00 02,1981',
      'Bart,Claes,bart@example.be,+32 470 00 00 03,1975',
      'Bert,Claes,bert@example.be,0470/00.00.03,1976',
      'Chris,Wouters,chris1@example.be,0470 00 00 05,1990',
      'Chris,Wouters,chris2@example.be,0470 00 00 06,1990',
    ].join('\n');
    const staged = await app.call('imports.stage', { fileName: 'pool.csv', contentBase64: b64(Buffer.from(csv)) });
    expect(staged.delimiter).toBe(',');
    const check = await app.call('imports.check', { uploadId: staged.uploadId, mapping: staged.mapping });
    expect(check.duplicatesFlagged).toBe(3);
    const result = await app.call('imports.commit', { uploadId: staged.uploadId, mapping: staged.mapping, mode: 'allOrNothing' });
    expect(result).toMatchObject({ imported: 6, duplicatesFlagged: 3 });
    const flags = await app.call('duplicates.list', { status: 'open' });
    expect(flags.map((f) => f.reasons).sort()).toEqual([['email'], ['nameBirthYear'], ['phone']]);

    const byEmail = flags.find((f) => f.reasons.includes('email'))!;
    const distinct = await app.call('duplicates.resolve', { id: byEmail.id, resolution: 'distinct' });
    expect(distinct.status).toBe('distinct');
    const byName = flags.find((f) => f.reasons.includes('nameBirthYear'))!;
    await app.call('duplicates.resolve', { id: byName.id, resolution: 'keepA' });
    expect((await app.call('people.list', {})).total).toBe(5);
    expect((await app.call('people.list', { duplicatesOnly: true })).total).toBe(2);
    const again = await app.raw('duplicates.resolve', { id: byName.id, resolution: 'keepB' });
    expect(again.ok ? null : again.error.code).toBe('CONFLICT');
    app.close();
  });

  it('reads an Excel workbook, on the sheet the user chooses', async () => {
    const app = await withAssembly();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Uitleg').addRow(['Dit blad legt de kolommen uit']);
    const sheet = workbook.addWorksheet('Respondenten');
    sheet.addRow(['Prénom', 'Nom', 'Année de naissance', 'Langue', 'Sexe']);
    sheet.addRow(['Zoé', 'Lefèvre', 1988, 'Français', 'femme']);
    sheet.addRow(['Jean', 'Dupont', 1950, 'fr', 'homme']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const dir = app.dir;
    writeFileSync(join(dir, 'pool.xlsx'), bytes);

    const staged = await app.call('imports.stageFile', { path: join(dir, 'pool.xlsx') });
    expect(staged.sheets).toEqual(['Uitleg', 'Respondenten']);
    const chosen = await app.call('imports.selectSheet', { uploadId: staged.uploadId, sheet: 'Respondenten' });
    expect(chosen.header).toEqual(['Prénom', 'Nom', 'Année de naissance', 'Langue', 'Sexe']);
    expect(chosen.preview[0]).toEqual(['Zoé', 'Lefèvre', '1988', 'Français', 'femme']);
    const result = await app.call('imports.commit', { uploadId: chosen.uploadId, mapping: chosen.mapping, mode: 'allOrNothing' });
    expect(result.imported).toBe(2);
    const zoe = (await app.call('people.list', { query: 'zoe' })).rows[0]!;
    expect(zoe).toMatchObject({ birthYear: 1988, language: 'fr', features: { Sexe: 'femme' } });

    const missing = await app.raw('imports.selectSheet', { uploadId: chosen.uploadId, sheet: 'Blad3' });
    expect(missing.ok).toBe(false);
    app.close();
  });

  describe('broken files: a clear error, and nothing written', () => {
    const cases: [string, string, Buffer, RegExp][] = [
      ['an empty file', 'empty.csv', Buffer.alloc(0), /empty/i],
      ['binary garbage', 'garbage.csv', Buffer.from([0x00, 0xff, 0x13, 0x00, 0x89, 0x50, 0x00, 0x01, 0x02, 0x00, 0x7f, 0x00]), /binary|not text/i],
      ['a 0-byte xlsx', 'empty.xlsx', Buffer.alloc(0), /empty/i],
      ['an old .xls workbook', 'old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /xls/i],
      ['a zip that is not a workbook', 'fake.xlsx', Buffer.from('PK\u0003\u0004 this is not really a zip'), /excel|workbook/i],
      ['an unterminated quote', 'quote.csv', Buffer.from('first name,last name\nAn,"Peeters\nBart,Claes\n'), /quote/i],
    ];
    for (const [what, fileName, bytes, message] of cases) {
      it(`refuses ${what}`, async () => {
        const app = await withAssembly();
        const result = await app.raw('imports.stage', { fileName, contentBase64: b64(bytes) });
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.code).toBe('VALIDATION');
        expect(result.error.i18nKey).toMatch(/^importFile\./);
        expect(result.error.message).toMatch(message);
        expect(result.error.message).toContain(fileName);
        expect(peopleCount(app)).toBe(0);
        app.close();
      });
    }

    it('reports a row with one column fewer (row 7) and writes nothing', async () => {
      const app = await withAssembly();
      const lines = ['first name,last name,email,birth year,gender'];
      for (let i = 2; i <= 10; i++) lines.push(i === 7 ? `P${i},Q${i},p${i}@example.be,1980` : `P${i},Q${i},p${i}@example.be,1980,woman`);
      const staged = await app.call('imports.stage', { fileName: 'short.csv', contentBase64: b64(Buffer.from(lines.join('\n'))) });
      const refused = await app.raw('imports.commit', { uploadId: staged.uploadId, mapping: staged.mapping, mode: 'allOrNothing' });
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      const problems = (refused.error.details as { problems: { row: number; rule: string; message: string }[] }).problems;
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ row: 7, rule: 'wrongColumnCount' });
      expect(problems[0]!.message).toContain('Row 7 has 4 columns; the header has 5');
      expect(peopleCount(app)).toBe(0);
      app.close();
    });

    it('refuses a mapping without names, listing what is wrong', async () => {
      const app = await withAssembly();
      const staged = await app.call('imports.stage', { fileName: 'x.csv', contentBase64: b64(Buffer.from('a,b\n1,2\n')) });
      const refused = await app.raw('imports.commit', {
        uploadId: staged.uploadId,
        mapping: { columns: [{ kind: 'ignore' }, { kind: 'ignore' }] },
        mode: 'allOrNothing',
      });
      expect(refused.ok ? null : refused.error.i18nKey).toBe('errors.importMapping');
      const wrongLength = await app.call('imports.check', { uploadId: staged.uploadId, mapping: { columns: [{ kind: 'ignore' }] } });
      expect(wrongLength.mappingProblems.map((p) => p.rule)).toContain('lengthMismatch');
      app.close();
    });
  });

  it('rolls the whole import back when writing fails half-way', async () => {
    const app = await withAssembly();
    const db = app.ctx.requireDb();
    // Make the 4th person insert fail, as a full disk or a bug would.
    db.exec(`CREATE TRIGGER fail_fourth BEFORE INSERT ON people WHEN (SELECT count(*) FROM people) >= 3
             BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END`);
    const fixed = belgianCsv(ROWS.map((r) => r.replace('19x5', '1965').replace('Klingon', 'NL')));
    const staged = await app.call('imports.stage', { fileName: 'a.csv', contentBase64: b64(fixed) });
    const failed = await app.raw('imports.commit', { uploadId: staged.uploadId, mapping: staged.mapping, mode: 'allOrNothing' });
    expect(failed.ok).toBe(false);
    expect(peopleCount(app)).toBe(0);
    expect((db.prepare('SELECT count(*) AS n FROM features').get() as { n: number }).n).toBe(0);
    expect(await app.call('imports.list', {})).toEqual([]);
    app.close();
  });
});

describe('review fixes: imports', () => {
  it('never reuses a check made before the file was closed and changed by someone else', async () => {
    const app = await withAssembly();
    const path = app.ctx.open!.path;
    const csv = Buffer.from('first name,last name,gender\nAn,Peeters,woman\nBart,Claes,man\n');
    const staged = await app.call('imports.stage', { fileName: 'p.csv', contentBase64: b64(csv) });
    await app.call('imports.check', { uploadId: staged.uploadId, mapping: staged.mapping });
    await app.call('app.closeAssembly', {});
    // Another laptop (another process) imports the same file meanwhile.
    const other = makeApp(tempDir(), 'Other laptop');
    await other.call('app.openAssembly', { path });
    await other.call('imports.importFile', { path: (writeFileSync(join(app.dir, 'p.csv'), csv), join(app.dir, 'p.csv')) });
    other.close();
    await app.call('app.openAssembly', { path });
    const result = await app.call('imports.commit', { uploadId: staged.uploadId, mapping: staged.mapping, mode: 'allOrNothing' });
    expect(result).toMatchObject({ imported: 0, alreadyInPool: 2 });
    expect(peopleCount(app)).toBe(2);
    app.close();
  });

  it('a respondent id already in the pool with other details is a problem to resolve, whatever its case', async () => {
    const app = await withAssembly();
    const first = Buffer.from('id,first name,last name,email\nR1,Ann,Peeters,ann@example.be\n');
    const staged = await app.call('imports.stage', { fileName: 'p.csv', contentBase64: b64(first) });
    await app.call('imports.commit', { uploadId: staged.uploadId, mapping: staged.mapping, mode: 'allOrNothing' });
    for (const id of ['R1', 'r1']) {
      const corrected = Buffer.from(`id,first name,last name,email\n${id},Ann,Peeters,ann.peeters@example.be\n`);
      const again = await app.call('imports.stage', { fileName: 'p.csv', contentBase64: b64(corrected) });
      const check = await app.call('imports.check', { uploadId: again.uploadId, mapping: again.mapping });
      expect(check.problems.map((p) => [p.row, p.rule])).toEqual([[2, 'externalIdInPool']]);
      expect(check.newRows).toBe(0);
    }
    expect(peopleCount(app)).toBe(1);
    app.close();
  });
});
