import type { TableColumnsType } from 'antd';
import { formatNumber } from '../../format';
import { useT } from '../../i18n';
import { LedgerListPage } from './LedgerListPage';
import type { AreaRow } from '@griddesk/shared';

export function AreasPage() {
  const t = useT();
  const columns: TableColumnsType<AreaRow> = [
    { title: t('ledger.areaCode'), dataIndex: 'code' },
    { title: t('ledger.name'), dataIndex: 'name' },
    { title: t('ledger.feederCode'), dataIndex: 'feederCode' },
    { title: t('ledger.capacityKva'), dataIndex: 'capacityKva', align: 'right', render: (v: AreaRow['capacityKva']) => formatNumber(v) },
    { title: t('ledger.customerCount'), dataIndex: 'customerCount', align: 'right', render: (n: number) => formatNumber(n) },
  ];
  return (
    <LedgerListPage<AreaRow>
      title={t('nav.areas')}
      rules={['R-LED-02']}
      path="/api/ledger/areas"
      searchPlaceholder={t('ledger.searchAreas')}
      columns={columns}
    />
  );
}
