// R-CASE-03..08: one case: who owns it, what the customer asked, the clocks, the timeline, and
// the actions its status allows. The query card can be printed for the customer.
import { ArrowLeftOutlined, EyeOutlined, IdcardOutlined } from '@ant-design/icons';
import { CASE_CHANNEL_LABELS, CASE_TYPE_LABELS } from '@griddesk/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Modal, Rate, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiRequestError, apiGet, apiPost, errorMessage } from '../../api';
import { FAULT_CLASS_LABELS, SERVICE_AREA_LABELS } from '../../cases/labels';
import { PrintButton, QueryCard } from '../../cases/QueryCard';
import { formatDateTime } from '../../format';
import { lookup, useT } from '../../i18n';
import { NotFoundPage } from '../NotFoundPage';
import { PageHeader } from '../PageHeader';
import { QueryError } from '../QueryError';
import { CaseActionBar } from './CaseActionBar';
import { CaseClocks } from './CaseClocks';
import { CaseStatusTag } from './CaseTags';
import { CaseTimeline } from './CaseTimeline';
import type { CaseView } from '@griddesk/shared';

const person = (p: CaseView['owner']) => p?.name ?? '—';

function QueryCardButton({ c }: { c: CaseView }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<IdcardOutlined />} onClick={() => setOpen(true)} data-testid="case-print-card">
        {t('card.button')}
      </Button>
      <Modal
        open={open}
        onCancel={() => setOpen(false)}
        title={t('card.title')}
        width={720}
        destroyOnHidden
        footer={
          <Space>
            <Button onClick={() => setOpen(false)}>{t('card.close')}</Button>
            <PrintButton testId="query-card-print" />
          </Space>
        }
      >
        <QueryCard queryCode={c.queryCode} typeLabel={lookup(CASE_TYPE_LABELS, c.type)} receivedAt={c.receivedAt} deadlines={c.deadlines} />
      </Modal>
    </>
  );
}

function CaseFacts({ c }: { c: CaseView }) {
  const t = useT();
  const { message } = App.useApp();
  // R-SYS-03: whoever calls the customer back may see the full number; the server audits each reveal.
  const reveal = useMutation({
    mutationFn: () => apiPost<{ phone: string | null; address: string | null }>(`/api/cases/${c.id}/reveal`),
    onError: (err) => void message.error(errorMessage(err, t)),
  });
  const revealed = reveal.data;
  return (
    <Card
      size="small"
      title={t('cases.facts')}
      extra={
        <Button
          size="small"
          icon={<EyeOutlined />}
          loading={reveal.isPending}
          disabled={Boolean(revealed)}
          onClick={() => reveal.mutate()}
          data-testid="case-reveal"
        >
          {t('ledger.reveal')}
        </Button>
      }
    >
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        items={[
          {
            key: 'type',
            label: t('cases.type'),
            children: (
              <Space size={4}>
                {t(lookup(CASE_TYPE_LABELS, c.type))}
                {c.important && <Tag color="magenta">{t('cases.important')}</Tag>}
              </Space>
            ),
          },
          { key: 'channel', label: t('cases.channel'), children: t(lookup(CASE_CHANNEL_LABELS, c.channel)) },
          ...(c.faultClass
            ? [
                { key: 'fault', label: t('cases.faultClass'), children: t(lookup(FAULT_CLASS_LABELS, c.faultClass)) },
                { key: 'area', label: t('cases.serviceArea'), children: t(lookup(SERVICE_AREA_LABELS, c.serviceArea)) },
              ]
            : []),
          { key: 'received', label: t('cases.receivedAt'), children: formatDateTime(c.receivedAt) },
          { key: 'closed', label: t('cases.closedAt'), children: formatDateTime(c.closedAt) },
          { key: 'owner', label: t('cases.owner'), children: <span data-testid="case-owner-name">{person(c.owner)}</span> },
          { key: 'assignee', label: t('cases.assignee'), children: <span data-testid="case-assignee-name">{person(c.assignee)}</span> },
          { key: 'team', label: t('cases.team'), children: c.team?.name ?? '—' },
          { key: 'profile', label: t('cases.profile'), children: `${c.profile.id} v${c.profile.version}` },
          { key: 'contactName', label: t('cases.contactName'), children: c.contact.name },
          {
            key: 'phone',
            label: t('cases.contactPhone'),
            children: <span data-testid="case-contact-phone-text">{(revealed ? revealed.phone : c.contact.phone) ?? '—'}</span>,
          },
          {
            key: 'address',
            label: t('cases.contactAddress'),
            children: <span data-testid="case-contact-address-text">{(revealed ? revealed.address : c.contact.address) ?? '—'}</span>,
          },
          { key: 'account', label: t('cases.accountNo'), children: c.contact.accountNo ?? '—' },
          {
            key: 'description',
            label: t('cases.description'),
            span: 'filled',
            children: (
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="case-description-text">
                {c.description}
              </Typography.Paragraph>
            ),
          },
          ...(c.conclusion
            ? [
                {
                  key: 'conclusion',
                  label: t('cases.conclusion'),
                  span: 'filled' as const,
                  children: <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{c.conclusion}</Typography.Paragraph>,
                },
              ]
            : []),
          ...(c.satisfaction !== null
            ? [
                {
                  key: 'satisfaction',
                  label: t('cases.satisfaction'),
                  span: 'filled' as const,
                  children: (
                    <Flex vertical>
                      <Rate disabled value={c.satisfaction} />
                      {c.callbackComment && <Typography.Text type="secondary">{c.callbackComment}</Typography.Text>}
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
      {revealed ? (
        <Alert type="info" showIcon title={t('ledger.revealed')} style={{ marginTop: 8 }} />
      ) : (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('ledger.maskedHint')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

export function CaseDetailPage() {
  const t = useT();
  const navigate = useNavigate();
  const { id } = useParams();
  const caseId = Number(id);
  const detail = useQuery({
    queryKey: [`/api/cases/${caseId}`],
    queryFn: () => apiGet<CaseView>(`/api/cases/${caseId}`),
    enabled: Number.isInteger(caseId),
    refetchInterval: 60_000,
  });

  if (!Number.isInteger(caseId) || (detail.error instanceof ApiRequestError && detail.error.status === 404)) return <NotFoundPage />;
  if (detail.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (detail.isError) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  const c = detail.data;

  return (
    <>
      <PageHeader
        title={t('cases.caseTitle', { code: c.queryCode })}
        rules={['R-CASE-03', 'R-CASE-04', 'R-CASE-08']}
        extra={
          <Space wrap>
            <CaseStatusTag status={c.status} testId="case-status" />
            {c.overdue && (
              <Tag color="red" data-testid="case-overdue">
                {t('cases.legendOverdue')}
              </Tag>
            )}
            <QueryCardButton c={c} />
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/cases')}>
              {t('cases.backToList')}
            </Button>
          </Space>
        }
      />
      <Card size="small" title={t('actions.bar')} style={{ marginBottom: 16 }}>
        <CaseActionBar c={c} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            {/* keyed so that a revealed number never carries over to the next case */}
            <CaseFacts key={c.id} c={c} />
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <CaseClocks deadlines={c.deadlines} paused={c.status === 'paused'} />
            <CaseTimeline events={c.events ?? []} />
          </Flex>
        </Col>
      </Row>
    </>
  );
}
