/**
 * Backups, on the demo "at the venue": the header's last backup (the one taken when the file was
 * opened), a backup by hand, a restore confirmed with the keyboard that keeps the check-ins made since and
 * keeps the replaced state as a backup, a copy saved (and refused the second time, at the field);
 * then a damaged file whose start-page error offers its latest good backup.
 * The tests share one server and run in order.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { AssemblyInfo, BackupInfo } from '../../main/domain/assembly/types';
import type { Session } from '../../main/domain/sessions/types';
import type { SessionRoster } from '../../main/domain/attendance/types';
import { ARTIFACTS_DIR, expect, snap, test } from './fixtures';
import { api } from './pageApi';

test.describe.configure({ mode: 'serial' });

/** A modal dialog: the viewport as a person sees it. */
async function snapViewport(page: Page, name: string) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`) });
}

const n = (value: number) => new Intl.NumberFormat('en-GB').format(value);
const counted = (value: number, word: string) => `${n(value)} ${word}${value === 1 ? '' : 's'}`;

test('the last backup in the header; back up, restore with the keyboard, save a copy', async ({ page, appUrl, consoleErrors }) => {
  test.setTimeout(120_000);
  await page.goto(appUrl);
  await page.getByLabel('Your name (operator)').fill('Sofie Peeters');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start' })).toBeVisible();
  await api<AssemblyInfo>(page, 'app.openDemo', { stage: 'venue' });
  await page.reload();

  // Opening the file took a backup: the header says when.
  const header = page.getByRole('banner');
  await expect(header).toContainText(/Last backup: \d{2}:\d{2} \(just now\)/, { timeout: 30_000 });
  await snap(page, 'backups-01-header');

  await header.getByRole('button', { name: 'Backups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  await expect(dialog).toBeVisible();
  const table = dialog.getByRole('table', { name: 'Backups of this assembly, newest first' });
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr').first()).toContainText('When opened');
  await expect(dialog.getByRole('button', { name: 'Back up now' })).toBeFocused();

  await dialog.getByRole('button', { name: 'Back up now' }).click();
  await expect(dialog.getByRole('status').first()).toContainText(/Backup taken at \d{2}:\d{2}\./);
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(table.locator('tbody tr').first()).toContainText('By hand');
  const manual = (await api<{ backups: BackupInfo[] }>(page, 'backups.list', {})).backups.find((b) => b.reason === 'manual')!;
  expect(manual.participants).toBe(60);
  await expect(table.locator('tbody tr').first().locator('td').nth(1)).toHaveText('60');
  await expect(table.locator('tbody tr').first().locator('td').nth(2)).toHaveText(n(manual.checkIns));
  await snapViewport(page, 'backups-02-dialog-after-backup');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // After the backup, two people are checked in.
  const sessions = await api<Session[]>(page, 'sessions.list', {});
  const sessionId = sessions[2]!.id;
  const before = await api<SessionRoster>(page, 'attendance.roster', { sessionId });
  for (const r of before.rows.slice(0, 2)) await api(page, 'attendance.checkIn', { sessionId, personId: r.personId });
  expect((await api<SessionRoster>(page, 'attendance.roster', { sessionId })).present).toBe(before.present + 2);

  // Restore the manual backup, with the keyboard only.
  await header.getByRole('button', { name: 'Backups…' }).click();
  await expect(dialog).toBeVisible();
  const manualRow = table.locator('tbody tr', { hasText: 'By hand' });
  await manualRow.getByRole('button', { name: /^Restore the backup of / }).focus();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('alertdialog', { name: 'Restore this backup?' });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText(
    ` (60 participants, ${counted(manual.checkIns, 'check-in')}, ${counted(manual.ballots, 'ballot')}). The current state is kept as a backup first, so this can be undone.`,
  );
  await expect(confirm).toContainText('The assembly goes back to ');
  await expect(confirm).toContainText('Check-ins, check-outs and excuses recorded since then are kept');
  // No station is connected to this laptop: the dialog says nothing else pauses.
  await expect(confirm.getByTestId('restore-stations')).toHaveText('No station is connected to this laptop: nothing else pauses.');
  // The safe choice has the focus; the restore is one Shift+Tab away.
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await snapViewport(page, 'backups-03-confirm');
  await page.keyboard.press('Shift+Tab');
  await expect(confirm.getByRole('button', { name: 'Restore the backup' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden({ timeout: 30_000 });
  await expect(dialog.getByRole('status').first()).toContainText('The assembly is back to ');
  await expect(dialog.getByRole('status').first()).toContainText('The state it replaced is kept as a backup (“Before a restore”).');
  // The two check-ins made after the backup are not lost: they are applied again, and it says so.
  await expect(dialog.getByRole('status').first()).toContainText('2 attendance events recorded after the backup were applied again.');

  // The file is back to the backup, with the two check-ins kept; the state replaced is a backup too.
  expect((await api<SessionRoster>(page, 'attendance.roster', { sessionId })).present).toBe(before.present + 2);
  const beforeRestoreRow = table.locator('tbody tr', { hasText: 'Before a restore' });
  await expect(beforeRestoreRow).toHaveCount(1);
  await expect(beforeRestoreRow.locator('td').nth(2)).toHaveText(n(manual.checkIns + 2));
  // When opened, by hand, before the restore: reopening the restored file takes no backup of its own.
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await snapViewport(page, 'backups-04-restored');

  // Save a copy, then again with the same name: refused at the field.
  const copyField = dialog.getByLabel('File name or path of the copy');
  await copyField.fill('copy.assembly');
  await dialog.getByRole('button', { name: 'Save a copy' }).click();
  await expect(dialog.getByRole('status').last()).toContainText(/Copy saved: .*copy\.assembly \([\d.]+ MB\)\./);
  await copyField.press('Enter');
  await expect(copyField).toHaveAttribute('aria-invalid', 'true');
  await expect(copyField).toHaveAccessibleDescription(/copy\.assembly already exists\. Choose another name\./);
  await expect(copyField).toBeFocused();
  await dialog.getByRole('heading', { name: 'Save a copy' }).scrollIntoViewIfNeeded();
  await snapViewport(page, 'backups-05-copy-exists');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(header.getByRole('button', { name: 'Backups…' })).toBeFocused();
  expect(consoleErrors).toEqual([]);
});

test('the dialog in French', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await api(page, 'app.setLanguage', { language: 'fr' });
  await page.reload();
  const header = page.getByRole('banner');
  await expect(header).toContainText(/Dernière sauvegarde\s: \d{2}:\d{2}/, { timeout: 30_000 });
  await header.getByRole('button', { name: 'Sauvegardes…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sauvegardes' });
  await expect(dialog.getByRole('table').locator('tbody tr')).toHaveCount(3);
  await expect(dialog).toContainText('Avant une restauration');
  await snapViewport(page, 'backups-06-dialog-fr');
  await page.keyboard.press('Escape');
  await api(page, 'app.setLanguage', { language: 'en' });
  expect(consoleErrors).toEqual([]);
});

test('a damaged file: the start page offers its latest good backup', async ({ page, appUrl, server, consoleErrors }) => {
  const assemblies = join(server.dataDir, 'assemblies');
  const bytes = readFileSync(join(assemblies, 'copy.assembly'));
  const damaged = Buffer.from(bytes);
  const at = Math.floor(damaged.length * 0.4);
  damaged.fill(0xff, at, at + 4096);
  writeFileSync(join(assemblies, 'damaged.assembly'), damaged);
  mkdirSync(join(assemblies, 'damaged.assembly.backups'));
  copyFileSync(join(assemblies, 'copy.assembly'), join(assemblies, 'damaged.assembly.backups', 'damaged-2027-01-30T08-00-00-000Z-manual.assembly'));

  await page.goto(appUrl);
  await page.getByRole('button', { name: 'Close assembly' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start' })).toBeVisible();
  const path = page.getByLabel('Path of an assembly file');
  await path.fill('damaged.assembly');
  await path.press('Enter');
  await expect(page.getByRole('alert')).toContainText('That assembly file is damaged and cannot be opened.');
  const offer = page.getByRole('button', { name: /^Open the latest good backup \(30\/01\/2027, \d{2}:00\)$/ });
  await expect(offer).toBeVisible();
  await expect(path).toBeFocused();
  await snap(page, 'backups-07-damaged-offer');
  await offer.click();
  const header = page.getByRole('banner');
  await expect(header).toContainText('Last backup:', { timeout: 30_000 });
  expect((await api<{ assembly: AssemblyInfo | null }>(page, 'app.status', {})).assembly?.path).toContain('damaged-2027-01-30T08-00-00-000Z-manual.assembly');
  expect(consoleErrors).toEqual([]);
});

test('an empty file (0 bytes, as an interrupted copy leaves it): the start page offers its latest good backup too', async ({ page, appUrl, server, consoleErrors }) => {
  const assemblies = join(server.dataDir, 'assemblies');
  writeFileSync(join(assemblies, 'emptied.assembly'), '');
  mkdirSync(join(assemblies, 'emptied.assembly.backups'));
  copyFileSync(join(assemblies, 'copy.assembly'), join(assemblies, 'emptied.assembly.backups', 'emptied-2027-01-31T09-00-00-000Z-before-restore.assembly'));

  await page.goto(appUrl);
  await page.getByRole('button', { name: 'Close assembly' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start' })).toBeVisible();
  const path = page.getByLabel('Path of an assembly file');
  await path.fill('emptied.assembly');
  await path.press('Enter');
  await expect(page.getByRole('alert')).toContainText('That file is not an Assembly Desk assembly file.');
  const offer = page.getByRole('button', { name: /^Open the latest good backup \(31\/01\/2027, \d{2}:00\)$/ });
  await expect(offer).toBeVisible();
  await expect(page.getByText('The backup opens as a file of its own; this file is left as it is.')).toBeVisible();
  await snap(page, 'backups-08-empty-offer');
  await offer.click();
  await expect(page.getByRole('banner')).toContainText('Last backup:', { timeout: 30_000 });
  expect((await api<{ assembly: AssemblyInfo | null }>(page, 'app.status', {})).assembly?.path).toContain('emptied-2027-01-31T09-00-00-000Z-before-restore.assembly');
  expect(consoleErrors).toEqual([]);
});
