// R-PUB-02, R-CASE-01, R-CASE-08: a complaint, repair call, suggestion or billing query from the
// public window, without signing in. The answer is a query code to keep, shown large and printable.
import { EditOutlined } from '@ant-design/icons';
import { FAULT_CLASSES, PORTAL_CASE_TYPES, type FaultClass } from '@griddesk/shared';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Form, Input, Radio, Result, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiRequestError, apiPost, errorMessage } from '../api';
import { showFieldErrors } from '../ApiErrorAlert';
import { FAULT_CLASS_LABELS } from '../cases/labels';
import { PrintButton, QueryCard } from '../cases/QueryCard';
import type { PortalCaseInput, PublicCase } from '@griddesk/shared';
import { useLang, useT, type MsgKey } from '../i18n';
import { newIdempotencyKey } from './idempotencyKey';

type PortalType = (typeof PORTAL_CASE_TYPES)[number];

interface SubmitForm {
  type: PortalType;
  faultClass?: FaultClass;
  contactName: string;
  contactPhone: string;
  contactAddress?: string;
  accountNo?: string;
  description: string;
}

const TYPE_TEXT: Record<PortalType, { label: MsgKey; hint: MsgKey }> = {
  complaint: { label: 'submit.type.complaint', hint: 'submit.hint.complaint' },
  fault_repair: { label: 'submit.type.fault_repair', hint: 'submit.hint.fault_repair' },
  suggestion: { label: 'submit.type.suggestion', hint: 'submit.hint.suggestion' },
  billing_query: { label: 'submit.type.billing_query', hint: 'submit.hint.billing_query' },
};

const PHONE = /^\+?[0-9][0-9 -]{3,18}[0-9]$/;
const trimmed = (v: string | undefined) => v?.trim() || undefined;

function Submitted({ c, onAnother }: { c: PublicCase; onAnother: () => void }) {
  const t = useT();
  return (
    <Flex vertical gap={24} align="center">
      <Result
        status="success"
        title={t('submit.thanks')}
        subTitle={<span style={{ fontSize: '1.1em' }}>{t('submit.keepCode')}</span>}
        style={{ paddingBottom: 0 }}
      />
      <Typography.Text type="secondary">{t('card.queryCode')}</Typography.Text>
      <Typography.Text
        data-testid="portal-query-code"
        strong
        copyable={{ text: c.queryCode }}
        style={{ fontSize: 'clamp(40px, 7vw, 72px)', letterSpacing: 6, fontFamily: 'ui-monospace, Consolas, monospace', lineHeight: 1.1 }}
      >
        {c.queryCode}
      </Typography.Text>
      <QueryCard queryCode={c.queryCode} typeLabel={c.typeLabel} receivedAt={c.receivedAt} deadlines={c.deadlines} large />
      <Space wrap size="middle">
        <PrintButton size="large" testId="portal-print-card" />
        <Link to={`/track?code=${encodeURIComponent(c.queryCode)}`}>
          <Button size="large" type="primary" data-testid="portal-go-track">
            {t('submit.trackNow')}
          </Button>
        </Link>
        <Button size="large" onClick={onAnother} data-testid="portal-submit-another">
          {t('submit.another')}
        </Button>
      </Space>
    </Flex>
  );
}

function SubmitFormCard({ onDone }: { onDone: (c: PublicCase) => void }) {
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm<SubmitForm>();
  const type = Form.useWatch('type', form);
  // One key for this filled-in form, reused on every retry and double click.
  const [key] = useState(newIdempotencyKey);

  const submit = useMutation({
    mutationFn: (v: SubmitForm) =>
      apiPost<PublicCase>(
        '/api/portal/cases',
        {
          type: v.type,
          ...(v.type === 'fault_repair' && v.faultClass ? { faultClass: v.faultClass } : {}),
          contactName: v.contactName.trim(),
          contactPhone: v.contactPhone.trim(),
          contactAddress: trimmed(v.contactAddress),
          accountNo: trimmed(v.accountNo),
          description: v.description.trim(),
        } satisfies PortalCaseInput,
        { 'Idempotency-Key': key },
      ),
    onSuccess: onDone,
    onError: (err) => showFieldErrors(form, err, lang),
  });

  const rateLimited = submit.error instanceof ApiRequestError && submit.error.status === 429;

  return (
    <Card>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        <EditOutlined /> {t('portal.submit')}
      </Typography.Title>
      <Typography.Paragraph style={{ fontSize: '1.1em' }}>{t('submit.intro')}</Typography.Paragraph>
      {submit.isError && (
        <Alert
          type="error"
          showIcon
          data-testid="portal-submit-error"
          title={rateLimited ? t('submit.tooMany') : t('submit.failed')}
          description={errorMessage(submit.error, t)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<SubmitForm> form={form} layout="vertical" size="large" onFinish={(v) => submit.mutate(v)} scrollToFirstError requiredMark>
        <Form.Item name="type" label={t('submit.typeLabel')} rules={[{ required: true, message: t('submit.typeRequired') }]}>
          <Radio.Group data-testid="portal-type" style={{ width: '100%' }}>
            <Row gutter={[12, 12]}>
              {PORTAL_CASE_TYPES.map((ty) => (
                <Col key={ty} xs={24} sm={12} xl={6}>
                  <Radio.Button value={ty} style={{ width: '100%', height: 'auto', padding: '10px 16px', whiteSpace: 'normal', lineHeight: 1.4 }}>
                    <Typography.Text strong style={{ fontSize: '1.1em', color: 'inherit' }} data-testid={`portal-type-${ty}`}>
                      {t(TYPE_TEXT[ty].label)}
                    </Typography.Text>
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
                      {t(TYPE_TEXT[ty].hint)}
                    </Typography.Text>
                  </Radio.Button>
                </Col>
              ))}
            </Row>
          </Radio.Group>
        </Form.Item>
        {type === 'fault_repair' && (
          <Form.Item name="faultClass" label={t('submit.faultClass')} extra={t('submit.faultClassHint')}>
            <Radio.Group data-testid="portal-fault-class" options={FAULT_CLASSES.map((f) => ({ value: f, label: t(FAULT_CLASS_LABELS[f]) }))} />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="contactName"
              label={t('submit.contactName')}
              rules={[{ required: true, whitespace: true, message: t('submit.contactNameRequired') }]}
            >
              <Input data-testid="portal-contact-name" maxLength={100} autoComplete="name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="contactPhone"
              label={t('submit.contactPhone')}
              rules={[
                { required: true, message: t('submit.contactPhoneRequired') },
                { pattern: PHONE, message: t('submit.contactPhoneInvalid') },
              ]}
            >
              <Input data-testid="portal-contact-phone" maxLength={20} inputMode="tel" autoComplete="tel" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="contactAddress" label={type === 'fault_repair' ? t('submit.faultAddress') : t('submit.contactAddress')}>
              <Input data-testid="portal-contact-address" maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="accountNo" label={t('submit.accountNo')} extra={t('submit.accountNoHint')}>
              <Input data-testid="portal-account-no" maxLength={32} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('submit.description')} rules={[{ required: true, whitespace: true, message: t('submit.descriptionRequired') }]}>
          <Input.TextArea data-testid="portal-description" rows={5} maxLength={2000} showCount placeholder={t('submit.descriptionPlaceholder')} />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('submit.privacy')}</Typography.Paragraph>
        <Button type="primary" htmlType="submit" size="large" loading={submit.isPending} data-testid="portal-submit" style={{ minWidth: 200 }}>
          {t('submit.send')}
        </Button>
      </Form>
    </Card>
  );
}

export function SubmitPage() {
  const [done, setDone] = useState<PublicCase | null>(null);
  const [round, setRound] = useState(0);
  if (done) {
    return (
      <Submitted
        c={done}
        onAnother={() => {
          setDone(null);
          setRound((r) => r + 1);
        }}
      />
    );
  }
  // A new round is a new form instance with a new idempotency key.
  return <SubmitFormCard key={round} onDone={setDone} />;
}
