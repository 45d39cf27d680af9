/**
 * The one contract between the renderer and main.
 *
 * Every API method is declared here: its name, its argument type and its result type.
 * Main implements it (main/services/*), the renderer consumes it (window.assembly),
 * the CLI and web mode speak it too. Only plain JSON crosses: ISO-8601 strings for
 * times, integer cents for money, ids as strings.
 *
 * This file holds types, the list of method names, and `buildApi`, which turns one transport
 * function into window.assembly: nothing else at runtime, so the preload bundle stays tiny.
 */

export type Language = 'nl' | 'fr' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'fr', 'en'];

export type SessionKind = 'plenary' | 'online' | 'other';
export const SESSION_KINDS: readonly SessionKind[] = ['plenary', 'online', 'other'];

/** The open assembly file, as the header shows it. */
export interface AssemblyInfo {
  id: string;
  name: string;
  path: string;
  panelSize: number;
  createdAt: string;
  /** Schema version of the file (PRAGMA user_version). */
  schemaVersion: number;
}

export interface RecentFile {
  path: string;
  name: string;
  openedAt: string;
}

export interface AssemblyFileEntry {
  path: string;
  fileName: string;
  sizeBytes: number;
  modifiedAt: string;
}

export interface AppStatus {
  /** The operator of this run (asked once per start); null until given. */
  operator: string | null;
  /** The name given at the previous start, to prefill the question. */
  lastOperator: string | null;
  language: Language;
  assembly: AssemblyInfo | null;
  recent: RecentFile[];
  /** Folder where new assemblies and the demo are written by default. */
  dataDir: string;
  /** 'electron' | 'web' | 'cli': lets the UI hide what a transport cannot do. */
  transport: 'electron' | 'web' | 'cli';
  appVersion: string;
}

export interface Session {
  id: string;
  name: string;
  /** Calendar date of the session, YYYY-MM-DD (local to the venue). */
  date: string;
  /** Local wall-clock times, HH:MM, 24 h. */
  startTime: string;
  endTime: string;
  location: string;
  kind: SessionKind;
  createdAt: string;
  updatedAt: string;
  /** Set when soft-deleted; null otherwise. */
  deletedAt: string | null;
}

export interface SessionInput {
  name: string;
  date: string;
  startTime: string;
  endTime: string;
  location?: string;
  kind: SessionKind;
}

export interface AuditEntry {
  id: string;
  at: string;
  operator: string;
  /** The device the change came from (the host's name, or a paired station's); null before schema 8. */
  device: string | null;
  /** A paired station's id; null for the host itself. */
  deviceId: string | null;
  entity: string;
  entityId: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

export interface FeatureCount {
  value: string;
  count: number;
}

export interface PoolSummary {
  people: number;
  households: number;
  features: { name: string; values: FeatureCount[] }[];
}


// ---------------------------------------------------------------------------------------------
// Recruitment: the respondent pool, its import, features, targets and quotas, the lifecycle.

export const PERSON_STATUSES = ['pool', 'reserve', 'selected', 'contacted', 'confirmed', 'declined', 'withdrawn'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];
export const PERSON_LANGUAGES = ['nl', 'fr', 'de', 'en'] as const;
export type PersonLanguage = (typeof PERSON_LANGUAGES)[number];
export const CONTACT_CHANNELS = ['phone', 'email', 'letter', 'sms'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** Fields an import column can be mapped to. */
export const IMPORT_FIELDS = [
  'externalId',
  'firstName',
  'lastName',
  'email',
  'phone',
  'street',
  'houseNumber',
  'postcode',
  'city',
  'birthYear',
  'age',
  'language',
  'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type ColumnTarget = { kind: 'field'; field: ImportField } | { kind: 'feature'; feature: string } | { kind: 'ignore' };
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
  /** Possible duplicates (same email, phone, or name and birth year) the import would flag. */
  duplicatesFlagged: number;
  /** Feature values not yet known to the assembly, per feature. */
  newFeatureValues: { feature: string; values: string[] }[];
}

export type ImportMode = 'allOrNothing' | 'validOnly';

export interface ExportedFile {
  fileName: string;
  /** Text content (CSV: UTF-8; the renderer adds the BOM when saving). */
  content: string;
}

export interface ImportResult {
  importId: string;
  imported: number;
  alreadyInPool: number;
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
  statusDate: string | null;
  statusReason: string | null;
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


// ---------------------------------------------------------------------------------------------
// Selection: preparing a draw (the distribution and the published lottery), the draw, the record.

export const SELECTION_ALGORITHMS = ['leximin', 'legacy'] as const;
export type SelectionAlgorithm = (typeof SELECTION_ALGORITHMS)[number];
/** How the public numbers are drawn: decimal digits 0–9 (ten-sided dice, lottery balls) or a six-sided die. */
export type PublicNumberSourceName = 'digits' | 'die';
export type SelectionRunStatus = 'prepared' | 'drawn' | 'superseded';

export interface SelectionQuota {
  feature: string;
  value: string;
  min: number;
  max: number;
}

export interface ProbabilitySummary {
  /** Candidates in the pool the run drew from. */
  count: number;
  min: number;
  mean: number;
  max: number;
  /** Gini coefficient of the selection probabilities (0 = everyone the same chance). */
  gini: number;
}

/** One selection run, by pseudonymous codes only. */
export interface SelectionRun {
  id: string;
  at: string;
  operator: string;
  kind: 'panel' | 'replacement';
  algorithm: SelectionAlgorithm;
  algorithmVersion: string;
  panelSize: number;
  onePerHousehold: boolean;
  /** SHA-256 of the canonical instance: codes, feature values, households, quotas, panel size. */
  inputHash: string;
  quotas: SelectionQuota[];
  summary: ProbabilitySummary;
  /** LEXIMIN: the proven upper bound on the smallest probability, and the gap to it. */
  certificate: { upperBound: number; gap: number } | null;
  /** False when the time limit stopped LEXIMIN before it finished. */
  complete: boolean;
  /** LEXIMIN only: the transparent lottery published before the draw. Legacy draws directly. */
  lottery: { size: number; source: PublicNumberSourceName; hash: string; maxDeviation: number } | null;
  status: SelectionRunStatus;
  seedMode: 'random' | 'public' | null;
  /** The recorded seed (random mode, or a legacy draw). */
  seed: string | null;
  publicNumbers: number[] | null;
  ticket: number | null;
  /** The drawn panel's codes, sorted. */
  panel: string[] | null;
  /** Everyone else in the pool, in reserve-list order. */
  reserve: string[] | null;
  drawnAt: string | null;
  drawnBy: string | null;
  supersededBy: string | null;
  supersededReason: string | null;
  supersededAt: string | null;
}

export interface SelectionRunDetail extends SelectionRun {
  /** Code -> probability of selection (LEXIMIN: the distribution's; legacy: estimated by simulation). */
  probabilities: Record<string, number>;
  /**
   * LEXIMIN runs: the legacy method's probabilities on the same instance, estimated by
   * simulation, for the comparison (null for legacy runs, or when it got stuck every time).
   */
  legacyComparison: { probabilities: Record<string, number>; summary: ProbabilitySummary; runs: number; failures: number } | null;
  /** Codes that were on every panel (replacement runs: the seated members); empty for a panel run. */
  fixed: string[];
  /** Code -> probability under the rounded lottery (LEXIMIN only). */
  lotteryProbabilities: Record<string, number> | null;
  /** The drawn panel per quota: how many seats each value got. */
  quotaResult: (SelectionQuota & { seats: number; met: boolean })[] | null;
}

export interface SelectionVerifyResult {
  ok: boolean;
  problems: string[];
  ticket: number | null;
}

/** What the Selection page needs before preparing a run. */
export interface SelectionOverview {
  panelSize: number;
  onePerHousehold: boolean;
  /** People who can be drawn: in the pool or on the reserve list, not erased. */
  candidates: number;
  /** Members holding a seat: selected, contacted or confirmed. */
  seated: number;
  /** panelSize − seated (never below 0): the seats a replacement run fills. */
  openSeats: number;
  /** The drawn panel run still in force, if any. */
  drawnPanelRunId: string | null;
  /** A run is being computed (see selection.progress). */
  computing: boolean;
}

/** The run being computed, polled by the page while selection.prepare is pending. */
export interface SelectionProgress {
  algorithm: SelectionAlgorithm;
  kind: 'panel' | 'replacement';
  startedAt: string;
  elapsedMs: number;
  timeLimitMs: number;
  /** 'checking' (feasibility), 'leximin', 'legacy' (simulated draws), 'lottery' (rounding, storing). */
  stage: 'checking' | 'leximin' | 'legacy' | 'lottery';
  /** LEXIMIN: the smallest probability reached so far and the proven upper bound on it. */
  minProbability: number | null;
  upperBound: number | null;
  /** Legacy simulation: draws done of total. */
  done: number | null;
  total: number | null;
  /** Set once the user asked to stop: keep the best so far, or cancel. */
  stopping: 'keep' | 'cancel' | null;
}

export type SelectionDrawArgs =
  | { runId: string; mode: 'public'; numbers: number[]; source?: PublicNumberSourceName }
  | { runId: string; mode: 'random' };

// ---------------------------------------------------------------------------------------------
// Attendance: the check-in desk, paper sign-in sheets, the live dashboard, per-diem.

/** A file made in main for the user to save (PDF, XLSX): its bytes in base64. */
export interface ExportedBinaryFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

/**
 * One fact recorded at the desk. Events are never changed: an undo is a new event naming the one
 * it cancels. The id is a UUIDv7 made where the event happened, so events merged from another
 * laptop are recognised (merging the same event twice adds nothing).
 */
export type AttendanceEventKind = 'checkIn' | 'checkOut' | 'excused' | 'undo';
export interface AttendanceEvent {
  id: string;
  sessionId: string;
  personId: string;
  kind: AttendanceEventKind;
  /** When it happened (ISO instant): the arrival or departure time, or when the excuse was noted. */
  at: string;
  operator: string;
  device: string;
  /** desk: typed or scanned at the desk; paper: entered afterwards from a sign-in sheet; merge: from another laptop. */
  source: 'desk' | 'paper' | 'merge';
  /** excused: the reason. */
  reason: string | null;
  /** undo: the id of the event it cancels. */
  undoes: string | null;
  /** When this laptop stored it. */
  recordedAt: string;
}

/** expected: not (yet) arrived; present: checked in; left: checked out; excused: absence excused. */
export type AttendanceState = 'expected' | 'present' | 'left' | 'excused';

export interface RosterEntry {
  personId: string;
  code: string;
  firstName: string;
  lastName: string;
  /** Accent- and case-free "first last code", for the desk's instant search. */
  searchKey: string;
  language: PersonLanguage | null;
  /** The person's table in this session (small-group tables; null until they exist). */
  table: string | null;
  phone: string | null;
  needs: { accessibility: string; diet: string; childcare: boolean; travel: string };
  state: AttendanceState;
  /** Local wall-clock HH:MM at the venue (the assembly's time zone). */
  arrivedAt: string | null;
  departedAt: string | null;
  /** Minutes after the session's start (arrival) or before its end (departure); null when on time or unknown. */
  lateMinutes: number | null;
  earlyMinutes: number | null;
  excuseReason: string | null;
  /** The events that made the current state, newest first (what "undo" cancels). */
  undoable: { eventId: string; kind: Exclude<AttendanceEventKind, 'undo'>; at: string }[];
}

export interface SessionRoster {
  session: Session;
  /** Confirmed participants: the people expected at every session. */
  expected: number;
  present: number;
  left: number;
  excused: number;
  rows: RosterEntry[];
}

export interface AttendanceResult {
  person: RosterEntry;
  event: AttendanceEvent;
}

export interface SessionDashboard {
  session: Session;
  expected: number;
  present: number;
  left: number;
  excused: number;
  /** Cumulative arrivals per 5 minutes, local HH:MM, from the first arrival. */
  arrivals: { time: string; arrived: number }[];
  /** Per quota feature and value: the panel's quota, the confirmed members, and who is here now. */
  composition: { feature: string; value: string; min: number | null; max: number | null; confirmed: number; present: number }[];
}

/** Per-diem rules of the assembly: amounts in integer cents. */
export interface PerDiemRules {
  fullDayCents: number;
  halfDayCents: number;
  /** Per day attended, for everyone. */
  travelCents: number;
  /** Per day attended, for people who need childcare. */
  childcareCents: number;
  /** Arriving later or leaving earlier than this many minutes makes the day a half day. */
  thresholdMinutes: number;
}

export interface PaymentRow {
  personId: string;
  code: string;
  firstName: string;
  lastName: string;
  fullDays: number;
  halfDays: number;
  /** Per day: the date, full or half, and why a half day. */
  days: { date: string; kind: 'full' | 'half'; reason: 'late' | 'early' | 'partial' | null }[];
  perDiemCents: number;
  travelCents: number;
  childcareCents: number;
  totalCents: number;
}

export interface PaymentsList {
  rules: PerDiemRules;
  rows: PaymentRow[];
  totalCents: number;
}

/** A person by id, or by the code on their badge (exactly one of the two). */
export interface PersonRef {
  personId?: string;
  code?: string;
}

// ---------------------------------------------------------------------------------------------
// Experts, guests and the agenda.

export const CONTRIBUTOR_ROLES = ['expert', 'facilitator', 'partyLeader', 'politician', 'observer', 'interpreter', 'staff', 'other'] as const;
export type ContributorRole = (typeof CONTRIBUTOR_ROLES)[number];
export type ContributorStatus = 'invited' | 'confirmed' | 'declined';

/** A perspective the assembly defines ("in favour of public funding", "critical", "neutral / academic"). */
export interface Perspective {
  id: string;
  name: string;
  position: number;
}

export interface AvailabilityWindow {
  date: string;
  startTime: string;
  endTime: string;
}

/** Someone who is not a panel member: expert, facilitator, party leader, observer, staff... */
export interface Contributor {
  id: string;
  name: string;
  role: ContributorRole;
  organisation: string;
  topics: string[];
  perspectiveId: string | null;
  /** Languages spoken: nl, fr, de, en. */
  languages: PersonLanguage[];
  email: string | null;
  phone: string | null;
  /** Availability windows; empty = no constraint given. */
  availability: AvailabilityWindow[];
  feeCents: number;
  travelCents: number;
  /** Their name may be published (programme, report). */
  consentPublish: boolean;
  status: ContributorStatus;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export type ContributorInput = Omit<Contributor, 'id' | 'createdAt' | 'updatedAt'>;

export interface Room {
  id: string;
  name: string;
  capacity: number;
}

export const SLOT_KINDS = ['talk', 'qa', 'panel', 'deliberation', 'break', 'vote', 'hearing'] as const;
/** talk: plenary talk; qa: questions and answers; panel: panel debate; deliberation: small groups; hearing: party leaders' hearing. */
export type SlotKind = (typeof SLOT_KINDS)[number];

export interface AgendaSlot {
  id: string;
  sessionId: string;
  startTime: string;
  endTime: string;
  kind: SlotKind;
  title: string;
  topic: string;
  roomId: string | null;
  speakerIds: string[];
  facilitatorIds: string[];
  /** Languages the slot is held in. */
  languages: PersonLanguage[];
  /** Interpretation booked into these languages. */
  interpretation: PersonLanguage[];
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export type AgendaSlotInput = Omit<AgendaSlot, 'id' | 'createdAt' | 'updatedAt'>;

export type AgendaWarningKind =
  | 'speakerDoubleBooked'
  | 'speakerUnavailable'
  | 'roomDoubleBooked'
  | 'roomTooSmall'
  | 'outsideSession'
  | 'roomOverlap'
  | 'languageGap'
  | 'speakerWithoutSlot'
  | 'oneSidedTopic';

/** A planning problem, with a sentence and the slots (and people) it is about. */
export interface AgendaWarning {
  kind: AgendaWarningKind;
  message: string;
  slotIds: string[];
  contributorIds: string[];
  /** Named figures for the translated sentence. */
  params: Record<string, string | number>;
}

export interface TopicBalance {
  topic: string;
  /** Minutes of speaking time per perspective (null: speakers without a perspective). */
  perspectives: { perspectiveId: string | null; name: string; minutes: number }[];
  totalMinutes: number;
  /** True when the topic hears one perspective only. */
  oneSided: boolean;
}

export interface LeaderEngagement {
  contributorId: string;
  name: string;
  organisation: string;
  status: ContributorStatus;
  /** The sessions (stages) they take part in, with their slots there. */
  sessions: { sessionId: string; sessionName: string; date: string; slotIds: string[] }[];
}

export interface AgendaOverview {
  sessions: Session[];
  slots: AgendaSlot[];
  contributors: Contributor[];
  perspectives: Perspective[];
  rooms: Room[];
  warnings: AgendaWarning[];
  balance: TopicBalance[];
  leaders: LeaderEngagement[];
  /** Confirmed participants: the expected attendance of plenary slots. */
  expectedAttendance: number;
}

// ---------------------------------------------------------------------------------------------
// Small-group tables.

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

// ---------------------------------------------------------------------------------------------
// Voting: ballots, double entry of the counts, results.

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

// ---------------------------------------------------------------------------------------------
// Reports and exports.

export type PrivacyLevelName = 'full' | 'pseudonymised' | 'aggregate';
/** The PDF reports, and the workbook. */
export const REPORT_NAMES = ['workbook', 'recommendations', 'representativeness', 'selectionAudit', 'attendance', 'agenda'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];
/** The tables of the workbook, each also exportable alone as CSV. */
export const REPORT_TABLES = ['participants', 'funnel', 'representativeness', 'attendance', 'perDiem', 'agenda', 'contributors', 'tables', 'ballots', 'selection'] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

export interface ReportRequest {
  /** A report (workbook as xlsx; the others as pdf), or a table (csv). */
  report: ReportName | ReportTable;
  format: 'xlsx' | 'pdf' | 'csv';
  level: PrivacyLevelName;
  lang?: Language;
}

// ---------------------------------------------------------------------------------------------
// Backups.

export interface BackupInfo {
  name: string;
  /** When it was taken (ISO). */
  at: string;
  /** open: when the file was opened; auto: every 15 minutes while changes happen; manual; before-restore; before-migration. */
  reason: 'open' | 'auto' | 'manual' | 'before-restore' | 'before-migration' | 'unknown';
  bytes: number;
  /** What it holds, for choosing one to restore; ok false when it is damaged. */
  ok: boolean;
  participants: number;
  checkIns: number;
  ballots: number;
}

/** Method name -> [argument type, result type]. */
// ---------------------------------------------------------------------------------------------
// The venue link: a host laptop and paired stations (see main/roles.ts for what each role may call).

export const STATION_ROLES = ['desk', 'counting', 'viewer', 'secretariat'] as const;
export type StationRole = (typeof STATION_ROLES)[number];
export type VenueDeviceStatus = 'pending' | 'approved' | 'revoked';

export interface VenueDevice {
  id: string;
  name: string;
  person: string;
  /** Null until the host approves the device. */
  role: StationRole | null;
  /** A counting station may be given one slot of the double entry (1 or 2). */
  slot: 1 | 2 | null;
  status: VenueDeviceStatus;
  createdAt: string;
  lastSeenAt: string | null;
}

export interface VenueStatus {
  enabled: boolean;
  /** The addresses stations use (https://LAN-address:port), one per network interface. */
  addresses: string[];
  port: number | null;
  /** SHA-256 of the certificate's SubjectPublicKeyInfo, base64 (what a station pins). */
  fingerprint: string | null;
  /** Set while pairing is locked after too many wrong codes. */
  pairingLockedUntil: string | null;
  devices: { pending: number; approved: number; revoked: number };
}

export interface VenuePairingCode {
  /** Short human code (no ambiguous letters), single use. */
  code: string;
  expiresAt: string;
  /** The host's address for stations. */
  address: string;
  fingerprint: string;
  /** What the QR code carries: address, code and fingerprint in one link. */
  link: string;
  /** The link as a QR code image (data:image/png;base64,...). */
  qrDataUrl: string;
}

export interface VenueJoinResult {
  deviceId: string;
  /** The device's own token: shown once, sent in X-Assembly-Token on every call. */
  token: string;
  status: VenueDeviceStatus;
}

export interface VenueMe {
  deviceId: string;
  name: string;
  person: string;
  role: StationRole | null;
  slot: 1 | 2 | null;
  status: VenueDeviceStatus;
}

export interface ApiContract {
  'app.status': [Record<string, never>, AppStatus];
  'app.setOperator': [{ name: string }, AppStatus];
  'app.setLanguage': [{ language: Language }, AppStatus];
  'app.createAssembly': [{ name: string; path?: string; panelSize?: number }, AssemblyInfo];
  'app.openAssembly': [{ path: string }, AssemblyInfo];
  /** stage venue: a panel drawn and confirmed, per-diem rules and the first weekend's check-ins. */
  'app.openDemo': [{ panelSize?: number; stage?: 'recruitment' | 'venue' }, AssemblyInfo];
  'app.closeAssembly': [Record<string, never>, AppStatus];
  'app.listAssemblyFiles': [Record<string, never>, AssemblyFileEntry[]];
  'app.forgetRecent': [{ path: string }, AppStatus];

  'sessions.list': [{ includeDeleted?: boolean }, Session[]];
  'sessions.get': [{ id: string }, Session];
  'sessions.create': [SessionInput, Session];
  'sessions.update': [{ id: string } & Partial<SessionInput>, Session];
  'sessions.delete': [{ id: string }, Session];
  'sessions.restore': [{ id: string }, Session];

  'audit.list': [{ entity?: string; entityId?: string; limit?: number }, AuditEntry[]];

  'pool.summary': [Record<string, never>, PoolSummary];

  'imports.stage': [{ fileName: string; contentBase64: string }, StagedImport];
  'imports.stageFile': [{ path: string }, StagedImport];
  'imports.selectSheet': [{ uploadId: string; sheet: string }, StagedImport];
  'imports.check': [{ uploadId: string; mapping: ColumnMapping }, ImportCheck];
  /** Corrects one cell of a staged file in memory (row as numbered in the problems, column by index). */
  'imports.editCell': [{ uploadId: string; row: number; column: number; value: string }, StagedImport];
  'imports.commit': [{ uploadId: string; mapping: ColumnMapping; mode: ImportMode }, ImportResult];
  'imports.discard': [{ uploadId: string }, { discarded: boolean }];
  /**
   * Reads, checks and imports a file in one call (for the command line, where nothing stays in
   * memory between calls): the given mapping, else the saved one, else the guessed one.
   */
  'imports.importFile': [{ path: string; sheet?: string; mapping?: ColumnMapping; mode?: ImportMode }, ImportResult];
  'imports.list': [Record<string, never>, ImportRecord[]];

  'people.list': [PersonQuery, { total: number; rows: PersonListItem[] }];
  'people.get': [{ id: string }, PersonDetail];
  'people.update': [{ id: string } & PersonEdit, PersonDetail];
  'people.setStatus': [{ id: string; status: PersonStatus; date?: string | null; reason?: string | null }, PersonDetail];
  'people.replace': [{ id: string; replacementId: string }, PersonDetail];
  'people.addContact': [{ id: string; date: string; channel: ContactChannel; outcome: string; note?: string }, PersonDetail];
  'people.erase': [{ id: string; confirmCode: string }, PersonDetail];
  'people.exportSortition': [Record<string, never>, ExportedFile];

  'duplicates.list': [{ status?: DuplicateFlag['status'] }, DuplicateFlag[]];
  'duplicates.resolve': [{ id: string; resolution: 'distinct' | 'keepA' | 'keepB' }, DuplicateFlag];

  'features.renameFeature': [{ featureId: string; name: string }, FeatureInfo];
  'features.renameValue': [{ valueId: string; value: string }, FeatureInfo];
  'features.mergeValues': [{ valueIds: string[]; into: string }, FeatureInfo];
  'features.band': [{ source: { featureId: string } | { birthYear: true }; name: string; bands: Band[] }, FeatureInfo];
  'features.delete': [{ featureId: string }, { deleted: boolean }];

  'quotas.overview': [Record<string, never>, QuotaOverview];
  'quotas.setSettings': [Partial<RecruitmentSettings>, QuotaOverview];
  'quotas.setTargets': [{ targets: TargetInput[] }, QuotaOverview];
  'quotas.propose': [{ panelSize?: number; tolerance?: number }, ProposedQuota[]];
  'quotas.applyProposal': [{ panelSize?: number; tolerance?: number }, QuotaOverview];
  'quotas.importSortition': [{ fileName: string; contentBase64: string }, QuotaOverview];
  'quotas.exportSortition': [{ flex?: boolean }, ExportedFile];

  /**
   * Builds the instance from the live pool (pool or reserve, not erased) and the quotas, computes
   * the distribution and (LEXIMIN) the lottery of `lotterySize` tickets, stores the run as prepared.
   * `source` fixes how the public numbers will be drawn (the published document states it).
   */
  'selection.prepare': [
    {
      algorithm: SelectionAlgorithm;
      /** 'replacement': the seated members are fixed and the open seats are filled (panel size from the settings). */
      kind?: 'panel' | 'replacement';
      panelSize?: number;
      timeLimitMs?: number;
      lotterySize?: number;
      source?: PublicNumberSourceName;
    },
    SelectionRun,
  ];
  'selection.overview': [Record<string, never>, SelectionOverview];
  /** The run being computed, or null. */
  'selection.progress': [Record<string, never>, SelectionProgress | null];
  /**
   * Stops the run being computed: keep = true ends LEXIMIN now with the best distribution so far
   * (stored, marked incomplete, with its certificate); keep = false cancels (nothing stored).
   */
  'selection.stop': [{ keep: boolean }, { stopping: boolean }];
  /** Draws the panel of a prepared run: drawn people become "selected", in the same transaction. */
  'selection.draw': [SelectionDrawArgs, SelectionRun];
  'selection.list': [Record<string, never>, SelectionRun[]];
  'selection.get': [{ id: string }, SelectionRunDetail];
  /** Marks a run superseded, with a reason. Statuses set by its draw stay as they are. */
  'selection.supersede': [{ id: string; reason: string; by?: string }, SelectionRun];
  /** The published lottery document of a LEXIMIN run. */
  'selection.document': [{ id: string }, ExportedFile];
  /** Checks a published draw: document (or a path to it), its hash, the public numbers, the panel. Needs no assembly. */
  'selection.verify': [
    { document?: string; documentPath?: string; publishedHash: string; numbers: number[]; chosenCodes: string[]; source?: PublicNumberSourceName },
    SelectionVerifyResult,
  ];
  /** Confirmed participants with their state in a session: what the desk searches. */
  'attendance.roster': [{ sessionId: string }, SessionRoster];
  /**
   * Checks a person in (by id, or by the code a badge scanner types). `at`: a local HH:MM on the
   * session's date, for arrivals entered afterwards; default now. Refused, each with its own
   * error, for an unknown code, a person who is not a confirmed participant, or one already here.
   */
  'attendance.checkIn': [{ sessionId: string; at?: string } & PersonRef, AttendanceResult];
  /** Refused when the person is not checked in. */
  'attendance.checkOut': [{ sessionId: string; at?: string } & PersonRef, AttendanceResult];
  'attendance.excuse': [{ sessionId: string; personId: string; reason: string }, AttendanceResult];
  /** Cancels an event (check-in, check-out, excuse) by a new undo event. */
  'attendance.undo': [{ eventId: string }, AttendanceResult];
  /** Attendance from a paper sign-in sheet, all rows in one transaction. */
  'attendance.paperEntry': [
    { sessionId: string; entries: { personId: string; arrivedAt: string; departedAt?: string | null }[] },
    SessionRoster,
  ];
  'attendance.events': [{ sessionId?: string }, AttendanceEvent[]];
  /** Events from another laptop: unknown ids are added, known ids skipped (idempotent). */
  'attendance.merge': [{ events: AttendanceEvent[] }, { added: number; skipped: number }];
  'attendance.dashboard': [{ sessionId: string }, SessionDashboard];
  /** Badge sheet PDF (A4, several per page) of the confirmed participants, or of the given people. */
  'attendance.badges': [{ personIds?: string[]; lang?: Language }, ExportedBinaryFile];
  /** Printable sign-in sheet of a session (for when a laptop dies). */
  'attendance.signInSheet': [{ sessionId: string; lang?: Language }, ExportedBinaryFile];
  'perDiem.rules': [Record<string, never>, PerDiemRules];
  'perDiem.setRules': [Partial<PerDiemRules>, PerDiemRules];
  'perDiem.payments': [Record<string, never>, PaymentsList];
  /** The payments list as CSV, for the finance team (names included: it pays people). */
  'perDiem.exportCsv': [Record<string, never>, ExportedFile];
  /** Everything the agenda page shows, with the warnings and the balance computed. */
  'agenda.overview': [Record<string, never>, AgendaOverview];
  'agenda.createSlot': [AgendaSlotInput, AgendaSlot];
  'agenda.updateSlot': [{ id: string } & Partial<AgendaSlotInput>, AgendaSlot];
  /** Moves a slot to a new start (and session), keeping its length. */
  'agenda.moveSlot': [{ id: string; sessionId?: string; startTime: string }, AgendaSlot];
  /** A copy of the slot, placed right after it (or at startTime / in sessionId when given). */
  'agenda.duplicateSlot': [{ id: string; sessionId?: string; startTime?: string }, AgendaSlot];
  'agenda.deleteSlot': [{ id: string }, { deleted: boolean }];
  'contributors.create': [ContributorInput, Contributor];
  'contributors.update': [{ id: string } & Partial<ContributorInput>, Contributor];
  'contributors.delete': [{ id: string }, { deleted: boolean }];
  'perspectives.set': [{ perspectives: { id?: string; name: string }[] }, Perspective[]];
  'rooms.set': [{ rooms: { id?: string; name: string; capacity: number }[] }, Room[]];
  /** The slots of one speaker as an iCalendar file. */
  'agenda.speakerCalendar': [{ contributorId: string }, ExportedFile];
  /** The agenda as a workbook (one sheet per session and one with every slot). */
  'agenda.exportXlsx': [{ lang?: Language }, ExportedBinaryFile];
  /** PDF: the day programme for participants (published names only), or the full schedule for staff (rooms, contacts). */
  'agenda.exportPdf': [{ kind: 'programme' | 'schedule'; sessionId?: string; lang?: Language }, ExportedBinaryFile];
  /** The current plan of each round of a session, round 1 first. */
  'tables.list': [{ sessionId: string }, TablePlan[]];
  /** A new plan for a round (replacing the round's current plan), seeded, within a time budget. */
  'tables.plan': [{ sessionId: string; round?: number; seed?: number; timeBudgetMs?: number } & TablePlanSettings, TablePlan];
  /** Two people change tables (by hand); the score is computed again. */
  'tables.swap': [{ planId: string; personA: string; personB: string }, TablePlan];
  /** One person moves to a table with a free seat. */
  'tables.move': [{ planId: string; personId: string; table: number }, TablePlan];
  /** Re-balances the round for the people present now, with the fewest moves (a new plan). */
  'tables.replan': [{ planId: string; timeBudgetMs?: number }, TablePlan];
  'tables.setFacilitator': [{ planId: string; table: number; contributorId: string | null }, TablePlan];
  /** PDF: one page per table for its facilitator, or the wall list sorted by name. */
  'tables.exportPdf': [{ planId: string; kind: 'facilitators' | 'wall'; lang?: Language }, ExportedBinaryFile];
  'tables.exportXlsx': [{ planId: string; lang?: Language }, ExportedBinaryFile];
  'voting.list': [{ sessionId?: string }, Ballot[]];
  'voting.get': [{ id: string }, BallotDetail];
  'voting.createBallot': [BallotInput, Ballot];
  /** Only while nothing is counted. */
  'voting.updateBallot': [
    { id: string; title?: string; rule?: BallotRule; quorum?: Ballot['quorum']; votedAt?: string | null; items?: (Omit<BallotItem, 'id'> & { id?: string })[] },
    Ballot,
  ];
  'voting.deleteBallot': [{ id: string }, { deleted: boolean }];
  /** One operator's entry (slot 1 or 2); replaces that slot's earlier entry; refused once finalised. */
  'voting.enterCounts': [{ ballotId: string; slot: 1 | 2; counts: BallotCounts }, BallotDetail];
  /** Locks the result; only when both entries agree. */
  'voting.finalise': [{ ballotId: string }, BallotDetail];
  /** A correction after finalisation, with a reason; recorded with before and after. */
  'voting.correct': [{ ballotId: string; counts: BallotCounts; reason: string }, BallotDetail];
  /** Finalised results of a session (or all), for the secretariat and the room screen. */
  'voting.results': [{ sessionId?: string }, { ballot: Ballot; result: BallotResult }[]];
  /**
   * A report at a privacy level: the file name carries the level. full: names and contacts;
   * pseudonymised: codes only; aggregate: counts only, cells under 5 people shown as "<5".
   */
  'reports.export': [ReportRequest, ExportedBinaryFile];
  /** The backups of the open assembly, newest first, with what each holds. */
  'backups.list': [Record<string, never>, { backups: BackupInfo[]; lastBackupAt: string | null }];
  /** A backup now (kept until removed by hand). */
  'backups.create': [Record<string, never>, BackupInfo];
  /** Replaces the open assembly by a backup, after taking a backup of the state it replaces. */
  'backups.restore': [{ name: string }, AssemblyInfo];
  /** A consistent copy of the open assembly at `path` ("Save a copy"), while the app keeps working. */
  'app.saveCopy': [{ path: string }, { path: string; bytes: number }];

  // The venue link (host and stations). Admin methods are the host's alone (main/roles.ts).
  /** Serves the venue link (TLS) on the LAN: explicit, off by default. */
  'venue.enable': [{ port?: number; address?: string }, VenueStatus];
  'venue.disable': [Record<string, never>, VenueStatus];
  'venue.status': [Record<string, never>, VenueStatus];
  /** A pairing code valid 5 minutes, single use, carrying the address and the certificate fingerprint. */
  'venue.createPairingCode': [Record<string, never>, VenuePairingCode];
  /** A station asks to join (no token yet); it gets its own token, pending until the host approves. */
  'venue.join': [{ code: string; deviceName: string; person: string }, VenueJoinResult];
  /** The calling station as the host knows it (a pending station may ask). */
  'venue.me': [Record<string, never>, VenueMe];
  'venue.devices': [Record<string, never>, VenueDevice[]];
  /** `slot`: a counting station enters only that slot of each ballot's double entry. */
  'venue.approve': [{ deviceId: string; role: StationRole; slot?: 1 | 2 }, VenueDevice];
  /** Effective on the device's next call. */
  'venue.revoke': [{ deviceId: string }, VenueDevice];
}

export type MethodName = keyof ApiContract;
export type ArgsOf<M extends MethodName> = ApiContract[M][0];
export type ResultOf<M extends MethodName> = ApiContract[M][1];

/** The runtime list of method names: the allow-list for both transports. */
export const METHOD_NAMES = [
  'app.status',
  'app.setOperator',
  'app.setLanguage',
  'app.createAssembly',
  'app.openAssembly',
  'app.openDemo',
  'app.closeAssembly',
  'app.listAssemblyFiles',
  'app.forgetRecent',
  'sessions.list',
  'sessions.get',
  'sessions.create',
  'sessions.update',
  'sessions.delete',
  'sessions.restore',
  'audit.list',
  'pool.summary',
  'imports.stage',
  'imports.stageFile',
  'imports.selectSheet',
  'imports.check',
  'imports.editCell',
  'imports.commit',
  'imports.discard',
  'imports.importFile',
  'imports.list',
  'people.list',
  'people.get',
  'people.update',
  'people.setStatus',
  'people.replace',
  'people.addContact',
  'people.erase',
  'people.exportSortition',
  'duplicates.list',
  'duplicates.resolve',
  'features.renameFeature',
  'features.renameValue',
  'features.mergeValues',
  'features.band',
  'features.delete',
  'quotas.overview',
  'quotas.setSettings',
  'quotas.setTargets',
  'quotas.propose',
  'quotas.applyProposal',
  'quotas.importSortition',
  'quotas.exportSortition',
  'selection.prepare',
  'selection.overview',
  'selection.progress',
  'selection.stop',
  'selection.draw',
  'selection.list',
  'selection.get',
  'selection.supersede',
  'selection.document',
  'selection.verify',
  'attendance.roster',
  'attendance.checkIn',
  'attendance.checkOut',
  'attendance.excuse',
  'attendance.undo',
  'attendance.paperEntry',
  'attendance.events',
  'attendance.merge',
  'attendance.dashboard',
  'attendance.badges',
  'attendance.signInSheet',
  'perDiem.rules',
  'perDiem.setRules',
  'perDiem.payments',
  'perDiem.exportCsv',
  'agenda.overview',
  'agenda.createSlot',
  'agenda.updateSlot',
  'agenda.moveSlot',
  'agenda.duplicateSlot',
  'agenda.deleteSlot',
  'contributors.create',
  'contributors.update',
  'contributors.delete',
  'perspectives.set',
  'rooms.set',
  'agenda.speakerCalendar',
  'agenda.exportXlsx',
  'agenda.exportPdf',
  'tables.list',
  'tables.plan',
  'tables.swap',
  'tables.move',
  'tables.replan',
  'tables.setFacilitator',
  'tables.exportPdf',
  'tables.exportXlsx',
  'voting.list',
  'voting.get',
  'voting.createBallot',
  'voting.updateBallot',
  'voting.deleteBallot',
  'voting.enterCounts',
  'voting.finalise',
  'voting.correct',
  'voting.results',
  'reports.export',
  'backups.list',
  'backups.create',
  'backups.restore',
  'app.saveCopy',
  // The venue link.
  'venue.enable',
  'venue.disable',
  'venue.status',
  'venue.createPairingCode',
  'venue.join',
  'venue.me',
  'venue.devices',
  'venue.approve',
  'venue.revoke',
] as const satisfies readonly MethodName[];

// Compile-time check that the list names every method of the contract exactly.
type Missing = Exclude<MethodName, (typeof METHOD_NAMES)[number]>;
const everyMethodListed: Missing extends never ? true : Missing = true;
void everyMethodListed;

export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNKNOWN_METHOD'
  | 'NO_ASSEMBLY_OPEN'
  | 'NO_OPERATOR'
  | 'FILE_NOT_FOUND'
  | 'FILE_EXISTS'
  | 'NOT_AN_ASSEMBLY'
  | 'FILE_TOO_NEW'
  | 'FILE_CORRUPT'
  | 'FORBIDDEN'
  | 'CANCELLED'
  | 'INTERNAL';

/**
 * What is wrong with one field of a request, in `error.details.fields`. `rule` is stable (the
 * renderer translates it, with `params`); `message` is the English sentence for the CLI and logs.
 */
export const FIELD_RULES = [
  'required',
  'tooLong',
  'atLeast',
  'atMost',
  'wholeNumber',
  'wrongType',
  'notAllowed',
  'unknownField',
  'notADate',
  'notATime',
  'endAfterStart',
  'nameTaken',
  'notFound',
  'duplicate',
  'afterArrival',
  'tooLate',
  'invalid',
] as const;
export type FieldRule = (typeof FIELD_RULES)[number];

export interface FieldProblem {
  field: string;
  rule: FieldRule;
  message: string;
  params?: Record<string, string | number>;
}

export interface ApiError {
  code: ErrorCode;
  /** A sentence a person can act on, in English (the UI translates via i18nKey). */
  message: string;
  /** i18n key for the renderer; params in details.params. */
  i18nKey: string;
  details?: Record<string, unknown>;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** What window.assembly looks like: one function per method, grouped by domain. */
type DomainOf<M> = M extends `${infer D}.${string}` ? D : never;
type ActionOf<M, D extends string> = M extends `${D}.${infer A}` ? A : never;
type ApiFunction<M extends MethodName> = (args: ArgsOf<M>) => Promise<ApiResult<ResultOf<M>>>;
export type AssemblyApi = {
  [D in DomainOf<MethodName>]: {
    [M in Extract<MethodName, `${D}.${string}`> as ActionOf<M, D>]: ApiFunction<M>;
  };
};

/**
 * Methods that carry a whole file in their arguments (base64, or a lottery document as text).
 * Web mode lets only these past the ordinary request size limit, up to MAX_UPLOAD_BYTES.
 */
export const UPLOAD_METHODS: readonly MethodName[] = ['imports.stage', 'quotas.importSortition', 'selection.verify'];
/** Largest file accepted for import (bytes, before base64). */
export const MAX_IMPORT_FILE_BYTES = 100 * 1024 * 1024;

/** Web mode: the header that carries the per-run access token on every POST /rpc. */
export const WEB_TOKEN_HEADER = 'X-Assembly-Token';

/** Builds window.assembly from one transport function. Used by the preload and the web bridge. */
export function buildApi(
  invoke: (method: MethodName, args: unknown) => Promise<ApiResult<unknown>>,
): AssemblyApi {
  const api: Record<string, Record<string, (args: unknown) => Promise<ApiResult<unknown>>>> = {};
  for (const method of METHOD_NAMES) {
    const [domain, action] = method.split('.') as [string, string];
    api[domain] ??= {};
    api[domain][action] = (args: unknown) => invoke(method, args ?? {});
  }
  return api as unknown as AssemblyApi;
}
