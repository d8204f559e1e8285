// Policy API shapes (R-CMT-01, R-CMT-02).
import type { Text } from '../../i18n';
import type { RuleClockLike } from '../../commitments/ruleWords';

export type ProfileStatus = 'draft' | 'active' | 'retired';

export interface ProfileSummary {
  id: string;
  version: number;
  status: ProfileStatus;
  name: Text;
  authority: string;
  basedOn: string | null;
  createdAt: string;
  activatedAt: string | null;
  ruleCount: number;
}

export type PolicyRule = RuleClockLike & {
  key: string;
  label: Text;
  starts: Text;
  source?: string;
  pausable?: boolean;
};

export interface CaseClockSet {
  type: string;
  faultClass?: string;
  clocks: { rule: string; metBy: string; startsOn?: string }[];
}

export interface ProfileDefinition {
  id?: string;
  version?: number;
  name: Text;
  authority: string;
  dayWindow: { start: string; end: string };
  rules: PolicyRule[];
  caseClocks: CaseClockSet[];
  escalation: unknown[];
  [extra: string]: unknown;
}

export interface ProfileDetail extends ProfileSummary {
  definition: ProfileDefinition;
}

export interface CalendarDay {
  day: string;
  off: boolean;
  name: string | null;
  source: 'bundled' | 'override';
}

export interface CalendarYear {
  year: number;
  hasOfficialData: boolean;
  warning: Text | null;
  days: CalendarDay[];
}

export interface DeadlineAnswer {
  dueAt: string;
  profile: { id: string; version: number };
  rule: string;
}
