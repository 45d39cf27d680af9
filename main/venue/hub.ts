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
  pruneCodes,
  UNLOCKED,
  verdictMessage,
  type PairingCodeState,
  type PairingLockState,
} from '../domain/venue/pairing';
import { AppError } from '../errors';
import type { RunningWebServer } from '../web/server';
import { loadOrCreateCertificate, type HostCertificate } from './tls';

export const DEFAULT_VENUE_PORT = 4611;
/** A device's last-seen time is written at most this often. */
const TOUCH_EVERY_MS = 10_000;

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
  private lock: PairingLockState = UNLOCKED;
  private boundAddress: string | null = null;
  private lastTouched = new Map<string, number>();
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
      venue: { tls: { key: this.certificate.key, cert: this.certificate.cert }, identify: (token) => this.identify(token) },
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
    const lockedUntil = this.lock.lockedUntil !== null && this.now() < this.lock.lockedUntil ? new Date(this.lock.lockedUntil).toISOString() : null;
    return {
      enabled: this.enabled,
      addresses: this.addresses(),
      port: this.port(),
      fingerprint: this.enabled ? (this.certificate?.fingerprint ?? null) : null,
      pairingLockedUntil: lockedUntil,
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

  /** A station asks to join with a code; it gets its own token, pending until the host approves. */
  join(args: { code: string; deviceName: string; person: string }): VenueJoinResult {
    this.requireEnabled();
    const now = this.now();
    const given = sha256(normaliseCode(args.code)).toString('hex');
    const judged = judgeCode(this.codes, this.lock, given, now);
    this.lock = judged.lock;
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
  identify(token: string | undefined): Caller | AppError {
    if (token === undefined || token === '') return { kind: 'unpaired' };
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
