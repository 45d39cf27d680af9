/**
 * `npm run web`: Assembly Desk for a browser. Serves the built UI and the API on
 * 127.0.0.1 and prints the address with its per-run access token.
 *
 *   npm run web -- [--port 4610] [--data-dir DIR] [--host ADDRESS] [--no-build] [--open]
 *
 * --open opens the address in the default browser (what `npm start` does without Electron).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createAppRegistry } from '../api';
import { AppContext } from '../context';
import { defaultDataDir } from '../paths';
import { userCwd } from '../userCwd';
import { openBrowser } from './openBrowser';
import { isLoopbackHost, startWebServer } from './server';
import { venueHub } from '../venue/hub';
import { ownerOnlyByDefault } from '../../db/privateFiles';

// The files web mode writes hold personal data: owner-only (db/privateFiles.ts).
ownerOnlyByDefault();

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

function fail(message: string): never {
  process.stderr.write(`assembly-desk web: ${message}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'no-build': { type: 'boolean', default: false },
      'static-dir': { type: 'string' },
      open: { type: 'boolean', default: false },
      'test-clock': { type: 'string' },
    },
    strict: true,
  });
} catch (e) {
  fail(`${(e as Error).message}. Usage: npm run web -- [--port N] [--data-dir DIR] [--host ADDRESS] [--no-build] [--open]`);
}
const { values } = parsed;
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, not "${values.port}"`);

const staticDir = values['static-dir'] ? resolve(userCwd(), values['static-dir']) : join(projectRoot, 'out', 'renderer');
if (!values['no-build']) {
  process.stdout.write('Building the user interface...\n');
  execFileSync(process.execPath, [join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
}
if (!existsSync(join(staticDir, 'index.html'))) fail(`the user interface is not built (${staticDir}/index.html missing): run "npm run build:renderer"`);

const host = values.host;
if (!isLoopbackHost(host)) {
  fail(`plain HTTP is served on loopback only, not on ${host}. Other laptops join through the venue link (TLS, paired devices): turn on "Let other laptops join" on the host.`);
}

const dataDir = values['data-dir'] ? resolve(userCwd(), values['data-dir']) : defaultDataDir();
// --test-clock ISO: the end-to-end tests run a weekend that is in the future on the real
// calendar (per-diem is only paid for sessions that have started). The clock starts at that
// instant and runs on in real time. Refused outside tests: a shifted clock would put false
// times in the audit log.
let clock: (() => Date) | undefined;
if (values['test-clock'] !== undefined) {
  if (process.env.NODE_ENV !== 'test') fail('--test-clock is for the end-to-end tests only (NODE_ENV=test): it would put false times in the audit log');
  const start = Date.parse(values['test-clock']);
  if (Number.isNaN(start)) fail(`--test-clock must be an ISO date and time, not "${values['test-clock']}"`);
  const startedAt = Date.now();
  clock = () => new Date(start + (Date.now() - startedAt));
}
const ctx = new AppContext('web', dataDir, undefined, clock);
const registry = createAppRegistry();
venueHub(ctx).staticDir = staticDir;
const running = await startWebServer({ registry, ctx, staticDir, host, port }).catch((e: Error) => fail(`cannot listen on ${host}:${port}: ${e.message}`));
process.stdout.write(`Assembly Desk (web mode) is ready: ${running.url}\n`);
process.stdout.write(`Data folder: ${dataDir}\nPress Ctrl+C to stop.\n`);
if (values.open && !(await openBrowser(running.url))) {
  process.stdout.write('No browser could be opened from here: open the address above in your browser.\n');
}

const stop = () => {
  void venueHub(ctx).close();
  ctx.closeAssembly();
  void running.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
