import type { Text } from '../../i18n';
import type { BreachStatus } from './types';

export const BREACH_STATUSES: readonly BreachStatus[] = ['open', 'verified', 'feedback_given', 'closed', 'dismissed'];

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

/** Statuses in which the 10-day feedback to the complainant is still owed (R-CMT-12). */
export const FEEDBACK_OWED: readonly BreachStatus[] = ['open', 'verified'];
