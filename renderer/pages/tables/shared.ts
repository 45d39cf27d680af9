/** What the parts of the Tables page share: names of people and the modes' defaults. */
import type { RosterEntry } from '../../../main/domain/attendance/types';
import type { TableFeatureMode, TableMember, TablePlan } from '../../../main/domain/tables/types';

export type Person = Pick<RosterEntry, 'personId' | 'code' | 'firstName' | 'lastName'>;

/** "Declercq, Chloë (NYVG93)": how people are listed in pickers. */
export const personLabel = (p: Person): string => `${p.lastName}, ${p.firstName} (${p.code})`;

export const fullName = (p: Pick<TableMember, 'firstName' | 'lastName'>): string => `${p.firstName} ${p.lastName}`;

/** Language kept together (a table speaks one language), the province left out (too fine), the rest spread. */
export function defaultMode(feature: string): TableFeatureMode {
  const name = feature.trim().toLowerCase();
  if (['language', 'taal', 'langue'].includes(name)) return 'cluster';
  if (['province', 'provincie'].includes(name)) return 'ignore';
  return 'diversify';
}

export function memberIndex(plan: TablePlan): Map<string, { member: TableMember; table: number; group: string }> {
  const index = new Map<string, { member: TableMember; table: number; group: string }>();
  for (const t of plan.tables) for (const m of t.members) index.set(m.personId, { member: m, table: t.number, group: t.group });
  return index;
}

/** The features the plan spreads over its tables, in the order of its settings. */
export const diversified = (plan: TablePlan): string[] =>
  Object.entries(plan.settings.modes)
    .filter(([, m]) => m === 'diversify')
    .map(([f]) => f);

/** The largest search effort tables.plan accepts (a multiple of a budget of search steps, not a time). */
export const MAX_EFFORT = 10;
export const MAX_ROUNDS = 20;
