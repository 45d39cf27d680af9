import Database from 'better-sqlite3';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, backupDirFor, openAssemblyDb } from '../../db/connection';
import { loadMigrations, type Migration } from '../../db/migrations';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();

/** The real migrations plus one extra, as a later release would ship. */
function withExtraMigration(sql = 'ALTER TABLE sessions ADD COLUMN capacity INTEGER;'): Migration[] {
  const real = loadMigrations();
  return [...real, { version: real.length + 1, name: 'extra', sql }];
}

describe('opening assembly files', () => {
  it('creates a file migrated up from empty, with the pragmas that keep data safe', async () => {
    const file = join(tempDir(), 'new.assembly');
    const { db, migratedFrom, schemaVersion, backupPath } = await openAssemblyDb(file, { create: true });
    expect(migratedFrom).toBe(0);
    expect(schemaVersion).toBe(loadMigrations().length);
    expect(backupPath).toBeNull();
    expect(db.pragma('user_version', { simple: true })).toBe(schemaVersion);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(10_000);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type='table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['assembly', 'sessions', 'people', 'audit_log', 'features']));
    db.close();
  });

  it('keeps data across close and reopen', async () => {
    const file = join(tempDir(), 'keep.assembly');
    const first = await openAssemblyDb(file, { create: true });
    first.db.prepare("INSERT INTO assembly (id, name, panel_size, created_at, updated_at) VALUES ('a1', 'Kept', 60, 'now', 'now')").run();
    first.db.close();
    const again = await openAssemblyDb(file);
    expect(again.db.prepare('SELECT name FROM assembly').pluck().get()).toBe('Kept');
    expect(again.migratedFrom).toBe(again.schemaVersion);
    again.db.close();
  });

  it('backs the file up before migrating, then migrates, and the backup still holds the old data', async () => {
    const file = join(tempDir(), 'old.assembly');
    const v1 = await openAssemblyDb(file, { create: true });
    v1.db.prepare("INSERT INTO assembly (id, name, panel_size, created_at, updated_at) VALUES ('a1', 'Before', 60, 'now', 'now')").run();
    v1.db.close();

    const migrations = withExtraMigration();
    const now = () => new Date('2027-01-02T03:04:05.000Z');
    const v2 = await openAssemblyDb(file, { migrations, now });
    expect(v2.migratedFrom).toBe(migrations.length - 1);
    expect(v2.db.pragma('user_version', { simple: true })).toBe(migrations.length);
    const columns = v2.db.prepare("SELECT name FROM pragma_table_info('sessions')").pluck().all();
    expect(columns).toContain('capacity');
    expect(v2.backupPath).not.toBeNull();
    expect(v2.backupPath!.startsWith(backupDirFor(file))).toBe(true);
    expect(v2.backupPath).toContain('2027-01-02T03-04-05-000Z');
    v2.db.close();

    const backup = new Database(v2.backupPath!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(migrations.length - 1);
    expect(backup.prepare('SELECT name FROM assembly').pluck().get()).toBe('Before');
    backup.close();
  });

  it('leaves the file at its old version when a migration fails halfway', async () => {
    const file = join(tempDir(), 'failing.assembly');
    (await openAssemblyDb(file, { create: true })).db.close();
    const broken = withExtraMigration('CREATE TABLE extra_one (x); THIS IS NOT SQL;');
    await expect(openAssemblyDb(file, { migrations: broken })).rejects.toThrow();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(broken.length - 1);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'extra_one'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a file written by a newer version, without changing it', async () => {
    const file = join(tempDir(), 'future.assembly');
    const made = await openAssemblyDb(file, { create: true, migrations: withExtraMigration() });
    made.db.close();
    const error = await openAssemblyDb(file).catch((e) => e);
    expect(error).toMatchObject({ code: 'FILE_TOO_NEW' });
    expect(error.message).toMatch(/newer version of Assembly Desk.*Update the app/);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations().length + 1);
    db.close();
  });

  it('says clearly when a file is not an assembly', async () => {
    const dir = tempDir();
    const text = join(dir, 'notes.assembly');
    writeFileSync(text, 'name;email\nAnn;ann@example.org\n');
    await expect(openAssemblyDb(text)).rejects.toMatchObject({ code: 'NOT_AN_ASSEMBLY', message: expect.stringContaining('not an SQLite database') });

    const empty = join(dir, 'empty.assembly');
    writeFileSync(empty, '');
    await expect(openAssemblyDb(empty)).rejects.toMatchObject({ code: 'NOT_AN_ASSEMBLY' });

    // Another program's SQLite database, and an SQLite file with no tables at all: refused,
    // and not one byte changed (no WAL switch, no tables added).
    const other = join(dir, 'other.sqlite');
    const foreign = new Database(other);
    foreign.exec('CREATE TABLE invoices (id INTEGER)');
    foreign.close();
    const blank = join(dir, 'blank.sqlite');
    const nothing = new Database(blank);
    nothing.pragma('user_version = 0');
    nothing.exec('CREATE TABLE t (x); DROP TABLE t;');
    nothing.close();
    for (const file of [other, blank]) {
      const before = readFileSync(file);
      await expect(openAssemblyDb(file)).rejects.toMatchObject({ code: 'NOT_AN_ASSEMBLY', message: expect.stringContaining('not an Assembly Desk file') });
      expect(readFileSync(file).equals(before), file).toBe(true);
      expect(existsSync(`${file}-wal`)).toBe(false);
    }

    await expect(openAssemblyDb(join(dir, 'missing.assembly'))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    await expect(openAssemblyDb(dir)).rejects.toMatchObject({ code: 'NOT_AN_ASSEMBLY' });
  });

  it('refuses a damaged file and points to the backup', async () => {
    const file = join(tempDir(), 'damaged.assembly');
    const { db } = await openAssemblyDb(file, { create: true });
    const insert = db.prepare("INSERT INTO audit_log (id, at, operator, entity, action) VALUES (?, 'now', 'op', 'x', 'y')");
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`id-${i}-${'x'.repeat(40)}`);
    })();
    db.close();
    // Overwrite bytes in the middle of the file (pages of the table and its index).
    const fs = await import('node:fs');
    const bytes = fs.readFileSync(file);
    const middle = Math.floor(bytes.length / 2);
    bytes.fill(0x5a, middle, middle + 8192);
    fs.writeFileSync(file, bytes);
    await expect(openAssemblyDb(file)).rejects.toMatchObject({ code: 'FILE_CORRUPT', message: expect.stringContaining('backup') });
  });

  it('refuses to create over an existing file', async () => {
    const file = join(tempDir(), 'exists.assembly');
    writeFileSync(file, 'precious');
    await expect(openAssemblyDb(file, { create: true })).rejects.toMatchObject({ code: 'FILE_EXISTS' });
    expect(existsSync(file)).toBe(true);
    expect(readdirSync(join(file, '..'))).toEqual(['exists.assembly']);
  });

  it('keeps the audit log append-only', async () => {
    const { db } = await openAssemblyDb(join(tempDir(), 'audit.assembly'), { create: true });
    db.prepare("INSERT INTO audit_log (id, at, operator, entity, action) VALUES ('1', 'now', 'op', 'x', 'y')").run();
    expect(() => db.prepare("UPDATE audit_log SET operator = 'someone else'").run()).toThrow(/cannot be changed/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/cannot be changed/);
    db.close();
  });
});
