/**
 * The recruitment funnel: from the letters sent to those present at each weekend, overall and
 * per group (municipality, age band, gender, language), with counts and rates. Pure: the service
 * gathers one record per letter; this counts them.
 *
 * Each rate is the share of the stage before it, the step a group can lose people at:
 * undeliverable of sent, answered of delivered (sent − undeliverable: the response rate), yes of
 * answered, eligible of yes, in the pool of eligible, selected of in the pool, confirmed of
 * selected, present at a weekend of confirmed.
 */

export const FUNNEL_DIMENSIONS = ['municipality', 'ageBand', 'gender', 'language'] as const;
export type FunnelDimension = (typeof FUNNEL_DIMENSIONS)[number];

export const FUNNEL_STAGES = ['sent', 'undeliverable', 'answered', 'yes', 'eligible', 'inPool', 'selected', 'confirmed'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export interface FunnelLetter {
  groups: Record<FunnelDimension, string>;
  undeliverable: boolean;
  answered: boolean;
  yes: boolean;
  eligible: boolean;
  inPool: boolean;
  selected: boolean;
  confirmed: boolean;
  /** Present at each weekend, in the order of the funnel's weekends. */
  present: boolean[];
}

export interface FunnelRow {
  group: string;
  /** Counts per stage (FUNNEL_STAGES), then one per weekend. */
  counts: number[];
  /** The share of the stage before (null where that stage is 0); 1 for "sent". */
  rates: (number | null)[];
}

export interface Funnel {
  /** Column labels after the stages: one per weekend. */
  weekends: string[];
  overall: FunnelRow;
  byDimension: { dimension: FunnelDimension; rows: FunnelRow[] }[];
}

/** The stage each rate is taken of: index into the counts (undeliverable of sent, answered of delivered...). */
function rateBase(counts: number[], i: number): number {
  if (i === 0) return counts[0]!;
  if (i === 1) return counts[0]!; // undeliverable of sent
  if (i === 2) return counts[0]! - counts[1]!; // answered of delivered
  if (i === 3) return counts[2]!; // yes of answered
  if (i <= 7) return counts[i - 1]!; // eligible of yes, pool of eligible, selected, confirmed
  return counts[7]!; // present of confirmed
}

function row(group: string, letters: readonly FunnelLetter[], weekends: number): FunnelRow {
  const counts = new Array<number>(FUNNEL_STAGES.length + weekends).fill(0);
  for (const l of letters) {
    counts[0]! += 1;
    if (l.undeliverable) counts[1]! += 1;
    if (l.answered) counts[2]! += 1;
    if (l.yes) counts[3]! += 1;
    if (l.eligible) counts[4]! += 1;
    if (l.inPool) counts[5]! += 1;
    if (l.selected) counts[6]! += 1;
    if (l.confirmed) counts[7]! += 1;
    for (let w = 0; w < weekends; w++) if (l.present[w]) counts[8 + w]! += 1;
  }
  const rates = counts.map((_, i) => {
    const base = rateBase(counts, i);
    return base > 0 ? counts[i]! / base : null;
  });
  return { group, counts, rates };
}

const compareGroups = (a: string, b: string): number => (a === '?' ? 1 : b === '?' ? -1 : a.localeCompare(b, 'nl-BE', { numeric: true }));

export function computeFunnel(letters: readonly FunnelLetter[], weekends: readonly string[]): Funnel {
  return {
    weekends: [...weekends],
    overall: row('all', letters, weekends.length),
    byDimension: FUNNEL_DIMENSIONS.map((dimension) => {
      const groups = new Map<string, FunnelLetter[]>();
      for (const l of letters) {
        const g = l.groups[dimension];
        const list = groups.get(g);
        if (list) list.push(l);
        else groups.set(g, [l]);
      }
      return {
        dimension,
        rows: [...groups.keys()].sort(compareGroups).map((g) => row(g, groups.get(g)!, weekends.length)),
      };
    }),
  };
}

/**
 * Sessions grouped into weekends: a Saturday and the Sunday after it are one weekend; a session on
 * another day is its own. Returns the weekends in date order, each labelled by its first date.
 */
export function weekendsOf(sessions: readonly { id: string; date: string }[]): { label: string; sessionIds: string[] }[] {
  const byKey = new Map<string, { label: string; sessionIds: string[] }>();
  const sorted = [...sessions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const s of sorted) {
    const day = new Date(`${s.date}T12:00:00Z`);
    // A Sunday belongs to the Saturday before it.
    const key = day.getUTCDay() === 0 ? new Date(day.getTime() - 86_400_000).toISOString().slice(0, 10) : s.date;
    const entry = byKey.get(key);
    if (entry) entry.sessionIds.push(s.id);
    else byKey.set(key, { label: s.date, sessionIds: [s.id] });
  }
  return [...byKey.values()];
}
