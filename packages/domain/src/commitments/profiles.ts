// The two profiles griddesk ships (R-CMT-01). `seed` holds the figures of the seed documents,
// which say 日/天 (calendar days), not 工作日; `sgcc-2011` holds State Grid's published service
// commitments of about 2011 (国家电网办〔2011〕1493号), counted in working days.
import type { CommitmentProfile, CommitmentRule, EscalationLevel } from './rules';

const H = 60;
const D = 24 * H;
const OUTSIDE_URBAN = 8 * H; // R-CMT-10: outside the urban area at most 8 h more

const starts = {
  received: { zh: '受理登记时起', en: 'from registration of the case' },
  feePaid: { zh: '客户交清校验费时起', en: 'from payment of the test fee' },
  connected: { zh: '装表接电时起', en: 'from meter installation and connection' },
  reported: { zh: '接到报修时起', en: 'from receipt of the fault report' },
  outage: { zh: '停电开始前', en: 'before the outage starts' },
  accepted: { zh: '受理申请时起', en: 'from acceptance of the application' },
  inspected: { zh: '受电工程检验合格并办结手续时起', en: 'from passing inspection with formalities done' },
};

const outageRules: CommitmentRule[] = [
  {
    key: 'outage.planned_notice',
    clock: 'lead_minutes',
    minutes: 7 * D,
    label: { zh: '计划检修停电提前通知', en: 'Planned outage notice' },
    starts: starts.outage,
    source: 'seed 001 十(二); SGCC 2011',
  },
  {
    key: 'outage.temporary_notice',
    clock: 'lead_minutes',
    minutes: 24 * H,
    label: { zh: '临时检修停电提前通知（双电源及重要用户）', en: 'Temporary outage notice (dual-supply and important customers)' },
    starts: starts.outage,
    source: 'seed 001 十(二)',
  },
];

export const DEFAULT_ESCALATION: readonly EscalationLevel[] = [
  { at: { usedFraction: 0.8 }, notify: 'owner', template: 'case.reminder' },
  { at: { afterDueMinutes: 0 }, notify: 'team_leader', template: 'case.overdue' },
  { at: { afterDueMinutes: 1 * D }, notify: 'station_head', template: 'case.escalated' },
];

const repairClocks = (rule: (c: 'lv_drop' | 'lv_equipment' | 'hv_line') => string): CommitmentProfile['caseClocks'] =>
  (['lv_drop', 'lv_equipment', 'hv_line'] as const).map((faultClass) => ({
    type: 'fault_repair' as const,
    faultClass,
    clocks: [{ rule: rule(faultClass), metBy: 'resolve' as const }],
  }));

export const SEED_PROFILE: CommitmentProfile = {
  id: 'seed',
  version: 1,
  name: { zh: '示范供电所服务承诺（种子文件）', en: 'Seed documents’ service commitments' },
  authority: 'seed 001 (供电所标准化服务规范)',
  dayWindow: { start: '08:00', end: '20:00' },
  breachPenaltyMultiple: 2,
  escalation: DEFAULT_ESCALATION,
  caseClocks: [
    {
      type: 'complaint',
      clocks: [
        { rule: 'complaint.accept', metBy: 'accept' },
        { rule: 'complaint.feedback', metBy: 'resolve' },
      ],
    },
    {
      type: 'misconduct_report',
      clocks: [
        { rule: 'complaint.accept', metBy: 'accept' },
        { rule: 'complaint.feedback', metBy: 'resolve' },
      ],
    },
    { type: 'billing_query', clocks: [{ rule: 'billing_query.notify', metBy: 'resolve' }] },
    { type: 'meter_test', clocks: [{ rule: 'meter_test.notify', metBy: 'resolve', startsOn: 'fee_paid' }] },
    { type: 'commitment_breach', clocks: [{ rule: 'breach.feedback', metBy: 'resolve' }] },
    ...repairClocks((c) => `repair.${c}`),
  ],
  rules: [
    {
      key: 'complaint.accept',
      clock: 'calendar_days',
      days: 3,
      label: { zh: '投诉举报受理（转交责任部门）', en: 'Complaint accepted and transferred' },
      starts: starts.received,
      source: 'seed 001 九(三)',
    },
    {
      key: 'complaint.feedback',
      clock: 'calendar_days',
      days: 15,
      label: { zh: '投诉处理结果反馈', en: 'Complaint result fed back' },
      starts: starts.received,
      source: 'seed 001 九(三)',
    },
    {
      key: 'billing_query.notify',
      clock: 'calendar_days',
      days: 7,
      label: { zh: '电费差错或电价疑问答复', en: 'Billing query answered' },
      starts: starts.received,
      source: 'seed 001 四(三)',
    },
    {
      key: 'meter_test.notify',
      clock: 'calendar_days',
      days: 7,
      label: { zh: '电能表校验并告知结果', en: 'Meter test done and result notified' },
      starts: starts.feePaid,
      source: 'seed 001 四(五)',
    },
    {
      key: 'breach.feedback',
      clock: 'calendar_days',
      days: 10,
      label: { zh: '违诺投诉处理结果反馈', en: 'Breach complaint result fed back' },
      starts: starts.received,
      source: 'seed 001 十(五)',
    },
    {
      key: 'archive.after_connection',
      clock: 'calendar_days',
      days: 3,
      label: { zh: '装表接电后客户资料归档', en: 'Customer file archived after connection' },
      starts: starts.connected,
      source: 'seed 001 五(五)',
    },
    {
      key: 'repair.lv_drop',
      clock: 'minutes',
      minutes: 4 * H,
      nightMinutes: 12 * H,
      pausable: true,
      extraOutsideUrbanMinutes: OUTSIDE_URBAN,
      label: { zh: '低压下火线故障修复（白天 4 小时、夜间 12 小时）', en: 'LV service drop restored (4 h by day, 12 h by night)' },
      starts: starts.reported,
      source: 'seed 001 十(三)(四)',
    },
    {
      key: 'repair.lv_equipment',
      clock: 'minutes',
      minutes: 12 * H,
      pausable: true,
      extraOutsideUrbanMinutes: OUTSIDE_URBAN,
      label: { zh: '低压设备故障修复', en: 'LV equipment fault restored' },
      starts: starts.reported,
      source: 'seed 001 十(三)',
    },
    {
      key: 'repair.hv_line',
      clock: 'minutes',
      minutes: 24 * H,
      pausable: true,
      extraOutsideUrbanMinutes: OUTSIDE_URBAN,
      label: { zh: '倒杆断线及高压架空线路故障修复', en: 'Pole down or HV overhead line restored' },
      starts: starts.reported,
      source: 'seed 001 十(三)',
    },
    ...outageRules,
  ],
};

export const SGCC_2011_PROFILE: CommitmentProfile = {
  id: 'sgcc-2011',
  version: 1,
  name: { zh: '国家电网公司供电服务“十项承诺”（2011 版）', en: 'State Grid service commitments (c. 2011)' },
  authority: '国家电网办〔2011〕1493号',
  dayWindow: { start: '08:00', end: '20:00' },
  breachPenaltyMultiple: 2,
  escalation: DEFAULT_ESCALATION,
  caseClocks: [
    {
      type: 'complaint',
      clocks: [
        { rule: 'complaint.contact', metBy: 'accept' },
        { rule: 'complaint.reply', metBy: 'resolve' },
      ],
    },
    {
      type: 'misconduct_report',
      clocks: [
        { rule: 'complaint.contact', metBy: 'accept' },
        { rule: 'complaint.reply', metBy: 'resolve' },
      ],
    },
    { type: 'billing_query', clocks: [{ rule: 'reading_dispute.reply', metBy: 'resolve' }] },
    { type: 'meter_test', clocks: [{ rule: 'meter_test.result', metBy: 'resolve' }] },
    ...(['lv_drop', 'lv_equipment', 'hv_line'] as const).map((faultClass) => ({
      type: 'fault_repair' as const,
      faultClass,
      clocks: [{ rule: 'repair.arrival', metBy: 'start' as const }],
    })),
  ],
  rules: [
    {
      key: 'repair.arrival',
      clock: 'minutes',
      minutes: { urban: 45, rural: 90, remote: 120 },
      pausable: true,
      label: { zh: '抢修人员到达现场', en: 'Repair crew on site' },
      starts: starts.reported,
      source: 'SGCC 2011 十项承诺',
    },
    {
      key: 'complaint.contact',
      clock: 'working_days',
      days: 1,
      label: { zh: '投诉联系客户', en: 'Complainant contacted' },
      starts: starts.received,
      source: 'SGCC 2011 十项承诺',
    },
    {
      key: 'complaint.reply',
      clock: 'working_days',
      days: 7,
      label: { zh: '投诉答复客户', en: 'Complaint answered' },
      starts: starts.received,
      source: 'SGCC 2011 十项承诺',
    },
    {
      key: 'meter_test.result',
      clock: 'working_days',
      days: 5,
      label: { zh: '电能表校验结果', en: 'Meter test result' },
      starts: starts.received,
      source: 'SGCC 2011 十项承诺',
    },
    {
      key: 'reading_dispute.reply',
      clock: 'working_days',
      days: 7,
      label: { zh: '抄表数据异常核实答复', en: 'Reading dispute answered' },
      starts: starts.received,
      source: 'SGCC 2011 十项承诺',
    },
    {
      key: 'application.plan_reply.residential',
      clock: 'working_days',
      days: 3,
      label: { zh: '供电方案答复（居民）', en: 'Supply plan reply (residential)' },
      starts: starts.accepted,
      source: 'SGCC 2011 十项承诺',
    },
    {
      key: 'application.plan_reply.lv',
      clock: 'working_days',
      days: 7,
      label: { zh: '供电方案答复（低压电力）', en: 'Supply plan reply (LV non-residential)' },
      starts: starts.accepted,
      source: 'SGCC 2011 十项承诺',
    },
    {
      key: 'application.plan_reply.hv_single',
      clock: 'working_days',
      days: 15,
      label: { zh: '供电方案答复（高压单电源）', en: 'Supply plan reply (HV single supply)' },
      starts: starts.accepted,
      source: 'SGCC 2011 十项承诺',
    },
    {
      key: 'application.plan_reply.hv_dual',
      clock: 'working_days',
      days: 30,
      label: { zh: '供电方案答复（高压双电源）', en: 'Supply plan reply (HV dual supply)' },
      starts: starts.accepted,
      source: 'SGCC 2011 十项承诺',
    },
    {
      key: 'application.connection.residential',
      clock: 'working_days',
      days: 3,
      label: { zh: '装表接电（居民）', en: 'Meter installed and connected (residential)' },
      starts: starts.inspected,
      source: 'SGCC 2011 十项承诺',
    },
    {
      key: 'application.connection.non_residential',
      clock: 'working_days',
      days: 5,
      label: { zh: '装表接电（非居民）', en: 'Meter installed and connected (non-residential)' },
      starts: starts.inspected,
      source: 'SGCC 2011 十项承诺',
    },
    ...outageRules,
  ],
};

export const BUILTIN_PROFILES: readonly CommitmentProfile[] = [SEED_PROFILE, SGCC_2011_PROFILE];
