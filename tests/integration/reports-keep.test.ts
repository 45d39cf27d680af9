/**
 * Headings kept with what follows them (main/reports/pdf/keep.ts), read back with pdftotext's
 * word boxes: a heading without the room it asks for moves to the next page together with the
 * paragraph under it; with the room it stays, and what follows starts right under it (the
 * spacer that reserved the room takes no place); a page break asked for on the heading still
 * happens. Then the recommendations PDF of the demo at the venue, in nl, fr and en: no page ends
 * with a heading, and every recommendation's heading is on the page of its outcome line.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Content } from 'pdfmake/interfaces';
import { beforeAll, describe, expect, it } from 'vitest';
import { openAssemblyDb } from '../../db/connection';
import { DEMO_SEED, writeDemoAssembly } from '../../main/demo/writeDemo';
import { gatherReportData } from '../../main/reports/data';
import { reportT, type ReportLang } from '../../main/reports/i18n';
import { heading } from '../../main/reports/pdf/charts';
import { keepWithRoom } from '../../main/reports/pdf/keep';
import { renderPdf } from '../../main/reports/pdf/render';
import { forLevel } from '../../main/reports/privacy';
import { recommendationsPdf } from '../../main/reports/recommendationsPdf';
import { useTempDir } from '../helpers/tmp';

interface Line {
  page: number;
  top: number;
  bottom: number;
  text: string;
}

/** Every text line of the PDF with its page and vertical extent (pt from the top). */
function pdfLines(pdf: Buffer): Line[] {
  const dir = mkdtempSync(join(tmpdir(), 'assembly-desk-keep-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const xml = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const lines: Line[] = [];
    xml.split('<page ').slice(1).forEach((page, i) => {
      for (const m of page.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
        const words = [...m[3]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
        lines.push({ page: i + 1, top: Number(m[1]), bottom: Number(m[2]), text: words.join(' ') });
      }
    });
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const filler = (n: number): Content[] => Array.from({ length: n }, (_, i) => ({ text: `Filler line ${i + 1}`, fontSize: 10 }));
const render = (content: Content[]) => renderPdf({ content, pageMargins: [40, 40, 40, 40] }, { creationDate: new Date('2027-01-01T00:00:00Z'), title: 'keep' });
const find = (lines: Line[], text: string): Line => {
  const line = lines.find((l) => l.text === text);
  if (!line) throw new Error(`"${text}" not found in ${lines.map((l) => l.text).join(' | ')}`);
  return line;
};

describe('a heading kept with what follows', () => {
  it('moves to the next page with its paragraph when the room it asks for is not left on the page', async () => {
    // 10 pt lines of about 11.7 pt: 60 of them leave some 60 pt of the 762 pt page, less than 120.
    const lines = pdfLines(await render([...filler(60), heading('Section heading', 2, 120), { text: 'First paragraph under it' }]));
    expect(find(lines, 'Filler line 60').page).toBe(1);
    expect(find(lines, 'Section heading').page).toBe(2);
    expect(find(lines, 'First paragraph under it').page).toBe(2);
    // At the top of the new page: the heading's top margin stayed on the page it left.
    expect(find(lines, 'Section heading').top).toBeLessThan(45);
  });

  it('stays where it is with the room left, and what follows starts right under it', async () => {
    const lines = pdfLines(await render([...filler(40), heading('Section heading', 2, 120), { text: 'First paragraph under it' }, { text: 'Second paragraph' }]));
    const h = find(lines, 'Section heading');
    const p = find(lines, 'First paragraph under it');
    expect(h.page).toBe(1);
    expect(p.page).toBe(1);
    // The heading's bottom margin (4 pt) and no more: the 120 pt reserved were given back.
    expect(p.top - h.bottom).toBeGreaterThanOrEqual(0);
    expect(p.top - h.bottom).toBeLessThan(12);
    expect(find(lines, 'Second paragraph').top - p.bottom).toBeLessThan(4);
  });

  it('keeps any block with the room asked for below it, and a page break asked for on the heading', async () => {
    const block: Content = { stack: [{ text: 'Block title', fontSize: 14 }, { text: 'Block facts' }] };
    const moved = pdfLines(await render([...filler(55), keepWithRoom(block, 100), { text: 'Row after the block' }]));
    expect(find(moved, 'Block title').page).toBe(2);
    expect(find(moved, 'Block facts').page).toBe(2);
    const broken = pdfLines(await render([{ text: 'Cover' }, heading('Results', 1, 80, { pageBreak: 'before' }), { text: 'Under results' }]));
    expect(find(broken, 'Cover').page).toBe(1);
    expect(find(broken, 'Results').page).toBe(2);
    expect(find(broken, 'Under results').page).toBe(2);
  });
});

describe('the recommendations PDF of the demo at the venue', () => {
  const tempDir = useTempDir('assembly-desk-keep-');
  const pdfs = new Map<ReportLang, Buffer>();

  beforeAll(async () => {
    const file = join(tempDir(), 'venue.assembly');
    await writeDemoAssembly(file, { seed: DEMO_SEED, panelSize: 60, stage: 'venue' });
    const { db } = await openAssemblyDb(file);
    try {
      for (const lang of ['nl', 'fr', 'en'] as const) {
        const generatedAt = new Date('2027-03-01T12:00:00Z');
        pdfs.set(lang, await recommendationsPdf(forLevel(gatherReportData(db, generatedAt, lang), 'full'), { level: 'full', lang, generatedAt }));
      }
    } finally {
      db.close();
    }
  }, 120_000);

  it.each(['nl', 'fr', 'en'] as const)('%s: no page ends with a heading; each recommendation heading shares its page with its outcome', (lang) => {
    const lines = pdfLines(pdfs.get(lang)!);
    const pages = Math.max(...lines.map((l) => l.page));
    expect(pages).toBeGreaterThan(3);
    // Headings are 11.5 pt and more (lines over 13 pt high); running text is at most 11 pt.
    const body = (page: number) => lines.filter((l) => l.page === page && l.top > 50 && l.bottom < 800);
    for (let page = 1; page <= pages; page++) {
      const b = body(page);
      if (b.length === 0) continue;
      const last = b.reduce((a, l) => (l.bottom > a.bottom ? l : a));
      expect(last.bottom - last.top, `page ${page} ends with "${last.text}"`).toBeLessThan(13);
    }
    const outcome = reportT(lang)('reports.recommendations.outcome');
    const items = lines.filter((l) => /^R\d+ /.test(l.text) && l.bottom - l.top >= 13);
    expect(items.length).toBeGreaterThanOrEqual(12);
    for (const item of items) {
      const next = lines.find((l) => (l.page > item.page || (l.page === item.page && l.top > item.top)) && l.text.startsWith(`${outcome}:`));
      expect(next?.page, `${item.text}: outcome on page ${next?.page}, heading on ${item.page}`).toBe(item.page);
    }
  });
});
