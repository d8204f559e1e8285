// R-MTR-07: a theft or violation found in a campaign. The server prices it by the supply rules
// (theft: back charges + 3× by default; violations: per type) and answers the money.
import { type FindingBody, type FindingKind, type FindingView, VIOLATION_TYPES, type ViolationType } from '@griddesk/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Space } from 'antd';
import { apiPost } from '../../../api';
import { ApiErrorAlert, showFieldErrors } from '../../../ApiErrorAlert';
import { formatYuan } from '../../../format';
import { useLang, useT } from '../../../i18n';
import { VIOLATION_LABELS, VIOLATION_NEEDS } from './inspectionLabels';

interface FindingForm {
  kind: FindingKind;
  accountNo?: string;
  violationType?: ViolationType;
  energyKwh?: string;
  priceYuan?: string;
  penaltyMultiple?: number | null;
  capacityKw?: number | null;
  times?: number | null;
  residential?: boolean;
  note?: string;
}

// The server's patterns, checked here first so the common mistakes never make a round trip.
const KWH = /^[0-9]{1,12}(\.[0-9]{1,4})?$/;
const PRICE = /^[0-9]{1,6}(\.[0-9]{1,4})?$/;

const given = <T,>(v: T | null | undefined): T | undefined => (v === null || v === undefined ? undefined : v);
const trimmed = (v: string | undefined) => v?.trim() || undefined;

/** Only the figures that the kind (and violation type) uses reach the server. */
function toBody(v: FindingForm): FindingBody {
  const common = { accountNo: trimmed(v.accountNo), energyKwh: trimmed(v.energyKwh), priceYuan: trimmed(v.priceYuan), note: trimmed(v.note) };
  if (v.kind === 'theft') return { kind: 'theft', ...common, penaltyMultiple: given(v.penaltyMultiple) };
  const needs = v.violationType ? VIOLATION_NEEDS[v.violationType] : {};
  return {
    kind: 'violation',
    ...common,
    violationType: v.violationType,
    capacityKw: needs.capacity ? given(v.capacityKw) : undefined,
    times: needs.times ? given(v.times) : undefined,
    // unticked leaves it to the server, which takes it from the customer's class when one is named
    residential: needs.times && v.residential ? true : undefined,
  };
}

export function FindingFormModal({ campaignId, onClose }: { campaignId: number | null; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FindingForm>();
  const kind = Form.useWatch('kind', form);
  const violationType = Form.useWatch('violationType', form);
  const needs = kind === 'violation' && violationType ? VIOLATION_NEEDS[violationType] : {};

  const record = useMutation({
    mutationFn: (v: FindingForm) => apiPost<FindingView>(`/api/inspections/${campaignId}/findings`, toBody(v)),
    onSuccess: (f) => {
      void message.success(t('finding.recorded', { unpaid: formatYuan(f.unpaidFen), penalty: formatYuan(f.penaltyFen) }));
      void queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('/api/inspections') });
      onClose();
    },
    onError: (err) => showFieldErrors(form, err, lang),
  });

  return (
    <Modal
      open={campaignId !== null}
      title={t('inspections.addFinding')}
      onCancel={onClose}
      destroyOnHidden
      width={680}
      afterOpenChange={(opened) => opened || record.reset()}
      footer={
        <Space>
          <Button onClick={onClose}>{t('inspections.cancel')}</Button>
          <Button type="primary" loading={record.isPending} onClick={() => form.submit()} data-testid="finding-submit">
            {t('inspections.submit')}
          </Button>
        </Space>
      }
    >
      <ApiErrorAlert error={record.error} testId="finding-error" />
      <Form<FindingForm> form={form} layout="vertical" initialValues={{ kind: 'theft' }} onFinish={(v) => record.mutate(v)} preserve={false}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={t('finding.kind')} rules={[{ required: true }]}>
              <Radio.Group
                data-testid="finding-kind"
                optionType="button"
                options={[
                  { value: 'theft', label: t('finding.theft') },
                  { value: 'violation', label: t('finding.violation') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="accountNo" label={t('finding.accountNo')} extra={t('finding.accountNoHint')}>
              <Input data-testid="finding-account-no" maxLength={32} />
            </Form.Item>
          </Col>
        </Row>
        {kind === 'violation' && (
          <Form.Item name="violationType" label={t('finding.violationType')} rules={[{ required: true, message: t('finding.violationTypeRequired') }]}>
            <Select<ViolationType> data-testid="finding-violation-type" options={VIOLATION_TYPES.map((v) => ({ value: v, label: t(VIOLATION_LABELS[v]) }))} />
          </Form.Item>
        )}
        <Row gutter={16}>
          {(kind === 'theft' || needs.energy) && (
            <Col xs={24} md={8}>
              <Form.Item
                name="energyKwh"
                label={t('finding.energyKwh')}
                rules={[
                  { required: kind === 'theft', whitespace: true, message: t('finding.energyRequired') },
                  { pattern: KWH, message: t('finding.kwhInvalid') },
                ]}
              >
                <Input data-testid="finding-energy" inputMode="decimal" />
              </Form.Item>
            </Col>
          )}
          {(kind === 'theft' || needs.energy) && (
            <Col xs={24} md={8}>
              <Form.Item
                name="priceYuan"
                label={t('finding.priceYuan')}
                tooltip={t('finding.priceHint')}
                rules={[{ pattern: PRICE, message: t('finding.priceInvalid') }]}
              >
                <Input data-testid="finding-price" inputMode="decimal" />
              </Form.Item>
            </Col>
          )}
          {kind === 'theft' && (
            <Col xs={24} md={8}>
              <Form.Item name="penaltyMultiple" label={t('finding.penaltyMultiple')} tooltip={t('finding.penaltyHint')}>
                <InputNumber data-testid="finding-penalty-multiple" min={0} max={10} step={0.5} placeholder="3" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          {needs.capacity && (
            <Col xs={24} md={8}>
              <Form.Item name="capacityKw" label={t('finding.capacityKw')}>
                <InputNumber data-testid="finding-capacity" min={0} max={100_000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          {needs.times && (
            <Col xs={24} md={8}>
              <Form.Item name="times" label={t('finding.times')}>
                <InputNumber data-testid="finding-times" min={1} max={1000} precision={0} placeholder="1" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          {needs.times && (
            <Col xs={24} md={8}>
              <Form.Item name="residential" label=" " valuePropName="checked">
                <Checkbox data-testid="finding-residential">{t('finding.residential')}</Checkbox>
              </Form.Item>
            </Col>
          )}
        </Row>
        <Form.Item name="note" label={t('inspections.note')}>
          <Input.TextArea data-testid="finding-note" rows={2} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
