// R-CASE-01..03, R-CMT-04: a case registered at the counter (or from the phone, the report box,
// a supervisor …). The clerk who registers it becomes its first responder.
import {
  CASE_CHANNELS,
  CASE_CHANNEL_LABELS,
  CASE_TYPES,
  CASE_TYPE_LABELS,
  FAULT_CLASSES,
  type CaseChannel,
  type CaseRegisterInput,
  type CaseType,
  type CaseView,
  type FaultClass,
  type ServiceArea,
} from '@griddesk/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { apiPost } from '../../api';
import { ApiErrorAlert, showFieldErrors } from '../../ApiErrorAlert';
import { FAULT_CLASS_LABELS, SERVICE_AREAS, SERVICE_AREA_LABELS } from '../../cases/labels';
import { shanghaiInstant, stationNow } from '../../format';
import { useLang, useT } from '../../i18n';
import { PageHeader } from '../PageHeader';
import { stationsOf, useOrgUnits } from './useOrg';

interface RegisterForm {
  channel: CaseChannel;
  type: CaseType;
  faultClass?: FaultClass;
  serviceArea: ServiceArea;
  important: boolean;
  contactName: string;
  contactPhone?: string;
  contactAddress?: string;
  accountNo?: string;
  description: string;
  receivedAt?: Dayjs | null;
  feePaidAt?: Dayjs | null;
  stationId?: number;
}

const PHONE = /^\+?[0-9][0-9 -]{3,18}[0-9]$/;
const trimmed = (v: string | undefined) => v?.trim() || undefined;

/** Only what was filled in reaches the server; times picked on screen are Beijing time. */
function toBody(v: RegisterForm): CaseRegisterInput {
  return {
    channel: v.channel,
    type: v.type,
    ...(v.type === 'fault_repair' ? { faultClass: v.faultClass, serviceArea: v.serviceArea } : {}),
    contactName: v.contactName.trim(),
    contactPhone: trimmed(v.contactPhone),
    contactAddress: trimmed(v.contactAddress),
    accountNo: trimmed(v.accountNo),
    description: v.description.trim(),
    receivedAt: v.channel === 'report_box' && v.receivedAt ? shanghaiInstant(v.receivedAt) : undefined,
    feePaidAt: v.type === 'meter_test' && v.feePaidAt ? shanghaiInstant(v.feePaidAt) : undefined,
    important: v.important || undefined,
    stationId: v.stationId,
  };
}

const notFuture = (d: Dayjs) => d.isAfter(stationNow());

export function CaseRegisterPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RegisterForm>();
  const channel = Form.useWatch('channel', form);
  const type = Form.useWatch('type', form);
  const stations = stationsOf(useOrgUnits().data);

  const register = useMutation({
    mutationFn: (v: RegisterForm) => apiPost<CaseView>('/api/cases', toBody(v)),
    onSuccess: (c) => {
      void queryClient.invalidateQueries({ queryKey: ['/api/cases'] });
      queryClient.setQueryData([`/api/cases/${c.id}`], c);
      void message.success(t('cases.registered', { code: c.queryCode }));
      navigate(`/cases/${c.id}`);
    },
    onError: (err) => showFieldErrors(form, err, lang),
  });

  return (
    <>
      <PageHeader title={t('nav.caseNew')} rules={['R-CASE-01', 'R-CASE-02', 'R-CASE-03', 'R-CMT-04']} />
      <Card style={{ maxWidth: 980 }}>
        <Typography.Paragraph type="secondary">{t('cases.firstResponderHint')}</Typography.Paragraph>
        <ApiErrorAlert error={register.error} testId="case-register-error" />
        <Form<RegisterForm>
          form={form}
          layout="vertical"
          initialValues={{ channel: 'counter', serviceArea: 'urban', important: false }}
          onFinish={(v) => register.mutate(v)}
          scrollToFirstError
        >
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="channel" label={t('cases.channel')} rules={[{ required: true }]}>
                <Select<CaseChannel> data-testid="case-channel" options={CASE_CHANNELS.map((c) => ({ value: c, label: t(CASE_CHANNEL_LABELS[c]) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="type" label={t('cases.type')} rules={[{ required: true, message: t('cases.typeRequired') }]}>
                <Select<CaseType>
                  data-testid="case-type"
                  placeholder={t('cases.typePlaceholder')}
                  options={CASE_TYPES.map((c) => ({ value: c, label: t(CASE_TYPE_LABELS[c]) }))}
                />
              </Form.Item>
            </Col>
            {stations.length > 1 && (
              <Col xs={24} md={8}>
                <Form.Item name="stationId" label={t('cases.station')} rules={[{ required: true, message: t('cases.stationRequired') }]}>
                  <Select<number> data-testid="case-station" options={stations.map((s) => ({ value: s.id, label: s.name }))} />
                </Form.Item>
              </Col>
            )}
          </Row>
          {type === 'fault_repair' && (
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="faultClass" label={t('cases.faultClass')} rules={[{ required: true, message: t('cases.faultClassRequired') }]}>
                  <Select<FaultClass> data-testid="case-fault-class" options={FAULT_CLASSES.map((f) => ({ value: f, label: t(FAULT_CLASS_LABELS[f]) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="serviceArea" label={t('cases.serviceArea')} extra={t('cases.serviceAreaHint')}>
                  <Radio.Group
                    data-testid="case-service-area"
                    optionType="button"
                    options={SERVICE_AREAS.map((a) => ({ value: a, label: t(SERVICE_AREA_LABELS[a]) }))}
                  />
                </Form.Item>
              </Col>
            </Row>
          )}
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                name="contactName"
                label={t('cases.contactName')}
                rules={[{ required: true, whitespace: true, message: t('cases.contactNameRequired') }, { max: 100 }]}
              >
                <Input data-testid="case-contact-name" maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="contactPhone" label={t('cases.contactPhone')} rules={[{ pattern: PHONE, message: t('cases.phoneInvalid') }]}>
                <Input data-testid="case-contact-phone" maxLength={20} inputMode="tel" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="accountNo" label={t('cases.accountNo')} extra={t('cases.accountNoHint')}>
                <Input data-testid="case-account-no" maxLength={32} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="contactAddress" label={t('cases.contactAddress')}>
            <Input data-testid="case-contact-address" maxLength={200} />
          </Form.Item>
          <Form.Item name="description" label={t('cases.description')} rules={[{ required: true, whitespace: true, message: t('cases.descriptionRequired') }]}>
            <Input.TextArea data-testid="case-description" rows={4} maxLength={4000} showCount />
          </Form.Item>
          <Row gutter={16}>
            {channel === 'report_box' && (
              <Col xs={24} md={12}>
                <Form.Item
                  name="receivedAt"
                  label={t('cases.receivedAt')}
                  extra={t('cases.receivedAtHint')}
                  rules={[{ required: true, message: t('cases.receivedAtRequired') }]}
                >
                  <DatePicker
                    data-testid="case-received-at"
                    showTime={{ format: 'HH:mm' }}
                    format="YYYY-MM-DD HH:mm"
                    disabledDate={notFuture}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
              </Col>
            )}
            {type === 'meter_test' && (
              <Col xs={24} md={12}>
                <Form.Item name="feePaidAt" label={t('cases.feePaidAt')} extra={t('cases.feePaidAtHint')}>
                  <DatePicker
                    data-testid="case-fee-paid-at"
                    showTime={{ format: 'HH:mm' }}
                    format="YYYY-MM-DD HH:mm"
                    disabledDate={notFuture}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
              </Col>
            )}
          </Row>
          <Form.Item name="important" valuePropName="checked">
            <Checkbox data-testid="case-important">{t('cases.importantHint')}</Checkbox>
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={register.isPending} data-testid="case-submit">
              {t('cases.submit')}
            </Button>
            <Button onClick={() => navigate('/cases')}>{t('cases.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
