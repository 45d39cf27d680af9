/**
 * Recruitment › Import of an office file as a new user meets it (issue 19): a semicolon CSV from
 * a municipal office with the same person twice (e-mail in capitals), two rows appended in
 * Windows-1252 to a UTF-8 export, and a free-text needs column. The officer sees the repeats
 * by row, checks and confirms the Windows-1252 rows, maps the needs and the language (also a
 * feature), imports, finds the people in collation order, and selects three of them at once.
 * Then the same people as an .xlsx: nothing new. The tests of this file share one server.
 */
import type { Page } from '@playwright/test';
import { officeCsv, officeXlsx } from '../fixtures/import/make-office-files';
import { expect, snap, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function stat(page: Page, label: string) {
  return page.locator('.import-stats div').filter({ has: page.getByText(label, { exact: true }) }).locator('dd');
}

async function openImport(page: Page) {
  await page.getByRole('navigation', { name: 'Parts of recruitment' }).getByRole('link', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Step 1: Choose the file' })).toBeVisible();
}

test('an office CSV: repeats by row, Windows-1252 rows confirmed, needs and the language feature imported', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await page.getByLabel('Your name (operator)').fill('Inès Vandamme');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Name of the assembly').fill('Burgerpanel Mobiliteit');
  await page.getByRole('button', { name: 'Create the assembly' }).click();
  // A new assembly opens on Recruitment, its first step.
  await expect(page.getByRole('heading', { level: 1, name: 'Recruitment' })).toBeVisible();
  expect(new URL(page.url()).hash).toMatch(/^#\/recruitment/);

  await openImport(page);
  await page.getByLabel('File with the respondents').setInputFiles({ name: 'kantoor-respondenten.csv', mimeType: 'text/csv', buffer: officeCsv() });
  await expect(page.locator('.import-detected')).toContainText('Mixed: UTF-8 and Windows-1252');
  const legacy = page.getByRole('region', { name: /2 rows were written in another character encoding/ });
  await expect(legacy).toContainText('rows 9, 10');
  // Each row with its accented cells, the ones to check.
  await expect(legacy.getByRole('listitem')).toHaveText(['Row 9: Noël', 'Row 10: Hélène · végétarien; allergie aux noix']);
  await expect(legacy.getByLabel('I have checked these rows: their accents are right.')).not.toBeChecked();

  // The needs column is guessed, and its splitting rule is said next to it.
  await expect(page.getByLabel('Use column “Noden” as')).toHaveValue('field:needs');
  await expect(page.getByText(/The cell is split at “;”, “,”, “\/” and line breaks/)).toBeVisible();
  // The language, also a stratification feature.
  await page.getByLabel(/Also a stratification feature .* \(column “Taal”\)/).check();
  await expect(page.locator('#import-also-feature-name-9')).toHaveValue('Taal');
  await snap(page, 'import-office-01-mapping');

  await page.getByRole('button', { name: 'Check the rows', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Step 3: Check the rows' })).toBeFocused();
  await expect(stat(page, 'Rows in the file')).toHaveText('10');
  await expect(stat(page, 'New')).toHaveText('8');
  await expect(stat(page, 'Already in the pool')).toHaveText('0');
  await expect(stat(page, 'Repeated in this file')).toHaveText('2');
  const repeats = page.locator('.import-file-repeats');
  await expect(repeats).toContainText('Row 6 is the same person as row 2 (same details): it is skipped.');
  await expect(repeats).toContainText('Row 8 is the same person as row 5 (same details): it is skipped.');
  await expect(repeats).toContainText('Rows 3 and 11 may be the same person (same e-mail, same name and birth year)');
  const needs = page.locator('.import-needs-found');
  await expect(needs).toContainText('2 people with accessibility needs');
  await expect(needs).toContainText('3 people with a diet');
  await expect(needs).toContainText('2 people needing childcare');
  await expect(needs).toContainText('1 person with travel needs');
  await expect(page.locator('.import-new-values')).toContainText('Taal: FR, NL');

  // Importing waits for the officer's look at the Windows-1252 rows.
  const importButton = page.getByRole('button', { name: 'Import 8 people' });
  await expect(importButton).toBeDisabled();
  await expect(page.getByRole('link', { name: /Check the rows read as Windows-1252 in step 1/ })).toBeVisible();
  await snap(page, 'import-office-02-check');
  await legacy.getByLabel('I have checked these rows: their accents are right.').check();
  await importButton.click();
  const done = page.locator('.import-done-summary');
  await expect(done).toContainText('8 people from kantoor-respondenten.csv are now in the respondent pool.');
  await expect(done).toContainText('2 rows repeated an earlier row of the file (skipped)');
  await snap(page, 'import-office-03-done');

  // The People list in collation order: Élodie Dubois first, Dupont after Dubois.
  await page.getByRole('navigation', { name: 'Parts of recruitment' }).getByRole('link', { name: 'People' }).click();
  const names = page.getByRole('table', { name: 'Respondents, sorted by last name' }).locator('tbody th');
  await expect(names).toHaveCount(8);
  await expect(names.nth(0)).toHaveText(/Dubois/);
  await expect(names.nth(1)).toHaveText(/Dupont/);
  await expect(names.nth(2)).toHaveText(/Geeraerts/);
  await expect(names.nth(3)).toHaveText(/Lefèvre/);
  await expect(names.nth(4)).toHaveText(/Maréchal/);

  // Three people selected at once.
  const rows = page.getByRole('table', { name: 'Respondents, sorted by last name' }).locator('tbody tr');
  for (const i of [0, 2, 3]) await rows.nth(i).getByRole('checkbox').check();
  const bulk = page.locator('.people-bulk');
  await expect(bulk).toContainText('3 people selected');
  await bulk.getByLabel('New status').selectOption('selected');
  await snap(page, 'import-office-04-bulk');
  await bulk.getByRole('button', { name: 'Change the status of 3 people' }).click();
  await expect(page.locator('.people-bulk')).toHaveCount(0);
  await expect(rows.nth(0)).toContainText('selected');
  await expect(rows.nth(2)).toContainText('selected');
  await expect(rows.nth(1)).toContainText('in the pool');

  // Hélène's bank account for the per-diem: a mistyped digit is refused beside the field, an
  // account without the consent date too; then it is saved, shown in groups of four.
  await page.getByRole('button', { name: 'Dupont, Hélène', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('group', { name: 'Bank account for the per-diem' })).toBeVisible();
  const iban = dialog.getByLabel('Bank account (IBAN)');
  await iban.fill('BE71 0961 2345 6768');
  await dialog.getByLabel('Date of consent for the payments').fill('2027-01-15');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog.getByText('This is not a valid bank account number (IBAN).', { exact: false })).toBeVisible();
  await expect(iban).toHaveAttribute('aria-invalid', 'true');
  await snap(page, 'import-office-05-iban');
  await iban.fill('be71 0961 2345 6769');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog.getByText('Details saved.')).toBeVisible();
  await expect(iban).toHaveValue('BE71 0961 2345 6769');
  expect(consoleErrors).toEqual([]);
});

test('the same people as an .xlsx: no encoding question, nothing new', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await page.getByRole('navigation', { name: 'Areas of the assembly' }).getByRole('link', { name: 'Recruitment' }).click();
  await openImport(page);
  await page.getByLabel('File with the respondents').setInputFiles({ name: 'kantoor-respondenten.xlsx', mimeType: XLSX_TYPE, buffer: await officeXlsx() });
  await expect(page.locator('.import-legacy-rows')).toHaveCount(0);
  // The choices of last time, the language feature included.
  await expect(page.getByText('Saved from last time')).toBeVisible();
  await expect(page.locator('#import-also-feature-name-9')).toHaveValue('Taal');
  await page.getByRole('button', { name: 'Check the rows', exact: true }).click();
  await expect(stat(page, 'New')).toHaveText('0');
  await expect(stat(page, 'Already in the pool')).toHaveText('10');
  await snap(page, 'import-office-06-xlsx');
  expect(consoleErrors).toEqual([]);
});
