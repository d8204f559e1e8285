// The jobs of one database: queue a job for the signed-in user (a command: permission and scope
// checked, one transaction with an uploaded input file), and the worker that runs them.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Clock } from '../clock';
import { type CommandContext, runCommand } from '../commands';
import { writeJobFile } from './files';
import type { JobRegistry } from './kind';
import { enqueueJob, type JobRow } from './repo';
import { EventEmitter } from 'node:events';
import { JobWorker, type JobWorkerOptions } from './worker';

export interface StartJobOptions {
  /** the stations the job works on (default: all of the actor's) */
  stationIds?: readonly number[];
  /** an uploaded file the job reads (an import), stored with the job in the same transaction */
  input?: Buffer;
}

export class Jobs {
  private worker: JobWorker | null = null;
  private readonly finished = new EventEmitter();

  constructor(
    readonly db: Kysely<DB>,
    readonly registry: JobRegistry,
    private readonly clock: Clock,
  ) {}

  /**
   * Queues a job of `kind` as the command's actor, who must hold the kind's permission, for
   * stations in their scope. The job row (who, when, what) and its input file are written in one
   * transaction; the worker is woken once it has committed. Returns the job id. The start writes
   * no audit row of its own: the job's work audits what it changes, as it did inside a request
   * (a rejected import changes nothing and leaves no trace but its job row).
   */
  async start(cmd: CommandContext, kind: string, params: unknown, opts: StartJobOptions = {}): Promise<number> {
    const def = this.registry.get(kind);
    if (!def) throw new Error(`unknown job kind ${kind}`);
    const stationIds = opts.stationIds ?? cmd.actor?.stationIds ?? [];
    const id = await runCommand(cmd, { permission: def.permission, stationIds }, async ({ tx, now, actor }) => {
      const jobId = await enqueueJob(tx, { kind, params, actor, stationIds, resumable: def.resumable, now });
      if (opts.input) await writeJobFile(tx, jobId, 'input', [opts.input]);
      return jobId;
    });
    this.worker?.wake();
    return id;
  }

  /**
   * Waits until the job has succeeded or failed and returns its row: told by this process's worker
   * at once, and looking every `pollMs` for a job another process runs.
   */
  async waitFor(jobId: number, pollMs = 250): Promise<JobRow> {
    this.finished.setMaxListeners(0);
    for (;;) {
      const row = await this.db.selectFrom('jobs').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
      if (row.status === 'succeeded' || row.status === 'failed') return row;
      await new Promise<void>((resolve) => {
        const done = (id: number) => {
          if (id !== jobId) return;
          clearTimeout(timer);
          this.finished.off('finished', done);
          resolve();
        };
        const timer = setTimeout(() => {
          this.finished.off('finished', done);
          resolve();
        }, pollMs);
        this.finished.on('finished', done);
      });
    }
  }

  /** Starts this process's worker (main.ts, and the test app). */
  startWorker(opts: JobWorkerOptions): JobWorker {
    if (!this.worker) {
      this.worker = new JobWorker(this.db, this.registry, this.clock, {
        ...opts,
        onFinished: (id) => this.finished.emit('finished', id),
      }).start();
    }
    return this.worker;
  }

  async stopWorker(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    await w?.stop();
  }
}
