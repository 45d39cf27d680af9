/**
 * A host page and a station browser over the venue link (real TLS on loopback). The station's
 * Chromium pins the host certificate by its fingerprint (--ignore-certificate-errors-spki-list,
 * as the pairing code carries it), so it runs in a browser of its own. Pairing from the link,
 * approval by the host in Settings, a check-in at the station on the host's dashboard, the
 * station going offline (Offline: N waiting) and draining when it is back, and a revoked device.
 */
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { Session } from '../../main/domain/sessions/types';
import type { VenuePairingCode, VenueStatus } from '../../main/domain/venue/types';
import type { SessionDashboard } from '../../main/domain/attendance/types';
import { expect, snap, test } from './fixtures';
import { api, goToHash } from './pageApi';

test.describe.configure({ mode: 'serial' });

let stationBrowser: Browser | null = null;
test.afterAll(async () => {
  await stationBrowser?.close();
});

/** No serious or critical axe violation (WCAG 2.1 A and AA), as tests/e2e/a11y.spec.ts asks of every page. */
async function accessible(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${name}: ${v.id} ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

async function dashboardOf(host: Page, sessionId: string): Promise<SessionDashboard> {
  return api<SessionDashboard>(host, 'attendance.dashboard', { sessionId });
}

test('a tablet joins from the pairing link, the host approves it, and its check-ins reach the host, offline too', async ({ page: host, appUrl, consoleErrors }) => {
  test.setTimeout(120_000);
  await host.goto(appUrl);
  await host.getByLabel('Your name (operator)').fill('Hanne Host');
  await host.getByRole('button', { name: 'Continue' }).click();
  await expect(host.getByRole('heading', { level: 1, name: 'Start' })).toBeVisible();
  await api(host, 'app.openDemo', { stage: 'venue' });
  // A session running now, which the station's desk opens on.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
  const session = await api<Session>(host, 'sessions.create', { name: 'Station day', date: today, startTime: '00:00', endTime: '23:59', kind: 'plenary' });
  const venue = await api<VenueStatus>(host, 'venue.enable', { port: 0, address: '127.0.0.1' });
  const pairing = await api<VenuePairingCode>(host, 'venue.createPairingCode', {});
  expect(pairing.link).toContain(`?join=`);

  // The station: its own Chromium, pinning the host's certificate.
  stationBrowser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic', `--ignore-certificate-errors-spki-list=${venue.fingerprint}`],
  });
  const context = await stationBrowser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Brussels', viewport: { width: 1024, height: 768 } });
  const station = await context.newPage();
  const stationErrors: string[] = [];
  station.on('pageerror', (e) => stationErrors.push(e.message));
  await station.goto(pairing.link);

  await expect(station.getByRole('heading', { level: 1, name: 'Join an assembly at this venue' })).toBeVisible();
  await expect(station.getByLabel('Pairing code')).toHaveValue(pairing.code.replace('-', ''));
  // The code and fingerprint leave the address bar.
  expect(station.url()).not.toContain('join=');
  await station.getByLabel('Name of this device').fill('Tablet NL desk');
  await station.getByLabel('Your name').fill('Jana Peeters');
  await snap(station, 'station-01-join');
  await accessible(station, 'join');
  await station.getByRole('button', { name: 'Ask to join' }).click();
  await expect(station.getByRole('heading', { level: 1, name: 'Waiting for the host to approve this device' })).toBeVisible();
  const token = await station.evaluate(() => localStorage.getItem('assembly-desk.device-token'));
  expect(token).toMatch(/^[0-9a-f-]{36}\./);
  expect(await context.cookies()).toEqual([]);
  await snap(station, 'station-02-waiting');
  await accessible(station, 'waiting');

  // The host approves it in Settings, as a desk.
  await goToHash(host, '#/settings');
  await host.reload();
  await host.getByLabel('Role of Tablet NL desk').selectOption('desk');
  await host.getByRole('button', { name: 'Approve' }).click();
  await expect(host.getByText('Approved')).toBeVisible();

  // The station goes on by itself to the check-in desk.
  await expect(station.getByRole('heading', { level: 1, name: /Check-in desk/ })).toBeVisible({ timeout: 15_000 });
  await expect(station.getByLabel('Session', { exact: true })).toHaveValue(session.id);
  await expect(station.getByTestId('station-link')).toHaveText(/Connected to the host/);
  const counter = station.getByTestId('station-counter');
  await expect(counter).toHaveText('0 / 60');
  const first = (await api<{ rows: { personId: string; firstName: string; lastName: string; code: string }[] }>(host, 'attendance.roster', { sessionId: session.id })).rows;
  await station.getByLabel('Name or badge code').fill(first[0]!.code);
  await station.keyboard.press('Enter');
  await expect(station.getByText(`Checked in: ${first[0]!.firstName} ${first[0]!.lastName}`)).toBeVisible();
  await expect(counter).toHaveText('1 / 60');
  await expect(station.getByTestId('station-link')).toHaveText(/Connected to the host/);

  // On the host's dashboard.
  await goToHash(host, '#/sessions/dashboard');
  await host.reload();
  await host.getByLabel('Session', { exact: true }).selectOption(session.id);
  await expect(host.locator('.att-bignum-main .att-bignum-value')).toHaveText('1');
  await snap(host, 'station-03-host-dashboard');

  // The network drops: the desk goes on, and says so. Meanwhile the secretariat records, at the
  // host, that one of them withdrew: the station's check-in of that person will be refused.
  await context.setOffline(true);
  const withdrawn = first[4]!;
  await api(host, 'people.setStatus', { id: withdrawn.personId, status: 'withdrawn', date: today, reason: 'Moved abroad' });
  for (const p of [...first.slice(1, 3), withdrawn]) {
    await station.getByLabel('Name or badge code').fill(p.code);
    await station.keyboard.press('Enter');
    await expect(station.getByText(`Checked in: ${p.firstName} ${p.lastName}`)).toBeVisible();
  }
  await expect(station.getByTestId('station-link')).toHaveText(/Offline: 3 waiting/, { timeout: 15_000 });
  await expect(counter).toHaveText('4 / 60');
  await snap(station, 'station-04-offline');
  await accessible(station, 'offline desk');
  expect((await dashboardOf(host, session.id)).present).toBe(1);

  // Back: the queue drains by itself.
  await context.setOffline(false);
  await expect(station.getByTestId('station-link')).toHaveText(/Connected to the host/, { timeout: 20_000 });
  await expect.poll(async () => (await dashboardOf(host, session.id)).present).toBe(3);
  const events = await api<{ device: string; operator: string }[]>(host, 'attendance.events', { sessionId: session.id });
  expect(events).toHaveLength(3);
  // The refused one: a conflict on the station, with the host's reason, and on the host's screen.
  const conflicts = station.getByRole('alert', { name: 'To resolve: 1 refused by the host' });
  await expect(conflicts).toContainText(`${withdrawn.code} is not a confirmed participant`);
  // The host's roster again: the withdrawn person is no longer expected.
  await expect(counter).toHaveText('3 / 59');
  await snap(station, 'station-05-conflict');
  await accessible(station, 'conflicts');
  await goToHash(host, '#/settings');
  await host.reload();
  await expect(host.getByRole('heading', { name: 'Refused from stations: 1' })).toBeVisible();
  await expect(host.getByRole('table', { name: 'Events refused from stations' })).toContainText(withdrawn.code);
  await snap(host, 'station-06-host-conflicts');
  await conflicts.getByRole('button', { name: 'Seen, dealt with' }).click();
  await expect(station.getByText(/To resolve/)).toHaveCount(0);
  expect(events.every((e) => e.device === 'Tablet NL desk' && e.operator === 'Jana Peeters')).toBe(true);

  // Revoked at the host: refused on the station's next call, with a sentence.
  await host.getByRole('button', { name: 'Revoke' }).click();
  await station.getByLabel('Name or badge code').fill(first[5]!.code);
  await station.keyboard.press('Enter');
  await expect(station.getByRole('heading', { level: 1, name: 'This device was revoked' })).toBeVisible({ timeout: 15_000 });
  await snap(station, 'station-07-revoked');
  await accessible(station, 'revoked');
  expect(await station.evaluate(() => localStorage.getItem('assembly-desk.device-token'))).toBeNull();
  expect((await dashboardOf(host, session.id)).present).toBe(3);
  expect(stationErrors).toEqual([]);
  expect(consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});
