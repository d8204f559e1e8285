// R-MTR-07: registering an inspection campaign (night patrol, meter-box opening …).
import { CAMPAIGN_KINDS, type Campaign, type CampaignInput, type CampaignKind } from '@griddesk/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { apiPost } from '../../../api';
import { ApiErrorAlert, showFieldErrors } from '../../../ApiErrorAlert';
import { stationNow } from '../../../format';
import { useLang, useT } from '../../../i18n';
import { stationsOf, useOrgUnits } from '../../cases/useOrg';
import { CAMPAIGN_KIND_LABELS } from './inspectionLabels';

interface CampaignForm {
  kind: CampaignKind;
  stationId?: number;
  startedOn: Dayjs;
  endedOn?: Dayjs | null;
  boxesOpened: number;
  note?: string;
}

const notFuture = (d: Dayjs) => d.isAfter(stationNow(), 'day');

export function CampaignFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CampaignForm>();
  const stations = stationsOf(useOrgUnits().data);
  const create = useMutation({
    mutationFn: (v: CampaignForm) =>
      apiPost<Campaign>('/api/inspections', {
        kind: v.kind,
        stationId: v.stationId,
        startedOn: v.startedOn.format('YYYY-MM-DD'),
        endedOn: v.endedOn ? v.endedOn.format('YYYY-MM-DD') : null,
        boxesOpened: v.boxesOpened,
        note: v.note?.trim() || undefined,
      } satisfies CampaignInput),
    onSuccess: () => {
      void message.success(t('inspections.created'));
      void queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('/api/inspections') });
      form.resetFields();
      onClose();
    },
    onError: (err) => showFieldErrors(form, err, lang),
  });

  return (
    <Modal
      open={open}
      title={t('inspections.new')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('inspections.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="campaign-submit">
            {t('inspections.submit')}
          </Button>
        </Space>
      }
      width={640}
    >
      <ApiErrorAlert error={create.error} testId="campaign-error" />
      <Form<CampaignForm>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'meter_box_opening', startedOn: stationNow(), boxesOpened: 0 }}
        onFinish={(v) => create.mutate(v)}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={t('inspections.kind')} rules={[{ required: true, message: t('inspections.kindRequired') }]}>
              <Select<CampaignKind> data-testid="campaign-kind" options={CAMPAIGN_KINDS.map((k) => ({ value: k, label: t(CAMPAIGN_KIND_LABELS[k]) }))} />
            </Form.Item>
          </Col>
          {stations.length > 1 && (
            <Col xs={24} md={12}>
              <Form.Item name="stationId" label={t('inspections.station')} rules={[{ required: true, message: t('inspections.stationRequired') }]}>
                <Select<number> data-testid="campaign-station" options={stations.map((s) => ({ value: s.id, label: s.name }))} />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="startedOn" label={t('inspections.startedOn')} rules={[{ required: true, message: t('inspections.startedRequired') }]}>
              <DatePicker data-testid="campaign-started-on" disabledDate={notFuture} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="endedOn"
              label={t('inspections.endedOn')}
              dependencies={['startedOn']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, v: Dayjs | null | undefined) => {
                    const started = getFieldValue('startedOn') as Dayjs | undefined;
                    return v && started && v.isBefore(started, 'day') ? Promise.reject(new Error(t('inspections.endBeforeStart'))) : Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker data-testid="campaign-ended-on" disabledDate={notFuture} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="boxesOpened" label={t('inspections.boxesOpened')} rules={[{ required: true, message: t('inspections.boxesRequired') }]}>
              <InputNumber data-testid="campaign-boxes" min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t('inspections.note')}>
          <Input.TextArea data-testid="campaign-note" rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
