// Table types of the billing and inspection migration (0006); merged into DB in schema.ts.
import type { ColumnType, Generated } from 'kysely';
import type { CampaignKind } from '@griddesk/shared';

type Numeric = ColumnType<string, string | number, string | number>;
type Json = ColumnType<unknown, string, string>;

export interface BillTable {
  id: Generated<number>;
  customer_id: number;
  station_id: number;
  period: string;
  kwh: Numeric;
  amount_fen: number;
  tariff_code: string;
  tariff_version: number;
  detail: Json;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface BillCorrectionTable {
  id: Generated<number>;
  bill_id: number;
  reason: string;
  before: Json;
  after: Json;
  actor_id: number | null;
  actor_name: string;
  at: Generated<Date>;
}

export type InspectionKind = CampaignKind;

export interface InspectionCampaignTable {
  id: Generated<number>;
  kind: InspectionKind;
  station_id: number;
  started_on: string;
  ended_on: string | null;
  boxes_opened: Generated<number>;
  note: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface InspectionFindingTable {
  id: Generated<number>;
  campaign_id: number;
  customer_id: number | null;
  kind: 'theft' | 'violation';
  violation_type: string | null;
  energy_kwh: ColumnType<string, string | number | undefined, string | number>;
  unpaid_fen: number;
  penalty_fen: number;
  detail: ColumnType<unknown, string | undefined, string>;
  note: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface BillingTables {
  bills: BillTable;
  bill_corrections: BillCorrectionTable;
  inspection_campaigns: InspectionCampaignTable;
  inspection_findings: InspectionFindingTable;
}
