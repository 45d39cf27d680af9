/**
 * The fair objectives through the API on a real assembly file: two methods compared side by
 * side (figures only, nothing stored), a Goldilocks run prepared, published with its objective
 * named in the lottery document, drawn and verified, its objective in the audit log.
 */
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../main/domain/selection/lottery';
import { makeApp } from '../helpers/app';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();
const b64 = (text: string) => Buffer.from(text).toString('base64');
const PANEL = 8;
const POOL_SIZE = 40;

function poolCsv(): string {
  const rows = ['first name,last name,email,street,house number,postcode,city,birth year,gender,region,education'];
  for (let i = 0; i < POOL_SIZE; i++) {
    const house = i < 6 ? Math.floor(i / 2) : i;
    // Uneven shares: the rarer groups need a higher chance to fill their quotas.
    const gender = i % 3 === 0 ? 'M' : 'F';
    const region = i % 4 === 0 ? 'South' : 'North';
    const education = i % 5 < 2 ? 'low' : 'high';
    rows.push(`Ann${i},Doe${i},p${i}@mail.example,Kerkstraat,${house + 1},9000,Gent,${1950 + i},${gender},${region},${education}`);
  }
  return rows.join('\n');
}

async function withPool() {
  const app = makeApp(tempDir());
  await app.call('app.createAssembly', { name: 'Objectives test', panelSize: PANEL });
  const staged = await app.call('imports.stage', { fileName: 'pool.csv', contentBase64: b64(poolCsv()) });
  await app.call('imports.commit', { uploadId: staged.uploadId, mapping: staged.mapping, mode: 'allOrNothing' });
  const quotas: Record<string, [number, number]> = {
    'gender/F': [4, 4],
    'gender/M': [4, 4],
    'region/North': [4, 5],
    'region/South': [3, 4],
    'education/low': [3, 4],
    'education/high': [4, 5],
  };
  const overview = await app.call('quotas.overview', {});
  const targets = overview.features.flatMap((f) =>
    f.values.filter((v) => quotas[`${f.name}/${v.value}`]).map((v) => ({ valueId: v.id, min: quotas[`${f.name}/${v.value}`]![0], max: quotas[`${f.name}/${v.value}`]![1] })),
  );
  await app.call('quotas.setTargets', { targets });
  return app;
}

describe('fair objectives in the app', () => {
  it('compares two methods on the live pool: figures side by side, nothing stored', { timeout: 120_000 }, async () => {
    const app = await withPool();
    const comparison = await app.call('selection.compare', { algorithms: ['maximin', 'goldilocks'], timeLimitMs: 60_000 });
    expect(comparison.candidates).toBe(POOL_SIZE);
    expect(comparison.results.map((r) => r.objective)).toEqual([
      { name: 'maximin', params: {} },
      { name: 'goldilocks', params: { gamma: 1 } },
    ]);
    const [maximin, goldilocks] = comparison.results;
    for (const r of comparison.results) {
      expect(r.complete).toBe(true);
      expect(r.certificate!.relativeGap).toBeLessThanOrEqual(1e-4);
      const f = r.figures;
      expect(f.count).toBe(POOL_SIZE);
      expect(f.mean).toBeCloseTo(PANEL / POOL_SIZE, 9);
      expect(f.histogram.reduce((s, b) => s + b.count, 0)).toBe(POOL_SIZE);
      expect(f.belowHalf).toBe(f.values.filter((v) => v < f.mean / 2 - 1e-12).length);
      expect(f.aboveTwice).toBe(f.values.filter((v) => v > f.mean * 2 + 1e-12).length);
    }
    // Maximin's smallest chance is the largest possible; Goldilocks gives some of it up to pull the top down.
    expect(maximin!.figures.min).toBeGreaterThanOrEqual(goldilocks!.figures.min - 1e-9);
    expect(goldilocks!.figures.max).toBeLessThanOrEqual(maximin!.figures.max + 1e-9);
    expect(await app.call('selection.list', {})).toEqual([]);
    await expect(app.call('selection.compare', { algorithms: ['nash', 'nash'] })).rejects.toThrow(/VALIDATION.*two different methods/);
  });

  it('prepares a Goldilocks run: the document names the objective, the draw verifies, the audit records it', { timeout: 120_000 }, async () => {
    const app = await withPool();
    const run = await app.call('selection.prepare', { algorithm: 'goldilocks', timeLimitMs: 60_000 });
    expect(run).toMatchObject({ algorithm: 'goldilocks', algorithmVersion: '1', complete: true, objective: { name: 'goldilocks', params: { gamma: 1 } } });
    expect(run.objectiveCertificate!.relativeGap).toBeLessThanOrEqual(1e-4);
    expect(run.certificate).toBeNull();
    const doc = await app.call('selection.document', { id: run.id });
    expect(sha256(doc.content)).toBe(run.lottery!.hash);
    expect(doc.content.split('\n').slice(0, 6)).toContain('Algorithm: GOLDILOCKS 1');
    // Format 2 of the lottery document names the objective and its parameters in the header.
    expect(doc.content.split('\n').slice(0, 8)).toContain('Objective: goldilocks');
    expect(doc.content.split('\n').slice(0, 8)).toContain('Objective parameters: {"gamma":1}');

    const numbers = [0, 4, 2];
    const drawn = await app.call('selection.draw', { runId: run.id, mode: 'public', numbers });
    expect(drawn.panel).toHaveLength(PANEL);
    expect(await app.call('selection.verify', { algorithm: 'goldilocks', document: doc.content, publishedHash: run.lottery!.hash, numbers, chosenCodes: drawn.panel! })).toEqual({
      ok: true,
      problems: [],
      ticket: 42,
      objective: { name: 'goldilocks', params: { gamma: 1 } },
    });
    // The objective line is part of what the hash seals.
    const edited = doc.content.replace('{"gamma":1}', '{"gamma":2}');
    expect((await app.call('selection.verify', { document: edited, publishedHash: run.lottery!.hash, numbers, chosenCodes: drawn.panel! })).ok).toBe(false);

    const audit = await app.call('audit.list', { entity: 'selection', entityId: run.id });
    const prepared = audit.find((a) => a.action === 'selection.prepare')!;
    expect(prepared.after).toMatchObject({ algorithm: 'goldilocks', objective: { name: 'goldilocks', params: { gamma: 1 } } });
  });

  it('records maximin with a bound on the smallest chance and Nash with its own certificate', { timeout: 120_000 }, async () => {
    const app = await withPool();
    const maximin = await app.call('selection.prepare', { algorithm: 'maximin', timeLimitMs: 60_000 });
    expect(maximin.certificate!.upperBound).toBeGreaterThanOrEqual(maximin.summary.min - 1e-9);
    expect(maximin.certificate!.gap).toBeLessThanOrEqual(1e-4 * maximin.certificate!.upperBound + 1e-12);
    const nash = await app.call('selection.prepare', { algorithm: 'nash', timeLimitMs: 60_000 });
    expect(nash.objective).toEqual({ name: 'nash', params: {} });
    expect(nash.objectiveCertificate!.bound).toBeGreaterThanOrEqual(nash.objectiveCertificate!.value);
    const doc = await app.call('selection.document', { id: nash.id });
    expect(doc.content).toContain('\nObjective: nash\n');
  });
});
