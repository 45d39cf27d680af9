/**
 * Agenda & Experts, as a new organiser uses it: an expert is added, two slots with that expert
 * clash, the warning names them and leads to the slot, a move fixes it, and the day programme
 * is exported as a PDF. Then a slot added with the keyboard only, the warnings in French,
 * perspectives and rooms, and the balance of speaking time. The tests share one server and run
 * in order.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Session } from '../../main/domain/sessions/types';
import { DEMO_ASSEMBLY_NAME } from '../../main/domain/demo/generate';
import { ARTIFACTS_DIR, expect, snap, test } from './fixtures';
import { api, goToHash } from './pageApi';

test.describe.configure({ mode: 'serial' });

const ASSEMBLY = 'Burgerraad Partijfinanciering';
const EXPERT = 'Prof. Ayşe Çelik';

/** A modal dialog sits over the viewport: a screenshot of the viewport shows it as a person sees it. */
async function snapDialog(page: Page, name: string) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`) });
}

/** Presses Tab until the control has the focus (a time field takes a Tab per part). */
async function tabTo(page: Page, target: Locator, most = 6) {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement)) return;
  }
  await expect(target).toBeFocused();
}

const areas = (page: Page) => page.getByRole('navigation', { name: 'Areas of the assembly' });
const parts = (page: Page) => page.getByRole('navigation', { name: 'Parts of the agenda' });
const warnings = (page: Page) => page.getByRole('region', { name: /^Warnings/ });
const slotItem = (page: Page, name: RegExp) => page.getByRole('listitem', { name });

let sessionId = '';

test('a new user adds an expert, schedules two slots that clash, sees the warning, fixes it, and exports the day programme', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await page.getByLabel('Your name (operator)').fill('Lotte Peeters');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Name of the assembly').fill(ASSEMBLY);
  await page.getByRole('button', { name: 'Create the assembly' }).click();
  await expect(page.getByRole('banner')).toContainText(ASSEMBLY);

  // No sessions yet: the page says where to add them.
  await areas(page).getByRole('link', { name: 'Agenda & Experts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Agenda & Experts' })).toBeVisible();
  await expect(page.getByText('The agenda is planned per session, and this assembly has no sessions yet.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Add the sessions under Sessions & Check-in' })).toHaveAttribute('href', '#/sessions');
  await snap(page, 'agenda-01-no-sessions');

  const session = await api<Session>(page, 'sessions.create', { name: 'Weekend 1 — Saturday', date: '2027-03-27', startTime: '09:30', endTime: '17:00', location: 'Vlaams Parlement', kind: 'plenary' });
  sessionId = session.id;
  await page.reload();

  // The expert, through the People part.
  await parts(page).getByRole('link', { name: 'Experts & guests' }).click();
  await expect(page.getByText('No experts or guests yet.')).toBeVisible();
  await snap(page, 'agenda-02-people-empty');
  await page.getByRole('button', { name: 'Add an expert or guest' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an expert or guest' });
  await expect(dialog.getByRole('textbox', { name: 'Name', exact: true })).toBeFocused();
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(EXPERT);
  await dialog.getByLabel('Status').selectOption({ label: 'Confirmed' });
  await dialog.getByLabel('Organisation or party').fill('KU Leuven');
  await dialog.getByLabel('Topics').fill('Party funding, transparency');
  await dialog.getByRole('group', { name: 'Languages spoken' }).getByLabel('Dutch').check();
  await dialog.getByRole('group', { name: 'Languages spoken' }).getByLabel('English').check();
  await dialog.getByLabel('E-mail').fill('ayse.celik@kuleuven.example');
  await dialog.getByRole('button', { name: 'Add a time they can come' }).click();
  await expect(dialog.getByLabel('Date 1')).toBeFocused();
  await dialog.getByLabel('Fee (€)').fill('150,50');
  await dialog.getByLabel('Their name may be published (programme, report)').check();
  await snapDialog(page, 'agenda-03-expert-form');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText(`${EXPERT} added.`);
  const people = page.getByRole('table', { name: 'Experts and guests, by name' });
  const expertRow = people.getByRole('row', { name: new RegExp(EXPERT) });
  await expect(expertRow).toContainText('Confirmed');
  await expect(expertRow).toContainText('KU Leuven');
  await expect(expertRow).toBeFocused();
  // Confirmed and without a slot: already a warning, counted in the sub-navigation.
  await expect(parts(page).getByRole('link', { name: 'Agenda (1 warning)' })).toBeVisible();
  // The fee came back as cents and shows as euros again.
  await page.getByRole('button', { name: `Edit ${EXPERT}` }).click();
  await expect(page.getByRole('dialog').getByLabel('Fee (€)')).toHaveValue('150.50');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await snap(page, 'agenda-04-people');

  // Two slots with the expert, overlapping.
  await parts(page).getByRole('link', { name: /^Agenda/ }).click();
  await expect(warnings(page)).toContainText(`${EXPERT} has confirmed but has no slot in the agenda yet.`);
  // Its link leads to the person.
  await warnings(page).getByRole('link', { name: `Open ${EXPERT} in Experts & guests` }).click();
  await expect(page.getByRole('table', { name: 'Experts and guests, by name' }).getByRole('row', { name: new RegExp(EXPERT) })).toBeFocused();
  await parts(page).getByRole('link', { name: /^Agenda/ }).click();
  await page.getByRole('button', { name: 'Add a slot' }).click();
  let slotDialog = page.getByRole('dialog', { name: 'Add a slot to Weekend 1 — Saturday' });
  await expect(slotDialog.getByLabel('Start')).toHaveValue('09:30');
  await expect(slotDialog.getByLabel('End')).toHaveValue('10:30');
  await slotDialog.getByLabel('Title').fill('How parties are funded');
  await slotDialog.getByLabel('Topic').fill('Party funding');
  await slotDialog.getByRole('group', { name: 'Speakers' }).getByRole('checkbox', { name: new RegExp(EXPERT) }).check();
  await slotDialog.getByRole('group', { name: 'Held in' }).getByLabel('Dutch').check();
  await slotDialog.getByRole('group', { name: 'Interpretation into' }).getByLabel('French').check();
  await snapDialog(page, 'agenda-05-slot-form');
  await slotDialog.getByRole('button', { name: 'Add the slot' }).click();
  await expect(slotDialog).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText('Slot added: “How parties are funded” (09:30), 09:30–10:30.');

  await page.getByRole('button', { name: 'Add a slot' }).click();
  slotDialog = page.getByRole('dialog', { name: 'Add a slot to Weekend 1 — Saturday' });
  await expect(slotDialog.getByLabel('Start')).toHaveValue('10:30');
  // An end before the start is refused by the server, beside the field.
  await slotDialog.getByLabel('Start').fill('10:00');
  await slotDialog.getByLabel('End').fill('09:45');
  await slotDialog.getByLabel('Kind of slot').selectOption({ label: 'Questions & answers' });
  await slotDialog.getByLabel('Title').fill('Questions');
  await slotDialog.getByLabel('Topic').fill('Party funding');
  await slotDialog.getByRole('group', { name: 'Speakers' }).getByRole('checkbox', { name: new RegExp(EXPERT) }).check();
  await slotDialog.getByRole('button', { name: 'Add the slot' }).click();
  await expect(slotDialog.getByLabel('End')).toHaveAccessibleDescription('The end time must be after the start time.');
  await expect(slotDialog.getByLabel('End')).toBeFocused();
  await snapDialog(page, 'agenda-06-slot-refused');
  await slotDialog.getByLabel('End').fill('10:45');
  await slotDialog.getByRole('button', { name: 'Add the slot' }).click();
  await expect(slotDialog).toHaveCount(0);

  // The clash, in a sentence that names the expert and both slots.
  const clash = `${EXPERT} is in two places at once on Sat, 27 March 2027: “How parties are funded” (09:30) and “Questions” (10:00) overlap.`;
  await expect(warnings(page)).toContainText(clash);
  await expect(parts(page).getByRole('link', { name: 'Agenda (1 warning)' })).toBeVisible();
  const questions = slotItem(page, /Questions$/);
  await expect(questions).toContainText('1 warning');
  await expect(slotItem(page, /How parties are funded$/)).toContainText('1 warning');
  await snap(page, 'agenda-07-clash');

  await warnings(page).getByRole('link', { name: 'Go to “Questions” (10:00)' }).click();
  await expect(questions).toBeFocused();

  // Moved later by two quarters of an hour: no more overlap.
  await page.getByRole('button', { name: 'Move “Questions” (10:00) 15 minutes later' }).click();
  await expect(page.getByRole('status')).toContainText('Moved: “Questions” (10:15) is now 10:15–11:00.');
  await expect(page.getByRole('button', { name: 'Move “Questions” (10:15) 15 minutes later' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('is now 10:30–11:15.');
  await expect(warnings(page)).toContainText('No clashes or gaps: the agenda has no warnings.');
  await expect(warnings(page)).not.toContainText('two places at once');
  await expect(parts(page).getByRole('link', { name: 'Agenda', exact: true })).toBeVisible();
  await expect(questions).not.toContainText('warning');
  await snap(page, 'agenda-08-fixed');

  // The day programme, as a PDF.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Day programme (PDF): Weekend 1 — Saturday' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.pdf$/);
  const bytes = readFileSync((await file.path())!);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(page.getByRole('region', { name: 'Documents' }).getByRole('status')).toContainText(`Saved: ${file.suggestedFilename()}.`);

  // The expert's calendar.
  await parts(page).getByRole('link', { name: 'Experts & guests' }).click();
  const ics = page.waitForEvent('download');
  await page.getByRole('button', { name: `Calendar of ${EXPERT} (.ics)` }).click();
  const icsFile = await ics;
  expect(icsFile.suggestedFilename()).toMatch(/\.ics$/);
  const text = readFileSync((await icsFile.path())!, 'utf8');
  expect(text).toContain('BEGIN:VCALENDAR');
  expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  expect(consoleErrors).toEqual([]);
});

test('a slot is added with the keyboard only', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await goToHash(page, '#/agenda');
  const add = page.getByRole('button', { name: 'Add a slot' });
  await add.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add a slot to Weekend 1 — Saturday' });
  await expect(dialog.getByLabel('Start')).toBeFocused();
  // Hours and minutes, then P for a 12-hour field (ignored by a 24-hour one).
  await page.keyboard.type('1230P');
  await tabTo(page, dialog.getByLabel('End'));
  await page.keyboard.type('1330P');
  await tabTo(page, dialog.getByLabel('Kind of slot'));
  await page.keyboard.type('Break');
  await expect(dialog.getByLabel('Kind of slot')).toHaveValue('break');
  await tabTo(page, dialog.getByLabel('Title'));
  await page.keyboard.type('Lunch');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText('Slot added: “Lunch” (12:30), 12:30–13:30.');
  const lunch = slotItem(page, /12:30–13:30 Lunch$/);
  await expect(lunch).toBeFocused();
  await expect(lunch).toContainText('Break');

  // Duplicate lands right after; Delete asks first, with Cancel as the safe default.
  await page.getByRole('button', { name: 'Duplicate “Lunch” (12:30)' }).click();
  await expect(page.getByRole('status')).toContainText('Copy added right after it: “Lunch” (13:30), 13:30–14:30.');
  await expect(slotItem(page, /13:30–14:30 Lunch$/)).toBeFocused();
  await page.getByRole('button', { name: 'Delete “Lunch” (13:30)' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete this slot?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Delete the slot' }).click();
  await expect(page.getByRole('status')).toContainText('Slot deleted: “Lunch” (13:30).');
  await expect(page.getByRole('listitem', { name: /Lunch$/ })).toHaveCount(1);
  await snap(page, 'agenda-09-keyboard');
  expect(consoleErrors).toEqual([]);
});

test('the warnings speak French after switching the language', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  // Another clash, set up through the API: a panel at 10:00 with the same expert.
  const overview = await api<{ contributors: { id: string; name: string }[] }>(page, 'agenda.overview', {});
  const expert = overview.contributors.find((c) => c.name === EXPERT)!;
  await api(page, 'agenda.createSlot', {
    sessionId,
    startTime: '10:00',
    endTime: '10:45',
    kind: 'panel',
    title: 'Débat',
    topic: 'Party funding',
    roomId: null,
    speakerIds: [expert.id],
    facilitatorIds: [],
    languages: ['fr'],
    interpretation: [],
    notes: '',
  });
  await areas(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'Français' }).check();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Settings');
  await goToHash(page, '#/agenda');
  await expect(page.getByRole('heading', { level: 1, name: 'Programme & experts' })).toBeVisible();
  const avertissements = page.getByRole('region', { name: /^Avertissements/ });
  await expect(avertissements).toContainText(
    `${EXPERT} doit être à deux endroits à la fois le sam. 27 mars 2027 : « How parties are funded » (09:30) et « Débat » (10:00) se chevauchent.`,
  );
  await expect(avertissements).toContainText(`${EXPERT} parle néerlandais/anglais, mais « Débat » (10:00) se tient en français`);
  await expect(page.getByRole('navigation', { name: 'Parties du programme' }).getByRole('link', { name: 'Programme (3 avertissements)' })).toBeVisible();
  await avertissements.getByRole('link', { name: 'Aller à « Débat » (10:00)' }).first().click();
  await expect(slotItem(page, /Débat$/)).toBeFocused();
  await expect(slotItem(page, /Débat$/)).toContainText('Débat en panel');
  await snap(page, 'agenda-10-french');

  // Back to English for the next test.
  await goToHash(page, '#/settings');
  await page.getByRole('radio', { name: 'English' }).check();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('perspectives and rooms are set, and the balance shows a topic heard from one side', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await goToHash(page, '#/agenda/settings');
  await expect(page.getByText('No perspectives yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Add a perspective' }).click();
  await expect(page.getByLabel('Perspective 1')).toBeFocused();
  await page.keyboard.type('Critical of public funding');
  await page.getByRole('button', { name: 'Add a perspective' }).click();
  await page.keyboard.type('In favour of public funding');
  await page.getByRole('button', { name: 'Move In favour of public funding up' }).click();
  await expect(page.getByLabel('Perspective 1')).toHaveValue('In favour of public funding');
  await page.getByRole('button', { name: 'Save the perspectives' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 perspectives saved.' })).toBeVisible();

  await page.getByRole('button', { name: 'Add a room' }).click();
  await page.keyboard.type('Great hall');
  await page.getByLabel('Places in room 1').fill('12.5');
  await page.getByRole('button', { name: 'Save the rooms' }).click();
  await expect(page.getByLabel('Places in room 1')).toHaveAccessibleDescription('Enter a whole number.');
  await page.getByLabel('Places in room 1').fill('80');
  await page.getByRole('button', { name: 'Save the rooms' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 room saved.' })).toBeVisible();
  await snap(page, 'agenda-11-settings');

  // The expert takes the first perspective; a party leader is added.
  await parts(page).getByRole('link', { name: 'Experts & guests' }).click();
  await page.getByRole('button', { name: `Edit ${EXPERT}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Perspective').selectOption({ label: 'In favour of public funding' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText(`${EXPERT} saved.`);
  await page.getByRole('button', { name: 'Add an expert or guest' }).click();
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Conner Rousseau');
  await dialog.getByLabel('Role').selectOption({ label: 'Party leader' });
  await dialog.getByLabel('Organisation or party').fill('Vooruit');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Conner Rousseau added.');

  await parts(page).getByRole('link', { name: 'Balance' }).click();
  await expect(page.getByRole('img', { name: /^Party funding: In favour of public funding 150 min/ })).toBeVisible();
  const table = page.getByRole('table', { name: 'Minutes of speaking time per topic and perspective' });
  await expect(table.getByRole('row', { name: /Party funding/ })).toContainText('One perspective only');
  await expect(page.getByRole('table', { name: 'Party leaders and their slots per session' })).toContainText('Conner Rousseau');
  await snap(page, 'agenda-12-balance');

  // The full schedule in Dutch, and the workbook.
  await parts(page).getByRole('link', { name: /^Agenda/ }).click();
  await page.getByLabel('Language of the documents').selectOption('nl');
  const schedule = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Full schedule (PDF)' }).click();
  const pdf = readFileSync((await (await schedule).path())!);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const workbook = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Agenda (Excel)' }).click();
  const xlsx = await workbook;
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(readFileSync((await xlsx.path())!).subarray(0, 2).toString('latin1')).toBe('PK');
  expect(consoleErrors).toEqual([]);
});

test('the demo assembly: its sessions are there to plan, and no experts yet', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await page.getByRole('button', { name: 'Close assembly' }).click();
  await page.getByRole('button', { name: 'Open the demo assembly' }).click();
  await expect(page.getByRole('banner')).toContainText(DEMO_ASSEMBLY_NAME, { timeout: 30_000 });
  await goToHash(page, '#/agenda');
  const session = page.getByLabel('Session');
  await expect(session.locator('option')).toHaveCount(6);
  await snap(page, 'agenda-13-demo');
  await parts(page).getByRole('link', { name: 'Experts & guests' }).click();
  await expect(page.getByText('No experts or guests yet.')).toBeVisible();
  await parts(page).getByRole('link', { name: 'Balance' }).click();
  await expect(page.getByText('No speaking time yet')).toBeVisible();
  await snap(page, 'agenda-14-demo-balance');
  expect(consoleErrors).toEqual([]);
});
