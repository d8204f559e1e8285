// R-CASE-04: the closed loop. received → accepted → assigned → in_progress (↔ paused) → resolved →
// callback_done → closed, with reopen on dissatisfaction. One table says which action is allowed
// from which status and where it leads; anything else is a conflict.
import type { CaseAction, CaseStatus } from '@griddesk/shared';

export const TRANSITIONS: Readonly<Record<CaseStatus, Partial<Record<CaseAction, CaseStatus>>>> = {
  received: { accept: 'accepted', transfer: 'received' },
  accepted: { assign: 'assigned', transfer: 'accepted' },
  assigned: { assign: 'assigned', start: 'in_progress', transfer: 'accepted' },
  in_progress: { pause: 'paused', resolve: 'resolved', transfer: 'accepted' },
  paused: { resume: 'in_progress' },
  resolved: { callback: 'callback_done', reopen: 'in_progress' },
  callback_done: { close: 'closed', reopen: 'in_progress' },
  closed: { reopen: 'in_progress' },
};

export function nextStatus(from: CaseStatus, action: CaseAction): CaseStatus | undefined {
  return TRANSITIONS[from][action];
}

export function allowedActions(from: CaseStatus): CaseAction[] {
  return Object.keys(TRANSITIONS[from]) as CaseAction[];
}

export const OPEN_STATUSES: readonly CaseStatus[] = ['received', 'accepted', 'assigned', 'in_progress', 'paused'];

export function isOpen(status: CaseStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
