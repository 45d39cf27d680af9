/**
 * The host's paired devices (the venue link), in their own small SQLite file in the data folder
 * (not in the assembly: a device pairs with the host laptop, whatever file it has open). Tokens
 * are stored only as SHA-256 hashes.
 */
import Database from 'better-sqlite3';
import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StationRole } from '../preload/vocabulary';
import type { VenueDevice, VenueDeviceStatus } from '../main/domain/venue/types';

export type DevicesDb = Database.Database;

export interface DeviceRow extends Omit<VenueDevice, 'waiting'> {
  tokenHash: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS devices (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  person       TEXT NOT NULL,
  role         TEXT CHECK (role IS NULL OR role IN ('desk', 'counting', 'viewer', 'secretariat')),
  slot         INTEGER CHECK (slot IS NULL OR slot IN (1, 2)),
  status       TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'revoked')),
  token_hash   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  last_seen_at TEXT
);`;

export function openDevicesDb(path: string, nativeBinding?: string): DevicesDb {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const db = new Database(path, nativeBinding ? { nativeBinding } : {});
  try {
    chmodSync(path, 0o600);
  } catch {
    // Windows: permissions come from the folder's ACL.
  }
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  return db;
}

interface Row {
  id: string;
  name: string;
  person: string;
  role: StationRole | null;
  slot: 1 | 2 | null;
  status: VenueDeviceStatus;
  token_hash: string;
  created_at: string;
  last_seen_at: string | null;
}

const toDevice = (r: Row): DeviceRow => ({
  id: r.id,
  name: r.name,
  person: r.person,
  role: r.role,
  slot: r.slot,
  status: r.status,
  tokenHash: r.token_hash,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
});

export function insertDevice(db: DevicesDb, d: { id: string; name: string; person: string; tokenHash: string; createdAt: string }): void {
  db.prepare(
    `INSERT INTO devices (id, name, person, role, slot, status, token_hash, created_at, last_seen_at)
     VALUES (?, ?, ?, NULL, NULL, 'pending', ?, ?, NULL)`,
  ).run(d.id, d.name, d.person, d.tokenHash, d.createdAt);
}

export function getDevice(db: DevicesDb, id: string): DeviceRow | null {
  const row = db.prepare('SELECT * FROM devices WHERE id = ?').get(id) as Row | undefined;
  return row ? toDevice(row) : null;
}

export function listDevices(db: DevicesDb): DeviceRow[] {
  return (db.prepare('SELECT * FROM devices ORDER BY created_at, id').all() as Row[]).map(toDevice);
}

export function setDeviceStatus(db: DevicesDb, id: string, status: VenueDeviceStatus, role: StationRole | null, slot: 1 | 2 | null): void {
  db.prepare('UPDATE devices SET status = ?, role = ?, slot = ? WHERE id = ?').run(status, role, slot, id);
}

export function touchDevice(db: DevicesDb, id: string, at: string): void {
  db.prepare('UPDATE devices SET last_seen_at = ? WHERE id = ?').run(at, id);
}
