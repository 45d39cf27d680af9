/**
 * Small-group tables on the demo "at the venue" (60 confirmed participants, weekend 1 checked in):
 * a plan for a weekend-2 session (tables of 8, language kept together), a swap by keyboard with
 * the score following, a swap across languages refused, the re-plan for those present on
 * weekend 1 after more check-ins, and the wall list as PDF; then the empty state of a new assembly.
 * The tests share one server and run in order.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { SessionRoster } from '../../main/domain/attendance/types';
import { expect, snap, test } from './fixtures';
import { api, goToHash, sessionNamed } from './pageApi';

test.describe.configure({ mode: 'serial' });

const cards = (page: Page) => page.locator('.table-card');
const scoreText = (page: Page) => page.getByTestId('tables-score-total').textContent();

/** The first spread value shown on a member (the gender tag with the default modes). */
async function firstTag(member: Locator): Promise<string> {
  return ((await member.locator('.tag').first().textContent()) ?? '').replace(/^.*?:\s*/, '');
}

test('a plan for weekend 2: tables of 8, one language each, swaps by keyboard and the refusals', async ({ page, appUrl, consoleErrors }) => {
  test.setTimeout(120_000);
  await page.goto(appUrl);
  await page.getByLabel('Your name (operator)').fill('Lotte Vermeulen');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start' })).toBeVisible();
  await api(page, 'app.openDemo', { stage: 'venue' });
  // A facilitator, so that the tables can be given one.
  await api(page, 'contributors.create', {
    name: 'Inès Dubois',
    role: 'facilitator',
    organisation: 'Dialogue asbl',
    topics: [],
    perspectiveId: null,
    languages: ['fr', 'nl'],
    email: null,
    phone: null,
    availability: [],
    feeCents: 0,
    travelCents: 0,
    consentPublish: true,
    status: 'confirmed',
    notes: '',
  });
  await goToHash(page, '#/tables');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Tables' })).toBeVisible({ timeout: 30_000 });

  const weekend2 = await sessionNamed(page, 'Weekend 2 — Saturday');
  await page.getByLabel('Session', { exact: true }).selectOption(weekend2.id);
  await expect(page.getByText('There is no table plan for round 1')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Round 1' })).toHaveAttribute('aria-pressed', 'true');
  // The defaults: language kept together, province ignored, the rest mixed.
  await expect(page.getByLabel('Language', { exact: true })).toHaveValue('cluster');
  await expect(page.getByLabel('Province', { exact: true })).toHaveValue('ignore');
  await expect(page.getByLabel('Gender', { exact: true })).toHaveValue('diversify');
  await expect(page.getByLabel('People per table')).toHaveValue('8');
  await snap(page, 'tables-01-form');

  await page.getByLabel('Search effort').fill('1');
  await page.getByRole('button', { name: 'Make the plan' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Tables for round 1' })).toBeFocused({ timeout: 20_000 });
  await expect(page.getByRole('status')).toContainText('The plan for round 1 is made');

  // Every table: at most 8, one language.
  const count = await cards(page).count();
  expect(count).toBeGreaterThanOrEqual(8);
  let seated = 0;
  for (let i = 0; i < count; i++) {
    const card = cards(page).nth(i);
    const members = card.locator('.table-member');
    const n = await members.count();
    expect(n).toBeLessThanOrEqual(8);
    seated += n;
    const languages = new Set((await card.locator('.table-member-lang').allTextContents()).map((s) => s.replace(/^.*:\s*/, '').trim()));
    expect(languages.size).toBe(1);
  }
  expect(seated).toBe(60);
  const score0 = await scoreText(page);
  expect(score0).toMatch(/\d/);
  await expect(page.getByText('The score adds up how far each table')).toBeVisible();
  await snap(page, 'tables-02-plan');

  // A facilitator for table 1.
  await page.getByLabel('Facilitator').first().selectOption({ label: 'Inès Dubois' });
  await expect(page.getByRole('status')).toContainText('Inès Dubois facilitates table 1.');

  // Swap two people of the same language, keyboard only: Enter on one, Enter on the other, Enter on Swap.
  const groupOf = async (i: number) => ((await cards(page).nth(i).locator('.table-card-group').textContent()) ?? '').replace(/^.*:\s*/, '');
  const first = cards(page).nth(0);
  const firstGroup = await groupOf(0);
  let sameIdx = -1;
  let otherIdx = -1;
  for (let i = 1; i < count; i++) {
    const g = await groupOf(i);
    if (g === firstGroup && sameIdx < 0) sameIdx = i;
    if (g !== firstGroup && otherIdx < 0) otherIdx = i;
  }
  expect(sameIdx).toBeGreaterThan(0);
  expect(otherIdx).toBeGreaterThan(0);
  const a = first.locator('.table-member').first();
  const aName = (await a.locator('.table-member-name').textContent())!;
  const aTag = await firstTag(a);
  const candidates = cards(page).nth(sameIdx).locator('.table-member');
  let b = candidates.first();
  for (let i = 0; i < (await candidates.count()); i++) {
    if ((await firstTag(candidates.nth(i))) !== aTag) {
      b = candidates.nth(i);
      break;
    }
  }
  const bName = (await b.locator('.table-member-name').textContent())!;
  await a.focus();
  await page.keyboard.press('Enter');
  await expect(a).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('region', { name: 'Swap or move' })).toContainText(`${aName} (table 1) is picked`);
  await b.focus();
  await page.keyboard.press('Enter');
  const swapButton = page.getByRole('button', { name: 'Swap', exact: true });
  await expect(swapButton).toBeFocused();
  await snap(page, 'tables-03-two-picked');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText(`${aName} now sits at table ${sameIdx + 1}`);
  await expect(page.getByRole('status')).toContainText(`${bName} at table 1`);
  await expect(page.getByTestId('tables-score-total')).not.toHaveText(score0!);
  await expect(page.getByTestId('tables-score-total')).toContainText('(was');
  // The focus follows the person who moved.
  await expect(page.locator('.table-member:focus .table-member-name')).toHaveText(aName);
  await expect(cards(page).nth(sameIdx).locator('.table-member-name', { hasText: aName })).toHaveCount(1);

  // Across languages: refused, with the reason.
  await cards(page).nth(0).locator('.table-member').first().click();
  await cards(page).nth(otherIdx).locator('.table-member').first().click();
  await swapButton.click();
  await expect(page.getByRole('alert')).toContainText('different groups');
  await snap(page, 'tables-04-refused');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('.table-member[aria-pressed="true"]')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test("weekend 1: the demo's plan, three more check-ins, the re-plan for those present, and the wall list", async ({ page, appUrl, consoleErrors }) => {
  test.setTimeout(120_000);
  await page.goto(appUrl);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
  await goToHash(page, '#/tables');
  await expect(page.getByRole('heading', { level: 1, name: 'Tables' })).toBeVisible();
  const weekend1 = await sessionNamed(page, 'Weekend 1 — Saturday');
  await page.getByLabel('Session', { exact: true }).selectOption(weekend1.id);
  // The demo at the venue comes with the first weekend's tables already planned.
  await expect(page.getByRole('heading', { level: 2, name: 'Tables for round 1' })).toBeVisible({ timeout: 20_000 });

  // Three more people come in (or come back) at the desk; two of the 58 expected stay away, so the
  // re-plan has seats to free. (Checking in all five who are not here would leave nothing to re-balance.)
  const roster = await api<SessionRoster>(page, 'attendance.roster', { sessionId: weekend1.id });
  expect(roster.present).toBe(53);
  const notHere = roster.rows.filter((r) => r.state === 'expected' || r.state === 'left').slice(0, 3);
  expect(notHere.length).toBe(3);
  // Those who left come back: their check-out is undone. (The demo's weekend lies ahead of the real clock, and a
  // check-in at a typed time after their departure would be in the future, which the desk refuses.)
  for (const r of notHere) {
    if (r.state === 'left') await api(page, 'attendance.undo', { eventId: r.undoable.find((u) => u.kind === 'checkOut')!.eventId });
    else await api(page, 'attendance.checkIn', { sessionId: weekend1.id, personId: r.personId });
  }
  // The re-plan seats those present now: the roster is asked again on the way.
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Tables for round 1' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('56 people are checked in')).toBeVisible();
  await page.getByRole('button', { name: 'Re-plan for those present' }).click();
  await expect(page.getByRole('status')).toContainText(/Re-planned for those present: \d+ (people|person) moved \(in [\d.]+ s\)/, { timeout: 20_000 });
  await expect(page.locator('.tables-replanned')).toContainText(/\d+ (people|person) moved/);
  const moved = Number(/(\d+) (?:people|person) moved/.exec((await page.locator('.tables-replanned').textContent())!)![1]);
  expect(moved).toBeGreaterThan(0);
  await expect(page.locator('.tables-score')).toContainText('56 people at 8 tables');
  await expect(page.locator('.table-member-moved')).toHaveCount(moved);
  await snap(page, 'tables-05-replanned');

  // A second round, then back.
  await page.getByRole('button', { name: '+ round' }).click();
  await expect(page.getByRole('button', { name: 'Round 2' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('There is no table plan for round 2')).toBeVisible();
  await page.getByRole('button', { name: 'Round 1' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Tables for round 1' })).toBeVisible();

  // The wall list, in Dutch.
  await page.getByLabel('Language of the lists').selectOption('nl');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Wall list (PDF)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^tables-wall-\d{4}-\d{2}-\d{2}-round1\.pdf$/);
  expect(readFileSync((await download.path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(consoleErrors).toEqual([]);
});

test('Dutch, and a new assembly without participants', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
  await api(page, 'app.setLanguage', { language: 'nl' });
  await goToHash(page, '#/tables');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Tafels' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 2, name: 'Tafels voor ronde 1' })).toBeVisible();
  await snap(page, 'tables-06-dutch');

  await api(page, 'app.createAssembly', { name: 'Leeg', panelSize: 30 });
  await api(page, 'sessions.create', { name: 'Dag 1', date: '2027-03-06', startTime: '09:30', endTime: '17:00', kind: 'plenary' });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Tafels' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Er zijn nog geen bevestigde deelnemers om te plaatsen.')).toBeVisible();
  await snap(page, 'tables-07-empty');
  await api(page, 'app.setLanguage', { language: 'en' });
  expect(consoleErrors).toEqual([]);
});
