import type { CustomerView } from '@griddesk/shared';
import { Space, Tag } from 'antd';
import { useT } from '../../i18n';

export function CustomerFlags({ customer }: { customer: Pick<CustomerView, 'important' | 'dualSupply'> }) {
  const t = useT();
  if (!customer.important && !customer.dualSupply) return '—';
  return (
    <Space size={4}>
      {customer.important && <Tag color="red">{t('ledger.important')}</Tag>}
      {customer.dualSupply && <Tag color="blue">{t('ledger.dualSupply')}</Tag>}
    </Space>
  );
}
