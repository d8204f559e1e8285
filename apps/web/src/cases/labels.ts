// Case labels for the pages, and the colours statuses are shown in; the labels themselves live in
// the shared package so server messages and pages say the same.
import type { CaseStatus } from '@griddesk/shared';
import type { Text } from '../i18n';

export { FAULT_CLASS_LABELS, SERVICE_AREA_LABELS, SERVICE_AREAS } from '@griddesk/shared';

export const CASE_STATUS_COLORS: Record<CaseStatus, string> = {
  received: 'blue',
  accepted: 'cyan',
  assigned: 'geekblue',
  in_progress: 'processing',
  paused: 'gold',
  resolved: 'green',
  callback_done: 'lime',
  closed: 'default',
};

/** Statuses in which the case's clocks still run (the rest wait for the customer or are done). */
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = ['received', 'accepted', 'assigned', 'in_progress', 'paused'];

/** The first step of every timeline is the registration, which is not one of the case actions. */
export const REGISTER_LABEL: Text = { zh: '登记', en: 'Registered' };
