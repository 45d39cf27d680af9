-- Assembly Desk schema, version 5: experts, guests and the agenda.
-- Contributors are the people who are not panel members (experts, facilitators, party leaders,
-- observers, interpreters, staff). Lists (topics, languages, availability) are JSON arrays: they
-- are read and written whole with their contributor or slot, never queried piecemeal.

CREATE TABLE perspectives (
  id        TEXT PRIMARY KEY,
  name      TEXT NOT NULL,
  position  INTEGER NOT NULL
);

CREATE TABLE contributors (
  id                TEXT PRIMARY KEY,
  name              TEXT NOT NULL CHECK (length(trim(name)) > 0),
  role              TEXT NOT NULL CHECK (role IN ('expert', 'facilitator', 'partyLeader', 'politician', 'observer', 'interpreter', 'staff', 'other')),
  organisation      TEXT NOT NULL DEFAULT '',
  topics_json       TEXT NOT NULL DEFAULT '[]',
  perspective_id    TEXT REFERENCES perspectives(id),
  languages_json    TEXT NOT NULL DEFAULT '[]',
  email             TEXT,
  phone             TEXT,
  availability_json TEXT NOT NULL DEFAULT '[]',
  fee_cents         INTEGER NOT NULL DEFAULT 0 CHECK (fee_cents >= 0),
  travel_cents      INTEGER NOT NULL DEFAULT 0 CHECK (travel_cents >= 0),
  consent_publish   INTEGER NOT NULL DEFAULT 0 CHECK (consent_publish IN (0, 1)),
  status            TEXT NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'confirmed', 'declined')),
  notes             TEXT NOT NULL DEFAULT '',
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  deleted_at        TEXT
);

CREATE TABLE rooms (
  id        TEXT PRIMARY KEY,
  name      TEXT NOT NULL CHECK (length(trim(name)) > 0),
  capacity  INTEGER NOT NULL CHECK (capacity >= 0),
  deleted_at TEXT
);

CREATE TABLE agenda_slots (
  id                  TEXT PRIMARY KEY,
  session_id          TEXT NOT NULL REFERENCES sessions(id),
  start_time          TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  end_time            TEXT NOT NULL CHECK (end_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  kind                TEXT NOT NULL CHECK (kind IN ('talk', 'qa', 'panel', 'deliberation', 'break', 'vote', 'hearing')),
  title               TEXT NOT NULL DEFAULT '',
  topic               TEXT NOT NULL DEFAULT '',
  room_id             TEXT REFERENCES rooms(id),
  languages_json      TEXT NOT NULL DEFAULT '[]',
  interpretation_json TEXT NOT NULL DEFAULT '[]',
  notes               TEXT NOT NULL DEFAULT '',
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  deleted_at          TEXT,
  CHECK (end_time > start_time)
);
CREATE INDEX agenda_slots_session ON agenda_slots(session_id);

CREATE TABLE slot_people (
  slot_id         TEXT NOT NULL REFERENCES agenda_slots(id),
  contributor_id  TEXT NOT NULL REFERENCES contributors(id),
  role            TEXT NOT NULL CHECK (role IN ('speaker', 'facilitator')),
  position        INTEGER NOT NULL,
  PRIMARY KEY (slot_id, contributor_id, role)
);
CREATE INDEX slot_people_contributor ON slot_people(contributor_id);
