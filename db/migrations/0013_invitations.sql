-- Assembly Desk schema: recruitment from the first letter (issue 19).
-- The register extract (the most sensitive list the app holds), the invitation lottery's runs and
-- the letters drawn, and the answers recorded by response code.
--
-- Retention: register_entries holds names, addresses and birth years of residents who never
-- agreed to anything. It is kept only until recruitment closes; the closing removes every row of
-- register_entries (those who answered yes were copied into people with their consent) and sets
-- register_imports.removed_at. invitations keeps no name or address, only the code and the coarse
-- groups the funnel is counted by (municipality, age band, gender, language), so it may stay.

-- One register extract at a time (a new file replaces it while no letters were drawn from it).
CREATE TABLE register_imports (
  id            TEXT PRIMARY KEY,
  at            TEXT NOT NULL,
  operator      TEXT NOT NULL,
  file_name     TEXT NOT NULL,
  file_sha256   TEXT NOT NULL,
  rows_total    INTEGER NOT NULL,
  -- SHA-256 of the canonical register (main/domain/recruitment/invitations/register.ts): what the
  -- lottery publishes, so anyone holding the same extract can check a draw.
  register_hash TEXT NOT NULL,
  mapping_json  TEXT NOT NULL,
  -- Set when the extract's rows were removed (retention: recruitment closed).
  removed_at    TEXT
);

-- SENSITIVE: one row per resident in the extract. Removed whole at the close of recruitment.
CREATE TABLE register_entries (
  id            TEXT PRIMARY KEY,
  import_id     TEXT NOT NULL REFERENCES register_imports(id),
  -- Order in the file (0-based): the canonical order the lottery draws in.
  position      INTEGER NOT NULL,
  row_number    INTEGER NOT NULL,
  first_name    TEXT NOT NULL,
  last_name     TEXT NOT NULL,
  street        TEXT,
  house_number  TEXT,
  postcode      TEXT,
  city          TEXT,
  -- Only the year: the age band is all the lottery and the funnel need.
  birth_year    INTEGER,
  gender        TEXT,
  language      TEXT CHECK (language IS NULL OR language IN ('nl', 'fr', 'de', 'en')),
  household_key TEXT,
  -- Other mapped columns (feature name -> value), for stratifying by them.
  features_json TEXT NOT NULL DEFAULT '{}',
  UNIQUE (import_id, position)
);

-- One draw of letters. Never deleted; changes only drawn -> superseded, with a reason.
CREATE TABLE invitation_runs (
  id                 TEXT PRIMARY KEY,
  at                 TEXT NOT NULL,
  operator           TEXT NOT NULL,
  register_import_id TEXT NOT NULL REFERENCES register_imports(id),
  register_hash      TEXT NOT NULL,
  algorithm_version  TEXT NOT NULL,
  -- {size, stratifyBy, oversampling, onePerAddress, referenceYear}
  params_json        TEXT NOT NULL,
  seed               TEXT NOT NULL,
  -- [{group, population, weight, quota, drawn}]
  allocation_json    TEXT NOT NULL,
  -- SHA-256 of the drawn register positions in draw order: the published result.
  drawn_hash         TEXT NOT NULL,
  letters            INTEGER NOT NULL,
  status             TEXT NOT NULL DEFAULT 'drawn' CHECK (status IN ('drawn', 'superseded')),
  superseded_by      TEXT,
  superseded_reason  TEXT,
  superseded_at      TEXT,
  CHECK (status <> 'superseded' OR (superseded_reason IS NOT NULL AND length(trim(superseded_reason)) > 0 AND superseded_at IS NOT NULL))
);
CREATE TRIGGER invitation_runs_no_delete BEFORE DELETE ON invitation_runs
BEGIN SELECT RAISE(ABORT, 'an invitation run is never deleted: supersede it with a reason'); END;
CREATE TRIGGER invitation_runs_only_supersede BEFORE UPDATE ON invitation_runs
WHEN OLD.status <> 'drawn' OR NEW.status <> 'superseded'
  OR NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.operator IS NOT OLD.operator
  OR NEW.register_import_id IS NOT OLD.register_import_id OR NEW.register_hash IS NOT OLD.register_hash
  OR NEW.algorithm_version IS NOT OLD.algorithm_version OR NEW.params_json IS NOT OLD.params_json
  OR NEW.seed IS NOT OLD.seed OR NEW.allocation_json IS NOT OLD.allocation_json
  OR NEW.drawn_hash IS NOT OLD.drawn_hash OR NEW.letters IS NOT OLD.letters
BEGIN SELECT RAISE(ABORT, 'an invitation run changes only once, from drawn to superseded'); END;

-- The letters of a run, in draw order. register_entry_id has no foreign key on purpose: the
-- register is removed at closing while the invitations (codes, groups, answers) stay.
CREATE TABLE invitations (
  id                TEXT PRIMARY KEY,
  run_id            TEXT NOT NULL REFERENCES invitation_runs(id),
  position          INTEGER NOT NULL,
  register_entry_id TEXT NOT NULL,
  -- Personal response code: 7 characters and a check character (codes.ts), unique over all runs.
  code              TEXT NOT NULL UNIQUE,
  stratum           TEXT NOT NULL,
  municipality      TEXT,
  age_band          TEXT,
  gender            TEXT,
  language          TEXT,
  UNIQUE (run_id, position)
);
CREATE INDEX invitations_entry ON invitations(register_entry_id);
CREATE TRIGGER invitations_no_delete BEFORE DELETE ON invitations
BEGIN SELECT RAISE(ABORT, 'a letter drawn is never deleted: supersede its run with a reason'); END;
CREATE TRIGGER invitations_fixed BEFORE UPDATE OF id, run_id, position, register_entry_id, code, stratum ON invitations
BEGIN SELECT RAISE(ABORT, 'a letter drawn is never changed'); END;

-- The answer to a letter: one per code (UNIQUE), whoever records it, by keyboard or CSV.
CREATE TABLE invitation_responses (
  id            TEXT PRIMARY KEY,
  invitation_id TEXT NOT NULL UNIQUE REFERENCES invitations(id),
  answer        TEXT NOT NULL CHECK (answer IN ('yes', 'no', 'undeliverable')),
  reason        TEXT,
  -- Answers to the stratification questions: feature name -> value.
  answers_json  TEXT NOT NULL DEFAULT '{}',
  availability  TEXT CHECK (availability IS NULL OR availability IN ('all', 'some', 'none')),
  consent       INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0, 1)),
  eligible      INTEGER NOT NULL DEFAULT 0 CHECK (eligible IN (0, 1)),
  -- The respondent a yes became (null for no, undeliverable, and a yes that is not eligible).
  person_id     TEXT REFERENCES people(id),
  source        TEXT NOT NULL CHECK (source IN ('keyboard', 'csv')),
  at            TEXT NOT NULL,
  operator      TEXT NOT NULL,
  CHECK (answer <> 'no' OR (reason IS NOT NULL AND length(trim(reason)) > 0))
);
CREATE INDEX invitation_responses_person ON invitation_responses(person_id);
