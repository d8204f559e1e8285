// Staff case API shapes (R-CASE-01..07, R-CMT-12).
import type { CaseAction, CaseChannel, CaseStatus, CaseType, FaultClass, OrgKind } from '@griddesk/shared';
import type { DeadlineView, ServiceArea } from '../../cases/types';

export interface Named {
  id: number;
  name: string | null;
}

export interface CaseEvent {
  action: string;
  at: string;
  actorName: string;
  fromStatus: string | null;
  toStatus: string;
  detail: Record<string, unknown> | null;
}

export interface CaseView {
  id: number;
  queryCode: string;
  type: CaseType;
  channel: CaseChannel;
  status: CaseStatus;
  faultClass: FaultClass | null;
  serviceArea: ServiceArea;
  stationId: number;
  team: Named | null;
  owner: Named | null;
  assignee: Named | null;
  profile: { id: string; version: number };
  /** phone and address arrive masked (R-SYS-03) */
  contact: { name: string; phone: string | null; address: string | null; accountNo: string | null };
  description: string;
  important: boolean;
  conclusion: string | null;
  satisfaction: number | null;
  callbackComment: string | null;
  receivedAt: string;
  closedAt: string | null;
  deadlines: DeadlineView[];
  nextDueAt: string | null;
  timeLeftMinutes: number | null;
  overdue: boolean;
  allowedActions: CaseAction[];
  /** only on GET /api/cases/:id; the inbox leaves them out */
  events?: CaseEvent[];
}

export type BreachStatus = 'open' | 'verified' | 'feedback_given' | 'closed' | 'dismissed';

export interface BreachRow {
  id: number;
  caseId: number;
  queryCode: string;
  caseType: CaseType;
  rule: string;
  dueAt: string;
  detectedAt: string;
  status: BreachStatus;
  feedbackDueAt: string | null;
  compensationFen: number | null;
  penaltyFen: number | null;
  note: string | null;
  responsible: string | null;
}

export interface OrgUnit {
  id: number;
  code: string;
  name: string;
  kind: OrgKind;
  teamKind: string | null;
  parentId: number | null;
}

export interface StaffMember {
  id: number;
  username: string;
  displayName: string;
  post: string;
  roles: string[];
  orgUnitName: string;
  onDuty: boolean;
  active: boolean;
}

export interface TransitionBody {
  action: CaseAction;
  assigneeId?: number;
  teamId?: number;
  ownerId?: number;
  reason?: string;
  conclusion?: string;
  satisfaction?: number;
  comment?: string;
}
