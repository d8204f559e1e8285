import { DownloadOutlined, ExportOutlined, InboxOutlined } from '@ant-design/icons';
import {
  type ImportJobView,
  type JobStarted,
  LEDGER_COLUMNS,
  LEDGER_KIND_LABELS,
  LEDGER_KINDS,
  type LedgerExportInput,
  type LedgerExportResult,
  type LedgerKind,
} from '@griddesk/shared';
import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Row, Select, Space, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { ApiRequestError, apiGet, apiPost, errorMessage } from '../../api';
import { useT } from '../../i18n';
import { PageHeader } from '../PageHeader';
import { QueryError } from '../QueryError';
import { ImportOutcome, type Outcome } from './ImportOutcome';
import { ImportProgress } from './ImportProgress';
import { ApiErrorAlert } from '../../ApiErrorAlert';
import { formatNumber } from '../../format';
import { JobProgress } from '../jobs/JobProgress';
import { useJobRunner } from '../jobs/useJob';

const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

const POLL_MS = 500;

function useImportJob(jobId: number | undefined) {
  return useQuery({
    queryKey: ['/api/ledger/import-jobs', jobId],
    queryFn: jobId === undefined ? skipToken : () => apiGet<ImportJobView>(`/api/ledger/import-jobs/${jobId}`),
    refetchInterval: (query) => {
      if (query.state.status === 'error') return false;
      return query.state.data && query.state.data.status !== 'running' ? false : POLL_MS;
    },
  });
}

export function ImportExportPage() {
  const t = useT();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<LedgerKind>('customers');
  const start = useMutation({
    mutationFn: ({ ledger, file }: { ledger: LedgerKind; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      return apiPost<JobStarted>(`/api/ledger/import/${ledger}?async=true`, form);
    },
  });
  const job = useImportJob(start.data?.jobId);
  // an export is a job too: its progress, then its file to download
  const exporter = useJobRunner<LedgerExportResult, LedgerExportInput>((v) => apiPost<JobStarted>('/api/ledger/exports', v));
  const status = job.data?.status;

  useEffect(() => {
    // A successful import changes every ledger list and the dashboard counts.
    if (status === 'succeeded') {
      void queryClient.invalidateQueries({
        predicate: (q) => String(q.queryKey[0]).startsWith('/api/ledger/') && q.queryKey[0] !== '/api/ledger/import-jobs',
      });
    }
  }, [status, queryClient]);

  const busy = start.isPending || (start.isSuccess && (status === undefined || status === 'running'));
  const uploadRefused = start.error;
  const refusedOutcome: Outcome | null = uploadRefused
    ? {
        status: uploadRefused instanceof ApiRequestError && uploadRefused.fields.length > 0 ? 'rejected' : 'failed',
        inserted: 0,
        updated: 0,
        errors: uploadRefused instanceof ApiRequestError ? uploadRefused.fields : [],
        detail: errorMessage(uploadRefused, t),
      }
    : null;
  const jobOutcome: Outcome | null = job.data && job.data.status !== 'running' ? { ...job.data, status: job.data.status } : null;

  const chooseKind = (next: LedgerKind) => {
    setKind(next);
    start.reset();
    exporter.reset();
  };
  const exported = exporter.job.data;

  return (
    <>
      <PageHeader title={t('import.title')} rules={['R-LED-03', 'R-SYS-04']} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title={t('import.kind')}>
            <Select<LedgerKind>
              data-testid="import-kind"
              value={kind}
              onChange={chooseKind}
              disabled={busy}
              options={LEDGER_KINDS.map((k) => ({ value: k, label: t(LEDGER_KIND_LABELS[k]) }))}
              style={{ width: 220 }}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 8 }}>
              {t('import.columns')}
            </Typography.Paragraph>
            <Flex wrap gap={6}>
              {LEDGER_COLUMNS[kind].map((c) => (
                <Tag key={c.key} color={c.required ? 'geekblue' : undefined}>
                  {t(c)}
                  {c.required ? ' *' : ''}
                </Tag>
              ))}
            </Flex>
            <Space wrap style={{ marginTop: 20 }}>
              <Typography.Text>{t('import.template')}</Typography.Text>
              {(['csv', 'xlsx'] as const).map((format) => (
                <Button key={format} icon={<DownloadOutlined />} href={`/api/ledger/templates/${kind}?format=${format}`} download>
                  {format.toUpperCase()}
                </Button>
              ))}
            </Space>
            <Space wrap style={{ marginTop: 12, marginBottom: 12 }}>
              <Typography.Text>{t('import.export')}</Typography.Text>
              {(['csv', 'xlsx'] as const).map((format) => (
                <Button
                  key={format}
                  icon={<ExportOutlined />}
                  disabled={exporter.busy}
                  onClick={() => exporter.start({ kind, format })}
                  data-testid={`export-${format}`}
                >
                  {format.toUpperCase()}
                </Button>
              ))}
            </Space>
            <ApiErrorAlert error={exporter.startError} testId="export-error" />
            {exported && (
              <JobProgress job={exporter.job} testId="export-job">
                {exported.result && (
                  <Flex vertical gap={8} align="flex-start">
                    <Typography.Text data-testid="export-done">
                      {t('export.done', {
                        rows: formatNumber(exported.result.rows),
                        masked: t(exported.result.personalData === 'full' ? 'export.full' : 'export.masked'),
                      })}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
                      {exported.result.file.name} · {formatBytes(exported.result.file.bytes)}
                    </Typography.Text>
                    <Button type="primary" icon={<DownloadOutlined />} href={`/api/jobs/${exported.id}/file`} data-testid="export-download">
                      {t('jobs.download')}
                    </Button>
                  </Flex>
                )}
              </JobProgress>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('import.uploadTitle')}>
            <div data-testid="import-file">
              <Upload.Dragger
                accept=".csv,.xlsx"
                multiple={false}
                showUploadList={false}
                disabled={busy}
                beforeUpload={(file) => {
                  start.mutate({ ledger: kind, file });
                  // The job report below replaces antd's own file list.
                  return Upload.LIST_IGNORE;
                }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{t('import.drop')}</p>
                <p className="ant-upload-hint">{t('import.dropHint')}</p>
              </Upload.Dragger>
            </div>
            {start.variables && (
              <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>{t('import.file', { name: start.variables.file.name })}</Typography.Paragraph>
            )}
            {job.data && <ImportProgress job={job.data} />}
            {job.isError && <QueryError error={job.error} onRetry={() => void job.refetch()} />}
            {refusedOutcome && <ImportOutcome kind={kind} outcome={refusedOutcome} />}
            {jobOutcome && <ImportOutcome kind={kind} outcome={jobOutcome} />}
          </Card>
        </Col>
      </Row>
    </>
  );
}
