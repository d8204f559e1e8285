// Case views: the staff view masks the contact's personal data (R-SYS-03); the public view by
// query code carries no personal data at all (R-CASE-08).
import { allowedActions, findRule, isOpen, maskAddress, maskPhone, type ClockState, type CommitmentProfile } from '@griddesk/domain';
import {
  CASE_ACTION_LABELS,
  CASE_STATUS_LABELS,
  CASE_TYPE_LABELS,
  type CaseAction,
  type CaseDeadline,
  type CaseEvent,
  type CaseEventDetail,
  type CaseStatus,
  type CaseSummary,
  type CaseView,
  type PublicCase,
} from '@griddesk/shared';
import type { CaseRow, EventRow } from './repo';

function deadlines(profile: CommitmentProfile, clocks: ClockState[]): CaseDeadline[] {
  return clocks.map((c) => ({
    rule: c.rule,
    label: findRule(profile, c.rule)?.label ?? { zh: c.rule, en: c.rule },
    dueAt: c.dueAt?.toISOString() ?? null,
    metAt: c.metAt?.toISOString() ?? null,
    breached: c.breached,
  }));
}

/** The nearest unmet deadline, for sorting the inbox by time left. */
export function nextDue(clocks: ClockState[]): Date | null {
  const open = clocks.filter((c) => !c.metAt && c.dueAt).map((c) => c.dueAt!.getTime());
  return open.length ? new Date(Math.min(...open)) : null;
}

export function isOverdue(status: CaseRow['status'], clocks: ClockState[], now: Date): boolean {
  return isOpen(status) && clocks.some((c) => !c.metAt && c.dueAt !== null && now > c.dueAt);
}

/** What an event's stored detail (JSON, or text from a driver that leaves it so) says, in the fields the timeline shows. */
function eventDetail(stored: unknown): CaseEventDetail {
  let d = stored;
  if (typeof d === 'string') {
    try {
      d = JSON.parse(d);
    } catch {
      return {};
    }
  }
  return d !== null && typeof d === 'object' ? (d as CaseEventDetail) : {};
}

export function timeline(events: EventRow[]): CaseEvent[] {
  return events.map((e) => ({
    action: e.action as CaseEvent['action'],
    at: e.at.toISOString(),
    actorName: e.actor_name,
    fromStatus: e.from_status as CaseStatus | null,
    toStatus: e.to_status as CaseStatus,
    detail: eventDetail(e.detail),
  }));
}

/** A case as the inbox lists it (no timeline). */
export function staffSummary(row: CaseRow, profile: CommitmentProfile, clocks: ClockState[], now: Date): CaseSummary {
  const due = nextDue(clocks);
  return {
    id: row.id,
    queryCode: row.query_code,
    type: row.type,
    channel: row.channel,
    status: row.status,
    faultClass: row.fault_class,
    serviceArea: row.service_area,
    stationId: row.station_id,
    team: row.team_id ? { id: row.team_id, name: row.team_name } : null,
    owner: row.owner_id ? { id: row.owner_id, name: row.owner_name } : null,
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name } : null,
    profile: { id: row.profile_id, version: row.profile_version },
    contact: { name: row.contact_name, phone: maskPhone(row.contact_phone), address: maskAddress(row.contact_address), accountNo: row.account_no },
    description: row.description,
    important: row.important,
    conclusion: row.conclusion,
    satisfaction: row.satisfaction,
    callbackComment: row.callback_comment,
    receivedAt: row.received_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    deadlines: deadlines(profile, clocks),
    nextDueAt: due?.toISOString() ?? null,
    timeLeftMinutes: due ? Math.round((due.getTime() - now.getTime()) / 60_000) : null,
    overdue: isOverdue(row.status, clocks, now),
    allowedActions: allowedActions(row.status),
  };
}

/** A case with its timeline: the detail, and the answer of every staff write. */
export function staffView(row: CaseRow, events: EventRow[], profile: CommitmentProfile, clocks: ClockState[], now: Date): CaseView {
  return { ...staffSummary(row, profile, clocks, now), events: timeline(events) };
}

export function publicView(row: CaseRow, events: EventRow[], profile: CommitmentProfile, clocks: ClockState[]): PublicCase {
  return {
    queryCode: row.query_code,
    type: row.type,
    typeLabel: CASE_TYPE_LABELS[row.type],
    status: row.status,
    statusLabel: CASE_STATUS_LABELS[row.status],
    receivedAt: row.received_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    steps: events.map((e) => ({
      action: e.action,
      label: e.action === 'register' ? { zh: '登记', en: 'Registered' } : (CASE_ACTION_LABELS[e.action as CaseAction] ?? { zh: e.action, en: e.action }),
      at: e.at.toISOString(),
      status: e.to_status,
    })),
    deadlines: deadlines(profile, clocks),
  };
}
