// Cases and their breach records as subject kinds of the clocked-workflow engine (R-CASE-04,
// R-CASE-05, R-CMT-12). A case runs the clocks its profile version names for its type; a breach
// record runs its own feedback clock (the result to the complainant within 10 days by default).
import { caseClockSpecs, CASE_MACHINE, defineMachine, dueAt, findRule, type ClockSpec } from '@griddesk/domain';
import type { CaseType } from '@griddesk/shared';
import { auditActor, writeAudit } from '../audit/write';
import type { Tx } from '../platform/commands';
import { projectSubjects, registerSubjectKind, type Breach, type Subject } from '../platform/workflow';
import { notifyBreach, notifyEscalation } from './notices';
import { caseHistory, loadCaseRows, loadEvents, type CaseRow } from './repo';

export type CaseSubject = Subject<CaseRow>;

export function caseSubject(row: CaseRow, events: readonly { action: string; at: Date }[]): CaseSubject {
  return {
    id: row.id,
    stationId: row.station_id,
    state: row.status,
    profileId: row.profile_id,
    profileVersion: row.profile_version,
    history: caseHistory(row, events),
    row,
  };
}

export const caseKind = registerSubjectKind<CaseRow>({
  kind: 'case',
  machine: CASE_MACHINE,
  clocks: (profile, s) => caseClockSpecs(profile, { type: s.row.type, faultClass: s.row.fault_class }),
  async load(tx, ids) {
    if (!ids.length) return [];
    const [rows, events] = await Promise.all([loadCaseRows(tx, { ids: [...ids] }), loadEvents(tx, [...ids])]);
    return rows.map((r) => caseSubject(r, events.get(r.id) ?? []));
  },
  async ids(tx, after, limit) {
    const rows = await tx.selectFrom('cases').select('id').where('id', '>', after).orderBy('id').limit(limit).execute();
    return rows.map((r) => r.id);
  },
  escalate: (tx, s, e) =>
    notifyEscalation(tx, s.row, e.profile, { rule: e.rule, dueAt: e.dueAt, level: e.level, notify: e.def.notify, template: e.def.template }, e.usedFraction),
  breach: recordCaseBreach,
});

/**
 * R-CMT-12: a deadline that has passed unmet (or was met late) becomes a breach record, naming
 * the person responsible at that moment, with the breach feedback clock of the case's profile —
 * itself a subject of the engine. One record per case and rule.
 */
async function recordCaseBreach(tx: Tx, s: CaseSubject, b: Breach): Promise<boolean> {
  const row = s.row;
  const feedbackRule = findRule(b.profile, 'breach.feedback');
  const feedbackDue = feedbackRule ? dueAt(feedbackRule, b.now, { calendar: b.calendar }) : null;
  const responsible = row.assignee_id ?? row.owner_id;
  const res = await tx
    .insertInto('breaches')
    .values({
      case_id: row.id,
      rule: b.rule,
      due_at: b.dueAt,
      detected_at: b.now,
      responsible_user_id: responsible,
      station_id: row.station_id,
      feedback_due_at: feedbackDue,
      compensation_fen: null,
      penalty_fen: null,
      note: null,
    })
    .onConflict((oc) => oc.columns(['case_id', 'rule']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!res) return false;
  await writeAudit(
    tx,
    { ...auditActor(null), orgUnitId: row.station_id },
    { entity: 'breach', entityId: res.id, action: 'detect', after: { caseId: row.id, rule: b.rule, dueAt: b.dueAt } },
  );
  await notifyBreach(tx, row, res.id, findRule(b.profile, b.rule)?.label.zh ?? b.rule, feedbackDue, responsible);
  const breach: BreachRow = { ...breachBrief(row), id: res.id, status: 'open', responsible_user_id: responsible, detected_at: b.now, feedback_at: null };
  await projectSubjects(tx, breachKind, [breachSubject(breach)], b.now, { fresh: true });
  return true;
}

// ---- the breach record's own feedback clock -------------------------------------------------

export const BREACH_STATUSES = ['open', 'verified', 'feedback_given', 'closed', 'dismissed'] as const;
export type BreachStatus = (typeof BREACH_STATUSES)[number];
export type BreachAction = 'verify' | 'give_feedback' | 'close' | 'dismiss' | 'reopen';

const m = 'breaches.manage' as const;
export const BREACH_MACHINE = defineMachine<BreachStatus, BreachAction>({
  kind: 'breach',
  states: BREACH_STATUSES,
  initial: 'open',
  // the feedback to the complainant is owed while open or verified
  open: ['open', 'verified'],
  actions: {
    verify: { permission: m, moves: { open: 'verified' } },
    give_feedback: { permission: m, moves: { open: 'feedback_given', verified: 'feedback_given' } },
    close: { permission: m, moves: { verified: 'closed', feedback_given: 'closed' } },
    dismiss: { permission: m, moves: { open: 'dismissed', verified: 'dismissed' } },
    reopen: { permission: m, moves: { dismissed: 'open', closed: 'verified' } },
  },
});

const FEEDBACK: ClockSpec = { rule: 'breach.feedback', startsOn: 'opened', metBy: 'give_feedback' };

export interface BreachRow {
  id: number;
  status: BreachStatus;
  station_id: number;
  case_id: number;
  query_code: string;
  type: CaseType;
  team_id: number | null;
  owner_id: number | null;
  assignee_id: number | null;
  responsible_user_id: number | null;
  profile_id: string;
  profile_version: number;
  detected_at: Date;
  feedback_at: Date | null;
}

const breachBrief = (c: CaseRow) => ({
  station_id: c.station_id,
  case_id: c.id,
  query_code: c.query_code,
  type: c.type,
  team_id: c.team_id,
  owner_id: c.owner_id,
  assignee_id: c.assignee_id,
  profile_id: c.profile_id,
  profile_version: c.profile_version,
});

export function breachSubject(b: BreachRow): Subject<BreachRow> {
  return {
    id: b.id,
    stationId: b.station_id,
    state: b.status,
    profileId: b.profile_id,
    profileVersion: b.profile_version,
    history: { openedAt: b.detected_at, events: b.feedback_at ? [{ action: 'give_feedback', at: b.feedback_at }] : [] },
    row: b,
  };
}

export async function loadBreaches(tx: Tx, ids: readonly number[]): Promise<BreachRow[]> {
  if (!ids.length) return [];
  return tx
    .selectFrom('breaches as b')
    .innerJoin('cases as c', 'c.id', 'b.case_id')
    .select([
      'b.id',
      'b.status',
      'b.station_id',
      'b.case_id',
      'c.query_code',
      'c.type',
      'c.team_id',
      'c.owner_id',
      'c.assignee_id',
      'b.responsible_user_id',
      'c.profile_id',
      'c.profile_version',
      'b.detected_at',
      'b.feedback_at',
    ])
    .where('b.id', 'in', [...ids])
    .execute();
}

export const breachKind = registerSubjectKind<BreachRow>({
  kind: 'breach',
  machine: BREACH_MACHINE,
  clocks: (profile) => (findRule(profile, FEEDBACK.rule) ? [FEEDBACK] : []),
  load: async (tx, ids) => (await loadBreaches(tx, ids)).map(breachSubject),
  async ids(tx, after, limit) {
    const rows = await tx.selectFrom('breaches').select('id').where('id', '>', after).orderBy('id').limit(limit).execute();
    return rows.map((r) => r.id);
  },
  // the responsible person, then the team leader and the station head, as for the case itself;
  // a late feedback is not a breach of a breach, so no `breach` hook
  escalate: (tx, s, e) =>
    notifyEscalation(
      tx,
      {
        id: s.row.case_id,
        query_code: s.row.query_code,
        type: s.row.type,
        station_id: s.row.station_id,
        team_id: s.row.team_id,
        owner_id: s.row.responsible_user_id ?? s.row.owner_id,
        assignee_id: s.row.assignee_id,
        contact_phone: null,
      },
      e.profile,
      { rule: e.rule, dueAt: e.dueAt, level: e.level, notify: e.def.notify, template: e.def.template },
      e.usedFraction,
      { keyPrefix: `breach:${s.id}` },
    ),
});
