/**
 * The renderer's one way to talk to main: `call('sessions.create', {...})`, typed by the
 * handlers themselves (main/apiTypes.ts, type-only). It unwraps the `{ ok, data | error }` envelope and throws an ApiCallError on
 * failure, so pages can use try/catch and forms can show each field's problem beside it.
 */
import { FIELD_RULES, type ApiError, type ErrorCode, type FieldProblem, type FieldRule } from '../preload/contract';
import type { ArgsOf, MethodName, ResultOf } from '../main/apiTypes';

export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly i18nKey: string;
  readonly details: Record<string, unknown>;
  /** Per-field problems (details.fields), for messages beside the form fields. */
  readonly fields: FieldProblem[];

  constructor(
    readonly method: MethodName,
    error: ApiError,
  ) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.i18nKey = error.i18nKey || `errors.${error.code}`;
    this.details = error.details ?? {};
    this.fields = readFields(this.details.fields);
  }

  /** The problem with one field, if the server named it. */
  fieldProblem(field: string): FieldProblem | undefined {
    return this.fields.find((f) => f.field === field);
  }
}

const isFieldRule = (rule: unknown): rule is FieldRule => (FIELD_RULES as readonly unknown[]).includes(rule);

/** Reads details.fields defensively: it crossed a process boundary. Unknown rules become 'invalid'. */
function readFields(raw: unknown): FieldProblem[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((f: unknown): FieldProblem[] => {
    if (typeof f !== 'object' || f === null) return [];
    const { field, message, rule, params } = f as Partial<Record<keyof FieldProblem, unknown>>;
    if (typeof field !== 'string' || typeof message !== 'string') return [];
    return [
      {
        field,
        message,
        rule: isFieldRule(rule) ? rule : 'invalid',
        params: typeof params === 'object' && params !== null ? (params as FieldProblem['params']) : undefined,
      },
    ];
  });
}

type AnyMethod = (args: unknown) => Promise<import('../preload/contract').ApiResult<unknown>>;

export async function call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const [domain, action] = method.split('.') as [string, string];
  const group = (window.assembly as unknown as Record<string, Record<string, AnyMethod>> | undefined)?.[domain];
  const fn = group?.[action];
  if (!fn) {
    throw new ApiCallError(method, {
      code: 'UNKNOWN_METHOD',
      message: `The API has no method ${method} (window.assembly is ${window.assembly ? 'incomplete' : 'missing'}).`,
      i18nKey: 'errors.UNKNOWN_METHOD',
    });
  }
  let result;
  try {
    result = await fn(args);
  } catch (e) {
    // A transport should never throw, but an Electron IPC failure can.
    throw new ApiCallError(method, {
      code: 'INTERNAL',
      message: `The call ${method} failed: ${(e as Error)?.message ?? String(e)}`,
      i18nKey: 'errors.INTERNAL',
    });
  }
  if (result.ok) return result.data as ResultOf<M>;
  throw new ApiCallError(method, result.error);
}

export const isApiCallError = (e: unknown): e is ApiCallError => e instanceof ApiCallError;
