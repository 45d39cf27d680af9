/**
 * Crash safety, proven (issue 10): a desk killed with SIGKILL in the middle of check-ins loses
 * no acknowledged check-in and leaves an intact file; an import that runs out of disk space
 * fails with an error and leaves the file as it was.
 *
 * Both run the real app in a child process (tsx, as `npm run cli` and the benchmarks do), so the
 * kill and the file-size limit hit a process that holds the file open, as in the field.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openAssemblyDb } from '../../db/connection';
import { DEMO_SEED, writeDemoAssembly } from '../../main/demo/writeDemo';
import { createRandom } from '../../main/domain/random';
import { poolCsv } from '../bench/poolFile';
import { makeApp } from '../helpers/app';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir('assembly-desk-crash-');
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHECKIN_CHILD = fileURLToPath(new URL('../helpers/checkinChild.ts', import.meta.url));
const CLI = fileURLToPath(new URL('../../main/cliMain.ts', import.meta.url));

const ROUNDS = 20;
/** Fresh sessions per round: 4 × 150 check-ins keep the child busy past the latest kill (400 ms). */
const SESSIONS_PER_ROUND = 4;

interface Ack {
  personId: string;
  sessionId: string;
}
interface KilledRun {
  acks: Ack[];
  /** The child had opened the file and was checking people in when the kill came. */
  ready: boolean;
  /** The child had finished every check-in before the kill (the round proved less). */
  done: boolean;
  failure: string | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

interface Desk {
  /** Resolves once the app is loaded (LOADED), before the file is touched. */
  loaded: Promise<void>;
  /** Lets it open the file and check in; SIGKILLs it `delayMs` after it reports READY. */
  run(delayMs: number): Promise<KilledRun>;
  kill(): void;
}

/**
 * Starts a check-in child that loads the app and waits (--wait): loading takes seconds through
 * tsx, so the test starts the next round's child while the current round runs.
 */
function startDesk(file: string, sessionIds: string[]): Desk {
  const child = spawn(process.execPath, ['--import', 'tsx', CHECKIN_CHILD, '--wait', file, ...sessionIds], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const state: KilledRun = { acks: [], ready: false, done: false, failure: null, signal: null, stderr: '' };
  let killDelay: number | null = null;
  let onLoaded!: () => void;
  const loaded = new Promise<void>((resolve) => (onLoaded = resolve));
  // 'close', not 'exit': every line the child wrote before dying has been read by then.
  const closed = new Promise<KilledRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      state.signal = signal;
      onLoaded(); // a child that died while loading: run() reports its failure
      resolve(state);
    });
  });
  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      const [word, a, b] = line.split(' ');
      if (word === 'ACK') state.acks.push({ personId: a!, sessionId: b! });
      else if (word === 'LOADED') onLoaded();
      else if (word === 'READY') {
        state.ready = true;
        setTimeout(() => child.kill('SIGKILL'), killDelay ?? 0);
      } else if (word === 'DONE') state.done = true;
      else if (word === 'FAIL') state.failure = line;
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (state.stderr += chunk));
  child.stdin.on('error', () => {}); // a child that died early: its failure is reported by run()
  return {
    loaded,
    kill: () => child.kill('SIGKILL'),
    run: async (delayMs) => {
      killDelay = delayMs;
      // A child that never gets ready (a broken import path, say) must not hang the suite.
      const watchdog = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.stdin.end('GO\n');
      const result = await closed;
      clearTimeout(watchdog);
      return result;
    },
  };
}

describe('crash safety', () => {
  it(`keeps every acknowledged check-in when the desk is killed (SIGKILL, ${ROUNDS} rounds)`, async () => {
    const dir = tempDir();
    const file = join(dir, 'venue.assembly');
    await writeDemoAssembly(file, { seed: DEMO_SEED, panelSize: 150, stage: 'venue' });

    // Check-in events are append-only, so each round gets sessions nobody has checked in to yet:
    // round 1 starts with the demo's weekend 2 (nobody checked in), the rest are new sessions.
    const app = makeApp(join(dir, 'data'));
    await app.call('app.openAssembly', { path: file });
    const weekend2 = (await app.call('sessions.list', {})).filter((s) => s.name.startsWith('Weekend 2')).map((s) => s.id);
    expect(weekend2).toHaveLength(2);
    const rounds: string[][] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const ids = r === 0 ? [...weekend2] : [];
      while (ids.length < SESSIONS_PER_ROUND) {
        const n = r * SESSIONS_PER_ROUND + ids.length + 1;
        const day = String(1 + (n % 28)).padStart(2, '0');
        ids.push((await app.call('sessions.create', { name: `Kill round ${r + 1}.${ids.length + 1}`, date: `2027-03-${day}`, startTime: '09:30', endTime: '17:00', kind: 'plenary' })).id);
      }
      rounds.push(ids);
    }
    app.close();

    const random = createRandom('crash-safety-kill-rounds');
    let acknowledged = 0;
    let killedMidRun = 0;
    let committedUnacknowledged = 0;
    // The next two children load while one runs: loading is CPU work the second core can do.
    const desks = new Map<number, Desk>();
    const startAhead = (r: number) => {
      for (let next = r; next < Math.min(ROUNDS, r + 3); next++) if (!desks.has(next)) desks.set(next, startDesk(file, rounds[next]!));
    };
    try {
      for (const [r, sessionIds] of rounds.entries()) {
        startAhead(r);
        const desk = desks.get(r)!;
        await desk.loaded;
        const delayMs = random.int(20, 400);
        const run = await desk.run(delayMs);
        const where = `round ${r + 1} (kill ${delayMs} ms after READY)`;
        expect(run.failure, `${where}: ${run.failure}\n${run.stderr}`).toBeNull();
        expect(run.ready, `${where}: the child never got ready\n${run.stderr}`).toBe(true);
        if (!run.done) {
          expect(run.signal, where).toBe('SIGKILL');
          killedMidRun += 1;
        }

        // Reopen as the app does after a crash: the integrity check runs inside openAssemblyDb
        // (it refuses a damaged file), and once more here, explicitly.
        const { db } = await openAssemblyDb(file);
        try {
          expect(db.pragma('integrity_check', { simple: true }), where).toBe('ok');
          expect(db.pragma('foreign_key_check'), where).toEqual([]);
          const marks = sessionIds.map(() => '?').join(', ');
          const events = db
            .prepare(`SELECT id, session_id AS sessionId, person_id AS personId FROM attendance_events WHERE kind = 'checkIn' AND session_id IN (${marks})`)
            .all(...sessionIds) as { id: string; sessionId: string; personId: string }[];
          const present = new Set(events.map((e) => `${e.sessionId} ${e.personId}`));
          const missing = run.acks.filter((a) => !present.has(`${a.sessionId} ${a.personId}`));
          expect(missing, `${where}: acknowledged check-ins missing after the kill`).toEqual([]);
          // The child acknowledges right after each commit: at most the one check-in in flight at
          // the kill may have committed without its ACK line, never more.
          expect(events.length - run.acks.length, where).toBeGreaterThanOrEqual(0);
          expect(events.length - run.acks.length, where).toBeLessThanOrEqual(1);
          committedUnacknowledged += events.length - run.acks.length;
          // Nobody twice, and every event landed together with its audit row (one transaction).
          expect(new Set(events.map((e) => `${e.sessionId} ${e.personId}`)).size, where).toBe(events.length);
          const withoutAudit = db
            .prepare(
              `SELECT count(*) FROM attendance_events e WHERE e.session_id IN (${marks})
                 AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'attendance' AND a.entity_id = e.id)`,
            )
            .pluck()
            .get(...sessionIds);
          expect(withoutAudit, where).toBe(0);
        } finally {
          db.close();
        }
        acknowledged += run.acks.length;
      }
    } finally {
      for (const desk of desks.values()) desk.kill();
    }

    console.log(
      `crash-safety: ${ROUNDS} SIGKILL rounds survived (${killedMidRun} killed mid-run), ${acknowledged} acknowledged check-ins verified present` +
        ` (${committedUnacknowledged} more committed without their ACK line: killed between commit and ACK), integrity_check ok after every kill`,
    );
    // The test proves something only if the kills land while check-ins are being written.
    expect(killedMidRun).toBeGreaterThanOrEqual(ROUNDS - 2);
    expect(acknowledged).toBeGreaterThan(ROUNDS * 5);
  }, 150_000);

  describe('a disk that fills up during an import', () => {
    /** What the file holds, as a person would count it: any change here is a partial write. */
    function contents(file: string) {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
        return {
          integrity: db.pragma('integrity_check', { simple: true }),
          people: count('people'),
          personFeatures: count('person_features'),
          imports: count('imports'),
          audit: count('audit_log'),
        };
      } finally {
        db.close();
      }
    }

    /** The recruitment demo (1,500 people) and an 8,000-row pool file from a Belgian office. */
    async function setUp() {
      const dir = tempDir();
      const file = join(dir, 'recruitment.assembly');
      await writeDemoAssembly(file, { seed: DEMO_SEED, panelSize: 60, stage: 'recruitment' });
      const csv = join(dir, 'pool-8000.csv');
      writeFileSync(csv, poolCsv(8_000));
      return { dir, file, csv, bytes: readFileSync(file), before: contents(file) };
    }

    /** `npm run cli -- --file <file> imports.importFile {"path": <csv>}`, the command a limited shell runs. */
    function importCommand(file: string, csv: string, dataDir: string): string[] {
      return [process.execPath, '--import', 'tsx', CLI, '--file', file, '--data-dir', dataDir, '--operator', 'Disk test', 'imports.importFile', JSON.stringify({ path: csv })];
    }

    function expectCleanFailure(result: ReturnType<typeof spawnSync>): string {
      const stderr = String(result.stderr);
      // Not a crash: no signal (Node ignores SIGXFSZ, so the write fails with EFBIG instead of
      // killing the process), the CLI's ordinary error exit, and one error line for the person.
      expect(result.signal, stderr).toBeNull();
      expect(result.status, stderr).toBe(1);
      expect(String(result.stdout)).toBe('');
      const line = stderr.split('\n').find((l) => l.startsWith('error '));
      expect(line, stderr).toBeDefined();
      expect(line).toMatch(/disk/i);
      // Said plainly: the transaction was rolled back, so the person knows nothing half-happened.
      expect(line).toMatch(/nothing was changed/);
      expect(line).not.toMatch(/SQLITE|disk I\/O error|Check the result/);
      return line!;
    }

    it('file-size limit (ulimit -f): the import fails with an error, the file is unchanged', async () => {
      const { dir, file, csv, bytes, before } = await setUp();
      expect(before.people).toBe(1500);
      // RLIMIT_FSIZE in 1 KiB blocks: the file may grow by 256 KiB, far less than 8,000 people
      // need; the WAL (where the transaction's pages go first) is capped at the same size.
      const limitKb = Math.ceil(bytes.length / 1024) + 256;
      const result = spawnSync('bash', ['-c', 'ulimit -f "$1"; shift; exec "$@"', 'bash', String(limitKb), ...importCommand(file, csv, join(dir, 'data'))], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      });
      const message = expectCleanFailure(result);
      console.log(`disk full (ulimit -f ${limitKb} KiB): ${message}`);

      expect(readFileSync(file).equals(bytes), 'the assembly file changed').toBe(true);
      expect(contents(file)).toEqual(before);
      // And the app opens it again as usual, the pool as it was.
      const app = makeApp(join(dir, 'data-after'));
      await app.call('app.openAssembly', { path: file });
      expect((await app.call('pool.summary', {})).people).toBe(1500);
      expect(await app.call('imports.list', {})).toHaveLength(before.imports);
      app.close();
    }, 90_000);

    // A real "no space left on device" (ENOSPC), on a small tmpfs in a private mount namespace
    // (`unshare -rm`: no root needed where user namespaces are allowed; nothing leaks outside).
    const probe = spawnSync('unshare', ['-rm', 'sh', '-c', 'd=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs "$d" && umount "$d" && rmdir "$d"'], { encoding: 'utf8' });
    const tmpfsWhy = probe.error ? probe.error.message : probe.status !== 0 ? probe.stderr.trim() : '';
    it.skipIf(tmpfsWhy !== '')(`full tmpfs (ENOSPC): the import fails with an error, the file is unchanged${tmpfsWhy ? ` — skipped: cannot mount a tmpfs in a user namespace (${tmpfsWhy})` : ''}`, async () => {
      const { dir, file, csv, bytes, before } = await setUp();
      const mnt = join(dir, 'small-disk');
      const out = join(dir, 'after');
      mkdirSync(mnt);
      mkdirSync(out);
      const sizeKb = Math.ceil(bytes.length / 1024) + 512;
      const onDisk = join(mnt, 'recruitment.assembly');
      // The tmpfs lives as long as the namespace: what is on it is copied out once the app exited.
      const script = 'mnt="$2"; out="$5"; mount -t tmpfs -o size="$1"k tmpfs "$mnt" && cp "$3" "$4" || exit 99; shift 5; "$@"; rc=$?; cp "$mnt"/* "$out"/; exit $rc';
      const result = spawnSync('unshare', ['-rm', 'sh', '-c', script, 'sh', String(sizeKb), mnt, file, onDisk, out, ...importCommand(onDisk, csv, join(dir, 'data'))], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      });
      const message = expectCleanFailure(result);
      console.log(`disk full (tmpfs of ${sizeKb} KiB): ${message}`);

      const after = join(out, 'recruitment.assembly');
      expect(readdirSync(out).filter((f) => f.endsWith('-wal') || f.endsWith('-journal')), 'a journal was left behind').toEqual([]);
      expect(readFileSync(after).equals(bytes), 'the assembly file changed').toBe(true);
      expect(contents(after)).toEqual(before);
      const app = makeApp(join(dir, 'data-after'));
      await app.call('app.openAssembly', { path: after });
      expect((await app.call('pool.summary', {})).people).toBe(1500);
      app.close();
    }, 90_000);
  });
});
