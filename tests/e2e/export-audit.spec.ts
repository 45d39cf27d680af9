/**
 * Exports of personal data leave a trace (issue 18): a CSV table exported at the full level from
 * the Reports page, after its warning (which says the export is recorded), appears in the audit
 * list in Settings with the operator, the file and "personal data exported"; an aggregate export
 * adds no row.
 */
import { expect, snap, test } from './fixtures';
import { api, goToHash } from './pageApi';

test('a full-level export is in the audit list; an aggregate one is not', async ({ page, appUrl, consoleErrors }) => {
  test.setTimeout(120_000);
  await page.goto(appUrl);
  await page.getByLabel('Your name (operator)').fill('Lotte Vermeulen');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start' })).toBeVisible();
  await api(page, 'app.openDemo', { stage: 'venue' });
  await goToHash(page, '#/reports');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible({ timeout: 30_000 });

  // Aggregate first: no row.
  await page.getByRole('button', { name: 'Export CSV: Participants' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export: Participants' });
  await expect(dialog.getByRole('radio', { name: /^Aggregate/ })).toBeChecked();
  const aggregate = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export CSV' }).click();
  expect((await aggregate).suggestedFilename()).toMatch(/-participants-aggregate-/);

  // Then the full level, after the warning that says the export is recorded.
  await dialog.getByRole('radio', { name: /^Full/ }).check();
  await expect(dialog.getByText('This file will contain personal data: keep it within the secretariat. Its export is recorded in the audit log (who, when, which report).')).toBeVisible();
  await snap(page, 'export-audit-01-warning');
  const full = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export CSV' }).click();
  const fileName = (await full).suggestedFilename();
  expect(fileName).toMatch(/-participants-full-\d{4}-\d{2}-\d{2}\.csv$/);
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  const audit = page.getByRole('table', { name: 'Latest changes, newest first' });
  const exportRows = audit.locator('tbody tr', { hasText: 'personal data exported' });
  await expect(exportRows).toHaveCount(1);
  await expect(exportRows.first()).toContainText('Lotte Vermeulen');
  await expect(exportRows.first()).toContainText(`Export “${fileName}”`);
  await exportRows.first().scrollIntoViewIfNeeded();
  await snap(page, 'export-audit-02-settings');
  expect(consoleErrors).toEqual([]);
});
