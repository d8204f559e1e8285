// A case as the customer sees it by query code: status, each step, the promised times. No name,
// phone or address (R-CASE-08).
import { CheckCircleFilled, ClockCircleOutlined, ExclamationCircleFilled } from '@ant-design/icons';
import { Card, Col, Descriptions, Flex, Row, Tag, Timeline, Typography } from 'antd';
import { CASE_STATUS_LABELS, type PublicCase, type PublicDeadline } from '@griddesk/shared';
import { CASE_STATUS_COLORS } from '../cases/labels';
import { formatDateTime } from '../format';
import { lookup, useT } from '../i18n';
import { useNow } from '../useNow';

function DeadlineLine({ d, now }: { d: PublicDeadline; now: number }) {
  const t = useT();
  const late = d.breached || (!d.metAt && d.dueAt !== null && Date.parse(d.dueAt) < now);
  const icon =
    d.metAt && !d.breached ? (
      <CheckCircleFilled style={{ color: '#52c41a' }} />
    ) : late ? (
      <ExclamationCircleFilled style={{ color: '#fa541c' }} />
    ) : (
      <ClockCircleOutlined style={{ color: '#1677ff' }} />
    );
  const state = d.metAt
    ? d.breached
      ? t('track.metLate')
      : t('track.met', { at: formatDateTime(d.metAt) })
    : !d.dueAt
      ? t('track.notStarted')
      : late
        ? t('track.late')
        : t('track.running');
  return (
    <Flex gap={12} align="flex-start" data-testid="portal-deadline">
      <span style={{ fontSize: 22, lineHeight: 1.2 }}>{icon}</span>
      <div>
        <Typography.Text strong style={{ fontSize: '1.1em' }}>
          {t(d.label)}
        </Typography.Text>
        <div>
          {t('track.promisedBy')}：<Typography.Text strong>{formatDateTime(d.dueAt)}</Typography.Text>
        </div>
        <Typography.Text type={late ? 'warning' : 'secondary'}>{state}</Typography.Text>
      </div>
    </Flex>
  );
}

export function PublicCaseView({ c }: { c: PublicCase }) {
  const t = useT();
  const now = useNow(60_000);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card>
          <Flex vertical gap={8}>
            <Typography.Text type="secondary">{t('track.statusNow')}</Typography.Text>
            <Tag
              color={CASE_STATUS_COLORS[c.status]}
              data-testid="portal-case-status"
              data-status={c.status}
              style={{ fontSize: '1.4em', padding: '8px 16px', alignSelf: 'flex-start' }}
            >
              {t(c.statusLabel ?? lookup(CASE_STATUS_LABELS, c.status))}
            </Tag>
          </Flex>
          <Descriptions
            column={1}
            style={{ marginTop: 16 }}
            items={[
              {
                key: 'code',
                label: t('card.queryCode'),
                children: (
                  <Typography.Text strong style={{ fontFamily: 'ui-monospace, Consolas, monospace', fontSize: '1.2em' }}>
                    {c.queryCode}
                  </Typography.Text>
                ),
              },
              { key: 'type', label: t('card.type'), children: t(c.typeLabel) },
              { key: 'received', label: t('card.receivedAt'), children: formatDateTime(c.receivedAt) },
              ...(c.closedAt ? [{ key: 'closed', label: t('track.closedAt'), children: formatDateTime(c.closedAt) }] : []),
            ]}
          />
          {c.deadlines.length > 0 && (
            <>
              <Typography.Title level={4} style={{ marginTop: 24 }}>
                {t('track.promises')}
              </Typography.Title>
              <Flex vertical gap={16}>
                {c.deadlines.map((d) => (
                  <DeadlineLine key={d.rule} d={d} now={now} />
                ))}
              </Flex>
            </>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('track.steps')}>
          <Timeline
            data-testid="portal-case-steps"
            items={c.steps.map((s, i) => ({
              key: `${s.at}-${i}`,
              color: i === c.steps.length - 1 ? 'green' : 'blue',
              content: (
                <Flex vertical>
                  <Typography.Text type="secondary">{formatDateTime(s.at)}</Typography.Text>
                  <Typography.Text strong style={{ fontSize: '1.1em' }}>
                    {t(s.label)}
                  </Typography.Text>
                  <Typography.Text type="secondary">{t(lookup(CASE_STATUS_LABELS, s.status))}</Typography.Text>
                </Flex>
              ),
            }))}
          />
        </Card>
      </Col>
    </Row>
  );
}
