/**
 * The end date (issue 18): closing an assembly removes the contact data of everyone from the file,
 * its -wal and every backup (raw bytes checked), keeps every aggregate and pseudonymised report as
 * it was (the workbook, the six PDFs and the ten CSV tables, byte for byte under a fixed clock and
 * ids), names a backup it could not process, writes a certificate, and refuses contact data and
 * personal-data exports afterwards. Retention dates: defaults, past and invalid dates refused.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAssemblyDb } from '../../db/connection';
import { seededIdFactory } from '../../db/ids';
import { loadMigrations } from '../../db/migrations';
import { createRandom } from '../../main/domain/random';
import { REPORT_NAMES, REPORT_TABLES } from '../../preload/vocabulary';
import { makeApp } from '../helpers/app';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();
// The demo's first weekend is over, its last session ahead: a day in the assembly's life.
const CLOCK = '2027-03-01T10:30:00.000Z';

type FixedApp = ReturnType<typeof fixedApp>;

function fixedApp(dir: string, clock = CLOCK) {
  // A clock that only moves when told (backups are named by their time: each needs its own minute).
  let now = clock;
  const app = makeApp(dir, 'Officer Ann', () => new Date(now));
  // Fixed ids too: the reports must be comparable byte for byte.
  Object.defineProperty(app.ctx, 'newId', { value: seededIdFactory(createRandom('closing/ids').next, Date.parse(clock)) });
  return { ...app, setClock: (iso: string) => (now = iso) };
}

/** The files holding the assembly's bytes: the file, its -wal, and every backup. */
function filesOf(path: string): string[] {
  const backups = `${path}.backups`;
  return [path, `${path}-wal`, ...(existsSync(backups) ? readdirSync(backups).map((n) => join(backups, n)) : [])].filter((f) => existsSync(f));
}

function holding(files: string[], values: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const value of values) if (bytes.includes(Buffer.from(value, 'utf8'))) found.push(`${file.split('/').pop()}: ${value}`);
  }
  return found;
}

/** Contact values of everyone, read from the file itself (any of them left would be a failure). */
function contactValues(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db.prepare('SELECT email, phone, street, first_name, last_name, search_key FROM people').all() as Record<string, string | null>[];
    const values = new Set<string>();
    for (const r of rows) {
      for (const v of [r.email, r.phone]) if (v) values.add(v);
      // Names and streets as whole "Street, Last First" are not stored; a long surname or street is distinctive enough.
      for (const v of [r.street, r.last_name]) if (v && v.length >= 10) values.add(v);
    }
    return [...values];
  } finally {
    db.close();
  }
}


/** Every aggregate and pseudonymised report: the workbook, the PDFs and the CSV tables. */
async function reportSet(app: FixedApp): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const level of ['pseudonymised', 'aggregate'] as const) {
    // The workbook and PDFs in English (each takes a second or more), the CSV tables in all three languages.
    for (const lang of ['en', 'nl', 'fr'] as const) {
      for (const report of lang === 'en' ? REPORT_NAMES : []) {
        const format = report === 'workbook' ? 'xlsx' : 'pdf';
        const file = await app.call('reports.export', { report, format, level, lang });
        files.set(`${report}-${level}-${lang}.${format}`, Buffer.from(file.contentBase64, 'base64'));
      }
      for (const table of REPORT_TABLES) {
        const file = await app.call('reports.export', { report: table, format: 'csv', level, lang });
        files.set(`${table}-${level}-${lang}.csv`, Buffer.from(file.contentBase64, 'base64'));
      }
    }
  }
  return files;
}

describe('closing an assembly', () => {
  it('removes contact data from the file, its log and every backup, keeps every aggregate and pseudonymised report identical, and certifies it', async () => {
    const dir = tempDir();
    const app = fixedApp(dir);
    const opened = await app.call('app.openDemo', { stage: 'venue' });
    const path = opened.path;
    expect(opened.retentionUntil).toMatch(/^2027-\d\d-\d\d$/);
    expect(opened.closedAt).toBeNull();

    // Free text that identifies people, in every place closing must reach.
    const confirmed = (await app.call('people.list', { status: 'confirmed', limit: 2 })).rows;
    const pool = (await app.call('people.list', { status: 'pool', limit: 1 })).rows;
    await app.call('people.update', { id: confirmed[0]!.id, notes: 'Zoekt werk als Zwaluwenhofbediende', needs: { diet: 'Glutenvrij-Quirijntje' } });
    await app.call('people.update', { id: pool[0]!.id, firstName: 'Quirijntje', lastName: 'Vanderzwalmenhove', email: 'quirijntje.vdz@example.be' });
    await app.call('people.addContact', { id: confirmed[1]!.id, date: '2027-02-20', channel: 'phone', outcome: 'Belde terug-Ximenaplein', note: 'Mantelzorger voor moeder Ximena' });
    const sessions = await app.call('sessions.list', {});
    const roster = await app.call('attendance.roster', { sessionId: sessions[0]!.id });
    await app.call('attendance.excuse', { sessionId: sessions[0]!.id, personId: roster.rows.find((r) => r.state === 'expected')!.personId, reason: 'Ziekenhuisopname-Quirijntje' });
    const contributor = await app.call('contributors.create', {
      name: 'Prof. Example', role: 'expert', organisation: 'KU Example', topics: [], perspectiveId: null, languages: ['nl'], email: 'prof.uniquely@example.be',
      phone: '+32 2 555 01 99', availability: [], feeCents: 0, travelCents: 0, consentPublish: true, status: 'invited', notes: 'Privé-gsm na 18u',
    });
    const freeText = ['Zwaluwenhofbediende', 'Glutenvrij-Quirijntje', 'Vanderzwalmenhove', 'quirijntje.vdz@example.be', 'Belde terug-Ximenaplein', 'Mantelzorger voor moeder Ximena', 'Ziekenhuisopname-Quirijntje', 'prof.uniquely@example.be', '+32 2 555 01 99', 'Privé-gsm na 18u'];
    const values = [...contactValues(path), ...freeText];
    expect(values.length).toBeGreaterThan(1000);

    // Ten backups (as many as the app keeps of a kind), and a copy saved elsewhere.
    for (let i = 0; i < 3; i++) {
      app.setClock(`2027-03-01T10:3${i + 1}:00.000Z`);
      await app.call('backups.create', {});
    }
    app.setClock(CLOCK);
    mkdirSync(join(dir, 'usb'));
    const copy = await app.call('app.saveCopy', { path: join(dir, 'usb', 'for-the-printer.assembly') });
    const backups = filesOf(path).filter((f) => f.includes('.backups'));
    expect(backups).toHaveLength(3);
    // Before: the backups hold the contact data (else this test could not fail).
    expect(holding(backups, freeText).length).toBeGreaterThan(0);

    const before = await reportSet(app);
    const schemaDb = new Database(path, { readonly: true });
    const schemaBefore = schemaDb.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all();
    schemaDb.close();
    const preview = await app.call('assembly.retention', {});
    expect(preview.preview).toMatchObject({ people: 1500, contactEntries: 1 });
    expect(preview.backups).toHaveLength(3);
    expect(preview.copiesElsewhere.map((c) => c.path)).toEqual([copy.path]);

    // The name confirms it; a wrong one changes nothing.
    const wrong = await app.raw('assembly.close', { confirmName: 'another assembly' });
    expect(wrong.ok ? null : wrong.error).toMatchObject({ code: 'VALIDATION', i18nKey: 'closing.errors.confirmName' });
    expect(holding([path, `${path}-wal`].filter(existsSync), ['Vanderzwalmenhove']).length).toBeGreaterThan(0);

    const closed = await app.call('assembly.close', { confirmName: opened.name });
    expect(closed).toMatchObject({ first: true, peopleCleared: 1500, peopleRemoved: 0, contactEntriesRemoved: 1, backupsFailed: [], logCleared: true });
    expect(closed.contributorsCleared).toBeGreaterThanOrEqual(1);
    expect(closed.backupsProcessed).toHaveLength(3);
    expect(closed.copiesElsewhere.map((c) => c.path)).toEqual([copy.path]);
    expect(closed.status.assembly).toMatchObject({ closedAt: CLOCK, closedBy: 'Officer Ann', retentionPassed: false });

    // The attendance events' guard is back as it was: an event still cannot be changed.
    const schema = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all();
      } finally {
        db.close();
      }
    };
    expect(schema(path)).toEqual(schemaBefore);
    const raw = new Database(path);
    expect(() => raw.prepare("UPDATE attendance_events SET reason = 'x' WHERE reason IS NOT NULL").run()).toThrow('attendance events are never changed');
    raw.close();

    // Raw bytes: none of the values in the file, its -wal or any backup.
    expect(holding(filesOf(path), values)).toEqual([]);
    // The copy on the "USB stick" is out of reach, which is why the certificate names it.
    expect(holding([copy.path], freeText).length).toBeGreaterThan(0);

    // Every aggregate and pseudonymised report, byte for byte (same clock, same ids: nothing excluded).
    const after = await reportSet(app);
    expect([...after.keys()]).toEqual([...before.keys()]);
    const differing = [...before].filter(([name, bytes]) => !bytes.equals(after.get(name)!)).map(([name]) => name);
    expect(differing).toEqual([]);
    expect(before.size).toBe(2 * (REPORT_NAMES.length + 3 * REPORT_TABLES.length));

    // What is kept still works: a person by code, with status and features; the contributor by name.
    const person = await app.call('people.get', { id: confirmed[0]!.id });
    expect(person).toMatchObject({ code: confirmed[0]!.code, status: 'confirmed', firstName: '', lastName: '', email: null, notes: '', needs: { diet: '' } });
    expect(Object.keys(person.features).length).toBeGreaterThan(0);
    expect((await app.call('agenda.overview', {})).contributors.find((c) => c.id === contributor.id)).toMatchObject({ name: 'Prof. Example', email: null, phone: null });

    // A closed assembly refuses contact data and personal-data exports, with one sentence.
    for (const [method, args] of [
      ['people.update', { id: person.id, firstName: 'Again' }],
      ['people.addContact', { id: person.id, date: '2027-03-01', channel: 'phone', outcome: 'x' }],
      ['reports.export', { report: 'workbook', format: 'xlsx', level: 'full' }],
      ['attendance.badges', {}],
      ['perDiem.exportCsv', {}],
      ['assembly.setRetention', { retentionUntil: '2028-01-01' }],
      ['contributors.update', { id: contributor.id, email: 'again@example.be' }],
    ] as const) {
      const refused = await app.raw(method, args);
      expect(refused.ok ? method : refused.error, method).toMatchObject({ code: 'CONFLICT', i18nKey: 'closing.errors.closed' });
    }
    // Reopening the closed file works, and says it is closed.
    app.close();
    const reopened = await app.call('app.openAssembly', { path });
    expect(reopened.closedAt).toBe(CLOCK);

    // The certificate, in the three languages: read back as text.
    const texts: Record<string, string> = {};
    for (const lang of ['en', 'nl', 'fr'] as const) {
      const cert = await app.call('assembly.closeCertificate', { lang });
      expect(cert.fileName).toMatch(new RegExp(`-closure-certificate-${lang}\\.pdf$`));
      const pdf = join(dir, `cert-${lang}.pdf`);
      writeFileSync(pdf, Buffer.from(cert.contentBase64, 'base64'));
      texts[lang] = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    }
    const en = texts.en!;
    expect(en).toContain('Certificate of closure');
    expect(en).toMatch(/People whose contact data was removed\s+1,500/);
    expect(en).toMatch(/Contact log entries removed\s+1\n/);
    expect(en).toContain('Officer Ann');
    expect(en).toContain('Backups processed (3)');
    for (const b of closed.backupsProcessed) expect(en).toContain(b);
    expect(en.replace(/\s+/g, '')).toContain(copy.path.replace(/\s+/g, ''));
    expect(en).toContain('must be deleted by hand');
    expect(texts.nl).toContain('Certificaat van afsluiting');
    expect(texts.nl).toMatch(/1\.500/);
    expect(texts.fr).toContain('Certificat de clôture');
    app.close();
  }, 600_000);

  it('names a backup it cannot process, closes the rest, and a second pass reaches it once it is readable', async () => {
    const dir = tempDir();
    const app = fixedApp(dir);
    const opened = await app.call('app.openDemo', {});
    app.setClock('2027-03-01T09:00:00.000Z');
    await app.call('backups.create', {});
    app.setClock('2027-03-01T09:01:00.000Z');
    await app.call('backups.create', {});
    app.setClock(CLOCK);
    const [good, bad] = (await app.call('backups.list', {})).backups;
    const badPath = join(`${opened.path}.backups`, bad!.name);
    const original = readFileSync(badPath);
    // Damaged: its header overwritten (as a disk error would).
    writeFileSync(badPath, Buffer.concat([Buffer.from('not a database at all'), original.subarray(21)]));

    const closed = await app.call('assembly.close', { confirmName: opened.name });
    expect(closed.backupsProcessed).toEqual([good!.name]);
    expect(closed.backupsFailed).toEqual([{ name: bad!.name, problem: expect.any(String) }]);
    // The open file is closed all the same: its contact data must not wait for a broken backup.
    expect((await app.call('app.status', {})).assembly?.closedAt).toBe(CLOCK);
    // Free text about a person is refused once closed; a status change without it is not.
    const [someone] = (await app.call('people.list', { status: 'pool', limit: 1 })).rows;
    const [session] = await app.call('sessions.list', {});
    for (const [method, args] of [
      ['people.setStatus', { id: someone!.id, status: 'declined', date: '2027-03-01', reason: 'Verhuist naar Spanje' }],
      ['attendance.excuse', { sessionId: session!.id, personId: someone!.id, reason: 'Ziek' }],
      ['imports.importFile', { path: join(dir, 'pool.csv') }],
    ] as const) {
      const refused = await app.raw(method, args);
      expect(refused.ok ? method : refused.error, method).toMatchObject({ code: 'CONFLICT', i18nKey: 'closing.errors.closed' });
    }
    expect((await app.call('people.setStatus', { id: someone!.id, status: 'reserve' })).status).toBe('reserve');
    const cert = await app.call('assembly.closeCertificate', { lang: 'en' });
    writeFileSync(join(dir, 'c.pdf'), Buffer.from(cert.contentBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'c.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Backup that could not be processed (1)');
    expect(text).toContain(bad!.name);
    expect(text).toContain('Delete them by hand');

    // Made readable again, a second closing processes the backups only.
    writeFileSync(badPath, original);
    expect(holding([badPath], contactValues(badPath)).length).toBeGreaterThan(0);
    const again = await app.call('assembly.close', { confirmName: opened.name });
    expect(again).toMatchObject({ first: false, backupsFailed: [], peopleCleared: 0 });
    expect(again.backupsProcessed).toContain(bad!.name);
    expect(contactValues(badPath)).toEqual([]);
    app.close();
  }, 300_000);

  it('removes the people never selected entirely when asked, and every published lottery stays verifiable', async () => {
    const dir = tempDir();
    const app = fixedApp(dir);
    const opened = await app.call('app.openDemo', { stage: 'venue' });
    const runs = await app.call('selection.list', {});
    const drawn = runs.find((r) => r.status === 'drawn')!;
    const run = await app.call('selection.get', { id: drawn.id });
    const document = await app.call('selection.document', { id: drawn.id });
    const preview = (await app.call('assembly.retention', {})).preview;
    expect(preview.neverSelected).toBeGreaterThan(1000);
    await app.call('backups.create', {});
    const backup = join(`${opened.path}.backups`, (await app.call('backups.list', {})).backups[0]!.name);

    const closed = await app.call('assembly.close', { confirmName: opened.name, removeNeverSelected: true });
    expect(closed.peopleRemoved).toBe(preview.neverSelected);
    expect(closed.peopleCleared).toBe(1500 - preview.neverSelected);
    // The panel is all there; the pool outside it is gone.
    expect((await app.call('people.list', { status: 'confirmed', limit: 1000 })).total).toBe(60);
    expect((await app.call('people.list', { status: 'pool', limit: 1 })).total).toBe(0);
    // The backup keeps exactly the people the file keeps.
    const ids = (path: string) => {
      const db = new Database(path, { readonly: true });
      try {
        return (db.prepare('SELECT id FROM people ORDER BY id').pluck().all() as string[]).join(',');
      } finally {
        db.close();
      }
    };
    expect(ids(backup)).toBe(ids(opened.path));
    // The run's document is unchanged and the draw checks out against it.
    expect((await app.call('selection.document', { id: drawn.id })).content).toBe(document.content);
    const verified = await app.call('selection.verify', {
      algorithm: 'legacy',
      document: document.content,
      publishedHash: run.inputHash,
      seed: run.seed!,
      chosenCodes: run.panel!,
    });
    expect(verified).toMatchObject({ ok: true, problems: [] });
    app.close();
  }, 300_000);

  it('gives a file made before the end date three months after its last session', async () => {
    const dir = tempDir();
    const file = join(dir, 'old.assembly');
    // A file of the schema just before the end date (0012): later migrations run after it too.
    const all = loadMigrations();
    const old = await openAssemblyDb(file, { create: true, migrations: all.filter((m) => m.version < 12) });
    old.db.prepare("INSERT INTO assembly (id, name, panel_size, created_at, updated_at) VALUES ('a', 'Old', 40, '2025-01-10T09:00:00Z', '2025-01-10T09:00:00Z')").run();
    for (const [id, date] of [['s1', '2025-03-01'], ['s2', '2025-05-31'], ['s3', '2025-12-31']]) {
      old.db.prepare("INSERT INTO sessions (id, name, name_key, date, start_time, end_time, kind, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, '09:00', '17:00', 'plenary', 'x', 'x', ?)").run(id, id, id, date, id === 's3' ? 'x' : null);
    }
    old.db.close();
    const migrated = await openAssemblyDb(file, { migrations: all });
    // The last live session is 31 May (the deleted one of 31 December does not count): 31 August.
    expect(migrated.db.prepare('SELECT retention_until, closed_at FROM assembly').get()).toEqual({ retention_until: '2025-08-31', closed_at: null });
    migrated.db.close();
  });

  it('sets a retention date at creation and in Settings, refusing a past or impossible date', async () => {
    const dir = tempDir();
    const app = fixedApp(dir);
    // Default: twelve months after today.
    const created = await app.call('app.createAssembly', { name: 'Klimaatraad', path: join(dir, 'a.assembly') });
    expect(created.retentionUntil).toBe('2028-03-01');
    const past = await app.raw('app.createAssembly', { name: 'Past', path: join(dir, 'b.assembly'), retentionUntil: '2027-02-28' });
    expect(past.ok ? null : past.error).toMatchObject({ code: 'VALIDATION', i18nKey: 'closing.errors.inThePast', details: { fields: [{ field: 'retentionUntil', rule: 'atLeast' }] } });
    expect(existsSync(join(dir, 'b.assembly'))).toBe(false);
    const impossible = await app.raw('assembly.setRetention', { retentionUntil: '2027-02-30' });
    expect(impossible.ok ? null : impossible.error).toMatchObject({ code: 'VALIDATION', i18nKey: 'closing.errors.notADate', details: { fields: [{ field: 'retentionUntil', rule: 'notADate' }] } });
    const yesterday = await app.raw('assembly.setRetention', { retentionUntil: '2027-02-28' });
    expect(yesterday.ok ? null : yesterday.error).toMatchObject({ i18nKey: 'closing.errors.inThePast' });
    // Today is allowed; the audit log keeps before and after.
    const set = await app.call('assembly.setRetention', { retentionUntil: '2027-03-01' });
    expect(set.assembly).toMatchObject({ retentionUntil: '2027-03-01', retentionPassed: false });
    const audit = await app.call('audit.list', { entity: 'assembly' });
    expect(audit.find((a) => a.action === 'assembly.setRetention')).toMatchObject({ before: { retentionUntil: '2028-03-01' }, after: { retentionUntil: '2027-03-01' } });
    app.close();

    // The next day (the assembly's clock), the reminder is due.
    const later = fixedApp(dir, '2027-03-02T08:00:00.000Z');
    const reopened = await later.call('app.openAssembly', { path: join(dir, 'a.assembly') });
    expect(reopened).toMatchObject({ retentionUntil: '2027-03-01', retentionPassed: true });
    const suggested = await later.call('assembly.retention', {});
    expect(suggested).toMatchObject({ today: '2027-03-02', suggested: '2028-03-02', lastSessionDate: null });
    later.close();
  }, 120_000);
});
