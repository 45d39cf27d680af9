import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { LANGUAGES, type Language, type RecentFile } from '../preload/contract';

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
  private current: Settings;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'settings.json');
    this.current = this.read();
  }

  private read(): Settings {
    try {
      return settingsSchema.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch {
      // Missing or unreadable preferences are not worth refusing to start over: start fresh.
      return settingsSchema.parse({});
    }
  }

  get(): Settings {
    return this.current;
  }

  update(change: Partial<Settings>): Settings {
    this.current = { ...this.current, ...change };
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.current, null, 2));
    renameSync(tmp, this.file);
    return this.current;
  }

  rememberRecent(entry: RecentFile): Settings {
    const others = this.current.recent.filter((r) => r.path !== entry.path);
    return this.update({ recent: [entry, ...others].slice(0, MAX_RECENT) });
  }

  forgetRecent(path: string): Settings {
    return this.update({ recent: this.current.recent.filter((r) => r.path !== path) });
  }
}
