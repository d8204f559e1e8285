// A job's progress where it was started: a bar with the phase, then its outcome — the error in the
// reader's language when it failed. `children` shows the result once it has succeeded.
import type { JobView } from '@griddesk/shared';
import { Alert, Progress, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatNumber } from '../../format';
import { type MsgKey, useT } from '../../i18n';
import { QueryError } from '../QueryError';
import { jobMessages } from '../../messages/jobs';
import type { useJob } from './useJob';

const STATUS_COLOR = { queued: 'default', running: 'processing', succeeded: 'success', failed: 'error' } as const;

export function JobProgress({ job, children, testId = 'job-progress' }: { job: ReturnType<typeof useJob>; children?: ReactNode; testId?: string }) {
  const t = useT();
  if (job.isError) return <QueryError error={job.error} onRetry={() => void job.refetch()} />;
  const view: JobView | undefined = job.data;
  if (!view) return null;
  const p = view.progress;
  const percent = view.status === 'succeeded' ? 100 : p && p.total > 0 ? Math.min(99, Math.floor((p.done * 100) / p.total)) : 0;
  const phaseKey = p ? (`jobs.phase.${p.phase}` as const) : null;
  // a phase the console does not know yet is shown by its key
  const phase = p && phaseKey ? (phaseKey in jobMessages ? t(phaseKey as MsgKey) : p.phase) : null;
  return (
    <div data-testid={testId} data-status={view.status} data-kind={view.kind} style={{ marginBottom: 16 }}>
      <Space size={8} wrap style={{ marginBottom: 4 }}>
        <Tag color={STATUS_COLOR[view.status]}>{t(`jobs.status.${view.status}`)}</Tag>
        <Typography.Text type="secondary">
          {view.status === 'queued' || !p
            ? t('jobs.waiting')
            : t('jobs.progress', { phase: phase ?? '', done: formatNumber(p.done), total: formatNumber(p.total) })}
        </Typography.Text>
      </Space>
      <Progress
        percent={percent}
        status={view.status === 'failed' ? 'exception' : view.status === 'succeeded' ? 'success' : 'active'}
        data-testid={`${testId}-bar`}
      />
      {view.status === 'failed' && view.error && (
        <Alert
          type="error"
          showIcon
          data-testid={`${testId}-error`}
          title={t('jobs.failed', { message: t({ zh: view.error.message, en: view.error.messageEn }) })}
          description={
            view.error.fields?.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {view.error.fields.map((f, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list from one error, never reordered
                  <li key={i}>
                    <code>{f.field}</code>：{t({ zh: f.reasonZh, en: f.reason })}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      {view.status === 'succeeded' && children}
    </div>
  );
}
