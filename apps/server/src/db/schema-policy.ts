// Table types of the policy and cases migrations (0002, 0004); merged into DB in schema.ts.
import type { Generated } from 'kysely';

export interface CommitmentProfileTable {
  id: string;
  version: number;
  definition: unknown;
  status: 'draft' | 'active' | 'retired';
  based_on: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
  activated_at: Date | null;
}

export interface CalendarOverrideTable {
  day: string;
  off: boolean;
  name: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface CalendarYearTable {
  year: number;
  declared_by: number | null;
  declared_at: Generated<Date>;
}

export interface PolicyTables {
  commitment_profiles: CommitmentProfileTable;
  calendar_overrides: CalendarOverrideTable;
  calendar_years: CalendarYearTable;
}
