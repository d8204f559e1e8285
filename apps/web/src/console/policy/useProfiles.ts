// Profile look-ups shared by the policy pages and the breach list.
import { useQueries, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api';
import type { Text } from '../../i18n';
import type { ProfileDetail, ProfileSummary } from './types';

export const profilesKey = ['/api/policy/profiles'] as const;
export const profileKey = (id: string, version: number) => [`/api/policy/profiles/${id}/${version}`] as const;

export function useProfiles() {
  return useQuery({
    queryKey: profilesKey,
    queryFn: () => apiGet<{ items: ProfileSummary[]; total: number }>('/api/policy/profiles'),
    select: (page) => page.items,
  });
}

export function useProfile(id: string | undefined, version: number | undefined) {
  return useQuery({
    queryKey: profileKey(id ?? '', version ?? 0),
    queryFn: () => apiGet<ProfileDetail>(`/api/policy/profiles/${encodeURIComponent(id!)}/${version}`),
    enabled: Boolean(id) && Number.isInteger(version),
  });
}

/**
 * Rule key → label over every profile version (the active one wins), since a breach record names
 * only the rule key and a case may run under an older profile.
 */
export function useRuleLabels(): Map<string, Text> {
  const list = useProfiles();
  const rank = (s: ProfileSummary['status']) => (s === 'active' ? 2 : s === 'retired' ? 1 : 0);
  const versions = [...(list.data ?? [])].sort((a, b) => rank(a.status) - rank(b.status));
  const details = useQueries({
    queries: versions.map((p) => ({
      queryKey: profileKey(p.id, p.version),
      queryFn: () => apiGet<ProfileDetail>(`/api/policy/profiles/${encodeURIComponent(p.id)}/${p.version}`),
      staleTime: 5 * 60_000,
    })),
  });
  const labels = new Map<string, Text>();
  for (const d of details) for (const r of d.data?.definition.rules ?? []) labels.set(r.key, r.label);
  return labels;
}
