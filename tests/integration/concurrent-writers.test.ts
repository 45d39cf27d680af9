/**
 * Writes that wait (issue 16): three processes write check-ins to one assembly file at the same
 * time (web mode, `npm run web`, and two command-line desks, tests/helpers/checkinChild.ts, which
 * call the app's registry as `npm run cli` does), all three on the same two rosters. Every change
 * is an immediate transaction, so each one waits for the others' (busy timeout) instead of failing
 * with "database is locked": zero errors, every person checked in exactly once, by one of them,
 * and the others told "already checked in".
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DEMO_SEED, writeDemoAssembly } from '../../main/demo/writeDemo';
import { createRandom } from '../../main/domain/random';
import { makeApp } from '../helpers/app';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir('assembly-desk-writers-');
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHECKIN_CHILD = fileURLToPath(new URL('../helpers/checkinChild.ts', import.meta.url));
const WEB_START = fileURLToPath(new URL('../../main/web/start.ts', import.meta.url));

interface Tally {
  /** How many check-ins it set out to do (a desk reads its roster when it starts). */
  todo: number;
  acks: string[];
  skips: string[];
  errors: string[];
}

/** Calls `onLine` for each complete line the child writes on stdout. */
function lines(child: ChildProcessWithoutNullStreams, onLine: (line: string) => void): void {
  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    const parts = pending.split('\n');
    pending = parts.pop()!;
    for (const line of parts) onLine(line);
  });
}

interface CliDesk {
  loaded: Promise<void>;
  /** Lets it open the file and check in; resolves when it exits. */
  go(): Promise<Tally & { exitCode: number | null; stderr: string }>;
  kill(): void;
}

function startCliDesk(file: string, sessionIds: string[], reverse: boolean): CliDesk {
  const args = ['--import', 'tsx', CHECKIN_CHILD, '--wait', '--shared', ...(reverse ? ['--reverse'] : []), file, ...sessionIds];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const tally: Tally = { todo: 0, acks: [], skips: [], errors: [] };
  let stderr = '';
  let onLoaded!: () => void;
  const loaded = new Promise<void>((resolve) => (onLoaded = resolve));
  const closed = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      onLoaded();
      resolve(code);
    });
  });
  lines(child, (line) => {
    const [word, personId, sessionId] = line.split(' ');
    if (word === 'LOADED') onLoaded();
    else if (word === 'READY') tally.todo = Number(personId);
    else if (word === 'ACK') tally.acks.push(`${sessionId} ${personId}`);
    else if (word === 'SKIP') tally.skips.push(`${sessionId} ${personId}`);
    else if (word === 'FAIL') tally.errors.push(line);
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  child.stdin.on('error', () => {});
  return {
    loaded,
    kill: () => child.kill('SIGKILL'),
    go: async () => {
      child.stdin.end('GO\n');
      const exitCode = await closed;
      return { ...tally, exitCode, stderr };
    },
  };
}

interface WebMode {
  origin: string;
  token: string;
  stderr: () => string;
  stop(): void;
}

/** `npm run web` as a real process (without building the UI: a stub page is enough here). */
async function startWebMode(dir: string): Promise<WebMode> {
  const staticDir = join(dir, 'renderer');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Assembly Desk</title>');
  const child = spawn(process.execPath, ['--import', 'tsx', WEB_START, '--no-build', '--static-dir', staticDir, '--data-dir', join(dir, 'web-data')], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  const url = await new Promise<URL>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web mode did not start within 60 s\n${stderr}`)), 60_000);
    lines(child, (line) => {
      const match = /is ready: (\S+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(new URL(match[1]!));
      }
    });
    child.on('close', (code) => reject(new Error(`web mode exited (${code})\n${stderr}`)));
  });
  return { origin: url.origin, token: url.searchParams.get('token')!, stderr: () => stderr, stop: () => child.kill('SIGTERM') };
}

async function rpc(web: WebMode, method: string, args: unknown): Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string; i18nKey: string } }> {
  const reply = await fetch(`${web.origin}/rpc`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Assembly-Token': web.token },
    body: JSON.stringify({ method, args }),
  });
  return (await reply.json()) as { ok: boolean; data?: unknown; error?: { code: string; message: string; i18nKey: string } };
}

describe('several processes writing one assembly file', () => {
  it('web mode and two command-line desks check the same people in at once: no error, each person once', async () => {
    const dir = tempDir();
    const file = join(dir, 'venue.assembly');
    await writeDemoAssembly(file, { seed: DEMO_SEED, panelSize: 150, stage: 'venue' });

    // All three load at once (tsx takes seconds); nothing touches the file until each is loaded.
    const webStarting = startWebMode(dir);
    const db0 = new Database(file, { readonly: true });
    const weekend2 = db0.prepare("SELECT id FROM sessions WHERE name LIKE 'Weekend 2%' ORDER BY date, start_time").pluck().all() as string[];
    db0.close();
    expect(weekend2).toHaveLength(2);
    const desks = [startCliDesk(file, weekend2, false), startCliDesk(file, weekend2, true)];
    const web = await webStarting;
    try {
      await Promise.all(desks.map((d) => d.loaded));

      for (const [method, args] of [
        ['app.setOperator', { name: 'Web desk' }],
        ['app.openAssembly', { path: file }],
      ] as const) {
        const reply = await rpc(web, method, args);
        expect(reply.ok, `${method}: ${JSON.stringify(reply.error)}`).toBe(true);
      }
      const todo: { sessionId: string; personId: string; code: string }[] = [];
      for (const sessionId of weekend2) {
        const roster = await rpc(web, 'attendance.roster', { sessionId });
        for (const r of (roster.data as { rows: { personId: string; code: string; state: string }[] }).rows) {
          expect(r.state).toBe('expected');
          todo.push({ sessionId, personId: r.personId, code: r.code });
        }
      }
      expect(todo.length).toBe(300);

      const webTally: Tally = { todo: todo.length, acks: [], skips: [], errors: [] };
      const webRun = (async () => {
        // The web desk scans in a random order: it meets the two command-line desks everywhere.
        for (const t of createRandom('concurrent-writers').shuffle(todo)) {
          const reply = await rpc(web, 'attendance.checkIn', { sessionId: t.sessionId, code: t.code });
          const key = `${t.sessionId} ${t.personId}`;
          if (reply.ok) webTally.acks.push(key);
          else if (reply.error?.i18nKey === 'attendance.alreadyCheckedIn') webTally.skips.push(key);
          else webTally.errors.push(`${reply.error?.code} ${reply.error?.message}`);
        }
      })();
      const [cliA, cliB] = await Promise.all([desks[0]!.go(), desks[1]!.go(), webRun]);

      expect(webTally.errors, web.stderr()).toEqual([]);
      for (const cli of [cliA!, cliB!]) {
        expect(cli.errors, cli.stderr).toEqual([]);
        expect(cli.exitCode, cli.stderr).toBe(0);
      }

      // Every writer answered every person: checked in by it, or already in (by another).
      const writers = [webTally, cliA!, cliB!];
      for (const w of writers) {
        expect(w.todo).toBeGreaterThan(0);
        expect(w.acks.length + w.skips.length).toBe(w.todo);
      }
      const acked = writers.flatMap((w) => w.acks);
      expect(new Set(acked).size, 'a person acknowledged by two writers').toBe(acked.length);
      expect(new Set(acked)).toEqual(new Set(todo.map((t) => `${t.sessionId} ${t.personId}`)));
      // The writers really met: each of them checked some people in.
      const shares = writers.map((w) => w.acks.length);
      expect(shares.filter((n) => n > 0).length, `check-ins per writer (web, cli, cli): ${shares.join(', ')}`).toBeGreaterThanOrEqual(2);
      console.log(`concurrent-writers: ${todo.length} check-ins by web/cli/cli = ${shares.join('/')}, no error`);
    } finally {
      for (const d of desks) d.kill();
      await rpc(web, 'app.closeAssembly', {}).catch(() => undefined);
      web.stop();
    }

    // In the file: exactly one check-in per person and session, each with its audit row.
    const db = new Database(file, { readonly: true });
    try {
      const rows = db
        .prepare(`SELECT session_id || ' ' || person_id AS k, count(*) AS n FROM attendance_events WHERE kind = 'checkIn' AND session_id IN (?, ?) GROUP BY k`)
        .all(...weekend2) as { k: string; n: number }[];
      expect(rows).toHaveLength(300);
      expect(rows.filter((r) => r.n !== 1)).toEqual([]);
      const withoutAudit = db
        .prepare(
          `SELECT count(*) FROM attendance_events e WHERE e.session_id IN (?, ?)
             AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'attendance' AND a.entity_id = e.id)`,
        )
        .pluck()
        .get(...weekend2);
      expect(withoutAudit).toBe(0);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  }, 180_000);

  it('says plainly, and changes nothing, when another process holds the file longer than the busy timeout', async () => {
    const dir = tempDir();
    const app = makeApp(join(dir, 'data'));
    const file = join(dir, 'held.assembly');
    await app.call('app.createAssembly', { name: 'Held', path: file });
    app.ctx.open!.db.pragma('busy_timeout = 100'); // 10 s in the app; the test need not wait that long
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE'); // another process's long write
    try {
      const result = await app.raw('sessions.create', { name: 'Evening', date: '2027-03-03', startTime: '19:00', endTime: '21:30', kind: 'online' });
      expect(result.ok ? null : result.error).toMatchObject({ code: 'INTERNAL', i18nKey: 'errors.fileBusy', details: { reason: 'fileBusy' } });
      expect(result.ok ? '' : result.error.message).toMatch(/still writing to this assembly file.*nothing was changed/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(await app.call('sessions.list', {})).toEqual([]);
    // Once the other process is done, the same change goes through.
    await app.call('sessions.create', { name: 'Evening', date: '2027-03-03', startTime: '19:00', endTime: '21:30', kind: 'online' });
    expect(await app.call('sessions.list', {})).toHaveLength(1);
    app.close();
  });
});
