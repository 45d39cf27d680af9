/**
 * Erasure that reaches every copy (issue 18): after people.erase, the raw bytes of the assembly
 * file, its -wal and every backup hold none of the person's values; a restore does not bring
 * them back; a copy saved elsewhere is named so that a person can delete it.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeApp } from '../helpers/app';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();

/** The files holding the assembly's bytes: the file, its -wal, and every backup. */
function filesOf(path: string): string[] {
  const backups = `${path}.backups`;
  return [path, `${path}-wal`, ...(existsSync(backups) ? readdirSync(backups).map((n) => join(backups, n)) : [])].filter((f) => existsSync(f));
}

function holding(files: string[], values: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const value of values) if (bytes.includes(Buffer.from(value, 'utf8'))) found.push(`${file.split('/').pop()}: ${value}`);
  }
  return found;
}

describe('erasure', () => {
  it('removes the person from the file, its log and every backup, byte for byte, and names the copies saved elsewhere', async () => {
    const dir = tempDir();
    const app = makeApp(dir);
    const opened = await app.call('app.openDemo', { stage: 'venue' });
    const path = opened.path;
    // A participant given values nobody else has (a common name or street would rightly stay for others).
    const [participant] = (await app.call('people.list', { status: 'confirmed', limit: 1 })).rows;
    const person = await app.call('people.update', {
      id: participant!.id,
      firstName: 'Quirijntje',
      lastName: 'Vanderzwalmenhove',
      email: 'quirijntje.vdz@example.be',
      phone: '+32 479 31 41 59',
      street: 'Zwaluwenhofdreef',
      // The bank account for the per-diem is personal data too (migration 0015).
      iban: 'BE71 0961 2345 6769',
      ibanConsentDate: '2027-02-01',
    });
    expect(person.iban).toBe('BE71096123456769');
    const values = ['Quirijntje', 'Vanderzwalmenhove', 'quirijntje.vdz@example.be', '+32 479 31 41 59', 'Zwaluwenhofdreef', 'BE71096123456769'];
    await app.call('backups.create', {});
    await app.call('sessions.create', { name: 'Extra day', date: '2027-03-06', startTime: '09:30', endTime: '17:00', kind: 'plenary' });
    await app.call('backups.create', {});
    // A folder that does not exist is named, and nothing is written.
    const missing = await app.raw('app.saveCopy', { path: join(dir, 'usb', 'for-the-printer.assembly') });
    expect(missing.ok ? null : missing.error).toMatchObject({ code: 'NOT_FOUND', i18nKey: 'backups.folderMissing' });
    mkdirSync(join(dir, 'usb'));
    const copy = await app.call('app.saveCopy', { path: join(dir, 'usb', 'for-the-printer.assembly') });
    // A full-level workbook (names, contacts) downloaded is a copy elsewhere too; a pseudonymised one is not listed.
    const workbook = await app.call('reports.export', { report: 'workbook', format: 'xlsx', level: 'full' });
    await app.call('reports.export', { report: 'workbook', format: 'xlsx', level: 'pseudonymised' });
    // Before: the backups hold the person (else this test could not fail).
    const backupsBefore = filesOf(path).filter((f) => f.includes('.backups'));
    expect(backupsBefore.length).toBeGreaterThanOrEqual(2);
    expect(holding(backupsBefore, values).length).toBeGreaterThan(0);

    const erased = await app.call('people.erase', { id: person.id, confirmCode: person.code });
    expect(erased.erasure).toMatchObject({ backupsErased: backupsBefore.length, backupsFailed: [], logCleared: true });
    expect(erased.erasure.copiesElsewhere.map((c) => c.path)).toEqual([copy.path, workbook.fileName]);
    expect(holding(filesOf(path), values)).toEqual([]);
    // The copy on the "USB stick" is out of reach: it still holds them, and that is why it is named.
    expect(holding([copy.path], values).length).toBeGreaterThan(0);
    const audit = await app.call('audit.list', { entity: 'person', entityId: person.id });
    expect(audit.find((a) => a.action === 'person.eraseBackups')?.after).toMatchObject({ backupsErased: backupsBefore.length, copiesElsewhere: [{ path: copy.path }, { path: workbook.fileName }] });

    // Restoring the backup taken before the erasure does not bring the person back.
    const manual = (await app.call('backups.list', {})).backups.find((b) => b.reason === 'manual')!;
    await app.call('backups.restore', { name: manual.name });
    const after = await app.call('people.get', { id: person.id });
    expect(after.erasedAt).not.toBeNull();
    expect([after.firstName, after.lastName, after.email, after.phone, after.iban, after.ibanConsentDate]).toEqual(['', '', null, null, null, null]);
    app.close();
  }, 120_000);

  it('applies what it can and lists a backup it cannot reach, without failing the erasure', async () => {
    const dir = tempDir();
    const app = makeApp(dir);
    const opened = await app.call('app.openDemo', {});
    await app.call('backups.create', {});
    const backups = `${opened.path}.backups`;
    writeFileSync(join(backups, 'damaged-2027-01-01T00-00-00-000Z-manual.assembly'), 'not a database at all');
    writeFileSync(join(dir, 'someone-else.txt'), 'not ours');
    symlinkSync(join(dir, 'someone-else.txt'), join(backups, 'link-2027-01-01T00-00-00-000Z-manual.assembly'));
    const [person] = (await app.call('people.list', { limit: 1 })).rows;
    const erased = await app.call('people.erase', { id: person!.id, confirmCode: person!.code });
    expect(erased.erasedAt).not.toBeNull();
    expect(erased.erasure.backupsFailed.map((f) => f.name).sort()).toEqual(['damaged-2027-01-01T00-00-00-000Z-manual.assembly', 'link-2027-01-01T00-00-00-000Z-manual.assembly']);
    expect(erased.erasure.backupsErased).toBeGreaterThanOrEqual(1);
    expect(readFileSync(join(dir, 'someone-else.txt'), 'utf8')).toBe('not ours');
    app.close();
  }, 120_000);
});
