/**
 * The API's types, read off the handlers (type-only: nothing here exists at runtime).
 *
 * A method is defined once, by its handler in main/services/<domain>.ts: the zod schema says
 * what the argument may be, the `run` function's return type says what the answer is. This
 * module derives from those maps what the renderer, the preload, the CLI and the tests need,
 * in the way Actual Budget's loot-core derives its handler types: the renderer imports it with
 * `import type`, so no main code reaches the renderer bundle.
 */
import type { z } from 'zod';
import type { ApiResult, METHOD_NAMES } from '../preload/contract';
import type { APP_HANDLERS } from './api';

/** One domain's handler map (a union over the domains). */
type DomainMap = (typeof APP_HANDLERS)[number];

/** Every method name, from the keys of every domain's map (distributes over the union). */
export type MethodName = DomainMap extends infer D ? (D extends unknown ? keyof D & string : never) : never;

/** The handler of one method, found in whichever domain's map holds it. */
type HandlerOf<M extends MethodName> = DomainMap extends infer D ? (D extends unknown ? (M extends keyof D ? D[M] : never) : never) : never;

/**
 * What a caller may send: the schema's input (before defaults and trimming). A method without
 * arguments takes `{}` and nothing else (zod's input type `{}` would accept any value).
 */
export type ArgsOf<M extends MethodName> = NoneIfEmpty<z.input<HandlerOf<M>['args']>>;
type NoneIfEmpty<T> = [keyof T] extends [never] ? Record<string, never> : T;

/** What the method answers with: whatever its `run` returns, once awaited. */
export type ResultOf<M extends MethodName> = Awaited<ReturnType<HandlerOf<M>['run']>>;

/** What window.assembly looks like: one function per method, grouped by domain ('sessions.create' -> assembly.sessions.create). */
type DomainOf<M> = M extends `${infer D}.${string}` ? D : never;
type ActionOf<M, D extends string> = M extends `${D}.${infer A}` ? A : never;
type ApiFunction<M extends MethodName> = (args: ArgsOf<M>) => Promise<ApiResult<ResultOf<M>>>;
export type AssemblyApi = {
  [D in DomainOf<MethodName>]: {
    [M in Extract<MethodName, `${D}.${string}`> as ActionOf<M, D>]: ApiFunction<M>;
  };
};

// The runtime list in preload/contract.ts must name every handler and nothing else: checked here
// at compile time (and by tests/unit/registry.test.ts and the registry itself at runtime).
type Assert<T extends true> = T;
type Listed = (typeof METHOD_NAMES)[number];
export type EveryMethodListed = Assert<[Exclude<MethodName, Listed>, Exclude<Listed, MethodName>] extends [never, never] ? true : false>;

// A handler whose schema or `run` is typed `any` or `unknown` would quietly untype the renderer's
// calls: refuse it here (give `run` a declared return type, or the schema a concrete shape).
type Loose<T> = 0 extends 1 & T ? true : unknown extends T ? true : false;
type LooseMethods = { [M in MethodName]: true extends Loose<ArgsOf<M>> | Loose<ResultOf<M>> ? M : never }[MethodName];
export type NoLooseMethod = Assert<[LooseMethods] extends [never] ? true : false>;
