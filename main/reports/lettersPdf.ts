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
 * pdfmake lays out every letter of the batch at once; the pages each letter took are read back
 * from the positions pdfmake records on each node.
 */
import type { Content, ContentStack, TDocumentDefinitions } from 'pdfmake/interfaces';
import { DEFAULT_TEXTS, LETTER_WORDS, longDate, type LetterWords } from '../domain/recruitment/letters/defaults';
import { chooseLetterLanguage } from '../domain/recruitment/letters/language';
import { fillPlaceholders, type PlaceholderValues } from '../domain/recruitment/letters/placeholders';
import type { Addressee, LetterKind, LetterLanguage, LetterSettings, LetterText } from '../domain/recruitment/letters/types';
import { A4, MM } from './pdf/layout';
import { renderPdf } from './pdf/render';
import { qrCanvas } from './qr';

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
/** The text stays above the card (ends 5 mm above the fold at 210 mm). */
const TEXT_BOTTOM_MM = 205;
const BOTTOM = A4.height - TEXT_BOTTOM_MM * MM;
/** On the first page the text starts below the first fold. */
const FIRST_PAGE_TEXT_TOP = 106 * MM;
const ADDRESS_SIZE = 10;
const ADDRESS_LINES = 6;
const QR_SIDE = 24 * MM;
const BODY_SIZE = 9.5;
const CARD_SIZE = 8;

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
}

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

function placeholderValues(a: Addressee, lang: LetterLanguage, o: LettersPdfOptions): PlaceholderValues {
  const m = o.material[lang];
  return {
    name: a.name,
    code: a.code,
    deadline: o.settings.deadline ? longDate(o.settings.deadline, lang) : LETTER_WORDS[lang].noDeadline,
    contact: o.settings.contact.replace(/\s*\n\s*/g, ', '),
    assembly: m.assemblyName,
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

/** The text of one language: subject, body and signature, flowing from wherever it starts. */
function letterText(a: Addressee, lang: LetterLanguage, o: LettersPdfOptions): Content[] {
  const values = placeholderValues(a, lang, o);
  const text = o.material[lang].text;
  const out: Content[] = [{ text: fillPlaceholders(text.subject, values), bold: true, fontSize: 11, margin: [0, 0, 0, 10] }];
  for (const p of paragraphs(fillPlaceholders(text.body, values))) out.push({ text: p, margin: [0, 0, 0, 6] });
  const signature = o.settings.signature.trim();
  if (signature) out.push({ text: signature, margin: [0, 14, 0, 0] });
  return out;
}

/** Words in one language, or both of a bilingual letter joined ("Antwoordkaart / Coupon-réponse"). */
function words(langs: LetterLanguage[], pick: (w: LetterWords) => string): string {
  return langs.map((l) => pick(LETTER_WORDS[l])).join(' / ');
}

function fillWord(langs: LetterLanguage[], pick: (w: LetterWords) => string, a: Addressee, o: LettersPdfOptions): string {
  return langs.map((l) => fillPlaceholders(pick(LETTER_WORDS[l]), placeholderValues(a, l, o))).join(' / ');
}

/** The sender's block at the top left and the return line just above the address. */
function senderBlock(a: Addressee, langs: LetterLanguage[], o: LettersPdfOptions): Content[] {
  const lines = o.settings.sender.split('\n').map((l) => l.trim()).filter(Boolean);
  const name = langs.map((l) => o.material[l].assemblyName).filter((n, i, all) => all.indexOf(n) === i).join(' / ');
  const out: Content[] = [
    { text: name, bold: true, fontSize: 13, absolutePosition: { x: LEFT, y: 15 * MM } },
  ];
  if (lines.length > 0) {
    out.push({ text: lines.join('\n'), fontSize: 8, color: '#444444', absolutePosition: { x: LEFT, y: 22 * MM } });
    // The return line sits at the bottom of the return and notes zone, just above the address.
    out.push({ text: lines.join(' · '), fontSize: 6.5, absolutePosition: { x: WINDOW_LAYOUT.textLeft * MM, y: (WINDOW_LAYOUT.addressTop - 4) * MM } });
  }
  const addressLines = [a.name, ...a.addressLines.filter((l) => l.trim() !== ''), `${a.postcode} ${a.municipality}`.trim()].slice(0, ADDRESS_LINES);
  out.push({ text: addressLines.join('\n'), fontSize: ADDRESS_SIZE, lineHeight: 1, absolutePosition: { x: WINDOW_LAYOUT.textLeft * MM, y: WINDOW_LAYOUT.addressTop * MM } });
  const info = [
    ...langs.map((l) => longDate(o.letterDate, l)).filter((d, i, all) => all.indexOf(d) === i),
    `${words(langs, (w) => w.code)}: ${a.code}`,
  ];
  out.push({ text: info.join('\n'), fontSize: 9, absolutePosition: { x: 125 * MM, y: 50 * MM } });
  return out;
}

/** The fold mark at 105 mm in the left margin (the second fold is the card's cut line). */
function foldMark(): Content {
  return { absolutePosition: { x: 0, y: 0 }, canvas: [{ type: 'line', x1: 4 * MM, y1: 105 * MM, x2: 9 * MM, y2: 105 * MM, lineWidth: 0.4 }] };
}

/**
 * The reply card: the bottom third of the first page, below a dashed cut line along the fold at
 * 210 mm. It is the page's footer (pdfmake lays footers out after the text, in the bottom
 * margin: the text can never run into it).
 */
function replyCard(a: Addressee, langs: LetterLanguage[], o: LettersPdfOptions): Content {
  const qr = qrCanvas(a.code, QR_SIDE, 0, 0);
  const lines: Content[] = [
    { text: words(langs, (w) => w.cardTitle), bold: true, fontSize: 11 },
    { text: fillWord(langs, (w) => w.cardReturn, a, o), fontSize: CARD_SIZE, margin: [0, 1, 0, 3] },
    { text: [`${words(langs, (w) => w.code)}: `, { text: a.code, bold: true, fontSize: 11 }, `   ${a.name}`], fontSize: CARD_SIZE, margin: [0, 0, 0, 4] },
    // Bilingual answers each on a line of their own: side by side they would wrap mid-answer.
    { text: `${BOX} ${words(langs, (w) => w.yes)}${langs.length > 1 ? '\n' : '      '}${BOX} ${words(langs, (w) => w.no)}`, fontSize: 9, bold: true, margin: [0, 0, 0, 4] },
  ];
  const questionSets = langs.map((l) => o.material[l].questions);
  if (questionSets[0]!.length > 0) {
    lines.push({ text: words(langs, (w) => w.questions), fontSize: CARD_SIZE, italics: true, margin: [0, 0, 0, 1] });
    questionSets[0]!.forEach((q, qi) => {
      const question = questionSets.map((set) => set[qi]!.question).filter((v, i, all) => all.indexOf(v) === i).join(' / ');
      const options =
        q.options.length <= MAX_CARD_OPTIONS
          ? q.options.map((_, oi) => `${BOX}\u00a0${questionSets.map((set) => set[qi]!.options[oi]).filter((v, i, all) => all.indexOf(v) === i).join(' / ')}`).join('   ')
          : '______________________________';
      lines.push({ text: [{ text: `${question}: `, bold: true }, options], fontSize: CARD_SIZE, margin: [0, 0, 0, 1.5] });
    });
  }
  lines.push({ text: `${BOX} ${words(langs, (w) => w.consent)}`, fontSize: 7, margin: [0, 3, 0, 5] });
  lines.push({ text: `${words(langs, (w) => w.signature)}: ______________________________`, fontSize: CARD_SIZE });
  const cutGap = (WINDOW_LAYOUT.cardTop - TEXT_BOTTOM_MM) * MM;
  return {
    stack: [
      { text: `✂ ${words(langs, (w) => w.cut)}`, fontSize: 6.5, color: '#555555', margin: [LEFT, cutGap - 9, 0, 0], lineHeight: 1 },
      { canvas: [{ type: 'line', x1: 10 * MM, y1: 0, x2: A4.width - 10 * MM, y2: 0, lineWidth: 0.5, dash: { length: 3, space: 2 } }] },
      {
        columns: [
          { width: '*', stack: lines },
          { width: QR_SIDE, stack: [{ canvas: qr.rects }, { text: a.code, fontSize: 7, alignment: 'center', margin: [0, 3, 0, 0] }] },
        ],
        columnGap: 6 * MM,
        margin: [LEFT, 5 * MM, RIGHT, 0],
      },
    ],
  };
}

/** One letter: its first page's fixed parts, then the text of each language (the second on a new page). */
function letter(a: Addressee, langs: LetterLanguage[], o: LettersPdfOptions, first: boolean): ContentStack {
  const stack: Content[] = [...senderBlock(a, langs, o), foldMark()];
  langs.forEach((lang, i) => {
    const text = letterText(a, lang, o);
    stack.push(i === 0 ? { stack: text, margin: [0, FIRST_PAGE_TEXT_TOP - TOP, 0, 0] } : { stack: text, pageBreak: 'before' });
  });
  return { stack, ...(first ? {} : { pageBreak: 'before' as const }) };
}

interface Positioned {
  positions?: { pageNumber: number }[];
}

/** The first and last page a laid-out node was drawn on. */
function pageSpan(node: Positioned): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of node.positions ?? []) {
    lo = Math.min(lo, p.pageNumber);
    hi = Math.max(hi, p.pageNumber);
  }
  return [lo, hi];
}

/**
 * The letters of `addressees`, in the order given (sort them by postcode first), as one PDF.
 * A RangeError when the list is empty.
 */
export async function lettersPdf(addressees: readonly Addressee[], o: LettersPdfOptions): Promise<LettersBatch> {
  if (addressees.length === 0) throw new RangeError('There are no letters to make: the list of addressees is empty.');
  const langsOf = addressees.map((a) => chooseLetterLanguage(a, o.fallback).languages);
  const nodes = addressees.map((a, i) => letter(a, langsOf[i]!, o, i === 0));
  // The footer is laid out after the text, when every letter's pages are known: the first page
  // of each letter gets its card.
  let firstPages: Map<number, number> | null = null;
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [LEFT, TOP, RIGHT, BOTTOM],
    defaultStyle: { fontSize: BODY_SIZE, lineHeight: 1.12 },
    content: nodes,
    footer: (page: number) => {
      firstPages ??= new Map(nodes.map((n, i) => [pageSpan(n as Positioned)[0], i]));
      const i = firstPages.get(page);
      return i === undefined ? null : replyCard(addressees[i]!, langsOf[i]!, o);
    },
  };
  const bytes = await renderPdf(doc, {
    creationDate: o.generatedAt,
    title: `${o.material.nl.assemblyName} — ${o.kind}`,
    author: o.material.nl.assemblyName,
  });
  // Every letter starts on a page of its own: its pages run to the page before the next letter's.
  const spans = nodes.map((n) => pageSpan(n as Positioned));
  const total = Math.max(...spans.map((s) => s[1]));
  const letters = addressees.map((a, i) => {
    const start = spans[i]![0];
    const end = i + 1 < spans.length ? spans[i + 1]![0] - 1 : total;
    return { code: a.code, languages: langsOf[i]!, pages: end - start + 1 };
  });
  return { bytes, letters, pages: total };
}

/** The default material of a language (texts of the app, no questions): for samples and tests. */
export function defaultMaterial(kind: LetterKind, assemblyName: string, questions: CardQuestion[] = []): Record<LetterLanguage, LanguageMaterial> {
  const out = {} as Record<LetterLanguage, LanguageMaterial>;
  for (const lang of ['nl', 'fr', 'de', 'en'] as const) out[lang] = { text: DEFAULT_TEXTS[kind][lang], assemblyName, questions };
  return out;
}
