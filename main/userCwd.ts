/**
 * The folder the user typed the command in. `npm run …` starts scripts in the project folder
 * and keeps the caller's folder in INIT_CWD: relative paths given on the command line
 * (`npm run cli -- --file my.assembly`) must mean what the user meant.
 */
export function userCwd(env: NodeJS.ProcessEnv = process.env): string {
  return env.INIT_CWD || process.cwd();
}
