// A running job's progress: kept in memory at every call, written to its row at most four times a
// second and at every change of phase. Each call is also where a job gives way: it ends the job
// when the server is stopping, and lets the event loop take a turn when the job has held it
// for more than a few milliseconds, so chunked work never keeps requests waiting.
import type { JobProgress } from '@griddesk/shared';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { JobInterrupted } from './errors';
import { saveProgress } from './repo';

const WRITE_EVERY_MS = 250;
const YIELD_AFTER_MS = 8;

export class ProgressReporter {
  private latest: JobProgress | null = null;
  private lastWrite = Number.NEGATIVE_INFINITY;
  private lastPhase: string | null = null;
  private lastYield = performance.now();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly jobId: number,
    private readonly signal: AbortSignal,
  ) {}

  async report(done: number, total: number, phase: string): Promise<void> {
    if (this.signal.aborted) throw new JobInterrupted();
    this.latest = { done, total, phase };
    const now = performance.now();
    if (phase !== this.lastPhase || now - this.lastWrite >= WRITE_EVERY_MS) {
      this.lastPhase = phase;
      this.lastWrite = now;
      await saveProgress(this.db, this.jobId, this.latest);
      this.lastYield = performance.now();
    } else if (now - this.lastYield >= YIELD_AFTER_MS) {
      await yieldToLoop();
      this.lastYield = performance.now();
    }
    if (this.signal.aborted) throw new JobInterrupted();
  }

  /** the progress of a finished job: all done */
  final(): JobProgress {
    const total = this.latest?.total ?? 0;
    return { done: total, total, phase: 'done' };
  }
}
