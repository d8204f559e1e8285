// Runs a pure computation (compute-tasks.ts) in a worker thread so the event loop keeps answering
// requests meanwhile. One thread, started on first use and kept (referenced only while a task
// runs, so an idle thread never keeps the process alive); tasks queue in it. Our own forty lines rather than a pool library: on two
// cores one thread is the right pool, and loading TypeScript in a thread (bootstrap.mjs) is the
// only part a library would not have done for us anyway.
import type { Worker } from 'node:worker_threads';
import { spawnTsWorker } from './spawn';
import type { ComputeTask, ComputeTasks } from './compute-tasks';
import type { ComputeAnswer, ComputeRequest } from './compute-worker';

let worker: Worker | null = null;
let ready: Promise<Worker> | null = null;
let nextId = 1;
const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

function start(): Promise<Worker> {
  ready ??= new Promise<Worker>((resolve, reject) => {
    const w = spawnTsWorker(new URL('./compute-worker.ts', import.meta.url), null, 'compute');
    w.unref();
    const failAll = (e: Error) => {
      for (const p of pending.values()) p.reject(e);
      pending.clear();
      worker = null;
      ready = null;
    };
    w.on('message', (m: ComputeAnswer | { ready: true }) => {
      if ('ready' in m) {
        worker = w;
        resolve(w);
        return;
      }
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (!pending.size) w.unref();
      if (m.ok) p.resolve(m.value);
      else p.reject(Object.assign(new Error(m.message), { name: m.name }));
    });
    w.on('error', (e) => {
      reject(e);
      failAll(e);
    });
    w.on('exit', (code) => {
      reject(new Error(`compute worker exited (${code})`));
      failAll(new Error(`the compute worker thread exited (code ${code})`));
    });
  });
  return ready;
}

/** Runs `task` with `args` in the compute thread; the arguments and the result are copied across. */
export async function compute<K extends ComputeTask>(task: K, ...args: Parameters<ComputeTasks[K]>): Promise<ReturnType<ComputeTasks[K]>> {
  const w = worker ?? (await start());
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    w.ref();
    w.postMessage({ id, task, args } satisfies ComputeRequest);
  });
}

/** Ends the compute thread (tests, shutdown); the next compute() starts a new one. */
export async function stopCompute(): Promise<void> {
  const w = worker;
  worker = null;
  ready = null;
  if (w) await w.terminate();
}
