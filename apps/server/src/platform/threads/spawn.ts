// Starts a worker thread running a TypeScript module (through bootstrap.mjs, which registers tsx
// in the thread). The module reads its own input from `workerData.data`.
import { Worker } from 'node:worker_threads';

const BOOTSTRAP = new URL('./bootstrap.mjs', import.meta.url);

export function spawnTsWorker(entry: URL, data: unknown, name: string): Worker {
  return new Worker(BOOTSTRAP, { workerData: { entry: entry.href, data }, name, stderr: false, stdout: false });
}
