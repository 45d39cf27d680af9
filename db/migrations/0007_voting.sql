-- Assembly Desk schema, version 7: ballots, the two operators' entries, finalised results and
-- corrections. A finalised ballot stays finalised (trigger); a change to its counts is a
-- correction, kept in ballot_corrections with the reason, before and after (never edited).
CREATE TABLE ballots (
  id                 TEXT PRIMARY KEY,
  session_id         TEXT NOT NULL REFERENCES sessions(id),
  title              TEXT NOT NULL CHECK (length(trim(title)) > 0),
  rule_json          TEXT NOT NULL,
  quorum_numerator   INTEGER NOT NULL CHECK (quorum_numerator >= 0),
  quorum_denominator INTEGER NOT NULL CHECK (quorum_denominator > 0),
  items_json         TEXT NOT NULL,
  -- local HH:MM of the vote: who was in the room then are the eligible voters (null: those present now)
  voted_at           TEXT CHECK (voted_at IS NULL OR voted_at GLOB '[0-2][0-9]:[0-5][0-9]'),
  status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'finalised')),
  final_counts_json  TEXT,
  -- the eligible voters (members checked in) when the result was finalised
  final_present      INTEGER,
  -- the panel size the quorum was measured against
  final_panel_size   INTEGER,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  finalised_at       TEXT,
  finalised_by       TEXT,
  deleted_at         TEXT,
  CHECK (status = 'open' OR (final_counts_json IS NOT NULL AND finalised_at IS NOT NULL AND final_present IS NOT NULL AND final_panel_size IS NOT NULL))
);
CREATE INDEX ballots_session ON ballots(session_id);

CREATE TRIGGER ballots_stay_finalised BEFORE UPDATE OF status ON ballots
WHEN OLD.status = 'finalised' AND NEW.status <> 'finalised'
BEGIN
  SELECT RAISE(ABORT, 'a finalised ballot stays finalised: record a correction instead');
END;

CREATE TABLE tally_entries (
  ballot_id    TEXT NOT NULL REFERENCES ballots(id),
  slot         INTEGER NOT NULL CHECK (slot IN (1, 2)),
  operator     TEXT NOT NULL,
  entered_at   TEXT NOT NULL,
  counts_json  TEXT NOT NULL,
  PRIMARY KEY (ballot_id, slot)
);

CREATE TABLE ballot_corrections (
  id           TEXT PRIMARY KEY,
  ballot_id    TEXT NOT NULL REFERENCES ballots(id),
  at           TEXT NOT NULL,
  operator     TEXT NOT NULL,
  reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  before_json  TEXT NOT NULL,
  after_json   TEXT NOT NULL
);
CREATE TRIGGER ballot_corrections_no_update BEFORE UPDATE ON ballot_corrections
BEGIN
  SELECT RAISE(ABORT, 'corrections are never changed');
END;
CREATE TRIGGER ballot_corrections_no_delete BEFORE DELETE ON ballot_corrections
BEGIN
  SELECT RAISE(ABORT, 'corrections are never deleted');
END;
