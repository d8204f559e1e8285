// R-CMT-12: breach records (违诺): which commitment was missed on which case, who was
// responsible, and the 10-day feedback clock (red once it has passed).
import { type BreachRow, type BreachStatus, CASE_TYPE_LABELS } from '@griddesk/shared';
import { Card, Flex, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { formatDateTime, formatYuan } from '../../format';
import { lookup, useT } from '../../i18n';
import { PageHeader } from '../PageHeader';
import { QueryError } from '../QueryError';
import { usePagedList } from '../usePagedList';
import { useRuleLabels } from '../policy/useProfiles';
import { BREACH_STATUSES, BREACH_STATUS_COLORS, BREACH_STATUS_LABELS } from './breachLabels';

export function BreachesPage() {
  const t = useT();
  const ruleLabels = useRuleLabels();
  // lateness is the server's reading of the feedback clock; re-read every minute, as the inbox is
  const list = usePagedList<BreachRow, { status?: BreachStatus | undefined }>('/api/breaches', {}, 20, { refetchInterval: 60_000 });

  const columns: TableColumnsType<BreachRow> = [
    {
      title: t('breaches.rule'),
      dataIndex: 'rule',
      render: (rule: string) => {
        const label = ruleLabels.get(rule);
        return (
          <Flex vertical>
            <span>{label ? t(label) : rule}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {rule}
            </Typography.Text>
          </Flex>
        );
      },
    },
    {
      title: t('breaches.case'),
      key: 'case',
      render: (_, b) => (
        <Flex vertical>
          <Link to={`/cases/${b.caseId}`} data-testid="breach-case-link">
            {b.queryCode}
          </Link>
          <Typography.Text type="secondary">{t(lookup(CASE_TYPE_LABELS, b.caseType))}</Typography.Text>
        </Flex>
      ),
    },
    { title: t('breaches.responsible'), dataIndex: 'responsible', render: (v: string | null) => v ?? '—' },
    { title: t('breaches.dueAt'), dataIndex: 'dueAt', render: (v: string) => formatDateTime(v) },
    { title: t('breaches.detectedAt'), dataIndex: 'detectedAt', render: (v: string) => formatDateTime(v) },
    {
      title: t('breaches.feedbackDueAt'),
      dataIndex: 'feedbackDueAt',
      render: (v: string | null, b) => {
        const late = b.feedbackLate;
        return (
          <Typography.Text type={late ? 'danger' : undefined} strong={late} data-testid="breach-feedback-due" data-late={late}>
            {formatDateTime(v)}
            {late ? ` · ${t('breaches.feedbackLate')}` : ''}
          </Typography.Text>
        );
      },
    },
    {
      title: t('breaches.status'),
      dataIndex: 'status',
      render: (s: BreachStatus) => <Tag color={BREACH_STATUS_COLORS[s]}>{t(lookup(BREACH_STATUS_LABELS, s))}</Tag>,
    },
    { title: t('breaches.compensation'), dataIndex: 'compensationFen', align: 'right', render: (v: number | null) => formatYuan(v) },
    { title: t('breaches.penalty'), dataIndex: 'penaltyFen', align: 'right', render: (v: number | null) => formatYuan(v) },
    { title: t('breaches.note'), dataIndex: 'note', ellipsis: true, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <>
      <PageHeader title={t('nav.caseBreaches')} rules={['R-CMT-12', 'R-CASE-07']} />
      <Typography.Paragraph type="secondary">{t('breaches.hint')}</Typography.Paragraph>
      {list.query.isError && <QueryError error={list.query.error} onRetry={() => void list.query.refetch()} />}
      <Card>
        <Select<BreachStatus>
          allowClear
          data-testid="breaches-filter-status"
          placeholder={t('breaches.status')}
          value={list.filters.status}
          onChange={(status) => list.setFilters({ status })}
          options={BREACH_STATUSES.map((s) => ({ value: s, label: t(BREACH_STATUS_LABELS[s]) }))}
          style={{ width: 160, marginBottom: 16 }}
        />
        <Table<BreachRow>
          data-testid="breaches-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.rows}
          loading={list.query.isFetching}
          pagination={list.pagination}
          scroll={{ x: 'max-content' }}
        />
      </Card>
    </>
  );
}
