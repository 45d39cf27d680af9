/** The recruitment letters' texts and shared settings (migration 0014). */
import type { Db } from './connection';

// The row shapes, spelled out here: db/ names only the entity types of main/domain/<area>/types.ts
// (tests/unit/layering.test.ts), and these are structurally those of main/domain/recruitment/letters/types.ts.
type LetterKind = 'invitation' | 'reminder';
type LetterLanguage = 'nl' | 'fr' | 'de' | 'en';
interface LetterText {
  subject: string;
  body: string;
}
interface LetterSettings {
  deadline: string | null;
  contact: string;
  sender: string;
  signature: string;
  url: string;
}

export interface StoredLetterText extends LetterText {
  kind: LetterKind;
  language: LetterLanguage;
  updatedAt: string;
}

export function listLetterTexts(db: Db): StoredLetterText[] {
  return db.prepare('SELECT kind, language, subject, body, updated_at AS updatedAt FROM letter_texts ORDER BY kind, language').all() as StoredLetterText[];
}

export function readLetterText(db: Db, kind: LetterKind, language: LetterLanguage): StoredLetterText | null {
  return (db.prepare('SELECT kind, language, subject, body, updated_at AS updatedAt FROM letter_texts WHERE kind = ? AND language = ?').get(kind, language) as StoredLetterText | undefined) ?? null;
}

export function writeLetterText(db: Db, kind: LetterKind, language: LetterLanguage, text: LetterText, at: string): void {
  db.prepare(
    `INSERT INTO letter_texts (kind, language, subject, body, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (kind, language) DO UPDATE SET subject = excluded.subject, body = excluded.body, updated_at = excluded.updated_at`,
  ).run(kind, language, text.subject, text.body, at);
}

/** Removes an edited text: the default prints again. Returns whether there was one. */
export function deleteLetterText(db: Db, kind: LetterKind, language: LetterLanguage): boolean {
  return db.prepare('DELETE FROM letter_texts WHERE kind = ? AND language = ?').run(kind, language).changes > 0;
}

export function readLetterSettings(db: Db): LetterSettings {
  const row = db.prepare('SELECT deadline, contact, sender, signature, url FROM letter_settings WHERE id = 1').get() as LetterSettings | undefined;
  return row ?? { deadline: null, contact: '', sender: '', signature: '', url: '' };
}

export function writeLetterSettings(db: Db, s: LetterSettings, at: string): void {
  db.prepare(
    `INSERT INTO letter_settings (id, deadline, contact, sender, signature, url, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET deadline = excluded.deadline, contact = excluded.contact, sender = excluded.sender,
       signature = excluded.signature, url = excluded.url, updated_at = excluded.updated_at`,
  ).run(s.deadline, s.contact, s.sender, s.signature, s.url, at);
}
