import { EyeOutlined, SafetyOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Skeleton, Table, Typography, type TableColumnsType } from 'antd';
import { apiGet, apiPost, errorMessage } from '../../api';
import { formatDate, formatNumber } from '../../format';
import { lookup, useT } from '../../i18n';
import { QueryError } from '../QueryError';
import { CustomerFlags } from './CustomerFlags';
import { CONTRACT_STATUS_LABELS, CUSTOMER_CLASS_LABELS, METER_ROLE_LABELS, METER_STATUS_LABELS, VOLTAGE_LABELS } from './labels';
import type { CustomerContract, CustomerDetail, CustomerMeter, RevealedContact } from '@griddesk/shared';

export function CustomerDrawer({ customerId, onClose }: { customerId: number | null; onClose: () => void }) {
  const t = useT();
  return (
    <Drawer open={customerId !== null} onClose={onClose} size={760} title={t('ledger.customerDetail')} destroyOnHidden>
      {/* Keyed by id so a revealed phone and address never carry over to the next customer. */}
      {customerId !== null && <CustomerDetailView key={customerId} id={customerId} />}
    </Drawer>
  );
}

function CustomerDetailView({ id }: { id: number }) {
  const t = useT();
  const { message } = App.useApp();
  const detail = useQuery({
    queryKey: [`/api/ledger/customers/${id}`],
    queryFn: () => apiGet<CustomerDetail>(`/api/ledger/customers/${id}`),
  });
  // R-SYS-03: the server audits every reveal and refuses (403) roles that may not see personal data.
  const reveal = useMutation({
    mutationFn: () => apiPost<RevealedContact>(`/api/ledger/customers/${id}/reveal`),
    onError: (err) => void message.error(errorMessage(err, t)),
  });

  if (detail.isPending) return <Skeleton active />;
  if (detail.isError) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  const c = detail.data;
  const revealed = reveal.data;

  const meterColumns: TableColumnsType<CustomerMeter> = [
    { title: t('ledger.meterNo'), dataIndex: 'meterNo' },
    { title: t('ledger.meterRole'), dataIndex: 'role', render: (v: string) => t(lookup(METER_ROLE_LABELS, v)) },
    { title: t('ledger.multiplier'), dataIndex: 'multiplier', align: 'right', render: (v: CustomerMeter['multiplier']) => formatNumber(v) },
    { title: t('ledger.status'), dataIndex: 'status', render: (v: string) => t(lookup(METER_STATUS_LABELS, v)) },
  ];
  const contractColumns: TableColumnsType<CustomerContract> = [
    { title: t('ledger.contractNo'), dataIndex: 'contractNo' },
    { title: t('ledger.signedOn'), dataIndex: 'signedOn', render: (v: string) => formatDate(v) },
    { title: t('ledger.expiresOn'), dataIndex: 'expiresOn', render: (v: string | null) => formatDate(v) },
    { title: t('ledger.capacityKva'), dataIndex: 'capacityKva', align: 'right', render: (v: CustomerContract['capacityKva']) => formatNumber(v) },
    { title: t('ledger.status'), dataIndex: 'status', render: (v: string) => t(lookup(CONTRACT_STATUS_LABELS, v)) },
  ];

  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={2}
        title={`${c.name}（${c.accountNo}）`}
        extra={
          <Button data-testid="customer-reveal" icon={<EyeOutlined />} loading={reveal.isPending} disabled={Boolean(revealed)} onClick={() => reveal.mutate()}>
            {t('ledger.reveal')}
          </Button>
        }
        items={[
          { key: 'accountNo', label: t('ledger.accountNo'), children: c.accountNo },
          { key: 'name', label: t('ledger.customerName'), children: c.name },
          {
            key: 'phone',
            label: t('ledger.phone'),
            children: <span data-testid="customer-phone">{(revealed ? revealed.phone : c.phone) ?? '—'}</span>,
          },
          { key: 'class', label: t('ledger.customerClass'), children: t(lookup(CUSTOMER_CLASS_LABELS, c.customerClass)) },
          {
            key: 'address',
            label: t('ledger.address'),
            span: 2,
            children: <span data-testid="customer-address">{revealed ? revealed.address : c.address}</span>,
          },
          { key: 'voltage', label: t('ledger.voltageLevel'), children: t(lookup(VOLTAGE_LABELS, c.voltageLevel)) },
          { key: 'tariff', label: t('ledger.tariffCode'), children: c.tariffCode },
          { key: 'area', label: t('ledger.area'), children: c.areaCode ? `${c.areaName ?? ''}（${c.areaCode}）` : '—' },
          { key: 'feeder', label: t('ledger.feeder'), children: `${c.feederName}（${c.feederCode}）` },
          { key: 'station', label: t('ledger.station'), children: c.stationName },
          { key: 'flags', label: t('ledger.flags'), children: <CustomerFlags customer={c} /> },
        ]}
      />
      {revealed && <Alert type="info" showIcon icon={<SafetyOutlined />} title={t('ledger.revealed')} style={{ marginTop: 12 }} />}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('ledger.meters')}
      </Typography.Title>
      <Table<CustomerMeter> rowKey="meterNo" size="small" columns={meterColumns} dataSource={c.meters} pagination={false} />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('ledger.contracts')}
      </Typography.Title>
      <Table<CustomerContract> rowKey="contractNo" size="small" columns={contractColumns} dataSource={c.contracts} pagination={false} />
    </>
  );
}
