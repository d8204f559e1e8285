// What is stored about one clock so that inboxes and the minute scan never recompute everything
// (R-CASE-05, R-CMT-12): its due instant, whether it ran out, which escalation level has been
// notified for that due instant, and the next instant anything can happen to it. A pure function
// of the evaluated clock, the profile's levels, what was notified before, and `now`.
import type { EscalationLevel } from '../commitments/rules';
import type { WorkflowClock } from './clocks';

const MINUTE = 60_000;

export interface ClockProjection {
  rule: string;
  startedAt: Date | null;
  /** the due instant; while paused, as it stood when the pause began */
  dueAt: Date | null;
  metAt: Date | null;
  paused: boolean;
  pausedSince: Date | null;
  breached: boolean;
  /** the highest escalation level notified for this due instant; -1 when none */
  level: number;
  /** the next instant something must happen (a level, or the deadline itself); null when nothing can */
  nextAt: Date | null;
  calendarBound: boolean;
}

/**
 * When a level is reached: from a fraction of the allowed time until the deadline itself
 * (a reminder is pointless once overdue), or from a time after the deadline on.
 */
export function levelWindow(level: EscalationLevel, startedAt: Date, due: Date): { from: Date; until: Date | null } {
  if ('usedFraction' in level.at) {
    const total = due.getTime() - startedAt.getTime();
    return { from: new Date(startedAt.getTime() + Math.ceil(level.at.usedFraction * total)), until: due };
  }
  // strictly after: one millisecond past the deadline plus the delay
  return { from: new Date(due.getTime() + level.at.afterDueMinutes * MINUTE + 1), until: null };
}

/** The due instant of a clock at `now`: a paused clock's deadline moves on by the time paused so far. */
export function effectiveDue(p: Pick<ClockProjection, 'dueAt' | 'paused' | 'pausedSince'>, now: Date): Date | null {
  if (!p.dueAt) return null;
  if (!p.paused || !p.pausedSince) return p.dueAt;
  return new Date(p.dueAt.getTime() + Math.max(0, now.getTime() - p.pausedSince.getTime()));
}

export interface ProjectOptions {
  /** the subject is in an open state of its machine */
  open: boolean;
  /** the escalation levels of the subject's profile version */
  levels: readonly EscalationLevel[];
  /** what was stored before: the level carries over only while the due instant stays the same */
  previous?: { dueAt: Date | null; level: number } | null | undefined;
  /** the scan notifies reached levels now; an event only schedules them for the scan */
  notify: boolean;
  /** the deadline passing is itself an instant to act on (a breach record); default true */
  breachInstant?: boolean;
}

export interface Projected {
  row: ClockProjection;
  /** levels to notify now (only when `notify`), in order */
  reached: number[];
}

export function projectClock(c: WorkflowClock, now: Date, o: ProjectOptions): Projected {
  const due = c.paused ? c.frozenDueAt : c.dueAt;
  const carried = o.previous && (o.previous.dueAt?.getTime() ?? null) === (due?.getTime() ?? null) ? o.previous.level : -1;
  const row: ClockProjection = {
    rule: c.rule,
    startedAt: c.startedAt,
    dueAt: due,
    metAt: c.metAt,
    paused: c.paused,
    pausedSince: c.pausedSince,
    breached: c.breached,
    level: carried,
    nextAt: null,
    calendarBound: c.calendarBound,
  };
  if (!o.open || c.metAt || !due || !c.startedAt || c.paused) return { row, reached: [] };
  const live = (i: number) => {
    const w = levelWindow(o.levels[i]!, c.startedAt!, due);
    return w.until && now > w.until ? null : w.from; // a moment that passed unnoticed is never sent late
  };
  const reached: number[] = [];
  if (o.notify) {
    for (let i = carried + 1; i < o.levels.length; i++) {
      const from = live(i);
      if (from && now >= from) reached.push(i);
    }
  }
  if (reached.length) row.level = Math.max(...reached);
  const next: number[] = [];
  for (let i = row.level + 1; i < o.levels.length; i++) {
    const from = live(i);
    if (from) next.push(from.getTime());
  }
  if ((o.breachInstant ?? true) && now <= due) next.push(due.getTime() + 1);
  row.nextAt = next.length ? new Date(Math.min(...next)) : null;
  return { row, reached };
}

/**
 * Which of a subject's clocks leads it in an inbox: the running one (open, started, not met, not
 * paused) due first. A subject whose clocks are all met, paused or not started has none.
 */
export function leadIndex(rows: readonly Pick<ClockProjection, 'dueAt' | 'metAt' | 'paused'>[], open: boolean): number {
  if (!open) return -1;
  let best = -1;
  rows.forEach((r, i) => {
    if (r.metAt || r.paused || !r.dueAt) return;
    if (best < 0 || r.dueAt.getTime() < rows[best]!.dueAt!.getTime()) best = i;
  });
  return best;
}
