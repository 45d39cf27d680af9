-- Assembly Desk schema, version 1.
-- Ids are UUIDv7 strings (several laptops will later exchange rows: integers would collide).
-- Rows are soft-deleted (deleted_at) so nothing a person entered is ever lost.
-- Times are ISO-8601 UTC strings; calendar dates YYYY-MM-DD; wall-clock times HH:MM.

-- One row: the assembly this file holds.
CREATE TABLE assembly (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  panel_size  INTEGER NOT NULL CHECK (panel_size > 0),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE sessions (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  -- accent- and case-insensitive form of the name: two live sessions may not share it
  name_key    TEXT NOT NULL,
  date        TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  start_time  TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  end_time    TEXT NOT NULL CHECK (end_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  location    TEXT NOT NULL DEFAULT '',
  kind        TEXT NOT NULL CHECK (kind IN ('plenary', 'online', 'other')),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  CHECK (end_time > start_time)
);
CREATE UNIQUE INDEX sessions_live_name ON sessions(name_key) WHERE deleted_at IS NULL;
CREATE INDEX sessions_date ON sessions(date, start_time);

-- The respondent pool: people who answered the invitation letter.
CREATE TABLE people (
  id            TEXT PRIMARY KEY,
  -- pseudonymous code printed on badges and used in pseudonymised exports
  code          TEXT NOT NULL UNIQUE,
  external_id   TEXT,
  first_name    TEXT NOT NULL DEFAULT '',
  last_name     TEXT NOT NULL DEFAULT '',
  email         TEXT,
  phone         TEXT,
  street        TEXT,
  house_number  TEXT,
  postcode      TEXT,
  city          TEXT,
  birth_year    INTEGER,
  language      TEXT CHECK (language IS NULL OR language IN ('nl', 'fr', 'de', 'en')),
  household_key TEXT,
  status        TEXT NOT NULL DEFAULT 'pool',
  -- NFD, marks stripped, lower-case: SQLite's LIKE only folds ASCII
  search_key    TEXT NOT NULL DEFAULT '',
  notes         TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT
);
CREATE INDEX people_household ON people(household_key);
CREATE INDEX people_status ON people(status);

-- Stratification features (gender, age band, region, ...) and their values.
CREATE TABLE features (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  position   INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);

CREATE TABLE feature_values (
  id         TEXT PRIMARY KEY,
  feature_id TEXT NOT NULL REFERENCES features(id),
  value      TEXT NOT NULL,
  position   INTEGER NOT NULL DEFAULT 0,
  UNIQUE (feature_id, value)
);

CREATE TABLE person_features (
  person_id  TEXT NOT NULL REFERENCES people(id),
  feature_id TEXT NOT NULL REFERENCES features(id),
  value_id   TEXT NOT NULL REFERENCES feature_values(id),
  PRIMARY KEY (person_id, feature_id)
) WITHOUT ROWID;
CREATE INDEX person_features_value ON person_features(value_id);

-- Every mutation: who, when, what, before and after. Never updated, never deleted.
CREATE TABLE audit_log (
  id          TEXT PRIMARY KEY,
  at          TEXT NOT NULL,
  operator    TEXT NOT NULL,
  entity      TEXT NOT NULL,
  entity_id   TEXT,
  action      TEXT NOT NULL,
  before_json TEXT,
  after_json  TEXT
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
