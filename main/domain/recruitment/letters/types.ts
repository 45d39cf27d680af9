/**
 * The recruitment letters as plain data: who a letter goes to, which letter, and the texts the
 * organisers edit. Shared by the pure rules here, the PDF builder (main/reports/lettersPdf.ts)
 * and the service (main/services/letters.ts).
 */

/** The languages a letter text is written in (the UI has three; letters also go out in German). */
export const LETTER_LANGUAGES = ['nl', 'fr', 'de', 'en'] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

/** The first letter, and the reminder to those who have not answered. */
export const LETTER_KINDS = ['invitation', 'reminder'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/**
 * One person a letter goes to, as the invitation lottery lists them (listInvitees of the
 * register): the personal response code, the name as it goes on the envelope, the street lines,
 * the postcode and municipality, and the language the register knows (null when it does not).
 */
export interface Addressee {
  code: string;
  name: string;
  addressLines: string[];
  postcode: string;
  municipality: string;
  language: string | null;
}

/** A letter text in one language: the subject line and the body with its placeholders. */
export interface LetterText {
  subject: string;
  body: string;
}

/** What every letter of the assembly shares: the values of {deadline}, {contact}, {url} and the sender. */
export interface LetterSettings {
  /** The last day to answer (YYYY-MM-DD), or null while it is not fixed. */
  deadline: string | null;
  /** How to reach the team: phone, e-mail, office hours. */
  contact: string;
  /** The sender's lines above the window (organisation, return address). */
  sender: string;
  /** Who signs the letter (name and role, one per line). */
  signature: string;
  /** The online reply form's address, if there is one. */
  url: string;
}

export const EMPTY_SETTINGS: LetterSettings = { deadline: null, contact: '', sender: '', signature: '', url: '' };
