/**
 * The end date (issue 18), in Chromium: the retention date set in Settings, the date passing on
 * the server's test clock (started a minute and a half before midnight, Brussels time), the
 * reminder under the header, the confirmation that says what goes and that it cannot be undone,
 * closing, and the certificate downloaded and read back. Screens looked at in nl, fr and en.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { DEMO_ASSEMBLY_NAME } from '../../main/domain/demo/generate';
import { api } from './pageApi';
import { ARTIFACTS_DIR, expect, snap, test } from './fixtures';

// 23:58:30 in Brussels on 30 April 2027: the demo's own retention date (three months after its last
// session) is still ahead; the one set below, today, passes at midnight.
test.use({ serverClock: '2027-04-30T21:58:30.000Z' });
test.describe.configure({ mode: 'serial' });

/** axe-core on the page as it is: no serious or critical violation (as tests/e2e/a11y.spec.ts). */
async function noSeriousViolations(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${name}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

interface Retention {
  today: string;
  retentionUntil: string | null;
  retentionPassed: boolean;
}

test('the retention date passes, the host is reminded, closes the assembly and downloads the certificate', async ({ page, appUrl, consoleErrors }) => {
  test.setTimeout(240_000);
  await page.goto(appUrl);
  await page.getByLabel('Your name (operator)').fill('Officer Ann');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Open the demo assembly' }).click();
  await expect(page.getByRole('banner')).toContainText(DEMO_ASSEMBLY_NAME, { timeout: 60_000 });
  const reminder = page.getByTestId('retention-reminder');
  await expect(reminder).toHaveCount(0);

  // Settings › End date: the retention date, set to today (the server's day, still 30 April).
  await page.getByRole('navigation', { name: 'Areas of the assembly' }).getByRole('link', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'End date' });
  await expect(section).toContainText('Contact data kept until');
  const today = (await api<Retention>(page, 'assembly.retention', {})).today;
  expect(today, 'the setup took longer than the minute and a half before midnight').toBe('2027-04-30');
  await section.getByLabel('Retention date').fill('2027-04-30');
  await section.getByRole('button', { name: 'Save the date' }).click();
  await expect(section.getByRole('status').first()).toContainText('Contact data is now kept until');
  await expect(section.getByTestId('end-date-state')).toHaveText('Open: contact data is kept until the retention date.');
  // A date in the past is refused beside the field.
  await section.getByLabel('Retention date').fill('2027-04-29');
  await section.getByRole('button', { name: 'Save the date' }).click();
  await expect(section.getByText('The retention date cannot be in the past: choose today (2027-04-30) or a later date.')).toBeVisible();
  await expect(reminder).toHaveCount(0);
  await snap(page, 'closing-01-retention-set');

  // Midnight passes on the server's clock: on the next visit the host is reminded.
  await expect
    .poll(async () => (await api<Retention>(page, 'assembly.retention', {})).retentionPassed, { timeout: 150_000, intervals: [2_000] })
    .toBe(true);
  await page.reload();
  await expect(reminder).toContainText('The retention date of this assembly (Fri, 30 April 2027) has passed');
  await snap(page, 'closing-02-reminder-en');
  await noSeriousViolations(page, 'reminder');

  // The reminder and the confirmation in Dutch and French too (looked at, not only asserted).
  for (const [lang, reminderText, dialogTitle] of [
    ['nl', 'De einddatum van deze burgerraad', 'afsluiten en alle contactgegevens verwijderen?'],
    ['fr', 'La date de conservation de cette assemblée', 'et supprimer toutes les coordonnées ?'],
  ] as const) {
    await api(page, 'app.setLanguage', { language: lang });
    await page.reload();
    await expect(reminder).toContainText(reminderText);
    await reminder.getByRole('link').click();
    await page.locator('#settings-end-date').scrollIntoViewIfNeeded();
    await snap(page, `closing-03-settings-${lang}`);
    await page.locator('#end-date .end-date-close button').click();
    await expect(page.getByRole('alertdialog')).toContainText(dialogTitle);
    await snap(page, `closing-04-confirm-${lang}`);
    // The dialog alone, at the viewport's scale, to read its sentences.
    await page.getByRole('alertdialog').screenshot({ path: join(ARTIFACTS_DIR, `closing-04-dialog-${lang}.png`) });
    await page.keyboard.press('Escape');
  }
  await api(page, 'app.setLanguage', { language: 'en' });
  await page.reload();

  // Close the assembly: the confirmation says what goes, what stays, and that it cannot be undone.
  await reminder.getByRole('link', { name: 'Close the assembly in Settings' }).click();
  await page.getByRole('button', { name: 'Close the assembly…' }).click();
  const dialog = page.getByRole('alertdialog', { name: `Close “${DEMO_ASSEMBLY_NAME}” and remove all contact data?` });
  await expect(dialog).toContainText('The contact data of 1,500 people will be removed:');
  await expect(dialog).toContainText('the contact log (every call, e-mail, letter and text message)');
  await expect(dialog).toContainText('each person’s pseudonymous code');
  await expect(dialog).toContainText('This cannot be undone');
  await expect(dialog).toContainText('The same is done in the 1 backup beside the file.');
  await snap(page, 'closing-05-confirm-en');
  await dialog.screenshot({ path: join(ARTIFACTS_DIR, 'closing-05-dialog-en.png') });
  await noSeriousViolations(page, 'confirmation');
  // The wrong name is refused beside the field; the right one closes.
  await dialog.getByLabel(`Type the assembly’s name, ${DEMO_ASSEMBLY_NAME}, to confirm`).fill('something else');
  await dialog.getByRole('button', { name: 'Close the assembly and remove the contact data' }).click();
  await expect(dialog.getByText(`Type exactly ${DEMO_ASSEMBLY_NAME}.`)).toBeVisible();
  await dialog.getByLabel(`Type the assembly’s name, ${DEMO_ASSEMBLY_NAME}, to confirm`).fill(DEMO_ASSEMBLY_NAME);
  await dialog.getByRole('button', { name: 'Close the assembly and remove the contact data' }).click();
  await expect(dialog).toHaveCount(0);
  const section2 = page.getByRole('region', { name: 'End date' });
  await expect(section2).toContainText('The assembly is closed.');
  await expect(section2).toContainText('The contact data of 1,500 people was removed.');
  await expect(section2).toContainText('1 backup was processed.');
  await expect(section2.getByTestId('end-date-state')).toContainText('by Officer Ann: this file holds no contact data any more.');
  await expect(reminder).toHaveCount(0);
  await snap(page, 'closing-06-closed');
  await noSeriousViolations(page, 'closed');

  // The certificate, downloaded and read back.
  const downloading = page.waitForEvent('download');
  await section2.getByRole('button', { name: 'Download the certificate (PDF)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/-closure-certificate-en\.pdf$/);
  const pdf = join(ARTIFACTS_DIR, 'closing-certificate-en.pdf');
  await download.saveAs(pdf);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('Certificate of closure: removal of personal data');
  expect(text).toMatch(/People whose contact data was removed\s+1,500/);
  expect(text).toContain('Officer Ann');
  expect(text).toContain('Backups processed (1)');

  // Afterwards: a personal-data export says there is none; the people list shows codes only.
  const refused = await page.evaluate(async () => (globalThis as unknown as { assembly: { reports: { export: (a: unknown) => Promise<{ ok: boolean; error?: { message: string } }> } } }).assembly.reports.export({ report: 'workbook', format: 'xlsx', level: 'full' }));
  expect(refused.ok).toBe(false);
  expect(refused.error?.message).toContain('its contact data was removed');
  expect(consoleErrors).toEqual([]);
});
