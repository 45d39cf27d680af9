/**
 * The victim of the interrupted-restore test (tests/integration/restore-atomic.test.ts):
 *
 *   node --import tsx tests/helpers/restoreChild.ts <assembly file> <backup name> <kill>
 *
 * Opens the assembly through the app's own registry and restores the named backup
 * (backups.restore), killing itself with SIGKILL at the chosen moment, through the restore's test
 * seam (main/restoreFile.ts restoreHooks):
 *   copy:<n>       once n bytes of the backup have been copied into the temporary file
 *   beforeRename   the copy is complete and flushed, the live file closed, the rename not done
 *   afterRename    the rename is done, the restored file not opened yet
 *   none           no kill: the restore runs to its end (prints DONE)
 * Before the kill it prints `KILL <moment>` on stdout (written synchronously), so the test knows
 * the kill came where it asked. Any failure is printed as `FAIL <code> <message>`.
 */
import { writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createAppRegistry } from '../../main/api';
import { AppContext } from '../../main/context';
import { restoreHooks } from '../../main/restoreFile';

const [file, backupName, kill = 'none'] = process.argv.slice(2);
const say = (line: string) => writeSync(1, `${line}\n`);
const die = (moment: string) => {
  say(`KILL ${moment}`);
  process.kill(process.pid, 'SIGKILL');
};

async function main(): Promise<number> {
  if (!file || !backupName) {
    say('FAIL USAGE restoreChild.ts <assembly file> <backup name> <copy:N|beforeRename|afterRename|none>');
    return 2;
  }
  const copyAt = /^copy:(\d+)$/.exec(kill);
  if (copyAt) {
    const at = Number(copyAt[1]);
    restoreHooks.copied = (bytes) => {
      if (bytes >= at) die(`copy ${bytes}`);
    };
  } else if (kill === 'beforeRename') restoreHooks.beforeRename = () => die('beforeRename');
  else if (kill === 'afterRename') restoreHooks.afterRename = () => die('afterRename');
  else if (kill !== 'none') {
    say(`FAIL USAGE unknown kill moment ${kill}`);
    return 2;
  }
  // Machine settings go beside the file (the test's temp folder), never to the user's.
  const ctx = new AppContext('cli', join(dirname(file), 'restore-child-data'));
  ctx.operator = 'Restore kill test';
  const registry = createAppRegistry(() => {});
  const call = async (method: string, args: unknown): Promise<unknown> => {
    const result = await registry.call(method, args, ctx);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.data;
  };
  await call('app.openAssembly', { path: file });
  await call('backups.restore', { name: backupName });
  ctx.closeAssembly();
  say('DONE');
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
