/**
 * Where the Electron binary is, or why it is not there. Pure apart from reading two files, so
 * `npm start` can decide before starting anything (and a test can ask the same question).
 * The electron package writes path.txt only after its postinstall downloaded the binary; with
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1, or without network, both are missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** @returns {{ ok: true, path: string } | { ok: false, reason: string }} */
export function findElectronBinary(root) {
  const pkg = join(root, 'node_modules', 'electron');
  if (!existsSync(join(pkg, 'package.json'))) return { ok: false, reason: 'the electron package is not installed (run npm install)' };
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (!relative && !override) return { ok: false, reason: 'its binary was not downloaded when the packages were installed' };
  const binary = override ? join(override, relative || 'electron') : join(pkg, 'dist', relative);
  if (!existsSync(binary)) return { ok: false, reason: `its binary is missing (${binary})` };
  return { ok: true, path: binary };
}
