// Registering a case writes five things in one transaction: the case, its register event, its
// audit row, its clock rows and the customer's notice (R-CASE-04, R-SYS-02, R-CASE-08). They are
// written here as one statement of data-modifying CTEs, one round trip instead of six; the values
// are all computed beforehand by the same functions the general path uses. The statement inserts
// nothing when the policy it was computed under is no longer the one in force (the calendar moved
// or another profile was activated in between): the caller then reads the policy again and retries.
import type { ClockProjection } from '@griddesk/domain';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema';
import type { AuditActor } from '../audit/write';
import type { Tx } from '../platform/commands';
import { POLICY_POINTER, type PolicyPointer } from '../platform/workflow';
import type { notificationRow } from '../notify/outbox';

export interface CaseValues {
  query_code: string;
  idempotency_key: string | null;
  channel: string;
  type: string;
  fault_class: string | null;
  service_area: string;
  station_id: number;
  owner_id: number | null;
  profile_id: string;
  profile_version: number;
  customer_id: number | null;
  contact_name: string;
  contact_phone: string | null;
  contact_address: string | null;
  description: string;
  important: boolean;
  received_at: Date;
  fee_paid_at: Date | null;
  now: Date;
}

export interface RegisterStatement {
  policy: PolicyPointer;
  c: CaseValues;
  event: { actor_id: number | null; actor_name: string; detail: unknown };
  audit: { actor: AuditActor; after: unknown; requestId: string | null };
  /** null: written afterwards through the engine (a deadline already missed needs its breach hook) */
  clocks: { rows: ClockProjection[]; open: boolean; lead: number } | null;
  /** `entity_id` and `dedupe_key` are completed with the new id, the station's name put in place of `station_mark`, in SQL */
  notice: (ReturnType<typeof notificationRow> & { dedupe_suffix: string; station_mark: string }) | null;
}

/** The inserted case row, or undefined when the policy moved and nothing was written. */
/** One statement: atomic on its own, so it may run on the outer database as well as in a transaction. */
export async function insertRegisteredCase(tx: Tx | Kysely<DB>, s: RegisterStatement) {
  const { c, policy } = s;
  const parts = [
    sql`guard as (
      select 1 from ${POLICY_POINTER.from}
      where r.instance = ${policy.instance}::uuid and r.revision = ${policy.revision} and p.id = ${policy.id} and p.version = ${policy.version}
    )`,
    sql`c as (
      insert into cases (query_code, idempotency_key, channel, type, fault_class, service_area, station_id, owner_id,
        profile_id, profile_version, customer_id, contact_name, contact_phone, contact_address, description, important,
        received_at, fee_paid_at, created_at, updated_at)
      select ${c.query_code}, ${c.idempotency_key}::text, ${c.channel}, ${c.type}, ${c.fault_class}::text, ${c.service_area}, ${c.station_id}::int,
        ${c.owner_id}::int, ${c.profile_id}, ${c.profile_version}::int, ${c.customer_id}::int, ${c.contact_name}, ${c.contact_phone}::text,
        ${c.contact_address}::text, ${c.description}, ${c.important}::boolean, ${c.received_at}::timestamptz, ${c.fee_paid_at}::timestamptz,
        ${c.now}::timestamptz, ${c.now}::timestamptz
      from guard
      returning *
    )`,
    sql`e as (
      insert into case_events (case_id, action, at, actor_id, actor_name, from_status, to_status, detail)
      select c.id, 'register', c.received_at, ${s.event.actor_id}::int, ${s.event.actor_name}, null, 'received', ${JSON.stringify(s.event.detail)}::jsonb from c
    )`,
    sql`a as (
      insert into audit_log (actor_id, actor_name, org_unit_id, entity, entity_id, action, before, after, request_id)
      select ${s.audit.actor.id}::int, ${s.audit.actor.name}, ${s.audit.actor.orgUnitId}::int, 'case', c.id::text, 'register', null,
        ${JSON.stringify(s.audit.after)}::jsonb, ${s.audit.requestId}::text from c
    )`,
  ];
  if (s.clocks?.rows.length) {
    const r = s.clocks.rows;
    const col = <T>(f: (x: ClockProjection) => T) => r.map(f);
    parts.push(sql`w as (
      insert into workflow_clocks (subject_kind, subject_id, rule, station_id, profile_id, profile_version, started_at, due_at, met_at,
        paused, paused_since, breached, level, next_at, calendar_bound, lead, open, updated_at)
      select 'case', c.id, x.rule, c.station_id, c.profile_id, c.profile_version, x.started_at, x.due_at, x.met_at,
        x.paused, x.paused_since, x.breached, x.level, x.next_at, x.calendar_bound, x.lead, ${s.clocks.open}::boolean, ${c.now}::timestamptz
      from c, unnest(${col((x) => x.rule)}::text[], ${col((x) => x.startedAt)}::timestamptz[], ${col((x) => x.dueAt)}::timestamptz[],
        ${col((x) => x.metAt)}::timestamptz[], ${col((x) => x.paused)}::boolean[], ${col((x) => x.pausedSince)}::timestamptz[],
        ${col((x) => x.breached)}::boolean[], ${col((x) => x.level)}::smallint[], ${col((x) => x.nextAt)}::timestamptz[],
        ${col((x) => x.calendarBound)}::boolean[], ${r.map((_, i) => i === s.clocks!.lead)}::boolean[])
        as x(rule, started_at, due_at, met_at, paused, paused_since, breached, level, next_at, calendar_bound, lead)
    )`);
  }
  if (s.notice) {
    const n = s.notice;
    parts.push(sql`n as (
      insert into notifications (channel, recipient, template, params, subject, body, dedupe_key, entity, entity_id, station_id)
      select ${n.channel}, ${n.recipient}, ${n.template}, replace(${n.params}, ${n.station_mark}, substr(to_json(st.name)::text, 2, length(to_json(st.name)::text) - 2))::jsonb,
        replace(${n.subject}, ${n.station_mark}, st.name), replace(${n.body}, ${n.station_mark}, st.name),
        'case:' || c.id || ${n.dedupe_suffix}, 'case', c.id::text, ${n.station_id}::int
      from c join org_units st on st.id = c.station_id
      on conflict (dedupe_key) do nothing
    )`);
  }
  const { rows } = await sql<Record<string, unknown>>`/* prepared:register-case */ with ${sql.join(parts)} select * from c`.execute(tx);
  return rows[0];
}
