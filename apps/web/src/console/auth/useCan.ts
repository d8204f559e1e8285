import type { Permission } from '@griddesk/shared';
import { useCurrentUser } from './RequireAuth';

/**
 * Whether the signed-in user holds a permission, as the server computed it for /api/me. Only hides
 * what the user could not use: the server checks again and a refusal is shown.
 */
export function useCan(permission: Permission): boolean {
  return useCurrentUser().permissions.includes(permission);
}
