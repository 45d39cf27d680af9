/**
 * `npm run demo -- --out demo.assembly [--seed S] [--panel-size 60] [--stage recruitment|venue] [--force]`
 * Writes the demo assembly file. Exit codes: 0 written, 1 could not write, 2 bad arguments.
 */
import { existsSync, lstatSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { userCwd } from '../userCwd';
import { parseArgs } from 'node:util';
import { DEFAULT_POOL_SIZE } from '../domain/demo/generate';
import { DEMO_SEED, writeDemo } from './writeDemo';

const USAGE = `Usage: npm run demo -- --out <file.assembly> [--seed <text>] [--panel-size <n>] [--stage recruitment|venue] [--force]
  --out         where to write the demo assembly (required)
  --seed        any text; the same seed writes the same file (default: ${DEMO_SEED})
  --panel-size  seats on the panel, 1 to ${DEFAULT_POOL_SIZE} (default: 60)
  --stage       recruitment: the pool, nobody drawn (default); venue: a confirmed panel and the first weekend checked in
  --force       replace the file if it exists`;

class UsageError extends Error {}

interface CliOptions {
  out: string;
  seed: string;
  panelSize: number;
  stage: 'recruitment' | 'venue';
  force: boolean;
}

function parseCli(argv: string[]): CliOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        out: { type: 'string', short: 'o' },
        seed: { type: 'string' },
        'panel-size': { type: 'string' },
        stage: { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    // parseArgs explains itself ("Unknown option '--x'"); we only add the usage below.
    throw new UsageError((e as Error).message);
  }
  if (values.help) return 'help';
  if (!values.out) throw new UsageError('--out is required: say where to write the demo assembly.');

  const panelText = values['panel-size'] ?? '60';
  const panelSize = Number(panelText);
  if (!/^\d+$/.test(panelText.trim()) || !Number.isSafeInteger(panelSize) || panelSize < 1) {
    throw new UsageError(`--panel-size must be a positive whole number, got "${panelText}".`);
  }
  if (panelSize > DEFAULT_POOL_SIZE) {
    throw new UsageError(`--panel-size ${panelSize} is larger than the demo's pool of ${DEFAULT_POOL_SIZE} respondents.`);
  }
  const seed = values.seed ?? DEMO_SEED;
  if (seed === '') throw new UsageError('--seed cannot be empty.');
  const stage = values.stage ?? 'recruitment';
  if (stage !== 'recruitment' && stage !== 'venue') throw new UsageError(`--stage must be recruitment or venue, got "${stage}".`);
  return { out: resolve(userCwd(), values.out), seed, panelSize, stage, force: values.force ?? false };
}

async function run(options: CliOptions): Promise<void> {
  const { out, force } = options;
  // A symbolic link at --out is refused, even with --force: writing through it would put the
  // demo into whatever file it points to (lstat: a link pointing nowhere counts too).
  if (lstatSync(out, { throwIfNoEntry: false })?.isSymbolicLink()) {
    throw new Error(`${out} is a symbolic link (a shortcut to another file). The demo is never written through a link: choose another --out.`);
  }
  const exists = existsSync(out);
  if (exists && statSync(out).isDirectory()) throw new Error(`${out} is a folder; give a file name such as ${join(out, 'demo.assembly')}.`);
  if (exists && !force) throw new Error(`${out} already exists. Pass --force to replace it, or choose another --out.`);

  const started = performance.now();
  // With --force the new file is built beside the old one and swapped in only when complete,
  // so a failure leaves the old file as it was.
  const target = exists ? join(dirname(out), `.${basename(out)}.new-${process.pid}`) : out;
  const summary = await writeDemo(target, { seed: options.seed, panelSize: options.panelSize, stage: options.stage });
  if (target !== out) {
    // A stale -wal beside the old file would be replayed into the new one on the next open.
    for (const suffix of ['-wal', '-shm']) rmSync(out + suffix, { force: true });
    renameSync(target, out);
  }
  const ms = Math.round(performance.now() - started);
  console.log(
    `Wrote ${out}: "${summary.assemblyName}", ${summary.people} people in ${summary.households} households, ` +
      `${summary.features} features, ${summary.sessions} sessions, panel of ${summary.panelSize}, stage ${options.stage}, seed "${options.seed}" (${ms} ms).`,
  );
}

async function main(argv: string[]): Promise<number> {
  let options: CliOptions | 'help';
  try {
    options = parseCli(argv);
  } catch (e) {
    console.error(`demo: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  try {
    await run(options);
    return 0;
  } catch (e) {
    console.error(`demo: ${(e as Error).message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
