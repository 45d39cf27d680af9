/**
 * The desk station's own pieces, over the venue link (real TLS on loopback, the station in a
 * Chromium of its own pinning the host's certificate): a check-out at a chosen time, refused
 * with the host's sentence when it is in the future or before the arrival; a check-in again at
 * the time of an undone check-in; a refusal of the host shown in the station's language (nl, fr,
 * en); and a station that opens while the host cannot be reached, which takes badge codes that
 * the host resolves to people once it is back.
 *
 * The host runs on a fixed clock (Monday 18 January 2027, 10:00 in Brussels) and the station's
 * page on the same one (Playwright's clock), so the times typed here are in the past or the
 * future whatever the real time of the run.
 */
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { Session } from '../../main/domain/sessions/types';
import type { VenuePairingCode, VenueStatus } from '../../main/domain/venue/types';
import type { SessionRoster } from '../../main/domain/attendance/types';
import { expect, snap, test } from './fixtures';
import { api, goToHash } from './pageApi';

test.describe.configure({ mode: 'serial' });
test.use({ serverClock: '2027-01-18T09:00:00.000Z' });

let stationBrowser: Browser | null = null;
test.afterAll(async () => {
  await stationBrowser?.close();
});

async function accessible(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${name}: ${v.id} ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** The station's language, chosen in its header (the select's label is in the language shown). */
async function speak(station: Page, language: 'nl' | 'fr' | 'en') {
  await station.locator('.station-language select').selectOption(language);
  await expect(station.locator('html')).toHaveAttribute('lang', new RegExp(`^${language}`));
}

const plusMinutes = (hhmm: string, n: number) => {
  const m = Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)) + n;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

test('a desk station checks out at a chosen time, checks in again at an undone time, shows refusals in its language, and starts without the host', async ({ page: host, appUrl, consoleErrors }) => {
  test.setTimeout(180_000);
  await host.goto(appUrl);
  await host.getByLabel('Your name (operator)').fill('Hanne Host');
  await host.getByRole('button', { name: 'Continue' }).click();
  await expect(host.getByRole('heading', { level: 1, name: 'Start' })).toBeVisible();
  await api(host, 'app.openDemo', { stage: 'venue' });
  const session = await api<Session>(host, 'sessions.create', { name: 'Monday', date: '2027-01-18', startTime: '09:00', endTime: '17:00', kind: 'plenary' });
  const venue = await api<VenueStatus>(host, 'venue.enable', { port: 0, address: '127.0.0.1' });
  const pairing = await api<VenuePairingCode>(host, 'venue.createPairingCode', {});
  const people = (await api<SessionRoster>(host, 'attendance.roster', { sessionId: session.id })).rows;
  const [ann, bart, chris, dirk] = people;
  const nameOf = (p: (typeof people)[number]) => `${p.firstName} ${p.lastName}`;

  stationBrowser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic', `--ignore-certificate-errors-spki-list=${venue.fingerprint}`],
  });
  const context: BrowserContext = await stationBrowser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Brussels', viewport: { width: 1024, height: 768 } });
  // The tablet's clock runs five minutes behind the host's (the session's createdAt is the host's
  // time): a check-in made here, then undone five minutes later, has a time of its own to offer.
  await context.clock.install({ time: new Date(Date.parse(session.createdAt) - 5 * 60_000) });
  const station = await context.newPage();
  const stationErrors: string[] = [];
  station.on('pageerror', (e) => stationErrors.push(e.message));
  await station.goto(pairing.link);
  await station.getByLabel('Name of this device').fill('Tablet FR desk');
  await station.getByLabel('Your name').fill('Jana Peeters');
  await station.getByRole('button', { name: 'Ask to join' }).click();
  await expect(station.getByRole('heading', { level: 1, name: 'Waiting for the host to approve this device' })).toBeVisible();
  await goToHash(host, '#/settings');
  await host.reload();
  await host.getByLabel('Role of Tablet FR desk').selectOption('desk');
  await host.getByRole('button', { name: 'Approve' }).click();
  await expect(station.getByRole('heading', { level: 1, name: /Check-in desk/ })).toBeVisible({ timeout: 15_000 });
  await expect(station.getByTestId('station-link')).toHaveText(/Connected to the host/);
  const counter = station.getByTestId('station-counter');
  const search = station.getByLabel('Name or badge code');

  // 1. Check-out at a chosen time: the host's refusals, in the dialog, before anything is queued.
  await search.fill(ann!.code);
  await station.keyboard.press('Enter');
  await expect(station.getByText(`Checked in: ${nameOf(ann!)}`)).toBeVisible();
  const arrived = (await station.getByText(`Checked in: ${nameOf(ann!)}`).textContent())!.match(/\d\d:\d\d/)![0];
  await search.fill(ann!.lastName);
  await station.getByRole('button', { name: `Check out ${nameOf(ann!)}`, exact: true }).click();
  const dialog = station.getByRole('dialog', { name: `Check out ${nameOf(ann!)}` });
  await dialog.getByLabel('Departure time').fill('15:30');
  await dialog.getByRole('button', { name: 'Check out', exact: true }).click();
  await expect(dialog).toContainText('15:30 is in the future (it is now');
  await dialog.getByLabel('Departure time').fill('09:05');
  await dialog.getByRole('button', { name: 'Check out', exact: true }).click();
  await expect(dialog).toContainText(`The departure must be after the arrival (${arrived}).`);
  await snap(station, 'station-desk-01-checkout-refused');
  await accessible(station, 'check-out refused');
  const departed = plusMinutes(arrived, 1);
  await dialog.getByLabel('Departure time').fill(departed);
  await dialog.getByRole('button', { name: 'Check out', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(station.getByText(`Checked out: ${nameOf(ann!)} at ${departed}`)).toBeVisible();
  await expect.poll(async () => (await api<SessionRoster>(host, 'attendance.roster', { sessionId: session.id })).rows.find((r) => r.personId === ann!.personId)?.departedAt).toBe(departed);

  // 2. Undo asks first; checking in again offers the original time, and the host records it.
  await search.fill(bart!.code);
  await station.keyboard.press('Enter');
  await expect(station.getByText(`Checked in: ${nameOf(bart!)}`)).toBeVisible();
  const original = (await station.getByText(`Checked in: ${nameOf(bart!)}`).textContent())!.match(/\d\d:\d\d/)![0];
  await station.clock.runFor(5 * 60_000);
  await search.fill(bart!.lastName);
  await station.getByRole('button', { name: `Undo the check-in of ${nameOf(bart!)} (${original})` }).click();
  const confirm = station.getByRole('alertdialog', { name: 'Undo this?' });
  await expect(confirm).toContainText(`Undo the check-in of ${nameOf(bart!)} at ${original}?`);
  await confirm.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(station.getByText(`Undone for ${nameOf(bart!)}`)).toBeVisible();
  await search.fill(bart!.lastName);
  await station.getByRole('button', { name: `Check ${nameOf(bart!)} in again at ${original}, the time of the check-in that was undone` }).click();
  await expect(station.getByText(`Checked in: ${nameOf(bart!)} at ${original}`)).toBeVisible();
  await expect
    .poll(async () => (await api<SessionRoster>(host, 'attendance.roster', { sessionId: session.id })).rows.find((r) => r.personId === bart!.personId))
    .toMatchObject({ state: 'present', arrivedAt: original });

  // 3. A refusal of the host, in the station's language: Chris withdrew while the link was down.
  await context.setOffline(true);
  await api(host, 'people.setStatus', { id: chris!.personId, status: 'withdrawn', date: '2027-01-18', reason: 'Moved abroad' });
  await search.fill(chris!.code);
  await station.keyboard.press('Enter');
  await expect(station.getByTestId('station-link')).toHaveText(/Offline: 1 waiting/, { timeout: 15_000 });
  await context.setOffline(false);
  const conflicts = station.locator('.station-conflicts');
  await expect(conflicts).toContainText(`${chris!.code} is not a confirmed participant: their status is “withdrawn”.`, { timeout: 20_000 });
  await snap(station, 'station-desk-02-conflict-en');
  await conflicts.screenshot({ path: 'tests/artifacts/station-desk-02-conflict-en-detail.png' });
  await speak(station, 'nl');
  await expect(conflicts).toContainText(`${chris!.code} is geen bevestigde deelnemer: de status is „afgehaakt”.`);
  await snap(station, 'station-desk-02-conflict-nl');
  await conflicts.screenshot({ path: 'tests/artifacts/station-desk-02-conflict-nl-detail.png' });
  await speak(station, 'fr');
  await expect(conflicts).toContainText(`${chris!.code} n’est pas un participant confirmé : son statut est « s'est retiré ».`);
  await snap(station, 'station-desk-02-conflict-fr');
  await conflicts.screenshot({ path: 'tests/artifacts/station-desk-02-conflict-fr-detail.png' });
  await accessible(station, 'conflict (fr)');
  await speak(station, 'en');
  // The host's list says it in the host's words too.
  await host.reload();
  await expect(host.getByRole('table', { name: 'Events refused from stations' })).toContainText(`${chris!.code} is not a confirmed participant: their status is “withdrawn”.`);
  await conflicts.getByRole('button', { name: 'Seen, dealt with' }).click();
  await expect(conflicts).toHaveCount(0);

  // 4. Opening the desk while the host cannot be reached: no names, badge codes into the queue.
  await station.route('**/rpc**', (route) => route.abort('connectionrefused'));
  await station.reload();
  const offlineStart = station.getByTestId('station-offline-start');
  await expect(offlineStart).toContainText(
    'The host cannot be reached. You can still check people in by their badge code; their names will appear when the host is back.',
    { timeout: 15_000 },
  );
  await expect(station.getByLabel('Session', { exact: true })).toHaveValue(session.id);
  const code = station.getByLabel('Badge code');
  await code.fill(dirk!.code.toLowerCase());
  await station.keyboard.press('Enter');
  await expect(station.getByText(`Badge ${dirk!.code} checked in at`)).toBeVisible();
  await code.fill('ZZZ-999');
  await station.keyboard.press('Enter');
  await code.fill(dirk!.code);
  await station.keyboard.press('Enter');
  await expect(station.getByRole('alert')).toContainText(`Badge ${dirk!.code} is already checked in on this device for this session.`);
  await code.fill('no way!');
  await station.keyboard.press('Enter');
  await expect(station.getByRole('alert')).toContainText('“no way!” is not a badge code');
  await expect(station.getByTestId('station-link')).toHaveText('Offline: 2 waiting');
  await expect(station.getByRole('heading', { name: 'Checked in on this device, waiting for the host: 2' })).toBeVisible();
  // No name on the page, and none in the device's storage.
  await expect(station.getByText(dirk!.lastName)).toHaveCount(0);
  const stored = await station.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(stored).toContain(dirk!.code);
  for (const p of people) expect(stored).not.toContain(p.lastName);
  await snap(station, 'station-desk-03-offline-start-en');
  await accessible(station, 'offline start (en)');
  await speak(station, 'nl');
  await expect(offlineStart).toContainText('De host is niet bereikbaar. Je kunt mensen nog altijd inchecken met de code op hun badge');
  await snap(station, 'station-desk-03-offline-start-nl');
  await speak(station, 'fr');
  await expect(offlineStart).toContainText('L’hôte est injoignable. Vous pouvez toujours enregistrer les arrivées avec le code du badge');
  await snap(station, 'station-desk-03-offline-start-fr');
  await accessible(station, 'offline start (fr)');

  // The host answers again: the usual desk, the codes resolved by the host, the unknown one a conflict.
  await station.unroute('**/rpc**');
  await expect(conflicts).toContainText('Aucun participant de ce panel n’a le code ZZZ-999.', { timeout: 20_000 });
  await snap(station, 'station-desk-04-unknown-code-fr');
  await station.setViewportSize({ width: 1024, height: 768 });
  await station.screenshot({ path: 'tests/artifacts/station-desk-04-unknown-code-fr-top.png' });
  await speak(station, 'en');
  await expect(conflicts).toContainText('No participant of this assembly has the code ZZZ-999.');
  await expect.poll(async () => (await api<SessionRoster>(host, 'attendance.roster', { sessionId: session.id })).rows.find((r) => r.personId === dirk!.personId)?.state).toBe('present');
  await station.getByLabel('Name or badge code').fill(dirk!.lastName);
  await expect(station.getByRole('row', { name: new RegExp(nameOf(dirk!)) })).toContainText('present since');
  // Bart and Dirk present (Ann left, Chris withdrew).
  await expect(counter).toHaveText('2 / 59');
  expect(stationErrors).toEqual([]);
  expect(consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});
