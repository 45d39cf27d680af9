/**
 * The victim of the crash-safety kill test (tests/integration/crash-safety.test.ts):
 *
 *   node --import tsx tests/helpers/checkinChild.ts [--wait] <assembly file> <sessionId> [<sessionId> ...]
 *
 * Opens the assembly through the app's own registry, as the desk does, and checks in, by badge
 * code and as fast as it can, everyone on each session's roster who is not checked in yet, one
 * session after the other (a 150-person roster takes well under a second on a fast disk: several
 * sessions keep it busy until the test's kill arrives).
 * With --wait it loads the app, says LOADED and waits for a line on stdin before touching the file:
 * the test starts the next child while the current one runs, since loading the app's modules
 * through tsx takes seconds and opening the file takes milliseconds.
 * Protocol on stdout, one line each, written synchronously (fs.writeSync on fd 1, so a line is in
 * the pipe before the next check-in starts):
 *   LOADED                        (with --wait) the app is loaded; the file is not opened yet
 *   READY <n>                     the file is open, n check-ins are still to do
 *   ACK <personId> <sessionId>    that check-in's transaction has committed (the call returned ok)
 *   DONE <n>                      everyone is in (the test kills it long before, normally)
 * Any failure is printed as `FAIL <code> <message>` and exits with code 1.
 */
import { writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createAppRegistry } from '../../main/api';
import { AppContext } from '../../main/context';

const argv = process.argv.slice(2);
const wait = argv[0] === '--wait';
const [file, ...sessionIds] = wait ? argv.slice(1) : argv;
const say = (line: string) => writeSync(1, `${line}\n`);

/** Resolves at the first line (or the end) of stdin. */
function goSignal(): Promise<void> {
  return new Promise((resolve) => {
    const go = () => {
      process.stdin.pause();
      resolve();
    };
    process.stdin.once('data', go);
    process.stdin.once('end', go);
  });
}

async function main(): Promise<number> {
  if (!file || sessionIds.length === 0) {
    say('FAIL USAGE checkinChild.ts [--wait] <assembly file> <sessionId> [<sessionId> ...]');
    return 2;
  }
  // Machine settings (recent files) go to a folder beside the file (the test's temp folder), never
  // to the user's: a killed child cannot clean up after itself.
  const ctx = new AppContext('cli', join(dirname(file), 'checkin-child-data'));
  ctx.operator = 'Kill test desk';
  const registry = createAppRegistry(() => {});
  const call = async <T>(method: string, args: unknown): Promise<T> => {
    const result = await registry.call(method, args, ctx);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.data as T;
  };

  if (wait) {
    say('LOADED');
    await goSignal();
  }
  await call('app.openAssembly', { path: file });
  const waiting: { sessionId: string; personId: string; code: string }[] = [];
  for (const sessionId of sessionIds) {
    const roster = await call<{ rows: { personId: string; code: string; state: string }[] }>('attendance.roster', { sessionId });
    for (const r of roster.rows) if (r.state === 'expected') waiting.push({ sessionId, personId: r.personId, code: r.code });
  }
  say(`READY ${waiting.length}`);
  for (const { sessionId, personId, code } of waiting) {
    await call('attendance.checkIn', { sessionId, code });
    say(`ACK ${personId} ${sessionId}`);
  }
  say(`DONE ${waiting.length}`);
  ctx.closeAssembly();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const err = e as { code?: string; message?: string };
    say(`FAIL ${err.code ?? 'ERROR'} ${err.message ?? String(e)}`);
    process.exitCode = 1;
  },
);
