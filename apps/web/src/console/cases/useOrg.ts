// Org look-ups the case pages need: station and team names, pickers of teams and staff.
import type { Page } from '@griddesk/shared';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api';
import type { OrgUnitView, UserView } from '@griddesk/shared/org-api';

export function useOrgUnits() {
  return useQuery({
    queryKey: ['/api/org/units'],
    queryFn: () => apiGet<Page<OrgUnitView>>('/api/org/units'),
    select: (page) => page.items,
    staleTime: 5 * 60_000,
  });
}

/**
 * Active staff of a unit and its subtree (a station's staff include its teams'); 'visible' is
 * everyone the signed-in user may see, for a clerk whose scope is their own team only.
 */
export function useStaffOf(orgUnitId: number | 'visible' | undefined) {
  const params = { orgUnitId: orgUnitId === 'visible' ? undefined : orgUnitId, limit: 500 };
  return useQuery({
    queryKey: ['/api/org/users', params],
    queryFn: () => apiGet<Page<UserView>>('/api/org/users', params),
    enabled: orgUnitId !== undefined,
    select: (page) => page.items.filter((u) => u.active),
    staleTime: 60_000,
  });
}

/** The station as a picker scope when the user can see it, else whatever the user can see. */
export function stationScope(units: OrgUnitView[] | undefined, stationId: number): number | 'visible' | undefined {
  if (!units) return undefined;
  return units.some((u) => u.id === stationId) ? stationId : 'visible';
}

/** Teams of the station; a user who sees only their own team gets that team. */
export function teamsOf(units: OrgUnitView[] | undefined, stationId: number): OrgUnitView[] {
  return (units ?? []).filter((u) => u.kind === 'team' && (u.parentId === stationId || !units?.some((s) => s.id === stationId)));
}

export function stationsOf(units: OrgUnitView[] | undefined): OrgUnitView[] {
  return (units ?? []).filter((u) => u.kind === 'station');
}
