-- Assembly Desk schema, version 4: attendance and per-diem.
-- Attendance is a log of events (check-in, check-out, excused absence, undo), never changed or
-- deleted: the state of a person in a session is computed from them
-- (main/domain/attendance/state.ts). Event ids are UUIDv7 made where the event happened, so
-- events merged from another laptop are recognised by id; two laptops checking in the same
-- person give two events but one attendance.

-- The venue's time zone: session dates and HH:MM times are wall-clock times there.
ALTER TABLE assembly ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Europe/Brussels';

CREATE TABLE attendance_events (
  id           TEXT PRIMARY KEY,
  session_id   TEXT NOT NULL REFERENCES sessions(id),
  person_id    TEXT NOT NULL REFERENCES people(id),
  kind         TEXT NOT NULL CHECK (kind IN ('checkIn', 'checkOut', 'excused', 'undo')),
  -- ISO instant (UTC) of the arrival, departure or note
  at           TEXT NOT NULL,
  operator     TEXT NOT NULL,
  device       TEXT NOT NULL,
  source       TEXT NOT NULL CHECK (source IN ('desk', 'paper', 'merge')),
  reason       TEXT,
  undoes       TEXT,
  recorded_at  TEXT NOT NULL,
  CHECK ((kind = 'undo') = (undoes IS NOT NULL)),
  CHECK ((kind = 'excused') = (reason IS NOT NULL AND length(trim(reason)) > 0))
);
CREATE INDEX attendance_events_session_person ON attendance_events(session_id, person_id);
CREATE INDEX attendance_events_person ON attendance_events(person_id);

CREATE TRIGGER attendance_events_no_update BEFORE UPDATE ON attendance_events
BEGIN
  SELECT RAISE(ABORT, 'attendance events are never changed: record an undo instead');
END;

CREATE TRIGGER attendance_events_no_delete BEFORE DELETE ON attendance_events
BEGIN
  SELECT RAISE(ABORT, 'attendance events are never deleted: record an undo instead');
END;

-- One row: the per-diem rules of the assembly, in integer cents.
CREATE TABLE perdiem_rules (
  id                 INTEGER PRIMARY KEY CHECK (id = 1),
  full_day_cents     INTEGER NOT NULL DEFAULT 0 CHECK (full_day_cents >= 0),
  half_day_cents     INTEGER NOT NULL DEFAULT 0 CHECK (half_day_cents >= 0),
  travel_cents       INTEGER NOT NULL DEFAULT 0 CHECK (travel_cents >= 0),
  childcare_cents    INTEGER NOT NULL DEFAULT 0 CHECK (childcare_cents >= 0),
  threshold_minutes  INTEGER NOT NULL DEFAULT 30 CHECK (threshold_minutes >= 0)
);
INSERT INTO perdiem_rules (id) VALUES (1);
