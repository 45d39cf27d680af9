-- Assembly Desk schema, version 6: small-group table plans.
-- One row per plan. A round of a session has one current plan; a new plan or a re-plan for
-- those present replaces it (status 'replaced'), so earlier plans stay on record. The tables
-- are JSON ([{number, group, facilitatorId, members: [person ids]}]): a plan is read and
-- written whole; swaps by hand rewrite it and are audit-logged.
CREATE TABLE table_plans (
  id             TEXT PRIMARY KEY,
  session_id     TEXT NOT NULL REFERENCES sessions(id),
  round          INTEGER NOT NULL CHECK (round >= 1),
  created_at     TEXT NOT NULL,
  operator       TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('current', 'replaced')),
  settings_json  TEXT NOT NULL,
  seed           INTEGER NOT NULL,
  tables_json    TEXT NOT NULL,
  score_json     TEXT NOT NULL,
  based_on       TEXT REFERENCES table_plans(id),
  moved_json     TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX table_plans_session ON table_plans(session_id, round);
CREATE UNIQUE INDEX table_plans_one_current ON table_plans(session_id, round) WHERE status = 'current';
