/**
 * Recruitment › Import: a recruitment officer brings in the respondent pool from a semicolon
 * separated Windows-1252 CSV with Dutch headers (as old Excel on a Belgian Windows PC saves it),
 * fixes the two bad rows in place, imports, and finds the people with their accents intact.
 * Then the same file again (nothing new; a refused all-or-nothing import; valid rows only),
 * and a 0-byte workbook. The tests of this file share one server and run in order.
 */
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { DEMO_ASSEMBLY_NAME } from '../../main/domain/demo/generate';
import type { ImportRecord, PersonListItem } from '../../main/domain/recruitment/types';
import { expect, snap, test } from './fixtures';
import { api } from './pageApi';

test.describe.configure({ mode: 'serial' });

const OPERATOR = 'Fatima El Amrani';
const ASSEMBLY = 'Burgerpanel Klimaat 2026';

const HEADER = 'Voornaam;Naam;E-mail;GSM;Straat;Huisnummer;Postcode;Gemeente;Geboortejaar;Taal;Geslacht;Provincie';
/** Data rows; the file's row numbers start at 2 (the header is row 1). */
const ROWS = [
  'Élodie;Dubois;elodie.dubois@example.be;0470 11 22 33;Rue de la Loi;12;1000;Brussel;1984;FR;V;Brussel',
  'Mehmet;Çelik;mehmet.celik@example.be;0471 22 33 44;Kerkstraat;5;2000;Antwerpen;1979;NL;M;Antwerpen',
  'Noël;Peeters;noel.peeters@example.be;0472 33 44 55;Stationsstraat;8;3000;Leuven;1962;Nederlands;M;Vlaams-Brabant',
  // Row 5: a birth year with a typing error.
  'Zoë;Janssens;zoe.janssens@example.be;0473 44 55 66;Markt;1;9000;Gent;19x5;NL;V;Oost-Vlaanderen',
  'François;Lambert;francois.lambert@example.be;0474 55 66 77;Rue Haute;44;4000;Liège;1990;FR;M;Liège',
  'Anaïs;Wouters;anais.wouters@example.be;0475 66 77 88;Dorpsstraat;3;3500;Hasselt;2001;NL;V;Limburg',
  'Jérôme;Dupont;jerome.dupont@example.be;0476 77 88 99;Rue du Parc;7;7000;Mons;1957;FR;M;Henegouwen',
  // Row 9: a language that does not exist here.
  'Inès;Maes;ines.maes@example.be;0477 88 99 00;Nieuwstraat;21;8000;Brugge;1995;Klingon;V;West-Vlaanderen',
  'Björn;Claes;bjorn.claes@example.be;0478 99 00 11;Lange Straat;9;2800;Mechelen;1973;NL;M;Antwerpen',
  'Cécile;Renard;cecile.renard@example.be;0479 00 11 22;Avenue Louise;120;1050;Elsene;1968;FR;V;Brussel',
  'Sofie;Hermans;sofie.hermans@example.be;0468 12 12 12;Molenstraat;14;3600;Genk;1999;NL;V;Limburg',
  'Thomas;Verbruggen;thomas.verbruggen@example.be;0467 34 34 34;Grote Markt;2;8500;Kortrijk;1987;NL;M;West-Vlaanderen',
];

/** The file as old Excel on Windows saves it: Windows-1252 bytes, CRLF line ends. */
function windows1252Csv(rows: string[]): Buffer {
  const text = [HEADER, ...rows].join('\r\n') + '\r\n';
  // Every character used is in Latin-1, where Windows-1252 and Latin-1 agree.
  expect([...text].every((c) => c.charCodeAt(0) < 0x80 || (c.charCodeAt(0) >= 0xa0 && c.charCodeAt(0) <= 0xff))).toBe(true);
  return Buffer.from(text, 'latin1');
}

const ORIGINAL = windows1252Csv(ROWS);
/** The same file after the officer corrected the two rows in the file itself. */
const CORRECTED = windows1252Csv(ROWS.map((r) => r.replace(';19x5;', ';1985;').replace(';Klingon;', ';NL;')));
const FILE_NAME = 'respondenten-klimaat.csv';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function openImport(page: Page) {
  await page.getByRole('navigation', { name: 'Areas of the assembly' }).getByRole('link', { name: 'Recruitment' }).click();
  await page.getByRole('navigation', { name: 'Parts of recruitment' }).getByRole('link', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Step 1: Choose the file' })).toBeVisible();
}

async function chooseFile(page: Page, name: string, buffer: Buffer, mimeType = 'text/csv') {
  await page.getByLabel('File with the respondents').setInputFiles({ name, mimeType, buffer });
}

/** The number shown on one of the check's count cards. */
function stat(page: Page, label: string) {
  return page.locator('.import-stats div').filter({ has: page.getByText(label, { exact: true }) }).locator('dd');
}

test('a Windows-1252 CSV is read, two bad rows are fixed in place, and 12 people are imported', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await page.getByLabel('Your name (operator)').fill(OPERATOR);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Name of the assembly').fill(ASSEMBLY);
  await page.getByRole('button', { name: 'Create the assembly' }).click();
  await expect(page.getByRole('banner')).toContainText(ASSEMBLY);

  await openImport(page);
  await expect(page.getByText('No file has been imported into this assembly yet.')).toBeVisible();
  await snap(page, 'import-01-empty');

  // Step 1: the file, and what was detected in it.
  await chooseFile(page, FILE_NAME, ORIGINAL);
  const step2 = page.getByRole('heading', { level: 2, name: 'Step 2: Match the columns' });
  await expect(step2).toBeFocused();
  const detected = page.locator('.import-detected');
  await expect(detected).toContainText(FILE_NAME);
  await expect(detected).toContainText('Text file (CSV)');
  await expect(detected).toContainText('Windows-1252');
  await expect(detected).toContainText('semicolon');
  await expect(detected).toContainText('12 rows of data, 12 columns');

  // Step 2: the guessed mapping covers every column; Geslacht and Provincie are features.
  await expect(page.getByText('Guessed from the column names')).toBeVisible();
  const expected: [string, string][] = [
    ['Voornaam', 'field:firstName'],
    ['Naam', 'field:lastName'],
    ['E-mail', 'field:email'],
    ['GSM', 'field:phone'],
    ['Straat', 'field:street'],
    ['Huisnummer', 'field:houseNumber'],
    ['Postcode', 'field:postcode'],
    ['Gemeente', 'field:city'],
    ['Geboortejaar', 'field:birthYear'],
    ['Taal', 'field:language'],
  ];
  for (const [column, value] of expected) await expect(page.getByLabel(`Use column “${column}” as`)).toHaveValue(value);
  for (const column of ['Geslacht', 'Provincie']) {
    const select = page.getByLabel(`Use column “${column}” as`);
    if ((await select.inputValue()) !== 'feature') await select.selectOption('feature');
    await expect(select).toHaveValue('feature');
  }
  await expect(page.getByLabel('Name of the feature')).toHaveCount(2);
  await expect(page.getByLabel('Name of the feature').first()).toHaveValue('Geslacht');
  // The accents survived the Windows-1252 decoding.
  const mapping = page.getByRole('table', { name: 'Columns of the file and what each one becomes' });
  await expect(mapping).toContainText('Élodie');
  await expect(mapping).toContainText('Çelik');
  await expect(mapping).toContainText('Noël');
  await snap(page, 'import-02-mapping');
  await page.getByText('Show the first 12 rows of the file').click();
  await expect(page.getByRole('table', { name: 'The first 12 rows, as read from the file' })).toContainText('François');
  await snap(page, 'import-03-preview');

  // Step 3: the check finds the two bad rows.
  await page.getByRole('button', { name: 'Check the rows', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Step 3: Check the rows' })).toBeFocused();
  await expect(page.getByText('2 of 12 rows have problems.')).toBeVisible();
  // The column choices fold away to one line, so that the result comes next.
  await expect(page.getByText('12 columns: 10 person details, 2 features (Geslacht, Provincie), 0 ignored.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Change the column choices' })).toBeVisible();
  await expect(stat(page, 'Rows in the file')).toHaveText('12');
  await expect(stat(page, 'New')).toHaveText('10');
  await expect(stat(page, 'Rejected')).toHaveText('2');
  const problems = page.getByRole('table', { name: 'Problems found in the rows' });
  const problemRows = problems.locator('tbody tr');
  await expect(problemRows).toHaveCount(2);
  await expect(problemRows.nth(0)).toContainText('5');
  await expect(problemRows.nth(0)).toContainText('Geboortejaar');
  await expect(problemRows.nth(0)).toContainText('19x5');
  await expect(problemRows.nth(0)).toContainText('“19x5” is not a year.');
  await expect(problemRows.nth(1)).toContainText('9');
  await expect(problemRows.nth(1)).toContainText('Taal');
  await expect(problemRows.nth(1)).toContainText('“Klingon” is not a known language; use NL, FR, DE, EN.');
  // New feature values are announced before they are created.
  await expect(page.locator('.import-new-values')).toContainText('Vlaams-Brabant');
  await snap(page, 'import-04-check-problems');

  // Step 4 warns that all-or-nothing would refuse.
  await expect(page.getByText('2 rows still have problems')).toBeVisible();

  // Fix both rows in place.
  await page.getByRole('button', { name: 'Fix row 5, column Geboortejaar' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fix row 5' });
  await expect(dialog).toBeVisible();
  const value = dialog.getByLabel('Value in column “Geboortejaar”');
  await expect(value).toHaveValue('19x5');
  await expect(value).toBeFocused();
  await snap(page, 'import-05-fix-dialog');
  await value.fill('1985');
  await dialog.getByRole('button', { name: 'Save and check again' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Row 5 corrected' })).toContainText('1 problem is left');
  await expect(problemRows).toHaveCount(1);
  // Focus went on to the next problem's Fix button.
  const fixLanguage = page.getByRole('button', { name: 'Fix row 9, column Taal' });
  await expect(fixLanguage).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog2 = page.getByRole('dialog', { name: 'Fix row 9' });
  await dialog2.getByLabel('Value in column “Taal”').fill('NL');
  await dialog2.getByLabel('Value in column “Taal”').press('Enter');
  await expect(dialog2).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Row 9 corrected' })).toContainText('no problems are left');

  // Checked again, with the officer's own mapping: nothing left.
  await expect(problems).toHaveCount(0);
  await expect(page.getByText('Every row is valid: 12 new people can be imported.')).toBeVisible();
  await expect(stat(page, 'New')).toHaveText('12');
  await expect(stat(page, 'Rejected')).toHaveText('0');
  await expect(page.getByRole('heading', { level: 2, name: 'Step 4: Import' })).toBeFocused();
  await expect(page.getByRole('radio', { name: 'Import only if every row is valid' })).toBeChecked();
  await snap(page, 'import-06-ready');

  // Step 4: import.
  await page.getByRole('button', { name: 'Import 12 people' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Import finished' })).toBeFocused();
  const summary = page.getByRole('status').filter({ hasText: 'are now in the respondent pool' });
  await expect(summary).toContainText(`12 people from ${FILE_NAME} are now in the respondent pool.`);
  await expect(summary).toContainText('12 imported');
  await expect(summary).toContainText('0 already in the pool');
  await expect(summary).toContainText('0 rejected');
  const history = page.getByRole('table', { name: 'Imports into this assembly, newest first' });
  await expect(history.locator('tbody tr')).toHaveCount(1);
  await expect(history.locator('tbody tr').first()).toContainText(OPERATOR);
  await expect(history.locator('tbody tr').first()).toContainText(FILE_NAME);
  await snap(page, 'import-07-done');

  // The people, accents intact, in the pool.
  const celik = await api<{ total: number; rows: PersonListItem[] }>(page, 'people.list', { query: 'celik' });
  expect(celik.rows.map((p) => `${p.firstName} ${p.lastName}`)).toEqual(['Mehmet Çelik']);
  expect(celik.rows[0]!.features).toMatchObject({ Geslacht: 'M', Provincie: 'Antwerpen' });
  const all = await api<{ total: number; rows: PersonListItem[] }>(page, 'people.list', { limit: 100 });
  expect(all.total).toBe(12);
  const zoe = all.rows.find((p) => p.firstName === 'Zoë');
  expect(zoe?.birthYear).toBe(1985);
  expect(all.rows.find((p) => p.firstName === 'Inès')?.language).toBe('nl');

  await page.getByRole('link', { name: 'See the people in the pool' }).click();
  await expect(page).toHaveURL(/#\/recruitment$/);
  await expect(page.getByText('Çelik').first()).toBeVisible();
  await expect(page.getByText('Élodie').first()).toBeVisible();
  await snap(page, 'import-08-people');
  expect(consoleErrors).toEqual([]);
});

test('the imported pool gets population shares, and quotas are proposed from them', async ({ page, appUrl, consoleErrors }) => {
  // The recruitment officer's next step after the import of the first test (same assembly).
  await page.goto(appUrl);
  await page.getByRole('navigation', { name: 'Areas of the assembly' }).getByRole('link', { name: 'Recruitment' }).click();
  await page.getByRole('navigation', { name: 'Parts of recruitment' }).getByRole('link', { name: 'Features & quotas' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Features & quotas' })).toBeVisible();
  await page.getByLabel('Population share of V (Geslacht), in percent').fill('50,6');
  await page.getByLabel('Population share of M (Geslacht), in percent').fill('49,4');
  await page.getByLabel('Panel size (seats)').fill('10');
  await page.getByLabel('Tolerance (± seats)').fill('1');
  await page.getByRole('button', { name: 'Propose quotas from the shares' }).click();
  await expect(page.getByRole('heading', { name: 'Proposed quotas (not saved yet)' })).toBeFocused();
  await page.getByRole('button', { name: 'Apply the proposal' }).click();
  await expect(page.getByRole('status')).toContainText('The proposed quotas are saved');
  // 50.6 % and 49.4 % of 10 seats: 5.06 and 4.94, rounded by largest remainder to 5 and 5.
  await expect(page.getByLabel('Minimum seats for V (Geslacht)')).toHaveValue('4');
  await expect(page.getByLabel('Maximum seats for V (Geslacht)')).toHaveValue('6');
  await expect(page.getByLabel('Minimum seats for M (Geslacht)')).toHaveValue('4');
  await expect(page.getByLabel('Maximum seats for M (Geslacht)')).toHaveValue('6');
  await snap(page, 'import-08b-quotas');
  const overview = await api<{ features: { name: string; values: { value: string; min: number | null; max: number | null }[] }[] }>(
    page,
    'quotas.overview',
    {},
  );
  expect(overview.features.find((f) => f.name === 'Geslacht')!.values.map((v) => [v.value, v.min, v.max])).toEqual([
    ['V', 4, 6],
    ['M', 4, 6],
  ]);
  expect(consoleErrors).toEqual([]);
});

test('the same file again adds nothing; all-or-nothing refuses; valid rows only saves the rejected rows', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await openImport(page);

  // The original file, with its two bad rows: the mapping is the one saved last time.
  await chooseFile(page, FILE_NAME, ORIGINAL);
  await expect(page.getByText('Saved from last time')).toBeVisible();
  await expect(page.getByLabel('Use column “Provincie” as')).toHaveValue('feature');
  await page.getByRole('button', { name: 'Check the rows', exact: true }).click();
  await expect(stat(page, 'New')).toHaveText('0');
  await expect(stat(page, 'Already in the pool')).toHaveText('10');
  await expect(stat(page, 'Rejected')).toHaveText('2');

  // All or nothing: refused, nothing written, the problems pointed at.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText('2 of 12 rows have problems, so no row was written.');
  await expect(refusal).toBeFocused();
  await expect(page.getByRole('table', { name: 'Problems found in the rows' }).locator('tbody tr')).toHaveCount(2);
  await snap(page, 'import-09-refused');
  expect(await api<ImportRecord[]>(page, 'imports.list', {})).toHaveLength(1);

  // Valid rows only: the rejected rows come back as a file, saved at once.
  await page.getByText('Import the valid rows, and save the rejected rows to a file').click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Import the valid rows (nothing new)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('respondenten-klimaat-rejected-rows.csv');
  const saved = readFileSync(await file.path(), 'utf8');
  expect(saved.startsWith('\uFEFF')).toBe(true);
  expect(saved).toContain('19x5');
  expect(saved).toContain('Klingon');
  expect(saved).toContain('Zoë');
  const summary = page.getByRole('status').filter({ hasText: 'in the respondent pool' });
  await expect(summary).toContainText('0 imported');
  await expect(summary).toContainText('10 already in the pool');
  await expect(summary).toContainText('2 rejected');
  await expect(page.getByRole('button', { name: 'Save the rejected rows again' })).toBeVisible();
  await snap(page, 'import-10-valid-only');

  // The corrected file: every row is already in the pool.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await expect(page.getByLabel('File with the respondents')).toBeFocused();
  await chooseFile(page, FILE_NAME, CORRECTED);
  await page.getByRole('button', { name: 'Check the rows', exact: true }).click();
  await expect(page.getByText('Nothing new: all 12 rows of this file are already in the pool.')).toBeVisible();
  await expect(stat(page, 'New')).toHaveText('0');
  await expect(stat(page, 'Already in the pool')).toHaveText('12');
  await expect(stat(page, 'Rejected')).toHaveText('0');
  await snap(page, 'import-11-nothing-new');

  // Start over: the file is let go.
  await page.getByRole('button', { name: 'Start over with another file' }).click();
  await expect(page.getByLabel('File with the respondents')).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Step 2: Match the columns' })).toHaveCount(0);
  const people = await api<{ total: number }>(page, 'people.list', {});
  expect(people.total).toBe(12);
  expect(consoleErrors).toEqual([]);
});

test('an empty .xlsx file is refused with a clear message and nothing is written', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await openImport(page);
  const before = await api<ImportRecord[]>(page, 'imports.list', {});

  await chooseFile(page, 'respondenten.xlsx', Buffer.alloc(0), XLSX_TYPE);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This file cannot be imported');
  await expect(alert).toContainText('The file is empty: it contains no data.');
  await expect(page.getByRole('heading', { name: 'Step 2: Match the columns' })).toHaveCount(0);
  await snap(page, 'import-12-empty-file');

  expect(await api<ImportRecord[]>(page, 'imports.list', {})).toHaveLength(before.length);
  expect((await api<{ total: number }>(page, 'people.list', {})).total).toBe(12);
  expect(consoleErrors).toEqual([]);
});

test('a workbook with several sheets: the sheet is chosen, an empty sheet is explained', async ({ page, appUrl, consoleErrors }) => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Uitleg').addRow(['Respondenten van de uitnodigingsbrief: zie het blad “Respondenten”.']);
  const sheet = workbook.addWorksheet('Respondenten');
  sheet.addRow(['Voornaam', 'Naam', 'Leeftijd', 'Geslacht']);
  sheet.addRow(['Hélène', 'Goossens', 34, 'V']);
  sheet.addRow(['Luc', 'Vandamme', 58, 'M']);
  workbook.addWorksheet('Leeg');
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

  await page.goto(appUrl);
  await openImport(page);
  // Dropped on the drop zone rather than chosen with the button.
  const dataTransfer = await page.evaluateHandle(
    ({ bytes, name, type }) => {
      const transfer = new (globalThis as unknown as { DataTransfer: new () => { items: { add(file: unknown): void } } }).DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type }));
      return transfer;
    },
    { bytes: [...buffer], name: 'respondenten.xlsx', type: XLSX_TYPE },
  );
  await page.locator('.import-drop').dispatchEvent('drop', { dataTransfer });
  const detected = page.locator('.import-detected');
  await expect(detected).toContainText('Excel workbook (.xlsx)');
  // The first sheet with data is read first: here, the explanation.
  const sheetSelect = page.getByLabel('Sheet with the respondents');
  await expect(sheetSelect).toHaveValue('Uitleg');
  await expect(page.getByText('The workbook has 3 sheets.')).toBeVisible();

  await sheetSelect.selectOption('Leeg');
  await expect(page.getByRole('alert')).toContainText('The sheet “Leeg” is empty. Choose the sheet that lists the respondents.');
  await expect(sheetSelect).toHaveValue('Uitleg');

  await sheetSelect.selectOption('Respondenten');
  await expect(detected).toContainText('2 rows of data, 4 columns');
  await expect(page.getByLabel('Use column “Leeftijd” as')).toHaveValue('field:age');
  await expect(page.getByLabel('Use column “Geslacht” as')).toHaveValue('feature');
  await expect(page.getByRole('table', { name: 'Columns of the file and what each one becomes' })).toContainText('Hélène');
  await snap(page, 'import-13-xlsx-sheets');

  // A mapping mistake is shown beside the column, and blocks the import after a check.
  await page.getByLabel('Use column “Leeftijd” as').selectOption('field:firstName');
  await expect(page.getByText('Column “Voornaam” already gives this. Choose one of the two.')).toBeVisible();
  await page.getByRole('button', { name: 'Check the rows', exact: true }).click();
  await expect(page.getByText('Correct the column choices in step 2, then check again:')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Step 4: Import' })).toHaveCount(0);
  await snap(page, 'import-14-mapping-problem');

  await page.getByRole('button', { name: 'Start over with another file' }).click();
  expect((await api<{ total: number }>(page, 'people.list', {})).total).toBe(12);
  expect(consoleErrors).toEqual([]);
});

test('the import steps read well in French and Dutch', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  for (const [language, nav, part, label] of [
    ['Français', 'Recrutement', 'Importer', 'Fichier des répondants'],
    ['Nederlands', 'Werving', 'Importeren', 'Bestand met de respondenten'],
  ] as const) {
    await page.getByRole('navigation').getByRole('link', { name: /Settings|Paramètres|Instellingen/ }).click();
    await page.getByRole('radio', { name: language }).check();
    await page.getByRole('navigation').getByRole('link', { name: nav, exact: true }).click();
    await page.getByRole('link', { name: part, exact: true }).click();
    await page.getByLabel(label).setInputFiles({ name: FILE_NAME, mimeType: 'text/csv', buffer: ORIGINAL });
    await expect(page.locator('.import-detected')).toContainText(language === 'Français' ? 'point-virgule' : 'puntkomma');
    await page.locator('.import-step-current .button-primary').click();
    await expect(page.locator('.import-problems tbody tr')).toHaveCount(2);
    await snap(page, `import-15-${language === 'Français' ? 'fr' : 'nl'}`);
    // No key left untranslated.
    await expect(page.locator('main')).not.toContainText('importPage.');
    await page.getByRole('button', { name: language === 'Français' ? 'Recommencer avec un autre fichier' : 'Opnieuw beginnen met een ander bestand' }).click();
  }
  await page.getByRole('navigation').getByRole('link', { name: 'Instellingen' }).click();
  await page.getByRole('radio', { name: 'English' }).check();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Settings' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('the demo assembly: the history and a check against 1,500 people', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await page.getByRole('button', { name: 'Close assembly' }).click();
  await page.getByRole('button', { name: 'Open the demo assembly' }).click();
  await expect(page.getByRole('banner')).toContainText(DEMO_ASSEMBLY_NAME, { timeout: 30_000 });
  await openImport(page);
  await snap(page, 'import-16-demo');
  await chooseFile(page, FILE_NAME, CORRECTED);
  // The assembly's own features are offered: "province" is the demo's "Province".
  const provincie = page.getByLabel('Name of the feature').nth(1);
  await expect(provincie).toHaveValue('Provincie');
  await expect(page.getByText('A new feature.')).toHaveCount(2);
  await provincie.fill('province');
  await expect(page.getByText('Adds to the existing feature “Province”.')).toBeVisible();
  await page.getByRole('button', { name: 'Check the rows', exact: true }).click();
  await expect(stat(page, 'Rows in the file')).toHaveText('12');
  await expect(stat(page, 'Rejected')).toHaveText('0');
  await snap(page, 'import-17-demo-check');
  await page.getByRole('button', { name: 'Start over with another file' }).click();

  // Many problems: the first ten, then all; a row with a missing cell can only be fixed in the file.
  const bad = Array.from({ length: 14 }, (_, i) => `Naam${i};Test;geen-adres-${i};;;;;;1980;NL;M;Limburg`);
  bad.push('Kort;Rij;kort@example.be');
  await chooseFile(page, 'veel-fouten.csv', windows1252Csv(bad));
  await page.getByRole('button', { name: 'Check the rows', exact: true }).click();
  const problemRows = page.getByRole('table', { name: 'Problems found in the rows' }).locator('tbody tr');
  await expect(problemRows).toHaveCount(10);
  await page.getByRole('button', { name: 'Show all 15 problems' }).click();
  await expect(problemRows).toHaveCount(15);
  await expect(problemRows.last()).toContainText('whole row');
  await expect(problemRows.last()).toContainText('This row has 3 columns; the header has 12.');
  await expect(problemRows.last()).toContainText('Correct the file and choose it again.');
  await expect(problemRows.last().getByRole('button')).toHaveCount(0);
  await snap(page, 'import-18-many-problems');
  await page.getByRole('button', { name: 'Start over with another file' }).click();
  expect(consoleErrors).toEqual([]);
});

test('a name with a hidden right-to-left override is refused at the check, and removed when the officer confirms', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await openImport(page);
  // U+202E turns "Peeters" around on screen: the name would look like another.
  const rows = ['Jannes;Peet\u202Eers;jannes.peeters@example.be;0470 12 34 99;Kerkstraat;5;2000;Antwerpen;1979;NL;M;Antwerpen'];
  await chooseFile(page, 'verborgen-teken.csv', Buffer.from([HEADER, ...rows].join('\n'), 'utf8'));
  await page.getByRole('button', { name: 'Check the rows', exact: true }).click();
  const problemRows = page.getByRole('table', { name: 'Problems found in the rows' }).locator('tbody tr');
  await expect(problemRows).toHaveCount(1);
  await expect(problemRows.first()).toContainText('Naam');
  await expect(problemRows.first()).toContainText('invisible character (U+202E at position 5');
  await page.getByRole('button', { name: 'Fix row 2, column Naam' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fix row 2' });
  await snap(page, 'import-19-hidden-character');
  await dialog.getByRole('button', { name: 'Remove the hidden characters' }).click();
  await expect(dialog).toBeHidden();
  await expect(problemRows).toHaveCount(0);
  await page.getByRole('button', { name: 'Import 1 person' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Import finished' })).toBeFocused();
  await expect.poll(async () => (await api<{ rows: { lastName: string }[] }>(page, 'people.list', { query: 'jannes.peeters@example.be' })).rows.map((r) => r.lastName)).toEqual(['Peeters']);
  expect(consoleErrors).toEqual([]);
});
