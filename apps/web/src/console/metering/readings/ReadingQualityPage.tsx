// R-MTR-02: reading quality of a month — actual-reading rates and the flagged meters.
import { useQuery } from '@tanstack/react-query';
import { Card, Skeleton } from 'antd';
import { apiGet } from '../../../api';
import { useT } from '../../../i18n';
import { PageHeader } from '../../PageHeader';
import { QueryError } from '../../QueryError';
import { PeriodPicker } from '../PeriodPicker';
import { usePeriodParam } from '../period';
import { ReadingFlagsCard } from './ReadingFlagsCard';
import { ReadingRates } from './ReadingRates';
import type { ReadingFlags, ReadingRates as Rates } from '@griddesk/shared';

export function ReadingQualityPage() {
  const t = useT();
  const [period, setPeriod] = usePeriodParam();
  const rates = useQuery({
    queryKey: ['/api/metering/reading-rates', period],
    queryFn: () => apiGet<Rates>('/api/metering/reading-rates', { period }),
  });
  const flags = useQuery({
    queryKey: ['/api/metering/reading-flags', period],
    queryFn: () => apiGet<ReadingFlags>('/api/metering/reading-flags', { period }),
  });

  return (
    <>
      <PageHeader title={t('nav.meteringReadings')} rules={['R-MTR-02']} extra={<PeriodPicker value={period} onChange={setPeriod} />} />
      <Card title={t('readings.ratesTitle')}>
        {rates.isError ? (
          <QueryError error={rates.error} onRetry={() => void rates.refetch()} />
        ) : rates.isPending ? (
          <Skeleton active />
        ) : (
          <ReadingRates items={rates.data.items} />
        )}
      </Card>
      {flags.isError ? (
        <QueryError error={flags.error} onRetry={() => void flags.refetch()} />
      ) : (
        <ReadingFlagsCard items={flags.data?.items ?? []} loading={flags.isFetching} />
      )}
    </>
  );
}
