/**
 * Two fair objectives side by side on the demo pool, in French: the operator picks maximin and
 * Goldilocks, sees the progress while they are computed, then the comparison table (smallest and
 * largest chance, people below half and above twice the average, Gini, how sure) and both
 * histograms on the same scales, with Goldilocks' parameter explained in words.
 */
import { DEMO_ASSEMBLY_NAME } from '../../main/domain/demo/generate';
import { expect, snap, test } from './fixtures';
import { api, goToHash } from './pageApi';

/** Each method gets a minute; on a busy two-core machine the pair may take a little longer. */
const COMPARE_TIMEOUT = 240_000;

test('compares maximin and Goldilocks on the demo pool, in French', async ({ page, appUrl, consoleErrors }) => {
  test.setTimeout(COMPARE_TIMEOUT + 60_000);
  await page.goto(appUrl);
  await page.getByLabel('Your name (operator)').fill('Jonas Maes');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Open the demo assembly' }).click();
  await expect(page.getByRole('banner')).toContainText(DEMO_ASSEMBLY_NAME, { timeout: 30_000 });
  await api(page, 'app.setLanguage', { language: 'fr' });
  await goToHash(page, '#/selection');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Tirage au sort' })).toBeVisible({ timeout: 30_000 });

  const compare = page.getByRole('region', { name: 'Comparer deux méthodes' });
  await compare.getByLabel('Première méthode').selectOption('maximin');
  await compare.getByLabel('Deuxième méthode').selectOption('goldilocks');
  // Goldilocks' parameter, in words, before anything is computed.
  await expect(compare.getByText(/^Goldilocks avec γ = 1, comme le recommande l’article/)).toBeVisible();
  // The same method twice is refused on the spot.
  await compare.getByLabel('Deuxième méthode').selectOption('maximin');
  await compare.getByRole('button', { name: 'Comparer' }).click();
  await expect(compare.getByRole('alert')).toHaveText('Choisissez deux méthodes différentes.');
  await compare.getByLabel('Deuxième méthode').selectOption('goldilocks');
  await compare.getByLabel('Limite de temps par méthode (minutes)').fill('1');
  await compare.getByRole('button', { name: 'Comparer' }).click();

  await expect(compare.getByRole('progressbar', { name: 'Temps écoulé' })).toBeVisible();
  await expect(compare.getByRole('heading', { level: 3, name: /^Comparaison de Maximin et Goldilocks : calcul de (Maximin|Goldilocks) \([12] sur 2\)$/ })).toBeVisible();
  await snap(page, 'selection-objectives-01-progress-fr');

  const table = compare.getByTestId('sel-compare-table');
  await expect(table).toBeVisible({ timeout: COMPARE_TIMEOUT });
  await expect(table.getByRole('columnheader')).toHaveText(['Mesure', 'Maximin', 'Goldilocks']);
  const row = (name: RegExp) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
  await expect(row(/^Plus petite chance$/).getByRole('cell')).toHaveText([/^\d+,\d\s?%/, /^\d+,\d\s?%/]);
  await expect(row(/^Plus grande chance$/).getByRole('cell')).toHaveText([/^\d+,\d\s?%/, /^\d+,\d\s?%/]);
  await expect(row(/^Personnes ayant moins de la moitié de la chance moyenne/).getByRole('cell')).toHaveText([/^\d+/, /^\d+/]);
  await expect(row(/^Personnes ayant plus du double de la chance moyenne/).getByRole('cell')).toHaveText([/^\d+/, /^\d+/]);
  await expect(row(/^Gini/).getByRole('cell')).toHaveText([/^0,\d{3}/, /^0,\d{3}/]);
  await expect(row(/^Degré de certitude$/).getByRole('cell')).toHaveText([
    /^(optimal, prouvé|prouvé à .* du meilleur|arrêté tôt, à .* près)$/,
    /^(optimal, prouvé|prouvé à .* du meilleur|arrêté tôt, à .* près)$/,
  ]);
  await expect(compare.getByText(/^1\s?500 personnes peuvent être tirées, 60 sièges\s?: la chance moyenne est de 4,0\s?%\.$/)).toBeVisible();
  // Maximin's smallest chance is the largest possible: never below Goldilocks'.
  const percent = async (cell: number) => Number((await row(/^Plus petite chance$/).getByRole('cell').nth(cell).innerText()).replace(/[^\d,]/g, '').replace(',', '.'));
  expect(await percent(0)).toBeGreaterThanOrEqual(await percent(1));
  // Both histograms, each a described image.
  await expect(compare.locator('figure.sel-histogram svg[role="img"]')).toHaveCount(2);
  await expect(compare.getByRole('img').first()).toHaveAccessibleName(/Maximin/);
  await compare.scrollIntoViewIfNeeded();
  await snap(page, 'selection-objectives-02-compared-fr');
  // Nothing was stored: no run in the history.
  expect(await api(page, 'selection.list', {})).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
