// The clocks of one subject of any clocked workflow (R-CASE-04, R-CMT-02, R-CMT-10, R-CMT-12):
// which rules of its profile version run, when each started, is due, was met and whether it was
// breached — a pure function of (start, profile version, calendar, pause history), recomputed
// whenever needed and never patched.
import type { Calendar } from '../calendar/calendar';
import { dueAt, type Pause } from '../commitments/deadline';
import { findRule, type CommitmentProfile, type ServiceArea } from '../commitments/rules';

/** One clock a subject kind runs: its rule, what starts it and which action meets it. */
export interface ClockSpec {
  rule: string;
  /** 'opened': the subject's opening instant; otherwise a mark of the subject (fee_paid) or the first event of that action */
  startsOn: string;
  /** the first occurrence of this action at or after the start meets the clock */
  metBy: string;
}

export interface HistoryEvent {
  action: string;
  at: Date;
}

/** What a subject's clocks are computed from: its opening, its marks and its timeline. */
export interface SubjectHistory {
  openedAt: Date;
  /** instants recorded on the subject that can start a clock (a meter test's fee payment) */
  marks?: Readonly<Record<string, Date | null | undefined>>;
  /** `pause` and `resume` events stop and restart the pausable clocks */
  events: readonly HistoryEvent[];
  area?: ServiceArea | null | undefined;
}

export interface ClockState {
  rule: string;
  dueAt: Date | null;
  metAt: Date | null;
  breached: boolean;
  /** fraction of the allowed time used at `now` (for escalation), null when met or not computable */
  usedFraction: number | null;
}

export interface WorkflowClock extends ClockState {
  startedAt: Date | null;
  /** a pausable clock inside a running pause: its due instant moves on with time */
  paused: boolean;
  /** when the running pause began (not before the start) */
  pausedSince: Date | null;
  /** the due instant as it stood when the running pause began; dueAt = frozenDueAt + (now − pausedSince) */
  frozenDueAt: Date | null;
  /** counts working days, so a calendar override can move it (R-CMT-02) */
  calendarBound: boolean;
}

/** Pause intervals from pause/resume events, in order. */
export function pausesOf(events: readonly HistoryEvent[]): Pause[] {
  const out: Pause[] = [];
  for (const e of [...events].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (e.action === 'pause') out.push({ from: e.at, to: null });
    else if (e.action === 'resume') {
      const open = out.at(-1);
      if (open && open.to === null) open.to = e.at;
    }
  }
  return out;
}

function firstAt(events: readonly HistoryEvent[], action: string, notBefore: Date | null): Date | null {
  let best: Date | null = null;
  for (const e of events) {
    if (e.action !== action || (notBefore && e.at < notBefore)) continue;
    if (!best || e.at < best) best = e.at;
  }
  return best;
}

export function evaluateClocks(profile: CommitmentProfile, calendar: Calendar, specs: readonly ClockSpec[], h: SubjectHistory, now: Date): WorkflowClock[] {
  const pauses = pausesOf(h.events);
  const running = pauses.at(-1)?.to === null ? pauses.at(-1)! : null;
  return specs.flatMap((c): WorkflowClock[] => {
    const rule = findRule(profile, c.rule);
    if (!rule || rule.clock === 'lead_minutes') return [];
    const start = c.startsOn === 'opened' ? h.openedAt : (h.marks?.[c.startsOn] ?? firstAt(h.events, c.startsOn, null));
    const metAt = firstAt(h.events, c.metBy, start);
    const idle = { rule: c.rule, startedAt: start, metAt, breached: false, usedFraction: null, paused: false, pausedSince: null, frozenDueAt: null };
    const calendarBound = rule.clock === 'working_days';
    if (!start) return [{ ...idle, dueAt: null, calendarBound }];
    const ctx = { calendar, pauses, area: h.area ?? 'urban', dayWindow: profile.dayWindow };
    const due = dueAt(rule, start, { ...ctx, asOf: metAt ?? now });
    if (!due) return [{ ...idle, dueAt: null, calendarBound }];
    const breached = metAt ? metAt > due : now > due;
    const total = due.getTime() - start.getTime();
    const usedFraction = metAt || total <= 0 ? null : (now.getTime() - start.getTime()) / total;
    const isPaused = !metAt && running !== null && rule.clock === 'minutes' && rule.pausable;
    const pausedSince = isPaused ? new Date(Math.max(running.from.getTime(), start.getTime())) : null;
    const frozenDueAt = pausedSince ? dueAt(rule, start, { ...ctx, asOf: pausedSince }) : null;
    return [{ rule: c.rule, startedAt: start, dueAt: due, metAt, breached, usedFraction, paused: isPaused, pausedSince, frozenDueAt, calendarBound }];
  });
}
