/**
 * The selection audit (A4 portrait): everything needed to check the lottery, per run that was
 * drawn (in force or superseded since), oldest first —
 *
 *  - the run: identifier, status (and what superseded it, why), who prepared and drew it when;
 *  - the input: its SHA-256 hash, the panel size, one per household, the candidates, the quotas;
 *  - the algorithm and its version (LEXIMIN, or the classic one), complete or stopped early;
 *  - the randomness: the published lottery (hash, tickets, source of the numbers, rounding
 *    deviation), the seed or the public numbers, and the ticket drawn;
 *  - the drawn panel by code (left out at the aggregate level, and said so);
 *  - the probability summary (min, mean, max, Gini, the LEXIMIN certificate) and a histogram;
 *  - how to check it with the command line (`selection.verify`): a LEXIMIN draw with public
 *    numbers against its lottery document, a legacy draw by drawing again from its input and seed.
 *
 * The per-person probabilities are not part of a SelectionRun: the histogram is drawn from a
 * run's `histogram` (bins) or `probabilities` (code -> probability) when the report data carries
 * them, otherwise the range (min, mean, max) is drawn and the page says so. Nothing drawn yet: a
 * RangeError.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { SelectionRun } from '../domain/selection/runTypes';
import type { ReportData } from './data';
import { reportT, type ReportT } from './i18n';
import { isSmallCount, protectLine } from '../domain/disclosure';
import { disclosureOf } from './disclosure';
import {
  ACCENT,
  countText,
  hiddenCountText,
  SUPPRESSED_MARK,
  dataTable,
  decimal,
  factsTable,
  heading,
  histogram,
  horizontalBars,
  instant,
  integer,
  note,
  para,
  percent,
  titleBlock,
  type Bin,
  type ReportPdfOptions,
} from './pdf/charts';
import { A4, GREY, pageFrame } from './pdf/layout';
import { renderPdf } from './pdf/render';
import { estimateMargin, isProvenOptimal } from '../domain/selection/claims';
import { legacyInputFileName } from '../domain/selection/legacy';
import { probabilityHistogram, type ProbabilityBin } from '../domain/selection/histogram';

const SIDE = 40;
const WIDTH = A4.width - 2 * SIDE;

/** What the audit can use beyond a SelectionRun, when the report data gives it. */
export type AuditedRun = SelectionRun & { histogram?: ProbabilityBin[]; probabilities?: Record<string, number> | null };

/** The runs to audit: drawn or superseded, oldest first. */
export function auditedRuns(data: ReportData): AuditedRun[] {
  return (data.selection as AuditedRun[]).filter((r) => r.status !== 'prepared').sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
}

/** The bins of a run's probabilities, if the data has them. */
export function probabilityBins(run: AuditedRun): ProbabilityBin[] | null {
  if (run.histogram && run.histogram.length > 0) return run.histogram;
  if (run.probabilities) {
    const values = Object.values(run.probabilities);
    if (values.length > 0) return probabilityHistogram(values);
  }
  return null;
}

function runFacts(run: AuditedRun, data: ReportData, opts: ReportPdfOptions, t: ReportT): Content {
  const tz = data.assembly.timeZone;
  const when = (iso: string | null, who: string | null) => (iso ? t('reports.selectionAudit.by', { when: instant(iso, opts.lang, tz), who: who ?? '—' }) : '—');
  const rows: [string, Content | string][] = [
    [t('reports.selectionAudit.fields.runId'), run.id],
    [t('reports.selectionAudit.fields.status'), { text: t(`reports.selectionAudit.statuses.${run.status}`), bold: true, color: run.status === 'drawn' ? ACCENT : GREY }],
  ];
  if (run.status === 'superseded') {
    rows.push([t('reports.selectionAudit.fields.supersededBy'), `${run.supersededBy ?? '—'}${run.supersededAt ? ` (${instant(run.supersededAt, opts.lang, tz)})` : ''}`]);
    rows.push([t('reports.selectionAudit.fields.reason'), run.supersededReason ?? '—']);
  }
  rows.push(
    [t('reports.selectionAudit.fields.prepared'), when(run.at, run.operator)],
    [t('reports.selectionAudit.fields.drawn'), when(run.drawnAt, run.drawnBy)],
    [t('reports.selectionAudit.fields.algorithm'), `${t(`reports.selectionAudit.algorithms.${run.algorithm}`)} — ${run.algorithmVersion}${run.complete ? '' : ` (${t('reports.selectionAudit.incomplete')})`}`],
    [t('reports.selectionAudit.fields.panelSize'), integer(run.panelSize, opts.lang)],
    [t('reports.selectionAudit.fields.onePerHousehold'), run.onePerHousehold ? t('reports.yes') : t('reports.no')],
    [t('reports.selectionAudit.fields.candidates'), countText(run.summary.count, opts.level, opts.lang)],
    [t('reports.selectionAudit.fields.inputHash'), { text: run.inputHash, fontSize: 8.5 }],
  );
  if (run.lottery) {
    rows.push(
      [t('reports.selectionAudit.fields.lotteryHash'), { text: run.lottery.hash, fontSize: 8.5, bold: true }],
      [t('reports.selectionAudit.fields.lotterySize'), t('reports.selectionAudit.tickets', { n: integer(run.lottery.size, opts.lang) })],
      [t('reports.selectionAudit.fields.lotterySource'), t(`reports.selectionAudit.sources.${run.lottery.source}`)],
      [t('reports.selectionAudit.fields.maxDeviation'), decimal(run.lottery.maxDeviation, opts.lang, 6)],
    );
  }
  if (run.seedMode) rows.push([t('reports.selectionAudit.fields.seedMode'), t(`reports.selectionAudit.seedModes.${run.seedMode}`)]);
  if (run.seed) rows.push([t('reports.selectionAudit.fields.seed'), { text: run.seed, fontSize: 8.5 }]);
  if (run.publicNumbers) rows.push([t('reports.selectionAudit.fields.publicNumbers'), run.publicNumbers.join(', ')]);
  if (run.ticket !== null) rows.push([t('reports.selectionAudit.fields.ticket'), { text: integer(run.ticket, opts.lang), bold: true }]);
  return factsTable(rows, { labelWidth: 170, fontSize: 9 });
}

/**
 * The quota rows whose bounds would give a suppressed panel count back (aggregate level): a
 * suppressed count is 1 or more (zeros are published), so a quota of n..n, or of 0..1, pins it.
 * Their bounds print as SUPPRESSED_MARK; every other quota is printed (the draw's input).
 */
function pinningQuotas(run: AuditedRun, data: ReportData, opts: ReportPdfOptions): Set<number> {
  const out = new Set<number>();
  if (opts.level !== 'aggregate') return out;
  const hidden = disclosureOf(data, opts.level).representativeness;
  run.quotas.forEach((q, i) => {
    const k = data.representativeness.findIndex((r) => r.feature === q.feature && r.value === q.value);
    if (k >= 0 && hidden[k]?.panel && Math.max(1, q.min) >= q.max) out.add(i);
  });
  return out;
}

function quotas(run: AuditedRun, data: ReportData, opts: ReportPdfOptions, t: ReportT): Content[] {
  if (run.quotas.length === 0) return [heading(t('reports.selectionAudit.quotas'), 3, 40), note(t('reports.selectionAudit.noQuotas'))];
  const pinning = pinningQuotas(run, data, opts);
  return [
    heading(t('reports.selectionAudit.quotas'), 3, 80),
    dataTable(
      [t('reports.selectionAudit.feature'), t('reports.selectionAudit.value'), t('reports.selectionAudit.min'), t('reports.selectionAudit.max')],
      run.quotas.map((q, i): TableCell[] => (pinning.has(i) ? [q.feature, q.value, SUPPRESSED_MARK, SUPPRESSED_MARK] : [q.feature, q.value, String(q.min), String(q.max)])),
      { widths: [140, '*', 50, 50], align: ['left', 'left', 'right', 'right'], fontSize: 8.5 },
    ),
  ];
}

/** The certificate row: "optimal" only with no gap left, otherwise how far from the best possible. */
function certificateText(run: AuditedRun, opts: ReportPdfOptions, t: ReportT): string {
  const c = run.certificate;
  if (!c) return t('reports.selectionAudit.noCertificate');
  const upperBound = decimal(c.upperBound, opts.lang, 4);
  if (isProvenOptimal(c)) return t('reports.selectionAudit.certificateOptimal', { upperBound });
  return t('reports.selectionAudit.certificateWithin', { upperBound, gap: `${decimal(c.gap, opts.lang, 6)} (${percent(c.gap, opts.lang, 4)})` });
}

function probabilities(run: AuditedRun, opts: ReportPdfOptions, t: ReportT): Content[] {
  const s = run.summary;
  const draws = run.algorithm === 'legacy' ? (run.simulatedDraws ?? null) : null;
  // A legacy run's probabilities are shares of simulated draws: each figure says so, with its margin.
  const p = (x: number) => {
    const value = `${decimal(x, opts.lang, 4)}  (${percent(x, opts.lang, 2)})`;
    const margin = draws === null ? null : estimateMargin(x, draws);
    return margin === null ? value : t('reports.selectionAudit.estimated', { value, draws: integer(draws!, opts.lang), margin: percent(margin, opts.lang, 2) });
  };
  const out: Content[] = [
    heading(t('reports.selectionAudit.probabilities'), 3, 200),
    factsTable(
      [
        [t('reports.selectionAudit.min'), p(s.min)],
        [t('reports.selectionAudit.mean'), draws === null ? p(s.mean) : `${decimal(s.mean, opts.lang, 4)}  (${percent(s.mean, opts.lang, 2)})`],
        [t('reports.selectionAudit.max'), p(s.max)],
        [t('reports.selectionAudit.gini'), decimal(s.gini, opts.lang, 4)],
        [t('reports.selectionAudit.certificate'), certificateText(run, opts, t)],
      ],
      { labelWidth: 170, fontSize: 9 },
    ),
    heading(t('reports.selectionAudit.histogram'), 3, 150),
  ];
  const bins = probabilityBins(run);
  if (bins) {
    // The bins count people and add up to the candidates: the disclosure policy's line (as in
    // disclosure.ts), at the aggregate level only.
    const aggregate = opts.level === 'aggregate';
    const hidden = aggregate ? protectLine({ values: bins.map((b) => b.count), totalPublished: !isSmallCount(s.count) }).hidden : bins.map(() => false);
    const shown: Bin[] = bins.map((b, i) => {
      const h = hidden[i] === true;
      return { from: b.from, to: b.to, count: h ? null : b.count, text: h ? SUPPRESSED_MARK : integer(b.count, opts.lang), label: bins.length === 1 ? percent(b.from, opts.lang, 2) : `${percent(b.from, opts.lang, 1)}–${percent(b.to, opts.lang, 1)}` };
    });
    out.push(histogram(shown, { width: WIDTH, height: 90, caption: t('reports.selectionAudit.histogramCaption', { candidates: hiddenCountText(s.count, opts.level === 'aggregate' && isSmallCount(s.count), opts.lang) }) }));
  } else {
    out.push(
      horizontalBars(
        [
          { label: t('reports.selectionAudit.min'), value: s.min, text: percent(s.min, opts.lang, 2) },
          { label: t('reports.selectionAudit.mean'), value: s.mean, text: percent(s.mean, opts.lang, 2) },
          { label: t('reports.selectionAudit.max'), value: s.max, text: percent(s.max, opts.lang, 2), bold: true },
        ],
        { width: WIDTH, labelWidth: 110, valueWidth: 60, max: Math.max(s.max, 1e-9) },
      ),
      note(t('reports.selectionAudit.histogramMissing')),
    );
  }
  return out;
}

function panel(run: AuditedRun, opts: ReportPdfOptions, t: ReportT): Content[] {
  if (run.panel === null) {
    if (opts.level === 'aggregate' && run.drawnAt !== null) return [heading(t('reports.selectionAudit.panel', { n: run.panelSize }), 3, 40), para(t('reports.selectionAudit.panelLeftOut'), { italics: true })];
    return [heading(t('reports.selectionAudit.panel', { n: 0 }), 3, 40), para(t('reports.selectionAudit.panelNone'))];
  }
  const columns = 8;
  const rows: TableCell[][] = [];
  for (let i = 0; i < run.panel.length; i += columns) {
    const row: TableCell[] = run.panel.slice(i, i + columns).map((c) => ({ text: c }));
    while (row.length < columns) row.push('');
    rows.push(row);
  }
  return [
    heading(t('reports.selectionAudit.panel', { n: run.panel.length }), 3, 80),
    {
      table: { widths: Array.from({ length: columns }, () => '*'), body: rows, dontBreakRows: true },
      fontSize: 8.5,
      layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 2, paddingRight: () => 2, paddingTop: () => 1, paddingBottom: () => 1, fillColor: (i: number) => (i % 2 === 1 ? '#f6f7f9' : null) },
      margin: [0, 0, 0, 8],
    },
  ];
}

/**
 * The command that checks a draw: a LEXIMIN draw with public numbers against its lottery document;
 * a legacy draw by drawing again from its published input with the recorded seed. Null when the
 * command line cannot check it (a LEXIMIN ticket drawn with a random seed, a legacy draw whose seed
 * is not in the data).
 */
export function verifyCommand(run: AuditedRun, withCodes: boolean): string | null {
  const codes = withCodes && run.panel ? run.panel : ['…'];
  let args: Record<string, unknown>;
  if (run.algorithm === 'legacy') {
    if (!run.seed) return null;
    args = { algorithm: 'legacy', documentPath: legacyInputFileName(run.at, run.inputHash), publishedHash: run.inputHash, seed: run.seed, chosenCodes: codes };
  } else {
    if (!run.lottery || !run.publicNumbers) return null;
    args = {
      documentPath: `lottery-${run.at.slice(0, 10)}-${run.lottery.hash.slice(0, 12)}.txt`,
      publishedHash: run.lottery.hash,
      numbers: run.publicNumbers,
      chosenCodes: codes,
      source: run.lottery.source,
    };
  }
  return `npm run cli -- selection.verify '${JSON.stringify(args).replace(/","/g, '", "').replace(/,(?=\d)/g, ', ')}'`;
}

function verify(run: AuditedRun, opts: ReportPdfOptions, t: ReportT): Content[] {
  const out: Content[] = [heading(t('reports.selectionAudit.verify'), 3, 90)];
  const command = verifyCommand(run, opts.level !== 'aggregate');
  if (!command) out.push(para(t(run.algorithm === 'legacy' ? 'reports.selectionAudit.verifyLegacyNoSeed' : 'reports.selectionAudit.verifyLeximinRandom')));
  else {
    out.push(para(t(run.algorithm === 'legacy' ? 'reports.selectionAudit.verifyLegacy' : 'reports.selectionAudit.verifyLeximinPublic', { runId: run.id })));
    out.push({
      table: { widths: ['*'], body: [[{ text: command, fontSize: 8, color: '#111111' }]] },
      layout: { hLineWidth: () => 0, vLineWidth: () => 0, fillColor: () => '#f1f3f6', paddingLeft: () => 6, paddingRight: () => 6, paddingTop: () => 5, paddingBottom: () => 5 },
      margin: [0, 0, 0, 4],
    });
    if (opts.level === 'aggregate') out.push(note(t('reports.selectionAudit.codesLeftOut')));
  }
  return out;
}

export async function selectionAuditPdf(data: ReportData, opts: ReportPdfOptions): Promise<Buffer> {
  const t = reportT(opts.lang);
  const runs = auditedRuns(data);
  if (runs.length === 0) throw new RangeError(t('reports.selectionAudit.empty'));
  const tz = data.assembly.timeZone;
  const content: Content[] = [...titleBlock(t('reports.selectionAudit.title'), data.assembly.name, opts.level, opts.lang), para(t('reports.selectionAudit.intro'))];
  runs.forEach((run, i) => {
    content.push(
      heading(t(`reports.selectionAudit.run.${run.kind}`, { date: instant(run.drawnAt ?? run.at, opts.lang, tz) }), 1, 300, i === 0 ? {} : { pageBreak: 'before' }),
      runFacts(run, data, opts, t),
      ...quotas(run, data, opts, t),
      ...probabilities(run, opts, t),
      ...panel(run, opts, t),
      ...verify(run, opts, t),
    );
  });
  if (opts.level === 'aggregate') content.push(note(t('reports.suppressedNote'), { margin: [0, 8, 0, 0] }));
  return renderPdf(
    {
      ...pageFrame({ assemblyName: data.assembly.name, title: t('reports.selectionAudit.title'), lang: opts.lang, generatedAt: opts.generatedAt, timeZone: data.assembly.timeZone, sideMargin: SIDE }),
      content,
    },
    { creationDate: opts.generatedAt, title: `${t('reports.selectionAudit.title')} — ${data.assembly.name}`, author: data.assembly.name },
  );
}
