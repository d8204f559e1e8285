// R-MTR-05: zoned management — areas out of target month after month, each with the person
// responsible for the zone, so the follow-up has a name on it.
import { LineChartOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { formatRate } from '../../../format';
import { useT } from '../../../i18n';
import { QueryError } from '../../QueryError';
import { useWatchList } from './lineLossQueries';
import { LOSS_CLASS_COLORS, LOSS_CLASS_LABELS } from './lossLabels';
import type { LossClass, StaffRef, WatchItem } from '@griddesk/shared';

const MIN_STREAK = 2;

export function WatchListTable({ period, trendCode, onTrend }: { period: string; trendCode: string | undefined; onTrend: (row: WatchItem) => void }) {
  const t = useT();
  const watch = useWatchList(period, MIN_STREAK);
  const columns: TableColumnsType<WatchItem> = [
    { title: t('metering.code'), dataIndex: 'code' },
    { title: t('metering.name'), dataIndex: 'name' },
    { title: t('watch.feeder'), dataIndex: 'feederCode' },
    {
      title: t('loss.manager'),
      dataIndex: 'manager',
      render: (m: StaffRef | null) => (m ? m.name : <Tag color="red">{t('watch.noManager')}</Tag>),
    },
    {
      title: t('watch.streak'),
      dataIndex: 'streak',
      align: 'right',
      sorter: (a, b) => a.streak - b.streak,
      defaultSortOrder: 'descend',
      render: (n: number) => (
        <Typography.Text type="danger" strong>
          {t('watch.streakMonths', { n })}
        </Typography.Text>
      ),
    },
    { title: t('loss.lossRate'), dataIndex: 'lossRate', align: 'right', render: (v: string | null) => formatRate(v) },
    { title: t('loss.class'), dataIndex: 'class', render: (c: LossClass) => <Tag color={LOSS_CLASS_COLORS[c]}>{t(LOSS_CLASS_LABELS[c])}</Tag> },
    {
      title: t('watch.history'),
      dataIndex: 'history',
      render: (history: WatchItem['history']) => (
        <Space size={2} wrap>
          {history.map((h) => (
            <Tooltip key={h.period} title={`${h.period} · ${t(LOSS_CLASS_LABELS[h.class])} · ${formatRate(h.lossRate)}`}>
              <Tag color={LOSS_CLASS_COLORS[h.class]} style={{ marginInlineEnd: 0 }}>
                {h.period.slice(5)}
              </Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
    {
      title: t('loss.trend'),
      key: 'trend',
      align: 'center',
      render: (_, r) => (
        <Button
          type={r.code === trendCode ? 'primary' : 'text'}
          size="small"
          icon={<LineChartOutlined />}
          aria-label={t('loss.showTrend')}
          onClick={() => onTrend(r)}
        />
      ),
    },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('watch.hint', { n: MIN_STREAK })}</Typography.Paragraph>
      {watch.isError && <QueryError error={watch.error} onRetry={() => void watch.refetch()} />}
      <Table<WatchItem>
        data-testid="watch-table"
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={watch.data?.items ?? []}
        loading={watch.isFetching}
        locale={{ emptyText: t('watch.empty') }}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
      />
    </>
  );
}
