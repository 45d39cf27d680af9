-- Assembly Desk schema, version 11: public texts in several languages. One generic table: a
-- translation of one field of one entity into one language. The base text stays where it was
-- (sessions.name, ballots.title, ...): it is the fallback when a language has no translation.
-- kind/field are checked by the API (main/domain/translations.ts), not here, so a new kind of
-- text needs no table rebuild. Topics have no table of their own: their entity_id is the topic
-- as written.
CREATE TABLE translations (
  kind        TEXT NOT NULL,
  entity_id   TEXT NOT NULL,
  field       TEXT NOT NULL,
  language    TEXT NOT NULL CHECK (language IN ('nl', 'fr', 'de', 'en')),
  text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (kind, entity_id, field, language)
) WITHOUT ROWID;

-- Until now a ballot item's title was "translated" by its full text in a language when that
-- text is short (one line, at most 140 characters: what the recommendations PDF printed as the
-- title). Those become title translations, so the workbooks and CSVs print them too.
INSERT OR IGNORE INTO translations (kind, entity_id, field, language, text, updated_at)
SELECT 'ballotItem', json_extract(item.value, '$.id'), 'title', lang.key, trim(lang.value), b.updated_at
FROM ballots b, json_each(b.items_json) AS item, json_each(item.value, '$.text') AS lang
WHERE b.deleted_at IS NULL
  AND lang.key IN ('nl', 'fr', 'de', 'en')
  AND length(trim(lang.value)) BETWEEN 1 AND 140
  AND instr(lang.value, char(10)) = 0
  AND trim(lang.value) <> json_extract(item.value, '$.title');

-- The language the base texts are written in: an export in that language needs no translation.
-- Files written before were entered in English (the reports in Dutch and French showed English).
ALTER TABLE assembly ADD COLUMN base_language TEXT NOT NULL DEFAULT 'en' CHECK (base_language IN ('nl', 'fr', 'de', 'en'));
