/**
 * The public report (A4 portrait): what real assembly reports publish about how the assembly
 * came about and worked, beside the recommendations and representativeness reports:
 *
 *  1. recruitment: the population figures' source and year, who could take part, how people
 *     were invited, and the invitations funnel (not recorded yet: a marked place for issue 19);
 *  2. declines and withdrawals: per reason, the replacements, and the drop-out per group;
 *  3. politicians: who was invited, who came and who declined, slot by slot;
 *  4. experts and their material;
 *  5. votes: per item the full counts and the turnout (papers / members present);
 *  6. costs: the per-diem total, the contributors' fees and travel, the costs entered.
 *
 * Counts about people (declines, drop-out) follow the small-cell rule at the aggregate level
 * (publicFacts.ts: peopleCell); the votes are results and print in full. A fact not entered says so.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { LETTER_STAGES, type ReportData } from './data';
import { reportT, type ReportT } from './i18n';
import { costSummary, dropOutCells, dropOutColumns, peopleCell, peopleShare, peopleTable, politicianLines, publicFactsOf, turnoutOf, type PublicFacts } from './publicFacts';
import { contributorLabel, DROP_OUT_HEADERS } from './publicTables';
import { itemTitle } from './recommendationsPdf';
import { dataTable, factsTable, heading, integer, money, note, para, percent, shortDate, SUPPRESSED_MARK, titleBlock, type ReportPdfOptions } from './pdf/charts';
import { GREY, pageFrame } from './pdf/layout';
import { renderPdf } from './pdf/render';

const SIDE = 40;

function peopleText(n: number, opts: ReportPdfOptions): string {
  const c = peopleCell(n, opts.level);
  return typeof c === 'number' ? integer(c, opts.lang) : c;
}

/** A printable count (a number, or the suppression mark) as text. */
const asText = (c: number | string, opts: ReportPdfOptions): string => (typeof c === 'number' ? integer(c, opts.lang) : c);

function shareText(part: number, whole: number, opts: ReportPdfOptions): string {
  const s = peopleShare(part, whole, opts.level);
  return s === null ? '—' : typeof s === 'number' ? percent(s, opts.lang) : s;
}

const missing = (t: ReportT): Content => ({ text: t('publicReport.notEntered'), italics: true, color: GREY });

function recruitment(data: ReportData, f: PublicFacts, opts: ReportPdfOptions, t: ReportT): Content[] {
  const r = f.recruitment;
  return [
    heading(t('publicReport.sections.recruitment'), 1, 160),
    factsTable(
      [
        [t('publicReport.facts.populationSource'), r.populationSource || missing(t)],
        [t('publicReport.facts.populationYear'), r.populationYear === null ? missing(t) : String(r.populationYear)],
        [t('publicReport.facts.eligibility'), r.eligibility || missing(t)],
        [t('publicReport.facts.invitationMethod'), r.invitationMethod || missing(t)],
      ],
      { labelWidth: 170, fontSize: 9.5 },
    ),
    heading(t('publicReport.sections.invitations'), 2, 60),
    ...letterFunnel(data, opts, t),
  ];
}

/**
 * The invitation letters from the register's lottery to the pool (the number of letters sent is
 * the assembly's own act and printed in full; the answers are counts about people), or a note that
 * this file drew none.
 */
function letterFunnel(data: ReportData, opts: ReportPdfOptions, t: ReportT): Content[] {
  const letters = data.funnel.letters;
  if (letters === null) return [{ text: t('publicReport.invitationsNotRecorded'), italics: true, color: GREY, fontSize: 9.5, margin: [0, 0, 0, 6] }];
  return [
    para(t('publicReport.letterFunnel.intro')),
    factsTable(
      LETTER_STAGES.map((stage, i) => [t(`publicReport.letterFunnel.${stage}`), stage === 'sent' ? integer(letters[i]!, opts.lang) : peopleText(letters[i]!, opts)]),
      { labelWidth: 170, fontSize: 9.5 },
    ),
  ];
}

function drops(data: ReportData, f: PublicFacts, opts: ReportPdfOptions, t: ReportT): Content[] {
  const c = f.dropCounts;
  const total = c.declined + c.withdrawn;
  const out: Content[] = [
    heading(t('publicReport.sections.drops'), 1, 160),
    factsTable(
      [
        [t('publicReport.facts.declined'), peopleText(c.declined, opts)],
        [t('publicReport.facts.withdrawn'), peopleText(c.withdrawn, opts)],
        [t('publicReport.facts.replaced'), peopleText(c.replaced, opts)],
      ],
      { labelWidth: 170, fontSize: 9.5 },
    ),
  ];
  if (c.byReason.length > 0) {
    out.push(
      heading(t('publicReport.sections.reasons'), 2, 80),
      dataTable(
        [t('publicReport.columns.reason'), t('report.statuses.declined'), t('report.statuses.withdrawn'), t('report.columns.share')],
        ((cells) => c.byReason.map((r, i): TableCell[] => [t(`publicReport.reasons.${r.reason}`), asText(cells[i]![0]!, opts), asText(cells[i]![1]!, opts), shareText(r.declined + r.withdrawn, total, opts)]))(
          peopleTable(c.byReason.map((r) => [r.declined, r.withdrawn]), opts.level),
        ),
        { widths: ['*', 70, 70, 60], align: ['left', 'right', 'right', 'right'], fontSize: 9 },
      ),
    );
  }
  if (f.drops.length > 0) {
    out.push(
      dataTable(
        [t('report.columns.code'), t('report.columns.status'), t('publicReport.columns.reason'), t('publicReport.columns.replacedBy'), ...(opts.level === 'full' ? [t('publicReport.columns.reasonText')] : [])],
        f.drops.map((d): TableCell[] => [
          d.code,
          t(`report.statuses.${d.status}`),
          t(`publicReport.reasons.${d.reasonCode ?? 'none'}`),
          d.replacedBy ?? '—',
          ...(opts.level === 'full' ? [d.reason ?? ''] : []),
        ]),
        { widths: opts.level === 'full' ? [50, 60, 90, 60, '*'] : [60, 80, '*', 80], align: ['left', 'left', 'left', 'left', 'left'], fontSize: 8.5 },
      ),
    );
  }
  if (c.byGroup.length > 0) {
    out.push(
      heading(t('publicReport.sections.dropOut'), 2, 120),
      dataTable(
        [t('report.columns.feature'), t('report.columns.value'), ...dropOutColumns(opts.level).map((k) => DROP_OUT_HEADERS[k](t)), t('publicReport.columns.dropOutRate')],
        dropOutCells(data, c.byGroup, opts.level).map(({ g, cells, shareHidden }): TableCell[] => [g.feature, g.value, ...cells.map((x) => asText(x, opts)), shareHidden ? SUPPRESSED_MARK : shareText(g.declined + g.withdrawn, g.selected, opts)]),
        opts.level === 'aggregate'
          ? { widths: [62, '*', 72, 72, 56], align: ['left', 'left', 'right', 'right', 'right'], fontSize: 8.5 }
          : { widths: [62, '*', 44, 58, 62, 50, 48], align: ['left', 'left', 'right', 'right', 'right', 'right', 'right'], fontSize: 8.5 },
      ),
    );
  }
  if (opts.level === 'aggregate') out.push(note(t('publicReport.smallCellsNote')));
  return out;
}

function politicians(data: ReportData, f: PublicFacts, opts: ReportPdfOptions, t: ReportT): Content[] {
  const lines = politicianLines(data, f);
  const sessions = new Map(data.sessions.map((s) => [s.id, s]));
  return [
    heading(t('publicReport.sections.politicians'), 1, 120),
    lines.length === 0
      ? para(t('publicReport.noPoliticians'))
      : dataTable(
          [t('agenda.columns.name'), t('agenda.columns.organisation'), t('report.columns.session'), t('publicReport.columns.appearance')],
          lines.map((l): TableCell[] => {
            const c = contributorLabel(data, l.contributorId, t);
            const s = l.sessionId ? sessions.get(l.sessionId) : undefined;
            return [`${c.name} (${c.role})`, c.organisation, s ? `${s.name}, ${shortDate(s.date, opts.lang)}${l.slotTitle ? ` — ${l.slotTitle}` : ''}` : '—', t(`publicReport.appearances.${l.outcome}`)];
          }),
          { widths: [110, 80, '*', 120], align: ['left', 'left', 'left', 'left'], fontSize: 8.5 },
        ),
  ];
}

function experts(data: ReportData, f: PublicFacts, t: ReportT): Content[] {
  const rows: TableCell[][] = [];
  for (const c of data.agenda.contributors) {
    const mine = f.materials.filter((m) => m.contributorId === c.id);
    if (mine.length === 0 && c.role !== 'expert') continue;
    const who = contributorLabel(data, c.id, t);
    const name = `${who.name}${who.organisation ? `, ${who.organisation}` : ''}`;
    if (mine.length === 0) rows.push([name, { text: t('publicReport.noMaterial'), italics: true, color: GREY }, '', '']);
    for (const m of mine) rows.push([name, m.title, t(`publicReport.materialKinds.${m.kind}`), m.link]);
  }
  return [
    heading(t('publicReport.sections.experts'), 1, 120),
    rows.length === 0
      ? para(t('publicReport.noExperts'))
      : dataTable([t('agenda.columns.name'), t('publicReport.columns.materialTitle'), t('publicReport.columns.materialKind'), t('publicReport.columns.link')], rows, {
          widths: [130, '*', 60, 120],
          align: ['left', 'left', 'left', 'left'],
          fontSize: 8.5,
        }),
  ];
}

function votes(data: ReportData, opts: ReportPdfOptions, t: ReportT): Content[] {
  const out: Content[] = [heading(t('publicReport.sections.votes'), 1, 120), note(t('publicReport.votesNote'))];
  if (data.ballots.length === 0) return [...out, para(t('publicReport.noVotes'))];
  for (const { ballot, result } of data.ballots) {
    const answers = ballot.rule.method === 'yesNo' ? [t('report.answers.for'), t('report.answers.against'), t('report.answers.abstain')] : ballot.rule.method === 'scale' ? ballot.rule.levels : [];
    out.push(heading(ballot.title, 2, 80));
    if (result.ranking === null) {
      out.push(
        dataTable(
          [t('report.columns.item'), t('publicReport.columns.counts'), t('report.answers.blank'), t('report.answers.spoilt'), t('publicReport.columns.papers'), t('report.columns.membersPresent'), t('publicReport.columns.turnout')],
          result.items.map((item): TableCell[] => {
            const { papers, turnout } = turnoutOf(item.counts, item.blank, item.spoilt, result.present);
            return [
              `${item.number}. ${itemTitle(ballot.items.find((i) => i.id === item.itemId), item.title, opts.lang)}`,
              item.counts.map((n, k) => `${answers[k] ?? k + 1} ${integer(n, opts.lang)}`).join(' · '),
              integer(item.blank, opts.lang),
              integer(item.spoilt, opts.lang),
              integer(papers, opts.lang),
              integer(result.present, opts.lang),
              turnout === null ? '—' : percent(turnout, opts.lang),
            ];
          }),
          { widths: ['*', 118, 34, 40, 50, 50, 46], align: ['left', 'left', 'right', 'right', 'right', 'right', 'right'], fontSize: 8.5 },
        ),
      );
      // Each recommendation's rationale, as the members gave it (in the report's language).
      for (const item of ballot.items) {
        const why = item.rationale?.trim();
        if (why) out.push({ text: [{ text: `${item.number}. ${t('reports.recommendations.rationale')} `, bold: true }, { text: why }], fontSize: 9, margin: [0, 3, 0, 0] });
      }
    } else {
      const { papers, turnout } = turnoutOf([result.papers.valid], result.papers.blank, result.papers.spoilt, result.present);
      out.push(
        factsTable(
          [
            [t('publicReport.columns.papers'), integer(papers, opts.lang)],
            [t('report.answers.blank'), integer(result.papers.blank, opts.lang)],
            [t('report.answers.spoilt'), integer(result.papers.spoilt, opts.lang)],
            [t('report.columns.membersPresent'), integer(result.present, opts.lang)],
            [t('publicReport.columns.turnout'), turnout === null ? '—' : percent(turnout, opts.lang)],
          ],
          { labelWidth: 170, fontSize: 9 },
        ),
      );
    }
  }
  return out;
}

function costs(data: ReportData, f: PublicFacts, opts: ReportPdfOptions, t: ReportT): Content[] {
  const s = costSummary(data, f, opts.level);
  const amount = (cents: number | typeof SUPPRESSED_MARK) => (cents === SUPPRESSED_MARK ? SUPPRESSED_MARK : money(cents, opts.lang));
  return [
    heading(t('publicReport.sections.costs'), 1, 120),
    dataTable(
      [t('publicReport.columns.costLabel'), t('publicReport.columns.category'), t('publicReport.columns.amount')],
      [
        // The per-diem and the fees are computed, not entered: their words say what they are.
        ...s.lines.map((l): TableCell[] => [l.label || t(`publicReport.costCategories.${l.category}`), l.label ? t(`publicReport.costCategories.${l.category}`) : '', amount(l.cents)]),
        [{ text: t('report.columns.total'), bold: true }, '', { text: amount(s.totalCents), bold: true }],
      ],
      { widths: ['*', 120, 90], align: ['left', 'left', 'right'], fontSize: 9 },
    ),
    ...(f.costs.length === 0 ? [note(t('publicReport.noCostsEntered'))] : []),
  ];
}

export async function publicReportPdf(data: ReportData, opts: ReportPdfOptions): Promise<Buffer> {
  const t = reportT(opts.lang);
  const f = publicFactsOf(data, opts.level);
  const title = t('publicReport.title');
  const content: Content[] = [
    ...titleBlock(title, data.assembly.name, opts.level, opts.lang),
    para(t('publicReport.intro')),
    ...recruitment(data, f, opts, t),
    ...drops(data, f, opts, t),
    ...politicians(data, f, opts, t),
    ...experts(data, f, t),
    ...votes(data, opts, t),
    ...costs(data, f, opts, t),
  ];
  return renderPdf(
    {
      ...pageFrame({ assemblyName: data.assembly.name, title, lang: opts.lang, generatedAt: opts.generatedAt, timeZone: data.assembly.timeZone, sideMargin: SIDE }),
      content,
    },
    { creationDate: opts.generatedAt, title: `${title} — ${data.assembly.name}`, author: data.assembly.name },
  );
}
