import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** One row of tests/bench/results.json. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The figure to stay under (all our targets are upper bounds). */
  target: number;
}

export interface Benchmark {
  name: string;
  unit: 'ms' | 'MB';
  target: number;
  /** Returns the measured figure. */
  run: () => Promise<number>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Times one call in milliseconds. */
export async function timeMs(fn: () => unknown | Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Runs the benchmarks whose names start with one of `filters` (all when empty), prints a table, writes the JSON. */
export async function runBenchmarks(all: Benchmark[], filters: string[], outFile: string): Promise<BenchResult[]> {
  const chosen = filters.length ? all.filter((b) => filters.some((f) => b.name.startsWith(f))) : all;
  if (chosen.length === 0) throw new Error(`No benchmark matches ${filters.join(', ')}. Known: ${all.map((b) => b.name).join(', ')}`);
  const results: BenchResult[] = [];
  for (const bench of chosen) {
    const value = await bench.run();
    results.push({ name: bench.name, value: Math.round(value * 1000) / 1000, unit: bench.unit, target: bench.target });
  }
  const rows = results.map((r) => [r.name, `${r.value} ${r.unit}`, `< ${r.target} ${r.unit}`, r.value <= r.target ? 'ok' : 'MISSED']);
  const header = ['benchmark', 'measured', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwritten to ${outFile}`);
  return results;
}
