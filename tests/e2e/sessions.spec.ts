/**
 * A new operator's first steps: name, a new assembly, sessions added, edited and deleted,
 * a refused session, and the language switched to French, all surviving reloads.
 * The tests of this file share one server and data folder and run in order.
 */
import { expect, snap, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

const OPERATOR = 'Anna Peeters';
const ASSEMBLY = 'Burgerpanel Mobiliteit 2026';

test('a new operator gives their name and creates an assembly', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);

  // The token has left the address bar.
  await expect(page).not.toHaveURL(/token=/);

  await expect(page.getByRole('heading', { level: 1, name: 'Who is at the desk?' })).toBeVisible();
  const operator = page.getByLabel('Your name (operator)');
  await expect(operator).toHaveValue('');
  await expect(operator).toBeFocused();
  await snap(page, 'sessions-01-operator');
  await operator.fill(OPERATOR);
  await operator.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Start' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Create an assembly' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Open an assembly file' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Open the demo assembly' })).toBeVisible();
  await expect(page.getByLabel('Panel size (number of citizens)')).toHaveValue('60');
  await snap(page, 'sessions-02-start');

  await page.getByLabel('Name of the assembly').fill(ASSEMBLY);
  await page.getByRole('button', { name: 'Create the assembly' }).click();

  const header = page.getByRole('banner');
  await expect(header).toContainText(ASSEMBLY);
  await expect(header).toContainText(OPERATOR);
  await expect(page.getByRole('navigation', { name: 'Areas of the assembly' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('sessions are added, edited and deleted, and the list survives a reload', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await page.getByRole('navigation').getByRole('link', { name: 'Sessions & Check-in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sessions & Check-in' })).toBeVisible();
  await expect(page.getByText('No sessions yet. Add the first one')).toBeVisible();
  await snap(page, 'sessions-03-empty');

  const form = page.getByRole('form', { name: 'Add a session' });
  const status = page.getByRole('status').filter({ hasText: /Session/ });

  // The first session, submitted with the button.
  await form.getByLabel('Name', { exact: true }).fill('Weekend 1');
  await form.getByLabel('Date').fill('2026-03-14');
  await form.getByLabel('Start time').fill('09:30');
  await form.getByLabel('End time').fill('17:00');
  await form.getByLabel('Location').fill('Brussels, Egmont Palace');
  await form.getByLabel('Kind').selectOption({ label: 'Plenary weekend day' });
  await form.getByRole('button', { name: 'Add session' }).click();
  await expect(status).toContainText('Session “Weekend 1” added.');
  // The form is cleared and ready for the next one.
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue('');
  await expect(form.getByLabel('Name', { exact: true })).toBeFocused();

  // The second one, from the keyboard only: Enter submits.
  await page.keyboard.type('Online evening');
  await form.getByLabel('Date').fill('2026-03-19');
  await form.getByLabel('Start time').fill('19:00');
  await form.getByLabel('End time').fill('21:00');
  await form.getByLabel('Kind').selectOption('online');
  await form.getByLabel('Location').fill('Zoom');
  await form.getByLabel('Location').press('Enter');
  await expect(status).toContainText('Session “Online evening” added.');

  const table = page.getByRole('table', { name: 'Sessions of the assembly, in date order' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Weekend 1');
  await expect(rows.nth(0)).toContainText(/Sat,? 14 March 2026/);
  await expect(rows.nth(0)).toContainText('09:30–17:00');
  await expect(rows.nth(0)).toContainText('Plenary weekend day');
  await expect(rows.nth(1)).toContainText('Online evening');
  await expect(rows.nth(1)).toContainText(/Thu,? 19 March 2026/);
  await expect(rows.nth(1)).toContainText('Online');
  await snap(page, 'sessions-04-two-sessions');

  // Escape closes the edit dialog without saving, and focus returns to its button.
  const editFirst = page.getByRole('button', { name: 'Edit Weekend 1' });
  await editFirst.click();
  await page.getByRole('dialog').getByLabel('Name', { exact: true }).fill('Not saved');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(editFirst).toBeFocused();
  await expect(rows.nth(0)).toContainText('Weekend 1');

  // Edit the first: new name and end time, in a dialog.
  await editFirst.click();
  const dialog = page.getByRole('dialog', { name: 'Edit session “Weekend 1”' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Name', { exact: true })).toBeFocused();
  await expect(dialog.getByLabel('End time')).toHaveValue('17:00');
  await dialog.getByLabel('Name', { exact: true }).fill('Weekend 1: kick-off');
  await dialog.getByLabel('End time').fill('16:30');
  await snap(page, 'sessions-05-edit-dialog');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(status).toContainText('Session “Weekend 1: kick-off” saved.');
  await expect(rows.nth(0)).toContainText('Weekend 1: kick-off');
  await expect(rows.nth(0)).toContainText('09:30–16:30');
  // Focus went back to the button that opened the dialog.
  await expect(page.getByRole('button', { name: 'Edit Weekend 1: kick-off' })).toBeFocused();

  // Delete the second, confirming.
  await page.getByRole('button', { name: 'Delete Online evening' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete this session?' });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText(/“Online evening” on Thu,? 19 March 2026/);
  // The safe choice has the focus.
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await snap(page, 'sessions-06-confirm-delete');
  await confirm.getByRole('button', { name: 'Delete session' }).click();
  await expect(confirm).toBeHidden();
  await expect(status).toContainText('Session “Online evening” deleted.');
  await expect(rows).toHaveCount(1);

  // After a reload (the token now comes from this tab's storage), the same list.
  await page.reload();
  await expect(page).not.toHaveURL(/token=/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sessions & Check-in' })).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0)).toContainText('Weekend 1: kick-off');
  await expect(rows.nth(0)).toContainText(/Sat,? 14 March 2026/);
  await expect(rows.nth(0)).toContainText('09:30–16:30');
  await expect(rows.nth(0)).toContainText('Brussels, Egmont Palace');
  await expect(table).not.toContainText('Online evening');
  await snap(page, 'sessions-07-after-reload');
  expect(consoleErrors).toEqual([]);
});

test('a session ending before it starts is refused beside the end time, and nothing is added', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(`${appUrl}#/sessions`);
  const form = page.getByRole('form', { name: 'Add a session' });
  const rows = page.getByRole('table').locator('tbody tr');
  await expect(rows).toHaveCount(1);

  await form.getByLabel('Name', { exact: true }).fill('Weekend 2');
  await form.getByLabel('Date').fill('2026-04-18');
  await form.getByLabel('Start time').fill('14:00');
  await form.getByLabel('End time').fill('13:00');
  await form.getByRole('button', { name: 'Add session' }).click();

  const end = form.getByLabel('End time');
  await expect(end).toHaveAttribute('aria-invalid', 'true');
  await expect(end).toHaveAccessibleDescription('The end time must be after the start time.');
  await expect(end).toBeFocused();
  // Beside the field: right under the end time input, not somewhere else on the page.
  const message = form.getByText('The end time must be after the start time.');
  const [inputBox, messageBox] = [await end.boundingBox(), await message.boundingBox()];
  expect(inputBox && messageBox).toBeTruthy();
  expect(Math.abs(messageBox!.x - inputBox!.x)).toBeLessThan(40);
  expect(messageBox!.y - (inputBox!.y + inputBox!.height)).toBeGreaterThanOrEqual(0);
  expect(messageBox!.y - (inputBox!.y + inputBox!.height)).toBeLessThan(30);
  // The other fields are not marked.
  await expect(form.getByLabel('Start time')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('alert')).toContainText('The session was not saved.');
  // What was typed is still there.
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue('Weekend 2');
  await expect(form.getByLabel('Date')).toHaveValue('2026-04-18');
  await expect(form.getByLabel('Start time')).toHaveValue('14:00');
  await expect(end).toHaveValue('13:00');
  await expect(rows).toHaveCount(1);
  await snap(page, 'sessions-08-end-before-start');

  // Corrected, it goes through.
  await end.fill('17:00');
  await end.press('Enter');
  await expect(rows).toHaveCount(2);
  await expect(end).not.toHaveAttribute('aria-invalid', 'true');
  expect(consoleErrors).toEqual([]);
});

test('the assembly’s time zone is set in Settings: a wrong name is refused, the audit list follows the zone', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  const zone = page.getByLabel('Time zone of the assembly');
  await expect(zone).toHaveValue('Europe/Brussels');

  await zone.fill('Europe/Brusels');
  await page.getByRole('button', { name: 'Change time zone' }).click();
  await expect(zone).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Enter a time zone by its name, for example Europe/Brussels.')).toBeVisible();

  await zone.fill('Asia/Tokyo');
  await page.getByRole('button', { name: 'Change time zone' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Time zone set to Asia/Tokyo.' })).toBeVisible();
  // The audit list shows its times in the assembly's zone (the browser is in Brussels).
  const audit = page.getByRole('table', { name: 'Latest changes, newest first' });
  await page.reload();
  const first = audit.locator('tbody tr').first().locator('time');
  const iso = (await first.getAttribute('datetime'))!;
  const tokyo = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Tokyo' }).format(new Date(iso));
  await expect(first).toHaveText(tokyo);
  await expect(audit.locator('tbody tr').first()).toContainText('changed');
  await snap(page, 'sessions-09b-settings-time-zone');

  // Back to Brussels for the tests that follow.
  await zone.fill('Europe/Brussels');
  await page.getByRole('button', { name: 'Change time zone' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Time zone set to Europe/Brussels.' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('the language switches to French in Settings and stays French after a reload', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  // The assembly file and the audit log are there.
  await expect(page.getByText('.assembly', { exact: false }).first()).toBeVisible();
  const audit = page.getByRole('table', { name: 'Latest changes, newest first' });
  await expect(audit.locator('tbody tr').first()).toContainText(OPERATOR);
  await expect(audit).toContainText('Session “Online evening”');
  await expect(audit).toContainText('deleted');
  await snap(page, 'sessions-09-settings-en');

  await page.getByRole('radio', { name: 'Français' }).check();
  const nav = page.getByRole('navigation', { name: 'Rubriques du panel' });
  await expect(nav.getByRole('link', { name: 'Séances & accueil' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Paramètres' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Paramètres' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr-BE');
  await snap(page, 'sessions-10-settings-fr');

  await page.reload();
  await expect(nav.getByRole('link', { name: 'Séances & accueil' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Français' })).toBeChecked();
  await nav.getByRole('link', { name: 'Séances & accueil' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Séances & accueil' })).toBeVisible();
  const rows = page.getByRole('table').locator('tbody tr');
  await expect(rows.nth(0)).toContainText(/sam\.? 14 mars 2026/);
  await expect(rows.nth(0)).toContainText('Journée plénière (week\u2011end)');
  await snap(page, 'sessions-11-sessions-fr');
  expect(consoleErrors).toEqual([]);
});
