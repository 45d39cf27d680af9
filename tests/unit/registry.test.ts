import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { createRegistry, handlers, type HandlerMap } from '../../main/registry';
import { APP_HANDLERS, createAppRegistry } from '../../main/api';
import { AppContext } from '../../main/context';
import { AppError } from '../../main/errors';
import { METHOD_NAMES } from '../../preload/contract';
import { appHandlers } from '../../main/services/app';
import { useTempDir } from '../helpers/tmp';
import type { ArgsOf, AssemblyApi, MethodName, ResultOf } from '../../main/apiTypes';
import type { Session } from '../../main/domain/sessions/types';

const tempDir = useTempDir();

describe('the handler registry', () => {
  it('exposes every method of the contract, and nothing else', () => {
    const registry = createAppRegistry();
    expect([...registry.methods].sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('lists at runtime exactly the methods the handler maps define (adding one = handler + one line in METHOD_NAMES)', () => {
    const defined = APP_HANDLERS.flatMap((map) => Object.keys(map));
    expect(new Set(defined).size).toBe(defined.length);
    expect([...defined].sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('types each method from its handler: the schema for the argument, run for the result', () => {
    // Checked by the compiler (npm run typecheck); at runtime these are no-ops.
    expectTypeOf<ArgsOf<'sessions.get'>>().toEqualTypeOf<{ id: string }>();
    expectTypeOf<ResultOf<'sessions.get'>>().toEqualTypeOf<Session>();
    expectTypeOf<ResultOf<'sessions.list'>>().toEqualTypeOf<Session[]>();
    expectTypeOf<AssemblyApi['sessions']['get']>().parameter(0).toEqualTypeOf<{ id: string }>();
    expectTypeOf<'sessions.get'>().toExtend<MethodName>();
    expectTypeOf<'sessions.explode'>().not.toExtend<MethodName>();
  });

  it('refuses a method defined twice', () => {
    const status = { 'app.status': appHandlers['app.status'] } as HandlerMap;
    expect(() => createRegistry([status, status])).toThrow(/defined twice/);
  });

  it('refuses a method missing from the contract, and a contract method without a handler', () => {
    const stray = { 'app.bogus': { args: z.strictObject({}), run: () => 1 } } as unknown as HandlerMap;
    expect(() => createRegistry([stray])).toThrow(/not in preload\/contract.ts/);
    expect(() => createRegistry([])).toThrow(/without a handler: app.status/);
  });

  it('answers an unknown method with UNKNOWN_METHOD, never a throw', async () => {
    const registry = createAppRegistry();
    const result = await registry.call('sessions.explode', {}, new AppContext('cli', tempDir()));
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    if (!result.ok) expect(result.error.message).toContain('sessions.explode');
  });

  it('validates arguments and names each wrong field', async () => {
    const registry = createAppRegistry();
    const ctx = new AppContext('cli', tempDir());
    const result = await registry.call('app.setLanguage', { language: 'de' }, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('VALIDATION');
      expect(result.error.message).toContain('language: must be nl, fr or en');
      expect(result.error.details?.fields).toEqual([
        { field: 'language', rule: 'notAllowed', message: 'must be nl, fr or en', params: { allowed: 'nl, fr, en' } },
      ]);
    }
  });

  it('rejects unknown fields and wrong types', async () => {
    const registry = createAppRegistry();
    const ctx = new AppContext('cli', tempDir());
    const unknown = await registry.call('app.setOperator', { name: 'Ann', admin: true }, ctx);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!unknown.ok) expect(unknown.error.message).toMatch(/admin/);
    const wrongType = await registry.call('app.setOperator', { name: 42 }, ctx);
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const tooLong = await registry.call('app.setOperator', { name: 'x'.repeat(81) }, ctx);
    if (!tooLong.ok) {
      expect(tooLong.error.message).toContain('at most 80 characters');
      expect(tooLong.error.details?.fields).toEqual([{ field: 'name', rule: 'tooLong', message: 'must be at most 80 characters', params: { max: 80 } }]);
    }
    expect(tooLong.ok).toBe(false);
  });

  it('turns an AppError into its code and message, and an unexpected error into INTERNAL without leaking a throw', async () => {
    const logged: string[] = [];
    const failing = handlers({
      'app.status': {
        args: z.strictObject({}),
        run: () => {
          throw new AppError('CONFLICT', 'Already there.');
        },
      },
      'app.closeAssembly': {
        args: z.strictObject({}),
        run: () => {
          throw new TypeError('boom');
        },
      },
    });
    const realHandlers = Object.assign({}, ...APP_HANDLERS) as HandlerMap;
    const rest = Object.fromEntries(
      Object.entries(realHandlers).filter(([name]) => name !== 'app.status' && name !== 'app.closeAssembly'),
    );
    const registry = createRegistry([failing as HandlerMap, rest as HandlerMap], (m) => logged.push(m));
    const ctx = new AppContext('cli', tempDir());
    expect(await registry.call('app.status', {}, ctx)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'Already there.', i18nKey: 'errors.CONFLICT', details: {} },
    });
    const internal = await registry.call('app.closeAssembly', {}, ctx);
    expect(internal).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(logged.join('\n')).toContain('boom');
  });
});
