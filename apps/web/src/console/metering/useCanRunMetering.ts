import type { Role } from '@griddesk/shared';
import { useCurrentUser } from '../auth/RequireAuth';

// The roles holding ledger.write (packages/domain org/permissions.ts, which the web may not import).
// Only hides buttons a user could not use: the server checks again and a refusal is shown.
const WRITERS: readonly Role[] = ['admin', 'station_head', 'team_leader', 'clerk'];

export function useCanRunMetering(): boolean {
  return useCurrentUser().roles.some((r) => WRITERS.includes(r));
}
