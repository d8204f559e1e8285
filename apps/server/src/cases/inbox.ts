// The case inbox and overdue lists read the workflow projection (R-CASE-05): open cases sorted by
// the nearest unmet deadline (a paused clock's deadline moves on with time), then open cases
// without a running clock, then closed ones newest first — paged in SQL, the deadline of each
// case found through the projection's primary key, never recomputed.
import { sql, type Kysely, type SqlBool } from 'kysely';
import { OPEN_STATUSES } from '@griddesk/domain';
import type { CaseStatus } from '@griddesk/shared';
import type { DB } from '../db/schema';

export interface InboxQuery {
  stationIds: readonly number[];
  statuses: readonly CaseStatus[];
  type?: string | undefined;
  /** owned by or assigned to this user */
  involving?: number | undefined;
  overdue?: boolean | undefined;
  limit: number;
  offset: number;
  now: Date;
}

function filtered(db: Kysely<DB>, q: InboxQuery) {
  const open = sql<SqlBool>`c.status in (${sql.join(OPEN_STATUSES)})`;
  const nextDue = sql<Date | null>`(select min(case when w.paused then w.due_at + (${q.now}::timestamptz - w.paused_since) else w.due_at end)
    from workflow_clocks w where w.subject_kind = 'case' and w.subject_id = c.id and w.met_at is null and w.due_at is not null)`;
  let s = db
    .selectFrom('cases as c')
    .where('c.station_id', 'in', q.stationIds.length ? [...q.stationIds] : [-1])
    .where('c.status', 'in', q.statuses.length ? [...q.statuses] : (['-'] as never[]));
  if (q.type) s = s.where('c.type', '=', q.type as never);
  if (q.involving !== undefined) s = s.where((eb) => eb.or([eb('c.owner_id', '=', q.involving!), eb('c.assignee_id', '=', q.involving!)]));
  if (q.overdue === true) s = s.where(sql<SqlBool>`${open} and ${nextDue} < ${q.now}`);
  if (q.overdue === false) s = s.where(sql<SqlBool>`not (${open} and coalesce(${nextDue} < ${q.now}, false))`);
  return { s, open, nextDue };
}

/** One page of the inbox (case ids in order) and the total. */
export async function inboxPage(db: Kysely<DB>, q: InboxQuery): Promise<{ ids: number[]; total: number }> {
  const { s, open, nextDue } = filtered(db, q);
  const [rows, count] = await Promise.all([
    s
      .select('c.id')
      .orderBy(sql`${open}`, 'desc')
      .orderBy(sql`case when ${open} then ${nextDue} end`, (ob) => ob.asc().nullsLast())
      .orderBy('c.received_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    s.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(count.n) };
}
