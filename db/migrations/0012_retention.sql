-- Assembly Desk schema, version 12: the end date (issue 18). Each assembly has a retention date,
-- after which the contact data of everyone is removed ("Close the assembly"); a closed assembly
-- keeps codes, features, statuses, attendance, votes and the selection records.

-- The date until which contact data may be kept (YYYY-MM-DD, in the assembly's time zone).
ALTER TABLE assembly ADD COLUMN retention_until TEXT
  CHECK (retention_until IS NULL OR retention_until GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');
-- Files made before this version get the default a new assembly is offered: three months after
-- the last session, or a year after the assembly was created when it has no session yet.
UPDATE assembly SET retention_until = COALESCE(
  (SELECT date(max(date), '+3 months') FROM sessions WHERE deleted_at IS NULL),
  date(substr(created_at, 1, 10), '+12 months'));
-- Set once the contact data was removed: the file then holds no personal contact data.
ALTER TABLE assembly ADD COLUMN closed_at TEXT;
ALTER TABLE assembly ADD COLUMN closed_by TEXT;

-- Each closing (and each later pass over backups that could not be processed the first time):
-- what was removed, how many people, which backups were processed, which copies elsewhere are
-- known. Read back for the certificate. Never changed, never deleted.
CREATE TABLE assembly_closures (
  id            TEXT PRIMARY KEY,
  at            TEXT NOT NULL,
  operator      TEXT NOT NULL,
  device        TEXT,
  summary_json  TEXT NOT NULL
);
CREATE TRIGGER assembly_closures_no_update BEFORE UPDATE ON assembly_closures
BEGIN SELECT RAISE(ABORT, 'a closure record cannot be changed'); END;
CREATE TRIGGER assembly_closures_no_delete BEFORE DELETE ON assembly_closures
BEGIN SELECT RAISE(ABORT, 'a closure record cannot be deleted'); END;
