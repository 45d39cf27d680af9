/**
 * Recruitment from the first letter on a seeded register of 20,000 residents: register →
 * lottery → answers (keyboard and an online form's CSV) → pool → panel draw, in a real file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatResponseCode, checkCharacter } from '../../main/domain/invitations/responseCode';
import { listInvitees } from '../../db/invitations';
import { runCli } from '../../main/cli';
import { makeApp } from '../helpers/app';
import { registerCsv } from '../helpers/register';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function withRegister(n = 20_000) {
  const dir = tempDir();
  const app = makeApp(dir, 'Recruiter', () => new Date('2026-12-07T10:00:00Z'));
  const info = await app.call('app.createAssembly', { name: 'Burgerpanel Eupen', panelSize: 24 });
  const staged = await app.call('imports.stage', { fileName: 'rijksregister.csv', contentBase64: b64(registerCsv(n)) });
  const suggested = await app.call('register.suggestMapping', { uploadId: staged.uploadId });
  const check = await app.call('register.check', { uploadId: staged.uploadId, mapping: suggested.mapping });
  expect(check).toMatchObject({ rowsTotal: n, validRows: n, problemCount: 0 });
  const committed = await app.call('register.commit', { uploadId: staged.uploadId, mapping: suggested.mapping });
  expect(committed.residents).toBe(n);
  return { ...app, dir, info };
}

const db = (app: { ctx: { requireDb: () => import('better-sqlite3').Database } }) => app.ctx.requireDb();
const count = (app: Parameters<typeof db>[0], sql: string) => db(app).prepare(sql).pluck().get() as number;

describe('the register extract', () => {
  it('lists every problem of every row with row and column, and writes nothing', async () => {
    const app = makeApp(tempDir());
    await app.call('app.createAssembly', { name: 'Test', panelSize: 10 });
    const csv = [
      'Voornaam;Naam;Straat;Huisnummer;Postcode;Gemeente;Geboortejaar;Geslacht',
      'An;Peeters;Kerkstraat;1;2000;Antwerpen;1980;V',
      ';Maes;Kerkstraat;2;2000;Antwerpen;1981;M',
      'Jan;Claes;Kerkstraat;3;;Antwerpen;19x1;M',
    ].join('\n');
    const staged = await app.call('imports.stage', { fileName: 'register.csv', contentBase64: b64(csv) });
    const { mapping } = await app.call('register.suggestMapping', { uploadId: staged.uploadId });
    const check = await app.call('register.check', { uploadId: staged.uploadId, mapping });
    expect(check.problems.map((p) => p.message)).toEqual([
      'Row 3, column "Voornaam": the first name is missing.',
      'Row 4, column "Geboortejaar": "19x1" is not a year.',
    ]);
    const refused = await app.raw('register.commit', { uploadId: staged.uploadId, mapping });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toMatch(/2 of 3 rows of the register have problems, so nothing was imported/);
    expect(count(app, 'SELECT count(*) FROM register_entries')).toBe(0);
    expect(count(app, 'SELECT count(*) FROM people')).toBe(0);
    app.close();
  });

  it('asks for an address: a mapping without the postcode column is refused before any row is read', async () => {
    const app = makeApp(tempDir());
    await app.call('app.createAssembly', { name: 'Test', panelSize: 10 });
    const staged = await app.call('imports.stage', { fileName: 'r.csv', contentBase64: b64('Voornaam;Naam;Straat;Gemeente\nAn;Peeters;Kerkstraat 1;Antwerpen\n') });
    const { mapping } = await app.call('register.suggestMapping', { uploadId: staged.uploadId });
    const check = await app.call('register.check', { uploadId: staged.uploadId, mapping });
    expect(check.mappingProblems.map((m) => m.message)).toEqual(['Choose the column that holds the postcode: every letter needs a name and a postal address.']);
    app.close();
  });
});

describe('recruitment from the first letter', () => {
  it('register → lottery → answers by keyboard and CSV → pool → panel draw', { timeout: 120_000 }, async () => {
    const app = await withRegister();
    const summary = await app.call('register.summary', {});
    expect(summary.register!.residents).toBe(20_000);
    expect(summary.register!.groups.municipality.map((g) => g.group)).toEqual(['Antwerpen', 'Brussel', 'Eupen', 'Namur']);

    // The lottery: 1,000 letters stratified by municipality, Namur over-sampled, one per address.
    const run = await app.call('invitations.draw', { size: 1000, stratifyBy: 'municipality', oversampling: { Namur: 1.2 }, onePerAddress: true, seed: '4 0 7 1 9' });
    expect(run.letters).toBe(1000);
    expect(run.allocation.reduce((s, g) => s + g.quota, 0)).toBe(1000);
    const invitees = listInvitees(db(app), run.id);
    expect(invitees).toHaveLength(1000);
    expect(new Set(invitees.map((i) => i.code)).size).toBe(1000);
    expect(new Set(invitees.map((i) => i.addressLines.join('|'))).size).toBe(1000);
    expect(invitees[0]).toMatchObject({ code: expect.stringMatching(/^[A-Z3479]{8}$/), addressLines: [expect.stringMatching(/ \d+$/), expect.stringMatching(/^\d{4} /)] });
    const perMunicipality = (name: string) => invitees.filter((i) => i.municipality === name).length;
    expect(perMunicipality('Namur')).toBe(run.allocation.find((g) => g.group === 'Namur')!.quota);

    // Reproducible and checkable: in the app and on the command line.
    expect(await app.call('invitations.verify', { runId: run.id })).toMatchObject({ ok: true, problems: [] });
    const file = app.ctx.open!.path;
    app.close();
    const cli = await runCli(['--file', file, '--data-dir', app.dir, 'invitations.verify', JSON.stringify({ runId: run.id })]);
    expect(cli.exitCode).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ ok: true, record: { drawnHash: run.drawnHash, registerHash: run.registerHash } });
    await app.call('app.openAssembly', { path: file });

    // A second full draw is refused while this one is live.
    const again = await app.raw('invitations.draw', { size: 10, stratifyBy: 'none' });
    expect(!again.ok && again.error.message).toMatch(/Letters were already drawn/);

    // Keyboard: yes with answers, no with reason, undeliverable.
    const [a, b, c, d] = invitees;
    const yes = await app.call('invitations.respond', { code: formatResponseCode(a!.code).toLowerCase(), answer: 'yes', answers: { Geslacht: 'V', Opleiding: 'Hoog' }, availability: 'all', consent: true, needs: { accessibility: 'Rolstoel', diet: 'vegetarisch', childcare: false, travel: '' } });
    expect(yes).toMatchObject({ answer: 'yes', eligible: true, personCode: expect.stringMatching(/^[A-Z3479]{6}$/) });
    const person = (await app.call('people.list', { limit: 10 })).rows.find((p) => p.code === yes.personCode)!;
    expect(person).toMatchObject({ firstName: a!.firstName, lastName: a!.lastName });
    const full = await app.call('people.get', { id: person.id });
    expect(full).toMatchObject({ street: a!.street, houseNumber: a!.houseNumber, postcode: a!.postcode, city: a!.municipality, needs: { accessibility: 'Rolstoel', diet: 'vegetarisch' } });
    expect(full.features).toMatchObject({ Geslacht: 'V', Opleiding: 'Hoog' });
    const no = await app.raw('invitations.respond', { code: b!.code, answer: 'no' });
    expect(!no.ok && no.error.message).toBe('A "no" needs its reason (write "not given" when the person gave none).');
    await app.call('invitations.respond', { code: b!.code, answer: 'no', reason: 'Geen tijd' });
    await app.call('invitations.respond', { code: c!.code, answer: 'undeliverable' });
    // A yes without consent is recorded but does not enter the pool.
    expect(await app.call('invitations.respond', { code: d!.code, answer: 'yes', availability: 'all', consent: false })).toMatchObject({ eligible: false, personCode: null, notes: ['noConsent'] });

    // Refusals, each with a clear message: a typo, a code never sent, a code answered twice.
    const typo = a!.code.slice(0, 3) + (a!.code[3] === 'A' ? 'C' : 'A') + a!.code.slice(4);
    const wrong = await app.raw('invitations.respond', { code: typo, answer: 'yes', consent: true });
    expect(!wrong.ok && wrong.error.message).toMatch(/is not a response code: its last character does not match/);
    const body = 'ACDEFGH';
    const neverSent = await app.raw('invitations.respond', { code: body + checkCharacter(body), answer: 'yes', consent: true });
    expect(!neverSent.ok && neverSent.error.message).toBe(`No letter was sent with code ${formatResponseCode(body + checkCharacter(body))}.`);
    const twice = await app.raw('invitations.respond', { code: a!.code, answer: 'no', reason: 'x' });
    expect(!twice.ok && twice.error.message).toMatch(new RegExp(`^Code ${formatResponseCode(a!.code)} was already answered \\(yes\\) on 2026-12-07 by Recruiter; each code answers once.$`));

    // The online form's CSV: refused whole while a row is wrong, every row named.
    const rest = invitees.slice(4, 304);
    const csvRow = (code: string, i: number) => `${formatResponseCode(code)};${i % 3 === 0 ? 'nee' : 'ja'};${i % 3 === 0 ? 'te ver' : ''};ja;alle;${i % 2 ? 'M' : 'V'};${i % 4 ? 'Hoog' : 'Laag'}`;
    const header = 'Code;Antwoord;Reden;Toestemming;Beschikbaarheid;Geslacht;Opleiding';
    const badCsv = [header, ...rest.map((r, i) => csvRow(r.code, i)), csvRow(rest[0]!.code, 0), csvRow(a!.code, 1), csvRow(body + checkCharacter(body), 1), `${typo};ja;;ja;alle;V;Hoog`].join('\n');
    const staged = await app.call('imports.stage', { fileName: 'formulier.csv', contentBase64: b64(badCsv) });
    const checked = await app.call('invitations.checkResponses', { uploadId: staged.uploadId });
    expect(checked.problems.map((p) => [p.row, p.rule])).toEqual([
      [302, 'answeredTwice'],
      [303, 'answeredTwice'],
      [304, 'neverSent'],
      [305, 'unknownCode'],
    ]);
    expect(checked.problems[0]!.message).toBe(`Row 302, column "Code": code ${formatResponseCode(rest[0]!.code)} already answers on row 2; each code answers once.`);
    expect(checked.problems[1]!.message).toMatch(/^Row 303, column "Code": code .* was already answered \(yes\) on 2026-12-07; each code answers once.$/);
    expect(checked.problems[2]!.message).toBe(`Row 304, column "Code": no letter was sent with code ${formatResponseCode(body + checkCharacter(body))}.`);
    const before = count(app, 'SELECT count(*) FROM invitation_responses');
    const refused = await app.raw('invitations.importResponses', { uploadId: staged.uploadId });
    expect(!refused.ok && refused.error.message).toMatch(/^4 problems in the answers file, so nothing was recorded/);
    expect(count(app, 'SELECT count(*) FROM invitation_responses')).toBe(before);

    const goodCsv = [header, ...rest.map((r, i) => csvRow(r.code, i))].join('\n');
    const good = await app.call('imports.stage', { fileName: 'formulier.csv', contentBase64: b64(goodCsv) });
    const imported = await app.call('invitations.importResponses', { uploadId: good.uploadId });
    expect(imported).toMatchObject({ rowsTotal: 300, recorded: 300, yes: 200, addedToPool: 200 });

    // Every letter's code answers exactly once.
    expect(count(app, 'SELECT count(*) FROM invitation_responses')).toBe(304);
    expect(count(app, 'SELECT count(DISTINCT invitation_id) FROM invitation_responses')).toBe(304);
    expect(count(app, 'SELECT count(*) FROM people WHERE deleted_at IS NULL')).toBe(201);

    // The funnel.
    const funnel = await app.call('invitations.funnel', {});
    expect(funnel.overall.counts.slice(0, 6)).toEqual([1000, 1, 303, 202, 201, 201]);
    const byMunicipality = funnel.byDimension.find((x) => x.dimension === 'municipality')!;
    expect(byMunicipality.rows.reduce((s, r) => s + r.counts[0]!, 0)).toBe(1000);

    // The panel draw from the pool the letters made.
    await app.call('quotas.setSettings', { panelSize: 24, onePerHousehold: true });
    const prepared = await app.call('selection.prepare', { algorithm: 'legacy' });
    const drawn = await app.call('selection.draw', { runId: prepared.id, mode: 'random' });
    expect(drawn.panel).toHaveLength(24);
    expect((await app.call('invitations.funnel', {})).overall.counts[6]).toBe(24);

    // The reports' funnel now starts at the letters sent (aggregate level: counts only).
    const funnelCsv = await app.call('reports.export', { report: 'funnel', format: 'csv', level: 'aggregate', lang: 'en', dialect: 'plain' });
    const csvText = 'content' in funnelCsv ? String(funnelCsv.content) : Buffer.from(String((funnelCsv as { contentBase64: string }).contentBase64), 'base64').toString('utf8');
    expect(csvText).toMatch(/Invited[^\n]*,1000/);
    expect(csvText).not.toContain('not recorded');

    // Erasing a respondent who came from a letter removes their row of the register extract too.
    const entriesBefore = count(app, 'SELECT count(*) FROM register_entries');
    await app.call('people.erase', { id: person.id, confirmCode: yes.personCode! });
    expect(count(app, 'SELECT count(*) FROM register_entries')).toBe(entriesBefore - 1);
    expect(listInvitees(db(app), run.id).map((i) => i.code)).not.toContain(a!.code);

    // The audit log holds codes and counts, never a name or an address.
    const audit = JSON.stringify(db(app).prepare("SELECT * FROM audit_log WHERE entity IN ('register', 'invitation', 'invitationRun')").all());
    expect(audit).not.toContain(a!.lastName);
    expect(audit).not.toContain(a!.addressLines[0]);
    app.close();
  });

  it('supersedes a run only with a reason and before any answer, and keeps it', async () => {
    const app = await withRegister(2000);
    const first = await app.call('invitations.draw', { size: 100, stratifyBy: 'ageBand', onePerAddress: false });
    const noReason = await app.raw('invitations.supersede', { runId: first.id, reason: '  ' });
    expect(noReason.ok).toBe(false);
    const superseded = await app.call('invitations.supersede', { runId: first.id, reason: 'Wrong number of letters' });
    expect(superseded).toMatchObject({ status: 'superseded', supersededReason: 'Wrong number of letters' });
    const second = await app.call('invitations.draw', { size: 150, stratifyBy: 'ageBand' });
    // A letter of the superseded run no longer answers.
    const old = listInvitees(db(app), first.id)[0]!;
    const refused = await app.raw('invitations.respond', { code: old.code, answer: 'yes', consent: true });
    expect(!refused.ok && refused.error.message).toMatch(/belongs to a draw that was superseded/);
    // An additional batch leaves out everyone already invited, with their address.
    const extra = await app.call('invitations.draw', { size: 50, stratifyBy: 'none', additional: true });
    const firstAddresses = new Set(listInvitees(db(app), second.id).map((i) => i.addressLines.join('|')));
    expect(listInvitees(db(app), extra.id).filter((i) => firstAddresses.has(i.addressLines.join('|')))).toEqual([]);
    await app.call('invitations.respond', { code: listInvitees(db(app), second.id)[0]!.code, answer: 'undeliverable' });
    const late = await app.raw('invitations.supersede', { runId: second.id, reason: 'x' });
    expect(!late.ok && late.error.message).toMatch(/already answered/);
    // Nothing is ever deleted, and a run changes only to superseded.
    expect(() => db(app).prepare('DELETE FROM invitation_runs WHERE id = ?').run(first.id)).toThrow(/never deleted/);
    expect(() => db(app).prepare("UPDATE invitations SET code = 'X' WHERE run_id = ?").run(second.id)).toThrow(/never changed/);
    expect((await app.call('invitations.list', {})).map((r) => r.status)).toEqual(['drawn', 'drawn', 'superseded']);
    app.close();
  });

  it('makes the letters of a drawn run, and the reminder for those who have not answered', { timeout: 120_000 }, async () => {
    const app = await withRegister(2000);
    // Before any draw, the letters say what to do first.
    const none = await app.raw('letters.export', { path: join(app.dir, 'te-vroeg.pdf'), kind: 'invitation' });
    expect(!none.ok && none.error.i18nKey).toBe('letters.noInvitees');
    const run = await app.call('invitations.draw', { size: 60, stratifyBy: 'municipality' });
    const invitees = listInvitees(db(app), run.id);
    const letters = await app.call('letters.export', { path: join(app.dir, 'brieven.pdf'), kind: 'invitation' });
    expect(letters.letters).toBe(60);
    const text = letters.files.map((f) => execFileSync('pdftotext', ['-layout', f.path, '-'], { encoding: 'utf8' })).join('\n');
    // Every invitee's code is printed as the answer screen reads it, with their name.
    for (const i of invitees) {
      expect(text).toContain(formatResponseCode(i.code));
      expect(text).toContain(i.lastName);
    }
    await app.call('invitations.respond', { code: invitees[0]!.code, answer: 'no', reason: 'Geen tijd' });
    const reminder = await app.call('letters.export', { path: join(app.dir, 'herinnering.pdf'), kind: 'reminder', notAnsweredSince: '2026-12-07' });
    expect(reminder.letters).toBe(59);
    const reminderText = reminder.files.map((f) => execFileSync('pdftotext', [f.path, '-'], { encoding: 'utf8' })).join('\n');
    expect(reminderText).not.toContain(formatResponseCode(invitees[0]!.code));

    // The public report's place for the invitations: the letters sent in full, a small count of answers hidden.
    const report = await app.call('reports.export', { report: 'publicReport', format: 'pdf', level: 'aggregate', lang: 'en' });
    const pdf = join(app.dir, 'public.pdf');
    writeFileSync(pdf, Buffer.from(report.contentBase64!, 'base64'));
    const publicText = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(publicText).toMatch(/Letters sent\s+60/);
    expect(publicText).toMatch(/Answered\s+\[c\]/);
    expect(publicText).not.toContain('not recorded in the assembly file');
    app.close();
  });

  it('closing the assembly removes the register extract from the file and every backup; the funnel keeps its letters', { timeout: 120_000 }, async () => {
    const app = await withRegister(500);
    const run = await app.call('invitations.draw', { size: 40, stratifyBy: 'none' });
    const invitees = listInvitees(db(app), run.id);
    await app.call('invitations.respond', { code: invitees[0]!.code, answer: 'no', reason: 'Verhuisd naar Spanje' });
    await app.call('backups.create', {});
    // Long surnames and streets are distinctive: none may remain anywhere after closing.
    const values = (db(app).prepare('SELECT last_name || char(10) || street FROM register_entries').pluck().all() as string[])
      .flatMap((v) => v.split('\n'))
      .filter((v) => v.length >= 10);
    values.push('Verhuisd naar Spanje');
    expect(values.length).toBeGreaterThan(20);
    const path = app.ctx.open!.path;
    const before = await app.call('invitations.funnel', {});
    await app.call('assembly.close', { confirmName: 'Burgerpanel Eupen' });
    app.close();
    const files = [path, `${path}-wal`, ...readdirSync(`${path}.backups`).map((n) => join(`${path}.backups`, n))].filter((f) => existsSync(f));
    expect(files.length).toBeGreaterThan(1);
    const left = files.flatMap((f) => values.filter((v) => readFileSync(f).includes(Buffer.from(v, 'utf8'))).map((v) => `${f}: ${v}`));
    expect(left).toEqual([]);
    const again = makeApp(app.dir, 'Recruiter', () => new Date('2026-12-07T11:00:00Z'));
    await again.call('app.openAssembly', { path });
    expect(again.ctx.requireDb().prepare('SELECT count(*) FROM register_entries').pluck().get()).toBe(0);
    // The funnel still counts the letters sent and answered.
    expect((await again.call('invitations.funnel', {})).overall.counts.slice(0, 3)).toEqual(before.overall.counts.slice(0, 3));
    again.close();
  });
});
