// The SQL of the jobs table: queue, claim (one process per job: FOR UPDATE SKIP LOCKED), progress,
// outcome, recovery after a restart, and what a user may read of their own jobs.
import type { JobError, JobProgress, JobStatus, JobView } from '@griddesk/shared';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../db/schema';
import type { JobTable } from '../../db/schema-jobs';
import type { Actor } from '../../org/actor';
import { INTERRUPTED, TOO_MANY_ATTEMPTS } from './errors';

export type JobRow = Selectable<JobTable>;

export interface NewJob {
  kind: string;
  params: unknown;
  actor: Actor | null;
  stationIds: readonly number[];
  resumable: boolean;
  now: Date;
}

/** Queues a job with whatever executor is given: inside the caller's transaction when there is one. */
export async function enqueueJob(executor: Kysely<DB>, job: NewJob): Promise<number> {
  const row = await executor
    .insertInto('jobs')
    .values({
      kind: job.kind,
      params: JSON.stringify(job.params ?? {}),
      created_by: job.actor?.id ?? null,
      actor: job.actor ? JSON.stringify(job.actor) : null,
      station_ids: [...job.stationIds],
      resumable: job.resumable,
      created_at: job.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Takes the oldest queued job of the given kinds, or none; two processes never take the same one. */
export async function claimNextJob(db: Kysely<DB>, kinds: readonly string[], now: Date): Promise<JobRow | undefined> {
  if (!kinds.length) return undefined;
  return db
    .updateTable('jobs')
    .set((eb) => ({ status: 'running', started_at: now, heartbeat_at: sql`now()`, attempts: eb('attempts', '+', 1), progress: null }))
    .where('id', '=', (eb) =>
      eb.selectFrom('jobs').select('id').where('status', '=', 'queued').where('kind', 'in', kinds).orderBy('id').limit(1).forUpdate().skipLocked(),
    )
    .where('status', '=', 'queued')
    .returningAll()
    .executeTakeFirst();
}

export async function saveProgress(db: Kysely<DB>, id: number, p: JobProgress): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ progress: JSON.stringify(p), heartbeat_at: sql`now()` })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

export async function heartbeat(db: Kysely<DB>, id: number): Promise<void> {
  await db.updateTable('jobs').set({ heartbeat_at: sql`now()` }).where('id', '=', id).where('status', '=', 'running').execute();
}

export async function finishJob(db: Kysely<DB>, id: number, result: unknown, progress: JobProgress | null, now: Date): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'succeeded', result: JSON.stringify(result ?? null), progress: progress ? JSON.stringify(progress) : null, finished_at: now })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

export async function failJob(db: Kysely<DB>, id: number, error: JobError, now: Date): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'failed', error: JSON.stringify(error), finished_at: now })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .execute();
}

/** Puts a job back in the queue (the server stopped while it ran and it can start again). */
export async function requeueJob(db: Kysely<DB>, id: number): Promise<void> {
  await db.updateTable('jobs').set({ status: 'queued', heartbeat_at: null, started_at: null }).where('id', '=', id).where('status', '=', 'running').execute();
}

export interface Recovered {
  requeued: number[];
  failed: number[];
}

/**
 * Jobs left running by a process that is gone: queued again when they can resume (up to
 * `maxAttempts` starts), otherwise failed with the bilingual "interrupted by a restart". With
 * one process (PGlite) every running job at start is such a job (`staleAfterMs: 0`); with several
 * (PostgreSQL) only those whose heartbeat stopped.
 */
export async function recoverInterruptedJobs(db: Kysely<DB>, opts: { staleAfterMs: number; now: Date; maxAttempts?: number }): Promise<Recovered> {
  const maxAttempts = opts.maxAttempts ?? 3;
  const stale = sql<boolean>`(heartbeat_at is null or heartbeat_at <= now() - ${`${Math.max(0, Math.round(opts.staleAfterMs))} milliseconds`}::interval)`;
  return db.transaction().execute(async (tx) => {
    const requeued = await tx
      .updateTable('jobs')
      .set({ status: 'queued', heartbeat_at: null, started_at: null })
      .where('status', '=', 'running')
      .where('resumable', '=', true)
      .where('attempts', '<', maxAttempts)
      .where(stale)
      .returning('id')
      .execute();
    const failed = [];
    for (const [resumable, error] of [
      [false, INTERRUPTED],
      [true, TOO_MANY_ATTEMPTS],
    ] as const) {
      const rows = await tx
        .updateTable('jobs')
        .set({ status: 'failed', finished_at: opts.now, error: JSON.stringify(error) })
        .where('status', '=', 'running')
        .where('resumable', '=', resumable)
        .where(stale)
        .returning('id')
        .execute();
      failed.push(...rows);
    }
    return { requeued: requeued.map((r) => r.id), failed: failed.map((r) => r.id) };
  });
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function presentJob(j: JobRow): JobView {
  return {
    id: j.id,
    kind: j.kind,
    status: j.status as JobStatus,
    progress: (j.progress as JobProgress | null) ?? null,
    result: j.result ?? null,
    error: (j.error as JobError | null) ?? null,
    createdAt: iso(j.created_at)!,
    startedAt: iso(j.started_at),
    finishedAt: iso(j.finished_at),
  };
}

/** A job of this user's, or undefined (another's job is not theirs to see). */
export async function findJobFor(db: Kysely<DB>, id: number, userId: number): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).where('created_by', '=', userId).executeTakeFirst();
}

export async function listJobsFor(db: Kysely<DB>, userId: number, filter: { kind?: string | undefined }, limit: number, offset: number) {
  let q = db.selectFrom('jobs').where('created_by', '=', userId);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(presentJob), total: Number(total.n) };
}
