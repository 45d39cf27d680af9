/**
 * What the public report must contain (issue 17), on a real assembly file (the venue demo, which
 * carries realistic values for every field): the population figures' source and year, the
 * eligibility rules and the invitation method, declines and withdrawals with their reasons and
 * replacements and the drop-out by group, the invited politicians and whether they came, the
 * experts with their material, the full counts and turnout per item, the costs; the invitations
 * funnel's marked place. Read back from the public report PDF (pdftotext) and the workbook
 * (exceljs) in nl, fr and en, at the aggregate level (no person, small cells) and the others.
 * Facts entered through the API appear; bad input gets a specific error and writes nothing.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportT, type ReportLang } from '../../main/reports/i18n';
import { makeApp } from '../helpers/app';
import { pdfText, savePictures } from '../helpers/pdf';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir('assembly-desk-report-contents-');
type App = ReturnType<typeof makeApp>;
/** After the first weekend (16–17 January 2027), before the third session's hearing. */
const CLOCK = () => new Date('2027-01-20T12:00:00Z');
const LANGS: ReportLang[] = ['nl', 'fr', 'en'];
/** pdftotext breaks lines and may justify: compare with single spaces. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

async function venue(): Promise<App> {
  const app = makeApp(tempDir(), 'Operator A', CLOCK);
  await app.call('app.openDemo', { stage: 'venue' });
  return app;
}

async function exportFile(app: App, report: 'publicReport' | 'workbook', level: 'full' | 'pseudonymised' | 'aggregate', lang: ReportLang): Promise<Buffer> {
  const file = await app.call('reports.export', { report, format: report === 'workbook' ? 'xlsx' : 'pdf', level, lang });
  return Buffer.from(file.contentBase64, 'base64');
}

async function sheet(bytes: Buffer, name: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name} in ${wb.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
}

const rowsOf = (ws: ExcelJS.Worksheet): unknown[][] => {
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
};

describe('the public report of the venue demo', () => {
  let app: App;
  const texts = new Map<string, string>();
  beforeAll(async () => {
    app = await venue();
    for (const lang of LANGS) {
      for (const level of ['aggregate', 'full'] as const) {
        const pdf = await exportFile(app, 'publicReport', level, lang);
        // Rows as laid out (a label beside its figure), and the text in reading order (a cell's
        // words together even where the cell wraps).
        texts.set(`${lang}/${level}`, flat(pdfText(pdf, { layout: true })));
        texts.set(`${lang}/${level}/raw`, flat(pdfText(pdf)));
        if (level === 'aggregate') savePictures(pdf, `public-report-${lang}-aggregate`);
      }
    }
  }, 120_000);

  it("prints each recommendation's rationale in the report's language, in the public report and the recommendations report", async () => {
    const fr = texts.get('fr/aggregate/raw')!;
    expect(fr).toMatch(/R1\. Pourquoi les membres le proposent\s?: Les gros dons achètent un accès\./);
    const nl = texts.get('nl/aggregate/raw')!;
    expect(nl).toContain('R1. Waarom de leden dit voorstellen: Grote giften kopen toegang.');
    const recommendations = await app.call('reports.export', { report: 'recommendations', format: 'pdf', level: 'aggregate', lang: 'fr' });
    const text = flat(pdfText(Buffer.from(recommendations.contentBase64, 'base64')));
    expect(text).toContain('Pourquoi les membres le proposent');
    expect(text).toContain('Les citoyens ne peuvent pas juger ce qu’ils ne voient pas.');
  });

  it.each(LANGS)('states every required fact in %s at the aggregate level', (lang) => {
    const t = reportT(lang);
    const text = texts.get(`${lang}/aggregate/raw`)!;
    const rows = texts.get(`${lang}/aggregate`)!;
    // Recruitment basis, entered in the demo.
    expect(text).toContain(t('publicReport.facts.populationSource'));
    expect(text).toContain('Statbel, population by age, sex, region and education level');
    expect(text).toContain('2025');
    expect(text).toContain('listed in the National Register');
    expect(text).toContain('10,000 letters');
    // The invitations funnel's marked place.
    expect(text).toContain(flat(t('publicReport.invitationsNotRecorded')));
    // Declines and withdrawals: counts, reasons, drop-out by group.
    expect(text).toContain(t('publicReport.sections.drops'));
    expect(rows).toMatch(new RegExp(`${t('publicReport.facts.declined')} 6`));
    expect(text).toContain(t('publicReport.reasons.time'));
    expect(text).toContain(t('publicReport.sections.dropOut'));
    // Politicians: the leader who accepted is expected at the hearing ahead; the other is invited.
    expect(text).toContain('Party leader A');
    expect(text).toContain(t('publicReport.appearances.confirmed'));
    expect(text).toContain(t('publicReport.appearances.invited'));
    // Experts with their material.
    expect(text).toContain('How Belgian parties are funded today');
    expect(text).toContain('lemaire-audit.pptx');
    // Full counts and turnout.
    expect(text).toContain(t('publicReport.sections.votes'));
    // A narrow column's header may wrap, its words read between the other headers' lines.
    for (const word of t('publicReport.columns.turnout').split(' ')) expect(text).toContain(word);
    // Costs.
    expect(text).toContain('Conference centre, six days');
    expect(text).toContain(t('publicReport.costCategories.perDiem'));
  });

  it('prints votes in full but suppresses small counts of people at the aggregate level', () => {
    const text = texts.get('en/aggregate')!;
    // Two withdrew: a count of people under 5.
    expect(text).toMatch(/Withdrew after confirming \[c\]/);
    // The votes of the first recommendation: "For 4x" and so on, never "<5".
    const votes = text.slice(text.indexOf('Votes: full counts and turnout'));
    expect(votes).toMatch(/R1\. .*For \d+ · Against \d+ · Abstain \d+/);
    expect(votes.slice(0, votes.indexOf('Costs'))).not.toContain('[c]');
  });

  it('names no person who declined at the aggregate level, and gives their reason in words only in full', async () => {
    const aggregate = texts.get('en/aggregate')!;
    const full = texts.get('en/full')!;
    const left = [...(await app.call('people.list', { status: 'declined' })).rows, ...(await app.call('people.list', { status: 'withdrawn' })).rows];
    expect(left).toHaveLength(8);
    for (const p of left) {
      expect(full).toContain(p.code);
      expect(aggregate).not.toContain(p.code);
    }
    expect(full).toContain('Cares for a parent at home');
    expect(full).toContain('Reason in their words');
    expect(aggregate).not.toContain('Cares for a parent at home');
    expect(aggregate).not.toContain('Reason in their words');
  });

  it.each(LANGS)('puts the facts in the workbook in %s, with numbers as numbers', async (lang) => {
    const t = reportT(lang);
    const bytes = await exportFile(app, 'workbook', 'aggregate', lang);
    const process = rowsOf(await sheet(bytes, t('report.sheets.process')));
    expect(process).toContainEqual([t('publicReport.facts.populationSource'), 'Statbel, population by age, sex, region and education level']);
    expect(process).toContainEqual([t('publicReport.facts.populationYear'), '2025']);
    expect(process).toContainEqual([t('publicReport.facts.invitations'), t('publicReport.invitationsNotRecorded')]);
    expect(process).toContainEqual([t('publicReport.facts.declined'), '6']);
    // Two withdrew: a small count of people, left empty (with the legend's note).
    expect(process.find((r) => r[0] === t('publicReport.facts.withdrawn'))?.[1] ?? null).toBeNull();

    const costs = rowsOf(await sheet(bytes, t('report.sheets.costs')));
    expect(costs).toContainEqual(['Conference centre, six days', t('publicReport.costCategories.venue'), 18_000]);
    // The demo pays childcare to fewer than five people: the per-diem table withholds its total,
    // so the costs withhold the per-diem line and the total (either would give childcare back),
    // empty with the legend; the other lines are printed.
    const totalAt = costs.findIndex((r) => r[0] === t('report.columns.total'));
    expect(costs[totalAt]![2] ?? null).toBeNull();
    expect(costs[1]![0]).toBe(t('publicReport.costCategories.perDiem'));
    expect(costs[1]![2] ?? null).toBeNull();
    expect(String(costs.at(-1)![0])).toBe(t('report.suppressedLegend'));
    expect(process.find((r) => r[0] === t('publicReport.facts.totalCost'))?.[1] ?? null).toBeNull();
    if (lang === 'en') {
      // The PDF likewise: "[c]" for the per-diem line and the total at the aggregate level, amounts in full.
      expect(texts.get('en/aggregate')).toMatch(/Members’ per-diem \(attendance, travel, childcare\) \[c\]/);
      expect(texts.get('en/aggregate')).toMatch(/Total \[c\]/);
      expect(texts.get('en/full')).toMatch(/Members’ per-diem \(attendance, travel, childcare\) €[\d,]+\.\d\d/);
    }
    // In full, the total is the sum of the lines.
    const fullCosts = rowsOf(await sheet(await exportFile(app, 'workbook', 'full', lang), t('report.sheets.costs')));
    const total = fullCosts[fullCosts.length - 1]!;
    expect(total[0]).toBe(t('report.columns.total'));
    const lines = fullCosts.slice(1, -1).map((r) => r[2] as number);
    expect(total[2]).toBeCloseTo(lines.reduce((s, n) => s + n, 0), 2);

    const turnout = rowsOf(await sheet(bytes, t('report.sheets.turnout')));
    const r1 = turnout.find((r) => r[1] === 'R1')!;
    const [forVotes, against, abstain, , blank, spoilt, papers, present, rate] = r1.slice(3) as [number, number, number, null, number, number, number, number, number];
    expect(papers).toBe(forVotes + against + abstain + blank + spoilt);
    expect(rate).toBeCloseTo(papers / present, 10);

    const materials = rowsOf(await sheet(bytes, t('report.sheets.materials')));
    expect(materials.some((r) => r[3] === 'What other countries do' && r[5] === 'https://example.org/video/peeters-comparison')).toBe(true);

    const dropOut = rowsOf(await sheet(bytes, t('report.sheets.dropOut')));
    expect(dropOut.length).toBeGreaterThan(10);
  });
});

describe('entering the facts', () => {
  it('shows what was entered in the exported reports', async () => {
    const app = await venue();
    await app.call('reportFacts.setRecruitment', { populationSource: 'IBSA Brussels census', populationYear: 2024, eligibility: 'Brussels residents aged 16+', invitationMethod: 'Letters and door-to-door visits' });
    await app.call('reportFacts.addCost', { label: 'Childminders on site', amountCents: 123_456, category: 'other' });
    const { appearances } = await app.call('reportFacts.get', {});
    const overview = await app.call('agenda.overview', {});
    const leaderA = overview.contributors.find((c) => c.name === 'Party leader A')!;
    const hearing = appearances.find((a) => a.contributorId === leaderA.id)!;
    await app.call('reportFacts.setAppearance', { slotId: hearing.slotId, contributorId: leaderA.id, appearance: 'came' });
    await app.call('reportFacts.addMaterial', { contributorId: leaderA.id, title: 'Party A position paper', kind: 'paper', link: 'party-a.pdf' });

    const nl = flat(pdfText(await exportFile(app, 'publicReport', 'aggregate', 'nl'), { layout: true }));
    expect(nl).toContain('IBSA Brussels census');
    expect(nl).toContain('2024');
    expect(nl).toContain('Letters and door-to-door visits');
    expect(nl).toMatch(/Childminders on site Andere € 1\.234,56/);
    expect(nl).toContain('Was aanwezig');
    expect(nl).toContain('Party A position paper');

    const fr = await exportFile(app, 'workbook', 'aggregate', 'fr');
    const t = reportT('fr');
    expect(rowsOf(await sheet(fr, t('report.sheets.politicians'))).some((r) => r[0] === 'Party leader A' && r[6] === t('publicReport.appearances.came'))).toBe(true);
  });

  it('records the reason a person declined, from the list, and counts it', async () => {
    const app = await venue();
    const page = await app.call('people.list', { status: 'confirmed', limit: 1 });
    const person = page.rows[0]!;
    const detail = await app.call('people.setStatus', { id: person.id, status: 'withdrawn', date: '2027-01-18', reason: 'Broke a leg', reasonCode: 'health' });
    expect(detail.statusReasonCode).toBe('health');
    const en = flat(pdfText(await exportFile(app, 'publicReport', 'full', 'en'), { layout: true }));
    expect(en).toContain(`${person.code} Withdrawn Health`);
    await app.call('reportFacts.setDropReason', { personId: person.id, reason: 'other' });
    expect(flat(pdfText(await exportFile(app, 'publicReport', 'pseudonymised', 'en'), { layout: true }))).toContain(`${person.code} Withdrawn Other`);
  });

  it('refuses bad input with a specific error and writes nothing', async () => {
    const app = await venue();
    const before = await app.call('reportFacts.get', {});
    const refused = async (method: string, args: unknown) => {
      const r = await app.raw(method, args);
      if (r.ok) throw new Error(`${method} was accepted`);
      return r.error;
    };
    const year = await refused('reportFacts.setRecruitment', { populationSource: 'X', populationYear: 1850, eligibility: '', invitationMethod: '' });
    expect(year.code).toBe('VALIDATION');
    expect(JSON.stringify(year.details)).toContain('populationYear');
    const cost = await refused('reportFacts.addCost', { label: 'Hall', amountCents: -5, category: 'venue' });
    expect(cost.code).toBe('VALIDATION');
    expect(JSON.stringify(cost.details)).toContain('amountCents');
    const category = await refused('reportFacts.addCost', { label: 'Hall', amountCents: 500, category: 'bribes' });
    expect(JSON.stringify(category.details)).toContain('category');
    expect((await refused('reportFacts.addCost', { label: '  ', amountCents: 500, category: 'venue' })).code).toBe('VALIDATION');
    expect((await refused('reportFacts.addMaterial', { contributorId: 'nobody', title: 'Paper', kind: 'paper', link: '' })).code).toBe('NOT_FOUND');
    const overview = await app.call('agenda.overview', {});
    const facilitator = overview.contributors.find((c) => c.role === 'facilitator')!;
    const slot = overview.slots.find((s) => s.facilitatorIds.includes(facilitator.id))!;
    expect((await refused('reportFacts.setAppearance', { slotId: slot.id, contributorId: facilitator.id, appearance: 'came' })).code).toBe('NOT_FOUND');
    const confirmed = (await app.call('people.list', { status: 'confirmed', limit: 1 })).rows[0]!;
    const conflict = await refused('reportFacts.setDropReason', { personId: confirmed.id, reason: 'health' });
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.i18nKey).toBe('errors.reasonOnlyForDrops');
    expect((await refused('people.setStatus', { id: confirmed.id, status: 'withdrawn', date: '2027-01-18', reason: 'x', reasonCode: 'bored' })).code).toBe('VALIDATION');
    // Nothing of the above was written.
    expect(await app.call('reportFacts.get', {})).toEqual(before);
    expect((await app.call('people.get', { id: confirmed.id })).status).toBe('confirmed');
  });
});
