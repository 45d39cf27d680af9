/**
 * From the bytes of a chosen file to text, and which reader a file needs.
 * Pool files come from recruitment agencies, municipal registers and people's own Excel, so we
 * meet UTF-8 (with and without BOM), Excel's "Unicode text" (UTF-16) and old Windows exports
 * (Windows-1252). The extension is not trusted: people rename files.
 */
import { fileErrors } from './errors';
import { decodeLineByLine } from './lineEncoding';

/** mixed: UTF-8 lines and Windows-1252 lines in one file (see lineEncoding.ts). */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'mixed';

/**
 * Windows-1252's printable characters in 0x80..0x9F (€, curly quotes, Š, Ÿ...). Node 20's
 * TextDecoder('windows-1252') decodes this range as Latin-1 control characters, so a "€" in an old
 * Excel export would silently become U+0080; we map the range ourselves. Bytes 0x81, 0x8D, 0x8F,
 * 0x90 and 0x9D are unassigned and keep their code point, as the WHATWG encoding standard says.
 */
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes).replace(/[\u0080-\u009F]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/** Look at this much of the start of a file to decide whether it is text at all. */
const SNIFF_BYTES = 64 * 1024;

/**
 * NUL never occurs in 8-bit text, and text has few control characters besides tab, line breaks,
 * form feed and the DOS end-of-file mark; a PDF, an image or a database file has many of both.
 */
function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) !== -1) return true;
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) control++;
  }
  return control > end * 0.05;
}

const startsWith = (bytes: Uint8Array, prefix: number[]): boolean => prefix.every((b, i) => bytes[i] === b);

/**
 * Bytes to text without BOM, with the encoding that was recognised. Throws BINARY for non-text.
 * For a mixed file, legacyLines are the (1-based) lines read as Windows-1252.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName; legacyLines?: number[] } {
  // fatal: false for UTF-16 because a BOM is proof enough of the encoding; a stray odd byte at the
  // end should not make the whole file unreadable.
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  if (looksBinary(bytes)) throw fileErrors.binary();
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: every byte sequence is valid Windows-1252, the usual encoding of a CSV that
    // Excel on Windows saved as "CSV (comma delimited)". Line by line, because some files are
    // UTF-8 with Windows-1252 rows appended: each half must keep its accents.
    const decoded = decodeLineByLine(bytes, decodeWindows1252);
    if (decoded.utf8Lines === 0) return { text: decoded.text, encoding: 'windows-1252' };
    return { text: decoded.text, encoding: 'mixed', legacyLines: decoded.legacyLines };
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Whether the file needs the Excel reader or the CSV reader, by its first bytes. The file name is
 * only used in messages by callers; a "pool.csv" that is really a workbook is read as a workbook.
 */
export function sniffKind(bytes: Uint8Array, _fileName: string): 'csv' | 'xlsx' {
  if (bytes.length === 0) throw fileErrors.empty();
  if (startsWith(bytes, ZIP_MAGIC)) return 'xlsx';
  if (startsWith(bytes, OLE_MAGIC.slice(0, 4))) {
    // A password-protected .xlsx is stored in the same container format as an old .xls; telling
    // the two apart saves the officer from re-saving a file that is already .xlsx.
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.includes(Buffer.from('EncryptedPackage', 'utf16le'))) throw fileErrors.encrypted();
    throw fileErrors.oldXls();
  }
  return 'csv';
}
