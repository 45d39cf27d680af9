import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The folder of NNNN_name.sql files. In source (tsx, vitest) it sits beside this module;
 * the Electron bundle copies it next to the bundle and defines import.meta.url accordingly.
 */
export function defaultMigrationsDir(): string {
  return fileURLToPath(new URL('./migrations/', import.meta.url));
}

/** Reads and orders the migrations; refuses gaps or duplicate numbers (a packaging mistake). */
export function loadMigrations(dir = defaultMigrationsDir()): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: readFileSync(join(dir, file), 'utf8'),
    }));
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`Migration files must be numbered 0001, 0002, ... without gaps; found ${m.version} at position ${i + 1}`);
    }
  });
  return migrations;
}
