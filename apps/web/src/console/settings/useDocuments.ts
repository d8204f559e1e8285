// Reading and publishing versioned policy documents through /api/documents.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DocumentKindView, DocumentRef, DocumentVersion, DocumentVersionSummary } from '@griddesk/shared';
import { apiGet, apiPost } from '../../api';

interface Page<T> {
  items: T[];
  total: number;
}

export const documentsKey = (kind?: string) => (kind ? ['/api/documents', kind] : ['/api/documents']);

export function useDocumentKinds() {
  return useQuery({ queryKey: documentsKey(), queryFn: () => apiGet<Page<DocumentKindView>>('/api/documents'), select: (p) => p.items });
}

export function useVersions(kind: string, enabled = true) {
  return useQuery({
    queryKey: documentsKey(kind),
    queryFn: () => apiGet<Page<DocumentVersionSummary>>(`/api/documents/${kind}`),
    select: (p) => p.items,
    enabled,
  });
}

export function useVersion(kind: string, key: string, version: number | undefined) {
  return useQuery({
    queryKey: [...documentsKey(kind), key, version],
    queryFn: () => apiGet<DocumentVersion>(`/api/documents/${kind}/${encodeURIComponent(key)}/${version}`),
    enabled: version !== undefined,
  });
}

/** Publishes a whole new version; every view of the kind is read again. */
export function usePublish(kind: string, key = 'default') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { definition: unknown; note?: string | undefined }) => apiPost<DocumentRef>(`/api/documents/${kind}/${encodeURIComponent(key)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentsKey(kind) }),
  });
}

/** Puts an earlier version back in force. */
export function useRestore(kind: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { key: string; version: number }) => apiPost<DocumentRef>(`/api/documents/${kind}/${encodeURIComponent(v.key)}/${v.version}/publish`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentsKey(kind) }),
  });
}
