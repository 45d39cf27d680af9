/**
 * Per-diem at the venue: the rules typed in euros, the payments of the demo's first weekend
 * (16–17 January 2027) and their CSV. Per-diem is only paid for sessions that have started, so
 * this file's server runs on a clock that starts the Monday after that weekend.
 */
import { readFileSync } from 'node:fs';
import type { PaymentsList, RosterEntry, SessionRoster } from '../../main/domain/attendance/types';
import type { Session } from '../../main/domain/sessions/types';
import { expect, snap, test } from './fixtures';
import { api, goToHash } from './pageApi';

test.use({ serverClock: '2027-01-18T09:00:00.000Z' });

test('per-diem rules typed in euros give the right payments for the first weekend, exported as CSV', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await page.getByLabel('Your name (operator)').fill('Lotte Vermeulen');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start' })).toBeVisible();
  await api(page, 'app.openDemo', { stage: 'venue' });
  await goToHash(page, '#/participants');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Participants' })).toBeVisible({ timeout: 30_000 });
  const matrix = page.getByRole('table', { name: 'Confirmed participants and their attendance per session' });
  await expect(matrix.locator('tbody tr')).toHaveCount(60);
  await snap(page, 'attendance-09-participants');

  // Badges as PDF, in French.
  await page.getByLabel('Language of the badges').selectOption('fr');
  const badgesDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Badges (PDF)' }).click();
  expect(readFileSync((await (await badgesDownload).path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // A participant who came to both days of the first weekend on time, and to nothing else; and one late on the Saturday.
  const sessions = (await api<Session[]>(page, 'sessions.list', {})).sort((x, y) => x.date.localeCompare(y.date));
  const rosters = await Promise.all(sessions.map((s) => api<SessionRoster>(page, 'attendance.roster', { sessionId: s.id })));
  const entry = (i: number, personId: string) => rosters[i]!.rows.find((r) => r.personId === personId)!;
  const attended = (r: RosterEntry) => r.state === 'present' || r.state === 'left';
  const onlyWeekend1 = (personId: string) => [2, 3, 4, 5].every((i) => !attended(entry(i, personId)));
  const onTime = rosters[0]!.rows.find(
    (r) => onlyWeekend1(r.personId) && !r.needs.childcare && [0, 1].every((i) => attended(entry(i, r.personId)) && !entry(i, r.personId).lateMinutes && !entry(i, r.personId).earlyMinutes),
  )!;
  const late = rosters[0]!.rows.find(
    (r) => onlyWeekend1(r.personId) && !r.needs.childcare && (r.lateMinutes ?? 0) > 30 && attended(entry(1, r.personId)) && !entry(1, r.personId).lateMinutes && !entry(1, r.personId).earlyMinutes,
  );
  expect(onTime).toBeTruthy();

  await page.getByRole('navigation', { name: 'Parts of participants' }).getByRole('link', { name: 'Per-diem' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Per-diem rules' })).toBeVisible();
  await page.getByLabel('Full day').fill('60,00');
  await page.getByLabel('Half day').fill('30.50');
  await page.getByLabel('Travel, per day').fill('12,5');
  await page.getByLabel('Childcare, per day').fill('abc');
  await page.getByLabel('Half-day threshold').fill('30');
  await page.getByRole('button', { name: 'Save the rules' }).click();
  const childcare = page.getByLabel('Childcare, per day');
  await expect(childcare).toHaveAttribute('aria-invalid', 'true');
  await expect(childcare).toHaveAccessibleDescription(/Enter an amount in euros, for example 12,50 or 12.50./);
  await expect(childcare).toBeFocused();
  await childcare.fill('20');
  await page.getByRole('button', { name: 'Save the rules' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Per-diem rules saved' })).toBeVisible();
  expect(await api(page, 'perDiem.rules', {})).toEqual({ fullDayCents: 6000, halfDayCents: 3050, travelCents: 1250, childcareCents: 2000, thresholdMinutes: 30 });

  const payments = page.getByRole('table', { name: 'Per-diem payments per participant' });
  const paymentRow = (r: RosterEntry) => payments.getByRole('row', { name: new RegExp(`${r.lastName}, ${r.firstName}`) });
  // Two full days: 2 × 60,00 + 2 × 12,50 travel.
  await expect(paymentRow(onTime).getByRole('cell')).toHaveText([onTime.code, '2', '0', '€120.00', '€25.00', '€0.00', '€145.00']);
  if (late) {
    // Late on Saturday (a half day), on time on Sunday: 60,00 + 30,50 + 2 × 12,50.
    await expect(paymentRow(late).getByRole('cell')).toHaveText([late.code, '1', /^1 \(.*: arrived late\)$/, '€90.50', '€25.00', '€0.00', '€115.50']);
  }
  const list = await api<PaymentsList>(page, 'perDiem.payments', {});
  const total = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(list.totalCents / 100);
  await expect(payments.locator('tfoot')).toContainText(total);
  await paymentRow(onTime).scrollIntoViewIfNeeded();
  await snap(page, 'attendance-10-perdiem');

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^per-diem-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync((await csv.path())!, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
  // The headers in the screen's language (English here).
  expect(lines[0]).toBe('Code;Last name;First name;IBAN;Full days;Half days;Per diem (EUR);Travel (EUR);Childcare (EUR);Total (EUR)');
  expect(lines.find((l) => l.startsWith(`${onTime.code};`))).toMatch(/;2;0;120,00;25,00;0,00;145,00$/);
  expect(consoleErrors).toEqual([]);
});
