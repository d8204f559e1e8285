// R-MTR-04: the bottom of the drill-down — the customers behind an area's sales figure, with how
// each was read, so a loss anomaly can be traced to the meters that cause it.
import { Space, Table, Tag, type TableColumnsType } from 'antd';
import { formatKwh, formatNumber } from '../../../format';
import { useT } from '../../../i18n';
import { QueryError } from '../../QueryError';
import { READING_FLAG_COLORS, READING_FLAG_LABELS } from '../readings/flagLabels';
import { useAreaCustomers } from './lineLossQueries';
import type { AreaCustomerRow, ReadingFlag, ReadingMethod } from '@griddesk/shared';

export function AreaCustomersTable({ period, area }: { period: string; area: string }) {
  const t = useT();
  const customers = useAreaCustomers(period, area);
  const columns: TableColumnsType<AreaCustomerRow> = [
    { title: t('loss.accountNo'), dataIndex: 'accountNo' },
    { title: t('loss.customerName'), dataIndex: 'name' },
    { title: t('loss.meterNo'), dataIndex: 'meterNo' },
    { title: t('loss.multiplier'), dataIndex: 'multiplier', align: 'right', render: (v: string) => formatNumber(v) },
    { title: t('loss.previousReading'), dataIndex: 'previousReading', align: 'right', render: (v: string | null) => formatNumber(v) },
    { title: t('loss.reading'), dataIndex: 'reading', align: 'right', render: (v: string | null) => formatNumber(v) },
    {
      title: t('loss.kwh'),
      dataIndex: 'kwh',
      align: 'right',
      sorter: (a, b) => Number(a.kwh ?? -Infinity) - Number(b.kwh ?? -Infinity),
      render: (v: string | null) => formatKwh(v),
    },
    {
      title: t('loss.method'),
      dataIndex: 'method',
      render: (m: ReadingMethod | null) =>
        m === null ? '—' : <Tag color={m === 'actual' ? 'green' : 'gold'}>{t(m === 'actual' ? 'loss.method.actual' : 'loss.method.estimated')}</Tag>,
    },
    {
      title: t('loss.flags'),
      dataIndex: 'flags',
      render: (flags: ReadingFlag[]) => (
        <Space size={4} wrap>
          {flags.map((f) => (
            <Tag key={f} color={READING_FLAG_COLORS[f]}>
              {t(READING_FLAG_LABELS[f])}
            </Tag>
          ))}
        </Space>
      ),
    },
  ];
  if (customers.isError) return <QueryError error={customers.error} onRetry={() => void customers.refetch()} />;
  return (
    <Table<AreaCustomerRow>
      data-testid="area-customers-table"
      rowKey={(r) => `${r.accountNo}/${r.meterNo}`}
      size="small"
      columns={columns}
      dataSource={customers.data?.items ?? []}
      loading={customers.isFetching}
      pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
    />
  );
}
