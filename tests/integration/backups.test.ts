/** Backups of the open assembly: list, take, restore (keeping the replaced state), save a copy, automatic. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { startAutoBackup } from '../../main/services/backups';
import { makeApp } from '../helpers/app';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();

describe('backups', () => {
  it('takes a backup by hand, restores it after keeping the state it replaces, and lists what each holds', async () => {
    const app = makeApp(tempDir());
    await app.call('app.openDemo', { stage: 'venue' });
    const sessions = await app.call('sessions.list', {});
    const sessionId = sessions[2]!.id;
    const manual = await app.call('backups.create', {});
    expect(manual).toMatchObject({ reason: 'manual', ok: true, participants: 60 });
    const checkInsBefore = manual.checkIns;

    // After the backup, five people are checked in, and one more in a session created after the
    // backup. The restore takes the file back, but the check-ins acknowledged since are not lost:
    // the five are applied again; the one whose session the backup does not know is listed.
    const roster = await app.call('attendance.roster', { sessionId });
    for (const r of roster.rows.slice(0, 5)) await app.call('attendance.checkIn', { sessionId, personId: r.personId });
    const extra = await app.call('sessions.create', { name: 'Extra evening', date: sessions[2]!.date, startTime: '19:00', endTime: '21:30', kind: 'plenary' });
    const lateComer = roster.rows[6]!;
    await app.call('attendance.checkIn', { sessionId: extra.id, personId: lateComer.personId });
    const restored = await app.call('backups.restore', { name: manual.name });
    expect(restored.name).toContain('Party Funding');
    expect((await app.call('sessions.list', {})).some((s) => s.id === extra.id)).toBe(false);
    expect((await app.call('attendance.roster', { sessionId })).present).toBe(5);
    expect(restored.attendance.reapplied).toBe(5);
    expect(restored.attendance.refused).toEqual([
      expect.objectContaining({ sessionId: extra.id, personId: lateComer.personId, kind: 'checkIn', key: 'attendance.mergeUnknownSession' }),
    ]);
    // The audit log says what the restore did, by code only.
    const audit = await app.call('audit.list', { entity: 'attendance' });
    const row = audit.find((a) => a.action === 'attendance.reappliedAfterRestore')!;
    expect(row.after).toMatchObject({ reapplied: 5, refused: [{ code: lateComer.code, key: 'attendance.mergeUnknownSession' }] });
    expect(JSON.stringify(row.after)).not.toContain(lateComer.lastName);

    const list = await app.call('backups.list', {});
    const before = list.backups.find((b) => b.reason === 'before-restore')!;
    expect(before.checkIns).toBe(checkInsBefore + 6);
    expect(list.backups.find((b) => b.name === manual.name)!.checkIns).toBe(checkInsBefore);
    expect(list.lastBackupAt).toBe(list.backups[0]!.at);

    // The replaced state can be restored in turn: it holds everything, nothing needs applying again.
    const back = await app.call('backups.restore', { name: before.name });
    expect(back.attendance).toEqual({ reapplied: 0, refused: [] });
    expect((await app.call('attendance.roster', { sessionId })).present).toBe(5);
    expect((await app.call('attendance.roster', { sessionId: extra.id })).present).toBe(1);

    const missing = await app.raw('backups.restore', { name: 'nope.assembly' });
    expect(missing.ok ? null : missing.error.i18nKey).toBe('backups.notFound');
    const path = await app.raw('backups.restore', { name: '../x.assembly' });
    expect(path.ok ? null : path.error.code).toBe('VALIDATION');
    app.close();
  }, 60_000);

  it("counts a backup's participants as the app does: an erased confirmed person is not one", async () => {
    const app = makeApp(tempDir());
    await app.call('app.openDemo', { stage: 'venue' });
    expect(await app.call('backups.create', {})).toMatchObject({ ok: true, participants: 60 });
    const [person] = (await app.call('people.list', { status: 'confirmed', limit: 1 })).rows;
    await app.call('people.erase', { id: person!.id, confirmCode: person!.code });
    // Erasure keeps the status (the selection record stays), but the person takes no seat.
    expect((await app.call('people.get', { id: person!.id })).status).toBe('confirmed');
    expect(await app.call('backups.create', {})).toMatchObject({ ok: true, participants: 59 });
    app.close();
  }, 60_000);

  it('saves a consistent copy elsewhere, refusing to overwrite a file', async () => {
    const dir = tempDir();
    const app = makeApp(dir);
    await app.call('app.openDemo', {});
    const target = join(dir, 'copy.assembly');
    const copy = await app.call('app.saveCopy', { path: target });
    expect(copy.bytes).toBeGreaterThan(100_000);
    const again = await app.raw('app.saveCopy', { path: target });
    expect(again.ok ? null : again.error.code).toBe('FILE_EXISTS');
    app.close();
    const other = makeApp(tempDir());
    await other.call('app.openAssembly', { path: target });
    expect((await other.call('people.list', { limit: 1 })).total).toBe(1500);
    other.close();
  });

  it('backs up automatically when changes happened since the last tick, and not otherwise', async () => {
    const app = makeApp(tempDir());
    await app.call('app.openDemo', {});
    // Only the backup timer is faked: the backup itself is real I/O and is awaited by polling.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const stop = startAutoBackup(app.ctx, 15 * 60_000);
      const autoBackups = async () => (await app.call('backups.list', {})).backups.filter((b) => b.reason === 'auto');
      vi.advanceTimersByTime(45 * 60_000);
      expect(await autoBackups()).toHaveLength(0);
      await app.call('sessions.create', { name: 'Extra evening', date: '2027-03-03', startTime: '19:00', endTime: '21:30', kind: 'online' });
      vi.advanceTimersByTime(14 * 60_000);
      expect(await autoBackups()).toHaveLength(0);
      vi.advanceTimersByTime(60_000);
      await expect.poll(async () => (await autoBackups()).length, { timeout: 10_000 }).toBe(1);
      // No change since: the next quarter of an hour takes none.
      vi.advanceTimersByTime(15 * 60_000);
      expect(await autoBackups()).toHaveLength(1);
      stop();
    } finally {
      vi.useRealTimers();
    }
    expect(existsSync(app.ctx.open!.path)).toBe(true);
    app.close();
  });
});
