-- Assembly Desk schema, version 10: what the public report must contain that the file did not
-- hold yet (issue 17). Additive: files written before report these facts as "not entered".

-- The basis of the recruitment, as the report states it (one row at most): where the population
-- figures come from and of which year, who could take part, how people were invited.
CREATE TABLE report_facts (
  id                INTEGER PRIMARY KEY CHECK (id = 1),
  population_source TEXT NOT NULL DEFAULT '',
  population_year   INTEGER CHECK (population_year IS NULL OR (population_year BETWEEN 1900 AND 2200)),
  eligibility       TEXT NOT NULL DEFAULT '',
  invitation_method TEXT NOT NULL DEFAULT '',
  updated_at        TEXT NOT NULL
);

-- Why a person declined or withdrew, from a fixed list (people.status_reason keeps the free text).
ALTER TABLE people ADD COLUMN status_reason_code TEXT CHECK (status_reason_code IS NULL OR status_reason_code IN
  ('notInterested', 'time', 'work', 'health', 'family', 'travel', 'moved', 'noReply', 'other'));

-- Whether an invited speaker (a politician, a party leader) took part in a slot: the contributor's
-- own status says whether they accepted at all; a hearing on one weekend may still be missed.
ALTER TABLE slot_people ADD COLUMN appearance TEXT CHECK (appearance IS NULL OR appearance IN ('invited', 'confirmed', 'declined', 'came', 'noShow'));

-- What each contributor supplied (a presentation, a paper...): its title, kind, and a link or
-- file name. The files themselves are not copied into the assembly file.
CREATE TABLE contributor_materials (
  id             TEXT PRIMARY KEY,
  contributor_id TEXT NOT NULL REFERENCES contributors(id),
  title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
  kind           TEXT NOT NULL CHECK (kind IN ('presentation', 'paper', 'video', 'data', 'other')),
  link           TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  deleted_at     TEXT
);
CREATE INDEX contributor_materials_contributor ON contributor_materials(contributor_id);

-- Costs of the assembly besides the per-diem (which is computed from attendance): venue,
-- facilitation, interpretation... in integer cents.
CREATE TABLE costs (
  id           TEXT PRIMARY KEY,
  label        TEXT NOT NULL CHECK (length(trim(label)) > 0),
  amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
  category     TEXT NOT NULL CHECK (category IN ('venue', 'catering', 'facilitation', 'interpretation', 'recruitment', 'experts', 'communication', 'other')),
  created_at   TEXT NOT NULL,
  deleted_at   TEXT
);
