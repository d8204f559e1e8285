// R-MTR-06 "对电量波动大用户实行动态分析": the month's large customers (high-voltage, or above the
// policy's monthly kWh) against last month and the same month last year; the thresholds are the
// active metering policy's, shown as the server applied them.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { apiGet } from '../../../api';
import { formatChange, formatKwh, formatNumber, formatRate } from '../../../format';
import { useT } from '../../../i18n';
import { PageHeader } from '../../PageHeader';
import { QueryError } from '../../QueryError';
import { PeriodPicker } from '../PeriodPicker';
import { usePeriodParam } from '../period';
import type { LargeCustomer, LargeCustomers } from '@griddesk/shared';

type Show = 'all' | 'swing';

const byKwh = (k: keyof Pick<LargeCustomer, 'kwh' | 'lastMonthKwh' | 'lastYearKwh'>) => (a: LargeCustomer, b: LargeCustomer) =>
  Number(a[k] ?? -Infinity) - Number(b[k] ?? -Infinity);

export function LargeCustomersPage() {
  const t = useT();
  const [period, setPeriod] = usePeriodParam();
  const [show, setShow] = useState<Show>('all');
  const list = useQuery({
    queryKey: ['/api/metering/large-customers', period],
    queryFn: () => apiGet<LargeCustomers>('/api/metering/large-customers', { period }),
    placeholderData: keepPreviousData,
  });
  const data = list.data;
  const swing = data?.swing ?? Number.POSITIVE_INFINITY;
  const items = data?.items ?? [];
  const rows = show === 'swing' ? items.filter((c) => c.swing) : items;

  const change = (v: number | null) => (
    <Typography.Text strong={v !== null && Math.abs(v) > swing} type={v !== null && Math.abs(v) > swing ? 'danger' : undefined}>
      {formatChange(v)}
    </Typography.Text>
  );
  const columns: TableColumnsType<LargeCustomer> = [
    { title: t('loss.accountNo'), dataIndex: 'accountNo', fixed: 'left' },
    { title: t('loss.customerName'), dataIndex: 'name' },
    {
      title: t('large.voltage'),
      dataIndex: 'voltageLevel',
      render: (v: LargeCustomer['voltageLevel']) => <Tag color={v === 'HV' ? 'purple' : undefined}>{t(v === 'HV' ? 'large.hv' : 'large.lv')}</Tag>,
    },
    { title: t('large.area'), dataIndex: 'areaCode', render: (v: string | null) => v ?? '—' },
    { title: t('large.feeder'), dataIndex: 'feederCode' },
    { title: t('large.kwh'), dataIndex: 'kwh', align: 'right', sorter: byKwh('kwh'), render: (v: string | null) => formatKwh(v) },
    { title: t('large.lastMonthKwh'), dataIndex: 'lastMonthKwh', align: 'right', sorter: byKwh('lastMonthKwh'), render: (v: string | null) => formatKwh(v) },
    { title: t('large.lastYearKwh'), dataIndex: 'lastYearKwh', align: 'right', sorter: byKwh('lastYearKwh'), render: (v: string | null) => formatKwh(v) },
    { title: t('large.monthOnMonth'), dataIndex: 'monthOnMonth', align: 'right', render: change },
    { title: t('large.yearOnYear'), dataIndex: 'yearOnYear', align: 'right', render: change },
    {
      title: t('large.swing'),
      dataIndex: 'swing',
      render: (swing: boolean) =>
        swing && (
          <Tag color="red" data-testid="large-swing">
            {t('large.swing')}
          </Tag>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('nav.meteringLargeCustomers')} rules={['R-MTR-06']} extra={<PeriodPicker value={period} onChange={setPeriod} />} />
      {data && (
        <Alert
          type="info"
          showIcon
          data-testid="large-thresholds"
          title={t('large.thresholds', { kwh: formatNumber(data.minMonthlyKwh), swing: formatRate(data.swing, 0) })}
          style={{ marginBottom: 16 }}
        />
      )}
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <Card>
        <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
          <Segmented<Show>
            value={show}
            onChange={setShow}
            options={[
              { value: 'all', label: t('large.all') },
              { value: 'swing', label: t('large.swingOnly') },
            ]}
          />
          {data && (
            <Typography.Text type="secondary">
              {t('large.summary', { n: formatNumber(items.length), swing: formatNumber(items.filter((c) => c.swing).length) })}
            </Typography.Text>
          )}
        </Flex>
        <Table<LargeCustomer>
          data-testid="large-customers-table"
          rowKey="accountNo"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={list.isFetching}
          locale={{ emptyText: t('large.empty') }}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          onRow={(c) => ({ 'data-testid': 'large-row', 'data-account': c.accountNo }) as HTMLAttributes<HTMLElement>}
        />
      </Card>
    </>
  );
}
