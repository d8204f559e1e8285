// Chinese first, English second (R-SYS-01). One dictionary for UI strings; longer texts that
// belong to one page (rule summaries, shared enum labels) are passed to `t` as {zh, en} objects.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { casesMessages } from './messages/cases';
import { documentMessages } from './messages/documents';
import { jobMessages } from './messages/jobs';
import { meteringMessages } from './messages/metering';
import { meteringPolicyMessages } from './messages/meteringPolicy';
import { orgMessages } from './messages/org';
import { policyMessages } from './messages/policy';
import { portalCaseMessages } from './messages/portal';
import { tariffMessages } from './messages/tariffs';

export type Lang = 'zh' | 'en';
export interface Text {
  zh: string;
  en: string;
}

const messages = {
  'app.name': { zh: 'griddesk 供电所服务质量平台', en: 'griddesk service-quality platform' },
  'app.short': { zh: '供电所服务质量平台', en: 'Service quality' },
  'common.yes': { zh: '是', en: 'Yes' },
  'common.no': { zh: '否', en: 'No' },
  'common.search': { zh: '查询', en: 'Search' },
  'common.reset': { zh: '重置', en: 'Reset' },
  'common.retry': { zh: '重试', en: 'Retry' },
  'common.none': { zh: '无', en: 'None' },
  'common.total': { zh: '共 {n} 条', en: '{n} in total' },
  'common.coming': { zh: '建设中', en: 'Coming' },
  'common.comingSoon': { zh: '即将开通', en: 'Coming soon' },
  'common.loadFailed': { zh: '数据加载失败', en: 'Could not load the data' },
  'common.networkError': { zh: '无法连接服务器，请检查网络后重试。', en: 'The server could not be reached. Check the network and try again.' },
  'common.httpError': { zh: '服务器返回错误（HTTP {status}）。', en: 'The server answered with an error (HTTP {status}).' },
  'common.notFound': { zh: '页面不存在', en: 'Page not found' },
  'common.backHome': { zh: '返回工作台', en: 'Back to the dashboard' },

  'lang.switch': { zh: '语言', en: 'Language' },

  'auth.title': { zh: '员工登录', en: 'Staff sign-in' },
  'auth.username': { zh: '用户名', en: 'Username' },
  'auth.password': { zh: '密码', en: 'Password' },
  'auth.usernameRequired': { zh: '请输入用户名', en: 'Enter your username' },
  'auth.passwordRequired': { zh: '请输入密码', en: 'Enter your password' },
  'auth.submit': { zh: '登录', en: 'Sign in' },
  'auth.logout': { zh: '退出登录', en: 'Sign out' },
  'auth.portalLink': { zh: '前往公众服务窗口', en: 'Go to the public portal' },

  'nav.menu': { zh: '菜单', en: 'Menu' },
  'nav.dashboard': { zh: '工作台', en: 'Dashboard' },
  'nav.ledger': { zh: '台账', en: 'Ledger' },
  'nav.customers': { zh: '客户', en: 'Customers' },
  'nav.feeders': { zh: '线路', en: 'Feeders' },
  'nav.areas': { zh: '台区', en: 'Transformer areas' },
  'nav.meters': { zh: '计量点', en: 'Meters' },
  'nav.importExport': { zh: '导入导出', en: 'Import / export' },
  'nav.cases': { zh: '服务工单', en: 'Cases' },
  'nav.applications': { zh: '业扩报装', en: 'Applications' },
  'nav.metering': { zh: '抄表与线损', en: 'Metering & line loss' },
  'nav.outages': { zh: '停电与可靠性', en: 'Outages & reliability' },
  'nav.safety': { zh: '安全管理', en: 'Safety' },
  'nav.assessment': { zh: '检查与考核', en: 'Inspection & assessment' },
  'nav.quality': { zh: '服务质量评价', en: 'Quality (CSI)' },
  'nav.commitments': { zh: '承诺与规则', en: 'Commitments & policy' },
  'nav.org': { zh: '组织与人员', en: 'Organisation & staff' },
  'nav.audit': { zh: '审计日志', en: 'Audit trail' },

  'dashboard.welcome': { zh: '{name}，您好', en: 'Hello, {name}' },
  'dashboard.ledgerTitle': { zh: '台账概况', en: 'Ledger at a glance' },
  'dashboard.indicatorsTitle': { zh: '服务与指标（抄表月份 {period}）', en: 'Service and indicators (reading month {period})' },
  'dashboard.openCases': { zh: '在办工单', en: 'Open cases' },
  'dashboard.overdueCases': { zh: '超时工单', en: 'Overdue cases' },
  'dashboard.residentialRate': { zh: '居民实抄率', en: 'Residential actual-reading rate' },
  'dashboard.nonResidentialRate': { zh: '非居民实抄率', en: 'Non-residential actual-reading rate' },
  'dashboard.comprehensiveLoss': { zh: '综合线损率', en: 'Comprehensive line loss' },
  'dashboard.watchAreas': { zh: '连续不合格台区', en: 'Areas not qualified in a row' },
  'dashboard.feeders': { zh: '线路', en: 'Feeders' },
  'dashboard.areas': { zh: '台区', en: 'Transformer areas' },
  'dashboard.customers': { zh: '客户', en: 'Customers' },
  'dashboard.meters': { zh: '计量点', en: 'Meters' },
  'dashboard.important': { zh: '重要客户', en: 'Important customers' },
  'dashboard.dualSupply': { zh: '双电源客户', en: 'Dual-supply customers' },

  'ledger.searchCustomers': { zh: '户号、户名或完整电话号码', en: 'Account no., name or full phone number' },
  'ledger.searchFeeders': { zh: '线路编号或名称', en: 'Feeder code or name' },
  'ledger.searchAreas': { zh: '台区编号或名称', en: 'Area code or name' },
  'ledger.searchMeters': { zh: '表号，或完整的户号、台区编号、线路编号', en: 'Meter no., or an exact account, area or feeder code' },
  'ledger.accountNo': { zh: '户号', en: 'Account no.' },
  'ledger.customerName': { zh: '户名', en: 'Name' },
  'ledger.address': { zh: '用电地址', en: 'Address' },
  'ledger.phone': { zh: '联系电话', en: 'Phone' },
  'ledger.customerClass': { zh: '用户类别', en: 'Customer class' },
  'ledger.voltageLevel': { zh: '电压等级', en: 'Voltage' },
  'ledger.tariffCode': { zh: '电价代码', en: 'Tariff' },
  'ledger.area': { zh: '台区', en: 'Area' },
  'ledger.areaCode': { zh: '台区编号', en: 'Area code' },
  'ledger.feeder': { zh: '线路', en: 'Feeder' },
  'ledger.feederCode': { zh: '线路编号', en: 'Feeder code' },
  'ledger.station': { zh: '供电所', en: 'Station' },
  'ledger.flags': { zh: '标识', en: 'Flags' },
  'ledger.important': { zh: '重要用户', en: 'Important' },
  'ledger.dualSupply': { zh: '双电源', en: 'Dual supply' },
  'ledger.name': { zh: '名称', en: 'Name' },
  'ledger.areaCount': { zh: '台区数', en: 'Areas' },
  'ledger.customerCount': { zh: '客户数', en: 'Customers' },
  'ledger.capacityKva': { zh: '容量（kVA）', en: 'Capacity (kVA)' },
  'ledger.meterNo': { zh: '表号', en: 'Meter no.' },
  'ledger.meterRole': { zh: '计量点类型', en: 'Role' },
  'ledger.multiplier': { zh: '倍率', en: 'Multiplier' },
  'ledger.status': { zh: '状态', en: 'Status' },
  'ledger.customerDetail': { zh: '客户档案', en: 'Customer file' },
  'ledger.meters': { zh: '计量点', en: 'Meters' },
  'ledger.contracts': { zh: '供用电合同', en: 'Supply contracts' },
  'ledger.contractNo': { zh: '合同编号', en: 'Contract no.' },
  'ledger.signedOn': { zh: '签订日期', en: 'Signed' },
  'ledger.expiresOn': { zh: '到期日期', en: 'Expires' },
  'ledger.reveal': { zh: '查看完整信息', en: 'Reveal' },
  'ledger.revealed': { zh: '已显示完整信息，本次查看已记入审计日志', en: 'Full details shown; this view is recorded in the audit trail' },
  'ledger.maskedHint': { zh: '电话与地址默认脱敏显示', en: 'Phone and address are masked by default' },

  'import.title': { zh: '台账导入导出', en: 'Ledger import and export' },
  'import.kind': { zh: '台账类型', en: 'Ledger' },
  'import.template': { zh: '下载模板', en: 'Template' },
  'import.export': { zh: '导出数据', en: 'Export' },
  'import.columns': { zh: '模板列（* 为必填）', en: 'Template columns (* required)' },
  'import.uploadTitle': { zh: '上传文件', en: 'Upload a file' },
  'import.drop': { zh: '点击或拖拽 CSV / XLSX 文件到此处', en: 'Click or drop a CSV / XLSX file here' },
  'import.dropHint': {
    zh: '整份文件先全部校验；任何一行有错，整份文件都不会导入。',
    en: 'The whole file is checked first; if any row is wrong, nothing in the file is imported.',
  },
  'import.file': { zh: '文件：{name}', en: 'File: {name}' },
  'import.rowsProgress': { zh: '{phase} · 已处理 {done} / {total} 行', en: '{phase} · {done} of {total} rows processed' },
  'import.phase.parsing': { zh: '解析', en: 'Parsing' },
  'import.phase.validating': { zh: '校验', en: 'Validating' },
  'import.phase.writing': { zh: '写入', en: 'Writing' },
  'import.phase.done': { zh: '完成', en: 'Done' },
  'import.succeeded': { zh: '导入成功：新增 {inserted} 条，更新 {updated} 条。', en: 'Import succeeded: {inserted} inserted, {updated} updated.' },
  'import.rejected': { zh: '文件被拒绝，未导入任何数据。', en: 'File rejected: nothing was imported.' },
  'import.rejectedDetail': {
    zh: '共发现 {n} 处错误，请按下表逐行修改后重新上传。',
    en: '{n} problems found. Correct the rows below and upload the file again.',
  },
  'import.failed': { zh: '导入失败，未导入任何数据。', en: 'Import failed: nothing was imported.' },
  'import.row': { zh: '行', en: 'Row' },
  'import.column': { zh: '列', en: 'Column' },
  'import.value': { zh: '值', en: 'Value' },
  'import.reason': { zh: '原因', en: 'Reason' },
  'import.emptyValue': { zh: '（空）', en: '(empty)' },

  'audit.title': { zh: '审计日志', en: 'Audit trail' },
  'audit.at': { zh: '时间', en: 'When' },
  'audit.actor': { zh: '操作人', en: 'Who' },
  'audit.entity': { zh: '对象', en: 'Entity' },
  'audit.entityId': { zh: '对象编号', en: 'Entity id' },
  'audit.action': { zh: '操作', en: 'Action' },
  'audit.period': { zh: '时间范围', en: 'Period' },
  'audit.before': { zh: '变更前', en: 'Before' },
  'audit.after': { zh: '变更后', en: 'After' },
  'audit.changed': { zh: '变更字段', en: 'Changed fields' },
  'audit.appendOnly': { zh: '审计日志只可追加，任何人不能修改或删除。', en: 'The audit trail is append-only: no one can change or delete an entry.' },

  'org.title': { zh: '组织与人员', en: 'Organisation and staff' },
  'org.tree': { zh: '组织机构', en: 'Organisation' },
  'org.staff': { zh: '人员', en: 'Staff' },
  'org.staffOf': { zh: '{unit}人员', en: 'Staff of {unit}' },
  'org.showAll': { zh: '显示全部人员', en: 'Show all staff' },
  'org.kind.county': { zh: '县公司', en: 'County company' },
  'org.kind.station': { zh: '供电所', en: 'Supply station' },
  'org.kind.team': { zh: '班组', en: 'Team' },
  'org.displayName': { zh: '姓名', en: 'Name' },
  'org.username': { zh: '用户名', en: 'Username' },
  'org.post': { zh: '岗位', en: 'Post' },
  'org.badgeNo': { zh: '工号', en: 'Badge no.' },
  'org.roles': { zh: '角色', en: 'Roles' },
  'org.unit': { zh: '所属单位', en: 'Unit' },
  'org.onDuty': { zh: '在岗', en: 'On duty' },
  'org.offDuty': { zh: '不在岗', en: 'Off duty' },
  'org.active': { zh: '启用', en: 'Active' },
  'org.inactive': { zh: '停用', en: 'Disabled' },
  'org.dutyStatus': { zh: '值班', en: 'Duty' },
  'org.accountStatus': { zh: '账号', en: 'Account' },

  'placeholder.plan': { zh: '本模块将提供', en: 'What this section will hold' },

  'portal.title': { zh: '供电服务窗口', en: 'Power supply service' },
  'portal.address': { zh: '营业地址', en: 'Address' },
  'portal.hours': { zh: '营业时间', en: 'Opening hours' },
  'portal.phone': { zh: '服务电话', en: 'Service phone' },
  'portal.repairPhone': { zh: '故障报修', en: 'Fault repair' },
  'portal.complaintPhone': { zh: '投诉举报', en: 'Complaints' },
  'portal.services': { zh: '自助服务', en: 'Self-service' },
  'portal.staff': { zh: '在岗人员', en: 'Staff on duty' },
  'portal.staffHint': {
    zh: '以下工作人员今日在岗，欢迎监督。',
    en: 'These staff members are on duty today. Your feedback is welcome.',
  },
  'portal.noStaff': { zh: '暂无在岗人员信息', en: 'No on-duty staff listed at the moment' },
  'portal.badgeNo': { zh: '工号', en: 'Badge no.' },
  'portal.photoOf': { zh: '{name}的照片', en: 'Photo of {name}' },
  'portal.footer': { zh: '优质服务，欢迎监督', en: 'We welcome your feedback on our service' },
  'portal.caseTracking': { zh: '查询工单', en: 'Case tracking' },
  'portal.caseTrackingHint': {
    zh: '凭查询卡上的查询码，查询投诉、报修和业务办理进度',
    en: 'Follow a complaint, repair or application with the query code on your card',
  },
  'portal.billQuery': { zh: '电费查询', en: 'Bill query' },
  'portal.billQueryHint': { zh: '查询电价、抄表示数、用电量和应缴电费', en: 'Tariff, meter readings, consumption and amount due' },
  'portal.commitments': { zh: '服务承诺', en: 'Service commitments' },
  'portal.commitmentsHint': { zh: '我们公开承诺的服务内容与办理时限', en: 'The services we promise and the time limits we keep' },
  'portal.outages': { zh: '停电公告', en: 'Outage notices' },
  'portal.outagesHint': { zh: '计划检修与临时停电的时间和范围', en: 'When and where planned and temporary outages take place' },

  // Larger sections keep their texts in their own files.
  ...casesMessages,
  ...documentMessages,
  ...jobMessages,
  ...meteringMessages,
  ...meteringPolicyMessages,
  ...orgMessages,
  ...policyMessages,
  ...portalCaseMessages,
  ...tariffMessages,
} satisfies Record<string, Text>;

export type MsgKey = keyof typeof messages;
export type Translate = (msg: MsgKey | Text, vars?: Record<string, string | number>) => string;

const STORAGE_KEY = 'griddesk.lang';

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    // Storage can be disabled (private mode, kiosk lockdown); Chinese is the default anyway.
    return 'zh';
  }
}

interface LangState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

const LangContext = createContext<LangState | null>(null);

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const setLang = useCallback((next: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisting is acceptable; the switch still applies to this page.
    }
    setLangState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangState {
  const state = useContext(LangContext);
  if (!state) throw new Error('useLang must be used inside <LangProvider>');
  return state;
}

export function useT(): Translate {
  const { lang } = useLang();
  return useCallback<Translate>(
    (msg, vars) => {
      const text = typeof msg === 'string' ? messages[msg] : msg;
      const out = text[lang];
      if (!vars) return out;
      return out.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
    },
    [lang],
  );
}

/** Label of an enum value from a {zh,en} table; a value the table does not know is shown as it is. */
export function lookup(table: Readonly<Record<string, Text>>, key: string | null | undefined): Text {
  if (key == null) return { zh: '—', en: '—' };
  return table[key] ?? { zh: key, en: key };
}
