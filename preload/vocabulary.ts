/**
 * The closed lists of values that cross the API (languages, session kinds, statuses, roles...):
 * each list and the type made from it. The renderer reads these lists at runtime (menus, filters,
 * checks), so they live here, in a module with no imports, rather than beside the handlers in main.
 */

export type Language = 'nl' | 'fr' | 'en';

export const LANGUAGES: readonly Language[] = ['nl', 'fr', 'en'];

export type SessionKind = 'plenary' | 'online' | 'other';

export const SESSION_KINDS: readonly SessionKind[] = ['plenary', 'online', 'other'];

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
  // Needs (people.needs_*): a free-text column split into the four (main/domain/import/needs.ts),
  // or a column that holds one of them.
  'needs',
  'needsAccessibility',
  'needsDiet',
  'needsChildcare',
  'needsTravel',
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

/**
 * Fields whose column can at the same time be a stratification feature (a language kept
 * together at tables, a quota per municipality): descriptive, not identifying on their own.
 */
export const FEATURE_FIELDS = ['language', 'city', 'postcode'] as const satisfies readonly ImportField[];

export type FeatureField = (typeof FEATURE_FIELDS)[number];

export const SELECTION_ALGORITHMS = ['leximin', 'legacy'] as const;

export type SelectionAlgorithm = (typeof SELECTION_ALGORITHMS)[number];

export const CONTRIBUTOR_ROLES = ['expert', 'facilitator', 'partyLeader', 'politician', 'observer', 'interpreter', 'staff', 'other'] as const;

export type ContributorRole = (typeof CONTRIBUTOR_ROLES)[number];

export const SLOT_KINDS = ['talk', 'qa', 'panel', 'deliberation', 'break', 'vote', 'hearing'] as const;

/** talk: plenary talk; qa: questions and answers; panel: panel debate; deliberation: small groups; hearing: party leaders' hearing. */
export type SlotKind = (typeof SLOT_KINDS)[number];

/** The PDF reports, and the workbook. */
export const REPORT_NAMES = ['workbook', 'recommendations', 'representativeness', 'selectionAudit', 'attendance', 'agenda', 'publicReport'] as const;

export type ReportName = (typeof REPORT_NAMES)[number];

/** The tables of the workbook, each also exportable alone as CSV. */
export const REPORT_TABLES = [
  'participants',
  'funnel',
  'representativeness',
  'attendance',
  'perDiem',
  'agenda',
  'contributors',
  'tables',
  'ballots',
  'selection',
  // The public report's own tables (main/reports/publicTables.ts).
  'process',
  'dropReasons',
  'dropOut',
  'politicians',
  'materials',
  'turnout',
  'costs',
] as const;

export type ReportTable = (typeof REPORT_TABLES)[number];

/**
 * How a CSV is written (main/domain/csvWrite.ts): excel (the default) for Excel with Belgian or
 * European settings: semicolon, decimal comma, UTF-8 byte-order mark; plain: comma, decimal point.
 */
export const CSV_DIALECTS = ['excel', 'plain'] as const;
export type CsvDialectName = (typeof CSV_DIALECTS)[number];

/** Why a person declined or withdrew (the public report counts them; the free text stays with the person). */
export const DROP_REASONS = ['notInterested', 'time', 'work', 'health', 'family', 'travel', 'moved', 'noReply', 'other'] as const;
export type DropReason = (typeof DROP_REASONS)[number];

/** An invited speaker's part in one slot: invited, confirmed, declined, came, or did not come (noShow). */
export const APPEARANCES = ['invited', 'confirmed', 'declined', 'came', 'noShow'] as const;
export type Appearance = (typeof APPEARANCES)[number];

/** What a contributor supplied to the members. */
export const MATERIAL_KINDS = ['presentation', 'paper', 'video', 'data', 'other'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

/** Cost categories of the public report (besides the per-diem, computed from attendance). */
export const COST_CATEGORIES = ['venue', 'catering', 'facilitation', 'interpretation', 'recruitment', 'experts', 'communication', 'other'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

/** What a paired station at the venue may do (main/roles.ts holds the methods of each). */
export const STATION_ROLES = ['desk', 'counting', 'viewer', 'secretariat'] as const;
export type StationRole = (typeof STATION_ROLES)[number];
