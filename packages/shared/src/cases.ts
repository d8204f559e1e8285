// Service cases: channels, types, statuses and actions (R-CASE-01, R-CASE-02, R-CASE-04).
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
export const SERVICE_AREA_LABELS: Record<'urban' | 'rural' | 'remote', Label> = {
  urban: { zh: '城区', en: 'Urban' },
  rural: { zh: '农村', en: 'Rural' },
  remote: { zh: '特殊边远地区', en: 'Remote' },
};
