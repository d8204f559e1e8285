// R-MTR-01: reading segments and their reading days (抄表例日), and how well the month kept them.
import { Card, Typography } from 'antd';
import { useT } from '../../../i18n';
import { PageHeader } from '../../PageHeader';
import { QueryError } from '../../QueryError';
import { PeriodPicker } from '../PeriodPicker';
import { usePeriodParam } from '../period';
import { ReadingScheduleTable } from './ReadingScheduleTable';
import { useReadingSchedule } from './segmentQueries';
import { SegmentsCard } from './SegmentsCard';

export function ReadingSchedulePage() {
  const t = useT();
  const [period, setPeriod] = usePeriodParam();
  const schedule = useReadingSchedule(period);

  return (
    <>
      <PageHeader title={t('nav.meteringSegments')} rules={['R-MTR-01']} extra={<PeriodPicker value={period} onChange={setPeriod} />} />
      <Card title={t('schedule.title')}>
        {schedule.data && (
          <Typography.Paragraph type="secondary" data-testid="schedule-tolerance">
            {t('schedule.hint', { n: schedule.data.toleranceDays })}
          </Typography.Paragraph>
        )}
        {schedule.isError && <QueryError error={schedule.error} onRetry={() => void schedule.refetch()} />}
        <ReadingScheduleTable rows={schedule.data?.items ?? []} loading={schedule.isFetching} />
      </Card>
      <SegmentsCard />
    </>
  );
}
