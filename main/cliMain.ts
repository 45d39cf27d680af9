/** Entry point of `npm run cli`: see main/cli.ts. */
import { ownerOnlyByDefault } from '../db/privateFiles';
import { runCli } from './cli';

// The files it writes hold personal data: owner-only (db/privateFiles.ts).
ownerOnlyByDefault();

const out = await runCli(process.argv.slice(2));
process.stdout.write(out.stdout);
process.stderr.write(out.stderr);
process.exitCode = out.exitCode;
