/**
 * Command-line interface over the same registry, for scripting and support
 * (entry point: main/cliMain.ts):
 *
 *   npm run cli -- --file my.assembly <method> '<json args>'
 *   npm run cli -- methods
 *
 * Prints the JSON result on stdout (exit 0), or the error on stderr (exit 1; 2 for usage).
 */
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createAppRegistry } from './api';
import { AppContext } from './context';
import { isAppError } from './errors';
import { defaultDataDir } from './paths';
import { openFile } from './services/app';
import { userCwd } from './userCwd';
import { existsSync, lstatSync } from 'node:fs';
import { replaceFile, writeNewFile } from './assemblyFiles';
import { REPORT_NAMES, REPORT_TABLES } from '../preload/vocabulary';
import type { Registry } from './registry';

const USAGE = `Usage:
  npm run cli -- methods
  npm run cli -- [--file FILE.assembly] [--operator NAME] [--data-dir DIR] <method> ['<json args>']
  npm run cli -- --file FILE.assembly report <name> --format xlsx|pdf|csv --level full|pseudonymised|aggregate [--lang nl|fr|en] [--csv excel|plain] --out PATH [--force]
    <name>: ${[...new Set([...REPORT_NAMES, ...REPORT_TABLES])].join(', ')}

Examples:
  npm run cli -- --file demo.assembly sessions.list
  npm run cli -- --file demo.assembly sessions.create '{"name":"Extra evening","date":"2027-03-03","startTime":"19:00","endTime":"21:30","kind":"online"}'`;

export interface CliOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

function defaultOperator(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

/** Runs one CLI invocation; returns what to print rather than printing, so tests can call it. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<CliOutput> {
  const usage = (message: string): CliOutput => ({ stdout: '', stderr: `${message}\n\n${USAGE}\n`, exitCode: 2 });
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        file: { type: 'string', short: 'f' },
        operator: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        // report
        format: { type: 'string' },
        level: { type: 'string' },
        lang: { type: 'string' },
        csv: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    return usage((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { stdout: `${USAGE}\n`, stderr: '', exitCode: 0 };

  const registry = createAppRegistry((msg) => process.stderr.write(`${msg}\n`));
  const [method, rawArgs, ...extra] = positionals;
  if (!method) return usage('Name a method (or "methods" to list them).');
  const reportFlags = (['format', 'level', 'lang', 'csv', 'out', 'force'] as const).filter((f) => values[f] !== undefined);
  if (method !== 'report' && reportFlags.length > 0) return usage(`--${reportFlags[0]} belongs to the report command.`);
  if (method === 'report') return runReport(registry, values, rawArgs, extra, env);
  if (method === 'methods') return { stdout: `${registry.methods.join('\n')}\n`, stderr: '', exitCode: 0 };
  if (extra.length > 0) return usage(`Unexpected extra arguments: ${extra.join(' ')} (put the JSON arguments in one quoted string).`);

  let args: unknown = {};
  if (rawArgs !== undefined) {
    try {
      args = JSON.parse(rawArgs);
    } catch (e) {
      return usage(`The arguments are not valid JSON: ${(e as Error).message}`);
    }
  }

  const ctx = new AppContext('cli', values['data-dir'] ? resolve(userCwd(env), values['data-dir']) : defaultDataDir(process.platform, env));
  ctx.operator = values.operator ?? env.ASSEMBLY_DESK_OPERATOR ?? defaultOperator();
  try {
    if (values.file) await openFile(ctx, resolve(userCwd(env), values.file), false);
    const result = await registry.call(method, args, ctx);
    if (result.ok) return { stdout: `${JSON.stringify(result.data, null, 2)}\n`, stderr: '', exitCode: 0 };
    const { code, message, details } = result.error;
    const detailText = details && Object.keys(details).length > 0 ? `\n${JSON.stringify(details, null, 2)}` : '';
    return { stdout: '', stderr: `error ${code}: ${message}${detailText}\n`, exitCode: 1 };
  } catch (e) {
    if (isAppError(e)) return { stdout: '', stderr: `error ${e.code}: ${e.message}\n`, exitCode: 1 };
    return { stdout: '', stderr: `error INTERNAL: ${(e as Error).message}\n`, exitCode: 1 };
  } finally {
    ctx.closeAssembly();
  }
}

/**
 * `report <name> --format --level [--lang] --out [--force]`: writes a report for the
 * secretariat's scripts. The file is written only when the report was made (no partial file),
 * and an existing file is kept unless --force.
 */
async function runReport(
  registry: Registry,
  values: { file?: string; operator?: string; 'data-dir'?: string; format?: string; level?: string; lang?: string; csv?: string; out?: string; force?: boolean },
  name: string | undefined,
  extra: string[],
  env: NodeJS.ProcessEnv,
): Promise<CliOutput> {
  const usage = (message: string): CliOutput => ({ stdout: '', stderr: `${message}\n\n${USAGE}\n`, exitCode: 2 });
  if (!name) return usage('Name the report, for example: report workbook --format xlsx --level aggregate --out report.xlsx');
  if (extra.length > 0) return usage(`Unexpected extra arguments: ${extra.join(' ')}`);
  if (!values.file) return usage('report needs --file FILE.assembly.');
  if (!values.format || !values.level || !values.out) return usage('report needs --format, --level and --out.');
  const out = resolve(userCwd(env), values.out);
  if (lstatSync(out, { throwIfNoEntry: false })?.isSymbolicLink()) {
    // Even with --force: writing through a link would put the report into another file.
    return { stdout: '', stderr: `error FILE_EXISTS: ${out} is a symbolic link (a shortcut to another file). Assembly Desk never writes through a link: choose another --out.\n`, exitCode: 1 };
  }
  if (existsSync(out) && !values.force) return { stdout: '', stderr: `error FILE_EXISTS: ${out} already exists. Pass --force to replace it.\n`, exitCode: 1 };
  const ctx = new AppContext('cli', values['data-dir'] ? resolve(userCwd(env), values['data-dir']) : defaultDataDir(process.platform, env));
  ctx.operator = values.operator ?? env.ASSEMBLY_DESK_OPERATOR ?? defaultOperator();
  try {
    await openFile(ctx, resolve(userCwd(env), values.file), false);
    // The export's audit row names the file it is written to.
    ctx.exportTarget = out;
    const args: Record<string, unknown> = { report: name, format: values.format, level: values.level };
    if (values.lang !== undefined) args.lang = values.lang;
    // excel (semicolon, decimal comma, byte-order mark; the default) or plain (comma, decimal point).
    if (values.csv !== undefined) args.dialect = values.csv;
    const result = await registry.call('reports.export', args, ctx);
    if (!result.ok) {
      const { code, message, details } = result.error;
      const detailText = details && Object.keys(details).length > 0 ? `\n${JSON.stringify(details, null, 2)}` : '';
      return { stdout: '', stderr: `error ${code}: ${message}${detailText}\n`, exitCode: 1 };
    }
    const file = result.data as { fileName: string; contentBase64: string };
    const bytes = Buffer.from(file.contentBase64, 'base64');
    // Complete or not at all, never through a link; a new file never replaces one that appeared
    // meanwhile, and --force replaces the name (rename), never what it might point to.
    if (values.force) replaceFile(out, bytes);
    else writeNewFile(out, bytes);
    return { stdout: `Wrote ${out} (${bytes.length} bytes; ${values.level} level; suggested name ${file.fileName}).\n`, stderr: '', exitCode: 0 };
  } catch (e) {
    if (isAppError(e)) return { stdout: '', stderr: `error ${e.code}: ${e.message}\n`, exitCode: 1 };
    return { stdout: '', stderr: `error INTERNAL: ${(e as Error).message}\n`, exitCode: 1 };
  } finally {
    ctx.closeAssembly();
  }
}
