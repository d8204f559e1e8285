// Table types of the policy and readings migrations (0002, 0005); merged into DB in schema.ts.
import type { Generated } from 'kysely';

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
  calendar_overrides: CalendarOverrideTable;
  calendar_years: CalendarYearTable;
}

export interface ReadingTable {
  id: Generated<number>;
  meter_period: string;
  meter_id: number;
  station_id: number;
  period: string;
  reading: string;
  read_at: Date | null;
  method: 'actual' | 'estimated';
  revision: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface MeteringTables {
  readings: ReadingTable;
}
