// Last month's indicators and today's case load, each a link to the page that explains it. Only the
// figures the user may read are fetched and shown.
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic } from 'antd';
import { useNavigate } from 'react-router-dom';
import { apiGet } from '../../api';
import { formatNumber, formatRate } from '../../format';
import { useT, type MsgKey } from '../../i18n';
import { useCan } from '../auth/useCan';
import { previousPeriod } from '../metering/period';
import type { LossList, ReadingRates, WatchList } from '@griddesk/shared';
import { overallReadingRates } from './indicators';

interface Figure {
  key: string;
  title: MsgKey;
  value: string;
  loading: boolean;
  to: string;
  alert?: boolean;
}

const countOf = (url: string) => apiGet<{ total: number }>(url).then((r) => r.total);

export function IndicatorsCard() {
  const t = useT();
  const navigate = useNavigate();
  const canCases = useCan('cases.read');
  const canMetering = useCan('metering.read');
  const period = previousPeriod();
  const open = useQuery({ queryKey: ['dashboard', 'open'], queryFn: () => countOf('/api/cases?open=true&limit=1'), enabled: canCases });
  const overdue = useQuery({ queryKey: ['dashboard', 'overdue'], queryFn: () => countOf('/api/cases?overdue=true&limit=1'), enabled: canCases });
  const rates = useQuery({
    queryKey: ['/api/metering/reading-rates', period],
    queryFn: () => apiGet<ReadingRates>(`/api/metering/reading-rates?period=${period}`),
    enabled: canMetering,
  });
  const county = useQuery({
    queryKey: ['/api/metering/lineloss', period, 'county'],
    queryFn: () => apiGet<LossList>(`/api/metering/lineloss?period=${period}&level=county`),
    enabled: canMetering,
  });
  const watch = useQuery({
    queryKey: ['/api/metering/lineloss/watchlist', period],
    queryFn: () => apiGet<WatchList>(`/api/metering/lineloss/watchlist?period=${period}`),
    enabled: canMetering,
  });

  const reading = rates.data ? overallReadingRates(rates.data.items) : null;
  const figures: Figure[] = [
    ...(canCases
      ? [
          { key: 'open', title: 'dashboard.openCases' as const, value: formatNumber(open.data), loading: open.isPending, to: '/cases' },
          {
            key: 'overdue',
            title: 'dashboard.overdueCases' as const,
            value: formatNumber(overdue.data),
            loading: overdue.isPending,
            to: '/cases/overdue',
            alert: (overdue.data ?? 0) > 0,
          },
        ]
      : []),
    ...(canMetering
      ? [
          {
            key: 'resRate',
            title: 'dashboard.residentialRate' as const,
            value: formatRate(reading?.residential),
            loading: rates.isPending,
            to: `/metering/readings?period=${period}`,
          },
          {
            key: 'nonResRate',
            title: 'dashboard.nonResidentialRate' as const,
            value: formatRate(reading?.nonResidential),
            loading: rates.isPending,
            to: `/metering/readings?period=${period}`,
          },
          {
            key: 'loss',
            title: 'dashboard.comprehensiveLoss' as const,
            value: formatRate(county.data?.items[0]?.lossRate),
            loading: county.isPending,
            to: `/metering/lineloss?period=${period}&level=county`,
          },
          {
            key: 'watch',
            title: 'dashboard.watchAreas' as const,
            value: formatNumber(watch.data?.items.length),
            loading: watch.isPending,
            to: `/metering/lineloss?period=${period}`,
            alert: (watch.data?.items.length ?? 0) > 0,
          },
        ]
      : []),
  ];
  if (!figures.length) return null;

  return (
    <Card title={t('dashboard.indicatorsTitle', { period })} style={{ marginBottom: 16 }}>
      <Row gutter={[16, 16]}>
        {figures.map((f) => (
          <Col key={f.key} xs={12} md={8} xl={4}>
            <Card size="small" hoverable onClick={() => navigate(f.to)} data-testid={`indicator-${f.key}`}>
              <Statistic title={t(f.title)} loading={f.loading} value={f.value} valueStyle={f.alert ? { color: '#cf1322' } : undefined} />
            </Card>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
