// R-CASE-05: how pressing an open case is. Overdue is red; orange when at most a fifth of the
// allowed time is left or less than two hours; the rest normal.
import { OPEN_CASE_STATUSES } from '../../cases/labels';
import type { CaseSummary } from '@griddesk/shared';

export type Urgency = 'overdue' | 'near' | 'normal' | 'none';

const NEAR_MINUTES = 120;
const NEAR_FRACTION = 0.2;

export function urgencyOf(c: Pick<CaseSummary, 'status' | 'overdue' | 'timeLeftMinutes' | 'nextDueAt' | 'receivedAt' | 'deadlines'>): Urgency {
  if (c.overdue) return 'overdue';
  if (!OPEN_CASE_STATUSES.includes(c.status) || c.timeLeftMinutes === null || !c.nextDueAt) return 'none';
  if (c.timeLeftMinutes < 0) return 'overdue';
  if (c.timeLeftMinutes < NEAR_MINUTES) return 'near';
  // The allowed time of the clock due next runs from registration (close enough for a meter test
  // whose clock starts at payment: it only makes the warning come a little early).
  const allowed = (Date.parse(c.nextDueAt) - Date.parse(c.receivedAt)) / 60_000;
  if (allowed > 0 && c.timeLeftMinutes <= allowed * NEAR_FRACTION) return 'near';
  return 'normal';
}

export const URGENCY_COLORS: Record<Urgency, string | undefined> = {
  overdue: 'red',
  near: 'orange',
  normal: undefined,
  none: undefined,
};
