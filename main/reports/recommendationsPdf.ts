/**
 * Recommendations and results, for policymakers (A4 portrait):
 *
 *  - a cover page: the assembly, the period (first to last session), the panel's size, the
 *    sessions held, the number of recommendations, and the privacy level;
 *  - the method in plain words: how the panel was selected (LEXIMIN or the classic algorithm,
 *    from the drawn panel run), the sessions held, the expert input (contributors by role and the
 *    balance of perspectives per topic), and each ballot's voting rule and quorum;
 *  - each recommendation (a ballot item): its full text in the report's language when it has one
 *    (else another, said so), the counts, the percentages on the stated base, the threshold in
 *    words and the outcome, with a horizontal bar chart (the threshold as a dashed line); for an
 *    approval or ranking ballot the options, the order and the scores;
 *  - a summary table: number, title, % for, outcome.
 *
 * Ballot counts are counts of people: at the aggregate level 1 to 4 votes print as "<5" and draw
 * no bar. Nothing finalised: a RangeError.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { Ballot, BallotResult, ItemResult } from '../domain/voting/types';
import type { PersonLanguage } from '../../preload/vocabulary';
import type { ReportData } from './data';
import { thresholdFraction } from '../domain/voting/result';
import { topicBalance } from '../domain/agenda/balance';
import { conditionWords, notHeldWords, quorumWords, ruleWords } from './ballotWords';
import { languageName, reportT, type ReportLang, type ReportT } from './i18n';
import type { PrivacyLevel } from './privacy';
import {
  ACCENT,
  COLORS,
  countText,
  dataTable,
  factsTable,
  heading,
  horizontalBars,
  integer,
  note,
  para,
  percent,
  shortDate,
  titleBlock,
  type Bar,
  type ReportPdfOptions,
} from './pdf/charts';
import { A4, formatIsoDate, GREY, pageFrame } from './pdf/layout';
import { renderPdf } from './pdf/render';

export type { ReportPdfOptions };

const SIDE = 40;
const WIDTH = A4.width - 2 * SIDE;
const TEXT_LANGS: PersonLanguage[] = ['nl', 'fr', 'en', 'de'];

type Finalised = ReportData['ballots'][number];

/** The item's full text in the report's language, else in the first language it has. */
export function itemText(item: Ballot['items'][number], lang: ReportLang): { text: string; language: PersonLanguage | null } {
  const own = item.text[lang]?.trim();
  if (own) return { text: own, language: lang };
  for (const l of TEXT_LANGS) {
    const t = item.text[l]?.trim();
    if (t) return { text: t, language: l };
  }
  return { text: item.title, language: null };
}

/**
 * The item's title in the report's language. main/reports/data.ts has already put it in that
 * language (its translation, else its own short text there, else the base title).
 */
export function itemTitle(item: Ballot['items'][number] | undefined, fallback: string, _lang: ReportLang): string {
  return item?.title ?? fallback;
}

/** The outcome of an item, in words and colour. */
function outcome(item: ItemResult, result: BallotResult, t: ReportT): { text: string; color: string } {
  if (!result.quorumMet) return { text: t('reports.recommendations.quorumNotMet'), color: COLORS.rejected };
  if (item.tie && item.settled === 'castingVote') {
    const chair = result.chair ?? '';
    return item.adopted
      ? { text: t('reports.recommendations.adoptedByCastingVote', { chair }), color: COLORS.adopted }
      : { text: t('reports.recommendations.notAdoptedByCastingVote', { chair }), color: COLORS.rejected };
  }
  if (item.adopted) return { text: t('reports.recommendations.adopted'), color: COLORS.adopted };
  if (item.tie && item.settled === 'newVote') return { text: t('reports.recommendations.tieNewVote'), color: COLORS.tie };
  if (item.tie) return { text: t('reports.recommendations.tie'), color: COLORS.tie };
  return { text: t('reports.recommendations.notAdopted'), color: COLORS.rejected };
}

/** A percentage of the base. Votes are results of a public body: published in full at every level. */
function shareText(_count: number, share: number, base: number, _level: PrivacyLevel, lang: ReportLang): { value: number | null; text: string } {
  if (base <= 0) return { value: null, text: '—' };
  return { value: share, text: percent(share, lang) };
}

/** Where the adoption line is on the "for" bar (a share of the base) and its caption. */
function marker(ballot: Ballot, t: ReportT, lang: ReportLang): { at: number; caption: string } | undefined {
  const rule = ballot.rule;
  if (rule.method === 'yesNo') {
    const f = thresholdFraction(rule);
    return f ? { at: f[0] / f[1], caption: t('reports.recommendations.markerCaption', { fraction: `${f[0]}/${f[1]} (${percent(f[0] / f[1], lang)})` }) } : { at: 0.5, caption: t('reports.recommendations.markerCaption', { fraction: `> ${percent(0.5, lang, 0)}` }) };
  }
  if (rule.method === 'scale') return { at: rule.numerator / rule.denominator, caption: t('reports.recommendations.markerCaption', { fraction: `${rule.numerator}/${rule.denominator} (${percent(rule.numerator / rule.denominator, lang)})` }) };
  return undefined;
}

function methodName(ballot: Ballot, t: ReportT): string {
  const rule = ballot.rule;
  return t(`reports.recommendations.methods.${rule.method === 'ranking' ? rule.count : rule.method}`);
}

// ---------------------------------------------------------------------------------------------

function cover(data: ReportData, opts: ReportPdfOptions, t: ReportT): Content[] {
  const held = data.heldSessionIds.length;
  const items = data.ballots.reduce((n, b) => n + b.ballot.items.length, 0);
  const period =
    data.assembly.firstDate && data.assembly.lastDate
      ? data.assembly.firstDate === data.assembly.lastDate
        ? formatIsoDate(data.assembly.firstDate, opts.lang)
        : `${formatIsoDate(data.assembly.firstDate, opts.lang)} – ${formatIsoDate(data.assembly.lastDate, opts.lang)}`
      : '—';
  return [
    { text: '', margin: [0, 120, 0, 0] },
    ...titleBlock(t('reports.recommendations.title'), data.assembly.name, opts.level, opts.lang, t('reports.recommendations.subtitle')),
    factsTable(
      [
        [t('reports.period'), period],
        [t('reports.panelSize'), countText(data.assembly.panelSize, opts.level, opts.lang)],
        [t('reports.recommendations.sessionsHeading'), t('reports.sessions', { held, planned: data.sessions.length })],
        [t('reports.recommendations.results'), t('reports.recommendations.items', { count: items })],
      ],
      { labelWidth: 150, fontSize: 11, margin: [0, 14, 0, 0] },
    ),
    { text: '', pageBreak: 'after' },
  ];
}

function method(data: ReportData, opts: ReportPdfOptions, t: ReportT): Content[] {
  const lang = opts.lang;
  const out: Content[] = [heading(t('reports.recommendations.method'), 1)];

  // Selection.
  out.push(heading(t('reports.recommendations.selection'), 2));
  const run = data.selection.find((s) => s.status === 'drawn' && s.kind === 'panel') ?? data.selection.find((s) => s.status === 'drawn');
  if (run) {
    out.push(
      para(
        t(`reports.recommendations.selectionText.${run.algorithm}`, {
          pool: countText(run.summary.count, opts.level, lang),
          panel: countText(run.panelSize, opts.level, lang),
          version: run.algorithmVersion,
          features: new Set(run.quotas.map((q) => q.feature)).size,
          quotas: run.quotas.length,
        }),
      ),
    );
  } else out.push(para(t('reports.recommendations.selectionNone')));

  // Sessions.
  out.push(heading(t('reports.recommendations.sessionsHeading'), 2));
  const held = data.heldSessionIds.map((id) => data.sessions.find((s) => s.id === id)).filter((s) => s !== undefined);
  if (held.length > 0) {
    out.push(para(t('reports.recommendations.sessionsText', { count: held.length, planned: data.sessions.length, first: shortDate(held[0]!.date, lang), last: shortDate(held[held.length - 1]!.date, lang) })));
    out.push(note(held.map((s) => `${shortDate(s.date, lang)} — ${s.name}`).join('\n')));
  } else out.push(para(t('reports.recommendations.sessionsNone')));

  // Expert input: what happened (sessions held) apart from what is planned (sessions to come,
  // invitations not yet confirmed), so that no one is said to have contributed before they did.
  out.push(heading(t('reports.recommendations.experts'), 2));
  const heldIds = new Set(data.heldSessionIds);
  const slotsOf = (c: { id: string }) => data.agenda.slots.filter((s) => s.speakerIds.includes(c.id) || s.facilitatorIds.includes(c.id));
  const came: typeof data.agenda.contributors = [];
  const planned: typeof data.agenda.contributors = [];
  for (const c of data.agenda.contributors) {
    if (c.status === 'declined') continue;
    const slots = slotsOf(c);
    if (c.status === 'confirmed' && slots.some((s) => heldIds.has(s.sessionId))) came.push(c);
    else if (slots.some((s) => !heldIds.has(s.sessionId))) planned.push(c);
  }
  const byRole = (list: typeof came) => {
    const roles = new Map<string, number>();
    for (const c of list) roles.set(c.role, (roles.get(c.role) ?? 0) + 1);
    return [...roles.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([role, n]) => t(`agenda.someone.${role}`, { count: n }))
      .join(', ');
  };
  if (came.length > 0) out.push(para(t('reports.recommendations.expertsText', { total: integer(came.length, lang), roles: byRole(came) })));
  else out.push(para(t(planned.length > 0 ? 'reports.recommendations.expertsNoneYet' : 'reports.recommendations.expertsNone')));
  if (planned.length > 0) {
    const invited = planned.filter((c) => c.status === 'invited').length;
    out.push(para(`${t('reports.recommendations.expertsPlanned', { roles: byRole(planned) })}${invited > 0 ? ` ${t('reports.recommendations.expertsInvited', { count: invited })}` : ''}`));
  }
  // Speaking time: the sessions held only; what the sessions to come plan is one figure beside it.
  const contributorById = new Map(data.agenda.contributors.map((c) => [c.id, c]));
  const perspectiveName = new Map(data.agenda.perspectives.map((p) => [p.id, p.name]));
  const balanceOf = (slots: typeof data.agenda.slots) =>
    topicBalance(
      slots,
      (speaker) => contributorById.get(speaker)?.perspectiveId ?? null,
      (p) => (p === null ? t('reports.recommendations.noPerspective') : (perspectiveName.get(p) ?? t('reports.recommendations.noPerspective'))),
    ).filter((b) => b.totalMinutes > 0);
  const balance = balanceOf(data.agenda.slots.filter((s) => heldIds.has(s.sessionId)));
  const plannedMinutes = balanceOf(data.agenda.slots.filter((s) => !heldIds.has(s.sessionId))).reduce((n, b) => n + b.totalMinutes, 0);
  if (balance.length > 0) {
    out.push(note(t('reports.recommendations.balanceIntro'), { fontSize: 9, color: '#222222', margin: [0, 2, 0, 3] }));
    out.push(
      dataTable(
        [t('reports.recommendations.topic'), t('reports.recommendations.perspectives'), ''],
        balance.map((b) => [
          b.topic || '—',
          b.perspectives
            .map((p) => `${p.perspectiveId === null ? t('reports.recommendations.noPerspective') : p.name}: ${integer(p.minutes, lang)} (${percent(b.totalMinutes > 0 ? p.minutes / b.totalMinutes : 0, lang, 0)})`)
            .join('; '),
          b.oneSided ? { text: t('reports.recommendations.oneSided'), color: COLORS.tie } : '',
        ]),
        { widths: [110, '*', 90], fontSize: 8.5 },
      ),
    );
  }
  if (plannedMinutes > 0) out.push(note(t('reports.recommendations.balancePlanned', { minutes: integer(Math.round(plannedMinutes), lang) }), { fontSize: 9, color: '#222222', margin: [0, 2, 0, 6] }));

  // Voting rules.
  out.push(heading(t('reports.recommendations.voting'), 2));
  for (const { ballot, result } of data.ballots) {
    const needed = Math.ceil((result.panelSize * ballot.quorum.numerator) / ballot.quorum.denominator);
    out.push({
      stack: [
        { text: [{ text: ballot.title, bold: true }, { text: ` — ${methodName(ballot, t)}, ${t('reports.recommendations.items', { count: ballot.items.length })}`, color: GREY }], fontSize: 9.5 },
        { text: `${t('reports.recommendations.threshold')}: ${ruleWords(t, ballot.rule)}.`, fontSize: 9 },
        { text: quorumWords(t, ballot.quorum.numerator, ballot.quorum.denominator, needed, countText(result.present, opts.level, lang), result.quorumMet), fontSize: 9 },
      ],
      margin: [0, 0, 0, 6],
      unbreakable: true,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

function itemHeading(number: string, title: string): Content {
  return heading(`${number}  ${title}`, 3, 230, { fontSize: 11.5, color: ACCENT, margin: [0, 12, 0, 3] });
}

function fullText(item: Ballot['items'][number], lang: ReportLang, t: ReportT): Content[] {
  const shown = itemText(item, lang);
  const out: Content[] = [];
  if (shown.text !== itemTitle(item, item.title, lang)) out.push(para(shown.text, { italics: false, fontSize: 10 }));
  if (shown.language && shown.language !== lang) out.push(note(t('reports.recommendations.textOnlyIn', { language: languageName(shown.language, lang) })));
  // Why the members propose it, in the report's language (data.ts localised it), when given.
  const rationale = item.rationale?.trim();
  if (rationale) out.push({ text: [{ text: `${t('reports.recommendations.rationale')} `, bold: true }, { text: rationale }], fontSize: 10, margin: [0, 2, 0, 4] });
  return out;
}

function outcomeLine(label: string, o: { text: string; color: string }): Content {
  return { text: [{ text: `${label}: `, color: GREY }, { text: o.text, bold: true, color: o.color }], fontSize: 11, margin: [0, 2, 0, 4] };
}

function yesNoItem(f: Finalised, item: ItemResult, opts: ReportPdfOptions, t: ReportT): Content[] {
  const lang = opts.lang;
  const source = f.ballot.items.find((i) => i.id === item.itemId);
  const [yes = 0, no = 0, abstain = 0] = item.counts;
  const [pFor = 0, pAgainst = 0, pAbstain = 0] = item.percentages;
  const abstainBase = item.baseKind === 'cast' ? yes + no + abstain : item.base;
  const shares = [shareText(yes, pFor, item.base, opts.level, lang), shareText(no, pAgainst, item.base, opts.level, lang), shareText(abstain, pAbstain, abstainBase, opts.level, lang)];
  const counts = [yes, no, abstain];
  const names = [t('reports.recommendations.answers.for'), t('reports.recommendations.answers.against'), t('reports.recommendations.answers.abstain')];
  const colours = [COLORS.for, COLORS.against, COLORS.abstain];
  const bars: Bar[] = names.map((label, k) => ({ label, value: shares[k]!.value, text: `${shares[k]!.text} (${countText(counts[k]!, opts.level, lang)})`, color: colours[k], bold: k === 0 }));
  const o = outcome(item, f.result, t);
  return [
    itemHeading(item.number, itemTitle(source, item.title, lang)),
    ...(source ? fullText(source, lang, t) : []),
    {
      columns: [
        {
          width: 190,
          stack: [
            dataTable(
              [t('reports.recommendations.answer'), t('reports.recommendations.count'), t('reports.recommendations.share')],
              [
                ...names.map((n, k): TableCell[] => [n, countText(counts[k]!, opts.level, lang), shares[k]!.text]),
                [t('reports.recommendations.answers.blank'), countText(item.blank, opts.level, lang), ''],
                [t('reports.recommendations.answers.spoilt'), countText(item.spoilt, opts.level, lang), ''],
              ],
              { widths: ['*', 40, 48], align: ['left', 'right', 'right'], fontSize: 8.5, margin: [0, 0, 0, 0] },
            ),
          ],
        },
        { width: '*', stack: [horizontalBars(bars, { width: WIDTH - 190 - 14, labelWidth: 62, valueWidth: 68, marker: marker(f.ballot, t, lang) })] },
      ],
      columnGap: 14,
      margin: [0, 2, 0, 2],
    },
    note(`${t(`reports.recommendations.base.${item.baseKind}`, { n: countText(item.base, opts.level, lang) })}${item.baseKind === 'cast' ? ` ${t('reports.recommendations.abstainNote')}` : ''}`, { margin: [0, 2, 0, 1] }),
    { text: [{ text: `${t('reports.recommendations.threshold')}: `, color: GREY }, ruleWords(t, f.ballot.rule)], fontSize: 9 },
    outcomeLine(t('reports.recommendations.outcome'), o),
  ];
}

function scaleItem(f: Finalised, item: ItemResult, opts: ReportPdfOptions, t: ReportT): Content[] {
  const lang = opts.lang;
  const rule = f.ballot.rule as Extract<Ballot['rule'], { method: 'scale' }>;
  const source = f.ballot.items.find((i) => i.id === item.itemId);
  const support = item.counts.slice(0, rule.supportLevels).reduce((s, c) => s + c, 0);
  const supportShare = shareText(support, item.base > 0 ? support / item.base : 0, item.base, opts.level, lang);
  const levels = rule.levels.map((level, k) => ({ level, count: item.counts[k] ?? 0, share: shareText(item.counts[k] ?? 0, item.percentages[k] ?? 0, item.base, opts.level, lang) }));
  const bars: Bar[] = [
    { label: t('reports.recommendations.support'), value: supportShare.value, text: `${supportShare.text} (${countText(support, opts.level, lang)})`, color: COLORS.for, bold: true },
    ...levels.map((l, k): Bar => ({ label: l.level, value: l.share.value, text: `${l.share.text} (${countText(l.count, opts.level, lang)})`, color: k < rule.supportLevels ? '#81b984' : COLORS.abstain })),
  ];
  return [
    itemHeading(item.number, itemTitle(source, item.title, lang)),
    ...(source ? fullText(source, lang, t) : []),
    dataTable(
      [t('reports.recommendations.answer'), t('reports.recommendations.count'), t('reports.recommendations.share')],
      [
        ...levels.map((l): TableCell[] => [l.level, countText(l.count, opts.level, lang), l.share.text]),
        [{ text: t('reports.recommendations.support'), bold: true }, { text: countText(support, opts.level, lang), bold: true }, { text: supportShare.text, bold: true }],
        [t('reports.recommendations.answers.blank'), countText(item.blank, opts.level, lang), ''],
        [t('reports.recommendations.answers.spoilt'), countText(item.spoilt, opts.level, lang), ''],
      ],
      { widths: ['*', 50, 60], align: ['left', 'right', 'right'], fontSize: 8.5, margin: [0, 2, 0, 4] },
    ),
    horizontalBars(bars, { width: WIDTH, labelWidth: 150, valueWidth: 80, marker: marker(f.ballot, t, lang) }),
    note(t('reports.recommendations.base.valid', { n: countText(item.base, opts.level, lang) }), { margin: [0, 0, 0, 1] }),
    { text: [{ text: `${t('reports.recommendations.threshold')}: `, color: GREY }, ruleWords(t, rule)], fontSize: 9 },
    outcomeLine(t('reports.recommendations.outcome'), outcome(item, f.result, t)),
  ];
}

/** Scores as printed: approval picks are counts of people. */
function scoreText(f: Finalised, score: number, opts: ReportPdfOptions): string {
  return f.ballot.rule.method === 'approval' ? countText(score, opts.level, opts.lang) : integer(score, opts.lang);
}

/** Rank of each option in the order (ties share a rank). */
function ranks(order: string[][]): Map<string, number> {
  const out = new Map<string, number>();
  let rank = 1;
  for (const group of order) {
    for (const id of group) out.set(id, rank);
    rank += group.length;
  }
  return out;
}

function rankingBallot(f: Finalised, opts: ReportPdfOptions, t: ReportT): Content[] {
  const lang = opts.lang;
  const ranking = f.result.ranking;
  if (!ranking) return [];
  const rule = f.ballot.rule;
  const scoreName = rule.method === 'approval' ? t('reports.recommendations.scores.approval') : rule.method === 'ranking' ? t(`reports.recommendations.scores.${rule.count}`) : '';
  const byId = new Map(f.ballot.items.map((i) => [i.id, i]));
  const rankOf = ranks(ranking.order);
  const ordered = ranking.order.flat();
  const maxScore = Math.max(1, ...Object.values(ranking.scores));
  const winners = new Set(ranking.winners);
  const bars: Bar[] = ordered.map((id) => {
    const score = ranking.scores[id] ?? 0;
    return { label: `${rankOf.get(id)}. ${byId.get(id)?.number ?? ''}`, value: score / maxScore, text: scoreText(f, score, opts), color: winners.has(id) ? COLORS.for : COLORS.neutral, bold: winners.has(id) };
  });
  const out: Content[] = [];
  for (const item of f.ballot.items) {
    out.push(heading(`${item.number}  ${itemTitle(item, item.title, lang)}`, 3, 60, { fontSize: 10.5, margin: [0, 6, 0, 1] }));
    out.push(...fullText(item, lang, t));
  }
  out.push(heading(t('reports.recommendations.order'), 3, 140));
  out.push(
    dataTable(
      [t('reports.recommendations.rank'), t('reports.recommendations.option'), scoreName],
      ordered.map((id): TableCell[] => {
        const item = byId.get(id);
        const win = winners.has(id);
        return [
          { text: String(rankOf.get(id)), bold: win },
          { text: `${item?.number ?? ''}  ${itemTitle(item, id, lang)}${win ? ` — ${t('reports.recommendations.winner')}` : ''}`, bold: win },
          { text: scoreText(f, ranking.scores[id] ?? 0, opts), bold: win },
        ];
      }),
      { widths: [34, '*', 80], align: ['right', 'left', 'right'], fontSize: 9, margin: [0, 2, 0, 4] },
    ),
    horizontalBars(bars, { width: WIDTH, labelWidth: 60, valueWidth: 60, max: 1 }),
  );
  if (ranking.tie) out.push(note(t('reports.recommendations.tieInOrder')));
  if (ranking.settled === 'castingVote') out.push(note(t('reports.recommendations.winnerByCastingVote', { chair: f.result.chair ?? '' })));
  if (ranking.settled === 'newVote') out.push(note(t('reports.recommendations.tieFirstNewVote')));
  if (ranking.condorcetWinner) {
    const c = byId.get(ranking.condorcetWinner);
    out.push(note(t('reports.recommendations.condorcet', { option: c ? `${c.number} ${itemTitle(c, c.title, lang)}` : ranking.condorcetWinner })));
  }
  out.push(note(t('reports.recommendations.papers', { valid: countText(f.result.papers.valid, opts.level, lang), blank: countText(f.result.papers.blank, opts.level, lang), spoilt: countText(f.result.papers.spoilt, opts.level, lang) })));
  out.push({ text: [{ text: `${t('reports.recommendations.threshold')}: `, color: GREY }, ruleWords(t, rule)], fontSize: 9 });
  const winnerText = !f.result.quorumMet
    ? { text: t('reports.recommendations.quorumNotMet'), color: COLORS.rejected }
    : ranking.winners.length === 0
      ? { text: '—', color: GREY }
      : { text: ranking.winners.map((id) => `${byId.get(id)?.number ?? ''} ${itemTitle(byId.get(id), id, lang)}`.trim()).join('; '), color: COLORS.adopted };
  out.push(outcomeLine(t('reports.recommendations.winners', { count: Math.max(1, ranking.winners.length) }), winnerText));
  return out;
}

function results(data: ReportData, opts: ReportPdfOptions, t: ReportT): Content[] {
  const out: Content[] = [heading(t('reports.recommendations.results'), 1, 300, { pageBreak: 'before' })];
  data.ballots.forEach((f, b) => {
    const session = data.sessions.find((s) => s.id === f.ballot.sessionId);
    out.push(
      heading(f.ballot.title, 2, 260, b === 0 ? {} : { margin: [0, 16, 0, 4] }),
      note(
        [session ? `${session.name}, ${shortDate(session.date, opts.lang)}` : null, methodName(f.ballot, t), quorumWords(t, f.ballot.quorum.numerator, f.ballot.quorum.denominator, Math.ceil((f.result.panelSize * f.ballot.quorum.numerator) / f.ballot.quorum.denominator), countText(f.result.present, opts.level, opts.lang), f.result.quorumMet)]
          .filter((x) => x !== null)
          .join(' · '),
        { fontSize: 8.5 },
      ),
      note(
        [f.dependency ? conditionWords(t, f.dependency) : null, f.ballot.tieRule === 'castingVote' ? t('reports.recommendations.tieRule.castingVote') : t('reports.recommendations.tieRule.newVote')]
          .filter((x) => x !== null)
          .join(' '),
        { fontSize: 8.5 },
      ),
    );
    if (f.ballot.rule.method === 'yesNo') for (const item of f.result.items) out.push(...yesNoItem(f, item, opts, t));
    else if (f.ballot.rule.method === 'scale') for (const item of f.result.items) out.push(...scaleItem(f, item, opts, t));
    else out.push(...rankingBallot(f, opts, t));
  });
  // Sequential ballots whose condition was not met: named, with the reason, never counted.
  const notHeld = data.notHeld ?? [];
  if (notHeld.length > 0) {
    out.push(heading(t('reports.recommendations.notHeldHeading'), 2, 120, { margin: [0, 16, 0, 4] }));
    for (const n of notHeld) {
      out.push({ text: [{ text: n.ballot.title, bold: true }, { text: ` — ${notHeldWords(t, n.dependency)}`, color: COLORS.tie }], fontSize: 9.5, margin: [0, 2, 0, 2] });
    }
  }
  return out;
}

function summary(data: ReportData, opts: ReportPdfOptions, t: ReportT): Content[] {
  const rows: TableCell[][] = [];
  for (const f of data.ballots) {
    if (f.result.ranking) {
      const rankOf = ranks(f.result.ranking.order);
      const winners = new Set(f.result.ranking.winners);
      for (const item of f.ballot.items) {
        const rank = rankOf.get(item.id);
        rows.push([
          item.number,
          itemTitle(item, item.title, opts.lang),
          '—',
          { text: `${rank === undefined ? '—' : t('reports.recommendations.ranked', { rank })}${winners.has(item.id) ? ` (${t('reports.recommendations.winner')})` : ''}`, bold: winners.has(item.id) },
        ]);
      }
      continue;
    }
    for (const item of f.result.items) {
      let forShare: string;
      if (f.ballot.rule.method === 'scale') {
        const support = item.counts.slice(0, f.ballot.rule.supportLevels).reduce((s, c) => s + c, 0);
        forShare = shareText(support, item.base > 0 ? support / item.base : 0, item.base, opts.level, opts.lang).text;
      } else forShare = shareText(item.counts[0] ?? 0, item.percentages[0] ?? 0, item.base, opts.level, opts.lang).text;
      const o = outcome(item, f.result, t);
      rows.push([item.number, itemTitle(f.ballot.items.find((i) => i.id === item.itemId), item.title, opts.lang), forShare, { text: o.text, color: o.color, bold: true, fontSize: 8 }]);
    }
  }
  for (const n of data.notHeld ?? []) {
    for (const item of n.ballot.items) rows.push([item.number, itemTitle(item, item.title, opts.lang), '—', { text: t('reports.recommendations.notHeldOutcome'), color: COLORS.tie, bold: true, fontSize: 8 }]);
  }
  return [
    heading(t('reports.recommendations.summary'), 1, 120, { pageBreak: 'before' }),
    dataTable([t('reports.recommendations.number'), t('reports.recommendations.titleColumn'), t('reports.recommendations.percentFor'), t('reports.recommendations.outcome')], rows, { widths: [32, '*', 50, 130], align: ['left', 'left', 'right', 'left'], fontSize: 9 }),
  ];
}

export async function recommendationsPdf(data: ReportData, opts: ReportPdfOptions): Promise<Buffer> {
  const t = reportT(opts.lang);
  if (data.ballots.length === 0) throw new RangeError(t('reports.recommendations.empty'));
  return renderPdf(
    {
      ...pageFrame({ assemblyName: data.assembly.name, title: t('reports.recommendations.title'), lang: opts.lang, generatedAt: opts.generatedAt, timeZone: data.assembly.timeZone, sideMargin: SIDE }),
      content: [...cover(data, opts, t), ...method(data, opts, t), ...results(data, opts, t), ...summary(data, opts, t)],
    },
    { creationDate: opts.generatedAt, title: `${t('reports.recommendations.title')} — ${data.assembly.name}`, author: data.assembly.name },
  );
}
