/**
 * Every glyph prints: every PDF the app makes of the venue demo (the five reports at every privacy
 * level, badges, sign-in sheet, programme, session schedule, table plans) in every language is read
 * back; every character of its text must be in the cmap of each style of the embedded font, and no
 * glyph may be drawn as .notdef (the box a font prints for a character it lacks; pdftotext reads
 * that as a space, so it is counted in the content streams). With pdfmake's Roboto, the French
 * thousands separator (U+202F, narrow no-break space) printed as a box: "5▯ 300,00 €".
 */
import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAppRegistry } from '../../main/api';
import type { ArgsOf, MethodName, ResultOf } from '../../main/apiTypes';
import { AppContext } from '../../main/context';
import { DEMO_SEED, writeDemo } from '../../main/demo/writeDemo';
import { findFontDir, FONT_FILES } from '../../main/reports/pdf/render';
import { LANGUAGES, REPORT_NAMES } from '../../preload/vocabulary';
import { notdefGlyphs, pdfFonts, pdfText } from '../helpers/pdf';
import { useTempDir } from '../helpers/tmp';

interface FontkitFont {
  characterSet: number[];
}
const fontkit = createRequire(import.meta.url)('fontkit') as { openSync(path: string): FontkitFont };

const CLOCK = '2026-03-14T10:30:00.000Z';
const tempDir = useTempDir('assembly-desk-glyphs-');

/** Every PDF of the venue demo, by file name. */
const pdfs = new Map<string, Buffer>();

beforeAll(async () => {
  const dir = tempDir();
  const file = join(dir, 'venue.assembly');
  await writeDemo(join(dir, 'demo.assembly'), { seed: DEMO_SEED, panelSize: 60, stage: 'venue' });
  copyFileSync(join(dir, 'demo.assembly'), file);
  const registry = createAppRegistry(() => {});
  const ctx = new AppContext('cli', dir, undefined, () => new Date(CLOCK));
  ctx.operator = 'glyph test';
  const call = async <M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> => {
    const r = await registry.call(method, args, ctx);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.data as ResultOf<M>;
  };
  const keep = (name: string, f: { contentBase64?: string }) => pdfs.set(name, Buffer.from(f.contentBase64 ?? '', 'base64'));
  await call('app.openAssembly', { path: file });
  const sessions = (await call('sessions.list', {})) as { id: string }[];
  for (const lang of LANGUAGES) {
    for (const level of ['full', 'pseudonymised', 'aggregate'] as const) {
      for (const report of REPORT_NAMES.filter((r) => r !== 'workbook')) keep(`${report}-${level}-${lang}`, await call('reports.export', { report, format: 'pdf', level, lang }));
    }
    keep(`badges-${lang}`, await call('attendance.badges', { lang }));
    keep(`signin-${lang}`, await call('attendance.signInSheet', { sessionId: sessions[0]!.id, lang }));
    keep(`programme-${lang}`, await call('agenda.exportPdf', { kind: 'programme', lang }));
    keep(`schedule-${lang}`, await call('agenda.exportPdf', { kind: 'schedule', sessionId: sessions[0]!.id, lang }));
    const plans = (await call('tables.list', { sessionId: sessions[0]!.id })) as { id: string }[];
    for (const kind of ['facilitators', 'wall'] as const) keep(`tables-${kind}-${lang}`, await call('tables.exportPdf', { planId: plans[0]!.id, kind, lang }));
  }
  await call('app.closeAssembly', {});
}, 600_000);

describe('the embedded font has every character the PDFs print', () => {
  const dir = findFontDir();
  const styles = Object.entries(FONT_FILES).map(([style, f]) => ({ style, chars: new Set(fontkit.openSync(join(dir, f)).characterSet) }));

  it('finds each character of each PDF, in every language and at every level, in every style of the font', () => {
    expect(pdfs.size).toBe(LANGUAGES.length * (3 * (REPORT_NAMES.length - 1) + 6));
    const missing = new Map<string, Set<string>>();
    const seen = new Set<string>();
    for (const [name, pdf] of pdfs) {
      for (const ch of new Set(pdfText(pdf))) {
        if (ch === '\n' || ch === '\f') continue; // pdftotext's line and page breaks
        seen.add(ch);
        for (const { style, chars } of styles) {
          if (!chars.has(ch.codePointAt(0)!)) missing.set(`${name} (${style})`, (missing.get(`${name} (${style})`) ?? new Set()).add(`U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`));
        }
      }
    }
    expect(Object.fromEntries([...missing].map(([k, v]) => [k, [...v]]))).toEqual({});
    // The characters this check is about are really among those printed (pdftotext reads
    // U+202F as a plain space: the .notdef count below is what catches a missing one).
    for (const ch of ['€', 'é', 'ç', 'Ç', 'ł', '–', '—', '’', '●']) expect(seen, `U+${ch.codePointAt(0)!.toString(16)}`).toContain(ch);
  }, 180_000);

  it('draws no glyph as the .notdef box', () => {
    const boxes = Object.fromEntries([...pdfs].map(([name, pdf]) => [name, notdefGlyphs(pdf)]).filter(([, n]) => n !== 0));
    expect(boxes).toEqual({});
  }, 60_000);

  it('prints the French thousands separator and keeps the space after it', () => {
    const text = pdfText(pdfs.get('recommendations-aggregate-fr')!);
    // Roboto drew a box there and lost the space after it: "parmi 1▯500personnes".
    expect(text).toMatch(/parmi 1[\s\u202F]500 personnes/);
  });

  it('embeds the chosen font in every PDF, and no standard PDF font', () => {
    for (const [name, pdf] of [...pdfs].filter(([n]) => n.endsWith('-fr'))) {
      for (const f of pdfFonts(pdf)) {
        expect(f.name, name).toMatch(/DejaVuSansCondensed/);
        expect(f.embedded, name).toBe(true);
      }
    }
  }, 60_000);
});
