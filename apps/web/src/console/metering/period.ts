// Months as 'YYYY-MM' in station time; the page's month lives in the URL so a link or a reload
// shows the same month.
import dayjs from 'dayjs';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { stationNow } from '../../format';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Readings of a month are complete only after it ends, so pages open on the previous month. */
export function previousPeriod(): string {
  return stationNow().subtract(1, 'month').format('YYYY-MM');
}

export function shiftPeriod(period: string, months: number): string {
  return dayjs(`${period}-01`).add(months, 'month').format('YYYY-MM');
}

export function usePeriodParam(): [string, (period: string) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('period');
  const period = raw && PERIOD.test(raw) ? raw : previousPeriod();
  const setPeriod = useCallback(
    (next: string) =>
      setParams((prev) => {
        const out = new URLSearchParams(prev);
        out.set('period', next);
        return out;
      }),
    [setParams],
  );
  return [period, setPeriod];
}
