// Table types of the metering results, reading segments and reading periods migrations (0007–0009); merged into DB in schema.ts.
import type { ColumnType, Generated } from 'kysely';

type Numeric = ColumnType<string, string | number, string | number>;
type NullableNumeric = ColumnType<string | null, string | number | null, string | number | null>;
type Json = ColumnType<unknown, string, string>;

export type LossLevelColumn = 'county' | 'station' | 'feeder' | 'area';
export type LossClassColumn = 'not_computable' | 'negative_loss' | 'high_loss' | 'qualified';

export interface LineLossResultTable {
  id: Generated<number>;
  period: string;
  level: LossLevelColumn;
  point_id: number;
  code: string;
  station_id: number | null;
  supply_kwh: NullableNumeric;
  sales_kwh: Numeric;
  loss_kwh: NullableNumeric;
  loss_rate: NullableNumeric;
  coverage: Numeric;
  class: LossClassColumn;
  target: NullableNumeric;
  manager_id: number | null;
  policy_version: number;
  run_at: Generated<Date>;
}

export interface DailyConsumptionTable {
  customer_id: number;
  day: string;
  kwh: NullableNumeric;
  station_id: number;
}

export interface TheftRunTable {
  id: Generated<number>;
  source: 'daily' | 'monthly';
  window_from: string;
  window_to: string;
  station_ids: number[];
  scored: number;
  insufficient: number;
  policy_version: number;
  created_by: string;
  run_at: Generated<Date>;
}

export interface TheftSuspectTable {
  run_id: number;
  rank: number;
  customer_id: number;
  score: number;
  signals: Json;
}

export interface ReadingSegmentTable {
  id: Generated<number>;
  code: string;
  name: string;
  station_id: number;
  reading_day: number;
  reader_id: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ReadingPeriodTable {
  period: string;
  changed_at: Date;
}

export interface ResultTables {
  reading_periods: ReadingPeriodTable;
  reading_segments: ReadingSegmentTable;
  line_loss_results: LineLossResultTable;
  daily_consumption: DailyConsumptionTable;
  theft_runs: TheftRunTable;
  theft_suspects: TheftSuspectTable;
}
