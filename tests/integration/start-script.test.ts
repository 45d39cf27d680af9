/**
 * `npm start` on a machine without Electron's binary (like this one and CI): one sentence
 * saying why, then web mode with its address, never a stack trace.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../scripts/electronBinary.mjs';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();

describe('npm start without the Electron binary', () => {
  it('says why in one sentence and starts web mode with its address', async () => {
    const dir = tempDir();
    const staticDir = join(dir, 'renderer');
    mkdirSync(staticDir, { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Assembly Desk</title>');
    // No xdg-open on PATH: the browser cannot be opened, which must be said, not thrown.
    const child = spawn(process.execPath, ['scripts/start.mjs', '--no-build', '--static-dir', staticDir, '--data-dir', join(dir, 'data')], {
      cwd: process.cwd(),
      env: { ...process.env, PATH: join(dir, 'no-such-bin'), ELECTRON_OVERRIDE_DIST_PATH: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    try {
      await expect
        .poll(() => out, { timeout: 25_000, interval: 100 })
        .toMatch(/No browser could be opened from here/);
    } finally {
      child.kill('SIGTERM');
    }
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^Electron cannot start here \(.+\), so Assembly Desk starts in web mode and opens your browser at its address\.$/);
    expect(out).toMatch(/ready: http:\/\/127\.0\.0\.1:\d+\/#?.*token=/);
    expect(err).not.toMatch(/at .+\(.+:\d+:\d+\)/);
  }, 30_000);

  it('finds the binary only when the electron package recorded and holds it', () => {
    const dir = tempDir();
    expect(findElectronBinary(dir)).toEqual({ ok: false, reason: 'the electron package is not installed (run npm install)' });
    const pkg = join(dir, 'node_modules', 'electron');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), '{"name":"electron"}');
    expect(findElectronBinary(dir)).toMatchObject({ ok: false, reason: expect.stringContaining('not downloaded') });
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    expect(findElectronBinary(dir)).toMatchObject({ ok: false, reason: expect.stringContaining('missing') });
    writeFileSync(join(pkg, 'dist', 'electron'), '');
    expect(findElectronBinary(dir)).toEqual({ ok: true, path: join(pkg, 'dist', 'electron') });
  });
});
