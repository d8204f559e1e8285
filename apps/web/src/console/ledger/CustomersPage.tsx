import { CUSTOMER_CLASSES, VOLTAGE_LEVELS, type CustomerClass, type CustomerListQuery, type CustomerView, type VoltageLevel } from '@griddesk/shared';
import { Card, Flex, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { lookup, useT } from '../../i18n';
import { PageHeader } from '../PageHeader';
import { QueryError } from '../QueryError';
import { usePagedList } from '../usePagedList';
import { CustomerDrawer } from './CustomerDrawer';
import { CustomerFlags } from './CustomerFlags';
import { CUSTOMER_CLASS_LABELS, VOLTAGE_LABELS } from './labels';

type CustomerFilters = Omit<CustomerListQuery, 'limit' | 'offset' | 'q'> & { q: string };

// antd Select values cannot be booleans, so a yes/no filter travels as a string.
type YesNo = 'yes' | 'no';
const toFlag = (v: YesNo | undefined) => (v === undefined ? undefined : v === 'yes');
const fromFlag = (v: boolean | undefined): YesNo | undefined => (v === undefined ? undefined : v ? 'yes' : 'no');

export function CustomersPage() {
  const t = useT();
  const list = usePagedList<CustomerView, CustomerFilters>('/api/ledger/customers', { q: '' });
  const [openId, setOpenId] = useState<number | null>(null);
  const { filters, setFilters } = list;

  const yesNoOptions = [
    { value: 'yes', label: t('common.yes') },
    { value: 'no', label: t('common.no') },
  ];

  const columns: TableColumnsType<CustomerView> = [
    { title: t('ledger.accountNo'), dataIndex: 'accountNo', fixed: 'left' },
    { title: t('ledger.customerName'), dataIndex: 'name' },
    { title: t('ledger.address'), dataIndex: 'address', ellipsis: true, width: 240 },
    { title: t('ledger.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
    { title: t('ledger.customerClass'), dataIndex: 'customerClass', render: (v: string) => t(lookup(CUSTOMER_CLASS_LABELS, v)) },
    { title: t('ledger.voltageLevel'), dataIndex: 'voltageLevel', render: (v: string) => t(lookup(VOLTAGE_LABELS, v)) },
    { title: t('ledger.tariffCode'), dataIndex: 'tariffCode' },
    {
      title: t('ledger.area'),
      key: 'area',
      render: (_, c) => (c.areaCode ? `${c.areaName ?? ''}（${c.areaCode}）` : '—'),
    },
    { title: t('ledger.feeder'), key: 'feeder', render: (_, c) => `${c.feederName}（${c.feederCode}）` },
    { title: t('ledger.flags'), key: 'flags', render: (_, c) => <CustomerFlags customer={c} /> },
  ];

  return (
    <>
      <PageHeader title={t('nav.customers')} rules={['R-LED-01', 'R-LED-04', 'R-SYS-03']} />
      {list.query.isError && <QueryError error={list.query.error} onRetry={() => void list.query.refetch()} />}
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Input.Search
            data-testid="ledger-search"
            allowClear
            enterButton
            placeholder={t('ledger.searchCustomers')}
            onSearch={(q) => setFilters({ q: q.trim() })}
            style={{ width: 320 }}
          />
          <Select<CustomerClass>
            allowClear
            placeholder={t('ledger.customerClass')}
            value={filters.customerClass}
            onChange={(customerClass) => setFilters({ customerClass })}
            options={CUSTOMER_CLASSES.map((c) => ({ value: c, label: t(CUSTOMER_CLASS_LABELS[c]) }))}
            style={{ width: 140 }}
          />
          <Select<VoltageLevel>
            allowClear
            placeholder={t('ledger.voltageLevel')}
            value={filters.voltageLevel}
            onChange={(voltageLevel) => setFilters({ voltageLevel })}
            options={VOLTAGE_LEVELS.map((v) => ({ value: v, label: t(VOLTAGE_LABELS[v]) }))}
            style={{ width: 140 }}
          />
          <Select<YesNo>
            allowClear
            placeholder={t('ledger.important')}
            value={fromFlag(filters.important)}
            onChange={(v) => setFilters({ important: toFlag(v) })}
            options={yesNoOptions}
            style={{ width: 130 }}
          />
          <Select<YesNo>
            allowClear
            placeholder={t('ledger.dualSupply')}
            value={fromFlag(filters.dualSupply)}
            onChange={(v) => setFilters({ dualSupply: toFlag(v) })}
            options={yesNoOptions}
            style={{ width: 130 }}
          />
          <Input.Search
            allowClear
            placeholder={t('ledger.areaCode')}
            onSearch={(v) => setFilters({ areaCode: v.trim() || undefined })}
            style={{ width: 180 }}
          />
          <Input.Search
            allowClear
            placeholder={t('ledger.feederCode')}
            onSearch={(v) => setFilters({ feederCode: v.trim() || undefined })}
            style={{ width: 180 }}
          />
        </Flex>
        <Typography.Paragraph type="secondary">{t('ledger.maskedHint')}</Typography.Paragraph>
        <Table<CustomerView>
          data-testid="customers-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.rows}
          loading={list.query.isFetching}
          pagination={list.pagination}
          scroll={{ x: 'max-content' }}
          onRow={(c) => ({
            onClick: () => setOpenId(c.id),
            onKeyDown: (e) => {
              if (e.key === 'Enter') setOpenId(c.id);
            },
            tabIndex: 0,
            style: { cursor: 'pointer' },
          })}
        />
      </Card>
      <CustomerDrawer customerId={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
