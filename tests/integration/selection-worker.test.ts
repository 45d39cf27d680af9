/**
 * The selection computation runs in a worker thread: the app answers while it runs, reports
 * progress, and can stop it (keeping the best distribution so far) or cancel it (nothing
 * stored). On the demo assembly (1,500 people), where LEXIMIN takes several seconds.
 */
import { describe, expect, it } from 'vitest';
import type { SelectionProgress } from '../../main/domain/selection/runTypes';
import { makeApp } from '../helpers/app';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();
type App = ReturnType<typeof makeApp>;

async function demo(): Promise<App> {
  const app = makeApp(tempDir());
  await app.call('app.openDemo', {});
  return app;
}

/** Polls selection.progress until `until` holds (or fails after 60 s). */
async function waitFor(app: App, until: (p: SelectionProgress | null) => boolean): Promise<SelectionProgress | null> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const p = await app.call('selection.progress', {});
    if (until(p)) return p;
    if (Date.now() > deadline) throw new Error(`progress never reached the state: ${JSON.stringify(p)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('selection in a worker thread', () => {
  it('reports progress while LEXIMIN runs, and "stop and keep" stores the best distribution so far with its certificate', { timeout: 120_000 }, async () => {
    const app = await demo();
    expect(await app.call('selection.progress', {})).toBeNull();
    const pending = app.raw('selection.prepare', { algorithm: 'leximin', timeLimitMs: 600_000 });

    // The main thread answers while the worker computes.
    const started = await waitFor(app, (p) => p?.stage === 'leximin' && (p.minProbability ?? 0) > 0);
    expect(started).toMatchObject({ algorithm: 'leximin', kind: 'panel', timeLimitMs: 600_000, stopping: null });
    expect(started!.upperBound!).toBeGreaterThanOrEqual(started!.minProbability! - 1e-9);
    expect((await app.call('selection.overview', {})).computing).toBe(true);

    // A second computation is refused while one runs.
    const second = await app.raw('selection.prepare', { algorithm: 'legacy' });
    expect(second.ok ? null : second.error.i18nKey).toBe('errors.selectionBusy');

    expect(await app.call('selection.stop', { keep: true })).toEqual({ stopping: true });
    expect((await app.call('selection.progress', {}))?.stopping ?? 'finished').toMatch(/keep|finished/);
    const result = await pending;
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
    const run = result.ok ? (result.data as { id: string }) : null;
    const detail = await app.call('selection.get', { id: run!.id });
    // Stopped well before the time limit: marked incomplete, with a certificate that bounds it.
    expect(detail.complete).toBe(false);
    expect(detail.certificate!.upperBound).toBeGreaterThanOrEqual(detail.summary.min - 1e-9);
    expect(detail.certificate!.gap).toBeCloseTo(detail.certificate!.upperBound - detail.summary.min, 9);
    expect(Object.values(detail.probabilities).reduce((s, p) => s + p, 0)).toBeCloseTo(detail.panelSize, 6);
    expect(detail.lottery!.size).toBe(1000);
    expect(await app.call('selection.progress', {})).toBeNull();
    app.close();
  });

  it('cancel stops the computation and stores nothing', { timeout: 120_000 }, async () => {
    const app = await demo();
    const pending = app.raw('selection.prepare', { algorithm: 'leximin' });
    await waitFor(app, (p) => p?.stage === 'leximin');
    expect(await app.call('selection.stop', { keep: false })).toEqual({ stopping: true });
    const result = await pending;
    expect(result.ok ? null : result.error).toMatchObject({ code: 'CANCELLED', i18nKey: 'errors.CANCELLED' });
    expect(await app.call('selection.list', {})).toEqual([]);
    expect(await app.call('selection.progress', {})).toBeNull();
    expect(await app.call('selection.stop', { keep: false })).toEqual({ stopping: false });
    // The app can compute again straight away.
    const legacy = await app.call('selection.prepare', { algorithm: 'legacy' });
    expect(legacy.status).toBe('prepared');
    app.close();
  });

  it('compares LEXIMIN with the legacy method on the same pool', { timeout: 180_000 }, async () => {
    const app = await demo();
    // A coarse tolerance keeps this comparison quick: what it checks does not need 1e-4.
    const run = await app.call('selection.prepare', { algorithm: 'leximin', tolerance: 0.02 });
    expect(run.complete).toBe(true);
    expect(run.objective.params.relativeTolerance).toBe(0.02);
    const detail = await app.call('selection.get', { id: run.id });
    const legacy = detail.legacyComparison!;
    expect(legacy.runs).toBe(1000);
    expect(Object.keys(legacy.probabilities).sort()).toEqual(Object.keys(detail.probabilities).sort());
    expect(Object.values(legacy.probabilities).reduce((s, p) => s + p, 0)).toBeCloseTo(run.panelSize, 6);
    // The point of LEXIMIN: the least likely person's chance is higher than under the greedy draw.
    expect(detail.summary.min).toBeGreaterThan(legacy.summary.min);
    expect(detail.summary.gini).toBeLessThan(legacy.summary.gini);
    app.close();
  });

  it('stores nothing when the assembly is closed during the computation', { timeout: 120_000 }, async () => {
    const app = await demo();
    const pending = app.raw('selection.prepare', { algorithm: 'legacy' });
    await waitFor(app, (p) => p !== null);
    await app.call('app.closeAssembly', {});
    const result = await pending;
    expect(result.ok ? null : result.error.code).toBe('CONFLICT');
    app.close();
  });

  it('refuses bad arguments with the field named', async () => {
    const app = await demo();
    const bad = await app.raw('selection.stop', { keep: 'yes' });
    expect(bad.ok ? null : bad.error.code).toBe('VALIDATION');
    const kind = await app.raw('selection.prepare', { algorithm: 'leximin', kind: 'everyone' });
    expect(kind.ok ? null : JSON.stringify(kind.error.details)).toContain('kind');
    app.close();
  });
});
