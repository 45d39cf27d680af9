/**
 * The four PDF reports — recommendations and results, representativeness, the selection audit,
 * attendance and per-diem — read back with pdftotext and pdfinfo, and as pictures in
 * tests/artifacts/reports/: at the full level names with Ç, Ł, ñ, é print; pseudonymised shows
 * codes and no names; at the aggregate level no name, e-mail, phone, address or code of any
 * participant appears in any of the four, and small counts of people read "[c]" (votes in full); nl/fr/en; sane page counts;
 * the same bytes twice for a fixed clock; a RangeError in the chosen language when there is
 * nothing to report.
 *
 * The data: the demo "at the venue" (a finalised yes/no ballot of 12 recommendations, two held
 * sessions, per-diem), with, put in by hand, two selection runs instead of the demo's (a LEXIMIN
 * draw with public numbers in force, a classic one superseded), a scale, an approval and a
 * ranking ballot, contributors with perspectives, and four participants renamed with accents.
 * The demo as it is renders too (the first test's loop covers the hand-made data; the last one
 * renders the demo's own audit).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ballot, BallotCounts } from '../../main/domain/voting/types';
import type { AgendaSlot, Contributor } from '../../main/domain/agenda/types';
import type { SelectionRun } from '../../main/domain/selection/runTypes';
import { openAssemblyDb } from '../../db/connection';
import { DEMO_SEED, writeDemoAssembly } from '../../main/demo/writeDemo';
import { ballotResult } from '../../main/domain/voting/result';
import { attendancePdf } from '../../main/reports/attendancePdf';
import { gatherReportData, type ReportData } from '../../main/reports/data';
import { reportT, type ReportLang } from '../../main/reports/i18n';
import { forLevel, type PrivacyLevel } from '../../main/reports/privacy';
import { recommendationsPdf } from '../../main/reports/recommendationsPdf';
import { countsOf } from '../../main/reports/reportTables';
import { representativenessPdf } from '../../main/reports/representativenessPdf';
import { probabilityBins, selectionAuditPdf, verifyCommand, type AuditedRun } from '../../main/reports/selectionAuditPdf';
import { probabilityHistogram } from '../../main/domain/selection/histogram';
import { pageCount, pdfFonts, pdfInfo, pdfText, savePictures } from '../helpers/pdf';
import { useTempDir } from '../helpers/tmp';

const GENERATED_AT = new Date('2027-03-01T12:00:00Z');
const LEVELS: PrivacyLevel[] = ['full', 'pseudonymised', 'aggregate'];
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

type Builder = (data: ReportData, opts: { level: PrivacyLevel; lang: ReportLang; generatedAt: Date }) => Promise<Buffer>;
const REPORTS: [string, Builder][] = [
  ['recommendations', recommendationsPdf],
  ['representativeness', representativenessPdf],
  ['selection-audit', selectionAuditPdf],
  ['attendance', attendancePdf],
];

const tempDir = useTempDir('assembly-desk-pdfs-');
let demo: ReportData;
let full: ReportData;

const ACCENTED = [
  { firstName: 'Łukasz', lastName: 'Çelik' },
  { firstName: 'María José', lastName: 'Nuñez' },
  { firstName: 'Hélène', lastName: 'Lefèvre' },
  { firstName: 'Zoë', lastName: 'Øster-Ëlsen' },
];

function slot(id: string, sessionId: string, startTime: string, endTime: string, topic: string, speakerIds: string[]): AgendaSlot {
  return { id, sessionId, startTime, endTime, kind: 'talk', title: topic, topic, roomId: null, speakerIds, facilitatorIds: [], languages: ['nl'], interpretation: [], notes: '', createdAt: '2026-12-01T09:00:00.000Z', updatedAt: '2026-12-01T09:00:00.000Z' };
}

function contributor(o: Partial<Contributor> & Pick<Contributor, 'id' | 'name' | 'role'>): Contributor {
  return {
    organisation: '',
    topics: [],
    perspectiveId: null,
    languages: ['nl'],
    email: null,
    phone: null,
    availability: [],
    feeCents: 0,
    travelCents: 0,
    consentPublish: true,
    status: 'confirmed',
    notes: '',
    createdAt: '2026-12-01T09:00:00.000Z',
    updatedAt: '2026-12-01T09:00:00.000Z',
    ...o,
  };
}

/** A ballot like the demo's, with another rule and items, and its result from counts. */
function extraBallot(base: Ballot, id: string, title: string, rule: Ballot['rule'], items: Ballot['items'], counts: BallotCounts, present: number, panelSize: number): ReportData['ballots'][number] {
  const ballot: Ballot = { ...base, id, title, rule, items };
  return { ballot, result: ballotResult(ballot, counts, present, panelSize) };
}

function runs(codes: string[], quotas: SelectionRun['quotas']): AuditedRun[] {
  const panel = [...codes].sort();
  const common = {
    operator: 'Sofie Secretariaat',
    kind: 'panel' as const,
    panelSize: 60,
    onePerHousehold: true,
    quotas,
    reserve: ['RSV001', 'RSV002'],
    supersededAt: null,
  };
  const legacy: AuditedRun = {
    ...common,
    id: 'run-legacy-1',
    at: '2026-10-20T09:00:00.000Z',
    algorithm: 'legacy',
    algorithmVersion: 'legacy-1',
    objective: { name: 'legacy', params: {} },
    inputHash: sha('input-1'),
    summary: { count: 1500, min: 0.012, mean: 0.04, max: 0.11, gini: 0.2114 },
    certificate: null,
    complete: true,
    lottery: null,
    status: 'superseded',
    seedMode: 'random',
    seed: '5f0c1e7a9b2d4c6e8f1a3b5c7d9e0f21',
    publicNumbers: null,
    ticket: null,
    panel: panel.slice().reverse().sort(),
    drawnAt: '2026-10-20T09:30:00.000Z',
    drawnBy: 'Sofie Secretariaat',
    supersededBy: 'run-leximin-2',
    supersededReason: 'A quota on Province was entered wrongly.',
    supersededAt: '2026-11-02T09:00:00.000Z',
    // Per-person probabilities (the selection.get detail), as the data could carry them.
    probabilities: Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`X${i}`, 0.012 + ((i * 37) % 1500) / 1500 * 0.098])),
  };
  const leximin: AuditedRun = {
    ...common,
    id: 'run-leximin-2',
    at: '2026-11-02T10:00:00.000Z',
    algorithm: 'leximin',
    algorithmVersion: 'leximin-1.2',
    objective: { name: 'leximin', params: { relativeTolerance: 0.0001, seed: 1, method: 'relaxation-first' } },
    inputHash: sha('input-2'),
    summary: { count: 1500, min: 0.0312, mean: 0.04, max: 0.0519, gini: 0.0611 },
    certificate: { upperBound: 0.03125, gap: 0.00005 },
    complete: true,
    lottery: { size: 1000, source: 'digits', hash: sha('lottery-2'), maxDeviation: 0.0004 },
    status: 'drawn',
    seedMode: 'public',
    seed: null,
    publicNumbers: [3, 1, 4],
    ticket: 314,
    panel,
    drawnAt: '2026-11-03T14:00:00.000Z',
    drawnBy: 'Notaris Vandenberghe',
    supersededBy: null,
    supersededReason: null,
    // Bins, as data.ts could give them; two with fewer than 5 candidates.
    histogram: [
      { from: 0.031, to: 0.035, count: 3 },
      { from: 0.035, to: 0.039, count: 412 },
      { from: 0.039, to: 0.043, count: 903 },
      { from: 0.043, to: 0.047, count: 160 },
      { from: 0.047, to: 0.052, count: 22 },
      { from: 0.052, to: 0.056, count: 0 },
    ],
  };
  return [legacy, leximin];
}

beforeAll(async () => {
  const file = join(tempDir(), 'demo.assembly');
  await writeDemoAssembly(file, { seed: DEMO_SEED, panelSize: 60, stage: 'venue' });
  const { db } = await openAssemblyDb(file);
  try {
    demo = gatherReportData(db, GENERATED_AT);
  } finally {
    db.close();
  }
  const base = demo.ballots[0]!;
  const opts = (n: number, prefix: string) =>
    Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, number: `${prefix.toUpperCase()}${i + 1}`, title: `Option ${i + 1}`, text: { en: `Option ${i + 1} in English`, fr: `Option ${i + 1} en français` } }));
  const scaleItems = opts(3, 's');
  const approvalItems = opts(4, 'a');
  const rankingItems = opts(3, 'k');
  const present = base.result.present;
  const panelSize = base.result.panelSize;
  // Panel members (the demo's participants also hold the 8 who declined or withdrew).
  const panel = demo.participants.filter((p) => p.status === 'confirmed');
  const renamed = new Map(panel.slice(0, ACCENTED.length).map((p, i) => [p.personId, ACCENTED[i]!]));
  const withCounts = (d: ReportData): ReportData => ({ ...d, counts: countsOf(d) }) as ReportData;
  full = withCounts({
    ...demo,
    participants: demo.participants.map((p) => ({ ...p, ...renamed.get(p.personId) })),
    perDiem: { ...demo.perDiem, rows: demo.perDiem.rows.map((r) => ({ ...r, ...renamed.get(r.personId) })) },
    selection: runs(
      panel.map((p) => p.code),
      demo.representativeness.filter((r) => r.quotaMin !== null).map((r) => ({ feature: r.feature, value: r.value, min: r.quotaMin!, max: r.quotaMax! })),
    ),
    agenda: {
      ...demo.agenda,
      contributors: [
        contributor({ id: 'c1', name: 'Prof. Anaïs Dubois', role: 'expert', email: 'anais@uni.example', perspectiveId: 'p1' }),
        contributor({ id: 'c2', name: 'Dr. Jan Peeters', role: 'expert', perspectiveId: 'p2', consentPublish: false }),
        // Invited to a weekend still ahead: planned, not "contributed".
        contributor({ id: 'c3', name: 'Marc Janssens', role: 'partyLeader', perspectiveId: 'p1', status: 'invited' }),
        contributor({ id: 'c4', name: 'Declined Person', role: 'expert', status: 'declined' }),
      ],
      perspectives: [
        { id: 'p1', name: 'For public funding', position: 1 },
        { id: 'p2', name: 'Critical', position: 2 },
      ],
      // Speaking time at a session held (Donations 40 + 35, Transparency 30) and at one to come (45).
      slots: [
        slot('s1', demo.heldSessionIds[0]!, '10:00', '10:40', 'Donations', ['c1']),
        slot('s2', demo.heldSessionIds[0]!, '10:40', '11:15', 'Donations', ['c2']),
        slot('s3', demo.heldSessionIds[1]!, '14:00', '14:30', 'Transparency', ['c1']),
        slot('s4', demo.sessions.find((x) => !demo.heldSessionIds.includes(x.id))!.id, '10:00', '10:45', 'Donations', ['c3']),
      ],
      balance: [],
    },
    ballots: [
      ...demo.ballots,
      extraBallot(
        base.ballot,
        'b-scale',
        'Support for the voucher models',
        { method: 'scale', levels: ['Strongly support', 'Support', 'Neutral', 'Oppose'], supportLevels: 2, numerator: 3, denominator: 5 },
        scaleItems,
        { kind: 'perItem', items: [{ itemId: 's0', counts: [30, 12, 8, 4], blank: 1, spoilt: 1 }, { itemId: 's1', counts: [10, 12, 20, 14], blank: 0, spoilt: 0 }, { itemId: 's2', counts: [3, 40, 9, 3], blank: 0, spoilt: 0 }] },
        present,
        panelSize,
      ),
      extraBallot(
        base.ballot,
        'b-approval',
        'Priorities for the first year',
        { method: 'approval', maxPicks: 2 },
        approvalItems,
        { kind: 'papers', papers: [...Array.from({ length: 30 }, () => [0, 1]), ...Array.from({ length: 20 }, () => [1, 2]), ...Array.from({ length: 3 }, () => [3])], blank: 2, spoilt: 1 },
        present,
        panelSize,
      ),
      extraBallot(
        base.ballot,
        'b-ranking',
        'Which model to fund parties',
        { method: 'ranking', count: 'schulze' },
        rankingItems,
        { kind: 'papers', papers: [...Array.from({ length: 25 }, () => [0, 1, 2]), ...Array.from({ length: 20 }, () => [1, 2, 0]), ...Array.from({ length: 10 }, () => [2, 0, 1])], blank: 1, spoilt: 0 },
        present,
        panelSize,
      ),
    ],
  });
}, 60_000);

/** Everything of a participant that must never reach an aggregate report. */
function personalStrings(data: ReportData): string[] {
  const out: string[] = [];
  for (const p of data.participants) {
    out.push(`${p.lastName}, ${p.firstName}`, `${p.firstName} ${p.lastName}`, p.code);
    if (p.email) out.push(p.email);
    if (p.phone) out.push(p.phone);
    if (p.address) out.push(p.address);
  }
  for (const r of data.perDiem.rows) out.push(`${r.lastName}, ${r.firstName}`, r.code);
  return [...new Set(out.filter((s) => s.trim().length > 2))];
}

/** pdftotext joins lines with newlines; names and addresses can wrap: compare on single spaces. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

const render = (build: Builder, level: PrivacyLevel, lang: ReportLang = 'en', data: ReportData = full) => build(forLevel(data, level), { level, lang, generatedAt: GENERATED_AT });

describe('the four PDF reports', () => {
  it('render at every level with sane page counts, A4, the embedded font, the level on the first page', async () => {
    for (const [name, build] of REPORTS) {
      for (const level of LEVELS) {
        const pdf = await render(build, level);
        const pages = pageCount(pdf);
        expect(pages, `${name} ${level}`).toBeGreaterThanOrEqual(1);
        expect(pages, `${name} ${level}`).toBeLessThanOrEqual(name === 'attendance' || name === 'recommendations' ? 12 : 8);
        const info = pdfInfo(pdf);
        expect(info['Page size']).toMatch(/595\.2\d* x 841\.8\d* pts \(A4\)/);
        expect(pdfFonts(pdf).every((f) => f.embedded)).toBe(true);
        const first = flat(pdfText(pdf, { page: 1 }));
        expect(first).toContain(`Privacy level: ${level.toUpperCase()}`);
        expect(first).toContain(full.assembly.name);
        const last = flat(pdfText(pdf, { page: pages }));
        expect(last).toContain(`page ${pages} / ${pages}`);
        expect(last).toContain('Generated on 1 March 2027');
      }
    }
  });

  it('print accented names at the full level, codes only when pseudonymised', async () => {
    const text = flat(pdfText(await render(attendancePdf, 'full')));
    for (const a of ACCENTED) expect(text).toContain(`${a.lastName}, ${a.firstName}`);
    expect(text).toContain('Çelik, Łukasz');
    expect(text).toContain('Nuñez, María José');
    const codes = full.participants.filter((p) => p.status === 'confirmed').slice(0, 4).map((p) => p.code);
    for (const c of codes) expect(text).toContain(c);

    const pseudo = flat(pdfText(await render(attendancePdf, 'pseudonymised')));
    for (const c of codes) expect(pseudo).toContain(c);
    for (const p of full.participants) {
      expect(pseudo).not.toContain(`${p.lastName}, ${p.firstName}`);
      if (p.email) expect(pseudo).not.toContain(p.email);
    }
    for (const a of ACCENTED) expect(pseudo).not.toContain(a.lastName);
  });

  it('leave out every name, e-mail, phone, address and code of every participant at the aggregate level', async () => {
    const forbidden = personalStrings(full);
    expect(forbidden.length).toBeGreaterThan(200);
    for (const [name, build] of REPORTS) {
      for (const lang of ['en', 'nl', 'fr'] as const) {
        const text = pdfText(await render(build, 'aggregate', lang));
        const oneLine = flat(text);
        const leaks = forbidden.filter((s) => text.includes(s) || oneLine.includes(flat(s)));
        expect(leaks, `${name} ${lang}`).toEqual([]);
        for (const a of ACCENTED) expect(oneLine, `${name} ${lang}`).not.toContain(a.lastName);
      }
    }
  });

  it('show small counts of people as [c] at the aggregate level (votes in full), and the counts when pseudonymised', async () => {
    // The demo's pool has 4 people of gender "other": 4 at the full level, "[c]" at aggregate.
    const other = full.representativeness.find((r) => r.feature === 'Gender' && r.value === 'other')!;
    expect(other.pool).toBeGreaterThan(0);
    expect(other.pool).toBeLessThan(5);
    const agg = pdfText(await render(representativenessPdf, 'aggregate'), { layout: true });
    expect(agg).toMatch(/other\s+0\.5%\s+\[c\]/);
    expect(agg).not.toContain('<5');
    const pseudo = pdfText(await render(representativenessPdf, 'pseudonymised'), { layout: true });
    expect(pseudo).toMatch(new RegExp(`other\\s+0\\.5%\\s+${other.pool} \\(0\\.3%\\)`));

    // Excused and absent per session are 1 to 3 in the demo.
    const att = pdfText(await render(attendancePdf, 'aggregate'), { layout: true });
    expect(att).toMatch(/Weekend 1 — Saturday\s+16 Jan 2027\s+56\s+\[c\]\s+\[c\]\s+93\.3%/);
    expect(att).toContain('Attendance per person is left out at the aggregate level.');
    expect(att).toContain('At the aggregate level only the totals are shown.');
    expect(att).toMatch(/Members paid\s+60/);
    // Childcare was paid to fewer than 5 people: it is not printed, and neither is the total.
    expect(att).toMatch(/Childcare\s+\[c\]/);
    expect(att).toMatch(/Total\s+\[c\]/);

    // A ballot: 1 abstention is a result of the assembly, published in full.
    const rec = pdfText(await render(recommendationsPdf, 'aggregate'), { layout: true });
    expect(rec).toMatch(/Abstain\s+1\s+1\.8%/);
    expect(rec).not.toContain('<5');
  });

  it('recommendations: method in plain words, each item with counts, base, threshold, outcome; ranking and summary', async () => {
    const pdf = await render(recommendationsPdf, 'full');
    const text = flat(pdfText(pdf));
    expect(text).toContain('The panel of 60 members was drawn by lot from 1,500 people');
    expect(text).toContain('LEXIMIN algorithm (version leximin-1.2)');
    expect(text).toContain('The panel met 2 times (6 sessions planned)');
    // Past tense for what happened, the future stated as planned.
    expect(text).toContain('2 speakers and guests contributed at the sessions held: 2 experts.');
    expect(text).toContain('Planned for the sessions still to come: a party leader. Of these, 1 is invited and has not confirmed yet.');
    expect(text).not.toMatch(/contributed[^.]*party leader/);
    expect(text).toContain('Speaking time per topic at the sessions held, by perspective:');
    expect(text).toMatch(/Donations For public funding: 40 \(53%\); Critical: 35 \(47%\)/);
    expect(text).toContain('Transparency');
    expect(text).toContain('one perspective only');
    expect(text).toContain('The sessions still to come plan 45 more minutes of speaking time; they are not counted above.');
    expect(text).toContain('Quorum: two thirds of the panel present (40 members); present: 56 — quorum met.');
    const r1 = full.ballots[0]!.result.items[0]!;
    expect(text).toContain(`R1 ${full.ballots[0]!.ballot.items[0]!.text.en}`);
    expect(text).toContain(`Percentages of the votes cast (for + against): ${r1.base}.`);
    expect(text).toContain('adopted when at least two thirds of the votes cast (abstentions not counted) vote for');
    expect(text).toMatch(/Outcome: (ADOPTED|NOT ADOPTED)/);
    // Scale, approval, ranking.
    expect(text).toContain('adopted when at least 3/5 of the valid papers choose one of the top 2 levels (Strongly support, Support)');
    expect(text).toContain('Schulze method');
    // Titles as ReportData gives them (main/reports/data.ts puts them in the report's language).
    expect(text).toMatch(/Winner: K1 Option 1(?! in English)/);
    expect(text).toMatch(/Winners?: A2 Option 2(?! in English)/);
    // The summary, last page.
    const last = flat(pdfText(pdf, { page: pageCount(pdf) }));
    expect(last).toContain('Summary');
    for (const item of full.ballots[0]!.result.items) expect(last).toContain(item.number);
    expect(last).toContain('ranked 1 (winner)');
    // Text in another language only: said so.
    const nl = flat(pdfText(await render(recommendationsPdf, 'full', 'nl')));
    // No Dutch text: the first language it has (French before English), and said so.
    expect(nl).toContain('Option 1 en français');
    expect(nl).toContain('(tekst alleen in het Frans beschikbaar)');
    expect(nl).toContain('Private giften beperken tot € 2.000 per persoon per jaar');
    expect(nl).toContain('AANGENOMEN');
    const fr = flat(pdfText(await render(recommendationsPdf, 'full', 'fr')));
    expect(fr).toContain('Option 1 en français');
    expect(fr).toContain('Plafonner les dons privés');
  });

  it('representativeness: totals, the funnel with invitations not recorded, every feature and its quota', async () => {
    const text = flat(pdfText(await render(representativenessPdf, 'full')));
    expect(text).toContain('Invited not recorded');
    expect(text).toContain('The number of invitations sent is not recorded in this file.');
    expect(text).toMatch(/Attended every session held \(2 of 6 planned\) 52/);
    for (const f of new Set(full.representativeness.map((r) => r.feature))) expect(text).toContain(f);
    const layout = pdfText(await render(representativenessPdf, 'full'), { layout: true });
    expect(layout).toMatch(/Present at the last session\s+56 \(Weekend 1 — Sunday, 17 Jan 2027\)/);
    expect(text).toContain('30–32');
    const nl = flat(pdfText(await render(representativenessPdf, 'full', 'nl')));
    expect(nl).toContain('niet geregistreerd');
    expect(nl).toContain('Bevolking');
  });

  it('selection audit: per run the hashes, algorithm, numbers, ticket, panel codes, probabilities and the CLI', async () => {
    const runsOf = full.selection as AuditedRun[];
    const leximin = runsOf.find((r) => r.algorithm === 'leximin')!;
    const pdf = await render(selectionAuditPdf, 'pseudonymised');
    const text = flat(pdfText(pdf));
    const layout = pdfText(pdf, { layout: true });
    expect(text).toContain(leximin.inputHash);
    expect(text).toContain(leximin.lottery!.hash);
    expect(text).toContain('LEXIMIN (chances as equal as possible) — leximin-1.2');
    expect(layout).toMatch(/Public numbers\s+3, 1, 4/);
    expect(layout).toMatch(/Ticket drawn\s+314/);
    expect(text).toContain('The panel drawn (60 codes)');
    for (const c of leximin.panel!) expect(text).toContain(c);
    expect(layout).toMatch(/Gini coefficient\s+0\.0611/);
    // A gap remains (0.00005): not "optimal", but how close to the best possible.
    expect(text).toContain('within 0.000050 (0.0050%) of the best possible: no distribution can give everyone a probability above 0.0313');
    expect(text).not.toMatch(/\boptimal\b/);
    expect(text).toContain('superseded');
    expect(text).toContain('A quota on Province was entered wrongly.');
    expect(text).toContain('5f0c1e7a9b2d4c6e8f1a3b5c7d9e0f21');
    expect(text).toContain('npm run cli -- selection.verify');
    expect(text).toContain(`"publishedHash":"${leximin.lottery!.hash}"`);
    expect(verifyCommand(leximin, true)).toContain(`"chosenCodes":["${leximin.panel![0]}", "${leximin.panel![1]}"`);
    // Histogram: the bins' counts (903) and, for the legacy run, bins of its probabilities.
    expect(text).toContain('903');
    expect(text).toContain('Candidates per probability class (1,500 candidates).');

    const agg = flat(pdfText(await render(selectionAuditPdf, 'aggregate')));
    expect(agg).toContain('The codes of the panel drawn are left out at the aggregate level');
    expect(agg).toContain('The codes (chosenCodes) are not in this aggregate report.');
    expect(agg).toMatch(/"chosenCodes":\s*\["…"\]/);
    expect(agg).not.toContain(leximin.panel![0]);
    expect(agg).toContain('[c]'); // the histogram's bin of 3, and its complement
    expect(agg).not.toContain('<5');

    // Without the per-person probabilities: the range, and a sentence.
    const bare = { ...full, selection: runsOf.map(({ histogram: _h, probabilities: _p, ...r }) => r) };
    expect(flat(pdfText(await render(selectionAuditPdf, 'full', 'en', bare)))).toContain('only the range (smallest, mean, largest) is drawn');
    // A run with only its probabilities is binned like the others (and like the Selection page).
    expect(probabilityBins({ ...runsOf[0]!, histogram: [], probabilities: { A: 0.1, B: 0.1, C: 0.1 } })).toEqual(probabilityHistogram([0.1, 0.1, 0.1]));
  });

  it('are byte-identical for the same data and clock', async () => {
    for (const [name, build] of REPORTS) {
      const a = await render(build, 'pseudonymised', 'fr');
      const b = await render(build, 'pseudonymised', 'fr');
      expect(a.equals(b), name).toBe(true);
    }
  });

  it('refuse with a RangeError in the chosen language when there is nothing to report', async () => {
    const nothing: ReportData = { ...full, ballots: [], representativeness: [], selection: [], heldSessionIds: [], lastHeldSessionId: null };
    await expect(render(recommendationsPdf, 'full', 'nl', nothing)).rejects.toThrow(RangeError);
    await expect(render(recommendationsPdf, 'full', 'nl', nothing)).rejects.toThrow(reportT('nl')('reports.recommendations.empty'));
    await expect(render(representativenessPdf, 'aggregate', 'fr', nothing)).rejects.toThrow(reportT('fr')('reports.representativeness.empty'));
    await expect(render(selectionAuditPdf, 'full', 'en', nothing)).rejects.toThrow(/No lottery has been drawn yet/);
    await expect(render(attendancePdf, 'pseudonymised', 'nl', nothing)).rejects.toThrow(/Er is nog geen sessie gehouden/);
    // A run prepared but never drawn is nothing to audit yet.
    const prepared = { ...full, selection: [{ ...full.selection[1]!, status: 'prepared' as const, drawnAt: null, drawnBy: null, panel: null, ticket: null, publicNumbers: null }] };
    await expect(render(selectionAuditPdf, 'full', 'en', prepared)).rejects.toThrow(RangeError);
  });

  it('render pictures of every report for a person to look at', async () => {
    const pictures: [string, Builder, PrivacyLevel, ReportLang][] = [
      ['recommendations', recommendationsPdf, 'aggregate', 'en'],
      ['representativeness', representativenessPdf, 'aggregate', 'nl'],
      ['selection-audit', selectionAuditPdf, 'pseudonymised', 'en'],
      ['attendance', attendancePdf, 'full', 'fr'],
    ];
    // The demo as generated, untouched: its own (classic) draw.
    const own = await render(selectionAuditPdf, 'aggregate', 'en', demo);
    expect(flat(pdfText(own))).toContain(demo.selection[0]!.inputHash);
    savePictures(own, 'pdf-selection-audit-demo-aggregate-en', 70);
    for (const [name, build, level, lang] of pictures) {
      const files = savePictures(await render(build, level, lang), `pdf-${name}-${level}-${lang}`, 70);
      expect(files.length).toBeGreaterThan(0);
    }
  });
});
