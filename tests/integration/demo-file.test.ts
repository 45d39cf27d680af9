import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openAssemblyDb, type Db } from '../../db/connection';
import { DEMO_CLOCK, DEMO_SEED, writeDemoAssembly } from '../../main/demo/writeDemo';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'assembly-desk-demo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const count = (db: Db, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

async function withDb<T>(path: string, use: (db: Db) => T): Promise<T> {
  const { db } = await openAssemblyDb(path);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

/** The CLI exactly as `npm run demo` runs it. */
function demoCli(args: string[]) {
  const result = spawnSync('npx', ['tsx', 'main/demo/cli.ts', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    // npx is a .cmd script on Windows, which only a shell can start.
    shell: process.platform === 'win32',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the demo assembly file', () => {
  const file = join(work, 'demo.assembly');

  it('is written, with every table filled, in well under a second', async () => {
    const started = performance.now();
    await writeDemoAssembly(file, { seed: DEMO_SEED, panelSize: 60 });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(3000); // generous for slow CI; ~150 ms on a laptop
    expect(readdirSync(work)).toEqual(['demo.assembly']); // no temporary, -wal or -shm left behind

    await withDb(file, (db) => {
      expect(count(db, 'assembly')).toBe(1);
      expect(count(db, 'sessions')).toBe(6);
      expect(count(db, 'features')).toBe(6);
      expect(count(db, 'feature_values')).toBe(3 + 6 + 3 + 11 + 3 + 3);
      expect(count(db, 'people')).toBe(1500);
      expect(count(db, 'person_features')).toBe(1500 * 6);
      expect(count(db, 'audit_log')).toBe(1);
      expect(db.prepare('SELECT name, panel_size AS panelSize, created_at AS createdAt FROM assembly').get()).toEqual({
        name: 'We Need to Talk — Party Funding (demo)',
        panelSize: 60,
        createdAt: DEMO_CLOCK,
      });
      // Every person has exactly one value per feature, and that value belongs to the feature.
      const mismatched = db
        .prepare(
          `SELECT count(*) AS n FROM person_features pf
           JOIN feature_values v ON v.id = pf.value_id WHERE v.feature_id <> pf.feature_id`,
        )
        .get() as { n: number };
      expect(mismatched.n).toBe(0);
    });
  });

  it('holds six sessions on three weekends, each a Saturday and the Sunday after', async () => {
    type Row = { name: string; nameKey: string; date: string; startTime: string; endTime: string; kind: string };
    const sessions = await withDb(file, (db) =>
      db
        .prepare('SELECT name, name_key AS nameKey, date, start_time AS startTime, end_time AS endTime, kind FROM sessions ORDER BY date')
        .all() as Row[],
    );
    const day = (d: string) => new Date(`${d}T12:00:00Z`).getUTCDay();
    const saturdays = sessions.filter((s) => day(s.date) === 6).map((s) => s.date);
    const sundays = sessions.filter((s) => day(s.date) === 0).map((s) => s.date);
    expect(saturdays).toHaveLength(3);
    expect(sundays).toHaveLength(3);
    sundays.forEach((sunday, i) => expect(Date.parse(sunday) - Date.parse(saturdays[i]!)).toBe(86_400_000));
    for (const s of sessions) {
      expect(s).toMatchObject({ startTime: '09:30', endTime: '17:00', kind: 'plenary' });
      expect(s.nameKey).toBe(s.name.toLowerCase());
    }
  });

  it('records the generation in the audit log', async () => {
    const audit = await withDb(file, (db) => ({
      row: db.prepare('SELECT * FROM audit_log').get() as Record<string, string>,
      assemblyId: (db.prepare('SELECT id FROM assembly').get() as { id: string }).id,
    }));
    expect(audit.row).toMatchObject({
      at: DEMO_CLOCK,
      operator: 'demo generator',
      entity: 'assembly',
      entity_id: audit.assemblyId,
      action: 'demo.generate',
      before_json: null,
    });
    expect(JSON.parse(audit.row.after_json!)).toEqual({ seed: DEMO_SEED, stage: 'recruitment', panelSize: 60, people: 1500, confirmed: 0, checkIns: 0 });
  });

  it('stores accent-free search keys and household keys', async () => {
    await withDb(file, (db) => {
      const accented = db
        .prepare(
          `SELECT first_name AS firstName, last_name AS lastName, code, search_key AS searchKey
           FROM people WHERE first_name || last_name GLOB '*[éèëçüöñ]*' LIMIT 20`,
        )
        .all() as { firstName: string; lastName: string; code: string; searchKey: string }[];
      expect(accented.length).toBeGreaterThan(5);
      for (const p of accented) {
        expect(p.searchKey).not.toMatch(/[éèëçüöñ]/);
        expect(p.searchKey).toContain(p.code.toLowerCase());
      }
      const shared = db
        .prepare(
          `SELECT count(*) AS n FROM people
           WHERE household_key IN (SELECT household_key FROM people GROUP BY household_key HAVING count(*) > 1)`,
        )
        .get() as { n: number };
      expect(shared.n / 1500).toBeGreaterThanOrEqual(0.1);
      expect(shared.n / 1500).toBeLessThanOrEqual(0.15);
    });
  });

  it('is byte-identical for the same seed and differs for another seed', async () => {
    const again = join(work, 'again.assembly');
    const other = join(work, 'other.assembly');
    await writeDemoAssembly(again, { seed: DEMO_SEED, panelSize: 60 });
    await writeDemoAssembly(other, { seed: 'something else', panelSize: 60 });
    expect(sha256(again)).toBe(sha256(file));
    expect(sha256(other)).not.toBe(sha256(file));
  });

  it('refuses to overwrite an existing file', async () => {
    await expect(writeDemoAssembly(file, { seed: DEMO_SEED, panelSize: 60 })).rejects.toThrow(/already exists/);
  });
});

describe('the demo at the venue', () => {
  it('has a confirmed panel that meets the quotas, per-diem rules and the first weekend checked in, the same for the same seed', async () => {
    const venue = join(work, 'venue.assembly');
    await writeDemoAssembly(venue, { seed: DEMO_SEED, panelSize: 60, stage: 'venue' });
    await withDb(venue, (db) => {
      const confirmed = db.prepare("SELECT id FROM people WHERE status = 'confirmed'").pluck().all() as string[];
      expect(confirmed).toHaveLength(60);
      // Every quota of the demo is met by the confirmed panel.
      const quotas = db
        .prepare(
          `SELECT f.name, v.value, v.quota_min AS min, v.quota_max AS max,
             (SELECT count(*) FROM person_features pf JOIN people p ON p.id = pf.person_id
               WHERE pf.value_id = v.id AND p.status = 'confirmed') AS seats
           FROM feature_values v JOIN features f ON f.id = v.feature_id WHERE v.quota_min IS NOT NULL`,
        )
        .all() as { name: string; value: string; min: number; max: number; seats: number }[];
      expect(quotas.length).toBeGreaterThan(5);
      for (const q of quotas) {
        expect(q.seats, `${q.name} ${q.value}`).toBeGreaterThanOrEqual(q.min);
        expect(q.seats, `${q.name} ${q.value}`).toBeLessThanOrEqual(q.max);
      }
      // One per household.
      const households = db.prepare("SELECT count(DISTINCT household_key) FROM people WHERE status = 'confirmed'").pluck().get();
      expect(households).toBe(60);
      expect(db.prepare('SELECT full_day_cents FROM perdiem_rules').pluck().get()).toBe(5000);
      const perSession = db.prepare("SELECT session_id, count(*) AS n FROM attendance_events WHERE kind = 'checkIn' GROUP BY session_id").all() as { n: number }[];
      expect(perSession).toHaveLength(2);
      for (const s of perSession) expect(s.n).toBeGreaterThan(50);
      // The ballot of twelve recommendations, counted twice and finalised.
      const ballot = db.prepare("SELECT items_json, final_present FROM ballots WHERE status = 'finalised'").get() as { items_json: string; final_present: number };
      expect(JSON.parse(ballot.items_json)).toHaveLength(12);
      expect(db.prepare('SELECT count(*) FROM tally_entries').pluck().get()).toBe(2);
    });
    const again = join(work, 'venue-again.assembly');
    await writeDemoAssembly(again, { seed: DEMO_SEED, panelSize: 60, stage: 'venue' });
    expect(sha256(again)).toBe(sha256(venue));
  });
});

describe('npm run demo (main/demo/cli.ts)', () => {
  it('writes a file, the same bytes as writing it in-process', async () => {
    const out = join(work, 'cli.assembly');
    const run = demoCli(['--out', out, '--seed', 'cli-seed', '--panel-size', '150']);
    expect(run.stderr).not.toMatch(/^demo:/m);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Wrote .*cli\.assembly: .*1500 people.*panel of 150.*seed "cli-seed"/);

    // Another process, same seed: the same file byte for byte.
    const inProcess = join(work, 'in-process.assembly');
    await writeDemoAssembly(inProcess, { seed: 'cli-seed', panelSize: 150 });
    expect(sha256(out)).toBe(sha256(inProcess));
  });

  it('refuses an existing file without --force, with a clear message and a non-zero exit', () => {
    const out = join(work, 'cli.assembly');
    const before = sha256(out);
    const run = demoCli(['--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/demo: .*cli\.assembly already exists\. Pass --force to replace it/);
    expect(sha256(out)).toBe(before);

    const forced = demoCli(['--out', out, '--force', '--seed', 'replaced']);
    expect(forced.status).toBe(0);
    expect(sha256(out)).not.toBe(before);
    expect(readdirSync(work).filter((f) => f.includes('cli.assembly'))).toEqual(['cli.assembly']);
  });

  it('refuses bad flags and panel sizes with exit code 2 and the usage', () => {
    const out = join(work, 'never.assembly');
    const badRuns = [
      ['--out', out, '--panel-size', '0'],
      ['--out', out, '--panel-size', 'ten'],
      ['--out', out, '--bogus'],
      ['--seed', 'x'], // no --out
    ];
    for (const args of badRuns) {
      const run = demoCli(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^demo: .+\n\nUsage: npm run demo/m);
    }
    expect(demoCli(['--out', out, '--panel-size', '1.5']).stderr).toMatch(/--panel-size must be a positive whole number, got "1.5"/);
    expect(existsSync(out)).toBe(false);
  });
});
