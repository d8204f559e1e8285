// R-MTR-04/05: one level of the line-loss tree, ranked by loss rate; a row opens the level below.
import { LineChartOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { formatKwh, formatRate } from '../../../format';
import { useT } from '../../../i18n';
import { LOSS_CLASS_COLORS, LOSS_CLASS_LABELS } from './lossLabels';
import type { LossClass, LossLevel, LossRow, StaffRef } from '@griddesk/shared';

/** Rows without a rate sink to the bottom of the ranking whichever way it is sorted. */
export const rateOf = (r: LossRow) => (r.lossRate === null ? Number.NEGATIVE_INFINITY : Number(r.lossRate));

interface Props {
  level: LossLevel;
  rows: LossRow[];
  loading: boolean;
  trendCode: string | undefined;
  onOpen: (row: LossRow) => void;
  onTrend: (row: LossRow) => void;
}

export function LossTable({ level, rows, loading, trendCode, onOpen, onTrend }: Props) {
  const t = useT();
  const columns: TableColumnsType<LossRow> = [
    { title: t('metering.code'), dataIndex: 'code' },
    { title: t('metering.name'), dataIndex: 'name' },
    { title: t('loss.supplyKwh'), dataIndex: 'supplyKwh', align: 'right', render: (v: string | null) => formatKwh(v) },
    { title: t('loss.salesKwh'), dataIndex: 'salesKwh', align: 'right', render: (v: string) => formatKwh(v) },
    { title: t('loss.lossKwh'), dataIndex: 'lossKwh', align: 'right', render: (v: string | null) => formatKwh(v) },
    {
      title: t('loss.lossRate'),
      dataIndex: 'lossRate',
      align: 'right',
      sorter: (a, b) => rateOf(a) - rateOf(b),
      defaultSortOrder: 'descend',
      sortDirections: ['descend', 'ascend', 'descend'],
      render: (v: string | null, r) => (
        <Typography.Text strong type={r.class === 'high_loss' ? 'danger' : r.class === 'negative_loss' ? 'warning' : undefined}>
          {formatRate(v)}
        </Typography.Text>
      ),
    },
    { title: t('loss.target'), dataIndex: 'target', align: 'right', render: (v: number) => formatRate(v) },
    {
      title: t('loss.class'),
      dataIndex: 'class',
      render: (c: LossClass) => (
        <Tag color={LOSS_CLASS_COLORS[c]} data-testid="loss-class" data-class={c}>
          {t(LOSS_CLASS_LABELS[c])}
        </Tag>
      ),
    },
    {
      title: <Tooltip title={t('loss.coverageHint')}>{t('loss.coverage')}</Tooltip>,
      dataIndex: 'coverage',
      align: 'right',
      render: (v: number) => formatRate(v, 1),
    },
    ...(level === 'area' ? [{ title: t('loss.manager'), dataIndex: 'manager', render: (m: StaffRef | null) => m?.name ?? '—' }] : []),
    {
      title: t('loss.trend'),
      key: 'trend',
      align: 'center',
      render: (_, r) => (
        <Tooltip title={t('loss.showTrend')}>
          <Button
            type={r.code === trendCode ? 'primary' : 'text'}
            size="small"
            icon={<LineChartOutlined />}
            aria-label={t('loss.showTrend')}
            data-testid="loss-trend-button"
            onClick={(e) => {
              // The row itself opens the level below; this button only picks the chart.
              e.stopPropagation();
              onTrend(r);
            }}
          />
        </Tooltip>
      ),
    },
  ];
  return (
    <Table<LossRow>
      data-testid="loss-table"
      rowKey="code"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      onRow={(r) => ({ onClick: () => onOpen(r), style: { cursor: 'pointer' }, 'data-testid': 'loss-row', 'data-code': r.code }) as HTMLAttributes<HTMLElement>}
    />
  );
}
