import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/** UUIDv7: time-ordered, and unique across laptops (which integer ids would not be). */
export type IdFactory = () => string;

/**
 * Random bytes drawn 4 KB at a time: uuid asks the system for 16 bytes per id, which costs
 * more than the insert itself when an import writes 50,000 people. The millisecond and the
 * sequence are kept here (as uuid does without options), so ids stay strictly increasing.
 */
let pool = new Uint8Array(0);
let taken = 0;
const clock = { msecs: -Infinity, seq: 0 };

export const newId: IdFactory = () => {
  if (taken + 16 > pool.length) {
    pool = randomFillSync(new Uint8Array(4096));
    taken = 0;
  }
  const random = pool.subarray(taken, (taken += 16));
  const now = Date.now();
  if (now > clock.msecs) {
    clock.msecs = now;
    // A random start for the sequence within the millisecond, with headroom to count up.
    clock.seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
  } else {
    clock.seq = (clock.seq + 1) | 0;
    if (clock.seq === 0) clock.msecs += 1;
  }
  return uuidv7({ msecs: clock.msecs, seq: clock.seq >>> 0, random });
};

/**
 * Ids from a seeded random source and a fixed clock: the demo generator uses it so that the
 * same seed writes the same file.
 */
export function seededIdFactory(random: () => number, msecs: number): IdFactory {
  let seq = 0;
  return () => {
    const bytes = new Uint8Array(16);
    for (let i = 0; i < 16; i++) bytes[i] = Math.floor(random() * 256);
    return uuidv7({ msecs: msecs + seq++, random: bytes });
  };
}
