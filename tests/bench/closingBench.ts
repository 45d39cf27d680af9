/**
 * Closing an assembly (issue 18): a venue-stage demo of 2,000 respondents (panel of 60 confirmed,
 * check-ins, a drawn selection run) with 10 backups beside it; `assembly.close` removes the
 * contact data from the file and the ten backups, one transaction each, secure_delete on, the
 * write-ahead log emptied. Each run closes a fresh copy of the same files; the median of three
 * runs is reported (this shared 2-core machine varies by ±20 % from run to run).
 */
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createAppRegistry } from '../../main/api';
import { AppContext } from '../../main/context';
import { writeDemo, DEMO_SEED } from '../../main/demo/writeDemo';
import { median, timeMs, type Benchmark } from './harness';

const PEOPLE = 2000;
const BACKUPS = 10;

async function prepare(work: string): Promise<{ file: string; name: string }> {
  const dir = join(work, 'closing-template');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'close-2000.assembly');
  await writeDemo(file, { seed: DEMO_SEED, panelSize: 60, stage: 'venue', poolSize: PEOPLE });
  // Ten backups, each a minute apart (a backup is named by its time).
  let minute = 0;
  const ctx = new AppContext('cli', join(work, 'closing-data'), undefined, () => new Date(Date.UTC(2027, 2, 1, 10, minute)));
  ctx.operator = 'bench';
  const registry = createAppRegistry(() => {});
  const opened = await registry.call('app.openAssembly', { path: file }, ctx);
  if (!opened.ok) throw new Error(opened.error.message);
  for (let i = 0; i < BACKUPS; i++) {
    minute = i + 1;
    const taken = await registry.call('backups.create', {}, ctx);
    if (!taken.ok) throw new Error(taken.error.message);
  }
  ctx.closeAssembly();
  const backups = readdirSync(`${file}.backups`).length;
  if (backups !== BACKUPS) throw new Error(`expected ${BACKUPS} backups, found ${backups}`);
  return { file, name: (opened.data as { name: string }).name };
}

export function closingBenchmarks(work: string): Benchmark[] {
  let template: Promise<{ file: string; name: string }> | null = null;
  return [
    {
      name: 'close-2000-10-backups',
      unit: 'ms',
      target: 10_000,
      run: async () => {
        template ??= prepare(work);
        const { file, name } = await template;
        const times: number[] = [];
        for (let run = 0; run < 3; run++) {
          const dir = join(work, `closing-run-${run}`);
          mkdirSync(dir, { recursive: true });
          const copy = join(dir, 'close-2000.assembly');
          cpSync(file, copy);
          cpSync(`${file}.backups`, `${copy}.backups`, { recursive: true });
          const ctx = new AppContext('cli', join(work, `closing-data-${run}`));
          ctx.operator = 'bench';
          const registry = createAppRegistry(() => {});
          const opened = await registry.call('app.openAssembly', { path: copy }, ctx);
          if (!opened.ok) throw new Error(opened.error.message);
          let result: Awaited<ReturnType<typeof registry.call>> | null = null;
          times.push(await timeMs(async () => (result = await registry.call('assembly.close', { confirmName: name }, ctx))));
          const closed = result as unknown as { ok: boolean; data?: { peopleCleared: number; backupsProcessed: string[] }; error?: { message: string } };
          if (!closed.ok) throw new Error(closed.error!.message);
          if (closed.data!.peopleCleared !== PEOPLE || closed.data!.backupsProcessed.length !== BACKUPS) {
            throw new Error(`closing cleared ${closed.data!.peopleCleared} people and ${closed.data!.backupsProcessed.length} backups`);
          }
          ctx.closeAssembly();
        }
        return median(times);
      },
    },
  ];
}
