import { ApartmentOutlined, BranchesOutlined, DashboardOutlined, StarOutlined, SwapOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { apiGet } from '../../api';
import { formatNumber } from '../../format';
import { useT, type MsgKey } from '../../i18n';
import { useCurrentUser } from '../auth/RequireAuth';
import type { LedgerSummary } from '@griddesk/shared';
import { PageHeader } from '../PageHeader';
import { QueryError } from '../QueryError';
import { IndicatorsCard } from './IndicatorsCard';

interface Tile {
  key: keyof LedgerSummary;
  title: MsgKey;
  icon: ReactNode;
  to?: string;
}

const TILES: Tile[] = [
  { key: 'feeders', title: 'dashboard.feeders', icon: <BranchesOutlined />, to: '/ledger/feeders' },
  { key: 'areas', title: 'dashboard.areas', icon: <ApartmentOutlined />, to: '/ledger/areas' },
  { key: 'customers', title: 'dashboard.customers', icon: <TeamOutlined />, to: '/ledger/customers' },
  { key: 'meters', title: 'dashboard.meters', icon: <DashboardOutlined />, to: '/ledger/meters' },
  { key: 'important', title: 'dashboard.important', icon: <StarOutlined /> },
  { key: 'dualSupply', title: 'dashboard.dualSupply', icon: <SwapOutlined /> },
];

export function DashboardPage() {
  const t = useT();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const summary = useQuery({ queryKey: ['/api/ledger/summary'], queryFn: () => apiGet<LedgerSummary>('/api/ledger/summary') });

  return (
    <>
      <PageHeader title={t('dashboard.welcome', { name: me.displayName })} />
      <IndicatorsCard />
      {summary.isError && <QueryError error={summary.error} onRetry={() => void summary.refetch()} />}
      <Card title={t('dashboard.ledgerTitle')}>
        <Row gutter={[16, 16]}>
          {TILES.map(({ key, title, icon, to }) => (
            <Col key={key} xs={12} md={8} xl={4}>
              <Card size="small" hoverable={Boolean(to)} onClick={to ? () => navigate(to) : undefined} data-testid={`summary-${key}`}>
                <Statistic
                  title={t(title)}
                  prefix={icon}
                  loading={summary.isPending}
                  value={summary.data?.[key] ?? 0}
                  formatter={(value) => formatNumber(value)}
                />
              </Card>
            </Col>
          ))}
        </Row>
      </Card>
    </>
  );
}
