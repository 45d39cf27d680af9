import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../preload/vocabulary';
import type { RecentFile } from './domain/assembly/types';

/**
 * Per-machine preferences (not per assembly): language, last operator name, recent files.
 * A small JSON file in the data folder, written atomically (temp file + rename) so a crash
 * never leaves it half-written.
 */
const settingsSchema = z.object({
  language: z.enum(LANGUAGES as [Language, ...Language[]]).default('en'),
  lastOperator: z.string().nullable().default(null),
  recent: z
    .array(z.object({ path: z.string(), name: z.string(), openedAt: z.string() }))
    .default([]),
});
export type Settings = z.infer<typeof settingsSchema>;

const MAX_RECENT = 10;

export class SettingsStore {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'settings.json');
  }

  private read(): Settings {
    try {
      return settingsSchema.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch {
      // Missing or unreadable preferences are not worth refusing to start over: start fresh.
      return settingsSchema.parse({});
    }
  }

  /** Read afresh each time: the file is tiny, and another process may have changed it. */
  get(): Settings {
    return this.read();
  }

  /**
   * Re-reads the file before writing: Electron, web mode and the CLI may share one data
   * folder, and a stale copy would undo another process's change.
   */
  update(change: Partial<Settings> | ((latest: Settings) => Partial<Settings>)): Settings {
    const latest = this.read();
    const next = { ...latest, ...(typeof change === 'function' ? change(latest) : change) };
    // Owner-only: the recent files name assemblies and where they are kept.
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(next, null, 2), { mode: 0o600 });
    renameSync(tmp, this.file);
    return next;
  }

  rememberRecent(entry: RecentFile): Settings {
    return this.update((latest) => ({
      recent: [entry, ...latest.recent.filter((r) => r.path !== entry.path)].slice(0, MAX_RECENT),
    }));
  }

  forgetRecent(path: string): Settings {
    return this.update((latest) => ({ recent: latest.recent.filter((r) => r.path !== path) }));
  }
}
