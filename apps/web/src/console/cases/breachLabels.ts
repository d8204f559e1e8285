import type { BreachStatus } from '@griddesk/shared';
import type { Text } from '../../i18n';

export { BREACH_STATUSES } from '@griddesk/shared';

export const BREACH_STATUS_LABELS: Record<BreachStatus, Text> = {
  open: { zh: '待核实', en: 'Open' },
  verified: { zh: '已查实', en: 'Verified' },
  feedback_given: { zh: '已反馈客户', en: 'Feedback given' },
  closed: { zh: '已结案', en: 'Closed' },
  dismissed: { zh: '不予认定', en: 'Dismissed' },
};

export const BREACH_STATUS_COLORS: Record<BreachStatus, string> = {
  open: 'red',
  verified: 'orange',
  feedback_given: 'blue',
  closed: 'green',
  dismissed: 'default',
};
