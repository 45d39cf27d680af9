/**
 * The check-in desk through the API, on real SQLite files: a small assembly with twelve
 * confirmed participants, one selected (not confirmed) person and a session.
 */
import { describe, expect, it } from 'vitest';
import type { AttendanceEvent } from '../../main/domain/attendance/types';
import { makeApp } from '../helpers/app';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();
const b64 = (text: string) => Buffer.from(text).toString('base64');
type App = ReturnType<typeof makeApp>;

const NAMES = ['Ayşe Çelik', 'Jan Peeters', 'Łukasz Nuñez', 'Marie Dubois', 'Pieter Claes', 'Fatima El Amrani', 'Sofie Maes', 'Luc Janssens', 'Nadia Benali', 'Tom Wouters', 'Els Jacobs', 'Karim Haddad', 'Anna Smet'];

/** The host's clock in these tests: after the session of 2027-03-06 (times typed for it are in the past). */
const AFTER_THE_WEEKEND = () => new Date('2027-03-10T12:00:00.000Z');

async function assembly(clock: () => Date = AFTER_THE_WEEKEND): Promise<{ app: App; sessionId: string; people: { id: string; code: string; name: string }[]; selected: { id: string; code: string } }> {
  const app = makeApp(tempDir(), 'Test Operator', clock);
  await app.call('app.createAssembly', { name: 'Desk test', panelSize: 12 });
  const rows = ['first name,last name,phone,birth year,gender', ...NAMES.map((n, i) => `${n.split(' ')[0]},${n.split(' ').slice(1).join(' ')},+32 470 00 00 ${String(i).padStart(2, '0')},${1960 + i},${i % 2 ? 'M' : 'F'}`)];
  const staged = await app.call('imports.stage', { fileName: 'pool.csv', contentBase64: b64(rows.join('\n')) });
  await app.call('imports.commit', { uploadId: staged.uploadId, mapping: staged.mapping, mode: 'allOrNothing' });
  const list = await app.call('people.list', { limit: 100 });
  const people: { id: string; code: string; name: string }[] = [];
  let selected: { id: string; code: string } | null = null;
  for (const p of list.rows) {
    await app.call('people.setStatus', { id: p.id, status: 'selected' });
    if (`${p.firstName} ${p.lastName}` === 'Anna Smet') {
      selected = { id: p.id, code: p.code };
      continue;
    }
    await app.call('people.setStatus', { id: p.id, status: 'confirmed' });
    people.push({ id: p.id, code: p.code, name: `${p.firstName} ${p.lastName}` });
  }
  const session = await app.call('sessions.create', { name: 'Weekend 1 — Saturday', date: '2027-03-06', startTime: '09:30', endTime: '17:00', kind: 'plenary' });
  return { app, sessionId: session.id, people, selected: selected! };
}

const errorOf = (r: Awaited<ReturnType<App['raw']>>) => (r.ok ? null : r.error);

describe('check-in desk', () => {
  it('checks people in by code (a scanner) and by id, shows who they are, and refuses a second check-in', async () => {
    const { app, sessionId, people } = await assembly();
    const roster = await app.call('attendance.roster', { sessionId });
    expect(roster).toMatchObject({ expected: 12, present: 0, left: 0, excused: 0 });
    expect(roster.rows.map((r) => r.lastName)[0]).toBe('Benali'); // sorted by last name
    const ayse = people.find((p) => p.name === 'Ayşe Çelik')!;
    expect(roster.rows.find((r) => r.code === ayse.code)!.searchKey).toContain('celik');

    // A scanner types the code (here in lower case with a trailing space) and Enter.
    const first = await app.call('attendance.checkIn', { sessionId, code: ` ${ayse.code.toLowerCase()} ` });
    expect(first.person).toMatchObject({ personId: ayse.id, firstName: 'Ayşe', lastName: 'Çelik', state: 'present' });
    expect(first.person.arrivedAt).toMatch(/^\d\d:\d\d$/);
    expect(first.event).toMatchObject({ kind: 'checkIn', operator: 'Test Operator', source: 'desk' });
    expect(first.event.device.length).toBeGreaterThan(0);
    expect(first.event.id).toMatch(/^[0-9a-f-]{36}$/);

    const again = errorOf(await app.raw('attendance.checkIn', { sessionId, personId: ayse.id }));
    expect(again).toMatchObject({ code: 'CONFLICT', i18nKey: 'attendance.alreadyCheckedIn' });
    expect(again!.details).toMatchObject({ person: { firstName: 'Ayşe' }, arrivedAt: first.person.arrivedAt });

    // Someone else (the list is in the collation now: Çelik sorts among the C's, so not people[1]).
    await app.call('attendance.checkIn', { sessionId, personId: people.find((p) => p.id !== ayse.id)!.id });
    expect(await app.call('attendance.roster', { sessionId })).toMatchObject({ expected: 12, present: 2 });
    // Exactly two events: the refused one wrote nothing.
    expect(await app.call('attendance.events', { sessionId })).toHaveLength(2);
    app.close();
  });

  it('gives distinct errors for an unknown code, a person who is not confirmed, and bad arguments', async () => {
    const { app, sessionId, selected } = await assembly();
    expect(errorOf(await app.raw('attendance.checkIn', { sessionId, code: 'NOPE42' }))).toMatchObject({ code: 'NOT_FOUND', i18nKey: 'attendance.unknownCode' });
    const notConfirmed = errorOf(await app.raw('attendance.checkIn', { sessionId, code: selected.code }));
    expect(notConfirmed).toMatchObject({ code: 'CONFLICT', i18nKey: 'attendance.notConfirmed' });
    expect(notConfirmed!.details).toMatchObject({ person: { status: 'selected' } });
    expect(errorOf(await app.raw('attendance.checkIn', { sessionId: 'no-such-session', code: selected.code }))).toMatchObject({ i18nKey: 'attendance.sessionNotFound' });
    expect(errorOf(await app.raw('attendance.checkIn', { sessionId }))?.code).toBe('VALIDATION');
    expect(errorOf(await app.raw('attendance.checkIn', { sessionId, code: 'A', personId: 'B' }))?.code).toBe('VALIDATION');
    expect(errorOf(await app.raw('attendance.checkIn', { sessionId, code: 'A', at: '25:00' }))?.details).toMatchObject({ fields: [expect.objectContaining({ field: 'at' })] });
    expect(await app.call('attendance.events', {})).toEqual([]);
    app.close();
  });

  it('undoes a check-in, records check-out, late arrival and early departure with times, and refuses a check-out before a check-in', async () => {
    const { app, sessionId, people } = await assembly();
    const [a, b] = people;
    const out = errorOf(await app.raw('attendance.checkOut', { sessionId, personId: a!.id }));
    expect(out).toMatchObject({ code: 'CONFLICT', i18nKey: 'attendance.notCheckedIn' });

    const late = await app.call('attendance.checkIn', { sessionId, personId: a!.id, at: '10:05' });
    expect(late.person).toMatchObject({ arrivedAt: '10:05', lateMinutes: 35 });
    const before = errorOf(await app.raw('attendance.checkOut', { sessionId, personId: a!.id, at: '09:00' }));
    expect(before).toMatchObject({ code: 'VALIDATION', i18nKey: 'attendance.departureBeforeArrival' });
    const early = await app.call('attendance.checkOut', { sessionId, personId: a!.id, at: '15:30' });
    expect(early.person).toMatchObject({ state: 'left', departedAt: '15:30', earlyMinutes: 90 });

    // Undo the check-out, then the check-in: back to expected.
    const undoIn = errorOf(await app.raw('attendance.undo', { eventId: late.event.id }));
    expect(undoIn).toMatchObject({ i18nKey: 'attendance.undoCheckOutFirst' });
    expect((await app.call('attendance.undo', { eventId: early.event.id })).person.state).toBe('present');
    const undone = await app.call('attendance.undo', { eventId: late.event.id });
    expect(undone.person).toMatchObject({ state: 'expected', arrivedAt: null });
    expect(errorOf(await app.raw('attendance.undo', { eventId: late.event.id }))).toMatchObject({ i18nKey: 'attendance.alreadyUndone' });
    expect(errorOf(await app.raw('attendance.undo', { eventId: undone.event.id }))).toMatchObject({ i18nKey: 'attendance.cannotUndoUndo' });
    expect(errorOf(await app.raw('attendance.undo', { eventId: 'missing' }))).toMatchObject({ code: 'NOT_FOUND' });

    // Excused absence with a reason; the no-show list is the rest, with phone numbers.
    const excused = await app.call('attendance.excuse', { sessionId, personId: b!.id, reason: 'ill' });
    expect(excused.person).toMatchObject({ state: 'excused', excuseReason: 'ill' });
    expect(errorOf(await app.raw('attendance.excuse', { sessionId, personId: b!.id, reason: 'ill' }))).toMatchObject({ i18nKey: 'attendance.alreadyExcused' });
    expect(errorOf(await app.raw('attendance.excuse', { sessionId, personId: b!.id, reason: '  ' }))?.code).toBe('VALIDATION');
    const roster = await app.call('attendance.roster', { sessionId });
    expect(roster).toMatchObject({ expected: 11, present: 0, excused: 1 });
    const noShows = roster.rows.filter((r) => r.state === 'expected');
    expect(noShows).toHaveLength(11);
    expect(noShows.every((r) => r.phone?.startsWith('+32'))).toBe(true);

    // Events are never changed or deleted, even with SQL.
    const db = app.ctx.open!.db;
    expect(() => db.prepare("UPDATE attendance_events SET at = '2000-01-01T00:00:00.000Z'").run()).toThrow(/never changed/);
    expect(() => db.prepare('DELETE FROM attendance_events').run()).toThrow(/never deleted/);
    app.close();
  });

  it('merges events from another laptop idempotently: the same person checked in on two laptops is one attendance', async () => {
    const { app, sessionId, people } = await assembly();
    const mine = await app.call('attendance.checkIn', { sessionId, personId: people[0]!.id, at: '09:20' });
    // The other laptop checked in the same person a minute earlier, and someone else.
    const theirs: AttendanceEvent[] = [
      { ...mine.event, id: '01900000-0000-7000-8000-000000000001', at: '2027-03-06T08:19:00.000Z', device: 'laptop-2', operator: 'Other Operator' },
      { ...mine.event, id: '01900000-0000-7000-8000-000000000002', personId: people[1]!.id, at: '2027-03-06T08:25:00.000Z', device: 'laptop-2', operator: 'Other Operator' },
    ];
    expect(await app.call('attendance.merge', { events: theirs })).toEqual({ added: 2, skipped: 0 });
    expect(await app.call('attendance.merge', { events: [...theirs, mine.event] })).toEqual({ added: 0, skipped: 3 });
    const roster = await app.call('attendance.roster', { sessionId });
    expect(roster.present).toBe(2);
    expect(roster.rows.find((r) => r.personId === people[0]!.id)!.arrivedAt).toBe('09:19');

    // A different event under a known id is a conflict; an unknown person is refused; nothing is written.
    const changed = errorOf(await app.raw('attendance.merge', { events: [{ ...theirs[0]!, at: '2027-03-06T08:00:00.000Z' }] }));
    expect(changed).toMatchObject({ code: 'CONFLICT', i18nKey: 'attendance.mergeConflict' });
    const stranger = { ...theirs[0]!, id: '01900000-0000-7000-8000-000000000003', personId: 'nobody' };
    const fresh = { ...theirs[0]!, id: '01900000-0000-7000-8000-000000000004', personId: people[2]!.id };
    expect(errorOf(await app.raw('attendance.merge', { events: [fresh, stranger] }))).toMatchObject({ i18nKey: 'attendance.mergeInvalid' });
    expect(await app.call('attendance.events', { sessionId })).toHaveLength(3);
    app.close();
  });

  it('enters a paper sign-in sheet whole or not at all', async () => {
    const { app, sessionId, people, selected } = await assembly();
    const bad = errorOf(
      await app.raw('attendance.paperEntry', {
        sessionId,
        entries: [
          { personId: people[0]!.id, arrivedAt: '09:25', departedAt: '17:00' },
          { personId: selected.id, arrivedAt: '09:40' },
        ],
      }),
    );
    expect(bad).toMatchObject({ i18nKey: 'attendance.notConfirmed' });
    expect(bad!.message).toMatch(/^Row 2:/);
    expect(bad!.details).toMatchObject({ row: 2 });
    expect(await app.call('attendance.events', { sessionId })).toEqual([]);
    const twice = errorOf(await app.raw('attendance.paperEntry', { sessionId, entries: [{ personId: people[0]!.id, arrivedAt: '09:25' }, { personId: people[0]!.id, arrivedAt: '09:30' }] }));
    expect(twice?.details).toMatchObject({ fields: [expect.objectContaining({ field: 'entries.1.personId', rule: 'duplicate' })] });

    const roster = await app.call('attendance.paperEntry', {
      sessionId,
      entries: [
        { personId: people[0]!.id, arrivedAt: '09:25', departedAt: '17:00' },
        { personId: people[1]!.id, arrivedAt: '09:40' },
      ],
    });
    expect(roster).toMatchObject({ present: 1, left: 1 });
    const events = await app.call('attendance.events', { sessionId });
    expect(events.map((e) => e.source)).toEqual(['paper', 'paper', 'paper']);
    app.close();
  });

  it('shows the dashboard: present over expected, arrivals over time, composition against the quotas', async () => {
    const { app, sessionId, people } = await assembly();
    const overview = await app.call('quotas.overview', {});
    const gender = overview.features.find((f) => f.name === 'gender')!;
    await app.call('quotas.setTargets', { targets: gender.values.map((v) => ({ valueId: v.id, min: 5, max: 7 })) });
    for (const [i, at] of ['09:21', '09:24', '09:26', '09:41'].entries()) await app.call('attendance.checkIn', { sessionId, personId: people[i]!.id, at });
    const dash = await app.call('attendance.dashboard', { sessionId });
    expect(dash).toMatchObject({ expected: 12, present: 4 });
    expect(dash.arrivals).toEqual([
      { time: '09:20', arrived: 2 },
      { time: '09:25', arrived: 3 },
      { time: '09:30', arrived: 3 },
      { time: '09:35', arrived: 3 },
      { time: '09:40', arrived: 4 },
    ]);
    const f = dash.composition.find((c) => c.feature === 'gender' && c.value === 'F')!;
    expect(f).toMatchObject({ min: 5, max: 7, confirmed: 6 });
    expect(dash.composition.reduce((s, c) => s + c.present, 0)).toBe(4);
    app.close();
  });
});

describe('check-in desk, edges', () => {
  it('checks out after the latest arrival of someone who came back, and refuses events for a deleted session', async () => {
    const { app, sessionId, people } = await assembly();
    const id = people[0]!.id;
    await app.call('attendance.checkIn', { sessionId, personId: id, at: '09:00' });
    await app.call('attendance.checkOut', { sessionId, personId: id, at: '12:00' });
    const back = await app.call('attendance.checkIn', { sessionId, personId: id, at: '13:00' });
    expect(back.person.state).toBe('present');
    expect(errorOf(await app.raw('attendance.checkOut', { sessionId, personId: id, at: '12:30' }))).toMatchObject({ i18nKey: 'attendance.departureBeforeArrival' });
    expect((await app.call('attendance.checkOut', { sessionId, personId: id, at: '16:00' })).person).toMatchObject({ state: 'left', departedAt: '16:00' });

    const other = await app.call('sessions.create', { name: 'Cancelled evening', date: '2027-03-10', startTime: '19:00', endTime: '21:00', kind: 'other' });
    await app.call('sessions.delete', { id: other.id });
    const event = { ...back.event, id: '01900000-0000-7000-8000-0000000000aa', sessionId: other.id };
    expect(errorOf(await app.raw('attendance.merge', { events: [event] }))).toMatchObject({ i18nKey: 'attendance.mergeInvalid' });
    app.close();
  });
});

describe('per-diem', () => {
  it('keeps rules in cents, computes payments from attendance, and exports them for the finance team', async () => {
    const { app, sessionId, people } = await assembly();
    // Payments follow what happened: as of a day after the sessions (sessions not started pay nothing).
    Object.assign(app.ctx, { clock: () => new Date('2027-03-10T12:00:00Z') });
    expect(await app.call('perDiem.rules', {})).toEqual({ fullDayCents: 0, halfDayCents: 0, travelCents: 0, childcareCents: 0, thresholdMinutes: 30 });
    expect(errorOf(await app.raw('perDiem.setRules', { fullDayCents: 12.5 }))?.details).toMatchObject({ fields: [expect.objectContaining({ field: 'fullDayCents' })] });
    expect(errorOf(await app.raw('perDiem.setRules', { halfDayCents: -1 }))?.code).toBe('VALIDATION');
    await app.call('perDiem.setRules', { fullDayCents: 5000, halfDayCents: 2500, travelCents: 1250 });

    await app.call('attendance.checkIn', { sessionId, personId: people[0]!.id, at: '09:30' });
    await app.call('attendance.checkIn', { sessionId, personId: people[1]!.id, at: '10:15' }); // 45 min late: half day
    const payments = await app.call('perDiem.payments', {});
    const row = (id: string) => payments.rows.find((r) => r.personId === id)!;
    expect(row(people[0]!.id)).toMatchObject({ fullDays: 1, halfDays: 0, perDiemCents: 5000, travelCents: 1250, totalCents: 6250 });
    expect(row(people[1]!.id)).toMatchObject({ fullDays: 0, halfDays: 1, totalCents: 3750, days: [{ date: '2027-03-06', kind: 'half', reason: 'late' }] });
    expect(row(people[2]!.id).totalCents).toBe(0);
    expect(payments.totalCents).toBe(10000);

    // An online evening is attended from home: no per-diem day, travel or childcare.
    const online = await app.call('sessions.create', { name: 'Online evening', date: '2027-03-09', startTime: '19:00', endTime: '20:30', kind: 'online' });
    await app.call('attendance.checkIn', { sessionId: online.id, personId: people[0]!.id, at: '19:00' });
    expect((await app.call('perDiem.payments', {})).rows.find((r) => r.personId === people[0]!.id)!.totalCents).toBe(6250);

    // A bank account given with consent goes into the payments file, printed in groups of four.
    await app.call('people.update', { id: people[0]!.id, iban: 'be71 0961 2345 6769', ibanConsentDate: '2027-02-01' });
    const csv = await app.call('perDiem.exportCsv', { lang: 'en' });
    expect(csv.content.startsWith('\uFEFF')).toBe(true); // the excel dialect: Excel reads accents right
    const lines = csv.content.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Code;Last name;First name;IBAN;Full days;Half days;Per diem (EUR);Travel (EUR);Childcare (EUR);Total (EUR)');
    // The headers in the language asked for (the report words), the app's language by default.
    const header = async (lang?: 'nl' | 'fr') => (await app.call('perDiem.exportCsv', lang ? { lang } : {})).content.slice(1).split('\r\n')[0];
    expect(await header('nl')).toBe('Code;Achternaam;Voornaam;IBAN;Volle dagen;Halve dagen;Dagvergoeding (EUR);Reiskosten (EUR);Kinderopvang (EUR);Totaal (EUR)');
    expect(await header('fr')).toBe('Code;Nom;Prénom;IBAN;Journées entières;Demi-journées;Indemnité journalière (EUR);Frais de déplacement (EUR);Garde d’enfants (EUR);Total (EUR)');
    expect(await header()).toBe(await header(app.ctx.settings.get().language as 'nl' | 'fr'));
    expect(lines.find((l) => l.startsWith(people[0]!.code))).toMatch(/;BE71 0961 2345 6769;1;0;50,00;12,50;0,00;62,50$/);
    expect(lines.find((l) => l.startsWith(people[1]!.code))).toMatch(/^[^;]+;[^;]+;[^;]+;;0;1;/);
    // The plain dialect, for other programs: commas, decimal points, no byte-order mark.
    const plain = (await app.call('perDiem.exportCsv', { dialect: 'plain' })).content;
    expect((await app.call('perDiem.exportCsv', { dialect: 'plain', lang: 'en' })).content.startsWith('Code,Last name,First name,')).toBe(true);
    expect(plain.split('\r\n').find((l) => l.startsWith(people[0]!.code))).toMatch(/,1,0,50\.00,12\.50,0\.00,62\.50$/);
    expect((await app.raw('perDiem.exportCsv', { dialect: 'excel2' })).ok).toBe(false);
    app.close();
  });

  it('pays no day for a session that has not started yet (a fixed clock on the morning of the session)', async () => {
    const { app, sessionId, people } = await assembly();
    await app.call('perDiem.setRules', { fullDayCents: 5000, halfDayCents: 2500, travelCents: 1250 });
    // Saturday 6 March 2027, Brussels (UTC+1): the session starts at 09:30.
    let now = new Date('2027-03-06T08:10:00Z'); // 09:10 local
    Object.assign(app.ctx, { clock: () => now });
    await app.call('attendance.checkIn', { sessionId, personId: people[0]!.id, at: '09:05' }); // early, as people are
    const before = await app.call('perDiem.payments', {});
    expect(before.rows.find((r) => r.personId === people[0]!.id)).toMatchObject({ fullDays: 0, halfDays: 0, totalCents: 0, days: [] });
    expect(before.totalCents).toBe(0);
    expect((await app.call('perDiem.exportCsv', {})).content).toMatch(new RegExp(`${people[0]!.code};[^\\r]*;0;0;0,00;0,00;0,00;0,00`));
    now = new Date('2027-03-06T08:30:00Z'); // 09:30 local: the session has started
    const started = await app.call('perDiem.payments', {});
    expect(started.rows.find((r) => r.personId === people[0]!.id)).toMatchObject({ fullDays: 1, totalCents: 6250, days: [{ date: '2027-03-06', kind: 'full', reason: null }] });
    app.close();
  });
});

describe('check-in desk, times and undo (issue 16)', () => {
  /** A clock the test moves: 09:58 in Brussels on the session's day, to begin with. */
  function movableClock(iso = '2027-03-06T08:58:00.000Z') {
    let now = new Date(iso);
    return { clock: () => now, set: (next: string) => (now = new Date(next)) };
  }

  it('refuses times in the future with a sentence, at the desk and on a paper sheet, and writes nothing', async () => {
    const time = movableClock();
    const { app, sessionId, people } = await assembly(time.clock);
    const [a, b] = people;
    const arrivedNow = await app.call('attendance.checkIn', { sessionId, personId: a!.id });
    expect(arrivedNow.person.arrivedAt).toBe('09:58');
    const future = errorOf(await app.raw('attendance.checkOut', { sessionId, personId: a!.id, at: '15:30' }));
    expect(future).toMatchObject({ code: 'VALIDATION', i18nKey: 'attendance.timeInFuture', details: { params: { time: '15:30', now: '09:58' } } });
    expect(future!.message).toBe('15:30 is in the future (it is now 09:58): record an arrival or a departure once it has happened.');
    expect(future!.details).toMatchObject({ fields: [{ field: 'at', rule: 'notFuture' }] });
    expect(errorOf(await app.raw('attendance.checkIn', { sessionId, personId: b!.id, at: '10:30' }))).toMatchObject({ i18nKey: 'attendance.timeInFuture' });
    // A minute ahead is a clock running a little fast, not the future.
    expect((await app.call('attendance.checkIn', { sessionId, personId: b!.id, at: '09:59' })).person.arrivedAt).toBe('09:59');
    const sheet = errorOf(await app.raw('attendance.paperEntry', { sessionId, entries: [{ personId: people[2]!.id, arrivedAt: '09:30', departedAt: '12:00' }] }));
    expect(sheet).toMatchObject({ i18nKey: 'attendance.timeInFuture', details: { row: 1 } });
    expect(sheet!.message).toMatch(/^Row 1: 12:00 is in the future .* Nothing was entered\.$/);
    expect(await app.call('attendance.events', { sessionId })).toHaveLength(2);
    // A session of another day, still to come: any time typed for it is in the future.
    const sunday = await app.call('sessions.create', { name: 'Sunday', date: '2027-03-07', startTime: '09:30', endTime: '17:00', kind: 'plenary' });
    const tomorrow = errorOf(await app.raw('attendance.checkIn', { sessionId: sunday.id, personId: a!.id, at: '09:30' }));
    expect(tomorrow).toMatchObject({ i18nKey: 'attendance.dateInFuture', details: { params: { date: '2027-03-07', time: '09:30', today: '2027-03-06' } } });
    app.close();
  });

  it('refuses a check-out before the check-in or on another day, and returns the session totals with every event', async () => {
    const time = movableClock('2027-03-06T16:30:00.000Z');
    const { app, sessionId, people } = await assembly(time.clock);
    const [a, b] = people;
    const arrived = await app.call('attendance.checkIn', { sessionId, personId: a!.id, at: '09:30' });
    expect(arrived.totals).toEqual({ expected: 12, present: 1, left: 0, excused: 0 });
    expect(errorOf(await app.raw('attendance.checkOut', { sessionId, personId: a!.id, at: '09:00' }))).toMatchObject({ i18nKey: 'attendance.departureBeforeArrival' });
    // The next morning, someone checks them out "now": that is not the day of the session.
    time.set('2027-03-07T08:15:00.000Z');
    const otherDay = errorOf(await app.raw('attendance.checkOut', { sessionId, personId: a!.id }));
    expect(otherDay).toMatchObject({ code: 'VALIDATION', i18nKey: 'attendance.checkOutOtherDay', details: { params: { date: '2027-03-07', time: '09:15', sessionDate: '2027-03-06' } } });
    expect(otherDay!.message).toBe("A departure on 2027-03-07 (09:15) is not on the day of the session (2027-03-06): give the time the person left on that day.");
    // With the time they left on the day, it goes in.
    const left = await app.call('attendance.checkOut', { sessionId, personId: a!.id, at: '16:45' });
    expect(left.person).toMatchObject({ state: 'left', departedAt: '16:45' });
    expect(left.totals).toEqual({ expected: 12, present: 0, left: 1, excused: 0 });
    // A check-in "now" for a session of another day is the desk's call (it shows a banner): admitted, and so is its check-out "now".
    const live = await app.call('attendance.checkIn', { sessionId, personId: b!.id });
    expect(live.totals).toMatchObject({ present: 1, left: 1 });
    time.set('2027-03-07T09:15:00.000Z');
    expect((await app.call('attendance.checkOut', { sessionId, personId: b!.id })).person.state).toBe('left');
    const excused = await app.call('attendance.excuse', { sessionId, personId: people[2]!.id, reason: 'ill' });
    expect(excused.totals).toEqual({ expected: 11, present: 0, left: 2, excused: 1 });
    app.close();
  });

  it('after an undone check-in, offers its time again, and checking in at that time keeps the original arrival', async () => {
    const { app, sessionId, people } = await assembly();
    const a = people[0]!;
    const first = await app.call('attendance.checkIn', { sessionId, personId: a.id, at: '09:12' });
    expect(first.person.undoneArrivedAt).toBeNull();
    const undone = await app.call('attendance.undo', { eventId: first.event.id });
    expect(undone.person).toMatchObject({ state: 'expected', undoneArrivedAt: '09:12' });
    expect(undone.totals.present).toBe(0);
    const roster = await app.call('attendance.roster', { sessionId });
    expect(roster.rows.find((r) => r.personId === a.id)!.undoneArrivedAt).toBe('09:12');
    const again = await app.call('attendance.checkIn', { sessionId, personId: a.id, at: undone.person.undoneArrivedAt! });
    expect(again.person).toMatchObject({ state: 'present', arrivedAt: '09:12', undoneArrivedAt: null });
    app.close();
  });
});

describe('attendance.merge validates like the desk (issue 16)', () => {
  const base = { operator: 'Other Operator', device: 'laptop-2', source: 'desk' as const, reason: null, undoes: null };
  let n = 0;
  const newId = () => `01900000-0000-7000-8000-${String(++n).padStart(12, '0')}`;

  it('refuses a pool member, impossible dates, another day, an undo of nothing and a departure without arrival, listing each with its reason; nothing is written', async () => {
    const { app, sessionId, people, selected } = await assembly();
    const event = (e: Partial<AttendanceEvent>): AttendanceEvent => ({
      ...base,
      id: newId(),
      sessionId,
      personId: people[0]!.id,
      kind: 'checkIn',
      at: '2027-03-06T08:20:00.000Z',
      recordedAt: '2027-03-06T08:20:30.000Z',
      ...e,
    });
    const good = event({});
    const goodOut = event({ kind: 'checkOut', at: '2027-03-06T15:00:00.000Z', recordedAt: '2027-03-06T15:00:10.000Z' });
    const bad: [AttendanceEvent, string][] = [
      [event({ personId: selected.id }), 'attendance.notConfirmed'],
      [event({ personId: people[1]!.id, at: '1970-01-01T00:00:00.000Z', recordedAt: '1970-01-01T00:00:05.000Z' }), 'attendance.timeImplausible'],
      [event({ personId: people[2]!.id, at: '2099-03-06T08:20:00.000Z', recordedAt: '2099-03-06T08:20:00.000Z' }), 'attendance.dateInFuture'],
      [event({ personId: people[3]!.id, at: '2027-03-08T09:00:00.000Z', recordedAt: '2027-03-09T10:00:00.000Z' }), 'attendance.checkInOtherDay'],
      [event({ personId: people[4]!.id, kind: 'undo', undoes: '01900000-0000-7000-8000-ffffffffffff' }), 'attendance.mergeUndoUnknown'],
      [event({ personId: people[5]!.id, kind: 'checkOut' }), 'attendance.mergeCheckOutWithoutArrival'],
      [event({ personId: people[6]!.id, kind: 'excused', reason: 'ill', at: '1969-12-31T23:00:00.000Z' }), 'attendance.timeImplausible'],
    ];
    const batch = [good, ...bad.map(([e]) => e), goodOut];
    const refused = errorOf(await app.raw('attendance.merge', { events: batch }));
    expect(refused).toMatchObject({ code: 'VALIDATION', i18nKey: 'attendance.mergeInvalid', details: { params: { count: bad.length } } });
    const listed = refused!.details!.refused as { index: number; eventId: string; key: string; reason: string }[];
    expect(listed.map((r) => [r.eventId, r.key])).toEqual(bad.map(([e, key]) => [e.id, key]));
    expect(listed.map((r) => r.index)).toEqual(bad.map((_, i) => i + 2));
    expect(listed.every((r) => r.reason.length > 10)).toBe(true);
    expect(refused!.message).toMatch(/^These events cannot be merged \(nothing was\): event 2 \(.*\): .*not a confirmed participant/);
    expect(await app.call('attendance.events', { sessionId })).toEqual([]);

    // The admissible ones, alone, go in; a check-in recorded live on another day is admitted, as at the desk.
    const liveElsewhere = event({ personId: people[7]!.id, at: '2027-03-01T10:00:00.000Z', recordedAt: '2027-03-01T10:00:20.000Z' });
    expect(await app.call('attendance.merge', { events: [goodOut, good, liveElsewhere] })).toEqual({ added: 3, skipped: 0 });
    const roster = await app.call('attendance.roster', { sessionId });
    expect(roster).toMatchObject({ present: 1, left: 1 });
    // An undo of an event that exists, from the file or the same batch, is admitted; of someone else's, refused.
    const undo = event({ kind: 'undo', undoes: goodOut.id, at: '2027-03-06T15:05:00.000Z', recordedAt: '2027-03-06T15:05:00.000Z' });
    const crossed = event({ personId: people[8]!.id, kind: 'undo', undoes: good.id });
    expect(errorOf(await app.raw('attendance.merge', { events: [undo, crossed] }))).toMatchObject({ details: { refused: [{ eventId: crossed.id, key: 'attendance.mergeUndoUnknown' }] } });
    expect(await app.call('attendance.merge', { events: [undo] })).toEqual({ added: 1, skipped: 0 });
    expect((await app.call('attendance.roster', { sessionId })).present).toBe(2);
    app.close();
  });

  it('keeps the dashboard right: a pool member merged in never counts as present', async () => {
    const { app, sessionId, selected } = await assembly();
    const e: AttendanceEvent = { ...base, id: newId(), sessionId, personId: selected.id, kind: 'checkIn', at: '2027-03-06T08:20:00.000Z', recordedAt: '2027-03-06T08:21:00.000Z' };
    expect(errorOf(await app.raw('attendance.merge', { events: [e] }))).toMatchObject({ i18nKey: 'attendance.mergeInvalid' });
    expect(await app.call('attendance.dashboard', { sessionId })).toMatchObject({ expected: 12, present: 0 });
    app.close();
  });
});
