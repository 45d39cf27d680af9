-- Assembly Desk schema, version 2: recruitment.
-- Import of the respondent pool, duplicates, targets and quotas, the participant lifecycle.

-- Recruitment settings of the assembly (one row).
ALTER TABLE assembly ADD COLUMN quota_tolerance INTEGER NOT NULL DEFAULT 1 CHECK (quota_tolerance >= 0);
-- At most one selected person per household (on by default: a household answering twice
-- should not get two seats).
ALTER TABLE assembly ADD COLUMN one_per_household INTEGER NOT NULL DEFAULT 1 CHECK (one_per_household IN (0, 1));

-- Lifecycle: the date and reason of the last decline or withdrawal, and who replaced the person.
ALTER TABLE people ADD COLUMN status_date TEXT;
ALTER TABLE people ADD COLUMN status_reason TEXT;
ALTER TABLE people ADD COLUMN replaced_by TEXT REFERENCES people(id);
-- Needs, as the person stated them.
ALTER TABLE people ADD COLUMN needs_accessibility TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN needs_diet TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN needs_childcare INTEGER NOT NULL DEFAULT 0 CHECK (needs_childcare IN (0, 1));
ALTER TABLE people ADD COLUMN needs_travel TEXT NOT NULL DEFAULT '';
-- Consent to data processing: the date and the version of the text the person agreed to.
ALTER TABLE people ADD COLUMN consent_date TEXT;
ALTER TABLE people ADD COLUMN consent_version TEXT;
-- Set when the personal fields were wiped on a data-protection request.
ALTER TABLE people ADD COLUMN erased_at TEXT;
-- The import that brought the person in, and a fingerprint of the imported row, so that
-- importing the same file again recognises people already in the pool.
ALTER TABLE people ADD COLUMN import_id TEXT;
ALTER TABLE people ADD COLUMN fingerprint TEXT;
-- (No index on either: an import reads them all into memory once, and every index slows the
-- 50,000 inserts of a large import. For the same reason person features are counted by one
-- grouped pass, and their index on value_id goes: it cost 0.3 s of a 50,000-person import.)
DROP INDEX person_features_value;

-- Census shares and quotas per feature value.
ALTER TABLE feature_values ADD COLUMN share_percent REAL CHECK (share_percent IS NULL OR (share_percent >= 0 AND share_percent <= 100));
ALTER TABLE feature_values ADD COLUMN quota_min INTEGER CHECK (quota_min IS NULL OR quota_min >= 0);
ALTER TABLE feature_values ADD COLUMN quota_max INTEGER CHECK (quota_max IS NULL OR quota_max >= 0);
ALTER TABLE feature_values ADD COLUMN min_flex INTEGER;
ALTER TABLE feature_values ADD COLUMN max_flex INTEGER;

-- Every status change of a person, in order.
CREATE TABLE status_changes (
  id          TEXT PRIMARY KEY,
  person_id   TEXT NOT NULL REFERENCES people(id),
  from_status TEXT NOT NULL,
  to_status   TEXT NOT NULL,
  date        TEXT,
  reason      TEXT,
  at          TEXT NOT NULL,
  operator    TEXT NOT NULL
);
CREATE INDEX status_changes_person ON status_changes(person_id, at);

-- The contact log: each call, e-mail, letter or text message.
CREATE TABLE contacts (
  id         TEXT PRIMARY KEY,
  person_id  TEXT NOT NULL REFERENCES people(id),
  date       TEXT NOT NULL,
  channel    TEXT NOT NULL CHECK (channel IN ('phone', 'email', 'letter', 'sms')),
  outcome    TEXT NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  operator   TEXT NOT NULL,
  at         TEXT NOT NULL
);
CREATE INDEX contacts_person ON contacts(person_id, date);

-- Possible duplicates, flagged for a person to resolve: never merged silently.
CREATE TABLE duplicate_flags (
  id          TEXT PRIMARY KEY,
  person_a    TEXT NOT NULL REFERENCES people(id),
  person_b    TEXT NOT NULL REFERENCES people(id),
  reasons     TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'distinct', 'resolved')),
  created_at  TEXT NOT NULL,
  resolved_at TEXT,
  resolved_by TEXT,
  CHECK (person_a < person_b),
  UNIQUE (person_a, person_b)
);
CREATE INDEX duplicate_flags_b ON duplicate_flags(person_b);

-- Imports done, for the record (the file itself is not kept: it holds personal data).
CREATE TABLE imports (
  id              TEXT PRIMARY KEY,
  at              TEXT NOT NULL,
  operator        TEXT NOT NULL,
  file_name       TEXT NOT NULL,
  file_sha256     TEXT NOT NULL,
  rows_total      INTEGER NOT NULL,
  imported        INTEGER NOT NULL,
  already_in_pool INTEGER NOT NULL,
  rejected        INTEGER NOT NULL,
  mapping_json    TEXT NOT NULL
);

-- Column mappings, offered again for a file with the same header.
CREATE TABLE import_mappings (
  header_key   TEXT PRIMARY KEY,
  header_json  TEXT NOT NULL,
  mapping_json TEXT NOT NULL,
  used_at      TEXT NOT NULL
);
