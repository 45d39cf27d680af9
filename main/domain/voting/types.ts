/** Voting, as it crosses the API: ballots, double entry of the counts, results. */
import type { PersonLanguage } from '../../../preload/vocabulary';

export type BallotMethod = 'yesNo' | 'scale' | 'approval' | 'ranking';

/** How an item (or the ranking) is decided; see main/domain/voting/rules.ts. */
export type BallotRule =
  | { method: 'yesNo'; threshold: 'simpleMajority' | 'majorityOfPresent' | 'twoThirds' | 'eightyPercent' | 'custom'; numerator?: number; denominator?: number; base?: 'cast' | 'present'; abstentionsCount: boolean }
  /** levels: labels from most to least supportive; adopted when the top `supportLevels` reach numerator/denominator of the valid papers. */
  | { method: 'scale'; levels: string[]; supportLevels: number; numerator: number; denominator: number }
  /** Each member picks up to maxPicks items; items are ranked by picks. */
  | { method: 'approval'; maxPicks: number }
  /** The items are the options; papers rank them. */
  | { method: 'ranking'; count: 'borda' | 'schulze' };

export interface BallotItem {
  id: string;
  number: string;
  title: string;
  /** Full text per language (nl, fr, de, en); at least one. */
  text: Partial<Record<PersonLanguage, string>>;
}

export interface Ballot {
  id: string;
  sessionId: string;
  title: string;
  rule: BallotRule;
  /** Members present needed: numerator/denominator of the panel size (at most 1). */
  quorum: { numerator: number; denominator: number };
  items: BallotItem[];
  /**
   * Local HH:MM of the vote: the eligible voters are the members in the room then (arrived, not
   * yet gone). Null: the members present now. Frozen at finalisation either way.
   */
  votedAt: string | null;
  status: 'open' | 'finalised';
  createdAt: string;
  finalisedAt: string | null;
  finalisedBy: string | null;
}

export type BallotInput = Pick<Ballot, 'sessionId' | 'title' | 'rule' | 'quorum'> & { votedAt?: string | null; items: Omit<BallotItem, 'id'>[] };

/** Counts as entered by one operator. yesNo: per item for/against/abstain; scale: per item a count per level; both with blank and spoilt per item. approval/ranking: the papers (item indices), and blank and spoilt papers. */
export type BallotCounts =
  | { kind: 'perItem'; items: { itemId: string; counts: number[]; blank: number; spoilt: number }[] }
  | { kind: 'papers'; papers: number[][]; blank: number; spoilt: number };

export interface TallyEntry {
  slot: 1 | 2;
  operator: string;
  enteredAt: string;
  counts: BallotCounts;
}

export interface ItemResult {
  itemId: string;
  number: string;
  title: string;
  /** yesNo: [for, against, abstain]; scale: a count per level. */
  counts: number[];
  blank: number;
  spoilt: number;
  /** The base the percentages are of, and what it is. */
  base: number;
  baseKind: 'cast' | 'castWithAbstentions' | 'present' | 'valid';
  /** Per count, its share of the base. */
  percentages: number[];
  adopted: boolean;
  tie: boolean;
}

export interface BallotResult {
  ballotId: string;
  present: number;
  panelSize: number;
  quorumMet: boolean;
  /** The rule in words. */
  rule: string;
  /** yesNo and scale. */
  items: ItemResult[];
  /** approval and ranking: the order (groups of item ids, a group of several is a tie), winners, scores. */
  ranking: { order: string[][]; winners: string[]; tie: boolean; scores: Record<string, number>; pairwise: number[][] | null; condorcetWinner: string | null } | null;
  papers: { valid: number; blank: number; spoilt: number };
}

export interface BallotDetail {
  ballot: Ballot;
  /** Members checked in for the session: the eligible voters. */
  present: number;
  panelSize: number;
  entries: TallyEntry[];
  /** Where the two entries differ (item id or 'papers', and the position of the count). */
  differences: { itemId: string | null; field: string; first: number | string; second: number | string }[];
  /** The result of the agreed (or finalised) counts; null until both entries agree. */
  result: BallotResult | null;
  corrections: { at: string; operator: string; reason: string; before: BallotCounts; after: BallotCounts }[];
}
