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

/** One decoder per call would be wasted: both are stateless with stream: false. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface LineDecoded {
  text: string;
  /** 1-based line numbers of the text decoded as Windows-1252 (lines holding bytes that are not UTF-8). */
  legacyLines: number[];
  /** How many lines hold non-ASCII characters that are valid UTF-8 (0 means: not a mixed file). */
  utf8Lines: number;
}

const isAscii = (bytes: Uint8Array): boolean => {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false;
  return true;
};

/**
 * Decodes line by line. Line breaks are CRLF, LF or a lone CR, as parseCsv reads them; they are
 * ASCII in both encodings, so they are copied as they are.
 */
export function decodeLineByLine(bytes: Uint8Array, decodeLegacy: (line: Uint8Array) => string): LineDecoded {
  const parts: string[] = [];
  const legacyLines: number[] = [];
  let utf8Lines = 0;
  let line = 1;
  let start = 0;
  const flush = (end: number): void => {
    const segment = bytes.subarray(start, end);
    if (isAscii(segment)) {
      parts.push(utf8.decode(segment));
      return;
    }
    try {
      parts.push(utf8.decode(segment));
      utf8Lines += 1;
    } catch {
      parts.push(decodeLegacy(segment));
      legacyLines.push(line);
    }
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b !== LF && b !== CR) continue;
    flush(i);
    const crlf = b === CR && bytes[i + 1] === LF;
    parts.push(crlf ? '\r\n' : b === LF ? '\n' : '\r');
    if (crlf) i++;
    start = i + 1;
    line += 1;
  }
  flush(bytes.length);
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
