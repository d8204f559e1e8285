// The signed-in user is the ['me'] query: null means "not signed in" and sends the console to login.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Me } from '@griddesk/shared';
import { apiGet, apiPost, isUnauthorized } from '../../api';

export const meKey = ['me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    return await apiGet<Me>('/api/me');
  } catch (err) {
    if (isUnauthorized(err)) return null;
    throw err;
  }
}

/**
 * Drops what was cached under the previous session and its scope. The ['me'] query itself stays:
 * <RequireAuth> observes it, and an observer does not follow a removed query to its replacement.
 */
function forgetSessionData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: Infinity, retry: false });
}

export interface Credentials {
  username: string;
  password: string;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) => apiPost<{ user: Me }>('/api/auth/login', credentials),
    onSuccess: ({ user }) => {
      forgetSessionData(queryClient);
      queryClient.setQueryData(meKey, user);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<void>('/api/auth/logout'),
    // Signed out locally even if the server call fails: the session may already be gone.
    onSettled: () => {
      queryClient.setQueryData(meKey, null);
      forgetSessionData(queryClient);
    },
  });
}
