/** The venue link: a host laptop and paired stations (main/roles.ts says what each role may call). */
import type { StationRole } from '../../../preload/vocabulary';

export type VenueDeviceStatus = 'pending' | 'approved' | 'revoked';

export interface VenueDevice {
  id: string;
  name: string;
  person: string;
  /** Null until the host approves the device. */
  role: StationRole | null;
  /** A counting station may be given one slot of the double entry (1 or 2). */
  slot: 1 | 2 | null;
  status: VenueDeviceStatus;
  createdAt: string;
  lastSeenAt: string | null;
  /**
   * Events the station still had to send when it last called attendance.submitQueued, minus what
   * the host then settled; null when it never sent any (kept in memory on the host, per run).
   */
  waiting: number | null;
}

export interface VenueStatus {
  enabled: boolean;
  /** The addresses stations use (https://LAN-address:port), one per network interface. */
  addresses: string[];
  port: number | null;
  /** SHA-256 of the certificate's SubjectPublicKeyInfo, base64 (what a station pins). */
  fingerprint: string | null;
  /** Set while pairing is locked for some address after too many wrong codes from it (the latest end). */
  pairingLockedUntil: string | null;
  /** The remote addresses locked out of pairing now (each for a minute after five wrong codes). */
  pairingLockedAddresses: string[];
  devices: { pending: number; approved: number; revoked: number };
}

export interface VenuePairingCode {
  /** Short human code (no ambiguous letters), single use. */
  code: string;
  expiresAt: string;
  /** The host's address for stations. */
  address: string;
  fingerprint: string;
  /** What the QR code carries: address, code and fingerprint in one link. */
  link: string;
  /** The link as a QR code image (data:image/png;base64,...). */
  qrDataUrl: string;
}

export interface VenueJoinResult {
  deviceId: string;
  /** The device's own token: shown once, sent in X-Assembly-Token on every call. */
  token: string;
  status: VenueDeviceStatus;
}

export interface VenueMe {
  deviceId: string;
  name: string;
  person: string;
  role: StationRole | null;
  slot: 1 | 2 | null;
  status: VenueDeviceStatus;
}
