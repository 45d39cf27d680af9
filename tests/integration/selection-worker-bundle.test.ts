/**
 * The packaged app runs the selection in out/main/selectionWorker.cjs, a bundle of its own
 * beside the main bundle, with the solver's highs.wasm next to it. Built here into a temporary
 * folder and run under plain Node (the Electron binary is not needed for a worker thread):
 * the bundle must solve without the sources or tsx, and the main bundle must start it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let out = '';

afterAll(() => rmSync(out, { recursive: true, force: true }));
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'assembly-desk-bundle-'));
  const build = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { env: { ...process.env, BUILD_ELECTRON_OUT: out }, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
}, 120_000);

describe('the bundled selection worker', () => {
  it('is built beside the main bundle with the solver', () => {
    for (const file of ['electron.cjs', 'selectionWorker.cjs', 'highs.wasm']) expect(existsSync(join(out, 'main', file)), file).toBe(true);
  });

  it('computes a LEXIMIN lottery under plain Node, without the sources', () => {
    const script = join(out, 'run-worker.cjs');
    writeFileSync(
      script,
      `const { Worker } = require('node:worker_threads');
const candidates = Array.from({ length: 30 }, (_, i) => ({ id: 'P' + String(i).padStart(2, '0'), features: { g: i % 3 ? 'm' : 'f' }, household: null }));
const task = { algorithm: 'leximin', instance: { candidates, panelSize: 6, quotas: [{ feature: 'g', value: 'f', min: 3, max: 3 }], onePerHousehold: false },
  timeLimitMs: 30000, lotterySize: 100, lotterySeed: 's', comparisonRuns: 50, comparisonSeed: 'c' };
const w = new Worker(${JSON.stringify(join(out, 'main', 'selectionWorker.cjs'))}, { workerData: { task, stopFlag: new SharedArrayBuffer(4) } });
w.on('message', (m) => { if (m.type !== 'progress') { console.log(JSON.stringify(m)); process.exit(0); } });
w.on('error', (e) => { console.error(e); process.exit(1); });`,
    );
    // Run from the temporary folder: node_modules is out of reach, as in the packaged app.
    const run = spawnSync(process.execPath, [script], { cwd: out, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const message = JSON.parse(run.stdout.trim().split('\n').pop()!);
    expect(message.type).toBe('result');
    // 10 women, 3 seats: each has 3/10; 20 men, 3 seats: each 3/20.
    expect(message.result.leximin.probabilities.P00).toBeCloseTo(0.3, 6);
    expect(message.result.leximin.probabilities.P01).toBeCloseTo(0.15, 6);
    expect(message.result.lottery.tickets).toHaveLength(100);
  });
});
