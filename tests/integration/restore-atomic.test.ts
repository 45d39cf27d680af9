/**
 * An atomic restore (issue 18): backups.restore writes the backup into a temporary file beside
 * the assembly, flushes it, closes the live file and renames the copy over it. A restore killed
 * at any moment leaves the old file or the new one, complete, and it opens; never a 0-byte or
 * half-copied file, never the old file's -wal applied to the new one.
 *
 * The kill is real: the restore runs in a child process (tests/helpers/restoreChild.ts) that
 * SIGKILLs itself at a chosen byte of the copy, between the flush and the rename, or just after
 * the rename (the restore's test seam), so every run kills at the same place.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SEED, writeDemoAssembly } from '../../main/demo/writeDemo';
import { makeApp } from '../helpers/app';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir('assembly-desk-restore-');
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('../helpers/restoreChild.ts', import.meta.url));
const LATE_SESSION = 'Added after the backup';
let demo: string;

let demoDir: string;

beforeAll(async () => {
  // Not a tempDir(): those are removed after each test, and the demo serves them all.
  demoDir = mkdtempSync(join(tmpdir(), 'assembly-desk-restore-demo-'));
  demo = join(demoDir, 'demo.assembly');
  await writeDemoAssembly(demo, { seed: DEMO_SEED, panelSize: 60, stage: 'recruitment' });
}, 120_000);
afterAll(() => rmSync(demoDir, { recursive: true, force: true }));

/**
 * An assembly with a manual backup (the "new" state a restore brings) and, after it, one more
 * session (the "old" state, which a restore replaces). Returns the backup's name and bytes.
 */
async function fileWithBackup(dir: string) {
  const file = join(dir, 'venue.assembly');
  copyFileSync(demo, file);
  const app = makeApp(join(dir, 'data'));
  await app.call('app.openAssembly', { path: file });
  const backup = await app.call('backups.create', {});
  await app.call('sessions.create', { name: LATE_SESSION, date: '2027-03-03', startTime: '19:00', endTime: '21:30', kind: 'plenary' });
  app.close();
  const backupPath = join(`${file}.backups`, backup.name);
  return { file, name: backup.name, backupBytes: readFileSync(backupPath) };
}

function runChild(file: string, name: string, kill: string): Promise<{ stdout: string; signal: NodeJS.Signals | null; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, name, kill], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ stdout: stdout + stderr, signal, code }));
  });
}

const leftovers = (file: string) => readdirSync(join(file, '..')).filter((n) => n.startsWith('.venue.assembly.restoring-'));

/** Opens the file as the app does (integrity check included) and says which state it holds. */
async function stateAfter(dir: string, file: string): Promise<'old' | 'new'> {
  const app = makeApp(join(dir, 'after'));
  try {
    await app.call('app.openAssembly', { path: file });
    expect((await app.call('pool.summary', {})).people).toBe(1500);
    const late = (await app.call('sessions.list', {})).some((s) => s.name === LATE_SESSION);
    return late ? 'old' : 'new';
  } finally {
    app.close();
  }
}

describe('a restore killed half-way', () => {
  const cases: { kill: (backupBytes: number) => string; moment: RegExp; expected: 'old' | 'new' }[] = [
    // Half of the backup is in the temporary file: the live file has not been touched.
    { kill: (size) => `copy:${Math.floor(size / 2)}`, moment: /^KILL copy \d+$/m, expected: 'old' },
    // The copy is complete and flushed, the live file closed (its -wal moved into it): still the old file.
    { kill: () => 'beforeRename', moment: /^KILL beforeRename$/m, expected: 'old' },
    // Renamed, not reopened: the new file, exactly the backup's bytes, with no -wal of the old one.
    { kill: () => 'afterRename', moment: /^KILL afterRename$/m, expected: 'new' },
  ];

  it.each(cases)('killed at $moment: the file is the $expected one, complete, and opens', async ({ kill, moment, expected }) => {
    const dir = tempDir();
    const { file, name, backupBytes } = await fileWithBackup(dir);
    const run = await runChild(file, name, kill(backupBytes.length));
    expect(run.stdout, run.stdout).toMatch(moment);
    expect(run.signal).toBe('SIGKILL');

    // As the kill left it: never empty; the new file is exactly the backup, with no -wal or -shm
    // beside it that SQLite would apply to it.
    expect(statSync(file).size).toBeGreaterThan(0);
    if (expected === 'new') {
      expect(readFileSync(file).equals(backupBytes)).toBe(true);
      expect(existsSync(`${file}-wal`) || existsSync(`${file}-shm`)).toBe(false);
      expect(leftovers(file)).toEqual([]);
    } else {
      // The old file (with its -wal when the kill came while it was still open), not the backup.
      expect(readFileSync(file).equals(backupBytes)).toBe(false);
      expect(leftovers(file)).toHaveLength(1);
      // The temporary copy is owner-only: it holds the same personal data.
      if (process.platform !== 'win32') expect(statSync(join(dir, leftovers(file)[0]!)).mode & 0o777).toBe(0o600);
    }

    expect(await stateAfter(dir, file)).toBe(expected);
    // Opening the file again removed the temporary copy the kill left behind.
    expect(leftovers(file)).toEqual([]);
    // The state the restore was about to replace is kept as a backup in every case.
    expect(readdirSync(`${file}.backups`).some((n) => n.endsWith('-before-restore.assembly'))).toBe(true);
  }, 120_000);
});

describe('a restore to its end', () => {
  it('brings the backup back in place of the file (owner-only, no temporary file left) and the app goes on with it', async () => {
    const dir = tempDir();
    const { file, name } = await fileWithBackup(dir);
    const app = makeApp(join(dir, 'data'));
    await app.call('app.openAssembly', { path: file });
    const inodeBefore = statSync(file).ino;
    await app.call('backups.restore', { name });
    // Replaced by a rename (a new file), not written into.
    expect(statSync(file).ino).not.toBe(inodeBefore);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(leftovers(file)).toEqual([]);
    expect((await app.call('sessions.list', {})).some((s) => s.name === LATE_SESSION)).toBe(false);
    // The app writes to the restored file.
    await app.call('sessions.create', { name: 'After the restore', date: '2027-03-04', startTime: '19:00', endTime: '21:30', kind: 'plenary' });
    app.close();
    expect(await stateAfter(dir, file)).toBe('new');
  }, 60_000);

  it('is refused while another program holds the file open (its -wal would belong to the old file): nothing changes', async () => {
    const dir = tempDir();
    const { file, name } = await fileWithBackup(dir);
    const app = makeApp(join(dir, 'data'));
    await app.call('app.openAssembly', { path: file });
    const other = new Database(file, { readonly: true });
    other.prepare('SELECT count(*) FROM people').get();
    try {
      const refused = await app.raw('backups.restore', { name });
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      expect(refused.error).toMatchObject({ code: 'CONFLICT', i18nKey: 'backups.fileInUse' });
      expect(refused.error.message).toBe('venue.assembly is open in another window or program (its -wal and -shm file is in use): close it there, then restore again. Nothing was changed.');
      // The old file stays open in the app, as it was.
      expect((await app.call('sessions.list', {})).some((s) => s.name === LATE_SESSION)).toBe(true);
      expect(leftovers(file)).toEqual([]);
    } finally {
      other.close();
      app.close();
    }
  }, 60_000);
});
