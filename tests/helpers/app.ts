import type { ArgsOf, MethodName, ResultOf } from '../../main/apiTypes';
import { createAppRegistry } from '../../main/api';
import { AppContext } from '../../main/context';

/** A registry and a context on a temp data folder, with a typed `call` that throws on error. */
export function makeApp(dataDir: string, operator: string | null = 'Test Operator', clock?: () => Date) {
  const registry = createAppRegistry(() => {});
  const ctx = new AppContext('cli', dataDir, undefined, clock);
  ctx.operator = operator;
  const raw = (method: string, args: unknown = {}) => registry.call(method, args, ctx);
  async function call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
    const result = await registry.call(method, args, ctx);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.data as ResultOf<M>;
  }
  return { registry, ctx, call, raw, close: () => ctx.closeAssembly() };
}
