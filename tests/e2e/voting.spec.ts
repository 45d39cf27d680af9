/**
 * Voting on the demo "at the venue": a three-item ballot created through the page in weekend 1,
 * Saturday; operator A enters the counts with the keyboard (more papers than members present is
 * refused at the cell first); operator B takes over and enters them with a typo; the difference
 * is shown with both values, fixed, the result finalised, and shown on the room screen.
 * The tests share one server and run in order.
 */
import type { Page } from '@playwright/test';
import type { Ballot } from '../../main/domain/voting/types';
import type { Session } from '../../main/domain/sessions/types';
import type { SessionRoster } from '../../main/domain/attendance/types';
import { expect, snap, test } from './fixtures';
import { api, goToHash } from './pageApi';

test.describe.configure({ mode: 'serial' });

/** Types a row of the grid from its first cell on, Tab between the cells. */
async function typeRow(page: Page, values: number[]) {
  for (const [i, v] of values.entries()) {
    await page.keyboard.press('Control+A');
    await page.keyboard.type(String(v));
    if (i < values.length - 1) await page.keyboard.press('Tab');
  }
}

const RIGHT = [
  [40, 6, 2, 0, 0],
  [28, 18, 2, 1, 0],
  [32, 16, 1, 0, 1],
];

test('two operators count a three-item ballot, a typo is caught, the result is finalised and shown in the room', async ({ page, appUrl, consoleErrors }) => {
  test.setTimeout(120_000);
  await page.goto(appUrl);
  await page.getByLabel('Your name (operator)').fill('Operator A');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start' })).toBeVisible();
  await api(page, 'app.openDemo', { stage: 'venue' });
  const sessions = await api<Session[]>(page, 'sessions.list', {});
  const saturday = sessions.find((s) => s.name.startsWith('Weekend 1') && /Saturday/.test(s.name))!;
  const sunday = sessions.find((s) => s.name.startsWith('Weekend 1') && /Sunday/.test(s.name))!;
  expect(saturday, sessions.map((s) => s.name).join(', ')).toBeTruthy();
  const roster = await api<SessionRoster>(page, 'attendance.roster', { sessionId: saturday.id });
  const rosterPresent = roster.rows.filter((r) => r.state === 'present' || r.state === 'left').length;

  await goToHash(page, '#/voting');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Voting' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 2, name: 'Ballots' })).toBeVisible();

  // Weekend 1, Sunday: the demo's finalised ballot of twelve recommendations.
  const sessionSelect = page.getByLabel('Session', { exact: true });
  await sessionSelect.selectOption(sunday.id);
  const demoRow = page.getByRole('row', { name: /Recommendations on party funding/ });
  await expect(demoRow).toContainText('Finalised');
  await expect(demoRow).toContainText('12');
  await snap(page, 'voting-01-ballots-demo');

  // Weekend 1, Saturday: no ballot yet.
  await sessionSelect.selectOption(saturday.id);
  await expect(page.getByText('No ballots yet.')).toBeVisible();

  // A new ballot through the form: two thirds, three items, texts in three languages.
  await page.getByRole('button', { name: 'New ballot' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'New ballot' })).toBeVisible();
  await page.getByLabel('Title of the ballot').fill('Recommendations on the electoral threshold');
  await expect(page.getByRole('radio', { name: 'For / against / abstain' })).toBeChecked();
  await page.getByLabel('Adopted when').selectOption('twoThirds');
  const items = page.locator('.vote-item-edit');
  const titles = ['Lower the threshold to 3 %', 'One threshold for the whole country', 'Review the threshold every ten years'];
  for (const [i, title] of titles.entries()) {
    if (i > 0) {
      await page.getByRole('button', { name: 'Add an item' }).click();
      // Focus goes to the new item's number.
      await expect(items.nth(i).getByLabel('Number')).toBeFocused();
    }
    await items.nth(i).getByLabel('Number').fill(`R${i + 1}`);
    await items.nth(i).getByLabel('Title', { exact: true }).fill(title);
    await items.nth(i).getByLabel('Text in Dutch').fill(`Aanbeveling ${i + 1}`);
    await items.nth(i).getByLabel('Text in French').fill(`Recommandation ${i + 1}`);
  }
  // Reorder: R3 up and back down.
  await page.getByRole('button', { name: 'Move item R3 up' }).click();
  await expect(items.nth(1).getByLabel('Number')).toHaveValue('R3');
  await page.getByRole('button', { name: 'Move item R3 down' }).click();
  await expect(items.nth(2).getByLabel('Number')).toHaveValue('R3');
  await snap(page, 'voting-02-ballot-form');
  await page.getByRole('button', { name: 'Create the ballot' }).click();
  await expect(page.getByRole('status')).toContainText('was created');
  const row = page.getByRole('row', { name: /electoral threshold/ });
  await expect(row).toContainText('Open · no counts yet');
  await expect(row).toContainText('For / against / abstain');
  await snap(page, 'voting-03-ballot-created');

  // Operator A: entry 1.
  await page.getByRole('link', { name: 'Enter the counts', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Count' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Recommendations on the electoral threshold' })).toBeVisible();
  await expect(page.locator('.vote-operator')).toContainText('Operator A');
  await expect(page.getByRole('radio', { name: /Entry 1/ })).toBeChecked();
  // The eligible voters as the page states them (members checked in for the session).
  const eligible = await page.locator('.vote-facts').getByText(/^\d+ present \(panel of 60\)$/).textContent();
  const present = Number(/^(\d+)/.exec(eligible ?? '')![1]);
  expect(present, `the roster says ${rosterPresent} checked in`).toBeGreaterThanOrEqual(50);

  // First a slip: more papers than members present, refused at the cell.
  await page.getByLabel('R1: For').click();
  await typeRow(page, [present, 10, 2, 0, 0]);
  await expect(page.locator('.vote-total').first()).toContainText(`${present + 12} of ${present}`);
  await page.keyboard.press('Enter');
  const totalError = page.locator('.vote-total .vote-cell-error').first();
  await expect(totalError).toHaveText(`More papers (${present + 12}) than members present (${present}).`);
  await expect(page.getByLabel('R1: For')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Some counts cannot be accepted: see the marked cells.')).toBeVisible();
  await snap(page, 'voting-04-too-many-papers');

  // The counts, keyboard only: Tab goes along the row and on to the next row.
  await page.getByLabel('R1: For').click();
  for (const [i, values] of RIGHT.entries()) {
    await typeRow(page, values);
    if (i < RIGHT.length - 1) {
      await page.keyboard.press('Tab');
      await expect(page.getByLabel(`R${i + 2}: For`)).toBeFocused();
    }
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Entry 1 saved by Operator A.');
  await expect(page.locator('.vote-slot').first()).toContainText('by Operator A');
  await expect(page.getByRole('button', { name: 'Finalise the result' })).toBeDisabled();
  await snap(page, 'voting-05-entry-1');

  // Operator B takes over the keyboard: entry 2, blind to entry 1, with a typo in R2.
  await page.getByRole('button', { name: 'Change operator' }).click();
  await page.getByLabel('Name of the operator taking over').fill('Operator B');
  await page.getByRole('button', { name: 'Take over' }).click();
  await expect(page.locator('.operator strong')).toHaveText('Operator B');
  await expect(page.locator('.vote-operator')).toContainText('Operator B');
  await expect(page.getByRole('radio', { name: /Entry 2/ })).toBeChecked();
  await expect(page.getByLabel('R1: For')).toHaveValue('');
  await page.getByLabel('R1: For').click();
  const typo = [RIGHT[0]!, [28, 2, 18, 1, 0], RIGHT[2]!];
  for (const [i, values] of typo.entries()) {
    await typeRow(page, values);
    if (i < typo.length - 1) await page.keyboard.press('Tab');
  }
  await page.getByRole('button', { name: 'Save entry 2' }).click();
  await expect(page.getByRole('status')).toContainText('Entry 2 saved by Operator B.');
  await expect(page.getByRole('heading', { name: 'The entries differ in 2 places' })).toBeVisible();
  const differing = page.locator('.vote-grid .vote-cell-differs');
  await expect(differing).toHaveCount(2);
  await expect(differing.nth(0)).toContainText('Entry 1: 18 Entry 2: 2');
  await expect(differing.nth(1)).toContainText('Entry 1: 2 Entry 2: 18');
  await expect(page.getByRole('button', { name: 'Finalise the result' })).toBeDisabled();
  await snap(page, 'voting-06-differences');

  // B checks the papers and fixes the entry.
  await page.getByLabel('R2: Against').fill('18');
  await page.getByLabel('R2: Abstain').fill('2');
  await page.getByRole('button', { name: 'Save entry 2 again' }).click();
  await expect(page.getByText('The two entries agree: the result below can be finalised.')).toBeVisible();
  await expect(page.locator('.vote-cell-differs')).toHaveCount(0);
  const finalise = page.getByRole('button', { name: 'Finalise the result' });
  await expect(finalise).toBeEnabled();
  // Finalising locks the counts: it asks first, and "Not yet" changes nothing.
  await finalise.click();
  const confirm = page.getByRole('alertdialog', { name: 'Finalise this result?' });
  await expect(confirm).toContainText('will be locked and the result announced as final');
  await expect(confirm.getByRole('button', { name: 'Not yet' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Not yet' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /Finalised: the counts are locked/ })).toHaveCount(0);
  await finalise.click();
  await confirm.getByRole('button', { name: 'Yes, finalise' }).click();
  await expect(page.getByRole('heading', { name: /Finalised: the counts are locked/ })).toBeFocused();
  await expect(page.getByRole('status')).toContainText('The result is finalised and locked.');
  const result = page.locator('.vote-result-table');
  await expect(result.getByRole('row', { name: /R1/ })).toContainText('87.0%');
  await expect(result.getByRole('row', { name: /R1/ })).toContainText('Adopted');
  await expect(result.getByRole('row', { name: /R2/ })).toContainText('Not adopted');
  await expect(result.getByRole('row', { name: /R3/ })).toContainText('Adopted');
  await snap(page, 'voting-07-finalised');

  // Results for the secretariat.
  await page.getByRole('link', { name: 'Results' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Results' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Recommendations on the electoral threshold' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Recommendations on party funding' })).toBeVisible();
  await snap(page, 'voting-08-results');

  // The room screen: item 1 adopted with its percentages, Right arrow to item 2.
  await page.locator('.vote-result-panel', { hasText: 'electoral threshold' }).getByRole('link', { name: 'On the room screen' }).click();
  const room = page.locator('dialog.vote-room');
  await expect(room).toBeVisible();
  await expect(room.getByRole('heading', { level: 1 })).toHaveText('Lower the threshold to 3 %');
  await expect(room.locator('.vote-room-verdict')).toHaveText('✓ ADOPTED');
  await expect(room.locator('.vote-room-legend')).toContainText('87.0%');
  await expect(room.locator('.vote-room-legend')).toContainText('13.0%');
  await expect(room.locator('.vote-room-position')).toHaveText('1 / 3');
  await snap(page, 'voting-09-room-item-1');
  await page.keyboard.press('ArrowRight');
  await expect(room.getByRole('heading', { level: 1 })).toHaveText('One threshold for the whole country');
  await expect(room.locator('.vote-room-verdict')).toHaveText('✗ NOT ADOPTED');
  await expect(room.locator('.vote-room-position')).toHaveText('2 / 3');
  await snap(page, 'voting-10-room-item-2');
  await page.keyboard.press('ArrowLeft');
  await expect(room.locator('.vote-room-position')).toHaveText('1 / 3');
  await page.keyboard.press('Escape');
  await expect(room).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'Results' })).toBeVisible();

  expect(consoleErrors).toEqual([]);
});

test('a finalised result is corrected with a reason, and the correction is listed', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await goToHash(page, '#/voting/results');
  await page.locator('.vote-result-panel', { hasText: 'electoral threshold' }).getByRole('link', { name: 'Counts and corrections' }).click();
  await page.getByRole('button', { name: 'Correct…' }).click();
  const dialog = page.getByRole('dialog', { name: /Correct the counts/ });
  await dialog.getByLabel('R2: For').fill('35');
  await dialog.getByLabel('R2: Against').fill('11');
  await expect(dialog.getByRole('button', { name: 'Save the correction' })).toBeDisabled();
  await dialog.getByLabel('Reason for the correction').fill('Five papers of R2 were found in the second box');
  await snap(page, 'voting-11-correct-dialog');
  await dialog.getByRole('button', { name: 'Save the correction' }).click();
  await expect(dialog).toBeHidden();
  const history = page.getByRole('region', { name: 'Corrections' });
  await expect(history).toContainText('Five papers of R2 were found in the second box');
  await expect(history).toContainText('R2 For: 28 → 35');
  await expect(history).toContainText('R2 Against: 18 → 11');
  await expect(page.locator('.vote-result-table').getByRole('row', { name: /R2/ })).toContainText('Adopted');
  await snap(page, 'voting-12-corrected');
  expect(consoleErrors).toEqual([]);
});

test('a ranking is entered paper by paper, and its order and pairwise matrix are shown (also in French)', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  const sessions = await api<Session[]>(page, 'sessions.list', {});
  const saturday = sessions.find((s) => s.name.startsWith('Weekend 1') && /Saturday/.test(s.name))!;
  const ballot = await api<Ballot>(page, 'voting.createBallot', {
    sessionId: saturday.id,
    title: 'Which funding model first?',
    rule: { method: 'ranking', count: 'schulze' },
    quorum: { numerator: 2, denominator: 3 },
    items: ['Public only', 'Mixed', 'Private with caps'].map((title, i) => ({ number: String.fromCharCode(65 + i), title, text: { en: title } })),
  });
  await goToHash(page, `#/voting/count?ballot=${ballot.id}`);
  await expect(page.getByRole('heading', { level: 3, name: 'Which funding model first?' })).toBeVisible();
  const line = page.getByLabel('Paper', { exact: true });
  for (const paper of ['B A C', 'b a c', '2 1 3', 'A B C', 'A B', 'C A B']) {
    await line.fill(paper);
    await line.press('Enter');
  }
  // A paper naming an item twice is refused before it is added.
  await line.fill('A A');
  await line.press('Enter');
  await expect(page.getByText('“A” is on this paper twice.')).toBeVisible();
  await line.fill('');
  await page.getByLabel('Blank', { exact: true }).fill('1');
  await expect(page.getByRole('heading', { name: '6 papers entered' })).toBeVisible();
  await page.getByRole('button', { name: 'Remove paper 6' }).click();
  await expect(page.getByRole('heading', { name: '5 papers entered' })).toBeVisible();
  await snap(page, 'voting-14-ranking-papers');
  await page.getByRole('button', { name: 'Save entry 1' }).click();
  await expect(page.getByRole('status')).toContainText('Entry 1 saved');
  const papers = [[1, 0, 2], [1, 0, 2], [1, 0, 2], [0, 1, 2], [0, 1]];
  await api(page, 'app.setOperator', { name: 'Operator C' });
  await api(page, 'voting.enterCounts', { ballotId: ballot.id, slot: 2, counts: { kind: 'papers', papers, blank: 1, spoilt: 0 } });
  await api(page, 'voting.finalise', { ballotId: ballot.id });

  await goToHash(page, '#/voting/results');
  const panel = page.locator('.vote-result-panel', { hasText: 'Which funding model first?' });
  await expect(panel.locator('.vote-order')).toHaveText('B › A › C');
  await expect(panel.getByRole('table', { name: 'Papers preferring the row to the column' })).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  await snap(page, 'voting-15-ranking-result');

  await api(page, 'app.setLanguage', { language: 'fr' });
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Résultats' })).toBeVisible({ timeout: 30_000 });
  await snap(page, 'voting-16-results-fr');
  await page.locator('.vote-result-panel', { hasText: 'electoral threshold' }).getByRole('link', { name: 'Sur l’écran de salle' }).click();
  await expect(page.locator('dialog.vote-room .vote-room-verdict')).toHaveText('✓ ADOPTÉ');
  await snap(page, 'voting-17-room-fr');
  await page.keyboard.press('Escape');
  await api(page, 'app.setLanguage', { language: 'en' });
  expect(consoleErrors).toEqual([]);
});

test("a ballot held only if R1 was adopted, tied, decided by the chair's casting vote", async ({ page, appUrl, consoleErrors }) => {
  test.setTimeout(120_000);
  await page.goto(appUrl);
  const sessions = await api<Session[]>(page, 'sessions.list', {});
  const saturday = sessions.find((s) => s.name.startsWith('Weekend 1') && /Saturday/.test(s.name))!;
  await api(page, 'app.setOperator', { name: 'Operator A' });
  await goToHash(page, '#/voting');
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Ballots' })).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Session', { exact: true }).selectOption(saturday.id);

  // The form: the tie rule fixed before the vote, and the condition on the earlier ballot.
  await page.getByRole('button', { name: 'New ballot' }).click();
  await page.getByLabel('Title of the ballot').fill('How low should the threshold go?');
  await expect(page.getByRole('radio', { name: 'A new vote is held' })).toBeChecked();
  await page.getByRole('radio', { name: "The chair's casting vote decides" }).check();
  await page.getByLabel('Held only after').selectOption({ label: 'Recommendations on the electoral threshold' });
  await expect(page.getByLabel('Item', { exact: true })).toHaveValue(/.+/);
  await page.getByLabel('Item', { exact: true }).selectOption({ label: 'R1 Lower the threshold to 3 %' });
  await page.getByLabel('Held only if that item was').selectOption('adopted');
  const item = page.locator('.vote-item-edit').first();
  await item.getByLabel('Number').fill('T1');
  await item.getByLabel('Title', { exact: true }).fill('Three per cent, not two');
  await item.getByLabel('Text in Dutch').fill('Drie procent, geen twee');
  await snap(page, 'voting-18-form-tie-dependency');
  await page.getByRole('button', { name: 'Create the ballot' }).click();
  await expect(page.getByRole('status')).toContainText('was created');
  const row = page.getByRole('row', { name: /How low should the threshold go/ });
  await expect(row).toContainText('Held only if item R1 of “Recommendations on the electoral threshold” is adopted (condition met)');

  // Counted by two operators: a tie, 20 for and 20 against.
  const ballots = await api<Ballot[]>(page, 'voting.list', { sessionId: saturday.id });
  const ballot = ballots.find((b) => b.title === 'How low should the threshold go?')!;
  expect(ballot.tieRule).toBe('castingVote');
  const counts = { kind: 'perItem', items: [{ itemId: ballot.items[0]!.id, counts: [20, 20, 3], blank: 0, spoilt: 0 }] };
  await api(page, 'voting.enterCounts', { ballotId: ballot.id, slot: 1, counts });
  await api(page, 'app.setOperator', { name: 'Operator B' });
  await api(page, 'voting.enterCounts', { ballotId: ballot.id, slot: 2, counts });

  await goToHash(page, `#/voting/count?ballot=${ballot.id}`);
  await expect(page.getByRole('heading', { level: 3, name: 'How low should the threshold go?' })).toBeVisible();
  await expect(page.locator('.vote-result-table').getByRole('row', { name: /T1/ })).toContainText("Tied: waiting for the chair's casting vote");
  await page.getByRole('button', { name: 'Finalise the result' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Finalise this result?' });
  const casting = confirm.getByRole('group', { name: "The chair's casting vote" });
  await expect(casting).toBeVisible();
  // Not before the chair's name and decision are recorded.
  await expect(confirm.getByRole('button', { name: 'Yes, finalise' })).toBeDisabled();
  await casting.getByLabel('Name of the chair').fill('Chloé Voorzitter');
  await expect(confirm.getByRole('button', { name: 'Yes, finalise' })).toBeDisabled();
  await casting.getByRole('group', { name: 'Item T1: Three per cent, not two' }).getByRole('radio', { name: 'Adopted', exact: true }).check();
  await snap(page, 'voting-19-casting-vote');
  await confirm.getByRole('button', { name: 'Yes, finalise' }).click();
  await expect(page.getByRole('heading', { name: /Finalised: the counts are locked/ })).toBeFocused();
  await expect(page.locator('.vote-casting-note')).toHaveText("Decided by the chair's casting vote (Chloé Voorzitter)");
  const t1 = page.locator('.vote-result-table').getByRole('row', { name: /T1/ });
  await expect(t1.locator('.vote-verdict')).toContainText('Adopted');
  await expect(t1.locator('.vote-verdict-note')).toHaveText("by the chair's casting vote");
  await snap(page, 'voting-20-casting-vote-result');

  // On the room screen.
  await goToHash(page, `#/voting/room?ballot=${ballot.id}`);
  const room = page.locator('dialog.vote-room');
  await expect(room.locator('.vote-room-verdict')).toHaveText('✓ ADOPTED');
  await expect(room.locator('.vote-room-casting')).toHaveText("Decided by the chair's casting vote");
  await page.keyboard.press('Escape');
  expect(consoleErrors).toEqual([]);
});

test('a new assembly without sessions says what to do first', async ({ page, appUrl, consoleErrors }) => {
  await page.goto(appUrl);
  await api(page, 'app.createAssembly', { name: 'Empty assembly' });
  await goToHash(page, '#/voting');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Voting' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('There are no sessions yet.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to Sessions' })).toBeVisible();
  await snap(page, 'voting-13-empty');
  await goToHash(page, '#/voting/room');
  await expect(page.locator('dialog.vote-room').getByRole('heading', { level: 1 })).toHaveText('No finalised results to show yet.');
  await page.keyboard.press('Escape');
  expect(consoleErrors).toEqual([]);
});
