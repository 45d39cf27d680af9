/**
 * Attendance at the venue, on the demo "at the venue" (60 confirmed participants, six sessions,
 * the first weekend already checked in): ten people checked in with a simulated badge scanner,
 * keyboard only, with the refusals and an undo, and the dashboard following; a paper sign-in
 * sheet entered (whole or not at all) and printed as PDF; per-diem rules typed in euros and the
 * payments they give, exported as CSV; and the empty states of a new assembly.
 * The tests share one server and run in order.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { RosterEntry, SessionRoster } from '../../main/domain/attendance/types';
import type { Session } from '../../main/domain/sessions/types';
import { ARTIFACTS_DIR, expect, snap, test } from './fixtures';
import { api, goToHash, sessionNamed } from './pageApi';

test.describe.configure({ mode: 'serial' });

/** A modal dialog or a sticky panel: the viewport as a person sees it. */
async function snapViewport(page: Page, name: string) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`) });
}

const fullName = (r: RosterEntry) => `${r.firstName} ${r.lastName}`;

/** A date in Brussels (the browser's zone in these tests), `days` from today: YYYY-MM-DD. */
const brusselsDate = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date(Date.now() + days * 86_400_000));
/** "Sat 16 January 2027", as the desk writes a date in English (formatCalendarDate, long). */
const longDate = (date: string) => new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

test('ten people are checked in with a scanner, keyboard only, and the dashboard follows', async ({ page, appUrl, consoleErrors }) => {
  test.setTimeout(120_000);
  await page.goto(appUrl);
  await page.getByLabel('Your name (operator)').fill('Lotte Vermeulen');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start' })).toBeVisible();
  // The venue stage of the demo is opened through the API (the start page opens the recruitment stage).
  await api(page, 'app.openDemo', { stage: 'venue' });
  await goToHash(page, '#/sessions/checkin');
  await page.reload();

  await expect(page.getByRole('heading', { level: 1, name: 'Sessions & Check-in' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 2, name: 'Check-in desk' })).toBeVisible();
  const search = page.getByLabel('Name or badge code');
  await expect(search).toBeFocused();
  const counter = page.locator('.att-counter-figure');
  await expect(counter).toHaveText(/^\d+ \/ \d+$/);
  await snap(page, 'attendance-01-desk-arrival');

  // The session, chosen with the keyboard: weekend 2, Saturday (the sessions are in date order).
  const sessionSelect = page.getByLabel('Session', { exact: true });
  await sessionSelect.focus();
  const weekend2 = await sessionNamed(page, 'Weekend 2 — Saturday');
  for (let i = 0; i < 6 && (await sessionSelect.inputValue()) !== weekend2.id; i++) await page.keyboard.press('ArrowDown');
  await expect(sessionSelect).toHaveValue(weekend2.id);
  await expect(counter).toHaveText('0 / 60');
  // Not today's session: a banner says so, and stays.
  const notToday = page.locator('#desk-session-not-today');
  await expect(notToday).toContainText(`This session is on ${longDate(weekend2.date)}, not today.`);
  await page.keyboard.press('Tab');
  await expect(search).toBeFocused();

  const roster = await api<SessionRoster>(page, 'attendance.roster', { sessionId: weekend2.id });
  expect(roster.expected).toBe(60);
  const ten = roster.rows.slice(0, 10);
  const status = page.getByRole('status').filter({ hasText: 'Checked in:' });

  // The scanner types the code and Enter; nobody touches the mouse.
  for (const [i, person] of ten.entries()) {
    await page.keyboard.type(person.code);
    await page.keyboard.press('Enter');
    await expect(status.locator('.att-confirm-name')).toHaveText(fullName(person));
    await expect(status).toContainText(person.code);
    await expect(counter).toHaveText(`${i + 1} / 60`);
    await expect(search).toBeFocused();
    await expect(search).toHaveValue('');
  }
  await expect(counter).toHaveText('10 / 60');
  await expect(status).toContainText('no table yet');
  await snap(page, 'attendance-02-ten-checked-in');
  // Down the list, the counter and the search box stay in sight.
  await page.getByRole('row').nth(30).scrollIntoViewIfNeeded();
  await expect(page.getByRole('row').nth(30)).toBeInViewport();
  expect(await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY)).toBeGreaterThan(800);
  await expect(counter).toBeInViewport();
  await expect(search).toBeInViewport();
  await snapViewport(page, 'attendance-02b-desk-scrolled');
  await expect(search).toBeFocused();

  // A badge of another assembly: unknown, in its own words.
  await page.keyboard.type('QQQQ77');
  await page.keyboard.press('Enter');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Unknown code');
  await expect(alert).toContainText('QQQQ77');
  await expect(page.getByRole('status').filter({ hasText: 'Checked in:' })).toHaveCount(0);
  await expect(counter).toHaveText('10 / 60');
  await snap(page, 'attendance-03-unknown-code');

  // Someone of the pool who was never confirmed: refused, with their status.
  const outsider = (await api<{ rows: { code: string; firstName: string; lastName: string }[] }>(page, 'people.list', { status: 'pool', limit: 1 })).rows[0]!;
  await page.keyboard.type(outsider.code);
  await page.keyboard.press('Enter');
  await expect(alert).toContainText('Not a confirmed participant');
  await expect(alert).toContainText(`${outsider.firstName} ${outsider.lastName} (${outsider.code}) is not a confirmed participant: their status is “in the pool”.`);
  await expect(counter).toHaveText('10 / 60');

  // The same badge twice: "already checked in (since HH:MM)", never a silent success.
  const last = ten[9]!;
  await page.keyboard.type(last.code.toLowerCase());
  await page.keyboard.press('Enter');
  await expect(alert).toContainText('Already checked in');
  await expect(alert).toContainText(new RegExp(`${fullName(last)} \\(${last.code}\\) is already checked in, since \\d\\d:\\d\\d`));
  await expect(counter).toHaveText('10 / 60');
  await snap(page, 'attendance-04-already-checked-in');

  // An eleventh by name: typing filters, Enter checks in the highlighted person; then Undo from the keyboard.
  const eleventh = roster.rows[10]!;
  await page.keyboard.type(`${eleventh.lastName} ${eleventh.firstName.slice(0, 3)}`);
  await expect(page.getByText(`Enter checks in ${fullName(eleventh)} (${eleventh.code}).`)).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(status.locator('.att-confirm-name')).toHaveText(fullName(eleventh));
  await expect(counter).toHaveText('11 / 60');
  await expect(page.getByRole('button', { name: 'Undo this check-in' })).toBeEnabled();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Undo this check-in' })).toBeFocused();
  await page.keyboard.press('Enter');
  // Undo asks first.
  const confirmUndo = page.getByRole('alertdialog', { name: 'Undo this?' });
  await expect(confirmUndo).toContainText(new RegExp(`Undo the check-in of ${fullName(eleventh)} at \\d\\d:\\d\\d\\?`));
  await expect(counter).toHaveText('11 / 60');
  await confirmUndo.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(confirmUndo).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'is undone' })).toContainText(`The check-in of ${fullName(eleventh)} is undone`);
  await expect(counter).toHaveText('10 / 60');
  await expect(search).toBeFocused();
  await expect(notToday).toBeVisible();

  // In the list: the state of a person, and a check-out with a time from a dialog.
  await page.keyboard.type(ten[0]!.code);
  const row = page.getByRole('row', { name: new RegExp(fullName(ten[0]!)) });
  await expect(row).toContainText(/present since \d\d:\d\d/);
  await snap(page, 'attendance-05-list-state');

  // Check-out from the list (now), then its undo from the same row.
  await page.getByRole('button', { name: `Check out ${fullName(ten[0]!)}` }).click();
  const checkOut = page.getByRole('dialog', { name: `Check out ${fullName(ten[0]!)}` });
  await expect(checkOut.getByLabel(/Departure time/)).toBeFocused();
  await checkOut.getByRole('button', { name: 'Check out' }).click();
  await expect(checkOut).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'checked out at' })).toContainText(`${fullName(ten[0]!)} checked out at`);
  await expect(row).toContainText(/left \d\d:\d\d/);
  await expect(counter).toHaveText('9 / 60');
  await expect(search).toBeFocused();
  await page.getByRole('button', { name: new RegExp(`^Undo the check-out of ${fullName(ten[0]!)}`) }).click();
  await page.getByRole('alertdialog', { name: 'Undo this?' }).getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is undone' })).toContainText('present again');
  await expect(counter).toHaveText('10 / 60');

  // An excused absence needs its reason.
  const excused = roster.rows[30]!;
  await search.fill(excused.code);
  await page.getByRole('button', { name: `Excuse the absence of ${fullName(excused)}` }).click();
  const excuse = page.getByRole('dialog', { name: `Excuse the absence of ${fullName(excused)}` });
  await excuse.getByRole('button', { name: 'Excuse the absence' }).click();
  await expect(excuse.getByLabel('Reason')).toHaveAccessibleDescription(/Give the reason for the excused absence./);
  await expect(excuse.getByLabel('Reason')).toBeFocused();
  await snapViewport(page, 'attendance-05b-excuse-dialog');
  await excuse.getByLabel('Reason').fill('ill');
  await excuse.getByRole('button', { name: 'Excuse the absence' }).click();
  await expect(excuse).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'is excused' })).toContainText(`The absence of ${fullName(excused)} is excused.`);
  await expect(page.getByRole('row', { name: new RegExp(fullName(excused)) })).toContainText('excused: ill');
  await expect(counter).toHaveText('10 / 59');
  expect(consoleErrors).toEqual([]);

  // The dashboard of the same session.
  await page.getByRole('navigation', { name: 'Parts of sessions and check-in' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByLabel('Session', { exact: true })).toHaveValue(weekend2.id);
  const figures = page.getByRole('definition').first();
  await expect(figures).toHaveText('10 / 59');
  await expect(page.getByRole('img', { name: /Arrivals: 10 people of 59 expected/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Arrivals so far, per 5 minutes' })).toBeAttached();
  const composition = page.getByRole('table', { name: 'Composition of the attendance against the quotas' });
  await expect(composition).toBeVisible();
  await expect(composition.locator('tbody tr').first()).toBeVisible();
  const noShows = page.getByRole('table', { name: /who have not arrived/ });
  await expect(noShows.locator('tbody tr')).toHaveCount(49);
  await expect(noShows.locator('a[href^="tel:"]').first()).toBeVisible();
  await snap(page, 'attendance-06-dashboard');

  // Another laptop checks someone in: the dashboard shows it within a few seconds.
  await api(page, 'attendance.checkIn', { sessionId: weekend2.id, code: roster.rows[20]!.code });
  await expect(figures).toHaveText('11 / 59', { timeout: 8_000 });
  await expect(noShows.locator('tbody tr')).toHaveCount(48);

  // The first weekend, over: its arrival curve and the composition checked against the minimums.
  const weekend1 = await sessionNamed(page, 'Weekend 1 — Saturday');
  await page.getByLabel('Session', { exact: true }).selectOption(weekend1.id);
  await expect(page.getByRole('img', { name: /Arrivals: \d+ people of \d+ expected, between 09:00 and/ })).toBeVisible();
  await snap(page, 'attendance-06b-dashboard-weekend1');
  expect(consoleErrors).toEqual([]);
});

test('a paper sign-in sheet goes in whole or not at all, and the printable sheet is a PDF', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(`${appUrl}#/sessions/paper`);
  await expect(page.getByRole('heading', { level: 2, name: 'Sign-in sheets' })).toBeVisible({ timeout: 30_000 });
  // A sheet is entered after its session: times of a session still to come are refused (in the future).
  // The demo's sessions are all to come on the real clock, so the sheet is of a session held yesterday.
  const sunday = await api<Session>(page, 'sessions.create', { name: 'Held yesterday', date: brusselsDate(-1), startTime: '09:30', endTime: '17:00', kind: 'plenary' });
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Sign-in sheets' })).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Session', { exact: true }).selectOption(sunday.id);
  const roster = await api<SessionRoster>(page, 'attendance.roster', { sessionId: sunday.id });
  const [a, b] = roster.rows as [RosterEntry, RosterEntry];

  // The printable sheet.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the sign-in sheet (PDF)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^sign-in-\d{4}-\d{2}-\d{2}-\d{4}\.pdf$/);
  expect(readFileSync((await download.path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // Two people ticked; the second "left" before arriving: refused, with the row named, and nothing entered.
  await page.getByRole('checkbox', { name: `${fullName(a)} was present` }).check();
  await page.getByLabel(`Arrival of ${fullName(a)}`).fill('09:50');
  await page.getByRole('checkbox', { name: `${fullName(b)} was present` }).check();
  await expect(page.getByLabel(`Arrival of ${fullName(b)}`)).toHaveValue(sunday.startTime);
  await page.getByLabel(`Departure of ${fullName(b)}`).fill('08:00');
  await page.getByRole('button', { name: 'Enter the sheet (2 people)' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The sheet was not entered: nothing was recorded.');
  await expect(alert).toContainText(`Row 2 of the ticked people: ${fullName(b)}`);
  await expect(alert).toContainText('The departure (08:00) is before the arrival (09:30).');
  expect((await api<SessionRoster>(page, 'attendance.roster', { sessionId: sunday.id })).present).toBe(0);
  await snap(page, 'attendance-07-paper-refused');

  // Corrected, it goes in.
  await page.getByLabel(`Departure of ${fullName(b)}`).fill('16:00');
  await page.getByRole('button', { name: 'Enter the sheet (2 people)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Entered from the sheet' })).toContainText('Entered from the sheet: 2 people.');
  await expect(page.getByRole('row', { name: new RegExp(fullName(a)) })).toContainText('present since 09:50 · 20 min late');
  await expect(page.getByRole('row', { name: new RegExp(fullName(b)) })).toContainText('left 16:00 · 60 min early');
  const after = await api<SessionRoster>(page, 'attendance.roster', { sessionId: sunday.id });
  expect(after).toMatchObject({ present: 1, left: 1 });
  await snap(page, 'attendance-08-paper-entered');
  // Nothing of this extra session is left for the next tests (per-diem counts sessions).
  await api(page, 'sessions.delete', { id: sunday.id });
  expect(consoleErrors).toEqual([]);
});

test('the desk opens on the session running today, warns on another day, and undo asks first and offers the original time again', async ({ page, appUrl, consoleErrors }) => {
  test.setTimeout(120_000);
  await page.goto(appUrl);
  await expect(page.getByRole('navigation', { name: 'Areas of the assembly' })).toBeVisible({ timeout: 30_000 });
  // The e2e server's clock is real: a session that runs all of today.
  const today = await api<Session>(page, 'sessions.create', { name: 'Running today', date: brusselsDate(0), startTime: '00:00', endTime: '23:59', kind: 'plenary' });
  await goToHash(page, '#/sessions/checkin');
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Check-in desk' })).toBeVisible({ timeout: 30_000 });
  const sessionSelect = page.getByLabel('Session', { exact: true });
  await expect(sessionSelect).toHaveValue(today.id);
  const notToday = page.locator('#desk-session-not-today');
  await expect(notToday).toHaveCount(0);
  const counter = page.locator('.att-counter-figure');
  await expect(counter).toHaveText('0 / 60');

  // Another day's session: the banner, which stays while that session is chosen.
  const weekend1 = await sessionNamed(page, 'Weekend 1 — Saturday');
  await sessionSelect.selectOption(weekend1.id);
  await expect(notToday).toContainText(`This session is on ${longDate(weekend1.date)}, not today.`);
  await expect(sessionSelect).toHaveAttribute('aria-describedby', 'desk-session-not-today');
  await snap(page, 'attendance-15-not-today-banner');
  await page.waitForTimeout(1_500);
  await expect(notToday).toBeVisible();
  await sessionSelect.selectOption(today.id);
  await expect(notToday).toHaveCount(0);

  // A check-in, an undo that is first cancelled then confirmed, and the original time offered again.
  const roster = await api<SessionRoster>(page, 'attendance.roster', { sessionId: today.id });
  const person = roster.rows[5]!;
  const search = page.getByLabel('Name or badge code');
  await search.fill(person.code);
  await page.keyboard.press('Enter');
  const status = page.getByRole('status').filter({ hasText: 'Checked in:' });
  await expect(status.locator('.att-confirm-name')).toHaveText(fullName(person));
  await expect(counter).toHaveText('1 / 60');
  const arrivedAt = (await api<SessionRoster>(page, 'attendance.roster', { sessionId: today.id })).rows.find((r) => r.personId === person.personId)!.arrivedAt!;
  await page.getByRole('button', { name: 'Undo this check-in' }).click();
  const confirmUndo = page.getByRole('alertdialog', { name: 'Undo this?' });
  await expect(confirmUndo).toContainText(`Undo the check-in of ${fullName(person)} at ${arrivedAt}? ${fullName(person)} will be expected again.`);
  await snapViewport(page, 'attendance-16-undo-confirmation');
  await confirmUndo.getByRole('button', { name: 'Keep it' }).click();
  await expect(confirmUndo).toBeHidden();
  await expect(counter).toHaveText('1 / 60');
  await page.getByRole('button', { name: 'Undo this check-in' }).click();
  await confirmUndo.getByRole('button', { name: 'Undo', exact: true }).click();
  const undone = page.getByRole('status').filter({ hasText: 'is undone' });
  await expect(undone).toContainText(`The check-in of ${fullName(person)} is undone`);
  await expect(counter).toHaveText('0 / 60');
  const again = undone.getByRole('button', { name: `Check ${fullName(person)} in again at ${arrivedAt} (the original time)` });
  await expect(again).toBeVisible();
  await snap(page, 'attendance-17-undone-offer-original-time');
  await again.click();
  await expect(status.locator('.att-confirm-name')).toHaveText(fullName(person));
  await expect(counter).toHaveText('1 / 60');
  const after = (await api<SessionRoster>(page, 'attendance.roster', { sessionId: today.id })).rows.find((r) => r.personId === person.personId)!;
  expect(after).toMatchObject({ state: 'present', arrivedAt, undoneArrivedAt: null });

  // A departure typed in the future is refused, beside the field, in a sentence (not tried in the last minutes of the day).
  const nowInBrussels = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date());
  if (nowInBrussels < '23:50') {
    await search.fill(person.code);
    await page.getByRole('button', { name: `Check out ${fullName(person)}` }).click();
    const checkOut = page.getByRole('dialog', { name: `Check out ${fullName(person)}` });
    await checkOut.getByLabel(/Departure time/).fill('23:58');
    await checkOut.getByRole('button', { name: 'Check out' }).click();
    await expect(checkOut.getByLabel(/Departure time/)).toHaveAccessibleDescription(/23:58 is in the future \(it is now \d\d:\d\d\): record an arrival or a departure once it has happened\./);
    await snapViewport(page, 'attendance-18-checkout-future');
    await checkOut.getByRole('button', { name: 'Cancel' }).click();
    await expect(counter).toHaveText('1 / 60');
  }

  await api(page, 'sessions.delete', { id: today.id });
  expect(consoleErrors).toEqual([]);
});

test('the desk and the dashboard speak French and Dutch', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await expect(page.getByRole('navigation', { name: 'Areas of the assembly' })).toBeVisible({ timeout: 30_000 });
  await api(page, 'app.setLanguage', { language: 'fr' });
  await goToHash(page, '#/sessions/checkin');
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Accueil' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('présents / attendus')).toBeVisible();
  await expect(page.getByLabel('Nom ou code du badge')).toBeFocused();
  await page.keyboard.type('QQQQ77');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Code inconnu');
  await snap(page, 'attendance-13-desk-fr');

  await api(page, 'app.setLanguage', { language: 'nl' });
  await goToHash(page, '#/sessions/dashboard');
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Dashboard' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Aanwezig / verwacht')).toBeVisible();
  await goToHash(page, '#/participants/perdiem');
  await expect(page.getByRole('heading', { level: 2, name: 'Regels voor de vergoeding' })).toBeVisible();
  // The demo's rules (a full day is €50), written the Dutch way.
  const rules = await api<{ fullDayCents: number }>(page, 'perDiem.rules', {});
  expect(rules.fullDayCents).toBe(5000);
  await expect(page.getByLabel('Volledige dag')).toHaveValue('50,00');
  await snap(page, 'attendance-14-perdiem-nl');
  await api(page, 'app.setLanguage', { language: 'en' });
  expect(consoleErrors).toEqual([]);
});

test('a new, empty assembly says where to start', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await expect(page.getByRole('navigation', { name: 'Areas of the assembly' })).toBeVisible({ timeout: 30_000 });
  await api(page, 'app.createAssembly', { name: 'Empty assembly for attendance' });
  await goToHash(page, '#/sessions/checkin');
  await page.reload();
  await expect(page.getByText('There are no sessions yet')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('link', { name: 'Add sessions' })).toHaveAttribute('href', '#/sessions');
  await snap(page, 'attendance-11-empty-desk');

  await api(page, 'sessions.create', { name: 'Day 1', date: '2027-05-08', startTime: '09:30', endTime: '17:00', kind: 'plenary' });
  await goToHash(page, '#/sessions/dashboard');
  await page.reload();
  await expect(page.getByText('There are no confirmed participants yet')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('link', { name: 'Go to Recruitment' })).toHaveAttribute('href', '#/recruitment');

  await goToHash(page, '#/participants');
  await expect(page.getByText('There are no confirmed participants yet')).toBeVisible();
  await goToHash(page, '#/participants/perdiem');
  await expect(page.getByText('No attendance has been recorded yet')).toBeVisible();
  await snap(page, 'attendance-12-empty-perdiem');
  expect(consoleErrors).toEqual([]);
});

