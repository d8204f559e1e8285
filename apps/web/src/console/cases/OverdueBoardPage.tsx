// R-CASE-05: overdue cases visible to the team, station and county levels: per station, each
// team's overdue and open counts with the case furthest past its deadline.
import { ReloadOutlined } from '@ant-design/icons';
import type { Page } from '@griddesk/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Flex, Row, Skeleton, Space, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { apiGet } from '../../api';
import { timeLeftWords } from '../../cases/durations';
import { useT } from '../../i18n';
import { PageHeader } from '../PageHeader';
import { QueryError } from '../QueryError';
import { groupOverdue, type TeamRow } from './overdueGroups';
import type { CaseSummary } from '@griddesk/shared';
import { useOrgUnits } from './useOrg';

const LIMIT = 500;
const SHOWN_CODES = 8;

function useCases(params: Record<string, string | number | boolean>) {
  return useQuery({
    queryKey: ['/api/cases', params],
    queryFn: () => apiGet<Page<CaseSummary>>('/api/cases', params),
    refetchInterval: 60_000,
  });
}

function Worst({ c }: { c: CaseSummary | null }) {
  const t = useT();
  if (!c) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={6} wrap>
      <Link to={`/cases/${c.id}`}>{c.queryCode}</Link>
      <Typography.Text type="danger" strong>
        {t(timeLeftWords(c.timeLeftMinutes ?? 0))}
      </Typography.Text>
    </Space>
  );
}

export function OverdueBoardPage() {
  const t = useT();
  const overdue = useCases({ overdue: true, limit: LIMIT });
  const open = useCases({ open: true, limit: LIMIT });
  const units = useOrgUnits();

  const loading = overdue.isPending || open.isPending || units.isPending;
  const error = overdue.error ?? open.error ?? units.error;
  const groups = overdue.data && open.data && units.data ? groupOverdue(overdue.data.items, open.data.items, units.data) : [];
  const truncated = (overdue.data && overdue.data.total > overdue.data.items.length) || (open.data && open.data.total > open.data.items.length);

  const columns: TableColumnsType<TeamRow> = [
    { title: t('board.team'), key: 'team', render: (_, r) => r.teamName ?? <Tag>{t('board.unassigned')}</Tag> },
    { title: t('board.open'), dataIndex: 'open', align: 'right' },
    {
      title: t('board.overdue'),
      key: 'overdue',
      align: 'right',
      render: (_, r) =>
        r.overdue.length ? (
          <Typography.Text type="danger" strong>
            {r.overdue.length}
          </Typography.Text>
        ) : (
          0
        ),
    },
    { title: t('board.worst'), key: 'worst', render: (_, r) => <Worst c={r.worst} /> },
    {
      title: t('board.cases'),
      key: 'cases',
      render: (_, r) => (
        <Space size={4} wrap>
          {r.overdue.slice(0, SHOWN_CODES).map((c) => (
            <Link key={c.id} to={`/cases/${c.id}`}>
              <Tag color="red">{c.queryCode}</Tag>
            </Link>
          ))}
          {r.overdue.length > SHOWN_CODES && <Typography.Text type="secondary">{t('board.more', { n: r.overdue.length - SHOWN_CODES })}</Typography.Text>}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.caseOverdue')}
        rules={['R-CASE-05']}
        extra={
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              void overdue.refetch();
              void open.refetch();
            }}
          >
            {t('cases.refresh')}
          </Button>
        }
      />
      {error && <QueryError error={error} />}
      {truncated && <Alert type="warning" showIcon title={t('board.truncated', { n: LIMIT })} style={{ marginBottom: 16 }} />}
      {loading ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16} data-testid="overdue-board">
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('board.totalOverdue')} value={overdue.data?.total ?? 0} styles={{ content: { color: '#cf1322' } }} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('board.totalOpen')} value={open.data?.total ?? 0} />
              </Card>
            </Col>
          </Row>
          {groups.length === 0 && <Empty description={t('board.empty')} />}
          {groups.map((g) => (
            <Card
              key={g.stationId}
              title={g.stationName}
              data-testid="overdue-station"
              extra={
                <Space size={16} wrap>
                  <span>
                    {t('board.open')}：<Typography.Text strong>{g.open}</Typography.Text>
                  </span>
                  <span>
                    {t('board.overdue')}：
                    <Typography.Text strong type={g.overdue ? 'danger' : undefined}>
                      {g.overdue}
                    </Typography.Text>
                  </span>
                  <span>
                    {t('board.worst')}：<Worst c={g.worst} />
                  </span>
                </Space>
              }
            >
              <Table<TeamRow>
                rowKey="key"
                size="small"
                columns={columns}
                dataSource={g.teams}
                pagination={false}
                onRow={(r) => ({ 'data-team': r.teamName ?? '' }) as HTMLAttributes<HTMLElement>}
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>
                      <Typography.Text strong>{t('board.stationTotal')}</Typography.Text>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={1} align="right">
                      <Typography.Text strong>{g.open}</Typography.Text>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2} align="right">
                      <Typography.Text strong type={g.overdue ? 'danger' : undefined}>
                        {g.overdue}
                      </Typography.Text>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={3} colSpan={2}>
                      <Worst c={g.worst} />
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                )}
              />
            </Card>
          ))}
        </Flex>
      )}
    </>
  );
}
