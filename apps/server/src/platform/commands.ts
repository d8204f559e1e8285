// Commands (Outline's `server/commands`): the one way a write that matters reaches the database.
// A command checks the permission and the org scope first, opens a transaction, hands its body a
// handle typed as a transaction (a repo function that takes `Tx` cannot be given the outer
// database), writes the audit row and queues outbox messages inside that transaction, and turns
// constraint violations into 409/422 instead of 500.
import type { Permission } from '@griddesk/shared';
import type { Kysely, Transaction } from 'kysely';
import { type AuditActor, type AuditEntry, auditActor, writeAudit } from '../audit/write';
import type { DB } from '../db/schema';
import { AppError, errors } from '../errors';
import { enqueue, type NewNotification } from '../notify/outbox';
import type { Actor } from '../org/actor';
import { dbErrorToAppError } from './db-errors';

/** A transaction handle: what repo functions called inside a command take. */
export type Tx = Transaction<DB>;

/** Who runs a command and when: the signed-in actor (or the system) and the request's instant. */
export interface CommandContext {
  db: Kysely<DB>;
  /** null: the system on its own behalf (scans, jobs started at boot, the demo) */
  actor: Actor | null;
  now: Date;
  requestId?: string | undefined;
}

export interface CommandOptions {
  /** what the actor must hold; checked before anything is read */
  permission?: Permission;
  /** the stations the records written belong to: each must be in the actor's scope */
  stationIds?: readonly number[];
}

export interface CommandScope {
  tx: Tx;
  now: Date;
  actor: Actor | null;
  /** the audit row of this change, written in the same transaction */
  audit(entry: AuditEntry): Promise<void>;
  /** a notification queued in the same transaction: it is sent only if the change commits */
  notify(n: NewNotification): Promise<number | null>;
}

/** The actor must hold `permission` (403) and every station must be in their scope (404: not theirs to see). */
export function authorize(actor: Actor | null, opts: CommandOptions): void {
  if (!actor) return;
  if (opts.permission && !actor.permissions.includes(opts.permission)) throw errors.forbidden();
  for (const s of opts.stationIds ?? []) {
    if (!actor.stationIds.includes(s)) throw errors.notFound({ zh: '记录', en: 'Record' });
  }
}

export async function runCommand<T>(ctx: CommandContext, opts: CommandOptions, body: (c: CommandScope) => Promise<T>): Promise<T> {
  authorize(ctx.actor, opts);
  const who: AuditActor = auditActor(ctx.actor);
  try {
    return await ctx.db.transaction().execute((tx) =>
      body({
        tx,
        now: ctx.now,
        actor: ctx.actor,
        audit: (entry) => writeAudit(tx, who, { requestId: ctx.requestId ?? null, ...entry }),
        notify: (n) => enqueue(tx, n),
      }),
    );
  } catch (e) {
    if (e instanceof AppError) throw e;
    const mapped = dbErrorToAppError(e);
    if (mapped) throw mapped;
    throw e;
  }
}

/**
 * A command that is one statement (data-modifying CTEs writing the record, its audit row and its
 * notices together) is atomic on its own: it runs without BEGIN and COMMIT, two round trips fewer
 * on the busiest writes. Permission, scope and error mapping are those of runCommand.
 */
export async function runStatement<T>(ctx: CommandContext, opts: CommandOptions, statement: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  authorize(ctx.actor, opts);
  try {
    return await statement(ctx.db);
  } catch (e) {
    if (e instanceof AppError) throw e;
    const mapped = dbErrorToAppError(e);
    if (mapped) throw mapped;
    throw e;
  }
}

/** The command context of a request: its actor, its instant and its id. */
export function commandContext(db: Kysely<DB>, req: { actor: Actor | null; now: Date; id?: string | undefined }): CommandContext {
  return { db, actor: req.actor, now: req.now, requestId: req.id };
}
