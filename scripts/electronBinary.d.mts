/** Types for electronBinary.mjs (plain JavaScript so `npm start` runs before anything is built). */
export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };
export function findElectronBinary(root: string): ElectronBinary;
