import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionInput } from '../../main/domain/sessions/types';
import { makeApp } from '../helpers/app';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();

const saturday: SessionInput = { name: 'Weekend 1 — Saturday', date: '2027-03-06', startTime: '09:30', endTime: '17:00', location: 'Brussels', kind: 'plenary' };
const sunday: SessionInput = { name: 'Weekend 1 — Sunday', date: '2027-03-07', startTime: '09:30', endTime: '16:00', location: 'Brussels', kind: 'plenary' };

async function withAssembly() {
  const dir = tempDir();
  const app = makeApp(dir);
  const info = await app.call('app.createAssembly', { name: 'Partijfinanciering', panelSize: 60 });
  return { ...app, dir, info };
}

describe('sessions through the API', () => {
  it('creates, lists in agenda order, edits and soft-deletes, writing the audit log each time', async () => {
    const app = await withAssembly();
    const sun = await app.call('sessions.create', sunday);
    const sat = await app.call('sessions.create', saturday);
    expect((await app.call('sessions.list', {})).map((s) => s.name)).toEqual([saturday.name, sunday.name]);

    const edited = await app.call('sessions.update', { id: sun.id, name: 'Weekend 1 — Sunday (short)', endTime: '13:00' });
    expect(edited).toMatchObject({ name: 'Weekend 1 — Sunday (short)', endTime: '13:00', startTime: '09:30', date: '2027-03-07' });

    const deleted = await app.call('sessions.delete', { id: sat.id });
    expect(deleted.deletedAt).not.toBeNull();
    expect((await app.call('sessions.list', {})).map((s) => s.id)).toEqual([sun.id]);
    expect((await app.call('sessions.list', { includeDeleted: true })).length).toBe(2);

    const audit = await app.call('audit.list', { entity: 'session' });
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'create', 'delete', 'update']);
    const update = audit.find((a) => a.action === 'update')!;
    expect(update).toMatchObject({ operator: 'Test Operator', entityId: sun.id });
    expect(update.before).toMatchObject({ name: sunday.name, endTime: '16:00' });
    expect(update.after).toMatchObject({ name: 'Weekend 1 — Sunday (short)', endTime: '13:00' });
    app.close();
  });

  it('keeps everything in the file: a fresh process reopening it sees the same sessions', async () => {
    const app = await withAssembly();
    await app.call('sessions.create', saturday);
    app.close();
    const later = makeApp(app.dir, 'Someone Else');
    await later.call('app.openAssembly', { path: app.info.path });
    const sessions = await later.call('sessions.list', {});
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject(saturday);
    later.close();
  });

  it('refuses an end before the start, naming the field, and writes nothing', async () => {
    const app = await withAssembly();
    const result = await app.raw('sessions.create', { ...saturday, startTime: '17:00', endTime: '09:30' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('VALIDATION');
      expect(result.error.message).toContain('must be after the start time');
      expect(result.error.details?.fields).toEqual([
        { field: 'endTime', rule: 'endAfterStart', message: 'the end time (09:30) must be after the start time (17:00)' },
      ]);
    }
    expect(await app.call('sessions.list', { includeDeleted: true })).toEqual([]);
    expect(await app.call('audit.list', { entity: 'session' })).toEqual([]);
    app.close();
  });

  it('refuses two live sessions with the same name (ignoring case and accents), but allows reuse after delete', async () => {
    const app = await withAssembly();
    const first = await app.call('sessions.create', { ...saturday, name: 'Séance plénière' });
    const clash = await app.raw('sessions.create', { ...sunday, name: 'seance PLENIERE' });
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!clash.ok) expect(clash.error.message).toContain('already a session called "Séance plénière"');

    const other = await app.call('sessions.create', { ...sunday, name: 'Other' });
    const renameClash = await app.raw('sessions.update', { id: other.id, name: 'Séance Plénière' });
    expect(renameClash).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    await app.call('sessions.delete', { id: first.id });
    await app.call('sessions.create', { ...sunday, name: 'Séance plénière' });
    // Restoring the deleted one would now make two live sessions with one name.
    expect(await app.raw('sessions.restore', { id: first.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    app.close();
  });

  it('reports every bad field of a request', async () => {
    const app = await withAssembly();
    const result = await app.raw('sessions.create', { name: '', date: '2027-02-30', startTime: '9h', endTime: '17:00', kind: 'party' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      // Every problem at once, each with a stable rule the UI translates.
      const fields = result.error.details?.fields as { field: string; rule: string }[];
      expect(fields).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'name', rule: 'required' }),
          expect.objectContaining({ field: 'kind', rule: 'notAllowed' }),
        ]),
      );
    }
    const missing = await app.raw('sessions.create', { name: 'Only a name', surprise: 1 });
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.error.details?.fields).toEqual(
        expect.arrayContaining([
          { field: 'date', rule: 'required', message: 'is required' },
          { field: 'kind', rule: 'required', message: 'is required' },
          { field: 'surprise', rule: 'unknownField', message: 'is not a known field' },
        ]),
      );
      expect(missing.error.message).toContain('date: is required');
    }
    const dates = await app.raw('sessions.create', { ...saturday, date: '2027-02-30', startTime: '9h' });
    if (!dates.ok) {
      expect(dates.error.message).toContain('"2027-02-30" is not a date');
      expect(dates.error.message).toContain('"9h" is not a time');
    }
    expect(dates.ok).toBe(false);
    expect(await app.raw('sessions.update', { id: 'nope', name: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    app.close();
  });

  it('needs an open assembly and an operator', async () => {
    const app = makeApp(tempDir(), null);
    expect(await app.raw('sessions.list', {})).toMatchObject({ ok: false, error: { code: 'NO_ASSEMBLY_OPEN' } });
    expect(await app.raw('app.createAssembly', { name: 'X' })).toMatchObject({ ok: false, error: { code: 'NO_OPERATOR' } });
    await app.call('app.setOperator', { name: 'Ann' });
    await app.call('app.createAssembly', { name: 'X' });
    expect((await app.call('app.status', {})).operator).toBe('Ann');
    app.close();
  });
});

describe('assembly files through the API', () => {
  it('creates a file in the data folder, remembers it as recent, and lists it', async () => {
    const app = await withAssembly();
    expect(app.info.path).toBe(join(app.dir, 'assemblies', 'Partijfinanciering.assembly'));
    expect(app.info).toMatchObject({ name: 'Partijfinanciering', panelSize: 60 });
    const status = await app.call('app.status', {});
    expect(status.assembly?.path).toBe(app.info.path);
    expect(status.recent.map((r) => r.path)).toEqual([app.info.path]);
    const files = await app.call('app.listAssemblyFiles', {});
    expect(files.map((f) => f.fileName)).toEqual(['Partijfinanciering.assembly']);
    // Created under a temporary name and renamed: nothing else is left in the folder.
    const leftovers = readdirSync(join(app.dir, 'assemblies')).filter((f) => !/\.assembly(-wal|-shm)?$/.test(f));
    expect(leftovers).toEqual([]);
    const audit = await app.call('audit.list', { entity: 'assembly' });
    expect(audit).toMatchObject([{ action: 'create', operator: 'Test Operator' }]);
    app.close();
  });

  it('refuses to overwrite an existing assembly, leaving the open one open', async () => {
    const app = await withAssembly();
    const again = await app.raw('app.createAssembly', { name: 'Partijfinanciering' });
    expect(again).toMatchObject({ ok: false, error: { code: 'FILE_EXISTS' } });
    expect((await app.call('app.status', {})).assembly?.name).toBe('Partijfinanciering');
    app.close();
  });

  it('keeps the open assembly when opening another file fails', async () => {
    const app = await withAssembly();
    const missing = await app.raw('app.openAssembly', { path: join(app.dir, 'nope.assembly') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
    expect((await app.call('sessions.list', {}))).toEqual([]);
    app.close();
  });

  it('remembers the language across restarts and forgets a recent file on request', async () => {
    const dir = tempDir();
    const app = makeApp(dir);
    await app.call('app.setLanguage', { language: 'fr' });
    const info = await app.call('app.createAssembly', { name: 'Eén' });
    app.close();
    const restarted = makeApp(dir);
    const status = await restarted.call('app.status', {});
    expect(status.language).toBe('fr');
    expect(status.assembly).toBeNull();
    expect(status.recent[0]?.path).toBe(info.path);
    const after = await restarted.call('app.forgetRecent', { path: info.path });
    expect(after.recent).toEqual([]);
    expect(existsSync(info.path)).toBe(true);
  });
});
