/**
 * PDF rendering with pdfmake 0.3 in Node. One embedded Unicode TrueType family, DejaVu Sans
 * Condensed (npm package dejavu-fonts-ttf; Bitstream Vera licence + public domain: embedding
 * allowed). Chosen because it has every character the reports print: Latin with all its
 * diacritics (Çelik, Łukasz, Nuñez, Ø), the narrow no-break space U+202F that French number
 * formatting puts in "5 300,00 €" (pdfmake's Roboto has none and printed a box), U+00A0, €, the
 * arrows, bullets, ≥, ±, dashes and ellipsis of the charts and texts; the condensed cut keeps
 * Roboto's widths, so the layouts still fit. tests/integration/reports-glyphs.test.ts checks every
 * character of every report against the font's cmap. The standard PDF fonts (WinAnsi only) are
 * never used.
 *
 * The font files are found beside this module's bundle first (the Electron build copies them to
 * out/main/fonts/), then in node_modules/dejavu-fonts-ttf/ttf/ (development, tests). They are
 * read once and handed to pdfmake through its virtual file system; pdfmake is told to read no
 * local file and fetch no URL.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

export const FONT_FAMILY = 'DejaVuSansCondensed';

/**
 * pdfmake's four styles and the file of each. The package's version is pinned exactly in
 * package.json: a font update changes every PDF's bytes and line breaks, so it is a deliberate
 * step (re-run the glyph test and look at the pages).
 */
export const FONT_FILES = {
  normal: 'DejaVuSansCondensed.ttf',
  bold: 'DejaVuSansCondensed-Bold.ttf',
  italics: 'DejaVuSansCondensed-Oblique.ttf',
  bolditalics: 'DejaVuSansCondensed-BoldOblique.ttf',
} as const;

/** The font's licence, shipped beside the files (its terms ask for it to travel with them). */
export const FONT_LICENSE = 'LICENSE';

/** Where the package keeps the files, resolved from node_modules in development. */
export const FONT_PACKAGE_DIR = 'dejavu-fonts-ttf/ttf';

/** The folder, beside the bundle, where scripts/build-electron.mjs copies the font files. */
export const BUNDLED_FONT_DIR = 'fonts';

const moduleDir = (): string => dirname(fileURLToPath(import.meta.url));

/**
 * The folder holding the font files: `<besideDir>/fonts` when it has them all (the bundle), else
 * the package's copy in node_modules (resolved from this module). `besideDir` defaults to this
 * module's folder (out/main in the bundle, main/reports/pdf in development).
 */
export function findFontDir(besideDir: string = moduleDir()): string {
  const beside = join(besideDir, BUNDLED_FONT_DIR);
  if (Object.values(FONT_FILES).every((f) => existsSync(join(beside, f)))) return beside;
  try {
    return dirname(createRequire(import.meta.url).resolve(`${FONT_PACKAGE_DIR}/${FONT_FILES.normal}`));
  } catch {
    throw new Error(`The report font (${FONT_FILES.normal}) was found neither in ${beside} nor in node_modules/dejavu-fonts-ttf.`);
  }
}

/** pdfmake's virtual file system (in the Node build too; not in @types/pdfmake). */
interface VirtualFs {
  existsSync(name: string): boolean;
  writeFileSync(name: string, content: Buffer): void;
}

let fontsLoaded = false;

function loadFonts(): void {
  if (fontsLoaded) return;
  const dir = findFontDir();
  const vfs = (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs;
  for (const file of Object.values(FONT_FILES)) vfs.writeFileSync(file, readFileSync(join(dir, file)));
  // Nothing else is read: no local file, no URL (an offline app; and no surprises from data).
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  fontsLoaded = true;
}

export interface RenderOptions {
  /** Written as the PDF's CreationDate and ModDate; a fixed date makes identical bytes. */
  creationDate: Date;
  title: string;
  author?: string;
  subject?: string;
}

/**
 * Renders a document definition (A4 unless it says otherwise) to PDF bytes. The font family
 * defaults to the embedded DejaVu Sans Condensed.
 */
export async function renderPdf(doc: TDocumentDefinitions, opts: RenderOptions): Promise<Buffer> {
  loadFonts();
  // Each call gets its own descriptors: pdfmake rewrites them while resolving.
  pdfmake.setFonts({ [FONT_FAMILY]: { ...FONT_FILES } });
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    ...doc,
    defaultStyle: { font: FONT_FAMILY, fontSize: 10, ...doc.defaultStyle },
    info: {
      title: opts.title,
      ...(opts.author ? { author: opts.author } : {}),
      ...(opts.subject ? { subject: opts.subject } : {}),
      creator: 'Assembly Desk',
      producer: 'Assembly Desk (pdfmake)',
      creationDate: opts.creationDate,
      modDate: opts.creationDate,
    },
  };
  return pdfmake.createPdf(definition).getBuffer();
}
