/** The agenda through the API on real SQLite files: contributors, rooms, slots, warnings, balance. */
import { describe, expect, it } from 'vitest';
import type { ContributorInput } from '../../main/domain/agenda/types';
import { makeApp } from '../helpers/app';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();
type App = ReturnType<typeof makeApp>;
const errorOf = (r: Awaited<ReturnType<App['raw']>>) => (r.ok ? null : r.error);

const person = (over: Partial<ContributorInput>): ContributorInput => ({
  name: 'Someone',
  role: 'expert',
  organisation: '',
  topics: [],
  perspectiveId: null,
  languages: ['nl', 'fr'],
  email: null,
  phone: null,
  availability: [],
  feeCents: 0,
  travelCents: 0,
  consentPublish: true,
  status: 'confirmed',
  notes: '',
  ...over,
});

async function agenda() {
  const app = makeApp(tempDir());
  await app.call('app.createAssembly', { name: 'Agenda test' });
  const session = await app.call('sessions.create', { name: 'Weekend 1 — Saturday', date: '2027-03-27', startTime: '09:30', endTime: '17:00', kind: 'plenary' });
  const [pro, con] = await app.call('perspectives.set', { perspectives: [{ name: 'In favour of public funding' }, { name: 'Critical' }] });
  const [hall] = await app.call('rooms.set', { rooms: [{ name: 'Great hall', capacity: 120 }] });
  const a = await app.call('contributors.create', person({ name: 'Prof. Ayşe Çelik', organisation: 'KU Leuven', perspectiveId: pro!.id, email: 'ayse@example.org', topics: ['Party funding'] }));
  const b = await app.call('contributors.create', person({ name: 'Dr. Jean Dubois', organisation: 'ULB', perspectiveId: con!.id }));
  return { app, session, pro: pro!, con: con!, hall: hall!, a, b };
}

const slotInput = (sessionId: string, over: Record<string, unknown> = {}) => ({
  sessionId,
  startTime: '10:00',
  endTime: '11:00',
  kind: 'talk' as const,
  title: 'How parties are funded',
  topic: 'Party funding',
  roomId: null,
  speakerIds: [] as string[],
  facilitatorIds: [] as string[],
  languages: ['nl' as const],
  interpretation: ['fr' as const],
  notes: '',
  ...over,
});

describe('agenda', () => {
  it('warns when two slots of one speaker clash, and the warning goes when the slot moves', async () => {
    const { app, session, a, hall } = await agenda();
    const first = await app.call('agenda.createSlot', slotInput(session.id, { speakerIds: [a.id], roomId: hall.id }));
    const second = await app.call('agenda.createSlot', slotInput(session.id, { title: 'Questions', kind: 'qa', startTime: '10:30', endTime: '11:15', speakerIds: [a.id] }));
    let overview = await app.call('agenda.overview', {});
    const clash = overview.warnings.find((w) => w.kind === 'speakerDoubleBooked')!;
    expect(clash).toMatchObject({ slotIds: [first.id, second.id], contributorIds: [a.id] });
    expect(clash.message).toContain('Prof. Ayşe Çelik is in two places at once');

    const moved = await app.call('agenda.moveSlot', { id: second.id, startTime: '11:00' });
    expect(moved).toMatchObject({ startTime: '11:00', endTime: '11:45' });
    overview = await app.call('agenda.overview', {});
    expect(overview.warnings.map((w) => w.kind)).not.toContain('speakerDoubleBooked');

    // Duplicate lands right after the original; delete removes it.
    const copy = await app.call('agenda.duplicateSlot', { id: moved.id });
    expect(copy).toMatchObject({ startTime: '11:45', endTime: '12:30', title: 'Questions', speakerIds: [a.id] });
    expect(await app.call('agenda.deleteSlot', { id: copy.id })).toEqual({ deleted: true });
    expect((await app.call('agenda.overview', {})).slots.map((s) => s.id)).toEqual([first.id, moved.id]);
    app.close();
  });

  it('shows the balance per topic and warns when a topic hears one side only', async () => {
    const { app, session, a, b, pro, con } = await agenda();
    await app.call('agenda.createSlot', slotInput(session.id, { speakerIds: [a.id] }));
    let overview = await app.call('agenda.overview', {});
    expect(overview.balance).toEqual([
      { topic: 'Party funding', perspectives: [{ perspectiveId: pro.id, name: 'In favour of public funding', minutes: 60 }], totalMinutes: 60, oneSided: true },
    ]);
    expect(overview.warnings.find((w) => w.kind === 'oneSidedTopic')?.message).toContain('Party funding');
    // b is confirmed but has no slot yet.
    expect(overview.warnings.find((w) => w.kind === 'speakerWithoutSlot')?.contributorIds).toEqual([b.id]);

    await app.call('agenda.createSlot', slotInput(session.id, { startTime: '11:00', endTime: '11:45', speakerIds: [b.id] }));
    overview = await app.call('agenda.overview', {});
    expect(overview.balance[0]!.perspectives.map((p) => [p.perspectiveId, p.minutes])).toEqual([
      [pro.id, 60],
      [con.id, 45],
    ]);
    expect(overview.warnings.map((w) => w.kind)).toEqual([]);
    app.close();
  });

  it('tracks the party leaders: which stage they join and whether they confirmed', async () => {
    const { app, session } = await agenda();
    const leader = await app.call('contributors.create', person({ name: 'Party leader X', role: 'partyLeader', organisation: 'Party X', status: 'invited' }));
    const slot = await app.call('agenda.createSlot', slotInput(session.id, { kind: 'hearing', title: "Party leaders' hearing", speakerIds: [leader.id] }));
    const overview = await app.call('agenda.overview', {});
    expect(overview.leaders).toEqual([
      { contributorId: leader.id, name: 'Party leader X', organisation: 'Party X', status: 'invited', sessions: [{ sessionId: session.id, sessionName: session.name, date: '2027-03-27', slotIds: [slot.id] }] },
    ]);
    app.close();
  });

  it('refuses bad slots and contributors with the field named, and writes nothing', async () => {
    const { app, session, a } = await agenda();
    const overview0 = await app.call('agenda.overview', {});
    const fieldsOf = async (method: 'agenda.createSlot' | 'contributors.create', args: unknown) =>
      ((errorOf(await app.raw(method, args))?.details as { fields?: { field: string }[] })?.fields ?? []).map((f) => f.field);
    expect(await fieldsOf('agenda.createSlot', slotInput(session.id, { endTime: '09:00' }))).toEqual(['endTime']);
    expect(await fieldsOf('agenda.createSlot', slotInput(session.id, { speakerIds: ['nobody'] }))).toEqual(['speakerIds']);
    expect(await fieldsOf('agenda.createSlot', slotInput(session.id, { roomId: 'nowhere' }))).toEqual(['roomId']);
    expect(await fieldsOf('agenda.createSlot', slotInput('no-session'))).toEqual(['sessionId']);
    expect(await fieldsOf('agenda.createSlot', slotInput(session.id, { startTime: '9:00' }))).toEqual(['startTime']);
    expect(await fieldsOf('agenda.createSlot', slotInput(session.id, { languages: ['xx'] }))).toEqual(['languages.0']);
    expect(await fieldsOf('agenda.createSlot', slotInput(session.id, { speakerIds: [a.id, a.id] }))).toEqual(['speakerIds']);
    expect(await fieldsOf('contributors.create', person({ email: 'not-an-email' }))).toEqual(['email']);
    expect(await fieldsOf('contributors.create', person({ name: ' ' }))).toEqual(['name']);
    expect(await fieldsOf('contributors.create', person({ feeCents: 10.5 }))).toEqual(['feeCents']);
    expect(await fieldsOf('contributors.create', person({ availability: [{ date: '2027-03-27', startTime: '12:00', endTime: '10:00' }] }))).toEqual(['availability.0.endTime']);
    expect(await fieldsOf('contributors.create', person({ perspectiveId: 'unknown' }))).toEqual(['perspectiveId']);
    const moved = errorOf(await app.raw('agenda.moveSlot', { id: 'missing', startTime: '10:00' }));
    expect(moved).toMatchObject({ code: 'NOT_FOUND', i18nKey: 'agenda.slotNotFound' });
    const twice = errorOf(await app.raw('rooms.set', { rooms: [{ name: 'Hall' }, { name: 'hall', capacity: 3 }] }));
    expect(twice?.code).toBe('VALIDATION');
    const sameId = errorOf(await app.raw('perspectives.set', { perspectives: [{ id: overview0.perspectives[0]!.id, name: 'Employers' }, { id: overview0.perspectives[0]!.id, name: 'Farmers' }] }));
    expect((sameId?.details as { fields: { field: string }[] }).fields[0]!.field).toBe('perspectives.1.id');
    const dup = errorOf(await app.raw('perspectives.set', { perspectives: [{ name: 'Critical' }, { name: 'critical ' }] }));
    expect((dup?.details as { fields: { field: string }[] }).fields[0]!.field).toBe('perspectives.1.name');
    const overview = await app.call('agenda.overview', {});
    expect(overview.slots).toEqual([]);
    expect(overview.contributors).toHaveLength(2);
    expect(overview.rooms).toHaveLength(1);
    app.close();
  });

  it('moving a slot past midnight is refused; a deleted room leaves its slots without a room', async () => {
    const { app, session, hall } = await agenda();
    const slot = await app.call('agenda.createSlot', slotInput(session.id, { roomId: hall.id, startTime: '10:00', endTime: '12:00' }));
    expect(errorOf(await app.raw('agenda.moveSlot', { id: slot.id, startTime: '23:00' }))?.details).toMatchObject({ fields: [expect.objectContaining({ field: 'startTime' })] });
    await app.call('rooms.set', { rooms: [] });
    expect((await app.call('agenda.overview', {})).slots[0]!.roomId).toBeNull();
    app.close();
  });

  it("exports a speaker's slots as an iCalendar file in UTC across the daylight-saving change", async () => {
    const { app, session, a } = await agenda();
    const sunday = await app.call('sessions.create', { name: 'Weekend 1 — Sunday', date: '2027-03-28', startTime: '09:30', endTime: '17:00', kind: 'plenary', location: 'Brussels' });
    await app.call('agenda.createSlot', slotInput(session.id, { speakerIds: [a.id] }));
    await app.call('agenda.createSlot', slotInput(sunday.id, { speakerIds: [a.id], title: 'Sunday talk' }));
    const file = await app.call('agenda.speakerCalendar', { contributorId: a.id });
    expect(file.fileName).toBe('agenda-prof-ayse-celik.ics');
    expect(file.content).toContain('DTSTART:20270327T090000Z');
    expect(file.content).toContain('DTSTART:20270328T080000Z');
    expect(file.content).toContain('LOCATION:Brussels');
    const none = await app.call('contributors.create', person({ name: 'Nobody scheduled', status: 'invited' }));
    expect(errorOf(await app.raw('agenda.speakerCalendar', { contributorId: none.id }))).toMatchObject({ i18nKey: 'agenda.noSlotsForSpeaker' });
    app.close();
  });

  it('exports the day programme and the schedule as PDF and the agenda as a workbook', async () => {
    const { app, session, a } = await agenda();
    await app.call('agenda.createSlot', slotInput(session.id, { speakerIds: [a.id] }));
    const programme = await app.call('agenda.exportPdf', { kind: 'programme', sessionId: session.id, lang: 'fr' });
    expect(programme.mimeType).toBe('application/pdf');
    expect(Buffer.from(programme.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const schedule = await app.call('agenda.exportPdf', { kind: 'schedule' });
    expect(Buffer.from(schedule.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const workbook = await app.call('agenda.exportXlsx', { lang: 'nl' });
    expect(workbook.fileName).toMatch(/\.xlsx$/);
    expect(Buffer.from(workbook.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect(errorOf(await app.raw('agenda.exportPdf', { kind: 'programme', sessionId: 'nope' }))?.code).toBe('VALIDATION');
    app.close();
  });
});
