/**
 * The assembly file as the app shows it (what is open, recent files, the backups, the audit log),
 * and the files main makes for the user to save. Plain JSON, as they cross the API.
 */
import type { Language } from '../../../preload/vocabulary';

/** The open assembly file, as the header shows it. */
export interface AssemblyInfo {
  id: string;
  name: string;
  path: string;
  panelSize: number;
  createdAt: string;
  /**
   * The assembly's time zone (IANA name, Europe/Brussels unless changed in Settings): every date
   * and time the app, the reports and the exports show is in it, whatever the computer's zone.
   */
  timeZone: string;
  /** Schema version of the file (PRAGMA user_version). */
  schemaVersion: number;
  /** Until when contact data may be kept (YYYY-MM-DD in the assembly's zone); null in a file that never had one. */
  retentionUntil: string | null;
  /** When the assembly was closed (its contact data removed), and by whom; null while open. */
  closedAt: string | null;
  closedBy: string | null;
  /** The retention date has passed and the assembly is not closed: the host is reminded. */
  retentionPassed: boolean;
}

export interface RecentFile {
  path: string;
  name: string;
  openedAt: string;
}

export interface AssemblyFileEntry {
  path: string;
  fileName: string;
  sizeBytes: number;
  modifiedAt: string;
}

export interface AppStatus {
  /** The operator of this run (asked once per start); null until given. */
  operator: string | null;
  /** The name given at the previous start, to prefill the question. */
  lastOperator: string | null;
  language: Language;
  assembly: AssemblyInfo | null;
  recent: RecentFile[];
  /** Folder where new assemblies and the demo are written by default. */
  dataDir: string;
  /** 'electron' | 'web' | 'cli': lets the UI hide what a transport cannot do. */
  transport: 'electron' | 'web' | 'cli';
  appVersion: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  operator: string;
  /** The device the change came from (the host's name, or a paired station's); null before schema 8. */
  device: string | null;
  /** A paired station's id; null for the host itself. */
  deviceId: string | null;
  entity: string;
  entityId: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

export interface ExportedFile {
  fileName: string;
  /** Text content (CSV: UTF-8; the renderer adds a BOM when saving unless the content has one or the caller says not). */
  content: string;
}

/** A file made in main for the user to save (PDF, XLSX): its bytes in base64. */
export interface ExportedBinaryFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

export interface BackupInfo {
  name: string;
  /** When it was taken (ISO). */
  at: string;
  /** open: when the file was opened; auto: every 15 minutes while changes happen; manual; before-restore; before-migration. */
  reason: 'open' | 'auto' | 'manual' | 'before-restore' | 'before-migration' | 'unknown';
  bytes: number;
  /** What it holds, for choosing one to restore; ok false when it is damaged. */
  ok: boolean;
  participants: number;
  checkIns: number;
  ballots: number;
}
