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
 *  - how to check it with the command line (`selection.verify`).
 *
 * The per-person probabilities are not part of a SelectionRun: the histogram is drawn from a
 * run's `histogram` (bins) or `probabilities` (code -> probability) when the report data carries
 * them, otherwise the range (min, mean, max) is drawn and the page says so. Nothing drawn yet: a
 * RangeError.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { SelectionRun } from '../../preload/contract';
import type { ReportData } from './data';
import { reportLabels, type ReportLabels } from './labels';
import { countCell, SUPPRESSED } from './privacy';
import {
  ACCENT,
  countText,
  dataTable,
  decimal,
  factsTable,
  heading,
  histogram,
  horizontalBars,
  instant,
  integer,
  keepPageBreak,
  note,
  para,
  percent,
  titleBlock,
  type Bin,
  type ReportPdfOptions,
} from './pdf/charts';
import { A4, GREY, pageFrame } from './pdf/layout';
import { renderPdf } from './pdf/render';
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

function runFacts(run: AuditedRun, data: ReportData, opts: ReportPdfOptions, labels: ReportLabels): Content {
  const a = labels.reports.selectionAudit;
  const f = a.fields;
  const tz = data.assembly.timeZone;
  const when = (iso: string | null, who: string | null) => (iso ? a.by(instant(iso, opts.lang, tz), who ?? '—') : '—');
  const rows: [string, Content | string][] = [
    [f.runId, run.id],
    [f.status, { text: a.statuses[run.status], bold: true, color: run.status === 'drawn' ? ACCENT : GREY }],
  ];
  if (run.status === 'superseded') {
    rows.push([f.supersededBy, `${run.supersededBy ?? '—'}${run.supersededAt ? ` (${instant(run.supersededAt, opts.lang, tz)})` : ''}`]);
    rows.push([f.reason, run.supersededReason ?? '—']);
  }
  rows.push(
    [f.prepared, when(run.at, run.operator)],
    [f.drawn, when(run.drawnAt, run.drawnBy)],
    [f.algorithm, `${a.algorithms[run.algorithm]} — ${run.algorithmVersion}${run.complete ? '' : ` (${a.incomplete})`}`],
    [f.panelSize, integer(run.panelSize, opts.lang)],
    [f.onePerHousehold, run.onePerHousehold ? labels.reports.yes : labels.reports.no],
    [f.candidates, countText(run.summary.count, opts.level, opts.lang)],
    [f.inputHash, { text: run.inputHash, fontSize: 8.5 }],
  );
  if (run.lottery) {
    rows.push(
      [f.lotteryHash, { text: run.lottery.hash, fontSize: 8.5, bold: true }],
      [f.lotterySize, a.tickets(integer(run.lottery.size, opts.lang))],
      [f.lotterySource, a.sources[run.lottery.source]],
      [f.maxDeviation, decimal(run.lottery.maxDeviation, opts.lang, 6)],
    );
  }
  if (run.seedMode) rows.push([f.seedMode, a.seedModes[run.seedMode]]);
  if (run.seed) rows.push([f.seed, { text: run.seed, fontSize: 8.5 }]);
  if (run.publicNumbers) rows.push([f.publicNumbers, run.publicNumbers.join(', ')]);
  if (run.ticket !== null) rows.push([f.ticket, { text: integer(run.ticket, opts.lang), bold: true }]);
  return factsTable(rows, { labelWidth: 170, fontSize: 9 });
}

function quotas(run: AuditedRun, labels: ReportLabels): Content[] {
  const a = labels.reports.selectionAudit;
  if (run.quotas.length === 0) return [heading(a.quotas, 3, 40), note(a.noQuotas)];
  return [
    heading(a.quotas, 3, 80),
    dataTable(
      [a.feature, a.value, a.min, a.max],
      run.quotas.map((q): TableCell[] => [q.feature, q.value, String(q.min), String(q.max)]),
      { widths: [140, '*', 50, 50], align: ['left', 'left', 'right', 'right'], fontSize: 8.5 },
    ),
  ];
}

function probabilities(run: AuditedRun, opts: ReportPdfOptions, labels: ReportLabels): Content[] {
  const a = labels.reports.selectionAudit;
  const s = run.summary;
  const p = (x: number) => `${decimal(x, opts.lang, 4)}  (${percent(x, opts.lang, 2)})`;
  const out: Content[] = [
    heading(a.probabilities, 3, 200),
    factsTable(
      [
        [a.min, p(s.min)],
        [a.mean, p(s.mean)],
        [a.max, p(s.max)],
        [a.gini, decimal(s.gini, opts.lang, 4)],
        [a.certificate, run.certificate ? a.certificateText(decimal(run.certificate.upperBound, opts.lang, 4), decimal(run.certificate.gap, opts.lang, 6)) : a.noCertificate],
      ],
      { labelWidth: 170, fontSize: 9 },
    ),
    heading(a.histogram, 3, 150),
  ];
  const bins = probabilityBins(run);
  if (bins) {
    const shown: Bin[] = bins.map((b) => {
      const c = countCell(b.count, opts.level);
      return { from: b.from, to: b.to, count: c === SUPPRESSED ? null : b.count, text: c === SUPPRESSED ? SUPPRESSED : integer(b.count, opts.lang), label: bins.length === 1 ? percent(b.from, opts.lang, 2) : `${percent(b.from, opts.lang, 1)}–${percent(b.to, opts.lang, 1)}` };
    });
    out.push(histogram(shown, { width: WIDTH, height: 90, caption: a.histogramCaption(countText(s.count, opts.level, opts.lang)) }));
  } else {
    out.push(
      horizontalBars(
        [
          { label: a.min, value: s.min, text: percent(s.min, opts.lang, 2) },
          { label: a.mean, value: s.mean, text: percent(s.mean, opts.lang, 2) },
          { label: a.max, value: s.max, text: percent(s.max, opts.lang, 2), bold: true },
        ],
        { width: WIDTH, labelWidth: 110, valueWidth: 60, max: Math.max(s.max, 1e-9) },
      ),
      note(a.histogramMissing),
    );
  }
  return out;
}

function panel(run: AuditedRun, opts: ReportPdfOptions, labels: ReportLabels): Content[] {
  const a = labels.reports.selectionAudit;
  if (run.panel === null) {
    if (opts.level === 'aggregate' && run.drawnAt !== null) return [heading(a.panel(run.panelSize), 3, 40), para(a.panelLeftOut, { italics: true })];
    return [heading(a.panel(0), 3, 40), para(a.panelNone)];
  }
  const columns = 8;
  const rows: TableCell[][] = [];
  for (let i = 0; i < run.panel.length; i += columns) {
    const row: TableCell[] = run.panel.slice(i, i + columns).map((c) => ({ text: c }));
    while (row.length < columns) row.push('');
    rows.push(row);
  }
  return [
    heading(a.panel(run.panel.length), 3, 80),
    {
      table: { widths: Array.from({ length: columns }, () => '*'), body: rows, dontBreakRows: true },
      fontSize: 8.5,
      layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 2, paddingRight: () => 2, paddingTop: () => 1, paddingBottom: () => 1, fillColor: (i: number) => (i % 2 === 1 ? '#f6f7f9' : null) },
      margin: [0, 0, 0, 8],
    },
  ];
}

/** The command that checks a LEXIMIN draw with public numbers. */
export function verifyCommand(run: AuditedRun, withCodes: boolean): string | null {
  if (run.algorithm !== 'leximin' || !run.lottery || !run.publicNumbers) return null;
  const args = {
    documentPath: `lottery-${run.at.slice(0, 10)}-${run.lottery.hash.slice(0, 12)}.txt`,
    publishedHash: run.lottery.hash,
    numbers: run.publicNumbers,
    chosenCodes: withCodes && run.panel ? run.panel : ['…'],
    source: run.lottery.source,
  };
  return `npm run cli -- selection.verify '${JSON.stringify(args).replace(/","/g, '", "').replace(/,(?=\d)/g, ', ')}'`;
}

function verify(run: AuditedRun, opts: ReportPdfOptions, labels: ReportLabels): Content[] {
  const a = labels.reports.selectionAudit;
  const out: Content[] = [heading(a.verify, 3, 90)];
  const command = verifyCommand(run, opts.level !== 'aggregate');
  if (run.algorithm === 'legacy') out.push(para(a.verifyLegacy));
  else if (!command) out.push(para(a.verifyLeximinRandom));
  else {
    out.push(para(a.verifyLeximinPublic));
    out.push({
      table: { widths: ['*'], body: [[{ text: command, fontSize: 8, color: '#111111' }]] },
      layout: { hLineWidth: () => 0, vLineWidth: () => 0, fillColor: () => '#f1f3f6', paddingLeft: () => 6, paddingRight: () => 6, paddingTop: () => 5, paddingBottom: () => 5 },
      margin: [0, 0, 0, 4],
    });
    if (opts.level === 'aggregate') out.push(note(a.codesLeftOut));
  }
  return out;
}

export async function selectionAuditPdf(data: ReportData, opts: ReportPdfOptions): Promise<Buffer> {
  const labels = reportLabels(opts.lang);
  const a = labels.reports.selectionAudit;
  const runs = auditedRuns(data);
  if (runs.length === 0) throw new RangeError(a.empty);
  const tz = data.assembly.timeZone;
  const content: Content[] = [...titleBlock(a.title, data.assembly.name, opts.level, opts.lang), para(a.intro)];
  runs.forEach((run, i) => {
    content.push(
      heading(a.run(run.kind, instant(run.drawnAt ?? run.at, opts.lang, tz)), 1, 300, i === 0 ? {} : { pageBreak: 'before' }),
      runFacts(run, data, opts, labels),
      ...quotas(run, labels),
      ...probabilities(run, opts, labels),
      ...panel(run, opts, labels),
      ...verify(run, opts, labels),
    );
  });
  if (opts.level === 'aggregate') content.push(note(labels.reports.suppressedNote, { margin: [0, 8, 0, 0] }));
  return renderPdf(
    {
      ...pageFrame({ assemblyName: data.assembly.name, title: a.title, lang: opts.lang, generatedAt: opts.generatedAt, sideMargin: SIDE }),
      content,
      pageBreakBefore: (node) => keepPageBreak(node),
    },
    { creationDate: opts.generatedAt, title: `${a.title} — ${data.assembly.name}`, author: data.assembly.name },
  );
}
