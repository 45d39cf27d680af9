/**
 * The station role table (main/roles.ts), checked through the registry: every method of the
 * contract, called by every kind of station, is refused exactly when the table says so, before
 * its arguments are read. Methods that touch files are the host's alone; host-only is the default.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../preload/contract';
import { STATION_ROLES } from '../../preload/vocabulary';
import type { MethodName } from '../../main/apiTypes';
import { createAppRegistry } from '../../main/api';
import type { Caller } from '../../main/caller';
import { AppContext } from '../../main/context';
import { FILE_METHODS, METHOD_ROLES, rolesFor, type CallerRole } from '../../main/roles';
import { venueHub } from '../../main/venue/hub';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();
const contexts: AppContext[] = [];
afterEach(async () => {
  for (const ctx of contexts.splice(0)) await venueHub(ctx).close();
});

const CALLER_ROLES: CallerRole[] = [...STATION_ROLES, 'pending', 'unpaired'];

function callerFor(role: CallerRole): Caller {
  if (role === 'unpaired') return { kind: 'unpaired' };
  return { kind: 'station', deviceId: `device-${role}`, deviceName: `${role} device`, person: `${role} person`, role };
}

const allowedFor = (role: CallerRole) => METHOD_NAMES.filter((m) => rolesFor(m).includes(role)).sort();

describe('the station role table', () => {
  it('is enforced by the registry for every method and every role, before the arguments are read', async () => {
    const registry = createAppRegistry(() => {});
    const base = new AppContext('web', tempDir());
    contexts.push(base);
    base.operator = 'Host';
    const mismatches: string[] = [];
    for (const role of CALLER_ROLES) {
      const ctx = base.forCaller(callerFor(role));
      for (const method of METHOD_NAMES) {
        // Arguments no handler accepts: a refusal by role must come before validation.
        const result = await registry.call(method, { notAField: true }, ctx);
        const refusedByRole = !result.ok && result.error.code === 'FORBIDDEN' && result.error.details?.method === method && result.error.details?.role === role;
        const allowed = rolesFor(method).includes(role);
        if (allowed === refusedByRole) mismatches.push(`${role} ${method}: ${allowed ? 'allowed but refused' : 'refused by the table but let through'}`);
        if (allowed && !result.ok) expect(result.error.code, `${role} ${method}`).toBe('VALIDATION');
      }
    }
    expect(mismatches).toEqual([]);
    // The host may call everything: its calls reach validation.
    for (const method of METHOD_NAMES) {
      const result = await registry.call(method, { notAField: true }, base);
      expect(!result.ok && result.error.code, method).toBe('VALIDATION');
    }
  });

  it('gives each role what the venue needs, and nothing that touches files', () => {
    expect(allowedFor('desk')).toEqual(
      ['app.status', 'attendance.checkIn', 'attendance.checkOut', 'attendance.excuse', 'attendance.roster', 'attendance.submitQueued', 'attendance.undo', 'sessions.get', 'sessions.list', 'translations.list', 'venue.me'].sort(),
    );
    expect(allowedFor('counting')).toEqual(['app.status', 'sessions.list', 'translations.list', 'venue.me', 'voting.enterCounts', 'voting.get', 'voting.list'].sort());
    expect(allowedFor('viewer')).toEqual(['app.status', 'attendance.dashboard', 'sessions.list', 'translations.list', 'venue.me', 'voting.notHeld', 'voting.results'].sort());
    expect(allowedFor('pending')).toEqual(['venue.me']);
    expect(allowedFor('unpaired')).toEqual(['venue.join']);
    // Secretariat: everything except files and the venue administration.
    const hostOnly = METHOD_NAMES.filter((m) => !rolesFor(m).includes('secretariat'));
    expect(hostOnly.sort()).toEqual(
      [
        ...FILE_METHODS,
        'venue.enable',
        'venue.disable',
        'venue.status',
        'venue.createPairingCode',
        'venue.devices',
        'venue.approve',
        'venue.revoke',
        'venue.connected',
        'venue.openStation',
        'venue.join',
      ].sort(),
    );
    for (const method of FILE_METHODS) expect(METHOD_ROLES[method], method).toBeUndefined();
    for (const method of ['app.openAssembly', 'app.createAssembly', 'app.openDemo', 'app.closeAssembly', 'app.saveCopy', 'app.listAssemblyFiles', 'app.forgetRecent', 'imports.stageFile', 'imports.importFile', 'backups.list', 'backups.create', 'backups.restore', 'selection.verify'] as MethodName[]) {
      expect(FILE_METHODS.has(method), method).toBe(true);
    }
  });

  it('makes a method the table does not name host-only', () => {
    expect(rolesFor('people.deleteEverything')).toEqual([]);
    const unlisted = METHOD_NAMES.filter((m) => METHOD_ROLES[m] === undefined);
    expect(unlisted.length).toBeGreaterThan(0);
    for (const m of unlisted) expect(rolesFor(m)).toEqual([]);
  });
});
