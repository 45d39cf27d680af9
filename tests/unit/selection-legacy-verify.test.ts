/**
 * A legacy draw is checked like a LEXIMIN one: the published input (the canonical text whose
 * SHA-256 is the run's input hash) read back is the same instance, and the recorded seed draws
 * the announced panel again; a changed input, hash, seed or panel is named in a sentence. Also
 * what the reports may claim: the margin of an estimate, "optimal" only with no gap.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../main/domain/random';
import { estimateMargin, isProvenOptimal } from '../../main/domain/selection/claims';
import { buildInstance, canonicalInstance, parseCanonicalInstance } from '../../main/domain/selection/instance';
import { legacyDraw, verifyLegacyDraw } from '../../main/domain/selection/legacy';

function built() {
  const r = createRandom('legacy-verify');
  const pool = Array.from({ length: 120 }, (_, i) => ({
    code: `C${String(i).padStart(3, '0')}`,
    household: r.chance(0.2) ? `street ${Math.floor(i / 2)}` : null,
    features: { gender: r.chance(0.5) ? 'woman' : 'man', age: r.pick(['16-34', '35-64', '65+']), note: 'not a quota feature' },
  }));
  const quotas = [
    { feature: 'gender', value: 'woman', min: 6, max: 8 },
    { feature: 'gender', value: 'man', min: 6, max: 8 },
    { feature: 'age', value: '16-34', min: 3, max: 6 },
    { feature: 'age', value: '35-64', min: 3, max: 6 },
    { feature: 'age', value: '65+', min: 3, max: 6 },
  ];
  return buildInstance({ pool, quotas, panelSize: 14, onePerHousehold: true });
}

describe('verifying a legacy draw', () => {
  const b = built();
  const seed = 'a3f09c1e5b7d4420';
  const panel = legacyDraw(b.instance, createRandom(seed))!;

  it('reads the published input back as the same instance', () => {
    expect(parseCanonicalInstance(b.canonical)).toEqual(b.instance);
    expect(canonicalInstance(parseCanonicalInstance(b.canonical))).toBe(b.canonical);
  });

  it('accepts the panel the seed draws from the input, in any order', () => {
    expect(verifyLegacyDraw({ input: b.canonical, publishedHash: b.inputHash, seed, chosenPanel: [...panel].reverse() })).toEqual({ ok: true, problems: [], panel });
  });

  it('names what does not agree', () => {
    const other = verifyLegacyDraw({ input: b.canonical, publishedHash: b.inputHash, seed: 'another seed', chosenPanel: panel });
    expect(other.ok).toBe(false);
    expect(other.problems.join(' ')).toMatch(/The seed draws another panel/);

    const swapped = [...panel.slice(1), b.instance.candidates.find((c) => !panel.includes(c.id))!.id];
    expect(verifyLegacyDraw({ input: b.canonical, publishedHash: b.inputHash, seed, chosenPanel: swapped }).problems.join(' ')).toMatch(/1 of its members is not announced .*1 announced is not drawn/);

    const wrongHash = verifyLegacyDraw({ input: b.canonical, publishedHash: '0'.repeat(64), seed, chosenPanel: panel });
    expect(wrongHash.problems).toEqual([`The input document hashes to ${b.inputHash}, not to the published ${'0'.repeat(64)}.`]);

    const edited = b.canonical.replace('"panelSize":14', '"panelSize":14 ');
    expect(verifyLegacyDraw({ input: edited, publishedHash: b.inputHash, seed, chosenPanel: panel }).problems.join(' ')).toMatch(/hashes to .*not in canonical form/);

    expect(verifyLegacyDraw({ input: '{"format":2}', publishedHash: b.inputHash, seed, chosenPanel: panel }).problems.join(' ')).toMatch(/not a selection input/);
    expect(verifyLegacyDraw({ input: 'lottery', publishedHash: b.inputHash, seed, chosenPanel: panel }).ok).toBe(false);
  });
});

describe('what a report may claim', () => {
  it('gives an estimate of 0 from 200 draws a margin of almost 2 points, and a finer one from 1,000', () => {
    expect(estimateMargin(0, 200)).toBeCloseTo(0.0188, 4);
    expect(estimateMargin(0, 1000)).toBeCloseTo(0.0038, 4);
    expect(estimateMargin(0.5, 1000)).toBeCloseTo(0.031, 3);
    expect(estimateMargin(0.1, 0)).toBeNull();
  });

  it('calls a LEXIMIN distribution optimal only when no gap is left', () => {
    expect(isProvenOptimal({ gap: 0 })).toBe(true);
    expect(isProvenOptimal({ gap: 0.0004 })).toBe(false);
    expect(isProvenOptimal({ gap: 1e-6 })).toBe(false);
    // A gap within the solver's tolerance is still a gap: "within X", not "optimal".
    expect(isProvenOptimal({ gap: 5e-10 })).toBe(false);
  });
});
