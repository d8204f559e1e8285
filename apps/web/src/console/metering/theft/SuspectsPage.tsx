// R-MTR-06: the ranked theft-suspect list of the latest screening, each suspect with the signals
// that put it there, so an inspector knows what to look for before opening a box; and the import
// of the daily consumption the screening reads.
import { SearchOutlined, UploadOutlined } from '@ant-design/icons';
import type { JobStarted, Suspect, SuspectList, SuspectSignal, TheftRunResult } from '@griddesk/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Progress, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { apiGet, apiPost } from '../../../api';
import { ApiErrorAlert } from '../../../ApiErrorAlert';
import { formatDateTime, formatRate } from '../../../format';
import { useT } from '../../../i18n';
import { PageHeader } from '../../PageHeader';
import { QueryError } from '../../QueryError';
import { DailyImportModal } from '../readings/DailyImportModal';
import { SIGNAL_LABELS } from './signalLabels';
import { useCan } from '../../auth/useCan';
import { JobProgress } from '../../jobs/JobProgress';
import { useJobRunner } from '../../jobs/useJob';

const PATH = '/api/metering/theft/suspects';
const LIMIT = 100;

/** Strongest first: the reason that weighs most is read first. */
const byContribution = (signals: SuspectSignal[]) => [...signals].sort((a, b) => b.contribution - a.contribution);

function scoreColor(score: number): string {
  if (score >= 0.7) return '#cf1322';
  if (score >= 0.4) return '#fa8c16';
  return '#faad14';
}

function SignalsDetail({ signals }: { signals: SuspectSignal[] }) {
  const t = useT();
  const columns: TableColumnsType<SuspectSignal> = [
    { title: t('suspects.signal'), dataIndex: 'name', render: (n: SuspectSignal['name']) => (SIGNAL_LABELS[n] ? t(SIGNAL_LABELS[n]) : n) },
    {
      title: t('suspects.strength'),
      dataIndex: 'strength',
      width: 180,
      render: (v: number) => <Progress percent={Math.round(v * 100)} size="small" format={() => v.toFixed(2)} />,
    },
    { title: t('suspects.contribution'), dataIndex: 'contribution', align: 'right', render: (v: number) => formatRate(v, 0) },
    { title: t('suspects.detail'), dataIndex: 'detail', render: (d: SuspectSignal['detail']) => t(d) },
  ];
  return (
    <Table<SuspectSignal> data-testid="suspect-signals" rowKey="name" size="small" columns={columns} dataSource={byContribution(signals)} pagination={false} />
  );
}

export function SuspectsPage() {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canRun = useCan('metering.theft');
  const canImport = useCan('metering.run');
  const [importing, setImporting] = useState(false);
  const suspects = useQuery({ queryKey: [PATH, LIMIT], queryFn: () => apiGet<SuspectList>(PATH, { limit: LIMIT }) });
  // the screening is a job: its progress shows below the header, the list refreshes when it is done
  const run = useJobRunner<TheftRunResult>(
    () => apiPost<JobStarted>('/api/metering/theft/runs', {}),
    (r) => {
      void message.success(t('suspects.runDone', { scored: r.scored, suspects: r.suspects }));
      void queryClient.invalidateQueries({ queryKey: [PATH] });
    },
  );
  const data = suspects.data;

  const columns: TableColumnsType<Suspect> = [
    { title: t('suspects.rank'), dataIndex: 'rank', width: 72, align: 'right' },
    {
      title: t('suspects.score'),
      dataIndex: 'score',
      width: 200,
      render: (v: number) => (
        <Progress percent={Math.round(v * 100)} size="small" strokeColor={scoreColor(v)} format={() => v.toFixed(2)} data-testid="suspect-score" />
      ),
    },
    { title: t('loss.accountNo'), dataIndex: 'accountNo' },
    { title: t('loss.customerName'), dataIndex: 'customerName' },
    { title: t('suspects.area'), dataIndex: 'areaCode', render: (v: string | null) => v ?? '—' },
    {
      title: t('suspects.signals'),
      dataIndex: 'signals',
      render: (signals: SuspectSignal[]) => (
        <Space size={4} wrap>
          {byContribution(signals).map((s) => (
            <Tooltip key={s.name} title={t(s.detail)}>
              <Tag color={s.strength >= 0.5 ? 'red' : 'orange'}>{SIGNAL_LABELS[s.name] ? t(SIGNAL_LABELS[s.name]) : s.name}</Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.meteringSuspects')}
        rules={['R-MTR-06']}
        extra={
          <Space wrap>
            {canImport && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="daily-import-open">
                {t('daily.open')}
              </Button>
            )}
            {canRun && (
              <Button type="primary" icon={<SearchOutlined />} loading={run.busy} onClick={() => run.start()} data-testid="suspects-run">
                {t('suspects.run')}
              </Button>
            )}
          </Space>
        }
      />
      <DailyImportModal open={importing} onClose={() => setImporting(false)} />
      <ApiErrorAlert error={run.startError} testId="suspects-run-error" />
      {run.job.data && run.job.data.status !== 'succeeded' && <JobProgress job={run.job} testId="suspects-job" />}
      {suspects.isError && <QueryError error={suspects.error} onRetry={() => void suspects.refetch()} />}
      <Card>
        <Flex vertical gap={8} style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">{t('suspects.hint')}</Typography.Text>
          {data?.runAt && (
            <Typography.Text data-testid="suspects-run-info">
              {t('suspects.runInfo', {
                at: formatDateTime(data.runAt),
                source: data.source ? t(data.source === 'daily' ? 'suspects.source.daily' : 'suspects.source.monthly') : '—',
                from: data.window?.from ?? '—',
                to: data.window?.to ?? '—',
              })}
            </Typography.Text>
          )}
        </Flex>
        {data && data.runId === null ? (
          <Empty description={t('suspects.noRun')} />
        ) : (
          <Table<Suspect>
            data-testid="suspects-table"
            rowKey="accountNo"
            size="middle"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={suspects.isFetching}
            locale={{ emptyText: t('suspects.empty') }}
            expandable={{ expandedRowRender: (s) => <SignalsDetail signals={s.signals} />, rowExpandable: (s) => s.signals.length > 0 }}
            pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
          />
        )}
      </Card>
    </>
  );
}
