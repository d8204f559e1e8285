// The main thread's handle on the PGlite worker thread: sends a statement, gets its rows back.
// It does not serialise callers itself (db/pglite-driver.ts does, with priorities); it only
// matches answers to requests and fails every pending request if the thread dies.
import type { Worker } from 'node:worker_threads';
import { spawnTsWorker } from '../platform/threads/spawn';
import { DbError, type FromWorker, type OpenRequest, type QueryAnswer, type ToWorker } from './pglite-protocol';

interface Pending {
  resolve(a: QueryAnswer): void;
  reject(e: Error): void;
}

export class PGliteThread {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private dead: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (m: FromWorker) => {
      if (!('id' in m)) return;
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.answer);
      else p.reject(new DbError(m.error));
    });
    const fail = (e: Error) => {
      this.dead = e;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    worker.on('error', (e) => fail(new Error(`the PGlite worker thread failed: ${e.message} / 嵌入式数据库线程出错`, { cause: e })));
    worker.on('exit', (code) => fail(new Error(`the PGlite worker thread has exited (code ${code}) / 嵌入式数据库线程已退出`)));
  }

  /** Starts the thread and opens the database in it (a directory, or in memory). */
  static open(dataDir: string | undefined): Promise<PGliteThread> {
    const data: OpenRequest = { dataDir };
    const worker = spawnTsWorker(new URL('./pglite-worker.ts', import.meta.url), data, 'pglite');
    return new Promise((resolve, reject) => {
      const onExit = (code: number) => reject(new Error(`the PGlite worker thread exited (code ${code}) before the database opened`));
      worker.once('error', reject);
      worker.once('exit', onExit);
      worker.once('message', (m: FromWorker) => {
        worker.off('error', reject);
        worker.off('exit', onExit);
        if ('ready' in m && m.ready) resolve(new PGliteThread(worker));
        else if ('ready' in m) {
          void worker.terminate();
          reject(new DbError(m.error));
        }
      });
    });
  }

  query(sql: string, params: readonly unknown[], copy?: Buffer): Promise<QueryAnswer> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    // a private copy of the payload (a Buffer may be a slice of a shared pool), moved, not cloned
    const payload = copy ? new Uint8Array(copy) : undefined;
    const msg: ToWorker = { id, sql, params: params as unknown[], ...(payload ? { copy: payload } : {}) };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage(msg, payload ? [payload.buffer] : []);
    });
  }

  async close(): Promise<void> {
    if (this.dead) return;
    const id = this.nextId++;
    await new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve: () => resolve(), reject });
      this.worker.postMessage({ id, close: true } satisfies ToWorker);
    });
    await this.worker.terminate();
  }
}
