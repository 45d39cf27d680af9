/**
 * A restore at the host while a desk station works (real TLS on loopback, the station in a
 * Chromium of its own that pins the host certificate). The host's restore dialog names the
 * connected station before it starts. While the host is paused, the station says so in a banner
 * and keeps its check-ins; after, they drain into the restored file.
 *
 * The host's side of the pause (stations refused with HOST_PAUSED from the start of a restore
 * until the restored file is open) is tested deterministically over TLS in
 * tests/integration/venue-restore.test.ts; a real restore lasts a fraction of a second, too
 * short to catch a station's call in it here. So the station's answers are held at HOST_PAUSED
 * (the host's exact answer, routed in the station's browser) for as long as this test needs,
 * while the host really restores.
 */
import { chromium, type Browser } from '@playwright/test';
import type { Session } from '../../main/domain/sessions/types';
import type { VenueDevice, VenuePairingCode, VenueStatus } from '../../main/domain/venue/types';
import type { SessionDashboard } from '../../main/domain/attendance/types';
import type { BackupInfo } from '../../main/domain/assembly/types';
import { expect, snap, test } from './fixtures';
import { api } from './pageApi';

let stationBrowser: Browser | null = null;
test.afterAll(async () => {
  await stationBrowser?.close();
});

const PAUSED = {
  ok: false,
  error: {
    code: 'HOST_PAUSED',
    message: 'The host is restoring a backup: check-ins wait on this device and are sent when the host is back, in a moment.',
    i18nKey: 'venue.errors.hostPaused',
    details: {},
  },
};

test('a restore with a desk station connected: the host is told, the station pauses with a banner, and drains after', async ({ page: host, appUrl, consoleErrors }) => {
  test.setTimeout(120_000);
  await host.goto(appUrl);
  await host.getByLabel('Your name (operator)').fill('Hanne Host');
  await host.getByRole('button', { name: 'Continue' }).click();
  await expect(host.getByRole('heading', { level: 1, name: 'Start' })).toBeVisible();
  // Web mode's start page explains how a browser joins (it cannot open a station window itself).
  await expect(host.getByTestId('join-in-browser')).toContainText('A browser joins by opening the pairing link itself');
  await api(host, 'app.openDemo', { stage: 'venue' });
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
  const session = await api<Session>(host, 'sessions.create', { name: 'Restore day', date: today, startTime: '00:00', endTime: '23:59', kind: 'plenary' });
  const venue = await api<VenueStatus>(host, 'venue.enable', { port: 0, address: '127.0.0.1' });
  const pairing = await api<VenuePairingCode>(host, 'venue.createPairingCode', {});

  stationBrowser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic', `--ignore-certificate-errors-spki-list=${venue.fingerprint}`],
  });
  const context = await stationBrowser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Brussels', viewport: { width: 1024, height: 768 } });
  const station = await context.newPage();
  const stationErrors: string[] = [];
  station.on('pageerror', (e) => stationErrors.push(e.message));
  await station.goto(pairing.link);
  await station.getByLabel('Name of this device').fill('Tablet FR desk');
  await station.getByLabel('Your name').fill('Marc Dubois');
  await station.getByRole('button', { name: 'Ask to join' }).click();
  await expect(station.getByRole('heading', { level: 1, name: 'Waiting for the host to approve this device' })).toBeVisible();
  const device = (await api<VenueDevice[]>(host, 'venue.devices', {})).find((d) => d.name === 'Tablet FR desk')!;
  await api(host, 'venue.approve', { deviceId: device.id, role: 'desk' });
  await expect(station.getByRole('heading', { level: 1, name: /Check-in desk/ })).toBeVisible({ timeout: 15_000 });
  await expect(station.getByTestId('station-link')).toHaveText(/Connected to the host/);

  const roster = (await api<{ rows: { personId: string; firstName: string; lastName: string; code: string }[] }>(host, 'attendance.roster', { sessionId: session.id })).rows;
  const checkIn = async (p: (typeof roster)[number]) => {
    await station.getByLabel('Name or badge code').fill(p.code);
    await station.keyboard.press('Enter');
    await expect(station.getByText(`Checked in: ${p.firstName} ${p.lastName}`)).toBeVisible();
  };
  const present = async () => (await api<SessionDashboard>(host, 'attendance.dashboard', { sessionId: session.id })).present;

  // One check-in before the backup, one after it.
  await checkIn(roster[0]!);
  await expect.poll(present).toBe(1);
  const backup = await api<BackupInfo>(host, 'backups.create', {});
  await checkIn(roster[1]!);
  await expect.poll(present).toBe(2);

  // The host opens the restore: the dialog names the station that will pause, before it starts.
  await host.reload();
  await host.getByRole('banner').getByRole('button', { name: 'Backups…' }).click();
  const dialog = host.getByRole('dialog', { name: 'Backups' });
  await dialog.locator('tbody tr', { hasText: 'By hand' }).getByRole('button', { name: /^Restore the backup of / }).click();
  const confirm = host.getByRole('alertdialog', { name: 'Restore this backup?' });
  await expect(confirm.getByTestId('restore-stations')).toHaveText(
    '1 station is connected (seen in the last 60 seconds): Tablet FR desk (Marc Dubois). It pauses during the restore: its check-ins wait on the device and are sent to the restored file afterwards.',
  );
  await snap(host, 'venue-restore-01-confirm');

  // The station, paused: it keeps checking people in, and says why they wait.
  await context.route('**/rpc', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify(PAUSED) }));
  await checkIn(roster[2]!);
  await checkIn(roster[3]!);
  const banner = station.getByTestId('station-paused');
  await expect(banner).toHaveText('The host is restoring a backup: check-ins wait on this device (2 waiting). Go on checking people in; they are sent as soon as the restore is done.');
  await expect(banner).toHaveAttribute('role', 'alert');
  await expect(station.getByTestId('station-link')).toHaveText(/Offline: 2 waiting/);
  // Not the "cannot be reached" hint: the host did answer.
  await expect(station.getByTestId('station-link')).not.toContainText('cannot be reached');
  await snap(station, 'venue-restore-02-station-paused');

  await confirm.getByRole('button', { name: 'Restore the backup' }).click();
  await expect(confirm).toBeHidden({ timeout: 30_000 });
  await expect(dialog.getByRole('status').first()).toContainText('1 attendance event recorded after the backup was applied again.');
  expect(await present()).toBe(2);

  // The host is back: the queue drains into the restored file, the banner goes.
  await context.unroute('**/rpc');
  await expect(station.getByTestId('station-link')).toHaveText(/Connected to the host/, { timeout: 20_000 });
  await expect(banner).toHaveCount(0);
  await expect.poll(present).toBe(4);
  const events = await api<{ personId: string; device: string }[]>(host, 'attendance.events', { sessionId: session.id });
  expect(events.map((e) => e.personId).sort()).toEqual(roster.slice(0, 4).map((p) => p.personId).sort());
  expect(events.every((e) => e.device === 'Tablet FR desk')).toBe(true);
  expect(backup.reason).toBe('manual');
  expect(stationErrors).toEqual([]);
  expect(consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});
