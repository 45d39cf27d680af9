import type { AppStatus } from './domain/assembly/types';
import type { Db } from '../db/connection';
import { writeAudit, type AuditRecord } from '../db/audit';
import { newId as defaultNewId, type IdFactory } from '../db/ids';
import { AppError } from './errors';
import { SettingsStore } from './settings';
import { assembliesDir } from './paths';
import { userCwd } from './userCwd';
import { isAbsolute, resolve } from 'node:path';
import { HOST_CALLER, hostDeviceName, type Caller } from './caller';

export interface OpenAssembly {
  db: Db;
  path: string;
  schemaVersion: number;
}

/**
 * Everything a handler may touch: the open assembly (one per process), the operator,
 * machine preferences, and the clock and id source (injected so tests and the demo are
 * deterministic).
 */
export class AppContext {
  operator: string | null = null;
  open: OpenAssembly | null = null;
  /** Who makes the current call: the host, unless this is a per-call view made by forCaller. */
  readonly caller: Caller = HOST_CALLER;
  /**
   * Where the command line writes the export it is making (`report --out`), for the export's
   * audit row (main/exportAudit.ts); null elsewhere.
   */
  exportTarget: string | null = null;
  /** The shared context: itself, and for a per-call view the context it was made from. */
  readonly base: AppContext = this;

  constructor(
    readonly transport: AppStatus['transport'],
    readonly dataDir: string,
    readonly settings: SettingsStore = new SettingsStore(dataDir),
    readonly clock: () => Date = () => new Date(),
    readonly newId: IdFactory = defaultNewId,
    /** better-sqlite3 addon built for Electron, when running inside Electron. */
    readonly nativeBinding?: string,
  ) {}

  /**
   * A file path as the user meant it. On the command line, relative to the folder the
   * command was typed in; in the app (Electron or web mode), relative to the assemblies folder,
   * since the app's own working folder means nothing to the person typing.
   */
  resolveUserPath(path: string): string {
    if (isAbsolute(path)) return path;
    return resolve(this.transport === 'cli' ? userCwd() : assembliesDir(this.dataDir), path);
  }

  nowIso(): string {
    return this.clock().toISOString();
  }

  requireDb(): Db {
    if (!this.open) {
      throw new AppError('NO_ASSEMBLY_OPEN', 'No assembly is open. Create one, open a file, or open the demo assembly first.');
    }
    return this.open.db;
  }

  requireOperator(): string {
    if (!this.operator) {
      throw new AppError('NO_OPERATOR', 'Enter your name as operator first: every change is recorded in the audit log with it.');
    }
    return this.operator;
  }

  /**
   * Runs a change to the open assembly in one transaction, with its audit rows.
   * Either all of it lands (data and audit) or none of it: nothing half-done.
   *
   * IMMEDIATE, not better-sqlite3's default DEFERRED: a deferred transaction reads first and
   * asks for the write lock only at its first write, and when another process (web mode and the
   * CLI, two desks on one file) wrote in between, SQLite answers "database is locked" at once,
   * without waiting for the busy timeout (its snapshot is stale, so waiting cannot help). An
   * immediate transaction takes the write lock at BEGIN, where SQLite does wait (busy_timeout,
   * db/connection.ts), so writers from several processes queue instead of failing.
   */
  mutate<T>(change: (db: Db, audit: (record: AuditRecord) => void) => T): T {
    const db = this.requireDb();
    const operator = this.requireOperator();
    const at = this.nowIso();
    const device = this.device();
    return db
      .transaction(() => change(db, (record) => writeAudit(db, { operator, at, newId: this.newId, ...device }, record)))
      .immediate();
  }

  private lifecycle: Promise<unknown> = Promise.resolve();

  /**
   * Runs opening, creating and closing of assembly files one at a time: two clicks on "Open"
   * (or two clients in web mode) must not migrate or back up the same file at once.
   */
  exclusive<T>(work: () => Promise<T> | T): Promise<T> {
    const next = this.lifecycle.then(work, work);
    this.lifecycle = next.catch(() => undefined);
    return next;
  }

  closeAssembly(): void {
    if (this.open) {
      this.open.db.close();
      this.open = null;
    }
  }

  /** The device a change comes from, for events and audit rows: a station's, or the host's own name. */
  device(): { device: string; deviceId: string | null } {
    return this.caller.kind === 'station'
      ? { device: this.caller.deviceName, deviceId: this.caller.deviceId }
      : { device: hostDeviceName(), deviceId: null };
  }

  /**
   * A per-call view for a caller on the venue link: its own caller and operator (the station's
   * person), everything else shared. The open file and the lifecycle queue are forwarded to the
   * shared context, so `view.open = ...` (opening a file) never shadows the shared one.
   */
  forCaller(caller: Caller): AppContext {
    const base = this.base;
    const view = Object.create(base) as AppContext;
    for (const key of ['open', 'lifecycle'] as const) {
      Object.defineProperty(view, key, {
        get: () => base[key],
        set: (value) => {
          (base as unknown as Record<string, unknown>)[key] = value;
        },
      });
    }
    Object.defineProperty(view, 'caller', { value: Object.freeze({ ...caller }) });
    Object.defineProperty(view, 'operator', { value: caller.kind === 'station' ? caller.person : null });
    return view;
  }
}
