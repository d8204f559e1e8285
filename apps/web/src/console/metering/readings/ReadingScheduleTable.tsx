// R-MTR-01 "统一抄表时间": per segment, how many meters were read on the reading day (within the
// policy's tolerance), off it, or not at all in the month; customers in no segment are a row of
// their own, so that none escapes the schedule unseen.
import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { formatNumber, formatRate } from '../../../format';
import { useT } from '../../../i18n';
import { readingDayLabel } from './segmentLabels';
import type { ScheduleRow } from '@griddesk/shared';

export function ReadingScheduleTable({ rows, loading }: { rows: ScheduleRow[]; loading: boolean }) {
  const t = useT();
  const columns: TableColumnsType<ScheduleRow> = [
    {
      title: t('schedule.segment'),
      dataIndex: 'code',
      render: (code: string | null) => (code === null ? <Tag color="orange">{t('schedule.noSegment')}</Tag> : code),
    },
    { title: t('metering.name'), dataIndex: 'name', render: (v: string | null) => v ?? '—' },
    { title: t('schedule.readingDay'), dataIndex: 'readingDay', render: (d: number | null) => readingDayLabel(t, d) },
    { title: t('schedule.scheduledOn'), dataIndex: 'scheduledOn', render: (v: string | null) => v ?? '—' },
    { title: t('schedule.reader'), dataIndex: 'reader', render: (v: string | null) => v ?? '—' },
    { title: t('schedule.meters'), dataIndex: 'meters', align: 'right', render: (n: number) => formatNumber(n) },
    { title: t('schedule.onSchedule'), dataIndex: 'onSchedule', align: 'right', render: (n: number) => formatNumber(n) },
    {
      title: t('schedule.offSchedule'),
      dataIndex: 'offSchedule',
      align: 'right',
      render: (n: number) => <Typography.Text type={n > 0 ? 'warning' : undefined}>{formatNumber(n)}</Typography.Text>,
    },
    {
      title: t('schedule.unread'),
      dataIndex: 'unread',
      align: 'right',
      render: (n: number) => <Typography.Text type={n > 0 ? 'danger' : undefined}>{formatNumber(n)}</Typography.Text>,
    },
    {
      title: t('schedule.rate'),
      dataIndex: 'rate',
      align: 'right',
      sorter: (a, b) => (a.rate ?? Number.POSITIVE_INFINITY) - (b.rate ?? Number.POSITIVE_INFINITY),
      render: (v: number | null) => <Typography.Text strong>{formatRate(v)}</Typography.Text>,
    },
  ];
  return (
    <Table<ScheduleRow>
      data-testid="schedule-table"
      rowKey={(r) => r.code ?? ''}
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      locale={{ emptyText: t('schedule.empty') }}
      pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      onRow={(r) => ({ 'data-testid': 'schedule-row', 'data-code': r.code ?? '' }) as HTMLAttributes<HTMLElement>}
    />
  );
}
