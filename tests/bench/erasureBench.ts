/**
 * Erasure that reaches every copy (issue 18): `people.erase` of one person in an assembly with 10
 * backups beside it. The erasure blanks the person in the open file (secure delete on), empties
 * the write-ahead log, then opens each backup and blanks the person there too: this figure is the
 * whole call, as the officer waits for it.
 *
 * The file: the demo assembly (1,500 respondents, panel 60; ~the size of a real pool), with 10
 * backups taken by hand, so none is rotated away. Five people are erased one after the other;
 * the median is reported.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppRegistry } from '../../main/api';
import { AppContext } from '../../main/context';
import { DEMO_SEED, writeDemoAssembly } from '../../main/demo/writeDemo';
import { median, timeMs, type Benchmark } from './harness';

const BACKUPS = 10;
const ERASURES = 5;

async function eraseWithBackups(): Promise<number> {
  const work = mkdtempSync(join(tmpdir(), 'assembly-desk-erasure-bench-'));
  try {
    const file = join(work, 'erasure.assembly');
    await writeDemoAssembly(file, { seed: DEMO_SEED, panelSize: 60, stage: 'recruitment' });
    const ctx = new AppContext('cli', join(work, 'data'));
    ctx.operator = 'bench';
    const registry = createAppRegistry(() => {});
    const call = async (method: string, args: unknown) => {
      const r = await registry.call(method, args, ctx);
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
      return r.data as never;
    };
    await call('app.openAssembly', { path: file });
    for (let i = 0; i < BACKUPS; i++) await call('backups.create', {});
    const backups = readdirSync(`${file}.backups`).filter((n) => n.endsWith('.assembly'));
    if (backups.length !== BACKUPS) throw new Error(`${backups.length} backups, not ${BACKUPS}`);
    const people: { rows: { id: string; code: string }[] } = await call('people.list', { limit: ERASURES });
    const times: number[] = [];
    for (const p of people.rows) {
      times.push(
        await timeMs(async () => {
          const result: { erasure: { backupsErased: number; logCleared: boolean } } = await call('people.erase', { id: p.id, confirmCode: p.code });
          if (result.erasure.backupsErased !== BACKUPS || !result.erasure.logCleared) throw new Error(`erased in ${result.erasure.backupsErased} backups (log cleared: ${result.erasure.logCleared}), not ${BACKUPS}`);
        }),
      );
    }
    ctx.closeAssembly();
    return median(times);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export const erasureBenchmarks: Benchmark[] = [
  {
    name: `erasure-10-backups: people.erase of one person, demo file (1,500 people) with ${BACKUPS} backups (median of ${ERASURES})`,
    unit: 'ms',
    // The officer clicks "Erase" and waits: a second, on a laptop, for the file and ten copies.
    target: 1000,
    run: eraseWithBackups,
  },
];
