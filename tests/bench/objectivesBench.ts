/**
 * `npx tsx tests/bench/objectivesBench.ts <maximin|nash|goldilocks> [a|b|c ...] [--time-limit=<seconds>]
 *   [--tolerance=<x>] [--verbose]`: runs a fair objective (main/domain/selection/objectives/) on
 * the LEXIMIN benchmark instances (tests/bench/selectionInstances.ts; instance c when none is
 * named) and prints one JSON line per instance: time, smallest and largest chance, the
 * objective's value, bound and relative gap, complete. Counted by tests/bench/run.ts only when
 * certified within the tolerance (default 1e-4, relative). Progress goes to stderr.
 */
import { performance } from 'node:perf_hooks';
import { OBJECTIVE_NAMES, runObjective, type ObjectiveName } from '../../main/domain/selection/objectives';
import { generateInstance, selectionSpecs } from './selectionInstances';

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const timeLimitSeconds = Number(option('time-limit') ?? 600);
const tolerance = Number(option('tolerance') ?? 1e-4);
const verbose = args.includes('--verbose');
const [objective, ...names] = args.filter((a) => !a.startsWith('--'));
if (!OBJECTIVE_NAMES.includes(objective as ObjectiveName)) throw new Error(`Name an objective: ${OBJECTIVE_NAMES.join(', ')}`);
const chosen = (names.length ? names : ['c']) as (keyof typeof selectionSpecs)[];

for (const key of chosen) {
  const spec = selectionSpecs[key];
  if (!spec) throw new Error(`Unknown instance ${key}; known: ${Object.keys(selectionSpecs).join(', ')}`);
  const instance = generateInstance(spec);
  const start = performance.now();
  let lastLog = 0;
  const result = await runObjective(objective as ObjectiveName, instance, {
    tolerance,
    timeLimitMs: timeLimitSeconds * 1000,
    onProgress: (p) => {
      const now = performance.now();
      if (verbose && now - lastLog > 2000) {
        lastLog = now;
        process.stderr.write(`${((now - start) / 1000).toFixed(1)}s ${p.stage} it ${p.iteration} min ${p.minProbability.toFixed(5)} max ${p.maxProbability.toFixed(5)} gap ${p.relativeGap.toExponential(2)}\n`);
      }
    },
  });
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  console.log(
    JSON.stringify({
      name: spec.name,
      objective,
      ms: Math.round(performance.now() - start),
      minProbability: round(result.minProbability),
      maxProbability: round(result.maxProbability),
      value: round(result.certificate.value),
      bound: round(result.certificate.bound),
      relativeGap: result.certificate.relativeGap,
      complete: result.complete,
      iterations: result.iterations,
      panels: result.panels.length,
      types: result.types,
      pool: instance.candidates.length,
    }),
  );
}
