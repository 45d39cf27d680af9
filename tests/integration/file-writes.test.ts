/**
 * Files the app writes never follow a symbolic link and never overwrite (issue 16): "Save a
 * copy", a new assembly, the demo (in the app and from `npm run demo`) and a report written by the
 * command line, each given a dangling link, a link to an existing file, and an existing file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeWithoutOverwrite, replaceFile, writeNewFile } from '../../main/assemblyFiles';
import { runCli } from '../../main/cli';
import { AppError } from '../../main/errors';
import { assembliesDir } from '../../main/paths';
import { makeApp } from '../helpers/app';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir('assembly-desk-writes-');
const VICTIM_TEXT = 'someone else’s file: must stay as it is\n';

/** The three traps at `target`: a link to nowhere, a link to a file, a file. `victim` is what must not change. */
type Trap = 'dangling link' | 'link to a file' | 'plain file';
const TRAPS: Trap[] = ['dangling link', 'link to a file', 'plain file'];

function setTrap(dir: string, target: string, trap: Trap): { victim: string; check: () => void } {
  const victim = join(dir, `victim-${trap.replace(/ /g, '-')}.txt`);
  if (trap === 'dangling link') symlinkSync(victim, target);
  else if (trap === 'link to a file') {
    writeFileSync(victim, VICTIM_TEXT);
    symlinkSync(victim, target);
  } else writeFileSync(target, VICTIM_TEXT);
  return {
    victim,
    check: () => {
      if (trap === 'dangling link') {
        expect(existsSync(victim), 'the link was followed: its target was created').toBe(false);
        expect(lstatSync(target).isSymbolicLink()).toBe(true);
        expect(readlinkSync(target)).toBe(victim);
      } else if (trap === 'link to a file') {
        expect(readFileSync(victim, 'utf8')).toBe(VICTIM_TEXT);
        expect(lstatSync(target).isSymbolicLink()).toBe(true);
      } else {
        expect(readFileSync(target, 'utf8')).toBe(VICTIM_TEXT);
      }
    },
  };
}

function expectRefusal(result: { ok: boolean; error?: { code: string; i18nKey: string; message: string } }, trap: Trap): void {
  expect(result.ok).toBe(false);
  expect(result.error?.code).toBe('FILE_EXISTS');
  if (trap === 'plain file') expect(result.error?.message).toMatch(/already exists/);
  else {
    expect(result.error?.i18nKey).toBe('errors.fileIsLink');
    expect(result.error?.message).toMatch(/is a symbolic link .*never writes through a link/);
  }
}

describe('files the app writes', () => {
  it.each(TRAPS)('"Save a copy" onto a %s is refused and changes nothing', async (trap) => {
    const dir = tempDir();
    const app = makeApp(join(dir, 'data'));
    await app.call('app.createAssembly', { name: 'Copy me', path: join(dir, 'source.assembly') });
    const target = join(dir, 'copy.assembly');
    const { check } = setTrap(dir, target, trap);
    const result = await app.raw('app.saveCopy', { path: target });
    expectRefusal(result as never, trap);
    check();
    // No temporary file is left behind.
    expect(spawnSync('ls', ['-A', dir], { encoding: 'utf8' }).stdout).not.toMatch(/copying/);
    app.close();
  });

  it('"Save a copy" to a free name makes a new file readable by its owner only', async () => {
    const dir = tempDir();
    const app = makeApp(join(dir, 'data'));
    await app.call('app.createAssembly', { name: 'Copy me', path: join(dir, 'source.assembly') });
    const copy = await app.call('app.saveCopy', { path: join(dir, 'copy') });
    expect(copy.path).toBe(join(dir, 'copy.assembly'));
    const st = lstatSync(copy.path);
    expect(st.isFile()).toBe(true);
    expect(st.mode & 0o777).toBe(0o600);
    expect(copy.bytes).toBe(st.size);
    app.close();
    const other = makeApp(join(dir, 'data2'));
    expect((await other.call('app.openAssembly', { path: copy.path })).name).toBe('Copy me');
    other.close();
  });

  it.each(TRAPS)('a new assembly at a %s is refused and changes nothing', async (trap) => {
    const dir = tempDir();
    const app = makeApp(join(dir, 'data'));
    const target = join(dir, 'new.assembly');
    const { check } = setTrap(dir, target, trap);
    const result = await app.raw('app.createAssembly', { name: 'New', path: target });
    expectRefusal(result as never, trap);
    check();
    expect(app.ctx.open).toBeNull();
    app.close();
  });

  it('the demo is never written through a link planted where the app keeps it', async () => {
    const dir = tempDir();
    const app = makeApp(join(dir, 'data'));
    const target = join(assembliesDir(app.ctx.dataDir), 'demo.assembly');
    mkdirSync(assembliesDir(app.ctx.dataDir), { recursive: true });
    const { check } = setTrap(dir, target, 'dangling link');
    const result = await app.raw('app.openDemo', {});
    expectRefusal(result as never, 'dangling link');
    check();
    app.close();
  }, 60_000);

  it.each(TRAPS)('a report written by the command line onto a %s is refused, with --force too for a link', async (trap) => {
    const dir = tempDir();
    const file = join(dir, 'r.assembly');
    const made = await runCli(['--data-dir', dir, '--operator', 'Script', 'app.createAssembly', JSON.stringify({ name: 'Reports', path: file })]);
    expect(made.exitCode, made.stderr).toBe(0);
    const out = join(dir, 'sessions.csv');
    const { check } = setTrap(dir, out, trap);
    const report = ['--file', file, '--data-dir', dir, 'report', 'agenda', '--format', 'csv', '--level', 'aggregate', '--out', out];
    const plain = await runCli(report);
    expect(plain.exitCode).toBe(1);
    expect(plain.stderr).toMatch(trap === 'plain file' ? /already exists. Pass --force/ : /is a symbolic link/);
    check();
    const forced = await runCli([...report, '--force']);
    if (trap === 'plain file') {
      // Asked for: the file is replaced (by rename, as a whole), still owner-only.
      expect(forced.exitCode, forced.stderr).toBe(0);
      expect(readFileSync(out, 'utf8')).not.toBe(VICTIM_TEXT);
      expect(lstatSync(out).isFile()).toBe(true);
    } else {
      expect(forced.exitCode).toBe(1);
      expect(forced.stderr).toMatch(/is a symbolic link/);
      check();
    }
  });

  it.each(['dangling link', 'link to a file'] as const)('npm run demo refuses a %s at --out, even with --force', (trap) => {
    const dir = tempDir();
    const out = join(dir, 'demo.assembly');
    const { check } = setTrap(dir, out, trap);
    const result = spawnSync('npx', ['tsx', 'main/demo/cli.ts', '--out', out, '--force'], { encoding: 'utf8', timeout: 60_000 });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/is a symbolic link/);
    check();
  }, 60_000);

  describe('the helpers', () => {
    it('writeNewFile makes a complete new file, never over a file or through a link', () => {
      const dir = tempDir();
      const target = join(dir, 'a.txt');
      writeNewFile(target, Buffer.from('one'));
      expect(readFileSync(target, 'utf8')).toBe('one');
      expect(statSync(target).mode & 0o777).toBe(0o600);
      expect(() => writeNewFile(target, Buffer.from('two'))).toThrow(/already exists/);
      expect(readFileSync(target, 'utf8')).toBe('one');
      const link = join(dir, 'link.txt');
      symlinkSync(join(dir, 'nowhere.txt'), link);
      expect(() => writeNewFile(link, Buffer.from('x'))).toThrow(AppError);
      expect(() => replaceFile(link, Buffer.from('x'))).toThrow(/symbolic link/);
      expect(existsSync(join(dir, 'nowhere.txt'))).toBe(false);
      replaceFile(target, Buffer.from('three'));
      expect(readFileSync(target, 'utf8')).toBe('three');
    });

    it('placeWithoutOverwrite refuses a link that appeared at the name after the check', () => {
      const dir = tempDir();
      const source = join(dir, 'built.tmp');
      writeFileSync(source, 'made');
      const target = join(dir, 'final.assembly');
      symlinkSync(join(dir, 'elsewhere.assembly'), target);
      let error: unknown;
      try {
        placeWithoutOverwrite(source, target);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).i18nKey).toBe('errors.fileIsLink');
      expect(existsSync(join(dir, 'elsewhere.assembly'))).toBe(false);
      expect(readFileSync(source, 'utf8')).toBe('made'); // the caller still holds its file
    });
  });
});
