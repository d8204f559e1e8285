// R-CASE-04, R-CASE-05: the case inbox, open cases with the least time left first (the server's
// order), each row coloured by urgency.
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { CASE_CHANNEL_LABELS, CASE_STATUSES, CASE_STATUS_LABELS, CASE_TYPES, CASE_TYPE_LABELS, type CaseStatus, type CaseType } from '@griddesk/shared';
import { Button, Card, Checkbox, Flex, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { lookup, useT } from '../../i18n';
import { PageHeader } from '../PageHeader';
import { QueryError } from '../QueryError';
import { usePagedList } from '../usePagedList';
import { CaseStatusTag, NextDue } from './CaseTags';
import type { CaseSummary } from '@griddesk/shared';
import { urgencyOf } from './urgency';
import './cases.css';

type InboxFilters = {
  status?: CaseStatus | undefined;
  type?: CaseType | undefined;
  overdue?: true | undefined;
  mine?: true | undefined;
  open?: true | undefined;
};

const orUndefined = (checked: boolean) => (checked ? (true as const) : undefined);
const personName = (p: CaseSummary['owner']) => p?.name ?? '—';

export function CasesInboxPage() {
  const t = useT();
  const navigate = useNavigate();
  // Time left changes by the minute; the list follows without a manual reload.
  const list = usePagedList<CaseSummary, InboxFilters>('/api/cases', {}, 20, { refetchInterval: 60_000 });
  const { filters, setFilters } = list;

  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t('cases.queryCode'),
      dataIndex: 'queryCode',
      fixed: 'left',
      render: (code: string, c) => (
        <Link to={`/cases/${c.id}`} onClick={(e) => e.stopPropagation()} data-testid="case-link">
          <Typography.Text strong style={{ fontFamily: 'ui-monospace, Consolas, monospace', color: 'inherit' }}>
            {code}
          </Typography.Text>
        </Link>
      ),
    },
    {
      title: t('cases.type'),
      dataIndex: 'type',
      render: (type: CaseType, c) => (
        <Space size={4}>
          {t(lookup(CASE_TYPE_LABELS, type))}
          {c.important && <Tag color="magenta">{t('cases.important')}</Tag>}
        </Space>
      ),
    },
    { title: t('cases.status'), dataIndex: 'status', render: (s: CaseStatus) => <CaseStatusTag status={s} /> },
    { title: t('cases.contactName'), key: 'contact', render: (_, c) => c.contact.name },
    { title: t('cases.owner'), key: 'owner', render: (_, c) => personName(c.owner) },
    { title: t('cases.assignee'), key: 'assignee', render: (_, c) => personName(c.assignee) },
    { title: t('cases.nextDue'), key: 'nextDue', render: (_, c) => <NextDue c={c} /> },
    { title: t('cases.channel'), dataIndex: 'channel', render: (ch: string) => t(lookup(CASE_CHANNEL_LABELS, ch)) },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.caseList')}
        rules={['R-CASE-04', 'R-CASE-05']}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => void list.query.refetch()}>
              {t('cases.refresh')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/cases/new')} data-testid="case-new">
              {t('nav.caseNew')}
            </Button>
          </Space>
        }
      />
      {list.query.isError && <QueryError error={list.query.error} onRetry={() => void list.query.refetch()} />}
      <Card>
        <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
          <Select<CaseStatus>
            allowClear
            data-testid="cases-filter-status"
            placeholder={t('cases.status')}
            value={filters.status}
            onChange={(status) => setFilters({ status })}
            options={CASE_STATUSES.map((s) => ({ value: s, label: t(CASE_STATUS_LABELS[s]) }))}
            style={{ width: 140 }}
          />
          <Select<CaseType>
            allowClear
            data-testid="cases-filter-type"
            placeholder={t('cases.type')}
            value={filters.type}
            onChange={(type) => setFilters({ type })}
            options={CASE_TYPES.map((ty) => ({ value: ty, label: t(CASE_TYPE_LABELS[ty]) }))}
            style={{ width: 170 }}
          />
          <Checkbox
            data-testid="cases-filter-overdue"
            checked={Boolean(filters.overdue)}
            onChange={(e) => setFilters({ overdue: orUndefined(e.target.checked) })}
          >
            {t('cases.overdueOnly')}
          </Checkbox>
          <Checkbox data-testid="cases-filter-open" checked={Boolean(filters.open)} onChange={(e) => setFilters({ open: orUndefined(e.target.checked) })}>
            {t('cases.openOnly')}
          </Checkbox>
          <Checkbox data-testid="cases-filter-mine" checked={Boolean(filters.mine)} onChange={(e) => setFilters({ mine: orUndefined(e.target.checked) })}>
            {t('cases.mineOnly')}
          </Checkbox>
        </Flex>
        <Flex gap={16} wrap style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('cases.sortHint')}</Typography.Text>
          <Space size={4}>
            <Tag color="red">{t('cases.legendOverdue')}</Tag>
            <Tag color="orange">{t('cases.legendNear')}</Tag>
          </Space>
        </Flex>
        <Table<CaseSummary>
          data-testid="cases-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.rows}
          loading={list.query.isFetching && !list.query.data}
          pagination={list.pagination}
          scroll={{ x: 'max-content' }}
          rowClassName={(c) => {
            const u = urgencyOf(c);
            return u === 'overdue' ? 'gd-row-overdue' : u === 'near' ? 'gd-row-near' : '';
          }}
          onRow={(c) =>
            ({
              'data-urgency': urgencyOf(c),
              onClick: () => navigate(`/cases/${c.id}`),
              style: { cursor: 'pointer' },
            }) as HTMLAttributes<HTMLElement>
          }
        />
      </Card>
    </>
  );
}
