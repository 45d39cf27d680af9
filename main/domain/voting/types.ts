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

/**
 * How a tie is settled, fixed when the ballot is created (and changeable only while nothing is
 * counted): the chair's casting vote, or a new vote. What counts as a tie: main/domain/voting/tie.ts.
 */
export type TieRule = 'castingVote' | 'newVote';

/**
 * Sequential ballots: this ballot is held only if an item of an earlier ballot was adopted (or
 * was not). For approval and ranking ballots, "adopted" is "won". See main/domain/voting/sequence.ts.
 */
export interface BallotDependency {
  ballotId: string;
  itemId: string;
  when: 'adopted' | 'notAdopted';
}

/**
 * The chair's casting vote on a tie: per tied yes/no item whether it is adopted, or for an
 * approval or ranking ballot the tied option that wins. Recorded with the chair's name.
 */
export interface CastingVote {
  chair: string;
  items: { itemId: string; adopt: boolean }[];
  option: string | null;
}

export interface BallotItem {
  id: string;
  number: string;
  title: string;
  /** Full text per language (nl, fr, de, en); at least one. */
  text: Partial<Record<PersonLanguage, string>>;
  /**
   * Why the assembly recommends it (multi-line, in the base language; its translations are in
   * the translations table, field 'rationale'). Absent on items written before it existed.
   */
  rationale?: string;
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
  tieRule: TieRule;
  dependsOn: BallotDependency | null;
  /** notHeld: its condition was not met (see notHeld); it is never counted. */
  status: 'open' | 'finalised' | 'notHeld';
  /** When and why the ballot was marked not held (the reason in English, for the audit). */
  notHeld: { at: string; reason: string } | null;
  /** The chair's casting vote, when a tie was settled by it. */
  castingVote: CastingVote | null;
  createdAt: string;
  finalisedAt: string | null;
  finalisedBy: string | null;
}

export type BallotInput = Pick<Ballot, 'sessionId' | 'title' | 'rule' | 'quorum'> & {
  votedAt?: string | null;
  tieRule?: TieRule;
  dependsOn?: BallotDependency | null;
  items: Omit<BallotItem, 'id'>[];
};

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
  /** The votes are tied in a way that decides the outcome (see tie.ts); quorum met. */
  tie: boolean;
  /** How a tie was settled: the chair's casting vote (adopted is the chair's), or a new vote is needed. */
  settled: 'castingVote' | 'newVote' | null;
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
  ranking: {
    order: string[][];
    /** After a casting vote: the option the chair chose alone. */
    winners: string[];
    /** A tie for the first place (with the quorum met). */
    tie: boolean;
    /** The options tied for the first place, before any casting vote. */
    tiedFirst: string[];
    settled: 'castingVote' | 'newVote' | null;
    scores: Record<string, number>;
    pairwise: number[][] | null;
    condorcetWinner: string | null;
  } | null;
  papers: { valid: number; blank: number; spoilt: number };
  /**
   * decided: by the votes alone; castingVote: a tie decided by the chair's casting vote;
   * newVoteNeeded: tied, the rule is a new vote; castingVoteNeeded: tied, waiting for the chair.
   */
  outcome: 'decided' | 'castingVote' | 'newVoteNeeded' | 'castingVoteNeeded';
  /** The chair who gave the casting vote. */
  chair: string | null;
}

/** A sequential ballot's condition, in the words the UI and the reports need. */
export interface DependencyInfo {
  ballotId: string;
  ballotTitle: string;
  itemId: string;
  itemNumber: string;
  itemTitle: string;
  when: 'adopted' | 'notAdopted';
  /** waiting: the earlier ballot is not finalised yet (or its tie awaits a new vote). */
  state: 'waiting' | 'met' | 'notMet';
  /** The earlier ballot was itself not held (so this condition cannot be met). */
  earlierNotHeld: boolean;
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
  /** The condition of a sequential ballot, and whether it is met. */
  dependency: DependencyInfo | null;
  /** Ballots that depend on this one (titles, for the lists). */
  dependents: { id: string; title: string }[];
}
