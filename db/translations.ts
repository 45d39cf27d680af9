/** Translations of public texts (migration 0011) and the list of every public text they can translate. */
import type { ContentLanguage, TranslatableKind, TranslationRow } from '../main/domain/translations/types';
import type { Db } from './connection';

export function listTranslations(db: Db): TranslationRow[] {
  return db.prepare('SELECT kind, entity_id AS entityId, field, language, text FROM translations ORDER BY kind, entity_id, field, language').all() as TranslationRow[];
}

export function readTranslation(db: Db, kind: string, entityId: string, field: string, language: ContentLanguage): string | null {
  return (db.prepare('SELECT text FROM translations WHERE kind = ? AND entity_id = ? AND field = ? AND language = ?').pluck().get(kind, entityId, field, language) as string | undefined) ?? null;
}

/** Sets (or, with null, removes) one translation. */
export function writeTranslation(db: Db, row: Omit<TranslationRow, 'text'> & { text: string | null }, at: string): void {
  if (row.text === null) {
    db.prepare('DELETE FROM translations WHERE kind = ? AND entity_id = ? AND field = ? AND language = ?').run(row.kind, row.entityId, row.field, row.language);
    return;
  }
  db.prepare(
    `INSERT INTO translations (kind, entity_id, field, language, text, updated_at) VALUES (@kind, @entityId, @field, @language, @text, @at)
     ON CONFLICT (kind, entity_id, field, language) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
  ).run({ ...row, at });
}

export function baseLanguage(db: Db): ContentLanguage {
  return ((db.prepare('SELECT base_language FROM assembly LIMIT 1').pluck().get() as ContentLanguage | undefined) ?? 'en');
}

export function setBaseLanguage(db: Db, language: ContentLanguage, at: string): void {
  db.prepare('UPDATE assembly SET base_language = ?, updated_at = ?').run(language, at);
}

/** One public text's base: where it is stored and a hint of where it appears. */
export interface PublicTextRow {
  kind: TranslatableKind;
  entityId: string;
  field: string;
  base: string;
  context: string;
}

/**
 * Every text the public sees, with its base text, in the order the Translations page lists them:
 * the assembly, sessions, ballots and their items, the agenda (slots, topics, perspectives,
 * contributors' organisations), then the features and their values. Deleted rows are left out.
 */
export function publicTextRows(db: Db): PublicTextRow[] {
  const out: PublicTextRow[] = [];
  const push = (rows: unknown[]) => out.push(...(rows as PublicTextRow[]));
  push(db.prepare("SELECT 'assembly' AS kind, id AS entityId, 'name' AS field, name AS base, '' AS context FROM assembly").all());
  push(db.prepare("SELECT 'session' AS kind, id AS entityId, 'name' AS field, name AS base, date AS context FROM sessions WHERE deleted_at IS NULL ORDER BY date, start_time, id").all());
  const ballots = db.prepare('SELECT b.id, b.title, b.items_json AS items, s.date FROM ballots b JOIN sessions s ON s.id = b.session_id WHERE b.deleted_at IS NULL ORDER BY s.date, b.created_at, b.id').all() as { id: string; title: string; items: string; date: string }[];
  for (const b of ballots) {
    out.push({ kind: 'ballot', entityId: b.id, field: 'title', base: b.title, context: b.date });
    for (const item of JSON.parse(b.items) as { id: string; number: string; title: string; rationale?: string }[]) {
      out.push({ kind: 'ballotItem', entityId: item.id, field: 'title', base: item.title, context: `${b.title} · ${item.number}` });
      if (item.rationale?.trim()) out.push({ kind: 'ballotItem', entityId: item.id, field: 'rationale', base: item.rationale, context: `${b.title} · ${item.number}` });
    }
  }
  push(db.prepare("SELECT 'slot' AS kind, a.id AS entityId, 'title' AS field, a.title AS base, s.date || ' ' || a.start_time AS context FROM agenda_slots a JOIN sessions s ON s.id = a.session_id WHERE a.deleted_at IS NULL AND trim(a.title) <> '' ORDER BY s.date, a.start_time, a.id").all());
  push(
    db
      .prepare(
        `SELECT 'topic' AS kind, topic AS entityId, 'name' AS field, topic AS base, '' AS context FROM (
           SELECT trim(topic) AS topic FROM agenda_slots WHERE deleted_at IS NULL
           UNION SELECT trim(t.value) FROM contributors c, json_each(c.topics_json) t WHERE c.deleted_at IS NULL
         ) WHERE topic <> '' ORDER BY topic`,
      )
      .all(),
  );
  push(db.prepare("SELECT 'perspective' AS kind, id AS entityId, 'name' AS field, name AS base, '' AS context FROM perspectives ORDER BY position, id").all());
  push(db.prepare("SELECT 'contributor' AS kind, id AS entityId, 'organisation' AS field, organisation AS base, name AS context FROM contributors WHERE deleted_at IS NULL AND trim(organisation) <> '' ORDER BY name, id").all());
  push(db.prepare("SELECT 'feature' AS kind, id AS entityId, 'name' AS field, name AS base, '' AS context FROM features ORDER BY position, id").all());
  push(db.prepare("SELECT 'featureValue' AS kind, v.id AS entityId, 'value' AS field, v.value AS base, f.name AS context FROM feature_values v JOIN features f ON f.id = v.feature_id ORDER BY f.position, f.id, v.position, v.id").all());
  return out;
}
