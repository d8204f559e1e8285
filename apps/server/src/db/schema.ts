// Kysely table types; they mirror migrations/*.sql (one interface per table, same column names).
import type { MeteringTables, PolicyTables } from './schema-policy';
import type { CaseTables } from './schema-cases';
import type { BillingTables } from './schema-billing';
import type { ResultTables } from './schema-results';
import type { DocumentTables } from './schema-documents';
import type { WorkflowTables } from './schema-workflow';
import type { JobTables } from './schema-jobs';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** numeric comes back as a string on both backends; accept numbers on write. */
type Numeric = ColumnType<string, string | number, string | number>;

export interface OrgUnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string | null;
  kind: 'county' | 'station' | 'team';
  team_kind: 'customer_service' | 'distribution' | 'business' | null;
  parent_id: number | null;
  path: string;
  address: string | null;
  phone: string | null;
  service_hours: string | null;
  retired: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface OrgRevisionTable {
  id: Generated<boolean>;
  revision: Generated<number>;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  display_name: string;
  org_unit_id: number;
  post: string;
  badge_no: string | null;
  roles: string[];
  phone: string | null;
  photo_url: string | null;
  on_duty: Generated<boolean>;
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  must_change_password: Generated<boolean>;
  password_changed_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface StaffPhotoTable {
  user_id: number;
  content_type: 'image/jpeg' | 'image/png' | 'image/webp';
  size_bytes: number;
  sha256: string;
  data: Buffer;
  uploaded_by: number | null;
  uploaded_at: Generated<Date>;
}

export interface SessionTable {
  id: string;
  user_id: number;
  created_at: Generated<Date>;
  expires_at: Date;
  last_seen_at: Generated<Date>;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  actor_id: number | null;
  actor_name: string;
  org_unit_id: number | null;
  entity: string;
  entity_id: string | null;
  action: string;
  before: unknown;
  after: unknown;
  request_id: string | null;
}

export interface FeederTable {
  id: Generated<number>;
  code: string;
  name: string;
  station_id: number;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AreaTable {
  id: Generated<number>;
  code: string;
  name: string;
  feeder_id: number;
  station_id: number;
  capacity_kva: Numeric | null;
  manager_id: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CustomerTable {
  id: Generated<number>;
  account_no: string;
  name: string;
  address: string;
  phone: string | null;
  customer_class: 'residential' | 'non_residential';
  voltage_level: 'LV' | 'HV';
  tariff_code: string;
  industry: string | null;
  reading_segment: string | null;
  area_id: number | null;
  feeder_id: number;
  station_id: number;
  important: Generated<boolean>;
  dual_supply: Generated<boolean>;
  manager_id: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface MeterTable {
  id: Generated<number>;
  meter_no: string;
  role: 'customer' | 'area' | 'gateway';
  customer_id: number | null;
  area_id: number | null;
  feeder_id: number | null;
  station_id: number;
  multiplier: Numeric;
  status: Generated<'in_service' | 'removed'>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SupplyContractTable {
  id: Generated<number>;
  contract_no: string;
  customer_id: number;
  station_id: number;
  signed_on: string;
  expires_on: string | null;
  capacity_kva: Numeric | null;
  status: Generated<'active' | 'expired' | 'terminated'>;
  created_at: Generated<Date>;
}

export interface DB extends PolicyTables, CaseTables, MeteringTables, BillingTables, ResultTables, DocumentTables, WorkflowTables, JobTables {
  org_units: OrgUnitTable;
  org_revision: OrgRevisionTable;
  users: UserTable;
  sessions: SessionTable;
  staff_photos: StaffPhotoTable;
  audit_log: AuditLogTable;
  feeders: FeederTable;
  areas: AreaTable;
  customers: CustomerTable;
  meters: MeterTable;
  supply_contracts: SupplyContractTable;
  notifications: NotificationTable;
}

export type OrgUnit = Selectable<OrgUnitTable>;
export type User = Selectable<UserTable>;
export type Customer = Selectable<CustomerTable>;
export type NewCustomer = Insertable<CustomerTable>;
export type CustomerUpdate = Updateable<CustomerTable>;

export interface NotificationTable {
  id: Generated<number>;
  channel: 'log' | 'sms' | 'email';
  recipient: string;
  template: string;
  params: unknown;
  subject: string;
  body: string;
  status: Generated<'pending' | 'sending' | 'sent' | 'failed' | 'cancelled'>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  dedupe_key: string | null;
  entity: string | null;
  entity_id: string | null;
  station_id: number | null;
  created_at: Generated<Date>;
  sent_at: Timestamp | null;
}
