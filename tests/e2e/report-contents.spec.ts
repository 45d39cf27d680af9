/**
 * What the public report states, entered in the app and seen in an exported report: on the venue
 * demo, the population figures' source and year are changed and a cost is added on the Settings
 * page (a bad year is refused beside its field first), a member withdraws for a reason from the
 * list on the People page, then the public report is exported in
 * Dutch from the Reports page and read back with pdftotext. Screenshots of the section in nl, fr
 * and en go to tests/artifacts/.
 */
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, snap, test } from './fixtures';
import { api, goToHash } from './pageApi';

async function startAt(page: Page, appUrl: string) {
  await page.goto(appUrl);
  const operator = page.getByLabel('Your name (operator)');
  const heading = page.getByRole('heading', { level: 1 });
  await expect(operator.or(heading).first()).toBeVisible({ timeout: 30_000 });
  if (await operator.isVisible()) {
    await operator.fill('Lotte Vermeulen');
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

async function openPage(page: Page, hash: string, title: string) {
  await goToHash(page, hash);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({ timeout: 30_000 });
}

test('entering the population figures and a cost, and reading them in the exported public report', async ({ page, appUrl, consoleErrors }) => {
  test.setTimeout(150_000);
  await startAt(page, appUrl);
  await api(page, 'app.openDemo', { stage: 'venue' });
  await openPage(page, '#/settings', 'Settings');

  const section = page.getByRole('region', { name: 'Public report' });
  const source = section.getByLabel('Source of the population figures');
  await expect(source).toHaveValue('Statbel, population by age, sex, region and education level');
  await source.fill('Statbel, census 2021 and the register on 1 January 2025');
  const year = section.getByLabel('Year of the figures');
  await year.fill('25');
  await section.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(section.getByText('Enter a year of four digits, such as 2025, or leave it empty.')).toBeVisible();
  await year.fill('2025');
  await section.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(section.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  await section.getByLabel('Cost', { exact: true }).fill('Mobile toilets');
  await section.getByLabel('Amount (€)').fill('850,50');
  await section.getByLabel('Category').selectOption('venue');
  await section.getByRole('button', { name: 'Add cost' }).click();
  await expect(section.getByRole('table', { name: 'Costs of the assembly besides the per-diem' }).getByRole('cell', { name: 'Mobile toilets', exact: true })).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await snap(page, 'report-contents-settings-en');

  for (const [lang, title] of [
    ['nl', 'Instellingen'],
    ['fr', 'Paramètres'],
  ] as const) {
    await api(page, 'app.setLanguage', { language: lang });
    await openPage(page, '#/settings', title);
    await snap(page, `report-contents-settings-${lang}`);
  }
  await api(page, 'app.setLanguage', { language: 'en' });
  await openPage(page, '#/settings', 'Settings');

  // A member withdraws: the reason in their words, and the category the public report counts.
  const member = (await api<{ rows: { code: string; firstName: string; lastName: string }[] }>(page, 'people.list', { status: 'confirmed', limit: 1 })).rows[0]!;
  await page.getByRole('navigation', { name: 'Areas of the assembly' }).getByRole('link', { name: 'Recruitment' }).click();
  await page.getByRole('navigation', { name: 'Parts of recruitment' }).getByRole('link', { name: 'People' }).click();
  await page.getByLabel('Search by name, code, e-mail or phone').fill(member.code);
  const results = page.getByRole('table', { name: 'Respondents, sorted by last name' });
  await expect(results.locator('tbody tr')).toHaveCount(1);
  await results.getByRole('button', { name: `${member.lastName}, ${member.firstName}`, exact: true }).first().click();
  const person = page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: 'Details' }) });
  await person.getByRole('group', { name: 'Change the status' }).getByRole('button', { name: 'Withdrawn…' }).click();
  await person.getByLabel('Reason').fill('Cannot travel for a while');
  await person.getByLabel('Counted in the public report as').selectOption({ label: 'Health' });
  await snap(page, 'report-contents-withdrawal-reason');
  await person.getByRole('button', { name: 'Record as withdrawn' }).click();
  await expect(person.getByRole('status').filter({ hasText: /Status changed/ })).toHaveText('Status changed to “withdrawn”.');
  await expect(person.getByText('(Health)')).toBeVisible();
  await page.keyboard.press('Escape');

  await openPage(page, '#/reports', 'Reports');
  await page.getByRole('button', { name: 'Export Public report…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export: Public report' });
  await expect(dialog.getByRole('radio', { name: /^Aggregate/ })).toBeChecked();
  await dialog.getByRole('radio', { name: 'Nederlands' }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/-publicReport-aggregate-\d{4}-\d{2}-\d{2}\.pdf$/);
  const text = execFileSync('pdftotext', ['-layout', (await file.path())!, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Publiek verslag');
  expect(text).toContain('Statbel, census 2021 and the register on 1 January 2025');
  expect(text).toMatch(/Mobile toilets Locatie € 850,50/);
  expect(text).toContain('Gezondheid');
  expect(consoleErrors).toEqual([]);
});
