/**
 * Recruitment, the People and Duplicates parts: searching the demo pool (accents folded),
 * filters and paging; a person's card (details with a refused e-mail, the status from the pool
 * to a withdrawal, a replacement, the contact log); erasure; possible duplicates resolved on a
 * fresh assembly. The tests of this file share one server and data folder and run in order.
 */
import type { Page } from '@playwright/test';
import type { AssemblyApi } from '../../main/apiTypes';
import type { ColumnTarget, PersonListItem } from '../../main/domain/recruitment/types';
import { DEMO_ASSEMBLY_NAME } from '../../main/domain/demo/generate';
import { expect, snap, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

/** The page's globals that the tests use (this file is type-checked without the DOM library). */
type PageGlobals = { assembly: AssemblyApi; location: { hash: string } };

/** Folds accents the way a person types without them: "Çelik" -> "celik". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();

async function openPeople(page: Page, appUrl: string) {
  await page.goto(appUrl);
  await page.getByRole('navigation', { name: 'Areas of the assembly' }).getByRole('link', { name: 'Recruitment' }).click();
  await page.getByRole('navigation', { name: 'Parts of recruitment' }).getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'People' })).toBeVisible();
}

async function listPeople(page: Page, query: Parameters<AssemblyApi['people']['list']>[0]) {
  const result = await page.evaluate(async (q) => (globalThis as unknown as PageGlobals).assembly.people.list(q), query);
  if (!result.ok) throw new Error(`people.list failed: ${result.error.message}`);
  return result.data;
}

const resultsTable = (page: Page) => page.getByRole('table', { name: 'Respondents, sorted by last name' });
const personDialog = (page: Page) => page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: 'Details' }) });

test('the demo pool is searched without accents, filtered and paged', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await page.getByLabel('Your name (operator)').fill('Jonas Maes');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Open the demo assembly' }).click();
  await expect(page.getByRole('banner')).toContainText(DEMO_ASSEMBLY_NAME, { timeout: 30_000 });

  await openPeople(page, appUrl);
  await expect(page.getByText(/^1,500 people/)).toBeVisible();
  await expect(page.getByText(/in [\d,]+ households/)).toBeVisible();
  await expect(resultsTable(page).locator('tbody tr')).toHaveCount(100);
  await expect(page.getByRole('navigation', { name: 'Pages of the list' })).toContainText('1–100 of 1,500');
  await snap(page, 'people-01-list');

  // A demo name with an accent or a cedilla, found through the API, typed without it.
  const candidates = (await listPeople(page, { limit: 1000 })).rows;
  const accented = candidates.find((p) => fold(p.lastName) !== p.lastName.toLowerCase() && /^[\p{L}]+$/u.test(p.lastName));
  expect(accented, 'the demo has accented last names').toBeTruthy();
  const person = accented as PersonListItem;
  const search = page.getByLabel('Search by name, code, e-mail or phone');
  await search.fill(fold(person.lastName));
  const count = page.getByRole('status').filter({ hasText: /match/ });
  await expect(count).toHaveText(/^\d+ (people|person) match(es)?$/);
  await expect(resultsTable(page).getByRole('button', { name: `${person.lastName}, ${person.firstName}`, exact: true }).first()).toBeVisible();
  // Every row found carries the accented name: the search folded the accents, it did not ignore the query.
  const shown = await resultsTable(page).locator('tbody th').allInnerTexts();
  expect(shown.length).toBeGreaterThan(0);
  for (const name of shown) expect(fold(name)).toContain(fold(person.lastName));
  await snap(page, 'people-02-search-accents');

  // Filters: status, then a feature value, then back to everything.
  await search.fill('');
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'in the pool' });
  await expect(count).toHaveText('1,500 people match');
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'confirmed' });
  await expect(count).toHaveText('0 people match');
  await expect(page.getByText('No one matches this search and these filters.')).toBeVisible();
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'All statuses' });
  const valueSelect = page.getByLabel('Feature value');
  const frOption = valueSelect.locator('optgroup[label="Language"] option', { hasText: /^Language: FR / });
  const frText = (await frOption.textContent()) ?? '';
  const frCount = /\((\d[\d,]*)\)/.exec(frText)?.[1];
  await valueSelect.selectOption({ label: frText });
  await expect(count).toHaveText(`${frCount} people match`);
  await snap(page, 'people-03-filter-value');
  await page.getByRole('button', { name: 'Clear search and filters' }).first().click();
  await expect(search).toBeFocused();
  await expect(count).toHaveCount(0);

  // Paging.
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByRole('navigation', { name: 'Pages of the list' })).toContainText('101–200 of 1,500');
  await expect(page.getByRole('heading', { name: /Respondents/ })).toBeFocused();
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(page.getByRole('navigation', { name: 'Pages of the list' })).toContainText('1–100 of 1,500');
  expect(consoleErrors).toEqual([]);
});

test('a person is edited, goes from the pool to withdrawn, is replaced, and contacts are logged', async ({ page, appUrl, consoleErrors }) => {
  await openPeople(page, appUrl);
  const pool = (await listPeople(page, { status: 'pool', limit: 5 })).rows;
  const person = pool[0]!;
  const search = page.getByLabel('Search by name, code, e-mail or phone');
  await search.fill(person.code);
  await expect(resultsTable(page).locator('tbody tr')).toHaveCount(1);
  await resultsTable(page).getByRole('button', { name: `${person.lastName}, ${person.firstName}`, exact: true }).first().click();

  const dialog = personDialog(page);
  await expect(dialog.getByRole('heading', { level: 2, name: `${person.firstName} ${person.lastName}` })).toBeVisible();
  await expect(dialog).toContainText(person.code);
  await snap(page, 'people-04-person');

  // A bad e-mail address is refused beside the field; then a new phone number is saved.
  const email = dialog.getByLabel('E-mail', { exact: true });
  await email.fill('not-an-address');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog.getByText('This is not an e-mail address')).toBeVisible();
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await snap(page, 'people-05-bad-email');
  await email.fill(person.email ?? 'someone@example.be');
  await dialog.getByLabel('Phone', { exact: true }).fill('+32 470 12 34 56');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog.getByText('Details saved.')).toBeVisible();
  await expect(dialog.getByText('This is not an e-mail address')).toHaveCount(0);

  // The status, step by step.
  const statusActions = dialog.getByRole('group', { name: 'Change the status' });
  const statusLine = dialog.getByRole('status').filter({ hasText: /Status changed/ });
  await statusActions.getByRole('button', { name: 'Mark as selected' }).click();
  await expect(statusLine).toHaveText('Status changed to “selected”.');
  await statusActions.getByRole('button', { name: 'Mark as contacted' }).click();
  await expect(statusLine).toHaveText('Status changed to “contacted”.');
  await statusActions.getByRole('button', { name: 'Mark as confirmed' }).click();
  await expect(statusLine).toHaveText('Status changed to “confirmed”.');
  await expect(statusActions.getByRole('button')).toHaveText(['Withdrawn…']);
  await statusActions.getByRole('button', { name: 'Withdrawn…' }).click();
  const reason = dialog.getByLabel('Reason');
  await expect(reason).toBeFocused();
  await expect(dialog.getByLabel('Date of withdrawal')).not.toHaveValue('');
  await dialog.getByRole('button', { name: 'Record as withdrawn' }).click();
  await expect(dialog.getByText('Give the reason.')).toBeVisible();
  await expect(reason).toBeFocused();
  await snap(page, 'people-06-withdraw-no-reason');
  await dialog.getByLabel('Date of withdrawal').fill('2026-03-02');
  await reason.fill('Moved abroad for work');
  await dialog.getByRole('button', { name: 'Record as withdrawn' }).click();
  await expect(statusLine).toHaveText('Status changed to “withdrawn”.');
  await expect(dialog.getByText(/since 2 Mar 2026/)).toBeVisible();
  const history = dialog.getByRole('table', { name: 'Status changes, newest first' });
  await expect(history.locator('tbody tr')).toHaveCount(4);
  await expect(history.locator('tbody tr').first()).toContainText('Moved abroad for work');
  await expect(history.locator('tbody tr').first()).toContainText('Jonas Maes');
  await snap(page, 'people-07-withdrawn');

  // Replaced by someone from the pool, the best match first.
  await dialog.getByRole('button', { name: 'Replace…' }).click();
  const replace = page.getByRole('dialog', { name: `Replace ${person.firstName} ${person.lastName} (${person.code})` });
  await expect(replace).toBeVisible();
  const candidates = replace.getByRole('table', { name: /Candidates/ });
  await expect(candidates.locator('tbody tr').first()).toBeVisible();
  await expect(replace.getByRole('status')).toContainText('candidates');
  await snap(page, 'people-08-replace');
  const firstChoice = candidates.locator('tbody tr').first();
  const chooseButton = firstChoice.getByRole('button', { name: /^Choose / });
  const [, chosenName, chosenCode] = /^Choose (.+) \(([A-Z0-9]+)\)$/.exec((await chooseButton.getAttribute('aria-label')) ?? '') ?? [];
  await chooseButton.click();
  const confirm = replace.getByRole('button', { name: /^Replace by / });
  await expect(confirm).toBeFocused();
  await confirm.click();
  await expect(replace).toHaveCount(0);
  const replacedBy = dialog.getByRole('listitem').filter({ hasText: 'Replaced by' });
  await expect(replacedBy).toBeVisible();
  await expect(replacedBy.getByRole('button')).toHaveText(chosenCode!);
  const replacementCode = chosenCode!;
  await snap(page, 'people-09-replaced');

  // The replacement's card says whom they replace, and is now selected.
  await replacedBy.getByRole('button', { name: replacementCode }).click();
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(chosenName!);
  const statusSection = dialog.getByRole('region', { name: 'Status' });
  await expect(statusSection.getByRole('listitem').filter({ hasText: 'Replaces' })).toContainText(person.code);
  await expect(statusSection.getByText('selected', { exact: true })).toBeVisible();
  await expect(statusSection.getByRole('table', { name: 'Status changes, newest first' })).toContainText(`replaces ${person.code}`);

  // A contact, logged.
  const contactForm = dialog.getByRole('form', { name: 'Record a contact' });
  await contactForm.getByLabel('Channel').selectOption({ label: 'Phone' });
  await contactForm.getByLabel('Outcome').fill('Said yes, will come on Saturday');
  await contactForm.getByLabel('Note').fill('Prefers to be called after 18:00');
  await contactForm.getByRole('button', { name: 'Add to the log' }).click();
  await expect(dialog.getByText('Contact recorded.')).toBeVisible();
  const contacts = dialog.getByRole('table', { name: 'Contacts with this person, newest first' });
  await expect(contacts.locator('tbody tr')).toHaveCount(1);
  await expect(contacts).toContainText('Said yes, will come on Saturday');
  await expect(contactForm.getByLabel('Outcome')).toBeFocused();
  await snap(page, 'people-10-contact');

  // Back to the list: the statuses are there.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await search.fill('');
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'withdrawn' });
  await expect(page.getByRole('status').filter({ hasText: /match/ })).toHaveText('1 person matches');
  await expect(resultsTable(page)).toContainText(person.code);
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'selected' });
  await expect(resultsTable(page)).toContainText(replacementCode);
  await snap(page, 'people-11-filter-status');
  expect(consoleErrors).toEqual([]);
});

test('a person is erased after typing their code', async ({ page, appUrl, consoleErrors }) => {
  await openPeople(page, appUrl);
  const person = (await listPeople(page, { status: 'pool', limit: 20 })).rows[10]!;
  const search = page.getByLabel('Search by name, code, e-mail or phone');
  await search.fill(person.email ?? person.code);
  // Wait for the search to narrow the list: a click during the re-render can land on a row that is being replaced.
  await expect(resultsTable(page).locator('tbody tr')).toHaveCount(1);
  await resultsTable(page).getByRole('button', { name: `${person.lastName}, ${person.firstName}`, exact: true }).first().click();
  const dialog = personDialog(page);
  await dialog.getByRole('button', { name: 'Erase personal data…' }).click();

  const confirm = page.getByRole('alertdialog', { name: `Erase the personal data of ${person.firstName} ${person.lastName}?` });
  await expect(confirm).toContainText('Names, e-mail, phone, address, birth year, notes');
  await expect(confirm).toContainText('The code, the status and the feature values stay');
  const code = confirm.getByLabel(`Type the code ${person.code} to confirm`);
  await expect(code).toBeFocused();
  await code.fill('WRONG1');
  await confirm.getByRole('button', { name: `Erase ${person.code}` }).click();
  await expect(confirm.getByText(`Type the code exactly as shown: ${person.code}.`)).toBeVisible();
  await snap(page, 'people-12-erase-confirm');
  await code.fill(person.code.toLowerCase());
  await confirm.getByRole('button', { name: `Erase ${person.code}` }).click();
  await expect(confirm).toHaveCount(0);

  await expect(dialog.getByRole('heading', { level: 2, name: `Erased person ${person.code}` })).toBeVisible();
  await expect(dialog.getByText('The personal data of this person were erased')).toBeVisible();
  // The erasure reached the backups beside the file too (the one taken when it was opened, at least).
  await expect(dialog.getByRole('status').filter({ hasText: 'Where the erasure reached' })).toContainText(/Also erased in \d+ backups? of this file\./);
  await expect(dialog.getByLabel('First name')).toBeDisabled();
  await expect(dialog.getByLabel('First name')).toHaveValue('');
  await expect(dialog.getByRole('button', { name: 'Save details' })).toHaveCount(0);
  await expect(dialog.getByText(Object.values(person.features)[0]!).first()).toBeVisible();
  await snap(page, 'people-13-erased');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // In the list, found by code only: the name and e-mail are gone.
  await search.fill(person.code);
  await expect(resultsTable(page).getByRole('button', { name: `Erased person ${person.code}` })).toBeVisible();
  await search.fill(person.email ?? person.lastName);
  await expect(page.getByText('No one matches this search and these filters.')).toBeVisible();
  await search.fill(person.code);
  await expect(resultsTable(page).locator('tbody tr')).toHaveCount(1);
  await snap(page, 'people-14-erased-in-list');
  expect(consoleErrors).toEqual([]);
});

test('possible duplicates: none in the demo; on a fresh assembly, one pair kept apart and one merged', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await page.getByRole('navigation', { name: 'Areas of the assembly' }).getByRole('link', { name: 'Recruitment' }).click();
  await page.getByRole('navigation', { name: 'Parts of recruitment' }).getByRole('link', { name: 'Duplicates' }).click();
  await expect(page.getByText('No possible duplicates')).toBeVisible();
  await snap(page, 'people-15-duplicates-empty');

  // A fresh assembly: the people part points to the import.
  await page.getByRole('button', { name: 'Close assembly' }).click();
  await page.getByLabel('Name of the assembly').fill('Duplicates check');
  await page.getByRole('button', { name: 'Create the assembly' }).click();
  await expect(page.getByRole('banner')).toContainText('Duplicates check');
  await page.getByRole('navigation', { name: 'Areas of the assembly' }).getByRole('link', { name: 'Recruitment' }).click();
  await page.getByRole('navigation', { name: 'Parts of recruitment' }).getByRole('link', { name: 'People' }).click();
  await expect(page.getByText('No one in the respondent pool yet')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Import the respondent pool' })).toHaveAttribute('href', '#/recruitment/import');
  await snap(page, 'people-16-empty-assembly');

  // Four people: two share an e-mail address, two a phone number.
  const csv = [
    'first name,last name,email,phone,gender',
    'Ann,Peeters,ann.peeters@example.be,0470 11 22 33,female',
    'Anne,Peeters,ann.peeters@example.be,0480 99 88 77,female',
    'Karim,Haddad,karim@example.be,0475 12 34 56,male',
    'Karim,Hadad,k.hadad@example.be,0475 12 34 56,male',
  ].join('\n');
  const columns: ColumnTarget[] = [
    { kind: 'field', field: 'firstName' },
    { kind: 'field', field: 'lastName' },
    { kind: 'field', field: 'email' },
    { kind: 'field', field: 'phone' },
    { kind: 'feature', feature: 'Gender' },
  ];
  const imported = await page.evaluate(
    async ({ csv, columns }) => {
      const api = (globalThis as unknown as PageGlobals).assembly;
      const bytes = new TextEncoder().encode(csv);
      const staged = await api.imports.stage({ fileName: 'x.csv', contentBase64: btoa(String.fromCharCode(...bytes)) });
      if (!staged.ok) return staged;
      return api.imports.commit({ uploadId: staged.data.uploadId, mapping: { columns }, mode: 'allOrNothing' });
    },
    { csv, columns },
  );
  expect(imported.ok, JSON.stringify(imported)).toBe(true);
  if (imported.ok) expect(imported.data.imported).toBe(4);

  await page.reload();
  await expect(page.getByText(/^4 people/)).toBeVisible();
  await expect(resultsTable(page).getByText('possible duplicate')).toHaveCount(4);
  await page.getByLabel('Only possible duplicates').check();
  await expect(page.getByRole('status').filter({ hasText: /match/ })).toHaveText('4 people match');
  await snap(page, 'people-17-duplicate-markers');

  await page.getByRole('navigation', { name: 'Parts of recruitment' }).getByRole('link', { name: 'Duplicates' }).click();
  const pairs = page.getByRole('article');
  await expect(pairs).toHaveCount(2);
  const emailPair = pairs.filter({ hasText: 'same e-mail address' });
  const phonePair = pairs.filter({ hasText: 'same phone number' });
  await expect(emailPair).toContainText('Ann Peeters');
  await expect(emailPair).toContainText('Anne Peeters');
  await expect(phonePair).toContainText('Karim Haddad');
  await snap(page, 'people-18-duplicates');

  // A name opens that person's card in the People part, with the possible duplicate listed.
  await emailPair.getByRole('link', { name: 'Ann Peeters', exact: true }).click();
  const card = personDialog(page);
  await expect(card.getByRole('heading', { level: 2, name: 'Ann Peeters' })).toBeVisible();
  const dupSection = card.getByRole('region', { name: 'Possible duplicates' });
  await expect(dupSection).toContainText('Anne Peeters');
  await expect(dupSection).toContainText('same e-mail address · to check');
  await snap(page, 'people-18b-person-duplicates');
  await dupSection.getByRole('link', { name: 'Review on the Duplicates page' }).click();
  await expect(card).toHaveCount(0);
  await expect(pairs).toHaveCount(2);

  await emailPair.getByRole('button', { name: 'Not the same person' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'two different people' })).toBeVisible();
  await expect(pairs).toHaveCount(1);

  // Keep A: the confirmation names who leaves the pool.
  const keepA = phonePair.getByRole('button', { name: /^Keep / }).first();
  const label = (await keepA.innerText()).trim();
  const [, kept, removed] = /^Keep (.+) \(remove (.+) from the pool\)$/.exec(label) ?? [];
  expect(kept && removed).toBeTruthy();
  await keepA.click();
  const confirm = page.getByRole('alertdialog', { name: new RegExp(`^Remove ${removed} \\(`) });
  await expect(confirm).toContainText(`${kept} (`);
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await snap(page, 'people-19-keep-confirm');
  await confirm.getByRole('button', { name: `Remove ${removed} from the pool` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'removed from the pool' })).toBeVisible();
  await expect(pairs).toHaveCount(0);
  await expect(page.getByText('Every pair has been checked.')).toBeVisible();
  await page.getByText('Already checked (2)').click();
  const closed = page.getByRole('table', { name: 'Pairs already checked' });
  await expect(closed).toContainText('not the same person');
  await expect(closed).toContainText('one record removed');
  await snap(page, 'people-20-duplicates-resolved');

  // Three people remain, without open duplicates.
  await page.getByRole('navigation', { name: 'Parts of recruitment' }).getByRole('link', { name: 'People' }).click();
  await expect(page.getByText(/^3 people/)).toBeVisible();
  await expect(resultsTable(page).getByText('possible duplicate')).toHaveCount(0);
  // The list shows "Last, First".
  const listed = (name: string) => name.split(' ').reverse().join(', ');
  await expect(resultsTable(page).getByRole('button', { name: listed(kept!), exact: true })).toBeVisible();
  await expect(resultsTable(page).getByRole('button', { name: listed(removed!), exact: true })).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('the parts read in French and Dutch', async ({ page, appUrl, consoleErrors }) => {
  const setLanguage = (language: 'fr' | 'nl' | 'en') =>
    page.evaluate(async (l) => (globalThis as unknown as PageGlobals).assembly.app.setLanguage({ language: l }), language);
  const goTo = (hash: string) => page.evaluate((h) => ((globalThis as unknown as PageGlobals).location.hash = h), hash);

  await page.goto(appUrl);
  await setLanguage('fr');
  await page.goto(appUrl);
  await goTo('#/recruitment');
  await expect(page.getByRole('heading', { level: 2, name: 'Personnes' })).toBeVisible();
  await expect(page.getByText(/^3 personnes/)).toBeVisible();
  await page.getByLabel('Seulement les doublons possibles').check();
  await expect(page.getByRole('status').filter({ hasText: 'correspond' })).toHaveText('0 personne correspond');
  await page.getByLabel('Seulement les doublons possibles').uncheck();
  await snap(page, 'people-21-fr-list');
  await page.getByRole('table', { name: 'Répondants, par ordre alphabétique du nom' }).getByRole('button').first().click();
  await expect(page.getByRole('heading', { name: 'Historique du statut' })).toBeVisible();
  await snap(page, 'people-22-fr-person');
  await page.keyboard.press('Escape');

  await setLanguage('nl');
  await page.goto(appUrl);
  await goTo('#/recruitment/duplicates');
  await expect(page.getByRole('heading', { level: 2, name: 'Mogelijke dubbels' })).toBeVisible();
  await page.getByText('Al gecontroleerd (2)').click();
  await expect(page.getByRole('table', { name: 'Paren die al gecontroleerd zijn' })).toContainText('niet dezelfde persoon');
  await snap(page, 'people-23-nl-duplicates');
  await goTo('#/recruitment');
  await page.getByRole('table', { name: 'Respondenten, alfabetisch op familienaam' }).getByRole('button').first().click();
  await expect(page.getByRole('heading', { name: 'Statusgeschiedenis' })).toBeVisible();
  await snap(page, 'people-24-nl-person');
  await setLanguage('en');
  expect(consoleErrors).toEqual([]);
});
