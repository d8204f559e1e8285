// Case shapes the console reads (R-CASE-04); what the portal reads is in @griddesk/shared (PublicCase).
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

export type ServiceArea = 'urban' | 'rural' | 'remote';
