// Following a job (issue 8): starting heavy work answers 202 {jobId}; the page polls
// GET /api/jobs/{id} until the job has succeeded or failed, then stops.
import type { JobStarted, JobView } from '@griddesk/shared';
import { skipToken, useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { apiGet } from '../../api';

const POLL_MS = 500;

export const isFinished = (job: JobView | undefined): boolean => job?.status === 'succeeded' || job?.status === 'failed';

/** The job's view, polled while it is queued or running. */
export function useJob<R = unknown>(jobId: number | undefined) {
  return useQuery({
    queryKey: ['/api/jobs', jobId],
    queryFn: jobId === undefined ? skipToken : () => apiGet<JobView<R>>(`/api/jobs/${jobId}`),
    refetchInterval: (query) => (query.state.status === 'error' || isFinished(query.state.data) ? false : POLL_MS),
  });
}

/**
 * Starts a job with `start` and follows it; `onSucceeded` runs once with the result when it has
 * succeeded (a message, refreshing the lists the job changed).
 */
export function useJobRunner<R, V = void>(start: (vars: V) => Promise<JobStarted>, onSucceeded?: (result: R) => void) {
  const mutation = useMutation({ mutationFn: start });
  const job = useJob<R>(mutation.data?.jobId);
  const reported = useRef<number | null>(null);
  const callback = useRef(onSucceeded);
  callback.current = onSucceeded;
  useEffect(() => {
    if (job.data?.status === 'succeeded' && reported.current !== job.data.id) {
      reported.current = job.data.id;
      callback.current?.(job.data.result as R);
    }
  }, [job.data]);
  const busy = mutation.isPending || (mutation.isSuccess && !isFinished(job.data) && !job.isError);
  return { start: mutation.mutate, reset: mutation.reset, startError: mutation.error, job, busy };
}
