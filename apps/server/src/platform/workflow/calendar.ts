// A calendar override moves the due instants of open items counted in working days (R-CMT-02):
// those whose span includes the day are re-evaluated with the new calendar, in the transaction
// that saves or removes the override. Met and closed items keep what they had.
import { addDays, startOfDay } from '@griddesk/domain';
import type { Tx } from '../commands';
import { subjectKind } from './kind';
import { policyView } from './policy-cache';
import { projectSubjects } from './project';

/** Re-projects the open items a change to the calendar on `day` (YYYY-MM-DD) can move; returns how many. */
export async function reprojectForCalendarDay(tx: Tx, day: string, now: Date): Promise<number> {
  // counted days are those after the start day up to the last working day, so a clock is touched
  // only when it started before the day ends and falls due after the day begins
  const rows = await tx
    .selectFrom('workflow_clocks')
    .select(['subject_kind', 'subject_id'])
    .distinct()
    .where('open', '=', true)
    .where('calendar_bound', '=', true)
    .where('met_at', 'is', null)
    .where('due_at', '>', startOfDay(day))
    .where('started_at', '<', startOfDay(addDays(day, 1)))
    .execute();
  if (!rows.length) return 0;
  const policy = await policyView(tx);
  const byKind = new Map<string, number[]>();
  for (const r of rows) byKind.set(r.subject_kind, [...(byKind.get(r.subject_kind) ?? []), r.subject_id]);
  let n = 0;
  for (const [name, ids] of byKind) {
    const kind = subjectKind(name);
    for (let i = 0; i < ids.length; i += 500) {
      const subjects = await kind.load(tx, ids.slice(i, i + 500));
      n += (await projectSubjects(tx, kind, subjects, now, { policy })).projected.length;
    }
  }
  return n;
}
