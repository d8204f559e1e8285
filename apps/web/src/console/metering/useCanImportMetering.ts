import type { Role } from '@griddesk/shared';
import { useCurrentUser } from '../auth/RequireAuth';

// The roles holding ledger.import (packages/domain org/permissions.ts, which the web may not import):
// a team leader may run the screening but not load the data it runs on.
// Only hides buttons a user could not use: the server checks again and a refusal is shown.
const IMPORTERS: readonly Role[] = ['admin', 'station_head', 'clerk'];

export function useCanImportMetering(): boolean {
  return useCurrentUser().roles.some((r) => IMPORTERS.includes(r));
}
