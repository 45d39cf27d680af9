/**
 * The selection problem, as plain data: no database, no Electron. The services turn the
 * assembly's pool and quotas into a SelectionInstance; everything under main/domain/selection
 * works on it alone.
 */

export interface Candidate {
  /** Stable id (the person's id, or their pseudonymous code in exports). */
  id: string;
  /** feature name -> value; every quota feature has a value. */
  features: Record<string, string>;
  /** People with the same key live together; null when unknown (never conflicts). */
  household: string | null;
}

export interface Quota {
  feature: string;
  value: string;
  min: number;
  max: number;
}

export interface SelectionInstance {
  candidates: Candidate[];
  panelSize: number;
  quotas: Quota[];
  /** At most one person per household on the panel. */
  onePerHousehold: boolean;
  /** Ids that must be on every panel (confirmed people, when drawing replacements). */
  fixed?: string[];
}

/** A probability distribution over panels, and what it gives each person. */
export interface PanelDistribution {
  /** Each panel as sorted candidate ids, with its probability (the probabilities sum to 1). */
  panels: { members: string[]; probability: number }[];
  /** Candidate id -> probability of being on the panel (they sum to panelSize). */
  probabilities: Record<string, number>;
}
