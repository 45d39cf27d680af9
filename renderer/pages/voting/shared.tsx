/**
 * What the voting parts share (the session choice is the app's one SessionPicker): the
 * query of the hash (`#/voting/count?ballot=ID`), the ballot's rule and bases in words, and the
 * counts as the grid edits them (strings, so an empty cell stays empty while typing).
 */
import { useSyncExternalStore } from 'react';
import type { TFunction } from 'i18next';
import type { Ballot, BallotCounts, BallotDetail, DependencyInfo, ItemResult } from '../../../main/domain/voting/types';
import { formatNumber } from '../../format';

// ---------- The hash's query ----------

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** `#/voting/count?ballot=ID` -> 'ID'. */
export function useHashParam(name: string): string | null {
  return useSyncExternalStore(subscribe, () => new URLSearchParams(window.location.hash.split('?')[1] ?? '').get(name));
}

export const countHref = (ballotId: string) => `#/voting/count?ballot=${encodeURIComponent(ballotId)}`;
export const roomHref = (ballotId: string) => `#/voting/room?ballot=${encodeURIComponent(ballotId)}`;

// ---------- Words ----------

/** A sequential ballot's condition: "Held only if item R1 of “…” is adopted". */
export function dependencyText(t: TFunction, d: DependencyInfo): string {
  return t(d.when === 'adopted' ? 'votingPage.dependency.adopted' : 'votingPage.dependency.notAdopted', { number: d.itemNumber, title: d.ballotTitle });
}

/** Why a ballot is not held, in the UI language. */
export function notHeldText(t: TFunction, d: DependencyInfo | null): string {
  if (!d) return t('votingPage.status.notHeld');
  if (d.earlierNotHeld) return t('votingPage.notHeld.chain', { title: d.ballotTitle });
  return t(d.when === 'adopted' ? 'votingPage.notHeld.adopted' : 'votingPage.notHeld.notAdopted', { number: d.itemNumber, title: d.ballotTitle });
}

export function methodText(t: TFunction, ballot: Pick<Ballot, 'rule'>): string {
  const r = ballot.rule;
  switch (r.method) {
    case 'yesNo':
      return t('votingPage.method.yesNo');
    case 'scale':
      return t('votingPage.method.scaleLevels', { count: r.levels.length });
    case 'approval':
      return t('votingPage.method.approvalPicks', { count: r.maxPicks });
    case 'ranking':
      return t(`votingPage.method.ranking_${r.count}`);
  }
}

const fraction = (n: number, d: number, lang: string) => (d === 100 ? `${formatNumber(n, lang)} %` : `${formatNumber(n, lang)}/${formatNumber(d, lang)}`);

/** The adoption rule in the UI language (the server's `result.rule` is in English). */
export function ruleText(t: TFunction, ballot: Pick<Ballot, 'rule'>, lang: string): string {
  const r = ballot.rule;
  switch (r.method) {
    case 'yesNo': {
      if (r.threshold === 'simpleMajority') return t(r.abstentionsCount ? 'votingPage.rule.simpleMajorityWithAbstentions' : 'votingPage.rule.simpleMajority');
      if (r.threshold === 'majorityOfPresent') return t('votingPage.rule.majorityOfPresent');
      const [n, d] = r.threshold === 'twoThirds' ? [2, 3] : r.threshold === 'eightyPercent' ? [80, 100] : [r.numerator ?? 1, r.denominator ?? 2];
      const base = r.base === 'present' ? 'present' : r.abstentionsCount ? 'castWithAbstentions' : 'cast';
      return t('votingPage.rule.fraction', { fraction: fraction(n, d, lang), base: t(`votingPage.ruleBase.${base}`) });
    }
    case 'scale':
      return t('votingPage.rule.scale', { fraction: fraction(r.numerator, r.denominator, lang), levels: r.levels.slice(0, r.supportLevels).join(t('votingPage.or')) });
    case 'approval':
      return t('votingPage.rule.approval', { count: r.maxPicks });
    case 'ranking':
      return t(`votingPage.rule.${r.count}`);
  }
}

/** What the percentages are of. */
export function baseText(t: TFunction, kind: ItemResult['baseKind']): string {
  return t(`votingPage.base.${kind}`);
}

/** The count labels of a per-item ballot: for/against/abstain or the scale's levels. */
export function countLabels(t: TFunction, ballot: Pick<Ballot, 'rule'>): string[] {
  if (ballot.rule.method === 'yesNo') return [t('votingPage.count.for'), t('votingPage.count.against'), t('votingPage.count.abstain')];
  if (ballot.rule.method === 'scale') return ballot.rule.levels;
  return [];
}

export const isPerItem = (ballot: Pick<Ballot, 'rule'>) => ballot.rule.method === 'yesNo' || ballot.rule.method === 'scale';

// ---------- Counts as edited ----------

/** Per item: the counts, blank and spoilt as typed. */
export interface PerItemDraft {
  kind: 'perItem';
  rows: Record<string, { counts: string[]; blank: string; spoilt: string }>;
}
export interface PapersDraft {
  kind: 'papers';
  papers: number[][];
  blank: string;
  spoilt: string;
}
export type CountsDraft = PerItemDraft | PapersDraft;

export function emptyDraft(ballot: Ballot): CountsDraft {
  if (!isPerItem(ballot)) return { kind: 'papers', papers: [], blank: '', spoilt: '' };
  const width = ballot.rule.method === 'yesNo' ? 3 : ballot.rule.method === 'scale' ? ballot.rule.levels.length : 0;
  return { kind: 'perItem', rows: Object.fromEntries(ballot.items.map((i) => [i.id, { counts: new Array<string>(width).fill(''), blank: '', spoilt: '' }])) };
}

export function draftOf(ballot: Ballot, counts: BallotCounts | null | undefined): CountsDraft {
  if (!counts) return emptyDraft(ballot);
  if (counts.kind === 'papers') return { kind: 'papers', papers: counts.papers.map((p) => [...p]), blank: String(counts.blank), spoilt: String(counts.spoilt) };
  const draft = emptyDraft(ballot);
  if (draft.kind !== 'perItem') return draft;
  for (const item of counts.items) draft.rows[item.itemId] = { counts: item.counts.map(String), blank: String(item.blank), spoilt: String(item.spoilt) };
  return draft;
}

/** An empty cell counts as 0; anything else is sent as typed (the server names what is wrong). */
export const cellNumber = (value: string): number => (value.trim() === '' ? 0 : Number(value.replace(',', '.')));

export function countsOf(ballot: Ballot, draft: CountsDraft): BallotCounts {
  if (draft.kind === 'papers') return { kind: 'papers', papers: draft.papers, blank: cellNumber(draft.blank), spoilt: cellNumber(draft.spoilt) };
  return {
    kind: 'perItem',
    items: ballot.items.map((item) => {
      const row = draft.rows[item.id]!;
      return { itemId: item.id, counts: row.counts.map(cellNumber), blank: cellNumber(row.blank), spoilt: cellNumber(row.spoilt) };
    }),
  };
}

/** The counts in force of a finalised ballot: the last correction's, else the agreed entries'. */
export function currentCounts(detail: BallotDetail): BallotCounts | null {
  const last = detail.corrections[detail.corrections.length - 1];
  if (last) return last.after;
  return detail.entries.find((e) => e.slot === 1)?.counts ?? null;
}

/** A problem the server named for a count (details.fields of voting.badCounts), raw rule kept. */
export interface CountProblem {
  field: string;
  rule: string;
  message: string;
}

export function countProblemsOf(error: unknown): CountProblem[] {
  if (typeof error !== 'object' || error === null) return [];
  const details = (error as { details?: { fields?: unknown } }).details;
  const raw = details?.fields;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((f: unknown) => {
    if (typeof f !== 'object' || f === null) return [];
    const { field, rule, message } = f as Record<string, unknown>;
    return typeof field === 'string' ? [{ field, rule: typeof rule === 'string' ? rule : 'invalid', message: typeof message === 'string' ? message : '' }] : [];
  });
}

/** A count problem in words (known rules translated, else the server's sentence). */
export function countProblemText(t: TFunction, p: CountProblem, extra: Record<string, unknown> = {}): string {
  const known = ['negative', 'notWhole', 'tooManyPapers', 'wrongShape', 'duplicate', 'unknownOption', 'empty', 'tooMany'];
  return known.includes(p.rule) ? t(`votingPage.problem.${p.rule}`, extra) : p.message;
}

/** A paper of a difference ("1 0 2", option indices) as item numbers ("B › A › C"). */
export function paperText(value: number | string, ballot: Ballot): string {
  const text = String(value).trim();
  if (text === '') return '—';
  return text
    .split(/\s+/)
    .map((i) => ballot.items[Number(i)]?.number ?? i)
    .join(' › ');
}
