/** Queries of contributors, perspectives, rooms and agenda slots (lists stored as JSON arrays). */
import type { AgendaSlot, Contributor, Perspective, Room } from '../main/domain/agenda/types';
import type { Db } from './connection';

interface ContributorRow {
  id: string;
  name: string;
  role: Contributor['role'];
  organisation: string;
  topics_json: string;
  perspective_id: string | null;
  languages_json: string;
  email: string | null;
  phone: string | null;
  availability_json: string;
  fee_cents: number;
  travel_cents: number;
  consent_publish: number;
  status: Contributor['status'];
  notes: string;
  created_at: string;
  updated_at: string;
}

const toContributor = (r: ContributorRow): Contributor => ({
  id: r.id,
  name: r.name,
  role: r.role,
  organisation: r.organisation,
  topics: JSON.parse(r.topics_json) as string[],
  perspectiveId: r.perspective_id,
  languages: JSON.parse(r.languages_json) as Contributor['languages'],
  email: r.email,
  phone: r.phone,
  availability: JSON.parse(r.availability_json) as Contributor['availability'],
  feeCents: r.fee_cents,
  travelCents: r.travel_cents,
  consentPublish: r.consent_publish === 1,
  status: r.status,
  notes: r.notes,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function listContributors(db: Db): Contributor[] {
  return (db.prepare('SELECT * FROM contributors WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id').all() as ContributorRow[]).map(toContributor);
}

export function findContributor(db: Db, id: string): Contributor | null {
  const row = db.prepare('SELECT * FROM contributors WHERE id = ? AND deleted_at IS NULL').get(id) as ContributorRow | undefined;
  return row ? toContributor(row) : null;
}

export function writeContributor(db: Db, c: Contributor): void {
  db.prepare(
    `INSERT INTO contributors (id, name, role, organisation, topics_json, perspective_id, languages_json, email, phone,
       availability_json, fee_cents, travel_cents, consent_publish, status, notes, created_at, updated_at)
     VALUES (@id, @name, @role, @organisation, @topics, @perspectiveId, @languages, @email, @phone, @availability, @feeCents,
       @travelCents, @consentPublish, @status, @notes, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role, organisation = excluded.organisation,
       topics_json = excluded.topics_json, perspective_id = excluded.perspective_id, languages_json = excluded.languages_json,
       email = excluded.email, phone = excluded.phone, availability_json = excluded.availability_json,
       fee_cents = excluded.fee_cents, travel_cents = excluded.travel_cents, consent_publish = excluded.consent_publish,
       status = excluded.status, notes = excluded.notes, updated_at = excluded.updated_at`,
  ).run({
    ...c,
    topics: JSON.stringify(c.topics),
    languages: JSON.stringify(c.languages),
    availability: JSON.stringify(c.availability),
    consentPublish: c.consentPublish ? 1 : 0,
  });
}

export function deleteContributor(db: Db, id: string, at: string): void {
  db.prepare('UPDATE contributors SET deleted_at = ?, updated_at = ? WHERE id = ?').run(at, at, id);
  db.prepare('DELETE FROM slot_people WHERE contributor_id = ?').run(id);
}

export function listPerspectives(db: Db): Perspective[] {
  return db.prepare('SELECT id, name, position FROM perspectives ORDER BY position, id').all() as Perspective[];
}

export function replacePerspectives(db: Db, perspectives: Perspective[]): void {
  const keep = new Set(perspectives.map((p) => p.id));
  for (const old of listPerspectives(db)) {
    if (keep.has(old.id)) continue;
    db.prepare('UPDATE contributors SET perspective_id = NULL WHERE perspective_id = ?').run(old.id);
    db.prepare('DELETE FROM perspectives WHERE id = ?').run(old.id);
  }
  const upsert = db.prepare(
    'INSERT INTO perspectives (id, name, position) VALUES (@id, @name, @position) ON CONFLICT (id) DO UPDATE SET name = excluded.name, position = excluded.position',
  );
  for (const p of perspectives) upsert.run(p);
}

export function listRooms(db: Db): Room[] {
  return db.prepare('SELECT id, name, capacity FROM rooms WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id').all() as Room[];
}

export function replaceRooms(db: Db, rooms: Room[], at: string): void {
  const keep = new Set(rooms.map((r) => r.id));
  for (const old of listRooms(db)) {
    if (keep.has(old.id)) continue;
    db.prepare('UPDATE rooms SET deleted_at = ? WHERE id = ?').run(at, old.id);
    db.prepare('UPDATE agenda_slots SET room_id = NULL WHERE room_id = ?').run(old.id);
  }
  const upsert = db.prepare(
    'INSERT INTO rooms (id, name, capacity) VALUES (@id, @name, @capacity) ON CONFLICT (id) DO UPDATE SET name = excluded.name, capacity = excluded.capacity',
  );
  for (const r of rooms) upsert.run(r);
}

interface SlotRow {
  id: string;
  session_id: string;
  start_time: string;
  end_time: string;
  kind: AgendaSlot['kind'];
  title: string;
  topic: string;
  room_id: string | null;
  languages_json: string;
  interpretation_json: string;
  notes: string;
  created_at: string;
  updated_at: string;
}

export function listSlots(db: Db): AgendaSlot[] {
  const rows = db
    .prepare(
      `SELECT a.* FROM agenda_slots a JOIN sessions s ON s.id = a.session_id
       WHERE a.deleted_at IS NULL AND s.deleted_at IS NULL ORDER BY s.date, a.start_time, a.end_time, a.id`,
    )
    .all() as SlotRow[];
  const people = db.prepare('SELECT slot_id AS slotId, contributor_id AS contributorId, role FROM slot_people ORDER BY position').all() as {
    slotId: string;
    contributorId: string;
    role: 'speaker' | 'facilitator';
  }[];
  const bySlot = new Map<string, { speakers: string[]; facilitators: string[] }>();
  for (const p of people) {
    const entry = bySlot.get(p.slotId) ?? { speakers: [], facilitators: [] };
    (p.role === 'speaker' ? entry.speakers : entry.facilitators).push(p.contributorId);
    bySlot.set(p.slotId, entry);
  }
  return rows.map((r) => ({
    id: r.id,
    sessionId: r.session_id,
    startTime: r.start_time,
    endTime: r.end_time,
    kind: r.kind,
    title: r.title,
    topic: r.topic,
    roomId: r.room_id,
    speakerIds: bySlot.get(r.id)?.speakers ?? [],
    facilitatorIds: bySlot.get(r.id)?.facilitators ?? [],
    languages: JSON.parse(r.languages_json) as AgendaSlot['languages'],
    interpretation: JSON.parse(r.interpretation_json) as AgendaSlot['interpretation'],
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export function findSlot(db: Db, id: string): AgendaSlot | null {
  return listSlots(db).find((s) => s.id === id) ?? null;
}

export function writeSlot(db: Db, s: AgendaSlot): void {
  db.prepare(
    `INSERT INTO agenda_slots (id, session_id, start_time, end_time, kind, title, topic, room_id, languages_json, interpretation_json, notes, created_at, updated_at)
     VALUES (@id, @sessionId, @startTime, @endTime, @kind, @title, @topic, @roomId, @languages, @interpretation, @notes, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET session_id = excluded.session_id, start_time = excluded.start_time, end_time = excluded.end_time,
       kind = excluded.kind, title = excluded.title, topic = excluded.topic, room_id = excluded.room_id,
       languages_json = excluded.languages_json, interpretation_json = excluded.interpretation_json, notes = excluded.notes,
       updated_at = excluded.updated_at`,
  ).run({
    id: s.id,
    sessionId: s.sessionId,
    startTime: s.startTime,
    endTime: s.endTime,
    kind: s.kind,
    title: s.title,
    topic: s.topic,
    roomId: s.roomId,
    languages: JSON.stringify(s.languages),
    interpretation: JSON.stringify(s.interpretation),
    notes: s.notes,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  });
  db.prepare('DELETE FROM slot_people WHERE slot_id = ?').run(s.id);
  const insert = db.prepare('INSERT INTO slot_people (slot_id, contributor_id, role, position) VALUES (?, ?, ?, ?)');
  s.speakerIds.forEach((c, i) => insert.run(s.id, c, 'speaker', i));
  s.facilitatorIds.forEach((c, i) => insert.run(s.id, c, 'facilitator', i));
}

export function deleteSlot(db: Db, id: string, at: string): void {
  db.prepare('UPDATE agenda_slots SET deleted_at = ?, updated_at = ? WHERE id = ?').run(at, at, id);
}
