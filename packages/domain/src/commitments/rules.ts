import type { CaseAction, CaseType, FaultClass } from '@griddesk/shared';

// R-CMT-01: a commitment profile is data. Each rule says how its clock counts; every number in it
// is a default an administrator can change in a new profile version.

export type ServiceArea = 'urban' | 'rural' | 'remote';
export const SERVICE_AREAS: readonly ServiceArea[] = ['urban', 'rural', 'remote'];

/** A duration that may differ by service area (城区 / 农村 / 特殊边远). */
export type AreaMinutes = number | Readonly<Record<ServiceArea, number>>;

export type RuleClock =
  /** due at 24:00 of day D+N, D being the Shanghai day the clock starts */
  | { clock: 'calendar_days'; days: number }
  /** due at 24:00 of the N-th working day strictly after D */
  | { clock: 'working_days'; days: number }
  /**
   * due N minutes after the start plus every pause; with `nightMinutes` the class (day or night)
   * is fixed by the start instant against the profile's day window.
   */
  | { clock: 'minutes'; minutes: AreaMinutes; nightMinutes?: AreaMinutes; pausable: boolean }
  /** a notice period: the latest compliant notice instant is the event start minus N minutes */
  | { clock: 'lead_minutes'; minutes: number };

export type CommitmentRule = RuleClock & {
  key: string;
  label: { zh: string; en: string };
  /** what starts the clock, in words (for the published commitments page) */
  starts: { zh: string; en: string };
  /** where the figure comes from: a seed document clause or a public source */
  source: string;
  /** minutes added outside the urban area (R-CMT-10: at most 8 h) */
  extraOutsideUrbanMinutes?: number;
};

export interface EscalationLevel {
  /** fraction of the allowed time used (0.8 = 80 %), or > 1 for "this long after the deadline" */
  at: { usedFraction: number } | { afterDueMinutes: number };
  notify: 'owner' | 'team_leader' | 'station_head';
  template: 'case.reminder' | 'case.overdue' | 'case.escalated';
}

/** Which rules start running when a case of a type (and fault class) is registered, and which action meets each. */
export interface CaseClockSet {
  type: CaseType;
  faultClass?: FaultClass;
  clocks: readonly { rule: string; metBy: CaseAction; startsOn?: 'received' | 'fee_paid' }[];
}

export interface CommitmentProfile {
  id: string;
  version: number;
  name: { zh: string; en: string };
  authority: string;
  /** 'HH:MM' local: the "day" of day/night repair rules */
  dayWindow: { start: string; end: string };
  rules: readonly CommitmentRule[];
  caseClocks: readonly CaseClockSet[];
  escalation: readonly EscalationLevel[];
  /** R-CMT-12: the responsible person's penalty as a multiple of the compensation (seed: double) */
  breachPenaltyMultiple?: number;
}

export function findRule(profile: CommitmentProfile, key: string): CommitmentRule | undefined {
  return profile.rules.find((r) => r.key === key);
}

export function areaMinutes(m: AreaMinutes, area: ServiceArea): number {
  return typeof m === 'number' ? m : m[area];
}
