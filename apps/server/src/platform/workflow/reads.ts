// Reads of the projection (R-CASE-05): what falls due soon, what is overdue, and the stored clocks
// of a page of subjects — each an index range, never a recomputation.
import { effectiveDue } from '@griddesk/domain';
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/schema';
import type { WorkflowClockTable } from '../../db/schema-workflow';

export type ClockRow = Selectable<WorkflowClockTable>;

export interface RangeQuery {
  kind: string;
  /** stations in the reader's scope; omitted = all (the system) */
  stationIds?: readonly number[];
  limit?: number;
}

/** Running clocks falling due in [from, to), soonest first (paused clocks are not running). */
export function dueBetween(db: Kysely<DB>, q: RangeQuery & { from: Date; to: Date }) {
  let s = db
    .selectFrom('workflow_clocks')
    .selectAll()
    .where('subject_kind', '=', q.kind)
    .where('open', '=', true)
    .where('met_at', 'is', null)
    .where('paused', '=', false)
    .where('due_at', '>=', q.from)
    .where('due_at', '<', q.to);
  if (q.stationIds) s = s.where('station_id', 'in', q.stationIds.length ? [...q.stationIds] : [-1]);
  return s.orderBy('due_at').limit(q.limit ?? 100);
}

/** Running clocks past their deadline at `now`, the most overdue first. */
export function overdueAt(db: Kysely<DB>, q: RangeQuery & { now: Date }) {
  let s = db
    .selectFrom('workflow_clocks')
    .selectAll()
    .where('subject_kind', '=', q.kind)
    .where('open', '=', true)
    .where('met_at', 'is', null)
    .where('paused', '=', false)
    .where('due_at', '<', q.now);
  if (q.stationIds) s = s.where('station_id', 'in', q.stationIds.length ? [...q.stationIds] : [-1]);
  return s.orderBy('due_at').limit(q.limit ?? 100);
}

/** The stored clocks of these subjects, by subject id. */
export async function clocksOf(db: Kysely<DB>, kind: string, ids: readonly number[]): Promise<Map<number, ClockRow[]>> {
  const rows = ids.length
    ? await db
        .selectFrom('workflow_clocks')
        .selectAll()
        .where('subject_kind', '=', kind)
        .where('subject_id', 'in', [...ids])
        .execute()
    : [];
  const out = new Map<number, ClockRow[]>();
  for (const r of rows) out.set(r.subject_id, [...(out.get(r.subject_id) ?? []), r]);
  return out;
}

/** A stored clock as a reader sees it at `now`: the deadline of a paused clock moves on. */
export function clockAt(r: ClockRow, now: Date) {
  const dueAt = effectiveDue({ dueAt: r.due_at, paused: r.paused, pausedSince: r.paused_since }, now);
  return { rule: r.rule, dueAt, metAt: r.met_at, breached: r.met_at && dueAt ? r.met_at > dueAt : dueAt !== null && now > dueAt };
}
