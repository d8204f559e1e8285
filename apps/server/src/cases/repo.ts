// Case reads: a case with its timeline, and the profile version and calendar its clocks need.
import type { ExpressionBuilder, Kysely } from 'kysely';
import { caseClocks, type CommitmentProfile, type WorkflowClock } from '@griddesk/domain';
import type { CaseAction } from '@griddesk/shared';
import type { DB } from '../db/schema';
import { policyView, type PolicyView } from '../platform/workflow';

export type CaseRow = Awaited<ReturnType<typeof loadCaseRows>>[number];
export type EventRow = { case_id: number; action: string; at: Date; actor_name: string; from_status: string | null; to_status: string; detail: unknown };

export interface CaseFilter {
  ids?: number[];
  stationIds?: number[];
  queryCode?: string;
  statuses?: readonly string[];
  type?: string;
  /** owned by or assigned to this user */
  involving?: number;
}

type CaseEB = ExpressionBuilder<DB & { c: DB['cases'] }, 'c'>;

function caseWhere(where: CaseFilter) {
  return (eb: CaseEB) => {
    const parts = [];
    if (where.ids) parts.push(eb('c.id', 'in', where.ids.length ? where.ids : [-1]));
    if (where.stationIds) parts.push(eb('c.station_id', 'in', where.stationIds.length ? where.stationIds : [-1]));
    if (where.queryCode) parts.push(eb('c.query_code', '=', where.queryCode));
    if (where.statuses) parts.push(eb('c.status', 'in', (where.statuses.length ? where.statuses : ['-']) as never[]));
    if (where.type) parts.push(eb('c.type', '=', where.type as never));
    if (where.involving !== undefined) parts.push(eb.or([eb('c.owner_id', '=', where.involving), eb('c.assignee_id', '=', where.involving)]));
    return eb.and(parts);
  };
}

export function loadCaseRows(db: Kysely<DB>, where: CaseFilter, page?: { limit: number; offset: number }) {
  let q = db
    .selectFrom('cases as c')
    .leftJoin('users as o', 'o.id', 'c.owner_id')
    .leftJoin('users as a', 'a.id', 'c.assignee_id')
    .leftJoin('org_units as t', 't.id', 'c.team_id')
    .leftJoin('customers as cu', 'cu.id', 'c.customer_id')
    .selectAll('c')
    .select(['o.display_name as owner_name', 'a.display_name as assignee_name', 't.name as team_name', 'cu.account_no as account_no']);
  q = q.where(caseWhere(where)).orderBy('c.received_at', 'desc').orderBy('c.id', 'desc');
  if (page) q = q.limit(page.limit).offset(page.offset);
  return q.execute();
}

export async function countCases(db: Kysely<DB>, where: CaseFilter): Promise<number> {
  const row = await db
    .selectFrom('cases as c')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(caseWhere(where))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function loadEvents(db: Kysely<DB>, caseIds: number[]): Promise<Map<number, EventRow[]>> {
  const rows = caseIds.length
    ? await db
        .selectFrom('case_events')
        .select(['case_id', 'action', 'at', 'actor_name', 'from_status', 'to_status', 'detail'])
        .where('case_id', 'in', caseIds)
        .orderBy('at')
        .orderBy('id')
        .execute()
    : [];
  const out = new Map<number, EventRow[]>();
  for (const r of rows) out.set(r.case_id, [...(out.get(r.case_id) ?? []), r]);
  return out;
}

/** The facts of a case its clocks are computed from. */
export function caseHistory(row: Pick<CaseRow, 'received_at' | 'fee_paid_at' | 'service_area'>, events: readonly Pick<EventRow, 'action' | 'at'>[]) {
  return {
    openedAt: row.received_at,
    marks: { fee_paid: row.fee_paid_at },
    events: events.map((e) => ({ action: e.action, at: e.at })),
    area: row.service_area,
  };
}

/** Clocks of cases recomputed by the pure function (one case's detail); profiles and calendar come from the cache. */
export class ClockContext {
  private policy: Promise<PolicyView> | undefined;
  constructor(
    private readonly db: Kysely<DB>,
    readonly now: Date,
  ) {}

  async clocks(row: CaseRow, events: readonly EventRow[]): Promise<{ profile: CommitmentProfile; clocks: WorkflowClock[] }> {
    this.policy ??= policyView(this.db);
    const policy = await this.policy;
    const profile = await policy.profile(row.profile_id, row.profile_version);
    const h = caseHistory(row, events);
    const clocks = caseClocks(
      profile,
      policy.calendar,
      {
        type: row.type,
        faultClass: row.fault_class,
        area: h.area,
        receivedAt: h.openedAt,
        feePaidAt: h.marks.fee_paid,
        events: h.events.map((e) => ({ action: e.action as CaseAction, at: e.at })),
      },
      this.now,
    );
    return { profile, clocks };
  }
}
