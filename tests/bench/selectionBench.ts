/**
 * `npx tsx tests/bench/selectionBench.ts [a|b|c|d ...] [--time-limit=<seconds>] [--tolerance=<x>]
 *   [--method=level-by-level] [--verbose]`:
 * runs LEXIMIN on the benchmark instances (a, b and c when none is named) and prints one JSON
 * line per instance: { name, ms, cpuMs, minProbability, maxProbability, upperBound, gap,
 * relativeGap, panels, ... }. The tolerance is relative to the bound (default 1e-4).
 * Targets on the 2-core reference machine, each certified within its tolerance: a < 5 s,
 * b < 60 s, c < 60 s, d < 10 min. Progress goes to stderr so stdout stays machine-readable.
 * cpuMs is the process's CPU time: on a shared machine it says more than the wall clock.
 */
import { performance } from 'node:perf_hooks';
import { LEXIMIN_TOLERANCE, leximin } from '../../main/domain/selection/leximin';
import { generateInstance, selectionSpecs } from './selectionInstances';

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const timeLimitSeconds = Number(option('time-limit') ?? 600);
const tolerance = Number(option('tolerance') ?? LEXIMIN_TOLERANCE);
const verbose = args.includes('--verbose');
const method = option('method') === 'level-by-level' ? 'level-by-level' : 'relaxation-first';
const names = args.filter((a) => !a.startsWith('--'));
const chosen = (names.length ? names : ['a', 'b', 'c']) as (keyof typeof selectionSpecs)[];

for (const key of chosen) {
  const spec = selectionSpecs[key];
  if (!spec) throw new Error(`Unknown instance ${key}; known: ${Object.keys(selectionSpecs).join(', ')}`);
  const instance = generateInstance(spec);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let lastLog = 0;
  const result = await leximin(instance, {
    tolerance,
    method,
    timeLimitMs: timeLimitSeconds * 1000,
    onProgress: (p) => {
      const now = performance.now();
      if (verbose && now - lastLog > 2000) {
        lastLog = now;
        process.stderr.write(`${((now - start) / 1000).toFixed(1)}s ${p.stage} it ${p.iteration} min ${p.minProbability.toFixed(5)} ub ${p.upperBound.toFixed(5)}\n`);
      }
    },
  });
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const maxProbability = Math.max(...Object.values(result.probabilities));
  console.log(
    JSON.stringify({
      name: spec.name,
      ms: Math.round(ms),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      minProbability: round(result.minProbability),
      maxProbability: round(maxProbability),
      upperBound: round(result.certificate.upperBound),
      gap: round(result.certificate.gap),
      relativeGap: Number(result.certificate.relativeGap.toPrecision(3)),
      tolerance,
      panels: result.panels.length,
      complete: result.complete,
      iterations: result.iterations,
      types: result.types,
      pool: instance.candidates.length,
      method,
    }),
  );
}
