// The clocks of one case: which rules of its profile run for it, when each is due, when it was
// met and whether it was breached — all recomputed from the case's own history (R-CASE-04, R-CMT-12).
import type { CaseAction, CaseType, FaultClass } from '@griddesk/shared';
import type { Calendar } from '../calendar/calendar';
import { dueAt, type Pause } from '../commitments/deadline';
import { findRule, type CommitmentProfile, type ServiceArea } from '../commitments/rules';

export interface CaseEventLike {
  action: CaseAction | 'register';
  at: Date;
}

export interface CaseFacts {
  type: CaseType;
  faultClass?: FaultClass | null;
  area?: ServiceArea | null;
  receivedAt: Date;
  /** meter tests: the clock starts when the fee is paid */
  feePaidAt?: Date | null;
  events: readonly CaseEventLike[];
}

export interface ClockState {
  rule: string;
  dueAt: Date | null;
  metAt: Date | null;
  breached: boolean;
  /** fraction of the allowed time used at `now` (for escalation), null when met or not computable */
  usedFraction: number | null;
}

/** Pause intervals from pause/resume events, in order. */
export function pausesOf(events: readonly CaseEventLike[]): Pause[] {
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

export function clocksFor(profile: CommitmentProfile, facts: CaseFacts): CommitmentProfile['caseClocks'][number]['clocks'] {
  const entry = profile.caseClocks.find((c) => c.type === facts.type && (c.faultClass === undefined || c.faultClass === (facts.faultClass ?? undefined)));
  return entry?.clocks ?? [];
}

export function caseClocks(profile: CommitmentProfile, calendar: Calendar, facts: CaseFacts, now: Date): ClockState[] {
  const pauses = pausesOf(facts.events);
  return clocksFor(profile, facts).flatMap((c): ClockState[] => {
    const rule = findRule(profile, c.rule);
    if (!rule || rule.clock === 'lead_minutes') return [];
    const start = c.startsOn === 'fee_paid' ? (facts.feePaidAt ?? null) : facts.receivedAt;
    const met = facts.events.filter((e) => e.action === c.metBy && (!start || e.at >= start)).sort((a, b) => a.at.getTime() - b.at.getTime())[0];
    const metAt = met?.at ?? null;
    if (!start) return [{ rule: c.rule, dueAt: null, metAt, breached: false, usedFraction: null }];
    const due = dueAt(rule, start, { calendar, pauses, area: facts.area ?? 'urban', dayWindow: profile.dayWindow, asOf: metAt ?? now });
    if (!due) return [{ rule: c.rule, dueAt: null, metAt, breached: false, usedFraction: null }];
    const breached = metAt ? metAt > due : now > due;
    const total = due.getTime() - start.getTime();
    const usedFraction = metAt || total <= 0 ? null : (now.getTime() - start.getTime()) / total;
    return [{ rule: c.rule, dueAt: due, metAt, breached, usedFraction }];
  });
}
