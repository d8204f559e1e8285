// Readable names for the entity and action codes the server writes into the audit trail.
import { LEDGER_KIND_LABELS, LEDGER_KINDS, type LedgerKind } from '@griddesk/shared';
import type { Text } from '../../i18n';

export const AUDIT_ENTITY_LABELS: Record<string, Text> = {
  customer: { zh: '客户', en: 'Customer' },
  feeder: { zh: '线路', en: 'Feeder' },
  area: { zh: '台区', en: 'Transformer area' },
  meter: { zh: '计量点', en: 'Meter' },
  ledger_import: { zh: '台账导入', en: 'Ledger import' },
  ledger_export: { zh: '台账导出', en: 'Ledger export' },
  session: { zh: '登录会话', en: 'Session' },
  user: { zh: '用户', en: 'User' },
  org_unit: { zh: '组织机构', en: 'Org unit' },
};

const ACTION_LABELS: Record<string, Text> = {
  login: { zh: '登录', en: 'Sign in' },
  logout: { zh: '退出登录', en: 'Sign out' },
  create: { zh: '新增', en: 'Create' },
  update: { zh: '修改', en: 'Update' },
  delete: { zh: '删除', en: 'Delete' },
  reveal_personal_data: { zh: '查看完整个人信息', en: 'Reveal personal data' },
  'demo.create': { zh: '生成演示数据', en: 'Create demo data' },
};

const PER_KIND_VERBS: Record<string, Text> = {
  import: { zh: '导入', en: 'Import' },
  export: { zh: '导出', en: 'Export' },
};

export const KNOWN_AUDIT_ACTIONS: string[] = [
  ...Object.keys(ACTION_LABELS),
  ...Object.keys(PER_KIND_VERBS).flatMap((verb) => LEDGER_KINDS.map((kind) => `${verb}.${kind}`)),
];

/** `import.customers` reads as 导入客户 / Import customers; unknown codes are shown as they are. */
export function auditActionLabel(action: string): Text {
  const known = ACTION_LABELS[action];
  if (known) return known;
  const [verb = '', kind = ''] = action.split('.');
  const verbLabel = PER_KIND_VERBS[verb];
  const kindLabel = LEDGER_KIND_LABELS[kind as LedgerKind] as Text | undefined;
  if (verbLabel && kindLabel) {
    return { zh: `${verbLabel.zh}${kindLabel.zh}`, en: `${verbLabel.en} ${kindLabel.en.toLowerCase()}` };
  }
  return { zh: action, en: action };
}
