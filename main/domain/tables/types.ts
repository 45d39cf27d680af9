/** Small-group tables, as they cross the API. */
import type { PersonLanguage } from '../../../preload/vocabulary';

export type TableFeatureMode = 'diversify' | 'cluster' | 'ignore';

export interface TablePlanSettings {
  tableSize: number;
  /** Per feature name: spread its values over the tables, keep them together, or ignore it. */
  modes: Record<string, TableFeatureMode>;
  pins: { personId: string; table: number }[];
  apart: [string, string][];
  /** Who is seated: the confirmed participants, or those present in the session now. */
  source: 'confirmed' | 'present';
}

export interface TableMember {
  personId: string;
  code: string;
  firstName: string;
  lastName: string;
  language: PersonLanguage | null;
  /** Feature values of the plan's features. */
  features: Record<string, string>;
}

export interface TablePlan {
  id: string;
  sessionId: string;
  /** Rounds of small-group work in the session: 1, 2, ... */
  round: number;
  createdAt: string;
  operator: string;
  settings: TablePlanSettings;
  seed: number;
  tables: { number: number; group: string; facilitatorId: string | null; members: TableMember[] }[];
  /** The stated objective (lower is better) and its parts; see main/domain/tables/objective.ts. */
  score: { diversity: number; repeats: number; repeatedPairs: number; total: number };
  /** A re-plan: the plan it re-balanced and who moved. */
  basedOn: string | null;
  moved: string[];
}
