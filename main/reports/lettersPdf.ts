/**
 * The recruitment letters as one PDF per batch: a letter per addressee in their language (both
 * Dutch and French for Brussels), the address placed for a window envelope, the personal
 * response code with its QR code, and a reply card to tear off at the bottom of the first page.
 *
 * The page follows DIN 5008 form B (A4 folded in three at 105 and 210 mm, the folds the marks
 * show) for a DL (110 x 220 mm) or C6/5 (114 x 229 mm) envelope with a left window of DIN 680
 * (90 x 45 mm, 20 mm from the left edge and 15 mm from the bottom: 50-95 mm from the top of a
 * DL envelope, 54-99 mm of a C6/5):
 * - the address field is 85 x 45 mm at 20 mm from the left and 45 mm from the top; its first
 *   17.7 mm hold the sender's return line (small, written upwards from 62.7 mm), the address
 *   itself starts at 62.7 mm, at most 6 lines (27.3 mm, so it ends by 90 mm), its text at
 *   25 mm from the left. A sheet that slides to the bottom of the envelope (5 mm in a DL, 9 mm
 *   in a C6/5) still shows the whole address in the window.
 * - the information block (date, code) is at 125 mm from the left, from 50 mm;
 * - the text starts below the first fold (105 mm) and ends above the second (210 mm), where
 *   the reply card begins: the card is the bottom third (210-297 mm), cut off along the fold.
 * Later pages keep the bottom third empty, so that a letter printed on both sides has nothing
 * on the back of the card.
 *
 * Drawn with pdfkit, the PDF engine pdfmake itself drives (same version, same embedded DejaVu
 * Sans Condensed as every report): a mailing of 10,000 letters laid out by pdfmake took about
 * 15 ms of CPU per letter (its per-word layout tree; 150 s in all, over the 60 s target), pdfkit
 * about a quarter of that. A letter is simple enough (positioned blocks, wrapped paragraphs) to
 * need no layout engine; each page added is counted, so every letter's pages are known.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { DEFAULT_TEXTS, LETTER_WORDS, longDate, type LetterWords } from '../domain/recruitment/letters/defaults';
import { chooseLetterLanguage } from '../domain/recruitment/letters/language';
import { fillPlaceholders, type PlaceholderValues } from '../domain/recruitment/letters/placeholders';
import type { Addressee, LetterKind, LetterLanguage, LetterSettings, LetterText } from '../domain/recruitment/letters/types';
import { A4, MM } from './pdf/layout';
import { findFontDir, FONT_FILES } from './pdf/render';
import { darkRuns, qrMatrix } from './qr';

/** The window geometry, in mm from the sheet's top-left corner (exported for the tests). */
export const WINDOW_LAYOUT = {
  /** DIN 5008 form B address field. */
  field: { left: 20, top: 45, width: 85, height: 45 },
  /** Where the address lines start (the imagined line under the return and notes zone). */
  addressTop: 62.7,
  /** The text's left edge inside the field. */
  textLeft: 25,
  /**
   * What the window shows wherever the folded sheet sits in the envelope: vertically 54-90 mm
   * (a DL's window at 50-95 mm with the sheet up to 5 mm lower, a C6/5's at 54-99 mm with the
   * sheet up to 9 mm lower); horizontally the address field, 20-105 mm.
   */
  visible: { left: 20, top: 54, right: 105, bottom: 90 },
  foldMarks: [105, 210],
  cardTop: 210,
} as const;

const LEFT = 25 * MM;
const RIGHT = 20 * MM;
const TOP = 20 * MM;
/** The text stays above the card: it ends 5 mm above the fold at 210 mm. */
const TEXT_BOTTOM = 205 * MM;
/** On the first page the text starts below the first fold. */
const FIRST_PAGE_TEXT_TOP = 106 * MM;
const TEXT_WIDTH = A4.width - LEFT - RIGHT;
const ADDRESS_SIZE = 10;
const ADDRESS_MIN_SIZE = 7;
const ADDRESS_LINES = 6;
/** The address lines end before the field's right edge (105 mm). */
const ADDRESS_WIDTH = (WINDOW_LAYOUT.field.left + WINDOW_LAYOUT.field.width - WINDOW_LAYOUT.textLeft - 2) * MM;
const QR_SIDE = 24 * MM;
const BODY_SIZE = 9.5;
const CARD_SIZE = 8;
const REGULAR = 'regular';
const BOLD = 'bold';
const ITALIC = 'italic';
const GREY = '#444444';
const BLACK = '#000000';

export interface CardQuestion {
  question: string;
  options: string[];
}

/** What the letters of one language need, localised by the caller. */
export interface LanguageMaterial {
  text: LetterText;
  /** The assembly's name in this language. */
  assemblyName: string;
  /** The stratification questions in this language (the assembly's features and values). */
  questions: CardQuestion[];
}

export interface LettersPdfOptions {
  kind: LetterKind;
  material: Record<LetterLanguage, LanguageMaterial>;
  settings: LetterSettings;
  /** The letter's date (YYYY-MM-DD), printed in the information block. */
  letterDate: string;
  /** Written as the PDF's creation date: the same data and clock give the same bytes. */
  generatedAt: Date;
  /** Where the postcode says nothing (not Belgian): the languages of the letter. */
  fallback?: LetterLanguage[];
  /** Told how many letters of this batch are made, every few letters. */
  onProgress?: (made: number) => void;
}

/** Letters made between two turns of the event loop: a page of the app or a progress call waits at most this long. */
const LETTERS_PER_TURN = 25;

export interface RenderedLetter {
  code: string;
  languages: LetterLanguage[];
  /** Pages the letter takes (it starts on a new sheet). */
  pages: number;
}

export interface LettersBatch {
  bytes: Buffer;
  letters: RenderedLetter[];
  pages: number;
}

/** A feature with more values than this gets a line to write on instead of boxes. */
export const MAX_CARD_OPTIONS = 12;

const BOX = '☐';

type Doc = PDFKit.PDFDocument;

let fontBytes: Record<string, Buffer> | null = null;

/** The report font's regular, bold and oblique cuts, read once. */
function fonts(): Record<string, Buffer> {
  if (!fontBytes) {
    const dir = findFontDir();
    fontBytes = { [REGULAR]: readFileSync(join(dir, FONT_FILES.normal)), [BOLD]: readFileSync(join(dir, FONT_FILES.bold)), [ITALIC]: readFileSync(join(dir, FONT_FILES.italics)) };
  }
  return fontBytes;
}

function placeholderValues(a: Addressee, lang: LetterLanguage, o: LettersPdfOptions): PlaceholderValues {
  return {
    name: a.name,
    code: a.code,
    deadline: o.settings.deadline ? longDate(o.settings.deadline, lang) : LETTER_WORDS[lang].noDeadline,
    contact: o.settings.contact.replace(/\s*\n\s*/g, ', '),
    assembly: o.material[lang].assemblyName,
    url: o.settings.url,
    date: longDate(o.letterDate, lang),
  };
}

/** Paragraphs split at blank lines; a single line break stays a line break. */
function paragraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

const unique = (xs: string[]): string[] => xs.filter((v, i, all) => all.indexOf(v) === i);

/** Words in one language, or both of a bilingual letter joined ("Antwoordkaart / Coupon-réponse"). */
function words(langs: LetterLanguage[], pick: (w: LetterWords) => string): string {
  return langs.map((l) => pick(LETTER_WORDS[l])).join(' / ');
}

/** The sender's block at the top, the return line above the address, the address, the date and code. */
function firstPageHead(doc: Doc, a: Addressee, langs: LetterLanguage[], o: LettersPdfOptions): void {
  const sender = o.settings.sender.split('\n').map((l) => l.trim()).filter(Boolean);
  const name = unique(langs.map((l) => o.material[l].assemblyName)).join(' / ');
  doc.font(BOLD).fontSize(13).fillColor(BLACK).text(name, LEFT, 15 * MM, { width: TEXT_WIDTH });
  if (sender.length > 0) {
    // Below the name, however many lines a long name takes.
    doc.font(REGULAR).fontSize(8).fillColor(GREY).text(sender.join('\n'), LEFT, Math.max(22 * MM, doc.y + 2), { width: TEXT_WIDTH / 2, lineGap: 0.5 });
    // The return line sits at the bottom of the return and notes zone, just above the address.
    doc.fontSize(6.5).fillColor(BLACK).text(sender.join(' · '), WINDOW_LAYOUT.textLeft * MM, (WINDOW_LAYOUT.addressTop - 4) * MM, { width: ADDRESS_WIDTH, lineBreak: false });
  }
  const lines = [a.name, ...a.addressLines.filter((l) => l.trim() !== ''), `${a.postcode} ${a.municipality}`.trim()].slice(0, ADDRESS_LINES);
  doc.font(REGULAR).fillColor(BLACK);
  // A long line is printed smaller rather than beyond the window.
  let size = ADDRESS_SIZE;
  while (size > ADDRESS_MIN_SIZE && lines.some((l) => doc.fontSize(size).widthOfString(l) > ADDRESS_WIDTH)) size -= 0.5;
  doc.fontSize(size);
  let y = WINDOW_LAYOUT.addressTop * MM;
  for (const line of lines) {
    doc.text(line, WINDOW_LAYOUT.textLeft * MM, y, { width: ADDRESS_WIDTH, lineBreak: false });
    y += doc.currentLineHeight(true);
  }
  const info = [...unique(langs.map((l) => longDate(o.letterDate, l))), `${words(langs, (w) => w.code)}: ${a.code}`];
  doc.fontSize(9).text(info.join('\n'), 125 * MM, 50 * MM, { width: A4.width - 125 * MM - RIGHT });
  // The fold mark at 105 mm in the left margin (the second fold is the card's cut line).
  doc.moveTo(4 * MM, 105 * MM).lineTo(9 * MM, 105 * MM).lineWidth(0.4).strokeColor(BLACK).stroke();
}

/** One paragraph of the card: its parts (a bold label, then regular text), its size, the gap after it. */
interface CardLine {
  parts: { text: string; font: string }[];
  size: number;
  gapAfter: number;
}

/** The card's bottom edge: 8 mm above the sheet's. */
const CARD_BOTTOM = A4.height - 8 * MM;
/** Scales tried, largest first, until the card fits; then long questions become a line to write on. */
const CARD_SCALES = [1, 0.9, 0.8, 0.72];

/** The card's paragraphs below its title line (the title, the code line and the QR code are fixed). */
function cardLines(a: Addressee, langs: LetterLanguage[], o: LettersPdfOptions, writeIn: number): CardLine[] {
  const values = langs.map((l) => placeholderValues(a, l, o));
  const lines: CardLine[] = [
    { parts: [{ text: langs.map((l, i) => fillPlaceholders(LETTER_WORDS[l].cardReturn, values[i]!)).join(' / '), font: REGULAR }], size: CARD_SIZE, gapAfter: 3 },
  ];
  // Bilingual answers each on a line of their own: side by side they would wrap mid-answer.
  const yes = `${BOX} ${words(langs, (w) => w.yes)}`;
  const no = `${BOX} ${words(langs, (w) => w.no)}`;
  lines.push({ parts: [{ text: langs.length > 1 ? `${yes}\n${no}` : `${yes}      ${no}`, font: BOLD }], size: 9, gapAfter: 3 });
  const sets = langs.map((l) => o.material[l].questions);
  if (sets[0]!.length > 0) {
    lines.push({ parts: [{ text: words(langs, (w) => w.questions), font: ITALIC }], size: CARD_SIZE, gapAfter: 0.5 });
    sets[0]!.forEach((q, qi) => {
      const question = unique(sets.map((set) => set[qi]!.question)).join(' / ');
      const options =
        q.options.length <= writeIn
          ? q.options.map((_, oi) => `${BOX}\u00a0${unique(sets.map((set) => set[qi]!.options[oi]!)).join(' / ')}`).join('   ')
          : '______________________________';
      lines.push({ parts: [{ text: `${question}: `, font: BOLD }, { text: options, font: REGULAR }], size: CARD_SIZE, gapAfter: 1 });
    });
  }
  lines.push({ parts: [{ text: `${BOX} ${words(langs, (w) => w.consent)}`, font: REGULAR }], size: 7, gapAfter: 5 });
  lines.push({ parts: [{ text: `${words(langs, (w) => w.signature)}: ______________________________`, font: REGULAR }], size: CARD_SIZE, gapAfter: 0 });
  return lines;
}

/** The height the lines take at `scale` (a bold label measured as regular text, plus a little). */
function cardHeight(doc: Doc, lines: CardLine[], scale: number, width: number): number {
  let h = 0;
  for (const l of lines) {
    doc.font(l.parts.length > 1 ? REGULAR : l.parts[0]!.font).fontSize(l.size * scale);
    h += doc.heightOfString(l.parts.map((p) => p.text).join(''), { width: l.parts.length > 1 ? width * 0.95 : width, lineGap: 0.5 }) + l.gapAfter * scale;
  }
  return h;
}

/**
 * How the card fits: the scale of its type and the most options a question may show as boxes.
 * The same for every letter in the same languages (only the name differs, on a line of its own).
 */
function cardFit(doc: Doc, a: Addressee, langs: LetterLanguage[], o: LettersPdfOptions, room: number, width: number): { scale: number; writeIn: number } {
  for (const writeIn of [MAX_CARD_OPTIONS, 6, 0]) {
    const lines = cardLines(a, langs, o, writeIn);
    for (const scale of CARD_SCALES) if (cardHeight(doc, lines, scale, width) <= room) return { scale, writeIn };
  }
  return { scale: CARD_SCALES.at(-1)!, writeIn: 0 };
}

/**
 * The reply card: the bottom third of the first page, below a dashed cut line along the fold at
 * 210 mm. With many questions its type gets smaller (down to 72 %), then questions with many
 * answers get a line to write on: the card never runs off its third of the page.
 */
function replyCard(doc: Doc, a: Addressee, langs: LetterLanguage[], o: LettersPdfOptions, fits: Map<string, { scale: number; writeIn: number }>): void {
  const page = doc.page;
  const bottom = page.margins.bottom;
  // The card lies below the text's bottom margin: drawn with a narrow margin, so pdfkit does not
  // take it for text running off the page.
  page.margins.bottom = 2 * MM;
  const cutY = WINDOW_LAYOUT.cardTop * MM;
  doc.font(REGULAR).fontSize(6.5).fillColor(GREY).text(`✂ ${words(langs, (w) => w.cut)}`, LEFT, cutY - 9, { lineBreak: false });
  doc.moveTo(10 * MM, cutY).lineTo(A4.width - 10 * MM, cutY).lineWidth(0.5).dash(3, { space: 2 }).strokeColor(BLACK).stroke().undash();

  const top = cutY + 5 * MM;
  const qrX = A4.width - RIGHT - QR_SIDE;
  const width = qrX - LEFT - 6 * MM;
  doc.fillColor(BLACK).font(BOLD).fontSize(11).text(words(langs, (w) => w.cardTitle), LEFT, top, { width, lineBreak: false });
  doc.font(REGULAR).fontSize(CARD_SIZE).text(`${words(langs, (w) => w.code)}: `, LEFT, top + 15, { width, continued: true }).font(BOLD).fontSize(11).text(a.code, { continued: true }).font(REGULAR).fontSize(CARD_SIZE).text(`   ${a.name}`, { lineBreak: false });
  const linesTop = top + 30;
  const key = langs.join('-');
  let fit = fits.get(key);
  if (!fit) {
    fit = cardFit(doc, a, langs, o, CARD_BOTTOM - linesTop, width);
    fits.set(key, fit);
  }
  doc.x = LEFT;
  doc.y = linesTop;
  for (const l of cardLines(a, langs, o, fit.writeIn)) {
    l.parts.forEach((p, i) => {
      doc.font(p.font).fontSize(l.size * fit.scale).text(p.text, { width, lineGap: 0.5, continued: i < l.parts.length - 1 });
    });
    doc.y += l.gapAfter * fit.scale;
  }

  // The QR code of the response code (what the reply desk's scanner reads), the code under it.
  const m = qrMatrix(a.code);
  const module = QR_SIDE / m.size;
  for (const [row, col, len] of darkRuns(m)) doc.rect(qrX + col * module, top + 2 + row * module, len * module, module);
  doc.fillColor(BLACK).fill();
  doc.font(REGULAR).fontSize(7).text(a.code, qrX, top + QR_SIDE + 5, { width: QR_SIDE, align: 'center', lineBreak: false });
  page.margins.bottom = bottom;
}

/** The text of one language, flowing from (LEFT, y) onto further pages as needed. */
function letterText(doc: Doc, a: Addressee, lang: LetterLanguage, o: LettersPdfOptions, y: number): void {
  const values = placeholderValues(a, lang, o);
  const text = o.material[lang].text;
  doc.fillColor(BLACK).font(BOLD).fontSize(11).text(fillPlaceholders(text.subject, values), LEFT, y, { width: TEXT_WIDTH });
  doc.moveDown(0.6);
  doc.font(REGULAR).fontSize(BODY_SIZE);
  for (const p of paragraphs(fillPlaceholders(text.body, values))) doc.text(p, { width: TEXT_WIDTH, lineGap: 1.2, paragraphGap: 6 });
  const signature = o.settings.signature.trim();
  if (signature) {
    doc.moveDown(1);
    doc.text(signature, { width: TEXT_WIDTH, lineGap: 1.2 });
  }
}

/**
 * The letters of `addressees`, in the order given (sort them by postcode first), as one PDF.
 * A RangeError when the list is empty.
 */
export async function lettersPdf(addressees: readonly Addressee[], o: LettersPdfOptions): Promise<LettersBatch> {
  if (addressees.length === 0) throw new RangeError('There are no letters to make: the list of addressees is empty.');
  const title = `${o.material.nl.assemblyName} — ${o.kind}`;
  const doc = new PDFDocument({
    size: 'A4',
    autoFirstPage: false,
    // No standard font: pdfkit would read Helvetica's metrics from its own folder (absent from
    // the app's bundle); every text here is set in the embedded font.
    font: '',
    margins: { top: TOP, left: LEFT, right: RIGHT, bottom: A4.height - TEXT_BOTTOM },
    info: { Title: title, Author: o.material.nl.assemblyName, Creator: 'Assembly Desk', Producer: 'Assembly Desk (pdfkit)', CreationDate: o.generatedAt, ModDate: o.generatedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  for (const [name, bytes] of Object.entries(fonts())) doc.registerFont(name, bytes);
  let pages = 0;
  doc.on('pageAdded', () => pages++);

  const letters: RenderedLetter[] = [];
  const fits = new Map<string, { scale: number; writeIn: number }>();
  for (const [i, a] of addressees.entries()) {
    if (i > 0 && i % LETTERS_PER_TURN === 0) {
      o.onProgress?.(i);
      // The app keeps answering (the progress bar, a check-in desk) while a mailing is made.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const langs = chooseLetterLanguage(a, o.fallback).languages;
    const first = pages + 1;
    doc.addPage();
    firstPageHead(doc, a, langs, o);
    replyCard(doc, a, langs, o, fits);
    langs.forEach((lang, i) => {
      if (i > 0) doc.addPage();
      letterText(doc, a, lang, o, i === 0 ? FIRST_PAGE_TEXT_TOP : TOP);
    });
    letters.push({ code: a.code, languages: langs, pages: pages - first + 1 });
  }
  doc.end();
  await ended;
  return { bytes: Buffer.concat(chunks), letters, pages };
}

/** The default material of a language (texts of the app, no questions): for samples and tests. */
export function defaultMaterial(kind: LetterKind, assemblyName: string, questions: CardQuestion[] = []): Record<LetterLanguage, LanguageMaterial> {
  const out = {} as Record<LetterLanguage, LanguageMaterial>;
  for (const lang of ['nl', 'fr', 'de', 'en'] as const) out[lang] = { text: DEFAULT_TEXTS[kind][lang], assemblyName, questions };
  return out;
}
