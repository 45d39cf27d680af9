/**
 * Recruitment › Uitnodigingen, in Dutch: the register extract (refused whole while a row is wrong,
 * then imported), the lottery of letters, answers typed at the keyboard (a typo and a second
 * answer refused), an online form's CSV, the funnel, and the respondent in the pool.
 */
import type { Page } from '@playwright/test';
import { expect, snap, test } from './fixtures';
import { api, goToHash } from './pageApi';

test.describe.configure({ mode: 'serial' });

const MUNICIPALITIES = [
  ['4700', 'Eupen', 'Bergstraße'],
  ['4720', 'Kelmis', 'Kirchstraße'],
  ['4730', 'Raeren', 'Hauptstraße'],
] as const;

function registerCsv(birthYearOfRow3 = '1980'): Buffer {
  const rows = ['Voornaam;Naam;Straat;Huisnummer;Postcode;Gemeente;Geboortedatum;Geslacht;Taal'];
  for (let i = 0; i < 300; i++) {
    const [postcode, city, street] = MUNICIPALITIES[i % 3]!;
    const year = i === 1 ? birthYearOfRow3 : String(1940 + (i % 60));
    rows.push(`${['Élodie', 'Jürgen', 'Zoë', 'Noël'][i % 4]};Schmitz${i};${street};${Math.floor(i / 6) + 1};${postcode};${city};0${(i % 9) + 1}/03/${year};${i % 2 ? 'M' : 'V'};DE`);
  }
  return Buffer.from(rows.join('\r\n') + '\r\n', 'utf8');
}

interface Run { id: string; letters: number }
interface Invitee { code: string; name: string }

async function start(page: Page, appUrl: string) {
  await page.goto(appUrl);
  await page.getByLabel('Your name (operator)').fill('Ilse Heinen');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Name of the assembly').fill('Bürgerdialog Ostbelgien');
  await page.getByRole('button', { name: 'Create the assembly' }).click();
  await expect(page.getByRole('banner')).toContainText('Bürgerdialog Ostbelgien');
  await api(page, 'app.setLanguage', { language: 'nl' });
  await goToHash(page, '#/recruitment/invitations');
  await page.reload();
}

test('from the register to the pool, in Dutch', async ({ page, appUrl, consoleErrors }) => {
  await start(page, appUrl);
  await expect(page.getByRole('navigation', { name: 'Onderdelen van de werving' }).getByRole('link', { name: 'Uitnodigingen' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 2, name: '1. Uittreksel uit het register' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Nog geen uittreksel uit het register.')).toBeVisible();

  // The register: a birth date with a typing error refuses the whole file, naming row and column.
  await page.getByLabel('Kies het registerbestand').setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: registerCsv('19x0') });
  await expect(page.getByText('register.csv: 300 rijen.')).toBeVisible();
  await page.getByRole('button', { name: 'Register controleren' }).click();
  const problems = page.getByRole('table', { name: 'Problemen in het bestand' });
  await expect(problems.locator('tbody tr')).toHaveCount(1);
  await expect(problems.locator('tbody tr').first()).toContainText('3');
  await expect(problems.locator('tbody tr').first()).toContainText('Geboortedatum');
  await snap(page, 'invitations-01-register-problem');
  await expect(page.getByRole('button', { name: /inwoners importeren/ })).toHaveCount(0);

  await page.getByLabel('Kies het registerbestand').setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: registerCsv() });
  await page.getByRole('button', { name: 'Register controleren' }).click();
  await page.getByRole('button', { name: '300 inwoners importeren' }).click();
  await expect(page.getByText('Register geïmporteerd: 300 inwoners.')).toBeVisible();
  await expect(page.getByText(/300 inwoners op 150 adressen/)).toBeVisible();

  // The lottery: 30 letters by municipality, one per address, with a public seed.
  await page.getByLabel('Aantal brieven').fill('30');
  await page.getByLabel('Stratificeren volgens').selectOption('municipality');
  await page.getByLabel(/^Seed/).fill('4 0 7 1 9');
  await page.getByRole('button', { name: 'Brieven loten' }).click();
  await expect(page.getByText('Brieven geloot: 30.')).toBeVisible();
  const runs = page.getByRole('table', { name: 'Lotingen van brieven' });
  await expect(runs).toContainText('Eupen 10, Kelmis 10, Raeren 10');
  await runs.getByRole('button', { name: 'Controleren' }).click();
  await expect(page.getByText('Opnieuw geloot uit het register: dezelfde lijst. De loting klopt.')).toBeVisible();
  await snap(page, 'invitations-02-lottery');

  const [run] = await api<Run[]>(page, 'invitations.list', {});
  const invitees = await api<Invitee[]>(page, 'invitations.invitees', { runId: run!.id });
  const first = invitees[0]!;

  // Keyboard: the code and Enter, the answer, and the focus back in the code field.
  const codeField = page.getByLabel('Antwoordcode');
  await codeField.click();
  await codeField.fill(`${first.code.slice(0, 4)}-${first.code.slice(4)}`.toLowerCase());
  await codeField.press('Enter');
  const form = page.getByRole('form', { name: `Antwoord van ${first.name}` });
  await expect(form).toBeVisible();
  await form.getByLabel('Ja').check();
  await form.getByLabel('Andere vraag').fill('Opleiding');
  await form.getByLabel('Het antwoord erop').fill('Hoger onderwijs');
  await form.getByLabel('Dieet').fill('vegetarisch');
  await form.getByLabel('Geeft toestemming voor de verwerking van de gegevens').check();
  await snap(page, 'invitations-03-answer');
  await form.getByRole('button', { name: 'Antwoord registreren' }).click();
  await expect(page.getByText(/: ja, in de pool opgenomen als [A-Z3479]{6}\./)).toBeVisible();
  await expect(codeField).toBeFocused();

  // A typing error and a second answer are refused, each with its reason.
  const typo = first.code.slice(0, 7) + (first.code[7] === 'A' ? 'C' : 'A');
  await codeField.fill(typo);
  await codeField.press('Enter');
  await expect(page.getByRole('alert')).toContainText('het laatste teken klopt niet');
  await codeField.fill(first.code);
  await codeField.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Deze code is al beantwoord (Ja)');

  // The online form's CSV.
  const csv = ['Code;Antwoord;Reden;Toestemming;Beschikbaarheid;Geslacht', ...invitees.slice(1, 6).map((i, n) => `${i.code};${n === 0 ? 'nee' : 'ja'};${n === 0 ? 'geen tijd' : ''};ja;alle;${n % 2 ? 'M' : 'V'}`)].join('\n');
  await page.getByLabel('Kies het antwoordenbestand').setInputFiles({ name: 'formulier.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: '5 antwoorden registreren' }).click();
  await expect(page.getByText('Antwoorden geregistreerd: 5; in de pool opgenomen: 4.')).toBeVisible();

  // The funnel.
  const funnel = page.getByRole('table', { name: 'Trechter per Gemeente' });
  await expect(funnel).toBeVisible();
  const all = funnel.locator('tbody tr').first();
  await expect(all.locator('th')).toHaveText('Alle');
  await expect(all.locator('td').nth(0)).toHaveText('30');
  await expect(all.locator('td').nth(3)).toContainText('5');
  await expect(all.locator('td').nth(5)).toContainText('5');
  await funnel.scrollIntoViewIfNeeded();
  await snap(page, 'invitations-04-funnel');

  // The respondents are in the pool, with their address from the register.
  await page.getByRole('navigation', { name: 'Onderdelen van de werving' }).getByRole('link', { name: 'Personen' }).click();
  await expect(page.getByRole('table').first()).toContainText(first.name.split(' ')[1]!);
  expect(consoleErrors).toEqual([]);
});
