/**
 * A generated test over the whole contract (issue 10, "Bad input"): every method in METHOD_NAMES,
 * called through the real registry with the demo assembly open, refuses wrong types, arguments
 * given as a list, missing fields, unknown fields and oversize strings with a VALIDATION error
 * whose message names the field; never INTERNAL, never a throw.
 *
 * The string fields of each method are found by walking its zod schema (APP_HANDLERS), so a
 * method or field added later is covered without touching this file. The generated calls are
 * all invalid: none reaches a handler, and the demo file is unchanged at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { METHOD_NAMES, type ApiResult } from '../../preload/contract';
import type { MethodName } from '../../main/apiTypes';
import { APP_HANDLERS } from '../../main/api';
import type { HandlerMap } from '../../main/registry';
import { makeApp } from '../helpers/app';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();
const HANDLERS: HandlerMap = Object.assign({}, ...APP_HANDLERS);
const OVERSIZE = 2_000_000;

type Schema = z.ZodType & { def: Record<string, unknown> & { type: string }; shape?: Record<string, Schema>; maxLength?: number | null };

/** A string field somewhere in a method's arguments, and how to reach it with a minimal value. */
interface StringField {
  /** Dotted path as the error names it ("mapping.columns.0.feature"). */
  path: string;
  /** The part of the path the message must name: up to the first union (zod reports the union). */
  named: string;
  maxLength: number | null;
  /** Arguments holding `value` at that path (and a union's discriminator, where needed). */
  build: (value: unknown) => unknown;
}

function stringFields(schema: Schema): StringField[] {
  const out: StringField[] = [];
  const walk = (s: Schema, path: string[], named: string[] | null, build: (v: unknown) => unknown): void => {
    const def = s.def;
    switch (def.type) {
      case 'string':
        out.push({ path: path.join('.'), named: (named ?? path).join('.'), maxLength: s.maxLength ?? null, build });
        return;
      case 'object':
        for (const [key, child] of Object.entries(s.shape!)) walk(child, [...path, key], named, (v) => build({ [key]: v }));
        return;
      case 'optional':
      case 'nullable':
      case 'default':
      case 'readonly':
      case 'prefault':
      case 'nonoptional':
        walk(def.innerType as Schema, path, named, build);
        return;
      case 'pipe':
        walk(def.in as Schema, path, named, build);
        return;
      case 'array':
        walk(def.element as Schema, [...path, '0'], named, (v) => build([v]));
        return;
      case 'record':
        // Records here are keyed by language (nl, fr, en): the value under "nl" is the one named.
        walk(def.valueType as Schema, [...path, 'nl'], named, (v) => build({ nl: v }));
        return;
      case 'union': {
        const discriminator = def.discriminator as string | undefined;
        for (const option of def.options as Schema[]) {
          const tag = discriminator ? (option.shape?.[discriminator]?.def.values as unknown[] | undefined)?.[0] : undefined;
          walk(option, path, named ?? path, (v) =>
            build(discriminator && tag !== undefined && typeof v === 'object' && v !== null ? { [discriminator]: tag, ...v } : v),
          );
        }
        return;
      }
      default:
        return;
    }
  };
  walk(schema, [], null, (v) => v);
  return out;
}

/** Top-level fields whose type is not a string, to send a string there. */
function nonStringTopLevel(schema: Schema): string[] {
  if (schema.def.type !== 'object') return [];
  const unwrap = (s: Schema): Schema =>
    ['optional', 'nullable', 'default', 'readonly', 'prefault'].includes(s.def.type) ? unwrap(s.def.innerType as Schema) : s;
  return Object.entries(schema.shape!)
    .filter(([, child]) => ['number', 'boolean', 'object', 'array', 'enum', 'literal'].includes(unwrap(child).def.type))
    .map(([key]) => key);
}

let app: ReturnType<typeof makeApp>;
let peopleBefore = 0;
const tally = { methods: 0, calls: 0, stringFieldsTested: 0, oversizeSkipped: [] as string[] };

beforeAll(async () => {
  app = makeApp(tempDir());
  await app.call('app.openDemo', {});
  peopleBefore = (app.ctx.requireDb().prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;
}, 60_000);

afterAll(() => {
  console.info(`contract-validation: ${tally.methods} methods, ${tally.calls} invalid calls, ${tally.stringFieldsTested} string fields oversized`, tally.oversizeSkipped);
  app?.close();
});

async function refused(method: MethodName, args: unknown, mustName: string[], label: string): Promise<ApiResult<unknown>> {
  tally.calls++;
  let result: ApiResult<unknown>;
  try {
    result = await app.registry.call(method, args, app.ctx);
  } catch (e) {
    throw new Error(`${method} ${label}: threw ${(e as Error).stack}`);
  }
  expect(result.ok, `${method} ${label} was accepted`).toBe(false);
  if (result.ok) return result;
  expect(result.error.code, `${method} ${label}: ${result.error.message.slice(0, 300)}`).toBe('VALIDATION');
  for (const name of mustName) expect(result.error.message, `${method} ${label}`).toContain(name);
  // The refusal never echoes an oversize value back (nor, so, any value sent).
  expect(JSON.stringify(result).length, `${method} ${label}: answer size`).toBeLessThan(20_000);
  return result;
}

describe('every API method refuses bad arguments with a clear VALIDATION error', () => {
  it('covers every method of the contract', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual([...METHOD_NAMES].sort());
    expect(METHOD_NAMES.length).toBeGreaterThan(100);
  });

  it.each([...METHOD_NAMES])('%s', async (method) => {
    tally.methods++;
    const schema = HANDLERS[method]?.args as unknown as Schema;

    // Wrong types for the whole argument: a number, a string, null-like, a list.
    await refused(method, 42, ['(arguments)'], 'with a number');
    await refused(method, 'args', ['(arguments)'], 'with a string');
    await refused(method, [], ['(arguments)'], 'with an empty list');
    await refused(method, [{}], ['(arguments)'], 'with a list of an object');

    // An unknown field, holding a 2 MB string. A union of shapes (selection.draw) is told apart
    // by its discriminator first, so the unknown field is sent with each variant's tag.
    const discriminator = schema.def.type === 'union' ? (schema.def.discriminator as string | undefined) : undefined;
    const variants = discriminator
      ? (schema.def.options as Schema[]).map((o) => ({ [discriminator]: (o.shape![discriminator]!.def.values as unknown[])[0] }))
      : [{}];
    for (const variant of variants) {
      await refused(method, { ...variant, unexpectedField: 'a'.repeat(OVERSIZE) }, ['unexpectedField'], `with an unknown 2 MB field ${JSON.stringify(variant)}`);
    }

    // Missing fields: {} is refused naming each required top-level field (when there is one).
    const empty = schema.safeParse({});
    if (!empty.success && schema.def.type === 'object') {
      const required = [...new Set(empty.error.issues.map((i) => String(i.path[0])))];
      await refused(method, {}, required, 'with no arguments');
    }

    // Every string field: too long (past its own maximum, or 2 MB) and of the wrong type.
    for (const field of stringFields(schema)) {
      const length = Math.max(OVERSIZE, (field.maxLength ?? 0) + 1);
      if (length > 32 * 1024 * 1024) {
        // An upload (a whole file as base64, up to 140 MB): its limit is proved in
        // web-server.test.ts and recruitment-import.test.ts, not by allocating it here.
        tally.oversizeSkipped.push(`${method}:${field.path} (max ${field.maxLength})`);
      } else {
        await refused(method, field.build('a'.repeat(length)), [field.named], `with ${field.path} of ${length} characters`);
        tally.stringFieldsTested++;
      }
      await refused(method, field.build(12345), [field.named], `with a number as ${field.path}`);
    }
    // Every non-string top-level field given a string.
    for (const key of nonStringTopLevel(schema)) {
      await refused(method, { [key]: 'not the right type' }, [key], `with a string as ${key}`);
    }
  });

  it('left the demo assembly as it was (no generated call reached a handler)', () => {
    expect((app.ctx.requireDb().prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n).toBe(peopleBefore);
    expect(tally.methods).toBe(METHOD_NAMES.length);
  });
});
