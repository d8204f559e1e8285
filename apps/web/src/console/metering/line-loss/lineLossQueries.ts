// The line-loss reads and the recompute, one query key prefix so a recompute refreshes them all.
import type { AreaCustomers, JobStarted, LineLossRun, LossLevel, LossList, LossTrend, WatchList } from '@griddesk/shared';
import { keepPreviousData, skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../../api';
import { useJobRunner } from '../../jobs/useJob';

const BASE = '/api/metering/lineloss';

export function useLossList(period: string, level: LossLevel | null, parent: string | undefined) {
  const params = { period, level: level ?? undefined, parent };
  return useQuery({
    queryKey: [BASE, params],
    queryFn: level ? () => apiGet<LossList>(BASE, params) : skipToken,
    placeholderData: keepPreviousData,
  });
}

export function useAreaCustomers(period: string, area: string | null) {
  const params = { period, area: area ?? undefined };
  return useQuery({
    queryKey: [`${BASE}/customers`, params],
    queryFn: area ? () => apiGet<AreaCustomers>(`${BASE}/customers`, params) : skipToken,
  });
}

export function useLossTrend(level: LossLevel, code: string, from: string, to: string) {
  const params = { level, code, from, to };
  return useQuery({
    queryKey: [`${BASE}/trend`, params],
    queryFn: () => apiGet<LossTrend>(`${BASE}/trend`, params),
  });
}

export function useWatchList(period: string, minStreak: number) {
  const params = { period, minStreak };
  return useQuery({ queryKey: [`${BASE}/watchlist`, params], queryFn: () => apiGet<WatchList>(`${BASE}/watchlist`, params) });
}

/** The recompute is a job: started here, followed by the page; every line-loss read refreshes when it is done. */
export function useRecompute(onDone: (r: LineLossRun) => void) {
  const queryClient = useQueryClient();
  return useJobRunner<LineLossRun, string>(
    (period) => apiPost<JobStarted>(`${BASE}/runs`, { period }),
    (r) => {
      onDone(r);
      void queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith(BASE) });
    },
  );
}
