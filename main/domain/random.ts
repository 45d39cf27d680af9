/**
 * A small seeded random source: for the demo generator, the legacy draw, the lottery rounding
 * and the reserve order.
 *
 * Math.random cannot be seeded, and these must come out the same for the same seed (the demo
 * file byte for byte; a recorded draw re-done by anyone who checks it).
 * The generator is sfc32 (Chris Doty-Humphrey's "small fast chaotic" design: four 32-bit
 * words, passes PractRand far beyond what a demo needs); its state comes from the seed
 * through a string hash, so any text or number works as a seed.
 */

export type Seed = string | number;

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element, each equally likely. */
  pick<T>(items: readonly T[]): T;
  /** One element, with probability proportional to weightOf(item) (weights >= 0, not all 0). */
  weighted<T>(items: readonly T[], weightOf: (item: T) => number): T;
  /** A shuffled copy (Fisher–Yates); the input is left alone. */
  shuffle<T>(items: readonly T[]): T[];
}

/** Murmur3's finaliser: spreads every input bit over the whole word. */
function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Four independent 32-bit words from a seed: four FNV-1a style lanes with different
 * offsets and odd multipliers, each finished with the avalanche. A number and its decimal
 * text hash alike (42 and "42"), so the CLI's string seed matches a numeric one.
 */
export function hashSeed(seed: Seed): [number, number, number, number] {
  const text = String(seed);
  const lanes = [0x811c9dc5, 0x9e3779b9, 0x243f6a88, 0xb7e15162];
  const multipliers = [0x01000193, 0x01000197, 0x0100019b, 0x010001a3];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    for (let lane = 0; lane < 4; lane++) {
      lanes[lane] = Math.imul(lanes[lane]! ^ unit, multipliers[lane]!);
    }
  }
  return [
    avalanche(lanes[0]! ^ text.length),
    avalanche(lanes[1]! + 0x6a09e667),
    avalanche(lanes[2]! ^ 0xbb67ae85),
    avalanche(lanes[3]! + 0x3c6ef372),
  ];
}

/** The raw sfc32 stream: one unsigned 32-bit integer per call. */
function sfc32(seed: Seed): () => number {
  // a, b, c are the chaotic state; d is the counter that guarantees a long period.
  let [a, b, c, d] = hashSeed(seed);
  const step = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // The first outputs still show the seed's structure; throwing a few away mixes it in.
  for (let i = 0; i < 12; i++) step();
  return step;
}

export function createRandom(seed: Seed): Random {
  const nextUint32 = sfc32(seed);
  const next = (): number => nextUint32() / 0x1_0000_0000;

  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}): need integers with min <= max`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };

  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('pick: the list is empty');
    return items[Math.floor(next() * items.length)]!;
  };

  const weighted = <T>(items: readonly T[], weightOf: (item: T) => number): T => {
    let total = 0;
    for (const item of items) {
      const w = weightOf(item);
      if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`weighted: weight ${w} is not a finite number >= 0`);
      total += w;
    }
    if (total <= 0) throw new RangeError('weighted: no item has a positive weight');
    let target = next() * total;
    for (const item of items) {
      target -= weightOf(item);
      if (target < 0) return item;
    }
    // Rounding can leave target a hair above 0 after the loop: the last positive item wins.
    for (let i = items.length - 1; i >= 0; i--) if (weightOf(items[i]!) > 0) return items[i]!;
    throw new RangeError('weighted: unreachable');
  };

  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };

  return { next, int, chance: (p) => next() < p, pick, weighted, shuffle };
}
