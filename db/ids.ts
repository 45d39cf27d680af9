import { v7 as uuidv7 } from 'uuid';

/** UUIDv7: time-ordered, and unique across laptops (which integer ids would not be). */
export type IdFactory = () => string;

export const newId: IdFactory = () => uuidv7();

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
