// The org page's calls: the contract's types from packages/shared (type-only: no schema code in the
// bundle), one query key prefix per list so a change refreshes every view of it — the case pages'
// pickers included.
import type { Page } from '@griddesk/shared';
import type {
  CreateOrgUnitBody,
  CreateUserBody,
  OrgUnitView,
  PasswordPolicyView,
  ResetPasswordBody,
  ResetPasswordResponse,
  UpdateOrgUnitBody,
  UpdateUserBody,
  UserView,
} from '@griddesk/shared/org-api';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { apiDelete, apiGet, apiPatch, apiPost } from '../../api';

export type { OrgUnitView, PasswordPolicyView, UserView };

export const UNITS_PATH = '/api/org/units';
export const USERS_PATH = '/api/org/users';

export function useUnits(includeRetired: boolean) {
  return useQuery({
    queryKey: [UNITS_PATH, { includeRetired }],
    queryFn: () => apiGet<Page<OrgUnitView>>(UNITS_PATH, { includeRetired }),
    select: (page) => page.items,
  });
}

export function usePasswordPolicy() {
  return useQuery({ queryKey: ['/api/auth/password-policy'], queryFn: () => apiGet<PasswordPolicyView>('/api/auth/password-policy'), staleTime: 10 * 60_000 });
}

/** After a change: every list of units and staff is stale (the tree's staff counts follow the users). */
export function useRefreshOrg() {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: [UNITS_PATH] });
    void queryClient.invalidateQueries({ queryKey: [USERS_PATH] });
  }, [queryClient]);
}

export const orgApi = {
  createUnit: (body: CreateOrgUnitBody) => apiPost<OrgUnitView>(UNITS_PATH, body),
  updateUnit: (id: number, body: UpdateOrgUnitBody) => apiPatch<OrgUnitView>(`${UNITS_PATH}/${id}`, body),
  createUser: (body: CreateUserBody) => apiPost<UserView>(USERS_PATH, body),
  updateUser: (id: number, body: UpdateUserBody) => apiPatch<UserView>(`${USERS_PATH}/${id}`, body),
  resetPassword: (id: number, body: ResetPasswordBody) => apiPost<ResetPasswordResponse>(`${USERS_PATH}/${id}/password`, body),
  unlock: (id: number) => apiPost<UserView>(`${USERS_PATH}/${id}/unlock`),
  uploadPhoto: (id: number, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return apiPost<UserView>(`${USERS_PATH}/${id}/photo`, form);
  },
  deletePhoto: (id: number) => apiDelete<UserView>(`${USERS_PATH}/${id}/photo`),
};

/** The kinds a unit may hold beneath it: county → station → team. */
export const CHILD_KIND = { county: 'station', station: 'team', team: null } as const;
/** The kind of parent a unit may move under. */
export const PARENT_KIND = { county: null, station: 'county', team: 'station' } as const;
