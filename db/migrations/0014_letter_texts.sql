-- Assembly Desk schema, version 14: the recruitment letters (issue 19). The texts the organisers
-- edit, per kind (the invitation, the reminder) and language; a kind and language without a row
-- prints the app's default text (main/domain/recruitment/letters/defaults.ts), so a new file
-- holds no copy of it. Placeholders are checked by the API before a text is stored.
CREATE TABLE letter_texts (
  kind        TEXT NOT NULL CHECK (kind IN ('invitation', 'reminder')),
  language    TEXT NOT NULL CHECK (language IN ('nl', 'fr', 'de', 'en')),
  subject     TEXT NOT NULL CHECK (length(trim(subject)) > 0),
  body        TEXT NOT NULL CHECK (length(trim(body)) > 0),
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (kind, language)
) WITHOUT ROWID;

-- What every letter shares (one row at most): the answer deadline, the contact, the sender's
-- lines above the address window, who signs, and the online reply form's address.
CREATE TABLE letter_settings (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  deadline    TEXT CHECK (deadline IS NULL OR deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  contact     TEXT NOT NULL DEFAULT '',
  sender      TEXT NOT NULL DEFAULT '',
  signature   TEXT NOT NULL DEFAULT '',
  url         TEXT NOT NULL DEFAULT '',
  updated_at  TEXT NOT NULL
);
