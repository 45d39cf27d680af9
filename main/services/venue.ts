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
import { empty, id, requiredText } from './schemas';

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
