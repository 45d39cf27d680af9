/**
 * The envelope of the API between the renderer and main, and its runtime allow-list.
 *
 * A method is defined once, by its handler in main/services/<domain>.ts (zod schema for the
 * argument, `run` for the result); main/apiTypes.ts derives the names, argument and result types
 * and the type of window.assembly from those handlers. What stays here is what every method
 * shares and what must exist at runtime in the preload and the renderer: the result envelope,
 * error codes, field rules, the list of method names, and web mode's limits. No imports, so the
 * preload bundle stays tiny and nothing of main reaches the renderer.
 *
 * Only plain JSON crosses: ISO-8601 strings for times, integer cents for money, ids as strings.
 */

/**
 * The runtime list of method names: the allow-list for every transport, and what the preload
 * builds window.assembly from. Adding a method = its handler + one line here; main/apiTypes.ts
 * (at compile time), the registry (at start) and tests/unit/registry.test.ts check the two agree.
 */
export const METHOD_NAMES = [
  'app.status',
  'app.setOperator',
  'app.setLanguage',
  'app.setTimeZone',
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
  'register.suggestMapping',
  'register.check',
  'register.commit',
  'register.importFile',
  'register.summary',
  'invitations.draw',
  'invitations.list',
  'invitations.invitees',
  'invitations.supersede',
  'invitations.verify',
  'invitations.verifyRecord',
  'invitations.lookup',
  'invitations.respond',
  'invitations.checkResponses',
  'invitations.importResponses',
  'invitations.funnel',
  'people.list',
  'people.get',
  'people.update',
  'people.setStatus',
  'people.setStatusMany',
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
  'attendance.submitQueued',
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
  'voting.notHeld',
  'reports.export',
  // What the public report states that no other page records (main/services/reportFacts.ts).
  'reportFacts.get',
  'reportFacts.setRecruitment',
  'reportFacts.addCost',
  'reportFacts.deleteCost',
  'reportFacts.addMaterial',
  'reportFacts.deleteMaterial',
  'reportFacts.setAppearance',
  'reportFacts.setDropReason',
  'translations.list',
  'translations.missing',
  'translations.set',
  'translations.setBaseLanguage',
  'letters.texts',
  'letters.setText',
  'letters.resetText',
  'letters.setSettings',
  'letters.sample',
  'letters.export',
  'letters.progress',
  'backups.list',
  'backups.create',
  'backups.restore',
  'app.saveCopy',
  // The venue link (host and stations); who may call what: main/roles.ts.
  'venue.enable',
  'venue.disable',
  'venue.status',
  'venue.createPairingCode',
  'venue.join',
  'venue.me',
  'venue.devices',
  'venue.approve',
  'venue.revoke',
  'venue.connected',
  'venue.openStation',
  // The end date (main/services/closing.ts): host-only.
  'assembly.retention',
  'assembly.setRetention',
  'assembly.close',
  'assembly.closeCertificate',
] as const;

/** One method name, as listed (main/apiTypes.ts has MethodName, read off the handlers). */
export type ListedMethod = (typeof METHOD_NAMES)[number];

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
  /** The host is restoring a backup: a station keeps its events queued and tries again (like a host out of reach). */
  | 'HOST_PAUSED'
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
  'hiddenCharacter',
  'notATimeZone',
  'notAnIban',
  'needsConsent',
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

/**
 * Methods that carry a whole file in their arguments (base64, or a lottery document as text).
 * Web mode lets only these past the ordinary request size limit, up to MAX_UPLOAD_BYTES.
 */
export const UPLOAD_METHODS: readonly ListedMethod[] = ['imports.stage', 'quotas.importSortition', 'selection.verify'];

/** Largest file accepted for import (bytes, before base64). */
export const MAX_IMPORT_FILE_BYTES = 100 * 1024 * 1024;

/** Web mode: the header that carries the per-run access token on every POST /rpc. */
export const WEB_TOKEN_HEADER = 'X-Assembly-Token';
