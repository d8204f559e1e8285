// Publishing a new version of the metering policy: the figures in force, edited in place, sent
// whole with a note. The server checks every range and names the field; its reason shows there.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Space, Typography } from 'antd';
import { apiPost } from '../../../api';
import { ApiErrorAlert, showFieldErrors } from '../../../ApiErrorAlert';
import { useLang, useT, type MsgKey } from '../../../i18n';
import { fromFormValues, POLICY_SECTIONS, toFormValues, type PolicyUnit } from './policyFields';
import type { MeteringPolicy } from '@griddesk/shared';

export const POLICY_PATH = '/api/metering/policy';

const SUFFIX: Partial<Record<PolicyUnit, MsgKey | string>> = {
  percent: '%',
  kwh: 'kWh',
  factor: 'mpolicy.suffix.factor',
  months: 'mpolicy.suffix.months',
  days: 'mpolicy.suffix.days',
};

interface FormValues {
  definition: Record<string, unknown>;
  note?: string;
}

interface Props {
  version: number;
  policy: MeteringPolicy;
  onDone: () => void;
}

export function MeteringPolicyForm({ version, policy, onDone }: Props) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const suffix = (unit: PolicyUnit) => {
    const s = SUFFIX[unit];
    return s === undefined ? undefined : s.startsWith('mpolicy.') ? t(s as MsgKey) : s;
  };

  const publish = useMutation({
    mutationFn: (v: FormValues) =>
      apiPost<{ version: number }>(POLICY_PATH, { definition: fromFormValues(policy, v.definition), note: v.note?.trim() || undefined }),
    onSuccess: (r) => {
      void message.success(t('mpolicy.published', { version: r.version }));
      // every metering figure may change with the policy
      void queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('/api/metering/') });
      onDone();
    },
    onError: (err) => showFieldErrors(form, err, lang),
  });

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={{ definition: toFormValues(policy) }}
      onFinish={(v) => publish.mutate(v)}
      data-testid="policy-form"
    >
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('mpolicy.editing', { version })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('mpolicy.percentHint')}</Typography.Paragraph>
      <ApiErrorAlert error={publish.error} testId="policy-error" />
      <Row gutter={[16, 16]}>
        {POLICY_SECTIONS.map((section) => (
          <Col key={section.key} xs={24} xl={section.fields.length > 4 ? 24 : 12}>
            <Card size="small" title={t(section.title)} style={{ height: '100%' }}>
              <Row gutter={16}>
                {section.fields.map((f) => (
                  <Col key={f.path.join('.')} xs={24} md={12} xl={section.fields.length > 4 ? 8 : 12}>
                    <Form.Item name={['definition', ...f.path]} label={t(f.label)} rules={[{ required: true, message: t('mpolicy.required') }]}>
                      <InputNumber
                        data-testid={`policy-input-${f.path.join('.')}`}
                        precision={f.integer ? 0 : undefined}
                        step={f.unit === 'weight' ? 0.05 : 1}
                        suffix={suffix(f.unit)}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
            </Card>
          </Col>
        ))}
      </Row>
      <Form.Item name="note" label={t('mpolicy.note')} style={{ marginTop: 16 }}>
        <Input.TextArea data-testid="policy-note" rows={2} maxLength={500} showCount placeholder={t('mpolicy.notePlaceholder')} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={publish.isPending} data-testid="policy-publish">
          {t('mpolicy.publish')}
        </Button>
        <Button onClick={onDone}>{t('mpolicy.cancel')}</Button>
      </Space>
    </Form>
  );
}
