/**
 * Files glued together from two sources: an office appends rows typed on an old Windows PC
 * (Windows-1252) to an export in UTF-8. Decoding the whole file as either garbles one half
 * ("HÃ©lÃ¨ne", or "H�l�ne"). Lines are decoded one at a time instead: a line that is valid UTF-8
 * is UTF-8, any other line is Windows-1252. That rule is exact for the usual case (a line is
 * written by one program), but it is a guess, so the rows read as Windows-1252 are named to the
 * officer, who confirms them before anything is written (main/services/imports.ts).
 */
import type { Delimiter } from './csv';

const LF = 0x0a;
const CR = 0x0d;

/** Only for lines already checked (utf8Kind); a BOM inside the file is a character, kept as it is. */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

export interface LineDecoded {
  text: string;
  /** 1-based line numbers of the text decoded as Windows-1252 (lines holding bytes that are not UTF-8). */
  legacyLines: number[];
  /** How many lines hold non-ASCII characters that are valid UTF-8 (0 means: not a mixed file). */
  utf8Lines: number;
}

const isContinuation = (b: number | undefined): boolean => b !== undefined && b >= 0x80 && b <= 0xbf;

/**
 * What bytes[start, end) is: 'ascii', valid 'utf8' with non-ASCII characters, or 'invalid'
 * UTF-8 (overlong forms, surrogates and code points past U+10FFFF included, as the WHATWG
 * decoder refuses them). A scan without exceptions: a fatal TextDecoder throwing on each of
 * 50,000 Windows-1252 lines made a whole-file import a fifth slower.
 */
export function utf8Kind(bytes: Uint8Array, start: number, end: number): 'ascii' | 'utf8' | 'invalid' {
  let ascii = true;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    ascii = false;
    let extra: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) extra = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      extra = 2;
      if (b === 0xe0) low = 0xa0;
      else if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      extra = 3;
      if (b === 0xf0) low = 0x90;
      else if (b === 0xf4) high = 0x8f;
    } else return 'invalid';
    if (i + extra >= end) return 'invalid';
    const second = bytes[i + 1];
    if (second === undefined || second < low || second > high) return 'invalid';
    for (let k = 2; k <= extra; k++) if (!isContinuation(bytes[i + k])) return 'invalid';
    i += extra;
  }
  return ascii ? 'ascii' : 'utf8';
}

/**
 * Decodes line by line. Line breaks are CRLF, LF or a lone CR, as parseCsv reads them; they are
 * ASCII in both encodings, so they are copied as they are. When no line holds UTF-8 beyond
 * ASCII, the file is plain Windows-1252 and is decoded in one piece.
 */
export function decodeLineByLine(bytes: Uint8Array, decodeLegacy: (bytes: Uint8Array) => string): LineDecoded {
  // First pass: where the lines are and what each one is.
  const lines: { start: number; end: number; kind: 'ascii' | 'utf8' | 'invalid' }[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    const b = bytes[i];
    if (i < bytes.length && b !== LF && b !== CR) continue;
    lines.push({ start, end: i, kind: utf8Kind(bytes, start, i) });
    if (b === CR && bytes[i + 1] === LF) i++;
    start = i + 1;
  }
  const legacyLines: number[] = [];
  let utf8Lines = 0;
  lines.forEach((l, index) => {
    if (l.kind === 'invalid') legacyLines.push(index + 1);
    else if (l.kind === 'utf8') utf8Lines += 1;
  });
  if (utf8Lines === 0) return { text: decodeLegacy(bytes), legacyLines, utf8Lines };
  // Mixed: each line in its own encoding, the line breaks copied between them.
  const parts: string[] = [];
  lines.forEach((l, index) => {
    const segment = bytes.subarray(l.start, l.end);
    parts.push(l.kind === 'invalid' ? decodeLegacy(segment) : utf8.decode(segment));
    const next = lines[index + 1];
    if (next) parts.push(utf8.decode(bytes.subarray(l.end, next.start)));
  });
  return { text: parts.join(''), legacyLines, utf8Lines };
}

/**
 * The record (0-based, as parseCsv numbers them) each given line belongs to. A quoted value may
 * hold line breaks, so a record can span several lines; quotes open a value only at the start of
 * a field, as parseCsv reads them.
 */
export function recordsOfLines(text: string, delimiter: Delimiter, lines: number[]): number[] {
  const wanted = new Set(lines);
  const found = new Set<number>();
  let line = 1;
  let record = 0;
  let inQuotes = false;
  let fieldStart = true;
  if (wanted.has(1)) found.add(0);
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      line += 1;
      if (!inQuotes) {
        record += 1;
        fieldStart = true;
      }
      if (wanted.has(line)) found.add(record);
      continue;
    }
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
    } else if (c === delimiter) {
      fieldStart = true;
    } else {
      if (c === '"' && fieldStart) inQuotes = true;
      fieldStart = false;
    }
  }
  return [...found].sort((a, b) => a - b);
}
