import { Tag, type TableColumnsType } from 'antd';
import { formatNumber } from '../../format';
import { lookup, useT } from '../../i18n';
import { LedgerListPage } from './LedgerListPage';
import { METER_ROLE_LABELS, METER_STATUS_LABELS } from './labels';
import type { MeterRow } from '@griddesk/shared';

export function MetersPage() {
  const t = useT();
  const columns: TableColumnsType<MeterRow> = [
    { title: t('ledger.meterNo'), dataIndex: 'meterNo' },
    { title: t('ledger.meterRole'), dataIndex: 'role', render: (role: string) => t(lookup(METER_ROLE_LABELS, role)) },
    { title: t('ledger.accountNo'), dataIndex: 'accountNo', render: (v: string | null) => v ?? '—' },
    { title: t('ledger.areaCode'), dataIndex: 'areaCode', render: (v: string | null) => v ?? '—' },
    { title: t('ledger.feederCode'), dataIndex: 'feederCode', render: (v: string | null) => v ?? '—' },
    { title: t('ledger.multiplier'), dataIndex: 'multiplier', align: 'right', render: (v: MeterRow['multiplier']) => formatNumber(v) },
    {
      title: t('ledger.status'),
      dataIndex: 'status',
      render: (status: string) => <Tag color={status === 'in_service' ? 'green' : 'default'}>{t(lookup(METER_STATUS_LABELS, status))}</Tag>,
    },
  ];
  return (
    <LedgerListPage<MeterRow>
      title={t('nav.meters')}
      rules={['R-LED-02']}
      path="/api/ledger/meters"
      searchPlaceholder={t('ledger.searchMeters')}
      columns={columns}
    />
  );
}
