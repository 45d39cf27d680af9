/**
 * The invitation lottery's figures (`npm run bench -- invitations`), through the registry as the
 * UI calls it, on a register extract of 200,000 residents (tests/helpers/register.ts):
 *
 *  - invitations.register: importing the extract (read, check every row, write), once. No target
 *    in the issue; 60 s keeps it within the 50,000-row pool import's pace.
 *  - invitations.draw: drawing 10,000 letters stratified by municipality, one per address, with
 *    their response codes written (read the register, draw, write the run): median of 3, each
 *    earlier run superseded first. Target < 2 s (issue 19).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAppRegistry } from '../../main/api';
import { AppContext } from '../../main/context';
import { registerCsv } from '../helpers/register';
import { median, timeMs, type Benchmark } from './harness';

type Call = (method: string, args: unknown) => Promise<Record<string, unknown>>;

export function invitationBenchmarks(work: string): Benchmark[] {
  let setup: Promise<{ call: Call; importMs: number }> | null = null;
  const prepared = () =>
    (setup ??= (async () => {
      const ctx = new AppContext('cli', join(work, 'invitations-data'));
      ctx.operator = 'bench';
      const registry = createAppRegistry();
      const call: Call = async (method, args) => {
        const r = await registry.call(method, args, ctx);
        if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
        return r.data as Record<string, unknown>;
      };
      await call('app.createAssembly', { name: 'Bench invitations', panelSize: 60 });
      const file = join(work, 'register-200k.csv');
      writeFileSync(file, registerCsv(200_000, 7));
      const importMs = await timeMs(() => call('register.importFile', { path: file }));
      return { call, importMs };
    })());
  return [
    {
      name: 'invitations.register import 200,000 residents (read, check, write)',
      unit: 'ms',
      target: 60_000,
      run: async () => (await prepared()).importMs,
    },
    {
      name: 'invitations.draw 10,000 letters from 200,000 (by municipality, one per address, codes written; median of 3)',
      unit: 'ms',
      target: 2000,
      run: async () => {
        const { call } = await prepared();
        const times: number[] = [];
        let last: string | null = null;
        for (let i = 0; i < 3; i++) {
          if (last) await call('invitations.supersede', { runId: last, reason: 'benchmark' });
          times.push(
            await timeMs(async () => {
              const run = await call('invitations.draw', { size: 10_000, stratifyBy: 'municipality', onePerAddress: true, seed: `bench ${i}` });
              last = run.id as string;
            }),
          );
        }
        return median(times);
      },
    },
  ];
}
