/**
 * A legacy draw is verifiable from the command line like a LEXIMIN one: the venue demo's panel (a
 * legacy draw) is checked with `selection.document` (its input) and the command the selection
 * audit prints, run as printed; a panel with one member swapped is refused. The audit states the
 * estimate's basis and no longer says that outsiders cannot check a legacy draw.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { DEMO_SEED, writeDemo } from '../../main/demo/writeDemo';
import { DEMO_LEGACY_RUNS } from '../../main/demo/venueExtras';
import type { SelectionRun } from '../../main/domain/selection/runTypes';
import { verifyCommand } from '../../main/reports/selectionAuditPdf';
import { pdfText } from '../helpers/pdf';

let dir = '';
let file = '';
let run: SelectionRun;

const cli = async (...argv: string[]) => {
  const out = await runCli(['--data-dir', dir, ...argv]);
  if (out.exitCode !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout) as unknown;
};

beforeAll(async () => {
  // One folder for the whole file (the tests share the demo): removed after all of them.
  dir = mkdtempSync(join(tmpdir(), 'assembly-desk-legacy-verify-'));
  file = join(dir, 'venue.assembly');
  await writeDemo(file, { seed: DEMO_SEED, panelSize: 60, stage: 'venue' });
  run = ((await cli('--file', file, 'selection.list')) as SelectionRun[]).find((r) => r.algorithm === 'legacy' && r.status === 'drawn')!;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The printed command's JSON arguments, with the document where the export was saved. */
function printedArgs(documentPath: string): Record<string, unknown> {
  const command = verifyCommand(run, true)!;
  const args = JSON.parse(/'(\{.*\})'$/.exec(command)![1]!) as Record<string, unknown>;
  expect(args).toMatchObject({ algorithm: 'legacy', publishedHash: run.inputHash, seed: run.seed });
  return { ...args, documentPath };
}

describe('a legacy draw, checked from the command line', () => {
  it('exports the input whose SHA-256 is the run’s input hash, and the printed command verifies the panel', async () => {
    const doc = (await cli('--file', file, 'selection.document', JSON.stringify({ id: run.id }))) as { fileName: string; content: string };
    expect(doc.fileName).toBe(`selection-input-${run.at.slice(0, 10)}-${run.inputHash.slice(0, 12)}.json`);
    const path = join(dir, doc.fileName);
    writeFileSync(path, doc.content);
    // No assembly open: anyone with the published input, the seed and the codes can run it.
    expect(await cli('selection.verify', JSON.stringify(printedArgs(path)))).toEqual({ ok: true, problems: [], ticket: null, objective: { name: 'legacy', params: {} } });

    const swapped = { ...printedArgs(path), chosenCodes: [...run.panel!.slice(1), 'NOT-ON-IT'] };
    const refused = (await cli('selection.verify', JSON.stringify(swapped))) as { ok: boolean; problems: string[] };
    expect(refused.ok).toBe(false);
    expect(refused.problems.join(' ')).toMatch(/The seed draws another panel: 1 of its members is not announced \(.+\), 1 announced is not drawn \(NOT-ON-IT\)/);

    const noSeed = await runCli(['--data-dir', dir, 'selection.verify', JSON.stringify({ ...printedArgs(path), seed: undefined })]);
    expect(noSeed.exitCode).toBe(1);
    expect(noSeed.stderr).toMatch(/a legacy draw with its seed or its public numbers/);
  }, 120_000);

  it('is explained in the audit report with the command, and the estimate with its basis', async () => {
    const out = join(dir, 'audit.pdf');
    const made = await runCli(['--data-dir', dir, '--file', file, 'report', 'selectionAudit', '--format', 'pdf', '--level', 'full', '--lang', 'en', '--out', out]);
    expect(made.exitCode, made.stderr).toBe(0);
    const text = pdfText(readFileSync(out)).replace(/\s+/g, ' ');
    expect(text).not.toMatch(/checks LEXIMIN lotteries only/);
    expect(text).toContain('anyone can draw again and compare');
    expect(text).toContain('npm run cli -- selection.verify');
    expect(text).toContain('selection.verify \'{"algorithm":"legacy"');
    expect(text).toMatch(new RegExp(`estimated from ${DEMO_LEGACY_RUNS} simulated draws, ± \\d+\\.\\d+% \\(95% confidence\\)`));
    expect(text).not.toMatch(/optimal/i);
  }, 120_000);
});
