import type { Generated } from 'kysely';
import type { CaseChannel, CaseStatus, CaseType, FaultClass } from '@griddesk/shared';
import type { ServiceArea } from '@griddesk/domain';

export interface CaseTable {
  id: Generated<number>;
  query_code: string;
  idempotency_key: string | null;
  channel: CaseChannel;
  type: CaseType;
  fault_class: FaultClass | null;
  service_area: Generated<ServiceArea>;
  status: Generated<CaseStatus>;
  station_id: number;
  team_id: number | null;
  owner_id: number | null;
  assignee_id: number | null;
  profile_kind: Generated<'commitment-profile'>;
  profile_id: string;
  profile_version: number;
  customer_id: number | null;
  contact_name: string;
  contact_phone: string | null;
  contact_address: string | null;
  description: string;
  important: Generated<boolean>;
  conclusion: string | null;
  satisfaction: number | null;
  callback_comment: string | null;
  received_at: Date;
  fee_paid_at: Date | null;
  closed_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CaseEventTable {
  id: Generated<number>;
  case_id: number;
  action: string;
  at: Date;
  actor_id: number | null;
  actor_name: string;
  from_status: string | null;
  to_status: string;
  detail: unknown;
}

export interface CaseAttachmentTable {
  id: Generated<number>;
  case_id: number;
  filename: string;
  content_type: string;
  size_bytes: number;
  data: Buffer;
  uploaded_by: number | null;
  uploaded_at: Generated<Date>;
}

export interface BreachTable {
  id: Generated<number>;
  case_id: number;
  rule: string;
  due_at: Date;
  detected_at: Generated<Date>;
  responsible_user_id: number | null;
  station_id: number;
  status: Generated<'open' | 'verified' | 'feedback_given' | 'closed' | 'dismissed'>;
  feedback_due_at: Date | null;
  compensation_fen: number | null;
  penalty_fen: number | null;
  note: string | null;
  /** R-CMT-12: when the result reached the complainant (meets the breach's feedback clock) */
  feedback_at: Date | null;
}

export interface CaseTables {
  cases: CaseTable;
  case_events: CaseEventTable;
  case_attachments: CaseAttachmentTable;
  breaches: BreachTable;
}
