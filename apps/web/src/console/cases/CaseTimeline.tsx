// R-CASE-04: every step of the case, time-stamped with its actor, oldest first.
import { CASE_ACTION_LABELS, CASE_CHANNEL_LABELS, CASE_STATUS_LABELS } from '@griddesk/shared';
import { Card, Flex, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { REGISTER_LABEL } from '../../cases/labels';
import { formatDateTime } from '../../format';
import { lookup, useT, type MsgKey, type Translate } from '../../i18n';
import type { CaseEvent } from '@griddesk/shared';

const ACTION_COLORS: Record<string, string> = {
  register: 'blue',
  resolve: 'green',
  callback: 'green',
  close: 'gray',
  reopen: 'red',
  pause: 'orange',
};

const DETAIL_LABELS: Record<string, MsgKey> = {
  channel: 'timeline.channel',
  assignee: 'timeline.assignee',
  team: 'timeline.team',
  owner: 'timeline.owner',
  reason: 'timeline.reason',
  satisfaction: 'timeline.satisfaction',
  comment: 'timeline.comment',
};

function detailValue(key: string, value: unknown, t: Translate): ReactNode {
  if (key === 'channel' && typeof value === 'string') return t(lookup(CASE_CHANNEL_LABELS, value));
  if (key === 'satisfaction' && typeof value === 'number') {
    return (
      <span style={{ color: '#fadb14', letterSpacing: 1 }} title={`${value} / 5`}>
        {'★'.repeat(value)}
        <span style={{ color: '#d9d9d9' }}>{'★'.repeat(Math.max(0, 5 - value))}</span>
      </span>
    );
  }
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

function EventDetail({ detail }: { detail: CaseEvent['detail'] }) {
  const t = useT();
  const entries = Object.entries(detail).filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (!entries.length) return null;
  return (
    <Flex vertical gap={2}>
      {entries.map(([k, v]) => (
        <Typography.Text key={k} type="secondary">
          {DETAIL_LABELS[k] ? t(DETAIL_LABELS[k]) : k}
          {t({ zh: '：', en: ': ' })}
          {detailValue(k, v, t)}
        </Typography.Text>
      ))}
    </Flex>
  );
}

export function CaseTimeline({ events }: { events: CaseEvent[] }) {
  const t = useT();
  const actionLabel = (a: string) => (a === 'register' ? REGISTER_LABEL : lookup(CASE_ACTION_LABELS, a));
  return (
    <Card title={t('timeline.title')} size="small" data-testid="case-timeline">
      <Timeline
        items={events.map((e, i) => ({
          key: `${e.at}-${i}`,
          color: ACTION_COLORS[e.action] ?? 'blue',
          content: (
            <Flex vertical gap={2} data-testid="case-event" data-action={e.action}>
              <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
              <Typography.Text>
                <Typography.Text strong>{t(actionLabel(e.action))}</Typography.Text>
                {' · '}
                {e.actorName}
              </Typography.Text>
              <Typography.Text type="secondary">
                {e.fromStatus ? `${t(lookup(CASE_STATUS_LABELS, e.fromStatus))} → ` : ''}
                {t(lookup(CASE_STATUS_LABELS, e.toStatus))}
              </Typography.Text>
              <EventDetail detail={e.detail} />
            </Flex>
          ),
        }))}
      />
    </Card>
  );
}
