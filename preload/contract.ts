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

/** Method name -> [argument type, result type]. */
export interface ApiContract {
  'app.status': [Record<string, never>, AppStatus];
  'app.setOperator': [{ name: string }, AppStatus];
  'app.setLanguage': [{ language: Language }, AppStatus];
  'app.createAssembly': [{ name: string; path?: string; panelSize?: number }, AssemblyInfo];
  'app.openAssembly': [{ path: string }, AssemblyInfo];
  'app.openDemo': [{ panelSize?: number }, AssemblyInfo];
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
