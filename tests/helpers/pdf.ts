/**
 * Reading PDFs back in tests with poppler-utils (pdftotext, pdfinfo, pdftoppm): text, page
 * count, metadata and pictures. The pictures go to tests/artifacts/reports/ (git-ignored) so
 * that a person can look at them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';

export const ARTIFACTS = fileURLToPath(new URL('../artifacts/reports/', import.meta.url));

function withPdfFile<T>(pdf: Buffer, run: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'assembly-desk-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return run(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of the PDF (or of one page), as pdftotext extracts it; `layout` keeps the columns. */
export function pdfText(pdf: Buffer, o: { page?: number; layout?: boolean } = {}): string {
  return withPdfFile(pdf, (file) => {
    const args = [...(o.layout ? ['-layout'] : []), ...(o.page ? ['-f', String(o.page), '-l', String(o.page)] : []), '-enc', 'UTF-8', file, '-'];
    return execFileSync('pdftotext', args, { encoding: 'utf8' });
  });
}

/** pdfinfo's fields ("Pages", "Page size", "CreationDate", "Title"...). */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  return withPdfFile(pdf, (file) => {
    const out = execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' });
    const info: Record<string, string> = {};
    for (const line of out.split('\n')) {
      const m = /^([^:]+):\s*(.*)$/.exec(line);
      if (m) info[m[1]!.trim()] = m[2]!.trim();
    }
    return info;
  });
}

export const pageCount = (pdf: Buffer): number => Number(pdfInfo(pdf).Pages);

/** Fonts used by the PDF (pdffonts): name, type, embedded. */
export function pdfFonts(pdf: Buffer): { name: string; type: string; embedded: boolean }[] {
  return withPdfFile(pdf, (file) => {
    const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
    return lines.map((l) => {
      const cols = l.trim().split(/\s+/);
      // name type [encoding...] emb sub uni object ID
      const emb = cols[cols.length - 5];
      return { name: cols[0]!, type: cols[1]!, embedded: emb === 'yes' };
    });
  });
}

/** Writes PNG pictures of every page into tests/artifacts/reports/<name>-<page>.png. */
export function savePictures(pdf: Buffer, name: string, dpi = 50): string[] {
  mkdirSync(ARTIFACTS, { recursive: true });
  return withPdfFile(pdf, (file) => {
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), file, join(ARTIFACTS, name)]);
    const pages = pageCount(pdf);
    const width = String(pages).length;
    // pdftoppm numbers pages with as many digits as the page count has.
    return Array.from({ length: pages }, (_, i) => join(ARTIFACTS, `${name}-${String(i + 1).padStart(width, '0')}.png`));
  });
}

/** A page as a grey-level image (pdftoppm -gray, PGM): `at(x, y)` is 0 (black) to 255 (white). */
export interface GreyImage {
  width: number;
  height: number;
  at: (x: number, y: number) => number;
}

export function pageImage(pdf: Buffer, page: number, dpi: number): GreyImage {
  return withPdfFile(pdf, (file, dir) => {
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, join(dir, 'page')]);
    return parsePgm(readFileSync(join(dir, 'page.pgm')));
  });
}

/** A binary PGM (P5, 8 bits). */
export function parsePgm(bytes: Buffer): GreyImage {
  let pos = 0;
  const token = (): string => {
    for (;;) {
      while (/\s/.test(String.fromCharCode(bytes[pos]!))) pos++;
      if (bytes[pos] === 0x23) while (bytes[pos] !== 0x0a) pos++;
      else break;
    }
    const start = pos;
    while (!/\s/.test(String.fromCharCode(bytes[pos]!))) pos++;
    return bytes.subarray(start, pos).toString('latin1');
  };
  if (token() !== 'P5') throw new Error('not a binary PGM');
  const width = Number(token());
  const height = Number(token());
  const max = Number(token());
  if (max !== 255) throw new Error(`unexpected PGM depth ${max}`);
  pos++; // one whitespace after the header
  const pixels = bytes.subarray(pos, pos + width * height);
  return { width, height, at: (x, y) => pixels[y * width + x]! };
}

/**
 * How many glyphs the PDF's text draws with glyph 0 (.notdef, the "tofu" box): what pdfkit writes
 * for a character its font lacks. pdftotext reads those as a space (their ToUnicode entry is
 * U+0000), so a missing glyph cannot be seen in the extracted text; it is counted here in the
 * content streams instead (pdfkit writes text as 4-hex-digit glyph ids in TJ arrays).
 */
export function notdefGlyphs(pdf: Buffer): number {
  const raw = pdf.toString('latin1');
  let count = 0;
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue; // not a deflated stream (or not ours)
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      for (const hex of tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)) {
        for (let i = 0; i < hex[1]!.length; i += 4) if (hex[1]!.slice(i, i + 4) === '0000') count++;
      }
    }
  }
  return count;
}
