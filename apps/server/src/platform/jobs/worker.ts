// The job worker of a server process: takes queued jobs one at a time (claimNextJob: FOR UPDATE
// SKIP LOCKED, so several processes on PostgreSQL never take the same job), runs each in the
// background priority (db/priority.ts) as the actor who started it, and records the result or
// the error. It wakes when a job is queued in this process, and polls for jobs queued by others.
// Stopping ends the job in progress at its next progress() call: queued again if it can resume,
// otherwise failed as interrupted.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { inBackground } from '../../db/priority';
import { errors } from '../../errors';
import type { Actor } from '../../org/actor';
import type { Clock } from '../clock';
import { INTERRUPTED, JobInterrupted, UNKNOWN_KIND, toJobError } from './errors';
import { dropInput, purgeOldJobFiles, readWholeJobFile, writeJobFile } from './files';
import type { JobContext, JobLog, JobRegistry } from './kind';
import { ProgressReporter } from './progress';
import { claimNextJob, failJob, finishJob, heartbeat, type JobRow, recoverInterruptedJobs, requeueJob } from './repo';

export interface JobWorkerOptions {
  log: JobLog;
  /** how often to look for jobs queued by other processes (ms) */
  pollMs?: number;
  /** a running job whose heartbeat is older than this was interrupted (ms) */
  staleAfterMs?: number;
  heartbeatMs?: number;
  /** how often to look for interrupted jobs of other processes (ms) */
  recoverEveryMs?: number;
  /** an export's file is kept this many days after its job finished (default 7) */
  keepFilesDays?: number;
  /** told when a job has succeeded or failed (Jobs.waitFor) */
  onFinished?: (jobId: number) => void;
}

export class JobWorker {
  private stopping = false;
  private readonly abort = new AbortController();
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private woken = false;
  /** the job being run, if any */
  current: number | null = null;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly registry: JobRegistry,
    private readonly clock: Clock,
    private readonly opts: JobWorkerOptions,
  ) {}

  start(): this {
    if (!this.loop) this.loop = inBackground(() => this.run());
    return this;
  }

  /** a job was queued: look now rather than at the next poll */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    this.wake();
    await this.loop;
  }

  private idle(ms: number): Promise<void> {
    if (this.woken || this.stopping) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    }).then(() => {
      this.wakeUp = null;
    });
  }

  private async run(): Promise<void> {
    const pollMs = this.opts.pollMs ?? 1000;
    const recoverEveryMs = this.opts.recoverEveryMs ?? 60_000;
    let lastRecovery = Date.now();
    while (!this.stopping) {
      this.woken = false;
      try {
        if (Date.now() - lastRecovery >= recoverEveryMs) {
          lastRecovery = Date.now();
          const r = await recoverInterruptedJobs(this.db, { staleAfterMs: this.opts.staleAfterMs ?? 60_000, now: this.clock.now() });
          if (r.requeued.length || r.failed.length) this.opts.log.warn({ ...r }, 'jobs: interrupted jobs recovered');
          const purged = await purgeOldJobFiles(this.db, this.opts.keepFilesDays ?? 7, this.clock.now());
          if (purged) this.opts.log.info({ parts: purged }, 'jobs: old job files removed');
        }
        const job = await claimNextJob(this.db, this.registry.names(), this.clock.now());
        if (job) {
          await this.runJob(job);
          continue;
        }
      } catch (err) {
        this.opts.log.error({ err }, 'jobs: the worker loop failed; trying again');
      }
      await this.idle(pollMs);
    }
  }

  private async runJob(job: JobRow): Promise<void> {
    const kind = this.registry.get(job.kind);
    const now = this.clock.now();
    if (!kind) {
      await failJob(this.db, job.id, UNKNOWN_KIND(job.kind), now);
      return;
    }
    this.current = job.id;
    const progress = new ProgressReporter(this.db, job.id, this.abort.signal);
    const beat = setInterval(() => {
      heartbeat(this.db, job.id).catch(() => {});
    }, this.opts.heartbeatMs ?? 10_000);
    beat.unref();
    const actor = (job.actor as Actor | null) ?? null;
    const ctx: JobContext = {
      jobId: job.id,
      db: this.db,
      now,
      actor,
      progress: (done, total, phase) => progress.report(done, total, phase),
      signal: this.abort.signal,
      readInput: () => readWholeJobFile(this.db, job.id, 'input'),
      writeOutput: (chunks) => writeJobFile(this.db, job.id, 'output', chunks),
      log: this.opts.log,
    };
    const started = performance.now();
    try {
      if (actor && !actor.permissions.includes(kind.permission)) throw errors.forbidden();
      const result = await kind.run(ctx, job.params as never);
      await finishJob(this.db, job.id, result, progress.final(), this.clock.now());
      this.opts.log.info({ jobId: job.id, kind: job.kind, ms: Math.round(performance.now() - started) }, 'jobs: job succeeded');
    } catch (err) {
      if (err instanceof JobInterrupted) {
        if (kind.resumable) await requeueJob(this.db, job.id);
        else await failJob(this.db, job.id, INTERRUPTED, this.clock.now());
        this.opts.log.warn({ jobId: job.id, kind: job.kind, requeued: kind.resumable }, 'jobs: job interrupted by the server stopping');
      } else {
        const error = toJobError(err);
        if (error.code === 'internal') this.opts.log.error({ err, jobId: job.id, kind: job.kind }, 'jobs: job failed');
        await failJob(this.db, job.id, error, this.clock.now());
      }
    } finally {
      clearInterval(beat);
      this.current = null;
    }
    // a job queued again keeps its upload; a finished one no longer needs it
    if ((await this.db.selectFrom('jobs').select('status').where('id', '=', job.id).executeTakeFirst())?.status !== 'queued') {
      await dropInput(this.db, job.id).catch((err) => this.opts.log.warn({ err, jobId: job.id }, 'jobs: could not remove the upload'));
    }
    this.opts.onFinished?.(job.id);
  }
}
