/**
 * Recruitment › Features & quotas, as a recruitment officer uses it before the draw: population
 * shares become proposed quotas, checks say what would make the draw fail, values are merged,
 * and a broken Sortition Foundation categories file lists all its problems at once.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { DEMO_ASSEMBLY_NAME } from '../../main/domain/demo/generate';
import { join } from 'node:path';
import { ARTIFACTS_DIR, expect, snap, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

/** Moves within the app as its links do (the tests are type-checked without the DOM library). */
async function goToHash(page: Page, hash: string) {
  await page.evaluate((h) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = h;
  }, hash);
}

/** A modal dialog sits over the viewport: a screenshot of the viewport shows it as a person sees it. */
async function snapDialog(page: Page, name: string) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`) });
}

async function openQuotas(page: Page) {
  const nav = page.getByRole('navigation', { name: 'Areas of the assembly' });
  await nav.getByRole('link', { name: 'Recruitment' }).click();
  await page.getByRole('navigation', { name: 'Parts of recruitment' }).getByRole('link', { name: 'Features & quotas' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Features & quotas' })).toBeVisible();
}

const featureTable = (page: Page, feature: string) => page.getByRole('table', { name: `${feature}: pool, population shares and quotas per value` });
const featureSection = (page: Page, feature: string) => page.getByRole('region', { name: new RegExp(`^${feature} ·`) });
const row = (page: Page, feature: string, value: string) => featureTable(page, feature).getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${value}\\b`) }) });

test('on the demo, population shares become proposed quotas that are applied and kept', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await page.getByLabel('Your name (operator)').fill('Jonas Maes');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Open the demo assembly' }).click();
  await expect(page.getByRole('banner')).toContainText(DEMO_ASSEMBLY_NAME, { timeout: 30_000 });
  await openQuotas(page);
  await expect(featureTable(page, 'Gender')).toBeVisible();
  await snap(page, 'quotas-01-demo');

  // The demo's gender values, as on screen.
  const gender = featureTable(page, 'Gender');
  await expect(gender.locator('tbody').getByRole('rowheader')).toHaveText([/^female/, /^male/, /^other/]);
  await expect(row(page, 'Gender', 'female').getByRole('cell').nth(1)).toHaveText(/^\d{3}$/);

  // Shares typed the Belgian way, with a decimal comma.
  await page.getByLabel('Population share of female (Gender), in percent').fill('50,6');
  await page.getByLabel('Population share of male (Gender), in percent').fill('49,4');
  await page.getByLabel('Population share of other (Gender), in percent').fill('0');
  await expect(gender.locator('tfoot')).toContainText('100.0%');
  await expect(page.getByText('3 values changed, not saved yet')).toBeVisible();

  await page.getByLabel('Panel size (seats)').fill('60');
  await page.getByLabel('Tolerance (± seats)').fill('1');
  await page.getByRole('button', { name: 'Propose quotas from the shares' }).click();
  const proposalHeading = page.getByRole('heading', { name: 'Proposed quotas (not saved yet)' });
  await expect(proposalHeading).toBeFocused();
  await expect(page.getByRole('status')).toContainText('Shares and quotas saved for 3 values.');
  await expect(page.getByText('How the seats are rounded:')).toBeVisible();
  await expect(gender.getByRole('columnheader', { name: 'Proposal (not saved)' })).toBeVisible();
  await expect(row(page, 'Gender', 'female')).toContainText('30 seats');
  await expect(row(page, 'Gender', 'female')).toContainText('min 29 – max 31');
  await expect(row(page, 'Gender', 'male')).toContainText('30 seats');
  await expect(row(page, 'Gender', 'male')).toContainText('min 29 – max 31');
  await expect(row(page, 'Gender', 'other')).toContainText('0 seats');
  await featureSection(page, 'Gender').scrollIntoViewIfNeeded();
  await snap(page, 'quotas-02-proposal');

  await page.getByRole('button', { name: 'Apply the proposal' }).click();
  await expect(page.getByRole('status')).toContainText('The proposed quotas are saved');
  await expect(page.getByRole('heading', { name: 'Proposed quotas (not saved yet)' })).toHaveCount(0);
  await expect(gender.getByRole('columnheader', { name: 'Proposal (not saved)' })).toHaveCount(0);
  await expect(page.getByLabel('Minimum seats for female (Gender)')).toHaveValue('29');
  await expect(page.getByLabel('Maximum seats for female (Gender)')).toHaveValue('31');
  await snap(page, 'quotas-03-applied');

  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Features & quotas' })).toBeVisible();
  await expect(page.getByLabel('Population share of female (Gender), in percent')).toHaveValue('50.6');
  await expect(page.getByLabel('Minimum seats for female (Gender)')).toHaveValue('29');
  await expect(page.getByLabel('Maximum seats for female (Gender)')).toHaveValue('31');
  await expect(page.getByLabel('Minimum seats for male (Gender)')).toHaveValue('29');
  await expect(page.getByLabel('Maximum seats for male (Gender)')).toHaveValue('31');
  await expect(page.getByLabel('Panel size (seats)')).toHaveValue('60');
  // The chart says what it shows, and the table is its text alternative.
  await expect(featureSection(page, 'Gender').getByRole('img', { name: /^Chart of Gender: for 3 values/ })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('the checks show a minimum above the maximum beside the field, and minima above the panel as a sentence', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await openQuotas(page);

  const min = page.getByLabel('Minimum seats for female (Gender)');
  const max = page.getByLabel('Maximum seats for female (Gender)');
  await min.fill('32');
  await max.fill('31');
  await page.getByRole('button', { name: 'Save shares and quotas' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'need correcting' })).toBeVisible();
  await expect(max).toHaveAttribute('aria-invalid', 'true');
  await expect(max).toHaveAccessibleDescription('The maximum (31) is below the minimum (32).');
  await expect(max).toBeFocused();
  await featureSection(page, 'Gender').scrollIntoViewIfNeeded();
  await snap(page, 'quotas-04-min-above-max');

  await min.fill('31');
  await max.fill('40');
  await page.getByLabel('Minimum seats for male (Gender)').fill('31');
  await page.getByLabel('Maximum seats for male (Gender)').fill('40');
  await expect(featureTable(page, 'Gender').locator('tfoot')).toContainText('more than 60 seats');
  await page.getByRole('button', { name: 'Save shares and quotas' }).click();
  await expect(page.getByRole('status')).toContainText('Shares and quotas saved for 2 values.');
  const sentence = 'Gender: the minima add up to 62, more than the panel of 60 seats.';
  const checks = page.getByRole('region', { name: /^Checks/ });
  await expect(checks.getByRole('heading', { level: 2 })).toHaveText('Checks · 1 error');
  await expect(checks.getByText(sentence)).toBeVisible();
  await expect(featureSection(page, 'Gender').getByText(sentence)).toBeVisible();
  await snap(page, 'quotas-05-sum-of-minima');

  // The feature's name in the checks leads to its section.
  await checks.getByRole('button', { name: 'Go to the feature Gender' }).first().click();
  await expect(page.getByRole('heading', { level: 3, name: /^Gender/ })).toBeFocused();

  // Back to quotas that fit.
  await min.fill('29');
  await max.fill('31');
  await page.getByLabel('Minimum seats for male (Gender)').fill('29');
  await page.getByLabel('Maximum seats for male (Gender)').fill('31');
  await page.getByRole('button', { name: 'Save shares and quotas' }).click();
  await expect(checks.getByText(sentence)).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('age bands from the birth year become a new feature', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await openQuotas(page);
  await page.getByRole('button', { name: 'Make bands…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Make bands' });
  await expect(dialog.getByLabel('Make the bands from')).toHaveValue('birthYear');
  await expect(dialog.getByLabel('Name of the new feature')).toHaveValue('Age group');
  await expect(dialog.locator('tbody tr')).toHaveCount(6);
  // The youngest band starts at 0, so that the result does not depend on this year's ages.
  await dialog.getByLabel('Label of band 1').fill('up to 24');
  await dialog.getByLabel('Band 1: from').fill('0');
  // Without the oldest band, the people aged 65 or more fit nowhere: nothing is created.
  await dialog.getByRole('button', { name: 'Remove band 6' }).click();
  await expect(dialog.locator('tbody tr')).toHaveCount(5);
  await dialog.getByRole('button', { name: 'Create the feature' }).click();
  const refusal = dialog.getByRole('alert');
  await expect(refusal).toContainText('The age bands do not fit everyone; nothing was created.');
  await expect(refusal).toContainText(/\d+ people have an age outside every band\./);
  await snapDialog(page, 'quotas-06-bands-refused');
  await dialog.getByRole('button', { name: 'Add a band' }).click();
  const label = dialog.getByLabel('Label of band 6');
  await expect(label).toBeFocused();
  await label.fill('65+');
  await dialog.getByLabel('Band 6: from').fill('65');
  await dialog.getByLabel('Band 6: to (included)').fill('120');
  await snapDialog(page, 'quotas-07-bands-dialog');
  await dialog.getByRole('button', { name: 'Create the feature' }).click();
  await expect(page.getByRole('status')).toContainText('The feature Age group is created with 6 bands.');
  await expect(page.getByRole('heading', { level: 3, name: /^Age group/ })).toBeFocused();
  await expect(featureTable(page, 'Age group').locator('tbody').getByRole('rowheader')).toHaveText([/^up to 24/, /^25-34/, /^35-44/, /^45-54/, /^55-64/, /^65\+/]);
  expect(consoleErrors).toEqual([]);
});

test('the respondents export is pseudonymised: codes and features only', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await openQuotas(page);
  await expect(page.getByText('pseudonymised: only their code and their features')).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export the respondents (CSV)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('respondents.csv');
  const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  const [header, first] = text.split('\r\n');
  expect(header!.split(',').slice(0, 3)).toEqual(['id', 'Gender', 'Age band']);
  expect(first).toMatch(/^[A-Z0-9]{6},/);
  expect(text).not.toContain('@');
  await expect(page.getByRole('status')).toContainText('respondents.csv is exported');

  const categories = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export the categories (CSV)' }).click();
  const catText = readFileSync((await (await categories).path())!, 'utf8').replace(/^\uFEFF/, '');
  expect(catText).toContain('feature,value,min,max\r\n');
  expect(catText).toContain('Gender,female,29,31\r\n');
  expect(consoleErrors).toEqual([]);
});

test('on a new assembly: the empty state, quotas from a categories file, and merging values', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await page.getByRole('button', { name: 'Close assembly' }).click();
  await page.getByLabel('Name of the assembly').fill('Mobiliteit Gent 2027');
  await page.getByRole('button', { name: 'Create the assembly' }).click();
  await expect(page.getByRole('banner')).toContainText('Mobiliteit Gent 2027');
  await openQuotas(page);

  await expect(page.getByText('No features yet')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to Import to bring in the respondents' })).toHaveAttribute('href', '#/recruitment/import');
  await snap(page, 'quotas-08-empty');

  const categories = [
    'feature,value,min,max',
    'Gender,female,14,16',
    'Gender,male,7,8',
    'Gender,M,4,5',
    'Gender,Man,3,4',
    'Province,Oost-Vlaanderen,20,30',
    '',
  ].join('\r\n');
  await page.getByLabel('Categories file (CSV)').setInputFiles({ name: 'categories.csv', mimeType: 'text/csv', buffer: Buffer.from(categories) });
  await page.getByRole('button', { name: 'Import the quotas' }).click();
  await expect(page.getByRole('status')).toContainText('The quotas from categories.csv are imported.');
  await expect(featureTable(page, 'Gender').locator('tbody').getByRole('rowheader')).toHaveText([/^female/, /^male/, /^M\b/, /^Man/]);
  await expect(page.getByLabel('Maximum seats for M (Gender)')).toHaveValue('5');
  // Nobody is in the pool yet: the minima cannot be met.
  await expect(page.getByRole('region', { name: /^Checks/ })).toContainText('Gender “female”: the minimum is 14, but nobody in the pool has this value.');

  // Renaming "Man" to an existing value suggests merging the two instead.
  await page.getByRole('button', { name: 'Rename the value Man' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename the value Man (Gender)' });
  await rename.getByLabel('New name').fill('male');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(rename.getByLabel('New name')).toHaveAccessibleDescription(/Gender already has a value “male”/);
  await snapDialog(page, 'quotas-09-rename-conflict');
  await rename.getByRole('button', { name: 'Merge “Man” into “male”…' }).click();
  const merge = page.getByRole('dialog', { name: 'Merge values of Gender' });
  await expect(merge.getByLabel('Name of the merged value')).toHaveValue('male');
  await merge.getByRole('button', { name: 'Merge 2 values' }).click();
  await expect(page.getByRole('status')).toContainText('Gender: 2 values merged into male.');
  await expect(featureTable(page, 'Gender').locator('tbody').getByRole('rowheader')).toHaveText([/^female/, /^male/, /^M\b/]);

  // Ticking values and merging them.
  await page.getByLabel('Select M for merging').check();
  await page.getByLabel('Select male for merging').check();
  await page.getByRole('button', { name: /Merge selected values… \(2\)/ }).click();
  const merge2 = page.getByRole('dialog', { name: 'Merge values of Gender' });
  await merge2.getByLabel('Name of the merged value').fill('male');
  await snapDialog(page, 'quotas-10-merge-dialog');
  await merge2.getByRole('button', { name: 'Merge 2 values' }).click();
  await expect(page.getByRole('status')).toContainText('Gender: 2 values merged into male.');
  await expect(featureTable(page, 'Gender').locator('tbody').getByRole('rowheader')).toHaveText([/^female/, /^male/]);
  await expect(page.getByRole('heading', { level: 3, name: /^Gender/ })).toBeFocused();
  await snap(page, 'quotas-11-merged');

  // Deleting a feature asks first.
  await page.getByRole('button', { name: 'Delete the feature Province' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete the feature Province?' });
  await expect(confirm).toContainText('The people themselves stay in the pool');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Delete the feature' }).click();
  await expect(page.getByRole('status')).toContainText('The feature Province is deleted.');
  await expect(page.getByRole('heading', { level: 3, name: /^Province/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: /^Checks/ })).toBeFocused();
  expect(consoleErrors).toEqual([]);
});

test('a broken categories file lists every problem at once, and nothing changes', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await openQuotas(page);
  const broken = [
    'feature,value,min,max',
    'Gender,female,abc,3',
    'Gender,,1,2',
    'Age,16-24,5,2',
    'Age,25-34,-1,4',
    'Gender,female,1,2',
    '',
  ].join('\n');
  await page.getByLabel('Categories file (CSV)').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
  await page.getByRole('button', { name: 'Import the quotas' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'broken.csv has 5 problems; nothing was changed.' });
  await expect(alert).toBeVisible();
  const items = alert.getByRole('listitem');
  await expect(items).toHaveCount(5);
  await expect(items.nth(0)).toContainText('Row 2, column min:');
  await expect(items.nth(1)).toContainText('Row 3, column value:');
  await expect(items.nth(2)).toContainText('Row 4, column min:');
  await expect(items.nth(3)).toContainText('Row 5, column min:');
  await expect(items.nth(4)).toContainText('Row 6:');
  await alert.scrollIntoViewIfNeeded();
  await snap(page, 'quotas-12-broken-file');
  // Nothing was imported: no "Age" feature appeared.
  await expect(page.getByRole('heading', { level: 3, name: /^Age/ })).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('the page reads in French and in Dutch, with Belgian decimal commas', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await page.getByRole('button', { name: 'Close assembly' }).click();
  await page.getByRole('button', { name: 'Open the demo assembly' }).click();
  await expect(page.getByRole('banner')).toContainText(DEMO_ASSEMBLY_NAME, { timeout: 30_000 });

  for (const [language, title, propose, proposed, share] of [
    ['Français', 'Critères et quotas', 'Proposer des quotas à partir des parts', 'Quotas proposés (pas encore enregistrés)', 'Part de female (Gender) dans la population, en pour cent'],
    ['Nederlands', 'Kenmerken en quota', 'Quota voorstellen op basis van de aandelen', 'Voorgestelde quota (nog niet opgeslagen)', 'Aandeel van female (Gender) in de bevolking, in procent'],
  ] as const) {
    await goToHash(page, '#/settings');
    await page.getByLabel(language).check();
    await expect(page.locator('html')).toHaveAttribute('lang', language === 'Français' ? 'fr-BE' : 'nl-BE');
    await goToHash(page, '#/recruitment/quotas');
    await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
    await expect(page.getByLabel(share)).toHaveValue('50,6');
    await page.getByRole('button', { name: propose }).click();
    await expect(page.getByRole('heading', { name: proposed })).toBeFocused();
    // No key without a translation shows through.
    await expect(page.locator('main')).not.toContainText('quotasPage.');
    await snap(page, `quotas-${language === 'Français' ? '13-fr' : '14-nl'}`);
  }
  await goToHash(page, '#/settings');
  await page.getByLabel('English').check();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
  expect(consoleErrors).toEqual([]);
});
