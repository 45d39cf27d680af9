/**
 * The start screen: the demo assembly, and files that cannot be opened.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_ASSEMBLY_NAME } from '../../main/domain/demo/generate';
import { CONTENT_SECURITY_POLICY } from '../../main/security';
import { expect, snap, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

test('the demo assembly opens with its sessions and its respondent pool', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await page.getByLabel('Your name (operator)').fill('Jonas Maes');
  await page.getByRole('button', { name: 'Continue' }).click();

  // Hold the answer to app.openDemo back a moment, to see the busy state for certain.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/rpc', async (route) => {
    if (route.request().postDataJSON()?.method === 'app.openDemo') await held;
    await route.continue();
  });
  await page.getByRole('button', { name: 'Open the demo assembly' }).click();
  await expect(page.getByRole('status')).toContainText('Preparing the demo assembly');
  await expect(page.getByRole('button', { name: 'Open the demo assembly' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Create the assembly' })).toBeDisabled();
  await snap(page, 'start-00-demo-busy');
  release();
  const header = page.getByRole('banner');
  await expect(header).toContainText(DEMO_ASSEMBLY_NAME, { timeout: 30_000 });

  const nav = page.getByRole('navigation', { name: 'Areas of the assembly' });
  await nav.getByRole('link', { name: 'Sessions & Check-in' }).click();
  await expect(page.getByRole('table', { name: 'Sessions of the assembly, in date order' }).locator('tbody tr')).toHaveCount(6);
  await snap(page, 'start-01-demo-sessions');

  await nav.getByRole('link', { name: 'Recruitment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Recruitment' })).toBeVisible();
  await expect(page.getByText('1,500 people')).toBeVisible();
  // The people list, 100 to a page.
  await expect(page.getByRole('table').first().locator('tbody tr')).toHaveCount(100);
  await snap(page, 'start-02-demo-recruitment');

  // Moving to another area puts the focus on its heading.
  await nav.getByRole('link', { name: 'Voting' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Voting' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Voting' })).toBeFocused();
  await snap(page, 'start-03-voting');
  expect(consoleErrors).toEqual([]);
});

test('a file that is not an assembly, or no file at all, gives a clear message', async ({ page, appUrl, server, consoleErrors }) => {
  const notAnAssembly = join(server.dataDir, 'minutes.txt');
  writeFileSync(notAnAssembly, 'Minutes of the preparatory meeting\n');

  await page.goto(appUrl);
  // The operator of this run is known: straight to the open assembly; close it.
  await page.getByRole('button', { name: 'Close assembly' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start' })).toBeVisible();
  // The demo is listed as recently opened.
  await expect(page.getByRole('button', { name: new RegExp(`^${DEMO_ASSEMBLY_NAME.replace(/[()]/g, '\\$&')}`) })).toBeVisible();

  const path = page.getByLabel('Path of an assembly file');
  await path.fill(notAnAssembly);
  await path.press('Enter');
  const error = page.getByRole('alert');
  await expect(error).toContainText('That file is not an Assembly Desk assembly file.');
  await expect(error).toContainText('minutes.txt');
  await expect(path).toHaveValue(notAnAssembly);
  // Focus is back on the path, which is described by the message.
  await expect(path).toBeFocused();
  await expect(path).toHaveAccessibleDescription(/That file is not an Assembly Desk assembly file/);
  await snap(page, 'start-04-not-an-assembly');

  await path.fill(join(server.dataDir, 'nowhere.assembly'));
  await page.getByRole('button', { name: 'Open the file' }).click();
  await expect(error).toContainText('There is no file at that path.');
  await expect(page.getByRole('heading', { level: 1, name: 'Start' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('the page runs under the strict content security policy, the same in the header and the page', async ({ page, appUrl, consoleErrors }) => {
  const response = await page.goto(appUrl);
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toBe(CONTENT_SECURITY_POLICY.replace(/; frame-ancestors [^;]+/, ''));
  // The app started (React rendered a page with its heading) without any policy violation.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('a team can rehearse the weekend: the venue-stage demo opens from the start page', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  const close = page.getByRole('button', { name: 'Close assembly' });
  if (await close.isVisible()) await close.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start' })).toBeVisible();
  await expect(page.getByText('a panel of 60 drawn and confirmed')).toBeVisible();
  await page.getByRole('button', { name: 'Rehearse the weekend at the venue' }).click();
  await expect(page.getByRole('banner')).toContainText(DEMO_ASSEMBLY_NAME, { timeout: 30_000 });
  // The venue stage: the panel is confirmed, so the desk expects people (the recruitment demo has none).
  const nav = page.getByRole('navigation', { name: 'Areas of the assembly' });
  await nav.getByRole('link', { name: 'Participants' }).click();
  await expect(page.getByText('There are no confirmed participants yet')).toHaveCount(0);
  await expect(page.getByRole('table').first().locator('tbody tr').first()).toBeVisible();
  await snap(page, 'start-05-rehearsal-participants');
  expect(consoleErrors).toEqual([]);
});
