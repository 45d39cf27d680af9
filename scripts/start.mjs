#!/usr/bin/env node
/**
 * `npm start`: the desktop app when Electron's binary is on this machine; otherwise one
 * sentence saying so, and web mode with the browser opened at its address. A newcomer's first
 * command should start the app, not print a stack trace from the electron package.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electronBinary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const found = findElectronBinary(root);

function runOrExit(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (found.ok) {
  runOrExit(npm, ['run', 'build']);
  runOrExit(process.execPath, [join(root, 'scripts', 'build-electron-native.mjs'), '--if-needed']);
  const child = spawn(found.path, ['.'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stdout.write(`Electron cannot start here (${found.reason}), so Assembly Desk starts in web mode and opens your browser at its address.\n`);
  const child = spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'main', 'web', 'start.ts'), '--open', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  });
  // Ctrl+C reaches both; the server closes the assembly file itself.
  child.on('exit', (code) => process.exit(code ?? 0));
}
