import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../api';
import type { PortalStation } from '@griddesk/shared/org-api';

/** The station the portal serves: its name heads every page, its phones are offered for help. */
export function usePortalStation() {
  return useQuery({ queryKey: ['/api/portal/station'], queryFn: () => apiGet<PortalStation>('/api/portal/station'), staleTime: 5 * 60_000 });
}
