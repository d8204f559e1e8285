// Small pieces every case screen repeats: the status tag and the next-due cell with time left.
import { CASE_STATUS_LABELS, type CaseStatus } from '@griddesk/shared';
import { Flex, Tag, Typography } from 'antd';
import { timeLeftWords } from '../../cases/durations';
import { CASE_STATUS_COLORS } from '../../cases/labels';
import { formatDateTime } from '../../format';
import { lookup, useT } from '../../i18n';
import type { CaseSummary } from '@griddesk/shared';
import { urgencyOf, URGENCY_COLORS } from './urgency';

export function CaseStatusTag({ status, testId }: { status: CaseStatus; testId?: string }) {
  const t = useT();
  return (
    <Tag color={CASE_STATUS_COLORS[status]} data-testid={testId} data-status={status}>
      {t(lookup(CASE_STATUS_LABELS, status))}
    </Tag>
  );
}

export function NextDue({ c }: { c: CaseSummary }) {
  const t = useT();
  if (!c.nextDueAt || c.timeLeftMinutes === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const urgency = urgencyOf(c);
  const color = URGENCY_COLORS[urgency];
  const showLeft = urgency !== 'none';
  return (
    <Flex vertical>
      <span>{formatDateTime(c.nextDueAt)}</span>
      {showLeft && (
        <Typography.Text
          strong={urgency !== 'normal'}
          style={color ? { color: color === 'red' ? '#cf1322' : '#d46b08' } : undefined}
          data-testid="case-time-left"
        >
          {t(timeLeftWords(c.timeLeftMinutes))}
        </Typography.Text>
      )}
    </Flex>
  );
}
