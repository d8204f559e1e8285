// The clocks of one case: which rules of its profile run for it, when each is due, when it was
// met and whether it was breached — all recomputed from the case's own history (R-CASE-04, R-CMT-12).
// The case is one subject kind of the clocked workflow: this maps its facts onto the general clocks.
import type { CaseAction, CaseType, FaultClass } from '@griddesk/shared';
import type { Calendar } from '../calendar/calendar';
import type { CommitmentProfile, ServiceArea } from '../commitments/rules';
import { evaluateClocks, pausesOf, type ClockSpec, type ClockState, type WorkflowClock } from '../workflow/clocks';

export { pausesOf, type ClockState };

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

export function clocksFor(profile: CommitmentProfile, facts: Pick<CaseFacts, 'type' | 'faultClass'>): CommitmentProfile['caseClocks'][number]['clocks'] {
  const entry = profile.caseClocks.find((c) => c.type === facts.type && (c.faultClass === undefined || c.faultClass === (facts.faultClass ?? undefined)));
  return entry?.clocks ?? [];
}

/** The clocks a case of this type runs under its profile version, as the workflow engine reads them. */
export function caseClockSpecs(profile: CommitmentProfile, facts: Pick<CaseFacts, 'type' | 'faultClass'>): ClockSpec[] {
  return clocksFor(profile, facts).map((c) => ({ rule: c.rule, metBy: c.metBy, startsOn: c.startsOn === 'fee_paid' ? 'fee_paid' : 'opened' }));
}

export function caseClocks(profile: CommitmentProfile, calendar: Calendar, facts: CaseFacts, now: Date): WorkflowClock[] {
  return evaluateClocks(
    profile,
    calendar,
    caseClockSpecs(profile, facts),
    { openedAt: facts.receivedAt, marks: { fee_paid: facts.feePaidAt }, events: facts.events, area: facts.area },
    now,
  );
}
