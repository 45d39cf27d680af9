/**
 * Public texts in several languages, on the demo at the venue (translated into Dutch and French
 * throughout): a French session name taken away is listed before a French export, the link goes
 * to the Translations page on the texts missing in French, a French name entered there is saved,
 * and the French recommendations report prints it. Screenshots of the page in en, fr and nl.
 */
import { readFileSync } from 'node:fs';
import type { PublicText } from '../../main/domain/translations/types';
import { pdfText } from '../helpers/pdf';
import { expect, snap, test } from './fixtures';
import { api, goToHash, startAsOperator } from './pageApi';

test.describe.configure({ mode: 'serial' });

test('a French session name: missing before the export, entered on the Translations page, printed in the French report', async ({ page, appUrl, consoleErrors }) => {
  test.setTimeout(180_000);
  await startAsOperator(page, appUrl);
  await api(page, 'app.setLanguage', { language: 'en' });
  await api(page, 'app.openDemo', { stage: 'venue' });
  const { texts } = await api<{ texts: PublicText[] }>(page, 'translations.list', {});
  const sunday = texts.find((t) => t.kind === 'session' && t.base === 'Weekend 1 — Sunday')!;
  await api(page, 'translations.set', { kind: 'session', entityId: sunday.entityId, field: 'name', language: 'fr', text: '' });

  // The export dialog in French lists what has no French version.
  await goToHash(page, '#/reports');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Export Recommendations and votes…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export: Recommendations and votes' });
  await expect(dialog.getByText(/has no .* version/)).toHaveCount(0);
  await dialog.getByRole('radio', { name: 'Français' }).check();
  await expect(dialog.getByText('1 text has no French version: “Weekend 1 — Sunday”')).toBeVisible();
  await expect(dialog.getByText('They will print in the base language. Export anyway, or translate them first.')).toBeVisible();
  await snap(page, 'translations-01-missing-before-export-en');
  // Dutch is complete: nothing listed.
  await dialog.getByRole('radio', { name: 'Nederlands' }).check();
  await expect(dialog.getByText(/has no .* version/)).toHaveCount(0);
  await dialog.getByRole('radio', { name: 'Français' }).check();

  // Go translate: the Translations page opens on the texts missing in French.
  await dialog.getByRole('link', { name: 'Translate the missing texts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Translations' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('combobox', { name: 'Show' })).toHaveValue('fr');
  const table = page.getByRole('table', { name: 'Public texts and their translations' });
  await expect(table.getByRole('row')).toHaveCount(2);
  const french = table.getByRole('textbox', { name: 'French: Weekend 1 — Sunday' });
  await expect(french).toHaveValue('');
  await expect(table.getByRole('textbox', { name: 'Dutch: Weekend 1 — Sunday' })).toHaveValue('Weekend 1 — zondag');
  await french.fill('Premier week-end — dimanche');
  await french.press('Tab');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText('Saved in French: “Premier week-end — dimanche”.');
  // The row stays while the filter is on; the count of what is missing goes down.
  await expect(french).toHaveValue('Premier week-end — dimanche');
  await expect(page.getByRole('option', { name: 'Missing in French (0)' })).toBeAttached();
  await snap(page, 'translations-02-page-missing-fr-en');

  // All texts, German empty (content only: the UI has no German).
  await page.getByRole('combobox', { name: 'Show' }).selectOption('');
  await expect(table.getByRole('textbox', { name: 'French: Recommendations on party funding' })).toHaveValue('Recommandations sur le financement des partis');
  await expect(table.getByRole('textbox', { name: 'German: Recommendations on party funding' })).toHaveValue('');

  // The French report prints the new name (the recommendations list the sessions held).
  await goToHash(page, '#/reports');
  await page.getByRole('button', { name: 'Export Recommendations and votes…' }).click();
  await dialog.getByRole('radio', { name: 'Français' }).check();
  await expect(dialog.getByText(/has no .* version/)).toHaveCount(0);
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export PDF' }).click();
  const text = pdfText(readFileSync((await (await download).path())!)).replace(/\s+/g, ' ');
  expect(text).toContain('Premier week-end — dimanche');
  expect(text).toContain('Week-end 1 — samedi');
  expect(text).toContain('Recommandations sur le financement des partis');
  expect(text).not.toContain('Weekend 1 — Sunday');
  await page.keyboard.press('Escape');
  expect(consoleErrors).toEqual([]);
});

test('the Translations page and the screens in French and Dutch', async ({ page, appUrl, consoleErrors }) => {
  test.setTimeout(120_000);
  await startAsOperator(page, appUrl);
  await api(page, 'app.setLanguage', { language: 'fr' });
  await goToHash(page, '#/settings/translations');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Traductions' })).toBeVisible({ timeout: 30_000 });
  const table = page.getByRole('table', { name: 'Textes publics et leurs traductions' });
  await expect(table.getByRole('textbox', { name: 'Néerlandais : Weekend 1 — Saturday' })).toHaveValue('Weekend 1 — zaterdag');
  await snap(page, 'translations-03-page-fr');
  // The screens show content in the screen's language: the session picker and the ballots list in French.
  await goToHash(page, '#/voting');
  const picker = page.getByRole('combobox', { name: 'Séance' });
  await expect(picker.locator('option', { hasText: 'Week-end 1 — samedi' })).toBeAttached({ timeout: 30_000 });
  const sunday = await picker.locator('option', { hasText: 'Premier week-end — dimanche' }).textContent();
  await picker.selectOption({ label: sunday! });
  await expect(page.getByRole('rowheader', { name: /Recommandations sur le financement des partis/ })).toBeVisible();
  await snap(page, 'translations-04-voting-fr');

  await api(page, 'app.setLanguage', { language: 'nl' });
  await goToHash(page, '#/settings/translations?missing=fr');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Vertalingen' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Elke tekst heeft een versie in het Frans.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Tonen' }).selectOption('');
  await snap(page, 'translations-05-page-nl');
  await api(page, 'app.setLanguage', { language: 'en' });
  expect(consoleErrors).toEqual([]);
});
