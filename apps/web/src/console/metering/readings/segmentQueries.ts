// Reading segments and the schedule computed from them: a saved segment or a moved area changes
// both, so every change refreshes the two.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost, apiPut } from '../../../api';
import type { AssignAreasResult, ReadingSchedule, SegmentBody, SegmentPage, SegmentSaved } from '@griddesk/shared';

const SEGMENTS = '/api/metering/segments';
const SCHEDULE = '/api/metering/reading-schedule';

export function useSegments() {
  return useQuery({ queryKey: [SEGMENTS], queryFn: () => apiGet<SegmentPage>(SEGMENTS) });
}

export function useReadingSchedule(period: string) {
  return useQuery({
    queryKey: [SCHEDULE, period],
    queryFn: () => apiGet<ReadingSchedule>(SCHEDULE, { period }),
    placeholderData: keepPreviousData,
  });
}

function useRefreshSegments() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === SEGMENTS || q.queryKey[0] === SCHEDULE });
}

export function useSaveSegment() {
  const refresh = useRefreshSegments();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: SegmentBody }) => apiPut<SegmentSaved>(`${SEGMENTS}/${encodeURIComponent(code)}`, body),
    onSuccess: refresh,
  });
}

export function useAssignAreas() {
  const refresh = useRefreshSegments();
  return useMutation({
    mutationFn: ({ code, areaCodes }: { code: string; areaCodes: string[] }) =>
      apiPost<AssignAreasResult>(`${SEGMENTS}/${encodeURIComponent(code)}/areas`, { areaCodes }),
    onSuccess: refresh,
  });
}
