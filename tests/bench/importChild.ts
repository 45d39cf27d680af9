/**
 * Imports a 50,000-row pool file into a new assembly, in its own process so that its peak
 * memory is its own: stage (decode, detect, parse), check (validate, plan) and commit (write in
 * one transaction). Prints one JSON line: { ms, maxRssMb, imported }.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAppRegistry } from '../../main/api';
import { AppContext } from '../../main/context';
import { poolCsv } from './poolFile';

const rows = Number(process.argv[2] ?? 50_000);
const work = mkdtempSync(join(tmpdir(), 'assembly-desk-bench-import-'));
try {
  const ctx = new AppContext('cli', work);
  ctx.operator = 'bench';
  const registry = createAppRegistry();
  const must = async (method: string, args: unknown) => {
    const result = await registry.call(method, args, ctx);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.data as Record<string, unknown>;
  };
  await must('app.createAssembly', { name: 'Bench import' });
  const bytes = poolCsv(rows);
  const contentBase64 = bytes.toString('base64');
  const start = performance.now();
  const staged = await must('imports.stage', { fileName: 'pool.csv', contentBase64 });
  const mapping = staged.mapping;
  await must('imports.check', { uploadId: staged.uploadId, mapping });
  const result = await must('imports.commit', { uploadId: staged.uploadId, mapping, mode: 'allOrNothing' });
  const ms = performance.now() - start;
  ctx.closeAssembly();
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ms, maxRssMb, imported: result.imported, bytes: bytes.length }) + '\n');
} finally {
  rmSync(work, { recursive: true, force: true });
}
