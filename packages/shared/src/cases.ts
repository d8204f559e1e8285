// Service cases: channels, types, statuses and actions (R-CASE-01, R-CASE-02, R-CASE-04), and the
// staff case API's request and answer schemas (the portal's are in portal.ts).
import { type Static, Type } from '@sinclair/typebox';
import { Count, DateTime, Nullable, pageOf, pagingFields, RowId, StringEnum } from './api';
import { Bilingual } from './documents';

export const CASE_CHANNELS = ['counter', 'phone', 'report_box', 'portal', 'supervisor', 'media', 'leader_transfer', 'mystery_visit'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

export const CASE_TYPES = [
  'complaint',
  'misconduct_report',
  'fault_repair',
  'consultation',
  'suggestion',
  'billing_query',
  'meter_test',
  'commitment_breach',
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/** What a customer may submit on the public portal without signing in (R-PUB-02). */
export const PORTAL_CASE_TYPES = ['complaint', 'fault_repair', 'suggestion', 'billing_query'] as const;

export const FAULT_CLASSES = ['lv_drop', 'lv_equipment', 'hv_line'] as const;
export type FaultClass = (typeof FAULT_CLASSES)[number];

export const CASE_STATUSES = ['received', 'accepted', 'assigned', 'in_progress', 'paused', 'resolved', 'callback_done', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_ACTIONS = ['accept', 'assign', 'transfer', 'start', 'pause', 'resume', 'resolve', 'callback', 'close', 'reopen'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

type Label = { zh: string; en: string };

export const CASE_CHANNEL_LABELS: Record<CaseChannel, Label> = {
  counter: { zh: '营业厅柜台', en: 'Counter' },
  phone: { zh: '电话', en: 'Phone' },
  report_box: { zh: '意见箱/举报箱', en: 'Report box' },
  portal: { zh: '网上服务窗口', en: 'Portal' },
  supervisor: { zh: '行风监督员', en: 'Conduct supervisor' },
  media: { zh: '媒体转办', en: 'Media transfer' },
  leader_transfer: { zh: '领导交办', en: 'Leader transfer' },
  mystery_visit: { zh: '暗访', en: 'Mystery visit' },
};

export const CASE_TYPE_LABELS: Record<CaseType, Label> = {
  complaint: { zh: '投诉', en: 'Complaint' },
  misconduct_report: { zh: '举报', en: 'Report of misconduct' },
  fault_repair: { zh: '故障报修', en: 'Fault repair' },
  consultation: { zh: '咨询', en: 'Consultation' },
  suggestion: { zh: '意见建议', en: 'Suggestion' },
  billing_query: { zh: '电费疑问', en: 'Billing query' },
  meter_test: { zh: '电能表校验申请', en: 'Meter test request' },
  commitment_breach: { zh: '违诺投诉', en: 'Commitment breach' },
};

export const CASE_STATUS_LABELS: Record<CaseStatus, Label> = {
  received: { zh: '已登记', en: 'Received' },
  accepted: { zh: '已受理', en: 'Accepted' },
  assigned: { zh: '已派工', en: 'Assigned' },
  in_progress: { zh: '处理中', en: 'In progress' },
  paused: { zh: '暂停计时', en: 'Paused' },
  resolved: { zh: '已办结', en: 'Resolved' },
  callback_done: { zh: '已回访', en: 'Called back' },
  closed: { zh: '已归档', en: 'Closed' },
};

export const CASE_ACTION_LABELS: Record<CaseAction, Label> = {
  accept: { zh: '受理', en: 'Accept' },
  assign: { zh: '派工', en: 'Assign' },
  transfer: { zh: '转办', en: 'Transfer' },
  start: { zh: '开始处理', en: 'Start' },
  pause: { zh: '暂停计时', en: 'Pause' },
  resume: { zh: '恢复计时', en: 'Resume' },
  resolve: { zh: '办结', en: 'Resolve' },
  callback: { zh: '回访', en: 'Call back' },
  close: { zh: '归档', en: 'Close' },
  reopen: { zh: '重新处理', en: 'Reopen' },
};

export const FAULT_CLASS_LABELS: Record<FaultClass, Label> = {
  lv_drop: { zh: '低压下火线故障', en: 'LV service drop' },
  lv_equipment: { zh: '低压设备故障', en: 'LV equipment fault' },
  hv_line: { zh: '倒杆断线或高压架空线路故障', en: 'Pole down or HV overhead line' },
};

/** 城区 / 农村 / 特殊边远: repair limits differ by service area (R-CMT-10, R-OUT-04). */
export const SERVICE_AREA_LABELS: Record<ServiceArea, Label> = {
  urban: { zh: '城区', en: 'Urban' },
  rural: { zh: '农村', en: 'Rural' },
  remote: { zh: '特殊边远地区', en: 'Remote' },
};

// ---- the staff case API (R-CASE-01..07, R-CMT-12) ------------------------------------------------

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const SERVICE_AREAS = ['urban', 'rural', 'remote'] as const;
export type ServiceArea = (typeof SERVICE_AREAS)[number];

/** One commitment clock of a case: due instant, when it was met, whether it was breached. */
export const CaseDeadline = Type.Object({
  rule: Type.String(),
  label: Bilingual,
  /** null while the clock has not started (a meter test before the fee is paid) */
  dueAt: Nullable(DateTime),
  metAt: Nullable(DateTime),
  breached: Type.Boolean(),
});
export type CaseDeadline = Static<typeof CaseDeadline>;

/** What a step of the case recorded besides its status: the people and reasons it names. */
export const CaseEventDetail = Type.Object({
  /** registration: where the case came in */
  channel: Type.Optional(Type.String()),
  /** assign: the person who handles it */
  assignee: Type.Optional(Type.String()),
  /** transfer: the team and the new first responder */
  team: Type.Optional(Type.String()),
  owner: Type.Optional(Nullable(Type.String())),
  /** pause, reopen */
  reason: Type.Optional(Type.String()),
  /** callback */
  satisfaction: Type.Optional(Type.Integer()),
  comment: Type.Optional(Nullable(Type.String())),
});
export type CaseEventDetail = Static<typeof CaseEventDetail>;

export const CASE_EVENT_ACTIONS = ['register', ...CASE_ACTIONS] as const;

/** One step of the timeline (R-CASE-04). */
export const CaseEvent = Type.Object({
  action: StringEnum(CASE_EVENT_ACTIONS),
  at: DateTime,
  actorName: Type.String(),
  fromStatus: Nullable(StringEnum(CASE_STATUSES)),
  toStatus: StringEnum(CASE_STATUSES),
  detail: CaseEventDetail,
});
export type CaseEvent = Static<typeof CaseEvent>;

const Named = Type.Object({ id: Type.Integer(), name: Nullable(Type.String()) });

/** A case as the inbox lists it; the contact's phone and address masked (R-SYS-03). */
export const CaseSummary = Type.Object({
  id: Type.Integer(),
  queryCode: Type.String(),
  type: StringEnum(CASE_TYPES),
  channel: StringEnum(CASE_CHANNELS),
  status: StringEnum(CASE_STATUSES),
  faultClass: Nullable(StringEnum(FAULT_CLASSES)),
  serviceArea: StringEnum(SERVICE_AREAS),
  stationId: Type.Integer(),
  team: Nullable(Named),
  /** the first responder (首问负责人) */
  owner: Nullable(Named),
  assignee: Nullable(Named),
  /** the commitment profile version the case was opened under; it keeps it */
  profile: Type.Object({ id: Type.String(), version: Type.Integer() }),
  /** phone and address arrive masked (R-SYS-03); POST /api/cases/{id}/reveal gives them in full */
  contact: Type.Object({ name: Type.String(), phone: Nullable(Type.String()), address: Nullable(Type.String()), accountNo: Nullable(Type.String()) }),
  description: Type.String(),
  important: Type.Boolean(),
  conclusion: Nullable(Type.String()),
  satisfaction: Nullable(Type.Integer()),
  callbackComment: Nullable(Type.String()),
  receivedAt: DateTime,
  closedAt: Nullable(DateTime),
  deadlines: Type.Array(CaseDeadline),
  /** the nearest unmet deadline */
  nextDueAt: Nullable(DateTime),
  timeLeftMinutes: Nullable(Type.Integer()),
  overdue: Type.Boolean(),
  allowedActions: Type.Array(StringEnum(CASE_ACTIONS)),
});
export type CaseSummary = Static<typeof CaseSummary>;

/** One case with its timeline, oldest step first (GET /api/cases/{id}, and the answer of every write). */
export const CaseView = Type.Composite([CaseSummary, Type.Object({ events: Type.Array(CaseEvent) })]);
export type CaseView = Static<typeof CaseView>;

export const CasePage = pageOf(CaseSummary);
export type CasePage = Static<typeof CasePage>;

export const CaseListQuery = Type.Object({
  status: Type.Optional(literals(CASE_STATUSES)),
  type: Type.Optional(literals(CASE_TYPES)),
  overdue: Type.Optional(Type.Boolean()),
  open: Type.Optional(Type.Boolean()),
  /** cases the caller is first responder or assignee of */
  mine: Type.Optional(Type.Boolean()),
  ...pagingFields(50),
});
export type CaseListQuery = Static<typeof CaseListQuery>;

/** A case registered at the counter (R-CASE-03). */
export const CaseRegisterInput = Type.Object(
  {
    channel: literals(CASE_CHANNELS),
    type: literals(CASE_TYPES),
    faultClass: Type.Optional(literals(FAULT_CLASSES)),
    serviceArea: Type.Optional(literals(SERVICE_AREAS)),
    contactName: Type.String({ minLength: 1, maxLength: 100 }),
    contactPhone: Type.Optional(Type.String({ maxLength: 20, pattern: '^\\+?[0-9][0-9 -]{3,18}[0-9]$' })),
    contactAddress: Type.Optional(Type.String({ maxLength: 200 })),
    accountNo: Type.Optional(Type.String({ maxLength: 32 })),
    description: Type.String({ minLength: 1, maxLength: 4000 }),
    receivedAt: Type.Optional(Type.String({ format: 'date-time', maxLength: 40 })),
    feePaidAt: Type.Optional(Type.String({ format: 'date-time', maxLength: 40 })),
    important: Type.Optional(Type.Boolean()),
    /** required when the clerk works for more than one station */
    stationId: Type.Optional(RowId),
  },
  { additionalProperties: false },
);
export type CaseRegisterInput = Static<typeof CaseRegisterInput>;

/** A step of the closed loop; 409 when the action is not allowed from the case's status. */
export const CaseTransitionInput = Type.Object(
  {
    action: literals(CASE_ACTIONS),
    assigneeId: Type.Optional(RowId),
    teamId: Type.Optional(RowId),
    ownerId: Type.Optional(RowId),
    reason: Type.Optional(Type.String({ maxLength: 500 })),
    conclusion: Type.Optional(Type.String({ maxLength: 4000 })),
    satisfaction: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    comment: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type CaseTransitionInput = Static<typeof CaseTransitionInput>;

/** The contact's phone and address in full: only to personal.reveal, and audited. */
export const CaseContactRevealed = Type.Object({ phone: Nullable(Type.String()), address: Nullable(Type.String()) });
export type CaseContactRevealed = Static<typeof CaseContactRevealed>;

// ---- attachments (R-CASE-04) ---------------------------------------------------------------------

export const CaseAttachment = Type.Object({
  id: Type.Integer(),
  filename: Type.String(),
  /** decided by the file's first bytes: image/jpeg, image/png, image/webp or application/pdf */
  contentType: Type.String(),
  sizeBytes: Count,
  uploadedAt: DateTime,
  uploadedBy: Nullable(Type.String()),
});
export type CaseAttachment = Static<typeof CaseAttachment>;
export const CaseAttachmentPage = pageOf(CaseAttachment);
export type CaseAttachmentPage = Static<typeof CaseAttachmentPage>;
export const CaseAttachmentParams = Type.Object({ id: RowId, attachmentId: RowId });
export const ATTACHMENT_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;

// ---- breach records (违诺, R-CMT-12) ------------------------------------------------------------

export const BREACH_STATUSES = ['open', 'verified', 'feedback_given', 'closed', 'dismissed'] as const;
export type BreachStatus = (typeof BREACH_STATUSES)[number];

export const BreachListQuery = Type.Object({
  status: Type.Optional(literals(BREACH_STATUSES)),
  /** whether the 10-day feedback to the complainant is overdue */
  feedbackLate: Type.Optional(Type.Boolean()),
  caseId: Type.Optional(RowId),
  ...pagingFields(50),
});
export type BreachListQuery = Static<typeof BreachListQuery>;

export const BreachRow = Type.Object({
  id: Type.Integer(),
  caseId: Type.Integer(),
  queryCode: Type.String(),
  caseType: StringEnum(CASE_TYPES),
  rule: Type.String(),
  dueAt: DateTime,
  detectedAt: DateTime,
  status: StringEnum(BREACH_STATUSES),
  /** the breach's own feedback clock */
  feedbackDueAt: Nullable(DateTime),
  feedbackLate: Type.Boolean(),
  compensationFen: Nullable(Type.Integer()),
  penaltyFen: Nullable(Type.Integer()),
  note: Nullable(Type.String()),
  responsible: Nullable(Type.String()),
});
export type BreachRow = Static<typeof BreachRow>;
export const BreachPage = pageOf(BreachRow);
export type BreachPage = Static<typeof BreachPage>;

/** Verification, compensation, penalty (by default the profile's multiple of the compensation) and feedback. */
export const BreachUpdateInput = Type.Object(
  {
    status: Type.Optional(literals(BREACH_STATUSES)),
    compensationFen: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    penaltyFen: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type BreachUpdateInput = Static<typeof BreachUpdateInput>;

export const BreachUpdated = Type.Object({
  id: Type.Integer(),
  status: StringEnum(BREACH_STATUSES),
  compensationFen: Nullable(Type.Integer()),
  penaltyFen: Nullable(Type.Integer()),
  note: Nullable(Type.String()),
});
export type BreachUpdated = Static<typeof BreachUpdated>;
