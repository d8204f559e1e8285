// The commitment profile's definition as the policy pages edit it (R-CMT-01). The API's own
// shapes (profiles, calendar, deadline) come from @griddesk/shared; the server carries the
// definition as the profile stores it, and this is how the pages read it.
import type { ProfileSummary } from '@griddesk/shared';
import type { Text } from '../../i18n';
import type { RuleClockLike } from '../../commitments/ruleWords';

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
