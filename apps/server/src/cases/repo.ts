// Case reads: a case with its timeline, and the profile version and calendar its clocks need.
import type { ExpressionBuilder, Kysely } from 'kysely';
import { caseClocks, type Calendar, type ClockState, type CommitmentProfile } from '@griddesk/domain';
import type { CaseAction } from '@griddesk/shared';
import type { DB } from '../db/schema';
import { loadCalendar, profileVersion } from '../policy/repo';

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

/** Profiles by 'id@version', loaded once per request. */
export class ClockContext {
  private readonly profiles = new Map<string, Promise<CommitmentProfile | undefined>>();
  private calendar: Promise<Calendar> | undefined;
  constructor(
    private readonly db: Kysely<DB>,
    readonly now: Date = new Date(),
  ) {}

  profile(id: string, version: number): Promise<CommitmentProfile | undefined> {
    const key = `${id}@${version}`;
    if (!this.profiles.has(key)) this.profiles.set(key, profileVersion(this.db, id, version));
    return this.profiles.get(key)!;
  }
  cal(): Promise<Calendar> {
    this.calendar ??= loadCalendar(this.db);
    return this.calendar;
  }
  async clocks(row: CaseRow, events: readonly EventRow[]): Promise<{ profile: CommitmentProfile; clocks: ClockState[] }> {
    const profile = await this.profile(row.profile_id, row.profile_version);
    if (!profile) throw new Error(`case ${row.id}: profile ${row.profile_id}@${row.profile_version} is missing`);
    const clocks = caseClocks(
      profile,
      await this.cal(),
      {
        type: row.type,
        faultClass: row.fault_class,
        area: row.service_area,
        receivedAt: row.received_at,
        feePaidAt: row.fee_paid_at,
        events: events.map((e) => ({ action: e.action as CaseAction, at: e.at })),
      },
      this.now,
    );
    return { profile, clocks };
  }
}
