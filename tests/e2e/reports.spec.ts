/**
 * Reports on the demo "at the venue" (a drawn panel, weekend 1 checked in, a finalised ballot):
 * the recommendations PDF at the aggregate level in French, by keyboard only; the workbook at the
 * pseudonymised level; a CSV table at the full level after its personal-data warning; the format
 * choice of a report that comes as PDF or CSV. Then a new empty assembly, where the
 * recommendations report says there is nothing to report. The tests share one server and run in order.
 */
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { expect, snap, test } from './fixtures';
import { api, goToHash } from './pageApi';

test.describe.configure({ mode: 'serial' });

async function startAt(page: Page, appUrl: string) {
  await page.goto(appUrl);
  const operator = page.getByLabel('Your name (operator)');
  const heading = page.getByRole('heading', { level: 1 });
  await expect(operator.or(heading).first()).toBeVisible({ timeout: 30_000 });
  if (await operator.isVisible()) {
    await operator.fill('Lotte Vermeulen');
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Start' }).or(page.getByRole('heading', { level: 1 }))).toBeVisible();
}

async function openReports(page: Page) {
  await goToHash(page, '#/reports');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible({ timeout: 30_000 });
}

const bytesOf = async (download: Download) => readFileSync((await download.path())!);

test('the demo at the venue: recommendations in French, the workbook pseudonymised, a CSV table in full', async ({ page, appUrl, consoleErrors }) => {
  test.setTimeout(120_000);
  await startAt(page, appUrl);
  await api(page, 'app.openDemo', { stage: 'venue' });
  await openReports(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Reports', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Recommendations and votes' })).toBeVisible();
  await expect(page.getByText('For: policymakers, the press').first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'The tables that can be exported as CSV' })).toBeVisible();
  await snap(page, 'reports-01-list');

  // Keyboard only: open, keep the suggested aggregate level, pick French with the arrow keys, export.
  const openRecommendations = page.getByRole('button', { name: 'Export Recommendations and votes…' });
  await openRecommendations.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Export: Recommendations and votes' });
  await expect(dialog).toBeVisible();
  const aggregate = dialog.getByRole('radio', { name: /^Aggregate/ });
  await expect(aggregate).toBeChecked();
  await expect(aggregate).toBeFocused();
  await expect(dialog.getByText('This file will contain personal data')).toHaveCount(0);
  await expect(dialog.getByText('Counts only, votes in full; counts under 5 people left out — for policymakers and the press')).toBeVisible();
  // No format choice: the recommendations come as PDF only.
  await expect(dialog.getByRole('group', { name: 'Format' })).toHaveCount(0);
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('radio', { name: 'English' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(dialog.getByRole('radio', { name: 'Français' })).toBeChecked();
  await expect(dialog.getByText('Level: Aggregate · Language: Français · Format: PDF')).toBeVisible();
  await expect(dialog.locator('.reports-file-name')).toHaveText(/-recommendations-aggregate-\d{4}-\d{2}-\d{2}\.pdf$/);
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Export PDF' })).toBeFocused();
  const pdfDownload = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toContain('aggregate');
  expect(pdf.suggestedFilename()).toMatch(/-recommendations-aggregate-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect((await bytesOf(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(dialog.getByRole('status')).toHaveText(`Saved ${pdf.suggestedFilename()}`);
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeVisible();
  await snap(page, 'reports-02-recommendations-saved');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(openRecommendations).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText(`Saved ${pdf.suggestedFilename()}`);

  // The workbook, pseudonymised.
  await page.getByRole('button', { name: 'Export Workbook…' }).click();
  const workbookDialog = page.getByRole('dialog', { name: 'Export: Workbook' });
  await workbookDialog.getByText('Pseudonymised', { exact: true }).click();
  await expect(workbookDialog.getByRole('radio', { name: /^Pseudonymised/ })).toBeChecked();
  await expect(workbookDialog.getByText('This file will contain personal data')).toHaveCount(0);
  await expect(workbookDialog.locator('.reports-file-name')).toHaveText(/-workbook-pseudonymised-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const xlsxDownload = page.waitForEvent('download');
  await workbookDialog.getByRole('button', { name: 'Export Excel (xlsx)' }).click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toContain('pseudonymised');
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  expect((await bytesOf(xlsx)).subarray(0, 2).toString('latin1')).toBe('PK');
  await expect(workbookDialog.getByRole('status')).toHaveText(`Saved ${xlsx.suggestedFilename()}`);
  await workbookDialog.getByRole('button', { name: 'Close' }).click();
  await expect(workbookDialog).toHaveCount(0);

  // A CSV table at the full level: the warning first.
  await page.getByRole('button', { name: 'Export CSV: Participants' }).click();
  const csvDialog = page.getByRole('dialog', { name: 'Export: Participants' });
  await expect(csvDialog.getByRole('radio', { name: /^Aggregate/ })).toBeChecked();
  await csvDialog.getByRole('radio', { name: /^Full/ }).check();
  await expect(csvDialog.getByText('This file will contain personal data: keep it within the secretariat.')).toBeVisible();
  await expect(csvDialog.getByText('Level: Full · Language: English · Format: CSV')).toBeVisible();
  await snap(page, 'reports-03-csv-full-warning');
  const csvDownload = page.waitForEvent('download');
  await csvDialog.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/-participants-full-\d{4}-\d{2}-\d{2}\.csv$/);
  const csvBytes = await bytesOf(csv);
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  // Full: names are in it.
  expect(csvBytes.toString('utf8').split('\r\n').length).toBeGreaterThan(20);
  await expect(csvDialog.getByRole('status')).toHaveText(`Saved ${csv.suggestedFilename()}`);
  // The Excel (Belgium/Europe) layout by default: semicolons; the plain one on request: commas, no byte-order mark.
  expect(csvBytes.toString('utf8').split('\r\n')[0]).toMatch(/^\uFEFFCode;Last name;First name;/);
  await expect(csvDialog.getByRole('radio', { name: 'Excel (Belgium/Europe): semicolon, decimal comma' })).toBeChecked();
  await csvDialog.getByRole('radio', { name: 'Plain: comma, decimal point (for other programs)' }).check();
  const plainDownload = page.waitForEvent('download');
  await csvDialog.getByRole('button', { name: 'Export CSV' }).click();
  const plainBytes = await bytesOf(await plainDownload);
  expect(plainBytes.toString('utf8').split('\r\n')[0]).toMatch(/^Code,Last name,First name,/);
  await csvDialog.getByRole('button', { name: 'Close' }).click();

  // Attendance is offered in full first, and comes as PDF or CSV.
  await page.getByRole('button', { name: 'Export Attendance and per-diem…' }).click();
  const attendance = page.getByRole('dialog', { name: 'Export: Attendance and per-diem' });
  await expect(attendance.getByRole('radio', { name: /^Full/ })).toBeChecked();
  await expect(attendance.getByText('This file will contain personal data: keep it within the secretariat.')).toBeVisible();
  await attendance.getByRole('radio', { name: 'CSV' }).check();
  await expect(attendance.locator('.reports-file-name')).toHaveText(/-attendance-full-\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(attendance.getByRole('button', { name: 'Export CSV' })).toBeVisible();
  await snap(page, 'reports-04-attendance-formats');
  await attendance.getByRole('button', { name: 'Cancel' }).click();
  await expect(attendance).toHaveCount(0);

  expect(consoleErrors).toEqual([]);
});

test('a new empty assembly: the recommendations say there is nothing to report', async ({ page, appUrl, consoleErrors }) => {
  await startAt(page, appUrl);
  await api(page, 'app.createAssembly', { name: 'Leeg panel', panelSize: 30 });
  await openReports(page);
  await page.getByRole('button', { name: 'Export Recommendations and votes…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export: Recommendations and votes' });
  await dialog.getByRole('button', { name: 'Export PDF' }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('Nothing to report yet');
  await expect(alert).toContainText('No ballot has been finalised yet');
  await expect(alert).toBeFocused();
  await expect(dialog.getByText(/^Saved /)).toHaveCount(0);
  await snap(page, 'reports-05-empty-nothing');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // The workbook of an empty assembly still exports (its tables are empty).
  await page.getByRole('button', { name: 'Export Workbook…' }).click();
  const workbook = page.getByRole('dialog', { name: 'Export: Workbook' });
  const download = page.waitForEvent('download');
  await workbook.getByRole('button', { name: 'Export Excel (xlsx)' }).click();
  expect((await bytesOf(await download)).subarray(0, 2).toString('latin1')).toBe('PK');
  await workbook.getByRole('button', { name: 'Close' }).click();

  // In French and Dutch, the page reads in the language.
  await api(page, 'app.setLanguage', { language: 'fr' });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Rapports' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Exporter « Représentativité »…' }).click();
  await expect(page.getByRole('dialog', { name: 'Exporter : Représentativité' })).toBeVisible();
  await snap(page, 'reports-06-french-dialog');
  await page.keyboard.press('Escape');
  await api(page, 'app.setLanguage', { language: 'nl' });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Rapporten' })).toBeVisible({ timeout: 30_000 });
  await snap(page, 'reports-07-dutch');
  await api(page, 'app.setLanguage', { language: 'en' });
  expect(consoleErrors).toEqual([]);
});
