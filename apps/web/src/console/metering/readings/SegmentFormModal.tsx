// R-MTR-01: a reading segment's day of the month and its reader. The same PUT creates a segment
// or changes it, so a new code that already exists is stopped here rather than overwritten.
import { App, Button, Col, Form, Input, InputNumber, Modal, Row, Select, Space } from 'antd';
import { ApiErrorAlert, showFieldErrors } from '../../../ApiErrorAlert';
import { useLang, useT } from '../../../i18n';
import { stationScope, stationsOf, useOrgUnits, useStaffOf } from '../../cases/useOrg';
import { useSaveSegment } from './segmentQueries';
import { LAST_DAY } from './segmentLabels';
import type { Segment } from '@griddesk/shared';

interface SegmentForm {
  code: string;
  name: string;
  stationId?: number;
  readingDay: number;
  readerId?: number | null;
}

const CODE = /^[A-Za-z0-9_-]{1,32}$/;

interface Props {
  open: boolean;
  /** null creates a new segment */
  segment: Segment | null;
  existingCodes: string[];
  onClose: () => void;
}

export function SegmentFormModal({ open, segment, existingCodes, onClose }: Props) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<SegmentForm>();
  const units = useOrgUnits();
  const stations = stationsOf(units.data);
  const pickedStation = Form.useWatch('stationId', form);
  const stationId = segment?.stationId ?? pickedStation ?? (stations.length === 1 ? stations[0]!.id : undefined);
  const staff = useStaffOf(stationId === undefined ? undefined : stationScope(units.data, stationId));
  const save = useSaveSegment();
  const readers = (staff.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName} · ${u.orgUnitName}` }));
  // a reader since disabled or moved is still shown by name rather than as a bare id
  if (segment?.reader && !readers.some((r) => r.value === segment.reader!.id)) readers.push({ value: segment.reader.id, label: segment.reader.name });

  const submit = (v: SegmentForm) =>
    save.mutate(
      {
        code: segment?.code ?? v.code.trim(),
        body: { name: v.name.trim(), stationId, readingDay: v.readingDay, readerId: v.readerId ?? null },
      },
      {
        onSuccess: (saved) => {
          void message.success(t('segments.saved', { code: saved.code }));
          onClose();
        },
        onError: (err) => showFieldErrors(form, err, lang),
      },
    );

  return (
    <Modal
      open={open}
      title={segment ? t('segments.editTitle', { code: segment.code }) : t('segments.new')}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(opened) => opened || save.reset()}
      width={640}
      footer={
        <Space>
          <Button onClick={onClose}>{t('segments.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="segment-submit">
            {t('segments.save')}
          </Button>
        </Space>
      }
    >
      <ApiErrorAlert error={save.error} testId="segment-error" />
      <Form<SegmentForm>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={segment ? { code: segment.code, name: segment.name, readingDay: segment.readingDay, readerId: segment.reader?.id ?? null } : {}}
        onFinish={submit}
      >
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item
              name="code"
              label={t('segments.code')}
              rules={
                segment
                  ? []
                  : [
                      { required: true, message: t('segments.codeRequired') },
                      { pattern: CODE, message: t('segments.codeInvalid') },
                      {
                        validator: (_, v: string | undefined) =>
                          v && existingCodes.includes(v.trim()) ? Promise.reject(new Error(t('segments.codeTaken'))) : Promise.resolve(),
                      },
                    ]
              }
            >
              <Input data-testid="segment-code" maxLength={32} disabled={segment !== null} />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item name="name" label={t('segments.name')} rules={[{ required: true, whitespace: true, message: t('segments.nameRequired') }]}>
              <Input data-testid="segment-name" maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        {!segment && stations.length > 1 && (
          <Form.Item name="stationId" label={t('segments.station')} rules={[{ required: true, message: t('segments.stationRequired') }]}>
            <Select<number> data-testid="segment-station" options={stations.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item
              name="readingDay"
              label={t('segments.readingDay')}
              extra={t('segments.readingDayHint')}
              rules={[{ required: true, message: t('segments.readingDayRequired') }]}
            >
              <InputNumber data-testid="segment-reading-day" min={1} max={LAST_DAY} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item name="readerId" label={t('segments.reader')} extra={t('segments.readerHint')}>
              <Select<number>
                data-testid="segment-reader"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={staff.isFetching}
                placeholder={t('segments.noReader')}
                options={readers}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
