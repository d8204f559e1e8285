// R-CASE-04: the closed loop. received → accepted → assigned → in_progress (↔ paused) → resolved →
// callback_done → closed, with reopen on dissatisfaction. The case machine is data for the
// workflow engine: which action is allowed from which status, where it leads and the permission
// it needs; anything else is a conflict.
import { CASE_STATUSES, type CaseAction, type CaseStatus } from '@griddesk/shared';
import { actionsFrom, defineMachine, nextState } from '../workflow/machine';

const w = 'cases.write' as const;

export const CASE_MACHINE = defineMachine<CaseStatus, CaseAction>({
  kind: 'case',
  states: CASE_STATUSES,
  initial: 'received',
  open: ['received', 'accepted', 'assigned', 'in_progress', 'paused'],
  actions: {
    accept: { permission: w, moves: { received: 'accepted' } },
    assign: { permission: w, moves: { accepted: 'assigned', assigned: 'assigned' } },
    start: { permission: w, moves: { assigned: 'in_progress' } },
    pause: { permission: w, moves: { in_progress: 'paused' } },
    resume: { permission: w, moves: { paused: 'in_progress' } },
    resolve: { permission: w, moves: { in_progress: 'resolved' } },
    callback: { permission: w, moves: { resolved: 'callback_done' } },
    close: { permission: w, moves: { callback_done: 'closed' } },
    reopen: { permission: w, moves: { resolved: 'in_progress', callback_done: 'in_progress', closed: 'in_progress' } },
    transfer: { permission: w, moves: { received: 'received', accepted: 'accepted', assigned: 'accepted', in_progress: 'accepted' } },
  },
});

/** status → action → status, as the table reads by status */
export const TRANSITIONS: Readonly<Record<CaseStatus, Partial<Record<CaseAction, CaseStatus>>>> = Object.fromEntries(
  CASE_STATUSES.map((s) => [s, Object.fromEntries(actionsFrom(CASE_MACHINE, s).map((a) => [a, nextState(CASE_MACHINE, s, a)!]))]),
) as Record<CaseStatus, Partial<Record<CaseAction, CaseStatus>>>;

export function nextStatus(from: CaseStatus, action: CaseAction): CaseStatus | undefined {
  return nextState(CASE_MACHINE, from, action);
}

export function allowedActions(from: CaseStatus): CaseAction[] {
  return actionsFrom(CASE_MACHINE, from);
}

export const OPEN_STATUSES: readonly CaseStatus[] = CASE_MACHINE.open;

export function isOpen(status: CaseStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
