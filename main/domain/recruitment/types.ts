/**
 * Recruitment, as it crosses the API: the respondent pool, its import, features, targets and
 * quotas, people and their lifecycle, duplicates.
 */
import type { ContactChannel, ImportField, PersonLanguage, PersonStatus } from '../../../preload/vocabulary';
import type { ExportedFile } from '../assembly/types';

export interface FeatureCount {
  value: string;
  count: number;
}

export interface PoolSummary {
  people: number;
  households: number;
  features: { name: string; values: FeatureCount[] }[];
}

/**
 * A field column may also be a feature (only FEATURE_FIELDS): `feature` names it; its values are
 * the field's (a language as its code: "NL").
 */
export type ColumnTarget = { kind: 'field'; field: ImportField; feature?: string } | { kind: 'feature'; feature: string } | { kind: 'ignore' };

/** One target per column of the file's header, by position. */
export interface ColumnMapping {
  columns: ColumnTarget[];
}

/** A file read for import and kept in memory (never written to disk) until committed or discarded. */
export interface StagedImport {
  uploadId: string;
  fileName: string;
  kind: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: ',' | ';' | '\t' | null;
  sheets: string[];
  sheet: string | null;
  header: string[];
  /** The first 20 data rows, as read. */
  preview: string[][];
  rowCount: number;
  /** The mapping saved for a file with the same header, or one guessed from the header names. */
  mapping: ColumnMapping;
  mappingSource: 'saved' | 'guessed';
  /**
   * A CSV mixing UTF-8 and Windows-1252 (encoding "mixed"): the rows read as Windows-1252, each
   * with its cells as read, for the officer to check; the commit needs their confirmation.
   */
  legacyRows: { row: number; cells: string[] }[];
  legacyRowCount: number;
}

export interface ImportRowProblem {
  /** Row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  column: string | null;
  rule: string;
  value: string;
  message: string;
  params?: Record<string, string | number>;
}

export interface ImportCheck {
  rowsTotal: number;
  /** Rows that would be written (valid and not already in the pool). */
  newRows: number;
  /** Valid rows that are already in the pool (same respondent id, or identical person): skipped. */
  alreadyInPool: number;
  rejectedRows: number;
  /** Every problem of the mapping itself (a mapping problem blocks the import). */
  mappingProblems: { column: string | null; rule: string; message: string }[];
  /** Problems per row, the first 1000; problemCount has the total. */
  problems: ImportRowProblem[];
  problemCount: number;
  /** Rows repeating an earlier row of the file (the same person again): skipped, listed by row. */
  repeatedInFile: { row: number; sameAs: number }[];
  /** Possible duplicates between two rows of the file: both imported and flagged, listed by row. */
  fileDuplicates: { row: number; otherRow: number; reasons: ('email' | 'phone' | 'nameBirthYear')[] }[];
  /** Possible duplicates (same email, phone, or name and birth year) the import would flag. */
  duplicatesFlagged: number;
  /** People with needs from needs columns, per need. */
  needsCounts: { accessibility: number; diet: number; childcare: number; travel: number };
  /** Parts of a free-text needs cell that named no need: put under accessibility (first 200). */
  unrecognisedNeeds: { row: number; text: string }[];
  /** Feature values not yet known to the assembly, per feature. */
  newFeatureValues: { feature: string; values: string[] }[];
}

export type ImportMode = 'allOrNothing' | 'validOnly';

export interface ImportResult {
  importId: string;
  imported: number;
  alreadyInPool: number;
  /** Rows skipped because they repeat an earlier row of the same file. */
  repeatedInFile: number;
  rejected: number;
  duplicatesFlagged: number;
  /** The rejected rows with a column of reasons, when mode was validOnly and some were rejected. */
  rejectedFile: ExportedFile | null;
}

export interface ImportRecord {
  id: string;
  at: string;
  operator: string;
  fileName: string;
  rowsTotal: number;
  imported: number;
  alreadyInPool: number;
  rejected: number;
}

/** What identifies a person: the personal fields an import fills and an erasure wipes. */
export interface PersonIdentity {
  externalId: string | null;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  city: string | null;
  birthYear: number | null;
  language: PersonLanguage | null;
}

export interface PersonListItem {
  id: string;
  code: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  city: string | null;
  birthYear: number | null;
  language: PersonLanguage | null;
  status: PersonStatus;
  erased: boolean;
  openDuplicates: number;
  /** feature name -> value */
  features: Record<string, string>;
}

export interface PersonQuery {
  query?: string;
  status?: PersonStatus;
  valueId?: string;
  duplicatesOnly?: boolean;
  limit?: number;
  offset?: number;
}

export interface PersonNeeds {
  accessibility: string;
  diet: string;
  childcare: boolean;
  travel: string;
}

export interface StatusChange {
  id: string;
  from: PersonStatus;
  to: PersonStatus;
  date: string | null;
  reason: string | null;
  at: string;
  operator: string;
}

export interface ContactEntry {
  id: string;
  date: string;
  channel: ContactChannel;
  outcome: string;
  note: string;
  operator: string;
  at: string;
}

export interface PersonDetail extends PersonListItem {
  externalId: string | null;
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  notes: string;
  needs: PersonNeeds;
  consentDate: string | null;
  consentVersion: string | null;
  /** Bank account for the per-diem (compact IBAN) and the date the person agreed to its use. */
  iban: string | null;
  ibanConsentDate: string | null;
  statusDate: string | null;
  statusReason: string | null;
  /** Why they declined or withdrew, from the fixed list (DROP_REASONS), or null. */
  statusReasonCode: string | null;
  replacedBy: { id: string; code: string } | null;
  replaces: { id: string; code: string }[];
  householdSize: number;
  erasedAt: string | null;
  allowedStatuses: PersonStatus[];
  history: StatusChange[];
  contacts: ContactEntry[];
  duplicates: DuplicateFlag[];
  createdAt: string;
  updatedAt: string;
}

export interface PersonEdit {
  firstName?: string;
  lastName?: string;
  email?: string | null;
  phone?: string | null;
  street?: string | null;
  houseNumber?: string | null;
  postcode?: string | null;
  city?: string | null;
  birthYear?: number | null;
  language?: PersonLanguage | null;
  notes?: string;
  needs?: Partial<PersonNeeds>;
  consentDate?: string | null;
  consentVersion?: string | null;
  iban?: string | null;
  ibanConsentDate?: string | null;
}

export interface DuplicateFlag {
  id: string;
  reasons: ('email' | 'phone' | 'nameBirthYear')[];
  status: 'open' | 'distinct' | 'resolved';
  a: { id: string; code: string; name: string; status: PersonStatus };
  b: { id: string; code: string; name: string; status: PersonStatus };
  createdAt: string;
}

export interface FeatureValueInfo {
  id: string;
  value: string;
  poolCount: number;
  /** Share of the live pool with this value, 0..100. */
  poolSharePercent: number;
  /** Census share entered by the user, 0..100, or null. */
  sharePercent: number | null;
  min: number | null;
  max: number | null;
  minFlex: number | null;
  maxFlex: number | null;
}

export interface FeatureInfo {
  id: string;
  name: string;
  values: FeatureValueInfo[];
}

export interface QuotaProblemInfo {
  severity: 'error' | 'warning';
  rule: string;
  feature: string;
  value: string | null;
  message: string;
  params?: Record<string, string | number>;
}

export interface RecruitmentSettings {
  panelSize: number;
  /** Seats either side of the proportional number that proposed quotas allow. */
  quotaTolerance: number;
  /** At most one selected person per household. */
  onePerHousehold: boolean;
}

export interface QuotaOverview {
  settings: RecruitmentSettings;
  poolSize: number;
  /** The rounding rule proposed quotas follow, as a sentence. */
  roundingRule: string;
  features: FeatureInfo[];
  problems: QuotaProblemInfo[];
}

export interface ProposedQuota {
  valueId: string;
  feature: string;
  value: string;
  /** The share as given (before any scaling), or null when none was given. */
  sharePercent: number | null;
  /** The exact number of seats the (scaled) share stands for: share × panel size / 100. */
  idealSeats: number;
  /** idealSeats rounded by the largest remainder; the seats of a feature add up to the panel size. */
  seats: number;
  min: number;
  max: number;
}

export interface Band {
  label: string;
  min: number;
  max: number;
}

export interface TargetInput {
  valueId: string;
  sharePercent?: number | null;
  min?: number | null;
  max?: number | null;
  minFlex?: number | null;
  maxFlex?: number | null;
}

/** A copy of the assembly saved elsewhere ("Save a copy"), as its audit row recorded it. */
export interface SavedCopy {
  path: string;
  at: string;
  operator: string;
}

/** How far an erasure reached beyond the open file (shown in the erase dialog, kept in the audit log). */
export interface ErasureReach {
  /** Backups in the file's backups folder the erasure was applied to. */
  backupsErased: number;
  /** Backups it could not be applied to (damaged, a link, unreadable): a person must delete them. */
  backupsFailed: { name: string; problem: string }[];
  /** Whether the write-ahead log was emptied (false while another window or process reads the file). */
  logCleared: boolean;
  /** Copies saved elsewhere since the person was added: out of the app's reach, to be deleted there. */
  copiesElsewhere: SavedCopy[];
}
