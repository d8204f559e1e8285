// R-CASE-04, R-CMT-03..12: every commitment clock of a case with its due time, whether it was met
// or breached, and a live countdown while it runs.
import { Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { minutesUntil, timeLeftWords } from '../../cases/durations';
import type { CaseDeadline } from '@griddesk/shared';
import { formatDateTime } from '../../format';
import { useT } from '../../i18n';
import { useNow } from '../../useNow';

type ClockState = 'met' | 'metLate' | 'breached' | 'running' | 'notStarted';

function stateOf(d: CaseDeadline, now: number): ClockState {
  if (d.metAt) return d.breached ? 'metLate' : 'met';
  if (!d.dueAt) return 'notStarted';
  return d.breached || Date.parse(d.dueAt) < now ? 'breached' : 'running';
}

const STATE_COLORS: Record<ClockState, string> = { met: 'green', metLate: 'volcano', breached: 'red', running: 'blue', notStarted: 'default' };

export function CaseClocks({ deadlines, paused }: { deadlines: CaseDeadline[]; paused: boolean }) {
  const t = useT();
  const now = useNow(30_000);
  const columns: TableColumnsType<CaseDeadline> = [
    { title: t('clocks.rule'), dataIndex: 'label', render: (label: CaseDeadline['label']) => t(label) },
    { title: t('clocks.dueAt'), dataIndex: 'dueAt', render: (v: string | null) => formatDateTime(v) },
    {
      title: t('clocks.state'),
      key: 'state',
      render: (_, d) => {
        const state = stateOf(d, now);
        return (
          <Tag color={STATE_COLORS[state]} data-testid="case-clock-state" data-state={state}>
            {t(`clocks.${state}`)}
          </Tag>
        );
      },
    },
    {
      title: t('clocks.countdown'),
      key: 'countdown',
      render: (_, d) => {
        if (d.metAt) return <Typography.Text type="secondary">{t('clocks.metAt', { at: formatDateTime(d.metAt) })}</Typography.Text>;
        if (!d.dueAt) return '—';
        const left = minutesUntil(d.dueAt, now);
        return (
          <Typography.Text strong type={left < 0 ? 'danger' : left < 120 ? 'warning' : undefined} data-testid="case-clock-countdown">
            {t(timeLeftWords(left))}
            {paused && left >= 0 ? ` · ${t('clocks.paused')}` : ''}
          </Typography.Text>
        );
      },
    },
  ];
  return (
    <Card title={t('clocks.title')} data-testid="case-clocks" size="small">
      {deadlines.length === 0 ? (
        <Typography.Text type="secondary">{t('clocks.none')}</Typography.Text>
      ) : (
        <Table<CaseDeadline>
          rowKey="rule"
          size="small"
          columns={columns}
          dataSource={deadlines}
          pagination={false}
          onRow={(d) => ({ 'data-rule': d.rule }) as HTMLAttributes<HTMLElement>}
        />
      )}
    </Card>
  );
}
