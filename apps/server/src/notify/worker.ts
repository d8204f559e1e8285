// Sends due outbox rows (R-OUT-02). What is due is read from the database on every tick, never
// kept in timers, so a restart loses nothing. Rows are claimed with FOR UPDATE SKIP LOCKED, so
// several server processes on one PostgreSQL share the work without sending a row twice; on
// PGlite (one process) the same statement runs unchanged.
import { sql, type Kysely } from 'kysely';
import { maskRecipient } from '@griddesk/domain/notify/recipient';
import type { DB } from '../db/schema';
import { PermanentSendError, type ChannelAdapters, type NotifyLog, type OutgoingMessage } from './channel';

export interface WorkerOptions {
  intervalMs: number;
  /** rows claimed per tick and sent concurrently */
  batch: number;
  log: NotifyLog;
  /** the attempt that fails with this count marks the row failed */
  maxAttempts?: number;
  /** retry n waits retryBaseMs·2^(n−1), capped at retryMaxMs */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** an adapter call still open after this long counts as failed */
  sendTimeoutMs?: number;
  /** a row left in 'sending' this long (its process died) goes back to pending */
  claimTimeoutMs?: number;
}

export interface NotificationWorker {
  /** Runs one round now (after any round in progress); resolves to the number of rows attempted. */
  tick(): Promise<number>;
  /** Stops the timer and waits for the round in progress. */
  stop(): Promise<void>;
}

const DEFAULTS = {
  maxAttempts: 6,
  retryBaseMs: 60_000,
  retryMaxMs: 6 * 3600_000,
  sendTimeoutMs: 60_000,
  claimTimeoutMs: 5 * 60_000,
};
type Settings = Required<Omit<WorkerOptions, 'log' | 'intervalMs'>>;

const afterMs = (ms: number) => sql<Date>`now() + ${ms}::double precision * interval '1 millisecond'`;

function withTimeout(p: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the channel within ${ms} ms`)), ms);
  });
  return Promise.race([p, expired]).finally(() => clearTimeout(timer));
}

/** Rows whose sending process died come back; one whose crash used its last attempt fails. */
async function recoverStuck(db: Kysely<DB>, s: Settings): Promise<void> {
  await db
    .updateTable('notifications')
    .set((eb) => ({
      status: eb
        .case()
        .when('attempts', '>=', s.maxAttempts)
        .then('failed' as const)
        .else('pending' as const)
        .end(),
      last_error: 'interrupted while sending (claim timed out)',
    }))
    .where('status', '=', 'sending')
    .where('next_attempt_at', '<=', sql<Date>`now()`)
    .execute();
}

/** Marks due rows 'sending' and counts the attempt; next_attempt_at becomes the claim's expiry. */
async function claim(db: Kysely<DB>, s: Settings): Promise<(OutgoingMessage & { attempts: number })[]> {
  return db
    .updateTable('notifications')
    .set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1), next_attempt_at: afterMs(s.claimTimeoutMs) }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('notifications')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', sql<Date>`now()`)
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(s.batch)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'channel', 'recipient', 'template', 'subject', 'body', 'attempts'])
    .execute();
}

async function deliver(db: Kysely<DB>, adapters: ChannelAdapters, s: Settings, log: NotifyLog, m: OutgoingMessage & { attempts: number }) {
  const adapter = adapters[m.channel];
  // `attempts` doubles as a fencing token: only the claim that made this attempt may record it.
  const mine = db.updateTable('notifications').where('id', '=', m.id).where('status', '=', 'sending').where('attempts', '=', m.attempts);
  const ctx = { notification: m.id, channel: m.channel, via: adapter.name, to: maskRecipient(m.recipient), template: m.template, attempt: m.attempts };
  try {
    await withTimeout(adapter.send(m), s.sendTimeoutMs);
    await mine.set({ status: 'sent', sent_at: sql<Date>`now()`, last_error: null }).execute();
    log.info(ctx, 'notification sent');
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    const final = e instanceof PermanentSendError || m.attempts >= s.maxAttempts;
    const retryMs = Math.min(s.retryMaxMs, s.retryBaseMs * 2 ** (m.attempts - 1));
    await mine.set(final ? { status: 'failed', last_error: error } : { status: 'pending', last_error: error, next_attempt_at: afterMs(retryMs) }).execute();
    log.warn({ ...ctx, error, ...(final ? {} : { retryInMs: retryMs }) }, final ? 'notification failed for good' : 'notification attempt failed; will retry');
  }
}

export function startNotificationWorker(db: Kysely<DB>, adapters: ChannelAdapters, opts: WorkerOptions): NotificationWorker {
  const { log, intervalMs } = opts;
  const s: Settings = {
    batch: opts.batch,
    maxAttempts: opts.maxAttempts ?? DEFAULTS.maxAttempts,
    retryBaseMs: opts.retryBaseMs ?? DEFAULTS.retryBaseMs,
    retryMaxMs: opts.retryMaxMs ?? DEFAULTS.retryMaxMs,
    sendTimeoutMs: opts.sendTimeoutMs ?? DEFAULTS.sendTimeoutMs,
    claimTimeoutMs: opts.claimTimeoutMs ?? DEFAULTS.claimTimeoutMs,
  };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  // Rounds run one after another, so a manual tick() never overlaps the timer's.
  let chain: Promise<unknown> = Promise.resolve();

  async function round(): Promise<number> {
    await recoverStuck(db, s);
    const due = await claim(db, s);
    await Promise.all(due.map((m) => deliver(db, adapters, s, log, m)));
    return due.length;
  }

  function tick(): Promise<number> {
    if (stopped) return Promise.reject(new Error('the notification worker is stopped'));
    const run = chain.then(round);
    chain = run.catch(() => undefined);
    return run;
  }

  function schedule(delayMs: number): void {
    if (stopped) return;
    timer = setTimeout(loop, delayMs);
    // The worker alone must not keep the process alive.
    timer.unref();
  }

  async function loop(): Promise<void> {
    let attempted = 0;
    try {
      attempted = await tick();
    } catch (e) {
      if (stopped) return;
      log.error({ err: e }, 'notification worker round failed; will try again');
    }
    // A full batch means a backlog: go on at once instead of waiting out the interval.
    schedule(attempted >= s.batch ? 0 : intervalMs);
  }

  schedule(intervalMs);
  return {
    tick,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await chain;
    },
  };
}
