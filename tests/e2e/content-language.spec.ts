/**
 * The screens show public texts in the screen's language (their translation, else the base
 * text), on the demo at the venue (English base texts, translated into Dutch and French): in
 * French the Agenda's day view, its balance of speaking time, the Tables page's feature tags and
 * the Participants page's session columns. An edit dialog still edits the base text.
 * Screenshots in tests/artifacts/.
 */
import { expect, snap, test } from './fixtures';
import { api, goToHash, startAsOperator } from './pageApi';

test.describe.configure({ mode: 'serial' });

test('in French: the agenda, the tables and the participants show the French session names, slot titles, topics, perspectives and feature values', async ({ page, appUrl, consoleErrors }) => {
  test.setTimeout(180_000);
  await startAsOperator(page, appUrl);
  await api(page, 'app.setLanguage', { language: 'fr' });
  await api(page, 'app.openDemo', { stage: 'venue' });

  // Agenda, day view: the session picker, the day's heading, a slot's title and topic.
  await goToHash(page, '#/agenda');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Programme & experts' })).toBeVisible({ timeout: 30_000 });
  const picker = page.getByRole('combobox', { name: 'Séance' });
  await expect(picker.locator('option', { hasText: 'Week-end 1 — samedi' })).toBeAttached({ timeout: 30_000 });
  await expect(picker.locator('option', { hasText: 'Weekend 1 — Saturday' })).toHaveCount(0);
  await picker.selectOption({ label: (await picker.locator('option', { hasText: 'Week-end 1 — samedi' }).textContent())! });
  await expect(page.getByRole('heading', { level: 2, name: /Week-end 1 — samedi/ })).toBeVisible();
  const welcome = page.getByRole('heading', { level: 3, name: /Accueil et programme de la journée/ });
  await expect(welcome).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /Welcome and the day ahead/ })).toHaveCount(0);
  await expect(page.getByText('Financement des partis').first()).toBeVisible();
  await snap(page, 'content-language-01-agenda-fr');

  // Editing a slot edits its base text (the Translations page holds the French).
  const slot = page.getByRole('listitem').filter({ has: welcome });
  await slot.getByRole('button', { name: /Modifier/ }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('textbox', { name: /Titre/ })).toHaveValue('Welcome and the day ahead');
  await page.keyboard.press('Escape');

  // The balance of speaking time: topics and perspectives in French.
  await goToHash(page, '#/agenda/balance');
  await expect(page.getByText('Favorable au financement public').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('In favour of public funding')).toHaveCount(0);
  await expect(page.getByText('Financement des partis').first()).toBeVisible();
  await snap(page, 'content-language-02-balance-fr');

  // Tables: the feature values on the members' tags.
  await goToHash(page, '#/tables');
  const tables = page.getByRole('list', { name: 'Tables', exact: true });
  await expect(tables).toBeVisible({ timeout: 30_000 });
  const first = tables.getByRole('listitem', { name: 'Table 1', exact: true });
  await expect(first.getByRole('paragraph')).toContainText(/Genre : |Genre: /);
  await expect(first.getByRole('paragraph')).toContainText(/femme \d/);
  await expect(first.getByRole('button').first()).toContainText(/Tranche d’âge: .*(ans)/);
  await expect(tables).not.toContainText('female');
  await expect(tables).not.toContainText('Age band');
  await snap(page, 'content-language-03-tables-fr');

  // Participants: the session columns.
  await goToHash(page, '#/participants');
  await expect(page.getByRole('columnheader', { name: /Week-end 1 — samedi/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('columnheader', { name: /Weekend 1 — Saturday/ })).toHaveCount(0);
  await snap(page, 'content-language-04-participants-fr');

  await api(page, 'app.setLanguage', { language: 'en' });
  expect(consoleErrors).toEqual([]);
});
