/** Entry point of `npm run cli`: see main/cli.ts. */
import { runCli } from './cli';

const out = await runCli(process.argv.slice(2));
process.stdout.write(out.stdout);
process.stderr.write(out.stderr);
process.exitCode = out.exitCode;
