/**
 * Runs a selection task in a worker thread and lets the app watch and stop it: progress as the
 * worker reports it, stop-and-keep (LEXIMIN returns its best distribution so far with its
 * certificate; the legacy simulation keeps the draws done), and cancel (the worker is
 * terminated; the promise rejects with a CANCELLED AppError).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import type { SelectionTask, TaskProgress, TaskResult } from './selectionTask';
import type { WorkerInput, WorkerMessage } from './selectionWorker';

export class WorkerInfeasibleError extends Error {}

export interface SelectionJob {
  readonly result: Promise<TaskResult>;
  /** keep = true: finish now with the best so far; false: cancel. */
  stop(keep: boolean): void;
  readonly stopping: 'keep' | 'cancel' | null;
}

/**
 * The worker's file: the bundled one beside the Electron bundle (out/main/selectionWorker.cjs,
 * where this module's code then lives), else the development entry beside this source file.
 */
export function workerFile(): URL | string {
  const bundled = new URL('./selectionWorker.cjs', import.meta.url);
  if (bundled.protocol === 'file:') {
    const path = fileURLToPath(bundled);
    // Packaged: the worker is unpacked beside the asar (electron-builder.yml, asarUnpack).
    const unpacked = path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
    if (unpacked !== path && existsSync(unpacked)) return unpacked;
    if (existsSync(path)) return bundled;
  }
  return new URL('./selectionWorker.dev.mjs', import.meta.url);
}

export function startSelectionJob(task: SelectionTask, onProgress: (p: TaskProgress) => void): SelectionJob {
  const stopFlag = new SharedArrayBuffer(4);
  const flag = new Int32Array(stopFlag);
  const worker = new Worker(workerFile(), { workerData: { task, stopFlag } satisfies WorkerInput });
  let stopping: 'keep' | 'cancel' | null = null;
  let settled = false;

  const result = new Promise<TaskResult>((resolve, reject) => {
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress(message.progress);
      else if (message.type === 'result') finish(() => resolve(message.result));
      else finish(() => reject(message.infeasible ? new WorkerInfeasibleError(message.message) : new Error(message.message)));
    });
    worker.on('error', (e) => finish(() => reject(e)));
    worker.on('exit', (code) =>
      finish(() =>
        reject(
          stopping === 'cancel'
            ? new AppError('CANCELLED', 'The computation was cancelled. Nothing was stored.', {}, 'errors.CANCELLED')
            : new Error(`The selection worker stopped unexpectedly (exit code ${code}).`),
        ),
      ),
    );
  });

  return {
    result,
    get stopping() {
      return stopping;
    },
    stop(keep: boolean) {
      if (settled) return;
      if (keep) {
        stopping ??= 'keep';
        Atomics.store(flag, 0, 1);
      } else {
        stopping = 'cancel';
        void worker.terminate();
      }
    },
  };
}
