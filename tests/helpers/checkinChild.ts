/**
 * The victim of the crash-safety kill test (tests/integration/crash-safety.test.ts):
 *
 *   node --import tsx tests/helpers/checkinChild.ts [--wait] [--shared] [--reverse] <assembly file> <sessionId> [<sessionId> ...]
 *
 * Opens the assembly through the app's own registry, as the desk does, and checks in, by badge
 * code and as fast as it can, everyone on each session's roster who is not checked in yet, one
 * session after the other (a 150-person roster takes well under a second on a fast disk: several
 * sessions keep it busy until the test's kill arrives).
 * With --wait it loads the app, says LOADED and waits for a line on stdin before touching the file:
 * the test starts the next child while the current one runs, since loading the app's modules
 * through tsx takes seconds and opening the file takes milliseconds.
 * With --shared, other desks (processes) check in the same roster at the same time
 * (tests/integration/concurrent-writers.test.ts): a person one of them checked in first is
 * answered "already checked in", reported as SKIP, and the child goes on. --reverse walks the
 * roster from its end, so two children meet in the middle.
 * Protocol on stdout, one line each, written synchronously (fs.writeSync on fd 1, so a line is in
 * the pipe before the next check-in starts):
 *   LOADED                        (with --wait) the app is loaded; the file is not opened yet
 *   READY <n>                     the file is open, n check-ins are still to do
 *   ACK <personId> <sessionId>    that check-in's transaction has committed (the call returned ok)
 *   SKIP <personId> <sessionId>   (with --shared) another desk had checked them in already
 *   DONE <n>                      everyone is in (the test kills it long before, normally)
 * Any failure is printed as `FAIL <code> <message>` and exits with code 1.
 */
import { writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createAppRegistry } from '../../main/api';
import { AppContext } from '../../main/context';

const argv = process.argv.slice(2);
const flags = new Set<string>();
while (argv[0]?.startsWith('--')) flags.add(argv.shift()!);
const wait = flags.has('--wait');
const shared = flags.has('--shared');
const [file, ...sessionIds] = argv;
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
    say('FAIL USAGE checkinChild.ts [--wait] [--shared] [--reverse] <assembly file> <sessionId> [<sessionId> ...]');
    return 2;
  }
  // Machine settings (recent files) go to a folder beside the file (the test's temp folder), never
  // to the user's: a killed child cannot clean up after itself.
  const ctx = new AppContext('cli', join(dirname(file), 'checkin-child-data'));
  ctx.operator = 'Kill test desk';
  const registry = createAppRegistry(() => {});
  const call = async <T>(method: string, args: unknown): Promise<T> => {
    const result = await registry.call(method, args, ctx);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code, i18nKey: result.error.i18nKey });
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
  if (flags.has('--reverse')) waiting.reverse();
  say(`READY ${waiting.length}`);
  for (const { sessionId, personId, code } of waiting) {
    try {
      await call('attendance.checkIn', { sessionId, code });
    } catch (e) {
      if (shared && (e as { i18nKey?: string }).i18nKey === 'attendance.alreadyCheckedIn') {
        say(`SKIP ${personId} ${sessionId}`);
        continue;
      }
      throw e;
    }
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
