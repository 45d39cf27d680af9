/**
 * Bad files (issue 10, "Crash safety, proven"): opening a damaged assembly gives a clear error
 * that sends the person to a backup; opening something that is not an assembly says so. Either
 * way the file is left exactly as it was (not one byte, no -wal or -shm beside it), and the
 * assembly that was open stays open.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { backupDirFor } from '../../db/connection';
import { DEMO_SEED, writeDemoAssembly } from '../../main/demo/writeDemo';
import { makeApp } from '../helpers/app';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir('assembly-desk-bad-files-');
let demoBytes: Buffer;

beforeAll(async () => {
  const dir = tempDir();
  const file = join(dir, 'demo.assembly');
  await writeDemoAssembly(file, { seed: DEMO_SEED, panelSize: 60, stage: 'recruitment' });
  demoBytes = readFileSync(file);
}, 60_000);

/** A 1×1 PNG: what lands in the open dialog when someone picks the photo of the whiteboard. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** The app with a good assembly open, to show that a failed open leaves it open. */
async function appWithGoodAssembly(dir: string) {
  const app = makeApp(join(dir, 'data'));
  const good = join(dir, 'good.assembly');
  writeFileSync(good, demoBytes);
  await app.call('app.openAssembly', { path: good });
  return { app, good };
}

/** Opens `file` through the API and checks what every refusal must guarantee; returns the error. */
async function refusedOpen(app: Awaited<ReturnType<typeof appWithGoodAssembly>>['app'], good: string, file: string) {
  const before = readFileSync(file);
  const siblings = readdirSync(dirname(file)).sort();
  const result = await app.raw('app.openAssembly', { path: file });
  expect(result.ok, `${basename(file)} was opened`).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(readFileSync(file).equals(before), `${basename(file)} changed`).toBe(true);
  // No -wal, -shm or -journal left beside it, and no backups folder made for it.
  expect(readdirSync(dirname(file)).sort(), basename(file)).toEqual(siblings);
  const status = await app.call('app.status', {});
  expect(status.assembly?.path, 'the assembly that was open stays open').toBe(good);
  expect(status.recent.map((r) => r.path)).not.toContain(file);
  return result.error;
}

describe('opening a damaged assembly', () => {
  it('bytes overwritten in the middle (4 KiB of 0xFF at 40 %): FILE_CORRUPT, a clear message, the file untouched', async () => {
    const dir = tempDir();
    const { app, good } = await appWithGoodAssembly(dir);
    const file = join(dir, 'damaged.assembly');
    const bytes = Buffer.from(demoBytes);
    const at = Math.floor(bytes.length * 0.4);
    bytes.fill(0xff, at, at + 4096);
    writeFileSync(file, bytes);

    const error = await refusedOpen(app, good, file);
    expect(error.code).toBe('FILE_CORRUPT');
    // "damaged.assembly is damaged and cannot be opened. Open its latest backup instead." (SQLite
    // gives up before the integrity check can list the problems; its code is in the details.)
    expect(error.message).toMatch(/^damaged\.assembly is damaged\b.*\. Open its latest backup instead\.$/);
    expect(error.details).toMatchObject({ path: file });
    app.close();
  });

  it('a copy cut short half-way: FILE_CORRUPT, the file untouched', async () => {
    const dir = tempDir();
    const { app, good } = await appWithGoodAssembly(dir);
    const file = join(dir, 'half-copied.assembly');
    writeFileSync(file, demoBytes.subarray(0, Math.floor(demoBytes.length / 2)));
    const error = await refusedOpen(app, good, file);
    expect(error.code).toBe('FILE_CORRUPT');
    expect(error.message).toMatch(/^half-copied\.assembly is damaged .*latest backup/);
    app.close();
  });

  it('with good backups beside it: the error points to a backup, the backups stay untouched and the newest one opens', async () => {
    const dir = tempDir();
    const { app, good } = await appWithGoodAssembly(dir);
    const file = join(dir, 'venue.assembly');
    const bytes = Buffer.from(demoBytes);
    const at = Math.floor(bytes.length * 0.4);
    bytes.fill(0xff, at, at + 4096);
    writeFileSync(file, bytes);
    // Backups as the app names them (db/connection.ts, before a migration), made with the online
    // backup API from a good copy: an older one and the latest good one.
    const backups = backupDirFor(file);
    mkdirSync(backups);
    const source = new Database(good, { readonly: true });
    const older = join(backups, 'venue-before-v5-2027-01-10T08-00-00-000Z.assembly');
    const latest = join(backups, 'venue-before-v5-2027-01-30T08-00-00-000Z.assembly');
    await source.backup(older);
    await source.backup(latest);
    source.close();
    const backupBytes = readFileSync(latest);

    const error = await refusedOpen(app, good, file);
    expect(error.code).toBe('FILE_CORRUPT');
    // The message and the details name the latest good backup, for the Open dialog to offer.
    expect(error.message).toContain(`Its latest good backup is ${basename(latest)}`);
    expect(error.details).toMatchObject({ latestBackup: { name: basename(latest), path: latest, at: '2027-01-30T08:00:00.000Z' } });
    expect(readFileSync(latest).equals(backupBytes)).toBe(true);
    expect(readdirSync(backups).sort()).toEqual([basename(older), basename(latest)]);

    // Opening the backup it names works.
    const reopened = await app.call('app.openAssembly', { path: latest });
    expect(reopened.path).toBe(latest);
    expect((await app.call('pool.summary', {})).people).toBe(1500);
    app.close();
  });

});

describe('an unreadable file with backups beside it: the latest good backup is offered, whatever the cause', () => {
  /** Causes an interrupted restore or copy (or a slip) can leave, besides damage. */
  const causes: [name: string, make: (path: string) => void, code: string][] = [
    ['empty (0 bytes, as the old restore left it when killed)', (p) => writeFileSync(p, ''), 'NOT_AN_ASSEMBLY'],
    ['overwritten with something else', (p) => writeFileSync(p, PNG), 'NOT_AN_ASSEMBLY'],
    ['the first bytes of a copy only (no SQLite header yet)', (p) => writeFileSync(p, demoBytes.subarray(0, 10)), 'NOT_AN_ASSEMBLY'],
    [
      'another SQLite database put in its place',
      (p) => {
        const db = new Database(p);
        db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
        db.close();
      },
      'NOT_AN_ASSEMBLY',
    ],
  ];

  it.each(causes)('%s', async (_label, make, code) => {
    const dir = tempDir();
    const { app, good } = await appWithGoodAssembly(dir);
    const file = join(dir, 'venue.assembly');
    make(file);
    const backups = backupDirFor(file);
    mkdirSync(backups);
    // A damaged backup (newer) and another program's database are passed over; the good one is offered.
    const latest = join(backups, 'venue-2027-01-30T08-00-00-000Z-before-restore.assembly');
    writeFileSync(latest, demoBytes);
    writeFileSync(join(backups, 'venue-2027-01-30T09-00-00-000Z-auto.assembly'), demoBytes.subarray(0, 5000));
    const foreign = new Database(join(backups, 'venue-2027-01-30T10-00-00-000Z-manual.assembly'));
    foreign.exec('CREATE TABLE t (x)');
    foreign.close();

    const error = await refusedOpen(app, good, file);
    expect(error.code).toBe(code);
    expect(error.message).toContain(`Its latest good backup is ${basename(latest)} (2027-01-30T08:00:00.000Z): open that file instead.`);
    expect(error.details).toMatchObject({ path: file, latestBackup: { name: basename(latest), path: latest, at: '2027-01-30T08:00:00.000Z' } });
    expect((await app.call('app.openAssembly', { path: latest })).path).toBe(latest);
    app.close();
  });

  it('a file that is gone, with its backups still there', async () => {
    const dir = tempDir();
    const app = makeApp(join(dir, 'data'));
    const file = join(dir, 'venue.assembly');
    mkdirSync(backupDirFor(file));
    const latest = join(backupDirFor(file), 'venue-2027-01-30T08-00-00-000Z-manual.assembly');
    writeFileSync(latest, demoBytes);
    const result = await app.raw('app.openAssembly', { path: file });
    expect(result.ok ? null : result.error).toMatchObject({ code: 'FILE_NOT_FOUND', details: { latestBackup: { path: latest } } });
    app.close();
  });

  it('a file from a newer app is not sent to a backup (updating the app opens it)', async () => {
    const dir = tempDir();
    const app = makeApp(join(dir, 'data'));
    const file = join(dir, 'venue.assembly');
    writeFileSync(file, demoBytes);
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    mkdirSync(backupDirFor(file));
    writeFileSync(join(backupDirFor(file), 'venue-2027-01-30T08-00-00-000Z-manual.assembly'), demoBytes);
    const result = await app.raw('app.openAssembly', { path: file });
    expect(result.ok ? null : result.error.code).toBe('FILE_TOO_NEW');
    expect(result.ok ? null : result.error.details?.latestBackup).toBeUndefined();
    app.close();
  });
});

describe('opening a file that is not an assembly', () => {
  const cases: [name: string, make: (path: string) => void, message: RegExp][] = [
    ['whiteboard.png', (p) => writeFileSync(p, PNG), /^whiteboard\.png is not an Assembly Desk file \(it is not an SQLite database\)\.$/],
    ['respondents.txt', (p) => writeFileSync(p, 'Voornaam;Naam;E-mail\nAnn;Peeters;ann@example.be\n'), /^respondents\.txt is not an Assembly Desk file/],
    ['empty.assembly', (p) => writeFileSync(p, ''), /^empty\.assembly is not an Assembly Desk file/],
    [
      'invoices.sqlite',
      (p) => {
        const db = new Database(p);
        db.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices (total) VALUES (12.5), (99);");
        db.close();
      },
      /^invoices\.sqlite is an SQLite database, but not an Assembly Desk file\. It was not changed\.$/,
    ],
    [
      'other-app-wal.db',
      (p) => {
        // Another program's database in WAL mode: reading it makes SQLite create -wal and -shm.
        const db = new Database(p);
        db.pragma('journal_mode = WAL');
        db.pragma('user_version = 7');
        db.exec('CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES (\'hello\');');
        db.close();
      },
      /^other-app-wal\.db is an SQLite database, but not an Assembly Desk file\./,
    ],
    [
      'crashed-other-app.db',
      (p) => {
        // Another program's WAL database as that program left it when it crashed: the last rows
        // are only in its -wal. SQLite checkpoints a -wal into the file when the last connection
        // closes, so merely looking at it with SQLite would rewrite it and delete the -wal.
        const live = `${p}.live`;
        const db = new Database(live);
        db.pragma('journal_mode = WAL');
        db.exec('CREATE TABLE notes (body TEXT)');
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.exec("INSERT INTO notes VALUES ('only in the -wal')");
        copyFileSync(live, p);
        copyFileSync(`${live}-wal`, `${p}-wal`);
        db.close();
        rmSync(live);
      },
      /^crashed-other-app\.db is an SQLite database, but not an Assembly Desk file\. It was not changed\.$/,
    ],
  ];

  it.each(cases)('%s: NOT_AN_ASSEMBLY, and the file is left byte for byte as it was', async (name, make, message) => {
    const dir = tempDir();
    const { app, good } = await appWithGoodAssembly(dir);
    const file = join(dir, name);
    make(file);
    const wal = existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`) : null;
    const error = await refusedOpen(app, good, file);
    expect(error.code).toBe('NOT_AN_ASSEMBLY');
    expect(error.message).toMatch(message);
    expect(existsSync(backupDirFor(file))).toBe(false);
    // A -wal the other program left stays, byte for byte (refusedOpen checked it is still there).
    if (wal) expect(readFileSync(`${file}-wal`).equals(wal), `${name}-wal changed`).toBe(true);
    app.close();
  });
});
