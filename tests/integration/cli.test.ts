import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { METHOD_NAMES } from '../../preload/contract';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();

async function newAssembly(dir: string) {
  const out = await runCli(['--data-dir', dir, '--operator', 'Script', 'app.createAssembly', JSON.stringify({ name: 'CLI', path: join(dir, 'cli.assembly') })]);
  expect(out.exitCode, out.stderr).toBe(0);
  return join(dir, 'cli.assembly');
}

describe('the command line', () => {
  it('lists the methods', async () => {
    const out = await runCli(['methods']);
    expect(out.exitCode).toBe(0);
    expect(out.stdout.trim().split('\n')).toEqual([...METHOD_NAMES]);
  });

  it('creates and lists sessions in a file, printing JSON', async () => {
    const dir = tempDir();
    const file = await newAssembly(dir);
    const args = { name: 'Evening', date: '2027-03-03', startTime: '19:00', endTime: '21:30', kind: 'online' };
    const created = await runCli(['--file', file, '--data-dir', dir, 'sessions.create', JSON.stringify(args)]);
    expect(created.exitCode, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject(args);
    const listed = await runCli(['--file', file, '--data-dir', dir, 'sessions.list']);
    expect(JSON.parse(listed.stdout)).toHaveLength(1);
    const audit = await runCli(['--file', file, '--data-dir', dir, 'audit.list', '{"entity":"session"}']);
    expect(JSON.parse(audit.stdout)[0].operator).toMatch(/^cli:|Script/);
  });

  it('prints errors on stderr with a non-zero exit code', async () => {
    const dir = tempDir();
    const file = await newAssembly(dir);
    const bad = await runCli(['--file', file, '--data-dir', dir, 'sessions.create', '{"name":"X","date":"2027-03-03","startTime":"19:00","endTime":"18:00","kind":"online"}']);
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('error VALIDATION');
    expect(bad.stderr).toContain('must be after the start time');

    const notJson = await runCli(['--file', file, 'sessions.create', '{name:']);
    expect(notJson.exitCode).toBe(2);
    expect(notJson.stderr).toContain('not valid JSON');

    const missing = await runCli(['--file', join(dir, 'missing.assembly'), 'sessions.list']);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain('error FILE_NOT_FOUND');

    const unknown = await runCli(['--file', file, 'sessions.frobnicate']);
    expect(unknown.stderr).toContain('error UNKNOWN_METHOD');
    expect((await runCli(['--bogus'])).exitCode).toBe(2);
  });

  it('runs as `npm run cli` does, as a real process', () => {
    const result = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'main/cliMain.ts', 'methods'], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('sessions.create');
    const failing = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'main/cliMain.ts', '--file', '/nonexistent/x.assembly', 'sessions.list'], {
      encoding: 'utf8',
    });
    expect(failing.status).toBe(1);
    expect(failing.stderr).toContain('No file at /nonexistent/x.assembly');
  });

  it('imports a pool file in one command, and refuses a broken one with the row and column', async () => {
    const dir = tempDir();
    const file = await newAssembly(dir);
    const pool = join(dir, 'pool.csv');
    writeFileSync(pool, Buffer.from('Voornaam;Naam;Geboortejaar;Geslacht\r\nÉlodie;Dubois;1985;vrouw\r\nNoël;Peeters;1970;man\r\n', 'latin1'));
    const imported = await runCli(['--file', file, '--data-dir', dir, 'imports.importFile', JSON.stringify({ path: pool })]);
    expect(imported.exitCode, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ imported: 2, alreadyInPool: 0, rejected: 0 });
    const again = await runCli(['--file', file, '--data-dir', dir, 'imports.importFile', JSON.stringify({ path: pool })]);
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 0, alreadyInPool: 2 });
    const listed = await runCli(['--file', file, '--data-dir', dir, 'people.list', '{"query":"noel"}']);
    expect(JSON.parse(listed.stdout).rows[0]).toMatchObject({ firstName: 'Noël', features: { Geslacht: 'man' } });

    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, 'Voornaam;Naam;Geboortejaar\nAn;Claes;19x5\n');
    const refused = await runCli(['--file', file, '--data-dir', dir, 'imports.importFile', JSON.stringify({ path: broken })]);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('Row 2, column "Geboortejaar"');
  });
});
