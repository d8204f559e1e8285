// The projection (R-CASE-05, R-CMT-01, R-CMT-12): for each subject, its clocks are evaluated by the
// pure function of the domain under the profile version the subject was opened under, and the
// result is written to workflow_clocks in the caller's transaction. The scan passes `notify` and
// the reached levels are told; a deadline newly missed is recorded as a breach by the kind.
import { evaluateClocks, leadIndex, projectClock, type ClockProjection, type CommitmentProfile, type WorkflowClock } from '@griddesk/domain';
import type { Insertable } from 'kysely';
import type { WorkflowClockTable } from '../../db/schema-workflow';
import type { Tx } from '../commands';
import type { Subject, SubjectKind } from './kind';
import { policyView, type PolicyView } from './policy-cache';

export interface ProjectedSubject<Row> {
  subject: Subject<Row>;
  profile: CommitmentProfile;
  /** the clocks as the pure function gives them at `now` (live due instants, also while paused) */
  clocks: WorkflowClock[];
  rows: ClockProjection[];
}

export interface ProjectOutcome<Row> {
  projected: ProjectedSubject<Row>[];
  notices: number;
  breaches: number;
}

export interface ProjectOptions {
  policy?: PolicyView;
  /** tell the levels reached now (the scan); events only schedule them */
  notify?: boolean;
  /** subjects created in this transaction: nothing stored before, nothing to read */
  fresh?: boolean;
}

/**
 * The clocks of a subject being created, computed but not written: for a command that writes the
 * subject and its clock rows in one statement. When a deadline is already missed (a case entered
 * late), `hooks` says the kind's breach hook must run: write through projectSubjects instead.
 */
export async function planNewSubject<Row>(kind: SubjectKind<Row>, s: Subject<Row>, policy: PolicyView, now: Date) {
  const profile = await policy.profile(s.profileId, s.profileVersion);
  const clocks = evaluateClocks(profile, policy.calendar, kind.clocks(profile, s), s.history, now);
  const open = kind.machine.open.includes(s.state);
  const rows = clocks.map((c) => projectClock(c, now, { open, levels: profile.escalation, notify: false, breachInstant: kind.breach !== undefined }).row);
  return { profile, clocks, rows, open, lead: leadIndex(rows, open), hooks: kind.breach !== undefined && clocks.some((c) => c.breached) };
}

type Previous = { dueAt: Date | null; level: number; breached: boolean };

async function previousRows(tx: Tx, kind: string, ids: number[]): Promise<Map<string, Previous>> {
  const rows = ids.length
    ? await tx
        .selectFrom('workflow_clocks')
        .select(['subject_id', 'rule', 'due_at', 'level', 'breached'])
        .where('subject_kind', '=', kind)
        .where('subject_id', 'in', ids)
        .execute()
    : [];
  return new Map(rows.map((r) => [`${r.subject_id}/${r.rule}`, { dueAt: r.due_at, level: r.level, breached: r.breached }]));
}

export async function projectSubjects<Row>(
  tx: Tx,
  kind: SubjectKind<Row>,
  subjects: readonly Subject<Row>[],
  now: Date,
  opts: ProjectOptions = {},
): Promise<ProjectOutcome<Row>> {
  const out: ProjectOutcome<Row> = { projected: [], notices: 0, breaches: 0 };
  if (!subjects.length) return out;
  const policy = opts.policy ?? (await policyView(tx));
  const ids = subjects.map((s) => s.id);
  const previous = opts.fresh ? new Map<string, Previous>() : await previousRows(tx, kind.kind, ids);
  const values: Insertable<WorkflowClockTable>[] = [];
  const current = new Set<string>();
  for (const s of subjects) {
    const profile = await policy.profile(s.profileId, s.profileVersion);
    const clocks = evaluateClocks(profile, policy.calendar, kind.clocks(profile, s), s.history, now);
    const open = kind.machine.open.includes(s.state);
    const rows: ClockProjection[] = [];
    for (const c of clocks) {
      const prev = previous.get(`${s.id}/${c.rule}`);
      const { row, reached } = projectClock(c, now, {
        open,
        levels: profile.escalation,
        previous: prev,
        notify: opts.notify ?? false,
        breachInstant: kind.breach !== undefined,
      });
      for (const level of reached) {
        if (kind.escalate) {
          out.notices += await kind.escalate(tx, s, {
            rule: c.rule,
            level,
            def: profile.escalation[level]!,
            dueAt: c.dueAt!,
            usedFraction: c.usedFraction,
            profile,
            now,
          });
        }
      }
      if (c.breached && c.dueAt && !prev?.breached && kind.breach) {
        if (await kind.breach(tx, s, { rule: c.rule, dueAt: c.dueAt, profile, calendar: policy.calendar, now })) out.breaches++;
      }
      rows.push(row);
      values.push({
        subject_kind: kind.kind,
        subject_id: s.id,
        rule: row.rule,
        station_id: s.stationId,
        profile_id: s.profileId,
        profile_version: s.profileVersion,
        started_at: row.startedAt,
        due_at: row.dueAt,
        met_at: row.metAt,
        paused: row.paused,
        paused_since: row.pausedSince,
        breached: row.breached,
        level: row.level,
        next_at: row.nextAt,
        calendar_bound: row.calendarBound,
        open,
        lead: false,
        updated_at: now,
      });
    }
    const lead = leadIndex(rows, open);
    values.slice(values.length - rows.length).forEach((v, i) => {
      v.lead = i === lead;
    });
    for (const c of clocks) current.add(`${s.id}/${c.rule}`);
    out.projected.push({ subject: s, profile, clocks, rows });
  }
  const stale = [...previous.keys()].filter((k) => !current.has(k)).map((k) => Number(k.slice(0, k.indexOf('/'))));
  if (stale.length) {
    // a subject whose clocks changed (another type): rules no longer run are forgotten
    await tx.deleteFrom('workflow_clocks').where('subject_kind', '=', kind.kind).where('subject_id', 'in', stale).execute();
  }
  if (values.length) await writeRows(tx, values);
  return out;
}

const UPDATED = [
  'station_id',
  'profile_id',
  'profile_version',
  'started_at',
  'due_at',
  'met_at',
  'paused',
  'paused_since',
  'breached',
  'level',
  'next_at',
  'calendar_bound',
  'lead',
  'open',
  'updated_at',
] as const;

export async function writeRows(tx: Tx, values: Insertable<WorkflowClockTable>[]): Promise<void> {
  for (let i = 0; i < values.length; i += 1000) {
    await tx
      .insertInto('workflow_clocks')
      .values(values.slice(i, i + 1000))
      .onConflict((oc) =>
        oc.columns(['subject_kind', 'subject_id', 'rule']).doUpdateSet((eb) => Object.fromEntries(UPDATED.map((c) => [c, eb.ref(`excluded.${c}`)]))),
      )
      .execute();
  }
}
