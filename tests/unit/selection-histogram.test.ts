import { describe, expect, it } from 'vitest';
import { HISTOGRAM_BINS, probabilityHistogram } from '../../main/domain/selection/histogram';
import { probabilityBins } from '../../main/reports/selectionAuditPdf';
import { createRandom } from '../../main/domain/random';
import type { SelectionRun } from '../../main/domain/selection/runTypes';

describe('the one probability histogram (screen, report data and audit PDF)', () => {
  it('makes ten equal bins from 0 to the largest probability, the largest in the last bin', () => {
    const bins = probabilityHistogram([0, 0.05, 0.1, 0.19, 0.2]);
    expect(bins).toHaveLength(HISTOGRAM_BINS);
    expect(bins[0]).toEqual({ from: 0, to: 0.02, count: 1 });
    expect(bins.map((b) => b.count)).toEqual([1, 0, 1, 0, 0, 1, 0, 0, 0, 2]);
    expect(bins.at(-1)!.to).toBe(0.2);
    for (let i = 1; i < bins.length; i++) expect(bins[i]!.from).toBe(bins[i - 1]!.to);
  });

  it('has no bins for no values, bins up to 1 when every probability is 0, and any number of bins', () => {
    expect(probabilityHistogram([])).toEqual([]);
    const zeros = probabilityHistogram([0, 0, 0]);
    expect(zeros.at(-1)!.to).toBe(1);
    expect(zeros[0]!.count).toBe(3);
    expect(probabilityHistogram([0.1, 0.4], 4).map((b) => [b.from, b.to, b.count])).toEqual([
      [0, 0.1, 0],
      [0.1, 0.2, 1],
      [0.2, 0.30000000000000004, 0],
      [0.30000000000000004, 0.4, 1],
    ]);
  });

  it('counts every value once, and gives the bins the published reports always had (same floating-point bounds)', () => {
    const r = createRandom('histogram');
    for (let k = 0; k < 50; k++) {
      const values = Array.from({ length: r.int(1, 400) }, () => r.next() * 0.3);
      const bins = probabilityHistogram(values);
      expect(bins.reduce((a, b) => a + b.count, 0)).toBe(values.length);
      // The binning main/reports/data.ts used before it moved here (the audit PDF's bytes depend on it).
      const top = Math.max(...values) || 1;
      const before = Array.from({ length: 10 }, (_, i) => ({ from: (top * i) / 10, to: (top * (i + 1)) / 10, count: 0 }));
      for (const v of values) before[Math.min(9, Math.floor((v / top) * 10))]!.count++;
      expect(bins).toEqual(before);
    }
  });

  it('is what the audit PDF draws when the report data carries only the probabilities', () => {
    const probabilities = { A: 0.1, B: 0.25, C: 0.25, D: 0.02 };
    const run = { probabilities } as unknown as SelectionRun & { probabilities: Record<string, number> };
    expect(probabilityBins(run)).toEqual(probabilityHistogram(Object.values(probabilities)));
  });
});
