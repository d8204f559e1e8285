import { useCurrentUser } from '../auth/RequireAuth';

/** policy.write belongs to administrators; the server checks it again on every change. */
export function useCanEditPolicy(): boolean {
  return useCurrentUser().roles.includes('admin');
}
