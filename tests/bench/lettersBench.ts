/**
 * The recruitment letters (`npm run bench -- letters`): the invitation letters of 10,000
 * addressees over the country (a tenth in Brussels: bilingual, two pages), made through the
 * registry as the Letters screen calls it (letters.export: sort by postcode, lay out, write ten
 * files of 1,000 letters), in a child process of its own (tests/bench/lettersChild.ts) so that
 * its peak memory is its own. Targets (issue 19): under 60 s and under 1 GB. The CPU time is
 * reported too: this shared bench machine's wall-clock time varies with its load.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Benchmark } from './harness';

interface LettersRun {
  ms: number;
  cpuMs: number;
  maxRssMb: number;
  letters: number;
  pages: number;
  sheets: number;
  files: number;
}

const LETTERS = 10_000;

function lettersOnce(): Promise<LettersRun> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./lettersChild.ts', import.meta.url)), String(LETTERS)],
      { maxBuffer: 1 << 20 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`letters bench failed: ${error.message}\n${stderr}`));
        const run = JSON.parse(stdout.trim().split('\n').at(-1)!) as LettersRun;
        if (run.letters !== LETTERS) return reject(new Error(`letters bench made ${run.letters} letters, not ${LETTERS}`));
        console.log(`letters: ${run.letters} letters, ${run.pages} pages, ${run.sheets} sheets, ${run.files} files`);
        resolve(run);
      },
    );
  });
}

export function lettersBenchmarks(): Benchmark[] {
  let run: Promise<LettersRun> | null = null;
  const once = () => (run ??= lettersOnce());
  return [
    { name: 'letters.10k invitation letters PDF (10 files of 1,000, wall clock)', unit: 'ms', target: 60_000, run: async () => (await once()).ms },
    { name: 'letters.10k invitation letters PDF (CPU time)', unit: 'ms', target: 60_000, run: async () => (await once()).cpuMs },
    { name: 'letters.10k peak memory of the exporting process', unit: 'MB', target: 1024, run: async () => (await once()).maxRssMb },
  ];
}
