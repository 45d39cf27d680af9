import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SelectionRun } from '../../main/domain/selection/runTypes';
import { runCli } from '../../main/cli';
import { sha256 } from '../../main/domain/selection/lottery';
import { makeApp } from '../helpers/app';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();
const b64 = (text: string) => Buffer.from(text).toString('base64');

const PANEL = 8;
const POOL_SIZE = 40;

/** A recognisable surname and e-mail per row, to look for in what must hold no personal data. */
const surname = (i: number) => `Quenby${String(i).padStart(2, '0')}x`;
const email = (i: number) => `respondent${String(i).padStart(2, '0')}@mailbox.example`;

function poolCsv(): string {
  const rows = ['first name,last name,email,street,house number,postcode,city,birth year,gender,region,education'];
  for (let i = 0; i < POOL_SIZE; i++) {
    // People 0&1, 2&3, 4&5 share an address (a household); the others live alone.
    const house = i < 6 ? Math.floor(i / 2) : i;
    const gender = i % 2 === 0 ? 'F' : 'M';
    const region = i % 3 === 0 ? 'South' : 'North';
    const education = i % 5 < 2 ? 'low' : 'high';
    rows.push(`Ann${i},${surname(i)},${email(i)},Kerkstraat,${house + 1},9000,Gent,${1950 + i},${gender},${region},${education}`);
  }
  return rows.join('\n');
}

type App = ReturnType<typeof makeApp>;

async function withPool(): Promise<App> {
  const app = makeApp(tempDir());
  await app.call('app.createAssembly', { name: 'Selection test', panelSize: PANEL });
  const staged = await app.call('imports.stage', { fileName: 'pool.csv', contentBase64: b64(poolCsv()) });
  const result = await app.call('imports.commit', { uploadId: staged.uploadId, mapping: staged.mapping, mode: 'allOrNothing' });
  expect(result.imported).toBe(POOL_SIZE);
  return app;
}

/** Sets [min, max] per "feature/value". */
async function setQuotas(app: App, quotas: Record<string, [number, number]>): Promise<void> {
  const overview = await app.call('quotas.overview', {});
  const targets = overview.features.flatMap((f) =>
    f.values.filter((v) => quotas[`${f.name}/${v.value}`]).map((v) => {
      const [min, max] = quotas[`${f.name}/${v.value}`]!;
      return { valueId: v.id, min, max };
    }),
  );
  expect(targets).toHaveLength(Object.keys(quotas).length);
  await app.call('quotas.setTargets', { targets });
}

const QUOTAS: Record<string, [number, number]> = {
  'gender/F': [3, 5],
  'gender/M': [3, 5],
  'region/North': [4, 6],
  'region/South': [2, 4],
  'education/low': [2, 4],
  'education/high': [4, 6],
};

/** Codes -> features of every live person. */
async function featuresByCode(app: App): Promise<Map<string, Record<string, string>>> {
  const people = await app.call('people.list', { limit: 1000 });
  return new Map(people.rows.map((p) => [p.code, p.features]));
}

function expectQuotasMet(run: SelectionRun, features: Map<string, Record<string, string>>): void {
  for (const q of run.quotas) {
    const seats = run.panel!.filter((code) => features.get(code)![q.feature] === q.value).length;
    expect(seats, `${q.feature} ${q.value}`).toBeGreaterThanOrEqual(q.min);
    expect(seats, `${q.feature} ${q.value}`).toBeLessThanOrEqual(q.max);
  }
}

/** The decimal digits that choose `ticket` out of M = 1000 (three digits read as a number). */
const digitsOf = (ticket: number) => String(ticket).padStart(3, '0').split('').map(Number);

function dbOf(app: App) {
  return app.ctx.open!.db;
}

describe('selection runs', () => {
  it('prepares a LEXIMIN run, publishes its lottery, draws with public numbers and verifies the draw', { timeout: 120_000 }, async () => {
    // Depends on main/domain/selection/leximin.ts (finished by another helper).
    const app = await withPool();
    await setQuotas(app, QUOTAS);
    const run = await app.call('selection.prepare', { algorithm: 'leximin', timeLimitMs: 60_000 });
    expect(run).toMatchObject({ status: 'prepared', algorithm: 'leximin', panelSize: PANEL, kind: 'panel', panel: null });
    expect(run.lottery).toMatchObject({ size: 1000, source: 'digits' });
    expect(run.inputHash).toMatch(/^[0-9a-f]{64}$/);
    expect(run.summary.count).toBe(POOL_SIZE);
    expect(run.summary.min).toBeGreaterThan(0);
    expect(run.certificate!.upperBound).toBeGreaterThanOrEqual(run.summary.min - 1e-9);

    const doc = await app.call('selection.document', { id: run.id });
    expect(sha256(doc.content)).toBe(run.lottery!.hash);
    const detail = await app.call('selection.get', { id: run.id });
    const total = Object.values(detail.probabilities).reduce((s, p) => s + p, 0);
    expect(total).toBeCloseTo(PANEL, 6);

    // The same pool and quotas give the same input hash.
    const again = await app.call('selection.prepare', { algorithm: 'legacy' });
    expect(again.inputHash).toBe(run.inputHash);

    const numbers = [4, 0, 7];
    const drawn = await app.call('selection.draw', { runId: run.id, mode: 'public', numbers, source: 'digits' });
    expect(drawn).toMatchObject({ status: 'drawn', seedMode: 'public', ticket: 407, publicNumbers: numbers });
    expect(drawn.panel).toHaveLength(PANEL);
    // The reserve list: everyone else, except housemates of panel members (one per household).
    const everyone = await app.call('people.list', { limit: 100 });
    const household = new Map(everyone.rows.map((p) => {
      const i = Number(p.lastName.slice('Quenby'.length, -1));
      return [p.code, i < 6 ? Math.floor(i / 2) : i];
    }));
    const seatedHouses = new Set(drawn.panel!.map((c) => household.get(c)));
    const expectedReserve = everyone.rows.map((p) => p.code).filter((c) => !seatedHouses.has(household.get(c)));
    expect([...drawn.reserve!].sort()).toEqual(expectedReserve.sort());
    expect(new Set([...drawn.panel!, ...drawn.reserve!]).size).toBe(PANEL + expectedReserve.length);
    const line = doc.content.split('\n').find((l) => l.startsWith('407: '))!;
    expect(line.slice(5).split(' ')).toEqual(drawn.panel);

    const selected = await app.call('people.list', { status: 'selected', limit: 100 });
    expect(selected.rows.map((p) => p.code).sort()).toEqual(drawn.panel);
    expectQuotasMet(drawn, await featuresByCode(app));
    expect((await app.call('selection.get', { id: run.id })).quotaResult!.every((q) => q.met)).toBe(true);

    // A second draw is refused, and the prepared legacy run cannot draw over the drawn panel.
    const twice = await app.raw('selection.draw', { runId: run.id, mode: 'random' });
    expect(twice.ok ? null : twice.error.i18nKey).toBe('errors.selectionNotPrepared');
    const other = await app.raw('selection.draw', { runId: again.id, mode: 'random' });
    expect(other.ok ? null : other.error.i18nKey).toBe('errors.selectionAlreadyDrawn');

    // Verification: the real draw passes...
    const verify = (over: Partial<{ document: string; publishedHash: string; numbers: number[]; chosenCodes: string[] }>) =>
      app.call('selection.verify', { document: doc.content, publishedHash: run.lottery!.hash, numbers, chosenCodes: drawn.panel!, ...over });
    // The document names what was optimised, and verification reads it back.
    expect(await verify({})).toEqual({ ok: true, problems: [], ticket: 407, objective: { name: 'leximin', params: { method: 'relaxation-first', relativeTolerance: 0.001, seed: 1 } } });
    // ... a changed document, other numbers, another panel do not.
    const tampered = doc.content.replace(line, `407: ${[...drawn.panel!.slice(1), drawn.reserve![0]!].sort().join(' ')}`);
    expect((await verify({ document: tampered })).ok).toBe(false);
    const ticketLines = doc.content.split('\n').filter((l) => /^\d{3}: /.test(l));
    const otherTicket = ticketLines.findIndex((l) => l.slice(5) !== line.slice(5));
    expect(otherTicket).toBeGreaterThanOrEqual(0);
    expect((await verify({ numbers: digitsOf(otherTicket) })).ok).toBe(false);
    expect((await verify({ chosenCodes: [...drawn.panel!.slice(1), drawn.reserve![0]!] })).ok).toBe(false);

    // From the command line, with no assembly open, reading the document from a file.
    const dir = tempDir();
    writeFileSync(join(dir, 'lottery.txt'), doc.content);
    const cli = await runCli([
      '--data-dir',
      dir,
      'selection.verify',
      JSON.stringify({ documentPath: join(dir, 'lottery.txt'), publishedHash: run.lottery!.hash, numbers, chosenCodes: drawn.panel }),
    ]);
    expect(cli.exitCode, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ ok: true, ticket: 407 });
    app.close();
  });

  it('publishes a lottery for a six-sided die, refuses numbers that do not fit it, and draws at random after superseding', { timeout: 120_000 }, async () => {
    // Depends on main/domain/selection/leximin.ts (finished by another helper).
    const app = await withPool();
    await setQuotas(app, QUOTAS);
    const run = await app.call('selection.prepare', { algorithm: 'leximin', lotterySize: 100, source: 'die', timeLimitMs: 60_000 });
    expect(run.lottery).toMatchObject({ size: 100, source: 'die' });
    const doc = await app.call('selection.document', { id: run.id });
    expect(doc.content).toContain('\nPublic numbers: from 1 to 6\n');

    const wrongSource = await app.raw('selection.draw', { runId: run.id, mode: 'public', numbers: [1, 2, 3], source: 'digits' });
    expect(wrongSource.ok ? null : wrongSource.error).toMatchObject({ code: 'VALIDATION', i18nKey: 'errors.publicNumbers' });
    const outOfRange = await app.raw('selection.draw', { runId: run.id, mode: 'public', numbers: [0, 7, 9] });
    expect(outOfRange.ok ? null : outOfRange.error).toMatchObject({ code: 'VALIDATION', i18nKey: 'errors.publicNumbers' });
    const tooFew = await app.raw('selection.draw', { runId: run.id, mode: 'public', numbers: [1, 2] });
    expect(tooFew.ok ? null : tooFew.error.i18nKey).toBe('errors.publicNumbers');
    expect((await app.call('selection.get', { id: run.id })).status).toBe('prepared');

    // Three rolls: 6^3 = 216 values, those from 200 up are rolled again; (1-1)·36 + (2-1)·6 + (3-1) = 8.
    const drawn = await app.call('selection.draw', { runId: run.id, mode: 'public', numbers: [1, 2, 3], source: 'die' });
    expect(drawn.ticket).toBe(8);
    const check = { document: doc.content, publishedHash: run.lottery!.hash, numbers: [1, 2, 3], chosenCodes: drawn.panel! };
    expect((await app.call('selection.verify', { ...check, source: 'die' })).ok).toBe(true);
    expect((await app.call('selection.verify', { ...check, source: 'digits' })).ok).toBe(false);

    // Superseded (statuses stay), the selected people go back to the pool one by one, a new run is drawn at random.
    await app.call('selection.supersede', { id: run.id, reason: 'Drawn for the rehearsal' });
    for (const p of (await app.call('people.list', { status: 'selected', limit: 100 })).rows) {
      await app.call('people.setStatus', { id: p.id, status: 'pool' });
    }
    const next = await app.call('selection.prepare', { algorithm: 'leximin', timeLimitMs: 60_000 });
    expect(next.inputHash).toBe(run.inputHash);
    const random = await app.call('selection.draw', { runId: next.id, mode: 'random' });
    expect(random.seedMode).toBe('random');
    expect(random.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(random.ticket).toBeGreaterThanOrEqual(0);
    expect(random.ticket).toBeLessThan(1000);
    expectQuotasMet(random, await featuresByCode(app));
    expect((await app.call('selection.list', {})).map((r) => r.status)).toEqual(['drawn', 'superseded']);
    app.close();
  });

  it('prepares and draws a legacy run with a recorded seed', async () => {
    const app = await withPool();
    await setQuotas(app, QUOTAS);
    const run = await app.call('selection.prepare', { algorithm: 'legacy' });
    expect(run).toMatchObject({ status: 'prepared', algorithm: 'legacy', lottery: null, certificate: null });
    expect(run.summary.mean).toBeCloseTo(PANEL / POOL_SIZE, 6);
    // No lottery: the document a legacy run publishes is its input, whose SHA-256 is the input hash.
    const input = await app.call('selection.document', { id: run.id });
    expect(createHash('sha256').update(input.content).digest('hex')).toBe(run.inputHash);

    const drawn = await app.call('selection.draw', { runId: run.id, mode: 'random' });
    expect(drawn.status).toBe('drawn');
    expect(drawn.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(drawn.panel).toHaveLength(PANEL);
    // Anyone can draw again from the input with the recorded seed and get the same panel.
    const check = { algorithm: 'legacy' as const, document: input.content, publishedHash: run.inputHash, seed: drawn.seed!, chosenCodes: drawn.panel! };
    expect(await app.call('selection.verify', check)).toEqual({ ok: true, problems: [], ticket: null, objective: { name: 'legacy', params: {} } });
    expect((await app.call('selection.verify', { ...check, seed: 'another seed' })).ok).toBe(false);
    expectQuotasMet(drawn, await featuresByCode(app));
    // One per household: people 0&1, 2&3, 4&5 share an address.
    const byCode = await app.call('people.list', { status: 'selected', limit: 100 });
    const numbers = byCode.rows.map((p) => Number(p.lastName.slice('Quenby'.length, -1)));
    const households = numbers.filter((i) => i < 6).map((i) => Math.floor(i / 2));
    expect(new Set(households).size).toBe(households.length);
    const audit = await app.call('audit.list', { entity: 'selection', entityId: run.id });
    expect(audit.map((a) => a.action).sort()).toEqual(['selection.draw', 'selection.prepare']);
    app.close();
  });

  it('draws replacements after dropouts so that the seated members and the replacements meet the quotas', { timeout: 120_000 }, async () => {
    const app = await withPool();
    await setQuotas(app, QUOTAS);
    const before = await app.call('selection.overview', {});
    expect(before).toMatchObject({ panelSize: PANEL, candidates: POOL_SIZE, seated: 0, openSeats: PANEL, drawnPanelRunId: null, computing: false });
    // Nobody holds a seat yet: a replacement run has all seats to fill, like a panel run.
    const panelRun = await app.call('selection.prepare', { algorithm: 'leximin', timeLimitMs: 60_000 });
    const drawn = await app.call('selection.draw', { runId: panelRun.id, mode: 'random' });
    // "People who can be drawn" counts as the reserve list does: housemates of members are out.
    const afterDraw = await app.call('selection.overview', {});
    expect(afterDraw.candidates).toBe(drawn.reserve!.length);
    const full = await app.raw('selection.prepare', { algorithm: 'leximin', kind: 'replacement' });
    expect(full.ok ? null : full.error.i18nKey).toBe('errors.selectionNoOpenSeats');

    // Two members drop out: one woman from the South, one man.
    const features = await featuresByCode(app);
    const people = await app.call('people.list', { status: 'selected', limit: 100 });
    const leaving = [
      people.rows.find((p) => p.features.gender === 'F')!,
      people.rows.find((p) => p.features.gender === 'M')!,
    ];
    for (const p of leaving) await app.call('people.setStatus', { id: p.id, status: 'withdrawn', date: '2027-01-10', reason: 'moved abroad' });
    const after = await app.call('selection.overview', {});
    expect(after).toMatchObject({ seated: PANEL - 2, openSeats: 2, drawnPanelRunId: drawn.id });

    const sized = await app.raw('selection.prepare', { algorithm: 'leximin', kind: 'replacement', panelSize: 9 });
    expect(sized.ok ? null : sized.error.details?.fields).toEqual([expect.objectContaining({ field: 'panelSize' })]);

    const run = await app.call('selection.prepare', { algorithm: 'leximin', kind: 'replacement', timeLimitMs: 60_000 });
    expect(run).toMatchObject({ kind: 'replacement', panelSize: PANEL, status: 'prepared' });
    const detail = await app.call('selection.get', { id: run.id });
    const seated = drawn.panel!.filter((c) => !leaving.some((p) => p.code === c)).sort();
    expect(detail.fixed).toEqual(seated);
    // Probabilities are the candidates' chances of one of the two open seats.
    expect(Object.keys(detail.probabilities).some((c) => seated.includes(c))).toBe(false);
    expect(Object.values(detail.probabilities).reduce((s, p) => s + p, 0)).toBeCloseTo(2, 6);
    // The people who left are not candidates again.
    for (const p of leaving) expect(detail.probabilities[p.code]).toBeUndefined();

    const replaced = await app.call('selection.draw', { runId: run.id, mode: 'random' });
    expect(replaced.panel).toHaveLength(PANEL);
    expect(replaced.panel).toEqual(expect.arrayContaining(seated));
    expectQuotasMet(replaced, features);
    const newcomers = replaced.panel!.filter((c) => !seated.includes(c));
    expect(newcomers).toHaveLength(2);
    const selectedNow = await app.call('people.list', { status: 'selected', limit: 100 });
    expect(selectedNow.rows.map((p) => p.code).sort()).toEqual(replaced.panel);
    // Only the newcomers changed status in this draw.
    const audit = await app.call('audit.list', { entity: 'person' });
    const moved = audit.filter((a) => a.action === 'person.status' && (a.after as { selectionRun?: string }).selectionRun === run.id);
    expect(moved).toHaveLength(2);
    expect((await app.call('selection.overview', {})).openSeats).toBe(0);
    app.close();
  });

  it('refuses to edit or delete a run with SQL, except the allowed moves', async () => {
    const app = await withPool();
    await setQuotas(app, QUOTAS);
    const run = await app.call('selection.prepare', { algorithm: 'legacy' });
    const db = dbOf(app);
    const fails = (sql: string, ...params: unknown[]) => expect(() => db.prepare(sql).run(...params)).toThrow(/selection run/);

    fails('DELETE FROM selection_runs WHERE id = ?', run.id);
    fails("UPDATE selection_runs SET input_hash = 'forged' WHERE id = ?", run.id);
    fails("UPDATE selection_runs SET distribution_json = '{}' WHERE id = ?", run.id);
    fails("UPDATE selection_runs SET status = 'drawn' WHERE id = ?", run.id); // nothing drawn
    fails("UPDATE selection_runs SET status = 'superseded', superseded_at = 'now' WHERE id = ?", run.id); // no reason
    fails("UPDATE selection_runs SET status = 'superseded', superseded_reason = '  ', superseded_at = 'now' WHERE id = ?", run.id);
    fails("UPDATE selection_runs SET ticket = 3 WHERE id = ?", run.id);
    expect(() =>
      db
        .prepare(
          `INSERT INTO selection_runs (id, at, operator, kind, algorithm, algorithm_version, panel_size, one_per_household, input_hash,
             quotas_json, distribution_json, status, drawn_json, drawn_at, seed_mode, seed)
           VALUES ('x', 'now', 'me', 'panel', 'legacy', '1', 8, 1, 'h', '[]', '{}', 'drawn', '{}', 'now', 'random', 's')`,
        )
        .run(),
    ).toThrow(/selection run/);

    const drawn = await app.call('selection.draw', { runId: run.id, mode: 'public', numbers: [3, 1, 4, 1, 5] });
    expect(drawn.publicNumbers).toEqual([3, 1, 4, 1, 5]);
    expect(drawn.seed).toBe('public:3,1,4,1,5');
    fails("UPDATE selection_runs SET drawn_json = '{\"panel\":[]}' WHERE id = ?", run.id);
    fails("UPDATE selection_runs SET status = 'prepared' WHERE id = ?", run.id);
    fails("UPDATE selection_runs SET seed = 'other' WHERE id = ?", run.id);
    fails("UPDATE selection_runs SET status = 'superseded', superseded_reason = 'x', superseded_at = 'now', ticket = 5 WHERE id = ?", run.id);
    fails('DELETE FROM selection_runs');

    // Supersede: a reason is required; statuses stay.
    const noReason = await app.raw('selection.supersede', { id: run.id, reason: '  ' });
    expect(noReason.ok ? null : noReason.error.code).toBe('VALIDATION');
    const superseded = await app.call('selection.supersede', { id: run.id, reason: 'Quotas for education were entered wrongly' });
    expect(superseded).toMatchObject({ status: 'superseded', supersededReason: 'Quotas for education were entered wrongly', panel: drawn.panel });
    expect((await app.call('people.list', { status: 'selected', limit: 100 })).total).toBe(PANEL);
    const twice = await app.raw('selection.supersede', { id: run.id, reason: 'again' });
    expect(twice.ok ? null : twice.error.i18nKey).toBe('errors.selectionSuperseded');
    fails("UPDATE selection_runs SET status = 'drawn' WHERE id = ?", run.id);
    fails("UPDATE selection_runs SET superseded_reason = 'edited' WHERE id = ?", run.id);
    expect((await app.call('selection.list', {})).map((r) => r.status)).toEqual(['superseded']);
    app.close();
  });

  it('refuses a draw when the pool changed since the run was prepared', async () => {
    const app = await withPool();
    await setQuotas(app, QUOTAS);
    const run = await app.call('selection.prepare', { algorithm: 'legacy' });
    const someone = (await app.call('people.list', { limit: 1 })).rows[0]!;
    await app.call('people.setStatus', { id: someone.id, status: 'reserve' }); // still a candidate: same hash
    const moved = (await app.call('people.list', { limit: 2 })).rows[1]!;
    await app.call('people.setStatus', { id: moved.id, status: 'selected' }); // no longer a candidate
    const refused = await app.raw('selection.draw', { runId: run.id, mode: 'random' });
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'CONFLICT', i18nKey: 'errors.selectionPoolChanged' });
    app.close();
  });

  it('explains infeasible quotas, and refuses candidates without a value for a quota feature', async () => {
    const app = await withPool();
    await setQuotas(app, { ...QUOTAS, 'gender/F': [5, 6], 'gender/M': [5, 6] });
    const result = await app.raw('selection.prepare', { algorithm: 'legacy' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({ code: 'VALIDATION', i18nKey: 'errors.selectionInfeasible' });
      const explanation = result.error.details!.explanation as { feasible: boolean; conflicts: { kind: string }[]; relaxation: unknown };
      expect(explanation.feasible).toBe(false);
      expect(explanation.conflicts.map((c) => c.kind)).toContain('minima-exceed-seats');
      expect(explanation.relaxation).not.toBeNull();
    }
    app.close();

    // A feature that arrives with a quotas file: nobody in the pool has a value for it yet.
    const gap = await withPool();
    await setQuotas(gap, QUOTAS);
    await gap.call('quotas.importSortition', { fileName: 'categories.csv', contentBase64: b64('feature,value,min,max\nhousing,owner,0,8\n') });
    const missing = await gap.raw('selection.prepare', { algorithm: 'legacy' });
    expect(missing.ok ? null : missing.error).toMatchObject({ code: 'VALIDATION', i18nKey: 'errors.selectionMissingValues', details: { count: POOL_SIZE } });
    gap.close();
  });

  it('keeps names and e-mails out of the runs and the audit log', async () => {
    const app = await withPool();
    await setQuotas(app, QUOTAS);
    const run = await app.call('selection.prepare', { algorithm: 'legacy' });
    await app.call('selection.draw', { runId: run.id, mode: 'random' });
    await app.call('selection.supersede', { id: run.id, reason: 'test' });
    const db = dbOf(app);
    const dump = JSON.stringify([db.prepare('SELECT * FROM selection_runs').all(), db.prepare('SELECT * FROM audit_log').all()]);
    for (let i = 0; i < POOL_SIZE; i++) {
      expect(dump).not.toContain(surname(i));
      expect(dump).not.toContain(email(i));
    }
    expect(dump).not.toContain('Kerkstraat');
    expect(dump).not.toContain('kerkstr');
    app.close();
  });
});
