/**
 * Accessibility (issue 10): axe-core (WCAG 2.0/2.1 A and AA) on every page and sub-page of the
 * app — the operator and start pages before an assembly is open, then every area of the demo
 * "at the venue" — and with a dialog open on a few pages. No serious or critical violation is
 * allowed; every violation found is printed per page (impact, rule, number of elements).
 * The keyboard test: from the top of a page, Tab reaches the skip link, the main navigation and
 * the page's first control, and every element it stops on shows a visible focus indicator.
 * The tests run in order and share one server (a new one after a failure).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Session } from '../../main/domain/sessions/types';
import type { SessionRoster } from '../../main/domain/attendance/types';
import { expect, test } from './fixtures';
import { api } from './pageApi';

// Not serial: one page's failure must not hide what the other tests would find.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

interface Found {
  page: string;
  impact: string;
  id: string;
  count: number;
  help: string;
  targets: string[];
}

async function goToHash(page: Page, hash: string) {
  await page.evaluate((h) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = h;
  }, hash);
}

/** Waits until the page has stopped loading data (no RPC in flight, no "Loading…" status). */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  // Transitions (a fading notice) must not leave half-transparent colours for the contrast check.
  await page.waitForTimeout(250);
}

async function check(page: Page, name: string, found: Found[]) {
  await settle(page);
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  for (const v of results.violations) {
    found.push({
      page: name,
      impact: v.impact ?? 'unknown',
      id: v.id,
      count: v.nodes.length,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    });
  }
  // What axe could not decide by itself (text over an image or a gradient...): listed, not failed.
  for (const v of results.incomplete) {
    found.push({ page: name, impact: 'review', id: v.id, count: v.nodes.length, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) });
  }
  if (results.violations.length === 0) found.push({ page: name, impact: 'none', id: '-', count: 0, help: '', targets: [] });
}

function summary(found: Found[]): string {
  const lines: string[] = [];
  const pages = [...new Set(found.map((f) => f.page))];
  for (const p of pages) {
    const rows = found.filter((f) => f.page === p && f.impact !== 'none' && f.impact !== 'review');
    const review = found.filter((f) => f.page === p && f.impact === 'review');
    const reviewNote = review.length > 0 ? ` (to review by hand: ${review.map((r) => `${r.id} ×${r.count}`).join(', ')})` : '';
    if (rows.length === 0) {
      lines.push(`${p}: no violations${reviewNote}`);
      continue;
    }
    lines.push(`${p}:${reviewNote}`);
    for (const r of rows) lines.push(`  ${r.impact.padEnd(9)} ${r.id} ×${r.count}  (${r.help}) ${r.targets.join(' | ')}`);
  }
  return lines.join('\n');
}

function blocking(found: Found[]): string[] {
  return found.filter((f) => BLOCKING.has(f.impact)).map((f) => `${f.page}: ${f.impact} ${f.id} ×${f.count} — ${f.targets.join(' | ')}`);
}

/** The operator page (if the server does not know the operator yet), then the start page. */
async function toStartPage(page: Page, appUrl: string) {
  await page.goto(appUrl);
  const operator = page.getByLabel('Your name (operator)');
  const start = page.getByRole('heading', { level: 1, name: 'Start' });
  const nav = page.getByRole('navigation', { name: 'Areas of the assembly' });
  await expect(operator.or(start).or(nav)).toBeVisible();
  if (await operator.isVisible()) {
    await operator.fill('Ines Claes');
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  if (await nav.isVisible()) await page.getByRole('button', { name: 'Close assembly' }).click();
  await expect(start).toBeVisible();
}

async function openVenueDemo(page: Page, appUrl: string) {
  await toStartPage(page, appUrl);
  await api(page, 'app.openDemo', { stage: 'venue' });
  await goToHash(page, '#/sessions');
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Areas of the assembly' })).toBeVisible({ timeout: 30_000 });
}

/** Every page and sub-page of an open assembly, with the name of its h1. */
const PAGES: { name: string; hash: string; h1: string | null }[] = [
  { name: 'Recruitment · people', hash: '#/recruitment', h1: 'Recruitment' },
  { name: 'Recruitment · import', hash: '#/recruitment/import', h1: 'Recruitment' },
  { name: 'Recruitment · quotas', hash: '#/recruitment/quotas', h1: 'Recruitment' },
  { name: 'Recruitment · duplicates', hash: '#/recruitment/duplicates', h1: 'Recruitment' },
  { name: 'Recruitment · letters', hash: '#/recruitment/letters', h1: 'Recruitment' },
  { name: 'Selection', hash: '#/selection', h1: 'Selection' },
  { name: 'Participants', hash: '#/participants', h1: 'Participants' },
  { name: 'Participants · per diem', hash: '#/participants/perdiem', h1: 'Participants' },
  { name: 'Sessions', hash: '#/sessions', h1: 'Sessions & Check-in' },
  { name: 'Sessions · check-in desk', hash: '#/sessions/checkin', h1: 'Sessions & Check-in' },
  { name: 'Sessions · dashboard', hash: '#/sessions/dashboard', h1: 'Sessions & Check-in' },
  { name: 'Sessions · sign-in sheets', hash: '#/sessions/paper', h1: 'Sessions & Check-in' },
  { name: 'Agenda', hash: '#/agenda', h1: 'Agenda' },
  { name: 'Agenda · people', hash: '#/agenda/people', h1: 'Agenda' },
  { name: 'Agenda · balance', hash: '#/agenda/balance', h1: 'Agenda' },
  { name: 'Agenda · settings', hash: '#/agenda/settings', h1: 'Agenda' },
  { name: 'Tables', hash: '#/tables', h1: 'Tables' },
  { name: 'Voting · ballots', hash: '#/voting', h1: 'Voting' },
  { name: 'Voting · count', hash: '#/voting/count', h1: 'Voting' },
  { name: 'Voting · results', hash: '#/voting/results', h1: 'Voting' },
  // The room screen is a modal dialog over the whole window.
  { name: 'Voting · room screen', hash: '#/voting/room', h1: null },
  { name: 'Reports', hash: '#/reports', h1: 'Reports' },
  { name: 'Settings', hash: '#/settings', h1: 'Settings' },
  { name: 'Settings · translations', hash: '#/settings/translations', h1: 'Translations' },
];

/** Prints every violation found (any impact), then fails on the serious and critical ones. */
function report(found: Found[]) {
  console.log(`\naxe-core violations per page (tags ${TAGS.join(', ')}):\n${summary(found)}\n`);
  expect(blocking(found), summary(found)).toEqual([]);
}

test('the operator and start pages have no serious or critical violations', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await expect(page.getByLabel('Your name (operator)')).toBeVisible();
  const mine: Found[] = [];
  await check(page, 'Operator', mine);
  await page.getByLabel('Your name (operator)').fill('Ines Claes');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start' })).toBeVisible();
  await check(page, 'Start (no assembly)', mine);
  report(mine);
  expect(consoleErrors).toEqual([]);
});

test('every page of the venue demo has no serious or critical violations', async ({ page, appUrl, consoleErrors }) => {
  test.setTimeout(180_000);
  await openVenueDemo(page, appUrl);
  const mine: Found[] = [];
  for (const p of PAGES) {
    await goToHash(page, p.hash);
    if (p.h1) await expect(page.getByRole('heading', { level: 1, name: p.h1 })).toBeVisible({ timeout: 15_000 });
    else await expect(page.getByRole('dialog')).toBeVisible({ timeout: 15_000 });
    await check(page, p.name, mine);
    if (p.hash === '#/voting/room') {
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();
    }
  }
  report(mine);
  expect(consoleErrors).toEqual([]);
});

test('pages with a dialog open have no serious or critical violations', async ({ page, appUrl, consoleErrors }) => {
  test.setTimeout(120_000);
  await openVenueDemo(page, appUrl);
  const mine: Found[] = [];

  // Sessions: the session form.
  await goToHash(page, '#/sessions');
  await page.getByRole('button', { name: /^Edit Weekend 1/ }).first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await check(page, 'Sessions · session form (dialog)', mine);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  // Check-in desk: the excuse dialog, for someone expected at the last session.
  const sessions = await api<Session[]>(page, 'sessions.list', {});
  const last = sessions[sessions.length - 1]!;
  const roster = await api<SessionRoster>(page, 'attendance.roster', { sessionId: last.id });
  const expected = roster.rows.find((r) => r.state === 'expected')!;
  expect(expected, 'someone still expected at the last session').toBeTruthy();
  await goToHash(page, '#/sessions/checkin');
  await expect(page.getByRole('heading', { level: 2, name: 'Check-in desk' })).toBeVisible();
  await page.getByLabel('Session', { exact: true }).selectOption(last.id);
  await page.getByLabel('Name or badge code').fill(expected.code);
  const name = `${expected.firstName} ${expected.lastName}`;
  await page.getByRole('button', { name: `Excuse the absence of ${name}` }).click();
  await expect(page.getByRole('dialog', { name: `Excuse the absence of ${name}` })).toBeVisible();
  await check(page, 'Check-in desk · excuse (dialog)', mine);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  // Voting: the ballot form.
  await goToHash(page, '#/voting');
  await expect(page.getByRole('heading', { level: 2, name: 'Ballots' })).toBeVisible();
  await page.getByRole('button', { name: 'New ballot' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'New ballot' })).toBeVisible();
  await check(page, 'Voting · ballot form', mine);

  // Agenda: the form for an expert or guest.
  await goToHash(page, '#/agenda/people');
  await page.getByRole('button', { name: 'Add an expert or guest' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await check(page, 'Agenda · expert or guest (dialog)', mine);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  // Recruitment: a person's record.
  await goToHash(page, '#/recruitment');
  await expect(page.getByRole('heading', { level: 1, name: 'Recruitment' })).toBeVisible();
  await settle(page);
  await page.getByRole('table').first().locator('tbody tr').first().getByRole('button').first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await check(page, 'Recruitment · person (dialog)', mine);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  report(mine);
  expect(consoleErrors).toEqual([]);
});

interface Stop {
  tag: string;
  text: string;
  inNav: boolean;
  inMain: boolean;
  indicator: boolean;
  style: string;
}

/** Where the focus is now, and whether it shows a ring (outline or box-shadow). */
async function focused(page: Page): Promise<Stop | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    const shadow = s.boxShadow !== 'none' && s.boxShadow !== '';
    // The calendar button inside a date input: the input is the active element but does not
    // match :focus, and the button is ringed by Chromium itself (the page's CSS cannot reach it).
    const pickerButton = el instanceof HTMLInputElement && /^(date|time|datetime-local|month|week)$/.test(el.type) && !el.matches(':focus');
    return {
      tag: el.tagName.toLowerCase(),
      text: (
        el.getAttribute('aria-label') ??
        ((el as HTMLInputElement).labels?.[0]?.textContent ? `${(el as HTMLInputElement).labels![0]!.textContent} [${(el as HTMLInputElement).type}]` : null) ??
        el.textContent ??
        ''
      )
        .trim()
        .slice(0, 60),
      inNav: !!el.closest('nav[aria-label]') && el.closest('main') === null,
      inMain: !!el.closest('main'),
      indicator: outline || shadow || pickerButton,
      style: `outline: ${s.outlineStyle} ${s.outlineWidth}; box-shadow: ${s.boxShadow}`,
    };
  });
}

/** Puts the sequential focus starting point at the very top of the document. */
async function focusTop(page: Page) {
  await page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    active?.blur();
    const body = document.body;
    body.tabIndex = -1;
    body.focus();
    body.removeAttribute('tabindex');
  });
}

test('from the top of a page, Tab reaches the navigation and the page\'s controls, each with a visible focus ring', async ({ page, appUrl, consoleErrors }) => {
  test.setTimeout(120_000);
  // The start page, before an assembly is open: Tab reaches its first control.
  await toStartPage(page, appUrl);
  await focusTop(page);
  await page.keyboard.press('Tab');
  let stop = await focused(page);
  expect(stop, 'Tab from the top of the start page focuses something').not.toBeNull();
  for (let i = 0; i < 5 && stop && !stop.inMain; i++) {
    expect(stop.indicator, `${stop.tag} "${stop.text}" shows its focus (${stop.style})`).toBe(true);
    await page.keyboard.press('Tab');
    stop = await focused(page);
  }
  expect(stop?.inMain, 'Tab reaches the start page controls').toBe(true);
  expect(stop!.indicator, `${stop!.tag} "${stop!.text}" shows its focus (${stop!.style})`).toBe(true);

  await openVenueDemo(page, appUrl);
  for (const p of PAGES.filter((x) => x.h1 !== null)) {
    await goToHash(page, p.hash);
    await expect(page.getByRole('heading', { level: 1, name: p.h1! })).toBeVisible({ timeout: 15_000 });
    await settle(page);
    // A page without any control of its own (a placeholder) has nothing for Tab to reach in it.
    const controls = await page.locator('main').locator('a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex="0"]').count();
    await focusTop(page);
    const stops: Stop[] = [];
    let reachedNav = false;
    let first: Stop | null = null;
    for (let i = 0; i < (controls > 0 ? 40 : 14); i++) {
      await page.keyboard.press('Tab');
      const s = await focused(page);
      if (!s) continue;
      stops.push(s);
      if (s.inNav) reachedNav = true;
      if (s.inMain) {
        first = s;
        break;
      }
    }
    const trail = stops.map((s) => `${s.tag} "${s.text}"`).join(' → ');
    expect(stops[0]?.text, `${p.name}: the first Tab stop is the skip link (${trail})`).toBe('Skip to the content');
    expect(reachedNav, `${p.name}: Tab reaches the main navigation (${trail})`).toBe(true);
    if (controls > 0) expect(first, `${p.name}: Tab reaches the page's first control (${trail})`).not.toBeNull();
    if (controls === 0) {
      for (const s of stops) expect(s.indicator, `${p.name}: ${s.tag} "${s.text}" shows its focus (${s.style})`).toBe(true);
      continue;
    }
    // On through the page's own controls: each one shows where the focus is.
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const s = await focused(page);
      if (!s || !s.inMain) break;
      stops.push(s);
    }
    for (const s of stops) expect(s.indicator, `${p.name}: ${s.tag} "${s.text}" shows its focus (${s.style})`).toBe(true);

    // The skip link goes straight to the content: the next Tab is in the main region.
    await focusTop(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const afterSkip = await focused(page);
    expect(afterSkip?.inMain, `${p.name}: after the skip link, Tab lands in the page (${afterSkip?.tag} "${afterSkip?.text}")`).toBe(true);
    expect(afterSkip?.indicator, `${p.name}: ${afterSkip?.tag} "${afterSkip?.text}" shows its focus (${afterSkip?.style})`).toBe(true);
  }

  // A navigation link works with Enter: the page changes and its heading has the focus.
  await goToHash(page, '#/sessions');
  await page.getByRole('navigation', { name: 'Areas of the assembly' }).getByRole('link', { name: 'Voting' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Voting' })).toBeFocused();
  expect(consoleErrors).toEqual([]);
});
