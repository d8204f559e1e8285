import type { TableColumnsType } from 'antd';
import { formatNumber } from '../../format';
import { useT } from '../../i18n';
import { LedgerListPage } from './LedgerListPage';
import type { FeederRow } from '@griddesk/shared';

export function FeedersPage() {
  const t = useT();
  const columns: TableColumnsType<FeederRow> = [
    { title: t('ledger.feederCode'), dataIndex: 'code' },
    { title: t('ledger.name'), dataIndex: 'name' },
    { title: t('ledger.station'), dataIndex: 'stationName' },
    { title: t('ledger.areaCount'), dataIndex: 'areaCount', align: 'right', render: (n: number) => formatNumber(n) },
    { title: t('ledger.customerCount'), dataIndex: 'customerCount', align: 'right', render: (n: number) => formatNumber(n) },
  ];
  return (
    <LedgerListPage<FeederRow>
      title={t('nav.feeders')}
      rules={['R-LED-02']}
      path="/api/ledger/feeders"
      searchPlaceholder={t('ledger.searchFeeders')}
      columns={columns}
    />
  );
}
