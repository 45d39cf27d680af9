-- Assembly Desk schema: selection runs may use the fair objectives beside LEXIMIN and the legacy
-- method (maximin, Nash welfare, Goldilocks; main/domain/selection/objectives/). SQLite cannot
-- change a CHECK constraint in place, so the table is rebuilt with the same columns and rows and
-- its index and triggers are created again, word for word as in 0003_selection.sql.

CREATE TABLE selection_runs_new (
  id                 TEXT PRIMARY KEY,
  at                 TEXT NOT NULL,
  operator           TEXT NOT NULL,
  kind               TEXT NOT NULL CHECK (kind IN ('panel', 'replacement')),
  algorithm          TEXT NOT NULL CHECK (algorithm IN ('leximin', 'legacy', 'maximin', 'nash', 'goldilocks')),
  algorithm_version  TEXT NOT NULL,
  panel_size         INTEGER NOT NULL CHECK (panel_size > 0),
  one_per_household  INTEGER NOT NULL CHECK (one_per_household IN (0, 1)),
  -- SHA-256 of the canonical instance (codes, feature values, household numbers, quotas, panel
  -- size, one per household, fixed codes): see main/domain/selection/instance.ts
  input_hash         TEXT NOT NULL,
  quotas_json        TEXT NOT NULL,
  -- per-code probabilities, min/mean/max/gini, certificate, complete flag
  distribution_json  TEXT NOT NULL,
  -- The transparent lottery (LEXIMIN only; a legacy draw is direct): M, the number source, the
  -- published document and its SHA-256.
  lottery_size       INTEGER,
  lottery_source     TEXT CHECK (lottery_source IS NULL OR lottery_source IN ('digits', 'die')),
  lottery_document   TEXT,
  lottery_hash       TEXT,
  -- The draw.
  seed_mode          TEXT CHECK (seed_mode IS NULL OR seed_mode IN ('random', 'public')),
  seed               TEXT,
  public_numbers     TEXT,
  ticket             INTEGER,
  -- {"panel": [codes], "reserve": [codes in reserve-list order]}
  drawn_json         TEXT,
  drawn_at           TEXT,
  drawn_by           TEXT,
  status             TEXT NOT NULL DEFAULT 'prepared' CHECK (status IN ('prepared', 'drawn', 'superseded')),
  superseded_by      TEXT,
  superseded_reason  TEXT,
  superseded_at      TEXT,
  -- A new run starts prepared, with nothing drawn and nothing superseded.
  CHECK (status <> 'drawn' OR (drawn_json IS NOT NULL AND drawn_at IS NOT NULL AND seed_mode IS NOT NULL)),
  CHECK (status <> 'superseded' OR (superseded_reason IS NOT NULL AND length(trim(superseded_reason)) > 0 AND superseded_at IS NOT NULL))
);
INSERT INTO selection_runs_new SELECT * FROM selection_runs;
DROP TABLE selection_runs;
ALTER TABLE selection_runs_new RENAME TO selection_runs;

CREATE INDEX selection_runs_at ON selection_runs(at);

CREATE TRIGGER selection_runs_insert BEFORE INSERT ON selection_runs
WHEN NEW.status <> 'prepared' OR NEW.seed_mode IS NOT NULL OR NEW.seed IS NOT NULL OR NEW.public_numbers IS NOT NULL
  OR NEW.ticket IS NOT NULL OR NEW.drawn_json IS NOT NULL OR NEW.drawn_at IS NOT NULL OR NEW.drawn_by IS NOT NULL
  OR NEW.superseded_by IS NOT NULL OR NEW.superseded_reason IS NOT NULL OR NEW.superseded_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a selection run is recorded as prepared, with nothing drawn yet'); END;

CREATE TRIGGER selection_runs_no_delete BEFORE DELETE ON selection_runs
BEGIN SELECT RAISE(ABORT, 'a selection run cannot be deleted, only superseded with a reason'); END;

-- What was prepared and published never changes.
CREATE TRIGGER selection_runs_fixed BEFORE UPDATE ON selection_runs
WHEN NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.operator IS NOT OLD.operator OR NEW.kind IS NOT OLD.kind
  OR NEW.algorithm IS NOT OLD.algorithm OR NEW.algorithm_version IS NOT OLD.algorithm_version
  OR NEW.panel_size IS NOT OLD.panel_size OR NEW.one_per_household IS NOT OLD.one_per_household
  OR NEW.input_hash IS NOT OLD.input_hash OR NEW.quotas_json IS NOT OLD.quotas_json
  OR NEW.distribution_json IS NOT OLD.distribution_json OR NEW.lottery_size IS NOT OLD.lottery_size
  OR NEW.lottery_source IS NOT OLD.lottery_source OR NEW.lottery_document IS NOT OLD.lottery_document
  OR NEW.lottery_hash IS NOT OLD.lottery_hash
BEGIN SELECT RAISE(ABORT, 'a selection run cannot be changed: what was prepared and published stays as it was'); END;

-- Only two moves: prepared -> drawn (filling the draw once), and prepared or drawn -> superseded
-- (filling the reason, leaving the draw as it was).
CREATE TRIGGER selection_runs_transition BEFORE UPDATE ON selection_runs
WHEN NOT (
  (OLD.status = 'prepared' AND NEW.status = 'drawn'
    AND OLD.seed_mode IS NULL AND OLD.drawn_json IS NULL AND OLD.ticket IS NULL AND OLD.seed IS NULL AND OLD.public_numbers IS NULL
    AND NEW.seed_mode IS NOT NULL AND NEW.drawn_json IS NOT NULL AND NEW.drawn_at IS NOT NULL AND NEW.drawn_by IS NOT NULL
    AND (NEW.seed IS NOT NULL OR NEW.public_numbers IS NOT NULL)
    AND NEW.superseded_by IS NULL AND NEW.superseded_reason IS NULL AND NEW.superseded_at IS NULL)
  OR
  (OLD.status IN ('prepared', 'drawn') AND NEW.status = 'superseded'
    AND NEW.seed_mode IS OLD.seed_mode AND NEW.seed IS OLD.seed AND NEW.public_numbers IS OLD.public_numbers
    AND NEW.ticket IS OLD.ticket AND NEW.drawn_json IS OLD.drawn_json AND NEW.drawn_at IS OLD.drawn_at
    AND NEW.drawn_by IS OLD.drawn_by
    AND NEW.superseded_reason IS NOT NULL AND length(trim(NEW.superseded_reason)) > 0 AND NEW.superseded_at IS NOT NULL
    AND (NEW.superseded_by IS NULL OR NEW.superseded_by <> OLD.id))
)
BEGIN SELECT RAISE(ABORT, 'a selection run only moves from prepared to drawn, or to superseded with a reason'); END;
