// The compute worker thread: runs one task of compute-tasks.ts per message, in order.
import { parentPort } from 'node:worker_threads';
import { type ComputeTask, computeTasks } from './compute-tasks';
import { lowerThreadPriority } from './niceness';

export interface ComputeRequest {
  id: number;
  task: ComputeTask;
  args: unknown[];
}

export type ComputeAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string; name: string };

const port = parentPort!;
// background computation: the threads answering requests go first for the CPU
lowerThreadPriority();
port.on('message', (m: ComputeRequest) => {
  try {
    const fn = computeTasks[m.task] as (...args: unknown[]) => unknown;
    port.postMessage({ id: m.id, ok: true, value: fn(...m.args) } satisfies ComputeAnswer);
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    port.postMessage({ id: m.id, ok: false, message: err.message, name: err.name } satisfies ComputeAnswer);
  }
});
port.postMessage({ ready: true });
