// Case shapes both the console and the portal read (R-CASE-04, R-CASE-08).
import type { CaseStatus, CaseType } from '@griddesk/shared';
import type { Text } from '../i18n';

/** One commitment clock of a case: due instant, when it was met, whether it was breached. */
export interface DeadlineView {
  rule: string;
  label: Text;
  /** null while the clock has not started (a meter test before the fee is paid) */
  dueAt: string | null;
  metAt: string | null;
  breached: boolean;
}

/** What anyone holding the query code may see: no name, phone or address (R-CASE-08). */
export interface PublicCase {
  queryCode: string;
  type: CaseType;
  typeLabel: Text;
  status: CaseStatus;
  statusLabel: Text;
  receivedAt: string;
  closedAt: string | null;
  steps: { action: string; label: Text; at: string; status: string }[];
  deadlines: DeadlineView[];
}

export type ServiceArea = 'urban' | 'rural' | 'remote';
