// Development and test entry of the selection worker: the TypeScript source runs through tsx,
// as the rest of main does under `npm run web` and vitest. The Electron build bundles
// selectionWorker.ts into out/main/selectionWorker.cjs instead (scripts/build-electron.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./selectionWorker.ts');
