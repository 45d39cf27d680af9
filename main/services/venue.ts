/**
 * The venue link's methods: turning it on and off, pairing codes, joining, and the devices list.
 * Who may call which is in main/roles.ts: everything here is the host's, except venue.join
 * (a device with no token yet) and venue.me (a paired device, even while pending).
 */
import { z } from 'zod';
import { STATION_ROLES, type StationRole } from '../../preload/vocabulary';
import { AppError } from '../errors';
import { handlers } from '../registry';
import { CONNECTED_WITHIN_MS, venueHub } from '../venue/hub';
import { isJoinProblem, joinTarget, type JoinTarget } from '../venue/stationPin';
import { empty, id, requiredText } from './schemas';

/**
 * Opens a station window on a host (set by the Electron shell, main/electron.ts). Absent in web
 * mode and the CLI: there, a browser joins by opening the pairing link itself.
 */
let stationOpener: ((target: JoinTarget) => Promise<void>) | null = null;
export function setStationOpener(open: ((target: JoinTarget) => Promise<void>) | null): void {
  stationOpener = open;
}

const role = z.enum(STATION_ROLES as unknown as [StationRole, ...StationRole[]], { message: 'must be desk, counting, viewer or secretariat' });

export const venueHandlers = handlers({
  'venue.enable': {
    args: z.strictObject({
      port: z.number().int('must be a whole number').min(0, 'must be at least 0').max(65535, 'must be at most 65535').optional(),
      address: z.string().min(1, 'is required').max(64, 'is too long').optional(),
    }),
    run: (args, ctx) => venueHub(ctx).enable(args),
  },
  'venue.disable': { args: empty, run: (_a, ctx) => venueHub(ctx).disable() },
  'venue.status': { args: empty, run: (_a, ctx) => venueHub(ctx).status() },
  'venue.createPairingCode': { args: empty, run: (_a, ctx) => venueHub(ctx).createPairingCode() },
  'venue.join': {
    args: z.strictObject({ code: requiredText(20), deviceName: requiredText(80), person: requiredText(80) }),
    // Wrong codes lock pairing for the caller's address only (PairingLocks); the host itself has none.
    run: (args, ctx) => venueHub(ctx).join(args, ctx.caller.kind === 'unpaired' ? (ctx.caller.address ?? 'unknown') : 'host'),
  },
  'venue.me': {
    args: empty,
    run: (_a, ctx) => {
      const caller = ctx.caller;
      if (caller.kind !== 'station') throw new AppError('CONFLICT', 'This is the host laptop, not a paired station.');
      const device = venueHub(ctx).device(caller.deviceId);
      return { deviceId: device.id, name: device.name, person: device.person, role: device.role, slot: device.slot, status: device.status };
    },
  },
  /**
   * "Join an assembly at this venue" in the desktop app: this laptop becomes a station of another
   * host. A pasted pairing link, or the address, code and fingerprint typed from it; the window
   * opened trusts only the host's pinned certificate (main/venue/stationPin.ts).
   */
  'venue.openStation': {
    // The link, or the parts typed from it (joinTarget says which is missing or wrong).
    args: z.strictObject({
      link: z.string().max(2000, 'is too long').optional(),
      address: z.string().max(300, 'is too long').optional(),
      code: z.string().max(20, 'is too long').optional(),
      fingerprint: z.string().max(100, 'is too long').optional(),
    }),
    run: async (args, ctx) => {
      const target = joinTarget(args);
      if (isJoinProblem(target)) {
        throw new AppError('VALIDATION', target.message, { field: target.field, reason: target.reason }, `venue.errors.link.${target.reason}`);
      }
      if (!stationOpener || ctx.transport !== 'electron') {
        throw new AppError(
          'CONFLICT',
          'Only the desktop app opens a station window. In a browser, open the pairing link itself (scan the QR code on the host laptop).',
          {},
          'venue.errors.joinInBrowser',
        );
      }
      await stationOpener(target);
      return { origin: target.origin, fingerprint: target.fingerprint };
    },
  },
  'venue.devices': { args: empty, run: (_a, ctx) => venueHub(ctx).devices() },
  /** Stations that called in the last minute: the restore dialog names them before it pauses them. */
  'venue.connected': {
    args: empty,
    run: (_a, ctx) => ({ withinSeconds: CONNECTED_WITHIN_MS / 1000, stations: venueHub(ctx).connected() }),
  },
  'venue.approve': {
    args: z.strictObject({ deviceId: id, role, slot: z.union([z.literal(1), z.literal(2)], { message: 'must be 1 or 2' }).optional() }),
    run: ({ deviceId, role: r, slot }, ctx) => venueHub(ctx).approve(deviceId, r, slot ?? null),
  },
  'venue.revoke': { args: z.strictObject({ deviceId: id }), run: ({ deviceId }, ctx) => venueHub(ctx).revoke(deviceId) },
});
