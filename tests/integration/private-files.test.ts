/**
 * Private files (issue 18): an assembly, its -wal and -shm, its backups and copies hold citizens'
 * personal data and are readable by their owner only, whatever the process's default mode;
 * files made by an older version become owner-only when opened; a symbolic link in the backups
 * folder is not followed; the CLI's own default for new files is owner-only.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeApp } from '../helpers/app';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();
const modeOf = (path: string) => statSync(path).mode & 0o777;
const posix = process.platform !== 'win32';

describe.skipIf(!posix)('private files', () => {
  it('makes the assembly, its WAL, its backups folder, every backup and a saved copy owner-only', async () => {
    const dir = tempDir();
    const app = makeApp(dir);
    const path = join(dir, 'klimaat.assembly');
    await app.call('app.createAssembly', { name: 'Klimaat', path });
    await app.call('sessions.create', { name: 'Day 1', date: '2027-01-16', startTime: '09:00', endTime: '17:00', kind: 'plenary' });
    const backup = await app.call('backups.create', {});
    const copy = await app.call('app.saveCopy', { path: join(dir, 'copy.assembly') });
    expect(modeOf(path).toString(8)).toBe('600');
    for (const suffix of ['-wal', '-shm']) if (existsSync(path + suffix)) expect(modeOf(path + suffix).toString(8), suffix).toBe('600');
    expect(modeOf(join(dir, 'klimaat.assembly.backups')).toString(8)).toBe('700');
    expect(modeOf(join(dir, 'klimaat.assembly.backups', backup.name)).toString(8)).toBe('600');
    expect(modeOf(copy.path).toString(8)).toBe('600');
    app.close();
  });

  it('tightens a file made by an older version when it is opened, without following a link in its backups folder', async () => {
    const dir = tempDir();
    const first = makeApp(dir);
    const path = join(dir, 'old.assembly');
    await first.call('app.createAssembly', { name: 'Old', path });
    const backup = await first.call('backups.create', {});
    first.close();
    // As an older version (or a copy from a USB stick) left them: readable by everyone.
    const backups = join(dir, 'old.assembly.backups');
    chmodSync(path, 0o644);
    chmodSync(backups, 0o755);
    chmodSync(join(backups, backup.name), 0o644);
    // Someone else's file, linked into the backups folder: chmod must not reach it.
    const outside = join(dir, 'elsewhere');
    mkdirSync(outside);
    writeFileSync(join(outside, 'notes.txt'), 'not ours');
    chmodSync(join(outside, 'notes.txt'), 0o644);
    symlinkSync(join(outside, 'notes.txt'), join(backups, 'link.assembly'));

    const second = makeApp(dir);
    await second.call('app.openAssembly', { path });
    expect(modeOf(path).toString(8)).toBe('600');
    expect(modeOf(backups).toString(8)).toBe('700');
    expect(modeOf(join(backups, backup.name)).toString(8)).toBe('600');
    expect(modeOf(join(outside, 'notes.txt')).toString(8)).toBe('644');
    second.close();
  });

  it('the CLI creates files owner-only even with a permissive default (umask 022)', () => {
    const dir = tempDir();
    const target = join(dir, 'cli.assembly');
    const result = spawnSync(
      '/bin/sh',
      ['-c', `umask 022 && exec "${process.execPath}" node_modules/tsx/dist/cli.mjs main/cliMain.ts --data-dir "${dir}" --operator Script app.createAssembly '${JSON.stringify({ name: 'CLI', path: target })}'`],
      { encoding: 'utf8' },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(modeOf(target).toString(8)).toBe('600');
    // settings.json names the recent files.
    const settings = join(dir, 'settings.json');
    if (existsSync(settings)) expect(modeOf(settings).toString(8)).toBe('600');
  });
});
