import { hostname } from 'node:os';
import type { StationRole } from '../preload/vocabulary';

/**
 * Who makes one API call. The host is the laptop holding the file (Electron, the CLI, web mode on
 * loopback): today's behaviour, with the operator it was given. A station is a paired device
 * on the venue link, known by its id, name, person and role; an unpaired caller on the venue
 * link may only ask to join.
 */
export type Caller =
  | { kind: 'host' }
  | { kind: 'station'; deviceId: string; deviceName: string; person: string; role: StationRole | 'pending'; slot?: 1 | 2 | null }
  /** `address`: the remote address of its TLS connection (pairing attempts are limited per address). */
  | { kind: 'unpaired'; address?: string };

export const HOST_CALLER: Caller = Object.freeze({ kind: 'host' });

/** The name of this laptop (the host), as stored with its events and audit rows. */
export function hostDeviceName(): string {
  return (process.env.ASSEMBLY_DESK_DEVICE ?? hostname()).slice(0, 100) || 'unknown device';
}

/** The role a caller is checked against in main/roles.ts. */
export function roleOf(caller: Caller): StationRole | 'pending' | 'unpaired' | 'host' {
  if (caller.kind === 'station') return caller.role;
  return caller.kind;
}
