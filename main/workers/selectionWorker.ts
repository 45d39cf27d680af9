/**
 * Worker-thread entry of the selection computation (see selectionTask.ts). The parent passes the
 * task and a shared stop flag in workerData; the worker posts progress messages and then one
 * result or error message. The flag (an Int32 in a SharedArrayBuffer) is read both by the
 * legacy simulation's synchronous loop and, through a short timer, by LEXIMIN's abort signal:
 * a postMessage could not reach a synchronous loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InfeasibleQuotasError } from '../domain/selection/panels';
import { runSelectionTask, type SelectionTask, type TaskProgress, type TaskResult } from './selectionTask';

export type WorkerMessage =
  | { type: 'progress'; progress: TaskProgress }
  | { type: 'result'; result: TaskResult }
  | { type: 'error'; infeasible: boolean; message: string };

export interface WorkerInput {
  task: SelectionTask;
  stopFlag: SharedArrayBuffer;
}

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('selectionWorker must run in a worker thread');
  const { task, stopFlag } = workerData as WorkerInput;
  const flag = new Int32Array(stopFlag);
  const shouldStop = () => Atomics.load(flag, 0) !== 0;
  const controller = new AbortController();
  const watch = setInterval(() => {
    if (shouldStop()) controller.abort();
  }, 25);
  const post = (message: WorkerMessage) => port.postMessage(message);
  try {
    const result = await runSelectionTask(task, {
      onProgress: (progress) => post({ type: 'progress', progress }),
      shouldStop,
      signal: controller.signal,
    });
    post({ type: 'result', result });
  } catch (e) {
    post({ type: 'error', infeasible: e instanceof InfeasibleQuotasError, message: (e as Error)?.message ?? String(e) });
  } finally {
    clearInterval(watch);
  }
}

void main();
