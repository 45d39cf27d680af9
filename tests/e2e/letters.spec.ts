/**
 * Recruitment › Letters in Chromium: the French invitation text edited on the screen (an unknown
 * placeholder refused with its name and line, then saved), and a sample French letter downloaded
 * from the screen and read back: it prints the edited text. Screenshots of the page.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { pdfText } from '../helpers/pdf';
import { expect, snap, test } from './fixtures';
import { api, goToHash, startAsOperator } from './pageApi';

test('edit the French invitation and download a sample French letter', async ({ page, appUrl, consoleErrors }) => {
  test.setTimeout(120_000);
  await startAsOperator(page, appUrl);
  await api(page, 'app.setLanguage', { language: 'en' });
  await api(page, 'app.createAssembly', { name: 'Burgerpanel Klimaat' });
  await goToHash(page, '#/recruitment/letters');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Recruitment' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('link', { name: 'Letters' })).toHaveAttribute('aria-current', 'page');

  // What every letter says.
  await page.getByLabel('Answer by', { exact: true }).fill('2027-01-15');
  await page.getByLabel('Contact', { exact: true }).fill('02 123 45 67, burgerpanel@example.be');
  await page.getByLabel('Sender', { exact: true }).fill('Burgerpanel Klimaat\nWetstraat 16\n1000 Brussel');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved. Every letter uses it from now on.')).toBeVisible();

  // The French invitation.
  await page.getByRole('button', { name: /^French/ }).click();
  await expect(page.getByRole('button', { name: /^French/ })).toHaveAttribute('aria-pressed', 'true');
  const body = page.getByLabel('Text (French)', { exact: true });
  await expect(body).toHaveValue(/^Bonjour \{name\},/);
  await body.fill('Bonjour {name},\n\nVotre code personnel : {cod}.\n\nRépondez avant le {deadline}.');
  await page.getByRole('button', { name: 'Save the French text' }).click();
  await expect(page.getByRole('alert')).toContainText('Unknown placeholder {cod} on line 3.');
  await snap(page, 'letters-01-unknown-placeholder');

  await body.fill('Bonjour {name},\n\nVotre code personnel : .\n\nRépondez avant le {deadline}.');
  await body.click();
  // The placeholder inserted with its button where the cursor is (after "personnel : ").
  await body.evaluate((el: HTMLTextAreaElement) => {
    const at = el.value.indexOf(' .') + 1;
    el.setSelectionRange(at, at);
  });
  await page.getByRole('button', { name: 'Insert {code}: their personal response code' }).click();
  await expect(body).toHaveValue('Bonjour {name},\n\nVotre code personnel : {code}.\n\nRépondez avant le {deadline}.');
  await page.getByRole('button', { name: 'Save the French text' }).click();
  await expect(page.getByText('Invitation in French saved.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^French · edited/ })).toBeVisible();
  await snap(page, 'letters-02-french-saved');
  // No serious or critical accessibility problem on the page (the same rules as tests/e2e/a11y.spec.ts).
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);

  // A sample letter in French, downloaded from the screen.
  await page.getByLabel('Address', { exact: true }).selectOption('fr');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download a sample letter (PDF)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('letter-invitation-fr-sample.pdf');
  const pdf = readFileSync((await file.path())!);
  const text = pdfText(pdf).replace(/[\u00a0\u202f]/g, ' ');
  expect(text).toContain('Votre code personnel : EX4M9P.');
  expect(text).toContain('Répondez avant le 15 janvier 2027.');
  expect(text).toContain('Coupon-réponse');
  expect(text).toContain('Camille Exemple');
  await expect(page.getByText('letter-invitation-fr-sample.pdf downloaded (1 page).')).toBeVisible();
  await snap(page, 'letters-03-sample');

  // Without an invitation lottery, making the letters says what to do first.
  await page.getByRole('button', { name: 'Make the letters' }).click();
  await expect(page.getByRole('alert')).toContainText('No invitation lottery has been drawn yet');
  expect(consoleErrors).toEqual([]);
});
