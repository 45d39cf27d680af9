#!/usr/bin/env node
// `npm test`: every suite, then one closing line with the plain total:
//   N passed, N failed, N skipped
// Suites: vitest (unit, integration with real SQLite files, Electron smoke test, which skips
// without the binary) and Playwright (end to end in Chromium against web mode).
// Exits non-zero when any test fails or a runner breaks before reporting.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const resultsDir = join('out', 'test-results');
mkdirSync(resultsDir, { recursive: true });
const bin = (name) => join('node_modules', '.bin', name);

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const suites = [];

// vitest
const vitestJson = join(resultsDir, 'vitest.json');
rmSync(vitestJson, { force: true });
const vitestExit = run('unit + integration + electron (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
const v = readJson(vitestJson);
suites.push({
  name: 'vitest',
  passed: v?.numPassedTests ?? 0,
  failed: (v?.numFailedTests ?? 0) + (v ? (v.numFailedTestSuites ?? 0) : 0),
  skipped: (v?.numPendingTests ?? 0) + (v?.numTodoTests ?? 0),
  exit: vitestExit,
  reported: v !== null,
});

// Playwright
const playwrightJson = join(resultsDir, 'playwright.json');
rmSync(playwrightJson, { force: true });
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.log(`\n=== end to end (Playwright): Chromium not found at ${chromium}; install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  suites.push({ name: 'playwright', passed: 0, failed: 1, skipped: 0, exit: 1, reported: true });
} else {
  const playwrightExit = run('end to end (Playwright + Chromium)', bin('playwright'), ['test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
  });
  const p = readJson(playwrightJson);
  suites.push({
    name: 'playwright',
    passed: (p?.stats?.expected ?? 0) + (p?.stats?.flaky ?? 0),
    failed: p?.stats?.unexpected ?? 0,
    skipped: p?.stats?.skipped ?? 0,
    exit: playwrightExit,
    reported: p !== null,
  });
}

let passed = 0;
let failed = 0;
let skipped = 0;
console.log('\n=== Summary');
for (const s of suites) {
  // A runner that crashed or exited non-zero without reporting a failure still fails the run.
  const broken = s.exit !== 0 && s.failed === 0 ? 1 : 0;
  console.log(`${s.name}: ${s.passed} passed, ${s.failed + broken} failed, ${s.skipped} skipped${broken ? ` (runner exited ${s.exit}${s.reported ? '' : ' without a report'})` : ''}`);
  passed += s.passed;
  failed += s.failed + broken;
  skipped += s.skipped;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;
