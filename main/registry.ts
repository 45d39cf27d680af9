import { z } from 'zod';
import { METHOD_NAMES, type ApiResult, type ListedMethod } from '../preload/contract';
import type { AppContext } from './context';
import { AppError, isAppError } from './errors';
import { refusalFor } from './roles';
import { closedRefusal } from './closedGuard';
import { fieldProblemsFromZod } from './validation';

/**
 * One API method: the zod schema that guards its argument, and the function that does the work.
 * The method's types are read off these two (see main/apiTypes.ts): the argument is what the
 * schema accepts, the result is what `run` returns. Nothing else declares them.
 */
export interface Handler<S extends z.ZodType = z.ZodType, R = unknown> {
  args: S;
  // Method syntax on purpose: its parameter is checked bivariantly, so every handler fits the
  // registry's HandlerMap (each `run` only ever receives what its own schema parsed).
  run(args: z.output<S>, ctx: AppContext): R;
}

/** Any domain's handler map, as the registry sees it (names are checked at runtime against METHOD_NAMES). */
export type HandlerMap = Record<string, Handler>;

/**
 * Types a per-domain map without a declared contract: each `run` receives what its own schema
 * parses to, and the map keeps its exact keys, schemas and return types for main/apiTypes.ts.
 * S (the schemas, inferred first through the mapped type) types each sibling `run`; M is the map
 * as written, so that the return types of the `run` functions survive.
 */
export const handlers = <S extends Record<string, z.ZodType>, M extends { [K in keyof S]: Handler<S[K]> }>(
  map: M & { [K in keyof S]: Handler<S[K]> },
): M => map;

/** A sentence a person can act on, plus per-field details with stable rules. */
function validationError(method: string, error: z.ZodError): AppError {
  const fields = fieldProblemsFromZod(error.issues);
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  return new AppError('VALIDATION', `Invalid input for ${method}: ${summary}`, { fields });
}

export interface Registry {
  methods: typeof METHOD_NAMES;
  call(method: string, args: unknown, ctx: AppContext): Promise<ApiResult<unknown>>;
}

/**
 * Merges the per-domain handler maps (refusing a name defined twice or missing from the
 * contract) and answers every call with `{ ok, data }` or `{ ok: false, error }`.
 */
export function createRegistry(maps: readonly HandlerMap[], log: (msg: string) => void = console.error): Registry {
  const table = new Map<string, Handler>();
  for (const map of maps) {
    for (const [name, handler] of Object.entries(map)) {
      if (table.has(name)) throw new Error(`API method "${name}" is defined twice`);
      if (!(METHOD_NAMES as readonly string[]).includes(name)) throw new Error(`API method "${name}" is not in preload/contract.ts`);
      table.set(name, handler);
    }
  }
  const missing = METHOD_NAMES.filter((m) => !table.has(m));
  if (missing.length > 0) throw new Error(`API methods without a handler: ${missing.join(', ')}`);

  return {
    methods: METHOD_NAMES,
    async call(method, args, ctx) {
      const handler = table.get(method);
      if (!handler) {
        return {
          ok: false,
          error: new AppError('UNKNOWN_METHOD', `Unknown API method "${String(method).slice(0, 100)}". See the list with "methods".`, {
            method: String(method).slice(0, 100),
          }).toApiError(),
        };
      }
      // A station's role is checked before its arguments are read (main/roles.ts).
      const refused = refusalFor(method as ListedMethod, ctx.caller, args);
      if (refused) return { ok: false, error: refused.toApiError() };
      try {
        // A closed assembly takes no contact data and exports none (main/closedGuard.ts).
        const closed = closedRefusal(method as ListedMethod, args, ctx.open?.db);
        if (closed) return { ok: false, error: closed.toApiError() };
        const parsed = handler.args.safeParse(args ?? {}, { reportInput: true });
        if (!parsed.success) return { ok: false, error: validationError(method, parsed.error).toApiError() };
        const data = await handler.run(parsed.data, ctx);
        return { ok: true, data };
      } catch (e) {
        if (isAppError(e)) return { ok: false, error: e.toApiError() };
        // Unexpected: log the technical detail locally (no arguments: they may hold personal data).
        log(`[assembly-desk] ${method} failed: ${(e as Error)?.stack ?? String(e)}`);
        const disk = diskProblem(e) ?? busyProblem(e);
        if (disk) return { ok: false, error: disk.toApiError() };
        return {
          ok: false,
          error: new AppError('INTERNAL', `Something went wrong in ${method}: ${(e as Error)?.message ?? String(e)}. Check the result before trying again.`).toApiError(),
        };
      }
    },
  };
}

/**
 * A full disk (or a file that may not grow) reaches us as SQLite's or the file system's own
 * words. Every change runs in one transaction, which SQLite rolls back: say so plainly.
 */
function diskProblem(e: unknown): AppError | null {
  const code = (e as { code?: string })?.code ?? '';
  const message = (e as Error)?.message ?? '';
  const full = code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EFBIG' || /database or disk is full|no space left/i.test(message);
  const io = code.startsWith('SQLITE_IOERR') || /disk I\/O error/i.test(message);
  if (!full && !io) return null;
  return new AppError(
    'INTERNAL',
    full
      ? 'The disk is full, or the assembly file may not grow any further: nothing was changed. Free some space (or save a copy elsewhere) and try again.'
      : 'The computer could not write the assembly file (a disk error, or the disk is full): nothing was changed. Check the disk and try again.',
    { reason: full ? 'diskFull' : 'diskError' },
    full ? 'errors.diskFull' : 'errors.diskError',
  );
}

/**
 * Another process kept the file's write lock for longer than the busy timeout (db/connection.ts):
 * every write waits for it (immediate transactions), so this means a long write elsewhere, not
 * a race. The transaction was rolled back: say so, and that trying again is safe.
 */
function busyProblem(e: unknown): AppError | null {
  const code = (e as { code?: string })?.code ?? '';
  if (!code.startsWith('SQLITE_BUSY') && !code.startsWith('SQLITE_LOCKED')) return null;
  return new AppError(
    'INTERNAL',
    'Another program or window was still writing to this assembly file after 10 seconds of waiting: nothing was changed. Try again in a moment.',
    { reason: 'fileBusy' },
    'errors.fileBusy',
  );
}
