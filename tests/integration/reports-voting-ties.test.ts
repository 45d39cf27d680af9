/**
 * A tie's outcome and a ballot not held, in the recommendations PDF and the workbook, in the three
 * languages: ballots made and counted through the API on a real file, the report read back.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BallotCounts, BallotInput } from '../../main/domain/voting/types';
import { openAssemblyDb } from '../../db/connection';
import { gatherReportData, type ReportData } from '../../main/reports/data';
import { reportT, type ReportLang } from '../../main/reports/i18n';
import { recommendationsPdf } from '../../main/reports/recommendationsPdf';
import { reportWorkbook } from '../../main/reports/workbook';
import { makeApp } from '../helpers/app';
import { pdfText } from '../helpers/pdf';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir('assembly-desk-ties-');
const GENERATED_AT = new Date('2027-03-01T12:00:00Z');
let data: ReportData;

const simple = (sessionId: string, title: string, extra: Partial<BallotInput> = {}): BallotInput => ({
  sessionId,
  title,
  rule: { method: 'yesNo', threshold: 'simpleMajority', abstentionsCount: false },
  quorum: { numerator: 0, denominator: 1 },
  items: [{ number: 'T1', title: `${title}: the item`, text: { en: `${title}: the item` } }],
  ...extra,
});

beforeAll(async () => {
  const app = makeApp(tempDir(), 'Operator A');
  await app.call('app.openDemo', { stage: 'venue' });
  const sessionId = (await app.call('sessions.list', {}))[0]!.id;
  const counts = (itemId: string, f: number, a: number): BallotCounts => ({ kind: 'perItem', items: [{ itemId, counts: [f, a, 0], blank: 0, spoilt: 0 }] });
  const countBoth = async (ballotId: string, c: BallotCounts) => {
    app.ctx.operator = 'Operator A';
    await app.call('voting.enterCounts', { ballotId, slot: 1, counts: c });
    app.ctx.operator = 'Operator B';
    await app.call('voting.enterCounts', { ballotId, slot: 2, counts: c });
  };
  const chair = await app.call('voting.createBallot', simple(sessionId, 'Casting', { tieRule: 'castingVote' }));
  await countBoth(chair.id, counts(chair.items[0]!.id, 10, 10));
  await app.call('voting.finalise', { ballotId: chair.id, castingVote: { chair: 'Łukasz Nuñez', items: [{ itemId: chair.items[0]!.id, adopt: true }] } });
  const revote = await app.call('voting.createBallot', simple(sessionId, 'Revote', { tieRule: 'newVote' }));
  await countBoth(revote.id, counts(revote.items[0]!.id, 9, 9));
  await app.call('voting.finalise', { ballotId: revote.id });
  const first = await app.call('voting.createBallot', simple(sessionId, 'Principle'));
  await app.call('voting.createBallot', simple(sessionId, 'Follow-up', { dependsOn: { ballotId: first.id, itemId: first.items[0]!.id, when: 'adopted' } }));
  await countBoth(first.id, counts(first.items[0]!.id, 4, 14));
  await app.call('voting.finalise', { ballotId: first.id });
  const path = (await app.call('app.status', {})).assembly!.path;
  app.close();
  const opened = await openAssemblyDb(path);
  try {
    data = gatherReportData(opened.db, GENERATED_AT);
  } finally {
    opened.db.close();
  }
}, 120_000);

const LANGS: ReportLang[] = ['en', 'nl', 'fr'];

describe("a tie's outcome and a ballot not held in the reports", () => {
  it('the data holds the settled ties and the ballot not held', () => {
    expect(data.ballots.map((b) => [b.ballot.title, b.result.outcome])).toEqual(expect.arrayContaining([['Casting', 'castingVote'], ['Revote', 'newVoteNeeded'], ['Principle', 'decided']]));
    expect(data.notHeld?.map((n) => n.ballot.title)).toEqual(['Follow-up']);
  });

  it.each(LANGS)('the recommendations PDF says it (%s)', async (lang) => {
    const t = reportT(lang);
    const text = pdfText(await recommendationsPdf(data, { level: 'full', lang, generatedAt: GENERATED_AT })).replace(/\s+/g, ' ');
    expect(text).toContain(t('reports.recommendations.adoptedByCastingVote', { chair: 'Łukasz Nuñez' }).replace(/\s+/g, ' '));
    expect(text).toContain(t('reports.recommendations.tieNewVote'));
    expect(text).toContain(t('reports.recommendations.notHeldHeading'));
    expect(text).toContain(t('reports.recommendations.notHeldOutcome'));
    expect(text).toContain(t('report.condition.notHeldAdopted', { number: 'T1', title: 'Principle' }));
    expect(text).toContain(t('reports.recommendations.tieRule.castingVote'));
  });

  it.each(LANGS)('the workbook says it (%s)', async (lang) => {
    const t = reportT(lang);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportWorkbook(data, { level: 'full', lang })) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet(t('report.sheets.ballots'))!;
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain(t('report.outcomes.adoptedByCastingVote', { chair: 'Łukasz Nuñez' }));
    expect(cells).toContain(t('report.outcomes.tieNewVote'));
    expect(cells).toContain(t('report.condition.notHeldAdopted', { number: 'T1', title: 'Principle' }));
    expect(cells).toContain('Follow-up');
  });
});
