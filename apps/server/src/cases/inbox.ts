// The case inbox and overdue lists read the workflow projection (R-CASE-05). Three segments, paged
// as one list: open cases with a running clock, in the order of the deadline that leads them
// (the projection's `lead` rows, walked through their index); then open cases without a running
// clock (none, not started, or paused), newest first; then closed ones, newest first.
// Overdue means a running deadline has passed, or a clock was already overdue when it was paused.
import { OPEN_STATUSES } from '@griddesk/domain';
import type { CaseStatus } from '@griddesk/shared';
import { type ExpressionBuilder, type Kysely, sql, type SqlBool } from 'kysely';
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

type CaseEB = ExpressionBuilder<DB & { c: DB['cases'] }, 'c'>;

/** The filters on the case itself, common to every segment. */
function caseFilter(q: InboxQuery, statuses: readonly CaseStatus[]) {
  return (eb: CaseEB) => {
    const parts = [
      eb('c.station_id', 'in', q.stationIds.length ? [...q.stationIds] : [-1]),
      eb('c.status', 'in', statuses.length ? [...statuses] : (['-'] as never[])),
    ];
    if (q.type) parts.push(eb('c.type', '=', q.type as never));
    if (q.involving !== undefined) parts.push(eb.or([eb('c.owner_id', '=', q.involving), eb('c.assignee_id', '=', q.involving)]));
    return eb.and(parts);
  };
}

/** a clock overdue when its pause began stays overdue while paused */
const pausedOverdue = sql<SqlBool>`exists (select 1 from workflow_clocks p where p.subject_kind = 'case' and p.subject_id = c.id
  and p.paused and p.met_at is null and p.due_at < p.paused_since)`;
const hasLead = sql<SqlBool>`exists (select 1 from workflow_clocks l where l.subject_kind = 'case' and l.subject_id = c.id and l.lead)`;

function segments(db: Kysely<DB>, q: InboxQuery) {
  const open = q.statuses.filter((s) => OPEN_STATUSES.includes(s));
  const closed = q.statuses.filter((s) => !OPEN_STATUSES.includes(s));
  let running = db
    .selectFrom('workflow_clocks as w')
    .innerJoin('cases as c', 'c.id', 'w.subject_id')
    .where('w.subject_kind', '=', 'case')
    .where('w.lead', '=', true)
    .where(caseFilter(q, open));
  if (q.overdue === true) running = running.where('w.due_at', '<', q.now);
  if (q.overdue === false) running = running.where('w.due_at', '>=', q.now);
  let idle = db.selectFrom('cases as c').where(caseFilter(q, open)).where(sql<SqlBool>`not ${hasLead}`);
  if (q.overdue === true) idle = idle.where(pausedOverdue);
  if (q.overdue === false) idle = idle.where(sql<SqlBool>`not ${pausedOverdue}`);
  const done = q.overdue === true ? null : db.selectFrom('cases as c').where(caseFilter(q, closed));
  return { running, idle, done: done && closed.length > 0 ? done : null };
}

type Segment = ReturnType<typeof segments>['running'] | ReturnType<typeof segments>['idle'];

async function size(seg: Segment): Promise<number> {
  const r = await (seg as ReturnType<typeof segments>['idle']).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/**
 * One page of the inbox (case ids in order) and the total. A segment is counted only when the
 * page starts beyond it; without a filter on lateness the total is one count of the cases.
 */
export async function inboxPage(db: Kysely<DB>, q: InboxQuery): Promise<{ ids: number[]; total: number }> {
  const { running, idle, done } = segments(db, q);
  const pages: [Segment | null, (s: Segment) => Promise<{ id: number }[]>][] = [
    [
      running,
      (s) =>
        (s as typeof running).select('c.id').orderBy('w.due_at').orderBy('c.received_at', 'desc').orderBy('c.id', 'desc').limit(want).offset(offset).execute(),
    ],
    [idle, (s) => (s as typeof idle).select('c.id').orderBy('c.received_at', 'desc').orderBy('c.id', 'desc').limit(want).offset(offset).execute()],
    [done, (s) => (s as typeof idle).select('c.id').orderBy('c.received_at', 'desc').orderBy('c.id', 'desc').limit(want).offset(offset).execute()],
  ];
  const ids: number[] = [];
  const sizes: (number | null)[] = [];
  let offset = q.offset;
  let want = q.limit;
  for (const [seg, page] of pages) {
    if (!seg) {
      sizes.push(0);
      continue;
    }
    if (want === 0) {
      sizes.push(null);
      continue;
    }
    const rows = await page(seg);
    ids.push(...rows.map((r) => r.id));
    want -= rows.length;
    // a segment that ends inside the page has its size known; one the page starts beyond is counted
    const n = rows.length > 0 && want > 0 ? offset + rows.length : rows.length === 0 ? await size(seg) : null;
    sizes.push(n);
    if (n !== null) offset = Math.max(0, offset - n);
  }
  let total: number;
  if (q.overdue === undefined) {
    const r = await db
      .selectFrom('cases as c')
      .where(caseFilter(q, q.statuses))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    total = Number(r?.n ?? 0);
  } else {
    const segs = [running, idle, done];
    total = 0;
    for (const [i, n] of sizes.entries()) total += n ?? (segs[i] ? await size(segs[i]!) : 0);
  }
  return { ids, total };
}
