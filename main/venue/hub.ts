/**
 * The venue link of one host: the devices paired with it, the pairing codes, and the TLS server
 * that stations talk to. Off until the host turns it on ("Let other laptops join").
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import type { StationRole } from '../../preload/vocabulary';
import type { VenueDevice, VenueJoinResult, VenuePairingCode, VenueStatus } from '../domain/venue/types';
import { getDevice, insertDevice, listDevices, openDevicesDb, setDeviceStatus, touchDevice, type DeviceRow, type DevicesDb } from '../../db/devices';
import type { Caller } from '../caller';
import type { AppContext } from '../context';
import {
  CODE_VALID_MS,
  canApprove,
  codeFromBytes,
  formatCode,
  judgeCode,
  normaliseCode,
  PairingLocks,
  pruneCodes,
  verdictMessage,
  type PairingCodeState,
} from '../domain/venue/pairing';
import { AppError } from '../errors';
import type { RunningWebServer } from '../web/server';
import { loadOrCreateCertificate, type HostCertificate } from './tls';

export const DEFAULT_VENUE_PORT = 4611;
/** A device's last-seen time is written at most this often. */
const TOUCH_EVERY_MS = 10_000;
/**
 * A station that called within this long counts as connected (the restore dialog names them). A
 * desk station asks for its roster every 10 seconds when idle, a waiting one every 3: a minute
 * covers a few missed calls without listing a laptop that left long ago.
 */
export const CONNECTED_WITHIN_MS = 60_000;

/** A station seen recently: the host warns before a restore pauses it. */
export interface ConnectedStation {
  deviceId: string;
  name: string;
  person: string;
  role: StationRole | null;
  lastCallAt: string;
}

/** What a pause for a restore did, for its audit row. */
export interface PauseRecord {
  since: string;
  /** Calls refused while paused, and the devices that made them (by name). */
  refusedCalls: number;
  devices: string[];
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i) => i && i.family === 'IPv4' && !i.internal)
    .map((i) => i!.address);
}

const publicDevice = (d: DeviceRow, waiting: number | null = null): VenueDevice => ({
  id: d.id,
  name: d.name,
  person: d.person,
  role: d.role,
  slot: d.slot,
  status: d.status,
  createdAt: d.createdAt,
  lastSeenAt: d.lastSeenAt,
  waiting,
});

export interface VenueOptions {
  /** Folder of the built renderer served to tablets (default out/renderer of the working folder). */
  staticDir?: string;
}

export class VenueHub {
  private devicesDb: DevicesDb | null = null;
  private running: RunningWebServer | null = null;
  private certificate: HostCertificate | null = null;
  private codes: PairingCodeState[] = [];
  private locks = new PairingLocks();
  private boundAddress: string | null = null;
  private lastTouched = new Map<string, number>();
  /** The last call of each station in this run (in memory, every call: the file is written less often). */
  private lastCall = new Map<string, number>();
  /** Set while the host restores a backup: stations are refused with HOST_PAUSED (see pauseStations). */
  private pause: { since: number; refusedCalls: number; devices: Set<string> } | null = null;
  /** What each desk station last said it still had queued (attendance.submitQueued), after the host's answer. */
  private waitingByDevice = new Map<string, number>();
  staticDir: string;

  constructor(
    private readonly ctx: AppContext,
    options: VenueOptions = {},
  ) {
    this.staticDir = options.staticDir ?? join(process.cwd(), 'out', 'renderer');
  }

  private now(): number {
    return this.ctx.clock().getTime();
  }

  private dbPath(): string {
    return join(this.ctx.dataDir, 'venue', 'devices.sqlite');
  }

  private db(): DevicesDb {
    this.devicesDb ??= openDevicesDb(this.dbPath(), this.ctx.nativeBinding);
    return this.devicesDb;
  }

  get enabled(): boolean {
    return this.running !== null;
  }

  /** Serves the venue link over TLS (all interfaces unless an address is given). */
  async enable(options: { port?: number; address?: string } = {}): Promise<VenueStatus> {
    if (this.running) return this.status();
    this.certificate ??= await loadOrCreateCertificate(this.ctx.dataDir);
    const [{ startWebServer }, { createAppRegistry }] = await Promise.all([import('../web/server'), import('../api')]);
    const address = options.address ?? '0.0.0.0';
    this.running = await startWebServer({
      registry: createAppRegistry(),
      ctx: this.ctx.base,
      staticDir: this.staticDir,
      host: address,
      port: options.port ?? DEFAULT_VENUE_PORT,
      venue: {
        tls: { key: this.certificate.key, cert: this.certificate.cert },
        identify: (token, remote) => this.identify(token, remote),
        admit: (caller) => this.admit(caller),
        finished: (caller) => this.finished(caller),
      },
    }).catch((e: Error) => {
      throw new AppError('CONFLICT', `The venue link cannot listen on ${address}:${options.port ?? DEFAULT_VENUE_PORT}: ${e.message}`);
    });
    this.boundAddress = address;
    this.db();
    return this.status();
  }

  async disable(): Promise<VenueStatus> {
    const running = this.running;
    this.running = null;
    this.codes = [];
    await running?.close();
    return this.status();
  }

  /** Closes the server and the devices file (the app quits, a test ends). */
  async close(): Promise<void> {
    await this.disable();
    this.devicesDb?.close();
    this.devicesDb = null;
  }

  port(): number | null {
    const address = this.running?.server.address();
    return typeof address === 'object' && address ? address.port : null;
  }

  addresses(): string[] {
    const port = this.port();
    if (port === null || this.boundAddress === null) return [];
    const hosts = this.boundAddress === '0.0.0.0' || this.boundAddress === '::' ? lanAddresses() : [this.boundAddress];
    return (hosts.length > 0 ? hosts : ['127.0.0.1']).map((h) => `https://${h.includes(':') ? `[${h}]` : h}:${port}`);
  }

  status(): VenueStatus {
    const devices = this.devicesDb ? listDevices(this.devicesDb) : [];
    const locked = this.locks.locked(this.now());
    const lockedUntil = locked.length > 0 ? new Date(Math.max(...locked.map((l) => l.until))).toISOString() : null;
    return {
      enabled: this.enabled,
      addresses: this.addresses(),
      port: this.port(),
      fingerprint: this.enabled ? (this.certificate?.fingerprint ?? null) : null,
      pairingLockedUntil: lockedUntil,
      pairingLockedAddresses: locked.map((l) => l.address),
      devices: {
        pending: devices.filter((d) => d.status === 'pending').length,
        approved: devices.filter((d) => d.status === 'approved').length,
        revoked: devices.filter((d) => d.status === 'revoked').length,
      },
    };
  }

  private requireEnabled(): HostCertificate {
    if (!this.running || !this.certificate) {
      throw new AppError('CONFLICT', 'Other laptops cannot join: turn on "Let other laptops join" first.', {}, 'venue.errors.disabled');
    }
    return this.certificate;
  }

  async createPairingCode(): Promise<VenuePairingCode> {
    const certificate = this.requireEnabled();
    let code: string | null = null;
    while (!code) code = codeFromBytes(randomBytes(32));
    const now = this.now();
    const expiresAt = now + CODE_VALID_MS;
    this.codes = [...pruneCodes(this.codes, now), { codeHash: sha256(code).toString('hex'), expiresAt, used: false }];
    const address = this.addresses()[0]!;
    const link = `${address}/?join=${code}#spki=${encodeURIComponent(certificate.fingerprint)}`;
    return {
      code: formatCode(code),
      expiresAt: new Date(expiresAt).toISOString(),
      address,
      fingerprint: certificate.fingerprint,
      link,
      qrDataUrl: await QRCode.toDataURL(link, { errorCorrectionLevel: 'M', margin: 2 }),
    };
  }

  /**
   * A station asks to join with a code; it gets its own token, pending until the host approves.
   * `address` is the remote address of its connection: wrong codes lock pairing for that address
   * only (see PairingLocks for why that is safe).
   */
  join(args: { code: string; deviceName: string; person: string }, address = 'host'): VenueJoinResult {
    this.requireEnabled();
    const now = this.now();
    const given = sha256(normaliseCode(args.code)).toString('hex');
    const judged = judgeCode(this.codes, this.locks.get(address), given, now);
    this.locks.set(address, judged.lock);
    if (judged.verdict !== 'ok') {
      throw new AppError('FORBIDDEN', verdictMessage(judged.verdict), { reason: judged.verdict }, `venue.errors.code.${judged.verdict}`);
    }
    judged.code!.used = true;
    const deviceId = randomUUID();
    const token = `${deviceId}.${randomBytes(32).toString('base64url')}`;
    insertDevice(this.db(), {
      id: deviceId,
      name: args.deviceName,
      person: args.person,
      tokenHash: sha256(token).toString('hex'),
      createdAt: new Date(now).toISOString(),
    });
    return { deviceId, token, status: 'pending' };
  }

  /**
   * Who a token on the venue link belongs to: no token is an unpaired caller (it may only join);
   * a wrong, unknown or revoked token is refused. Read from the file on every call, so a
   * revocation is effective on the device's next call.
   */
  identify(token: string | undefined, address?: string): Caller | AppError {
    if (token === undefined || token === '') return address === undefined ? { kind: 'unpaired' } : { kind: 'unpaired', address };
    const refused = new AppError('FORBIDDEN', 'This device is not paired with this host (unknown or wrong token): pair it again.', {}, 'venue.errors.unknownDevice');
    const dot = token.indexOf('.');
    if (dot <= 0 || token.length > 200) return refused;
    const device = getDevice(this.db(), token.slice(0, dot));
    if (!device) return refused;
    const expected = Buffer.from(device.tokenHash, 'hex');
    if (expected.length !== 32 || !timingSafeEqual(sha256(token), expected)) return refused;
    if (device.status === 'revoked') {
      return new AppError('FORBIDDEN', 'The host has revoked this device: it can no longer reach the assembly.', { deviceId: device.id }, 'venue.errors.revoked');
    }
    const now = this.now();
    this.lastCall.set(device.id, now);
    if (now - (this.lastTouched.get(device.id) ?? 0) >= TOUCH_EVERY_MS) {
      this.lastTouched.set(device.id, now);
      touchDevice(this.db(), device.id, new Date(now).toISOString());
    }
    return {
      kind: 'station',
      deviceId: device.id,
      deviceName: device.name,
      person: device.person,
      role: device.status === 'approved' && device.role ? device.role : 'pending',
      slot: device.slot,
    };
  }

  /**
   * Pauses every station while the host replaces the open file (a restore): until the returned
   * function is called, their calls are refused with HOST_PAUSED, which a station treats like a
   * host out of reach (it keeps queueing, then drains into the restored file). Kept here, where
   * every station call passes, not in each handler. Unpaired devices may still ask to join: that
   * touches the devices file, not the assembly.
   */
  pauseStations(): () => PauseRecord {
    const pause = { since: this.now(), refusedCalls: 0, devices: new Set<string>() };
    this.pause = pause;
    return () => {
      if (this.pause === pause) this.pause = null;
      return this.pauseRecord(pause);
    };
  }

  /** What the current pause has refused so far (null: no pause). */
  currentPause(): PauseRecord | null {
    return this.pause ? this.pauseRecord(this.pause) : null;
  }

  private pauseRecord(p: { since: number; refusedCalls: number; devices: Set<string> }): PauseRecord {
    return { since: new Date(p.since).toISOString(), refusedCalls: p.refusedCalls, devices: [...p.devices] };
  }

  /**
   * Stations' calls admitted and not yet answered. A restore waits for them (settled) before it
   * replaces the file: a call admitted just before the pause began finishes on the file it started
   * on, and what it recorded is applied again to the restored one.
   */
  private inFlight = 0;
  private idle: (() => void)[] = [];

  /** Resolves once no station call admitted before now is still running (or after `maxMs`, whichever first). */
  settled(maxMs = 10_000): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, maxMs);
      timer.unref?.();
      this.idle.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** An admitted call has its answer. */
  finished(caller: Caller): void {
    if (caller.kind !== 'station') return;
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (this.inFlight === 0) for (const wake of this.idle.splice(0)) wake();
  }

  /** May this caller make a call now? A station is refused while the host restores a backup. */
  admit(caller: Caller): AppError | null {
    if (caller.kind === 'station' && !this.pause) this.inFlight++;
    if (!this.pause || caller.kind !== 'station') return null;
    this.pause.refusedCalls++;
    this.pause.devices.add(caller.deviceName);
    return new AppError(
      'HOST_PAUSED',
      'The host is restoring a backup: check-ins wait on this device and are sent when the host is back, in a moment.',
      { since: new Date(this.pause.since).toISOString() },
      'venue.errors.hostPaused',
    );
  }

  /** Stations (not revoked) that called within CONNECTED_WITHIN_MS; none while the link is off. */
  connected(withinMs = CONNECTED_WITHIN_MS): ConnectedStation[] {
    if (!this.enabled) return [];
    const now = this.now();
    const recent = new Map([...this.lastCall].filter(([, at]) => now - at <= withinMs));
    if (recent.size === 0) return [];
    return listDevices(this.db())
      .filter((d) => recent.has(d.id) && d.status !== 'revoked')
      .map((d) => ({ deviceId: d.id, name: d.name, person: d.person, role: d.status === 'approved' ? d.role : null, lastCallAt: new Date(recent.get(d.id)!).toISOString() }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  devices(): VenueDevice[] {
    // Looking at the list creates nothing in a data folder that never paired a device.
    if (!this.devicesDb && !existsSync(this.dbPath())) return [];
    return listDevices(this.db()).map((d) => publicDevice(d, this.waitingByDevice.get(d.id) ?? null));
  }

  /** A station's queue as it reported it: `waiting` events before this batch, `settled` of them answered. */
  reportQueue(deviceId: string, waiting: number, settled: number): void {
    this.waitingByDevice.set(deviceId, Math.max(0, waiting - settled));
  }

  device(id: string): DeviceRow {
    const device = getDevice(this.db(), id);
    if (!device) throw new AppError('NOT_FOUND', `No paired device has the id ${id.slice(0, 64)}.`, { field: 'deviceId' });
    return device;
  }

  approve(id: string, role: StationRole, slot: 1 | 2 | null = null): VenueDevice {
    const device = this.device(id);
    if (!canApprove(device.status)) {
      throw new AppError('CONFLICT', `${device.name} was revoked: it must pair again with a new code before it can be approved.`, { status: device.status });
    }
    setDeviceStatus(this.db(), id, 'approved', role, role === 'counting' ? slot : null);
    return publicDevice(this.device(id));
  }

  revoke(id: string): VenueDevice {
    const device = this.device(id);
    setDeviceStatus(this.db(), id, 'revoked', device.role, device.slot);
    return publicDevice(this.device(id));
  }
}

const hubs = new WeakMap<AppContext, VenueHub>();

/** The venue hub of a context (one per shared context, made on first use). */
export function venueHub(ctx: AppContext): VenueHub {
  let hub = hubs.get(ctx.base);
  if (!hub) hubs.set(ctx.base, (hub = new VenueHub(ctx.base)));
  return hub;
}
