// R-MTR-03: publishing a tariff table — a new one, or a new version of one in force, starting from
// its figures. Prices are typed in yuan and sent as integer price units; the server numbers the
// version, checks the table and names any field it refuses.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  CUSTOMER_CLASSES,
  type CustomerClass,
  TARIFF_VOLTAGES,
  type TariffDefinition,
  type TariffDefinitionInput,
  type TariffPublishInput,
  type TariffTou,
  type TariffVoltage,
  TOU_PERIODS,
  type TouPeriod,
} from '@griddesk/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Divider, Form, Input, InputNumber, Modal, Row, Select, Space, Typography } from 'antd';
import { apiPost } from '../../../api';
import { ApiErrorAlert, showFieldErrors } from '../../../ApiErrorAlert';
import { useLang, useT } from '../../../i18n';
import { CUSTOMER_CLASS_LABELS, TARIFF_VOLTAGE_LABELS, TOU_PERIOD_LABELS } from '../../../tariffs/labels';
import { isYuan, yuanText, yuanToUnits } from './tariffPrice';

export const TARIFFS_PATH = '/api/tariffs';

const CODE = /^[A-Z0-9-]{1,20}$/;
const HHMM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** The form holds yuan as typed text and the TOU multiplier as a multiple (1.5), under the names the server's fields use. */
interface FormValues {
  definition: {
    code: string;
    name: string;
    nameEn: string;
    customerClass: CustomerClass;
    voltageLevel: TariffVoltage;
    basePrice: string;
    tiers?: { steps?: { upToKwh?: number | null; addPrice: string }[] };
    tou?: { period: TouPeriod; from: string; to: string; multiplierPermille?: number | null; addPrice?: string }[];
    source: string;
  };
}

function toForm(base: TariffDefinition | null): FormValues['definition'] | undefined {
  if (!base) return undefined;
  return {
    code: base.code,
    name: base.name,
    nameEn: base.nameEn,
    customerClass: base.customerClass,
    voltageLevel: base.voltageLevel,
    basePrice: yuanText(base.basePrice),
    tiers: { steps: (base.tiers?.steps ?? []).map((s) => ({ upToKwh: s.upToKwh, addPrice: yuanText(s.addPrice) })) },
    tou: (base.tou ?? []).map((w) => ({
      period: w.period,
      from: w.from,
      to: w.to,
      multiplierPermille: w.multiplierPermille === undefined ? null : w.multiplierPermille / 1000,
      addPrice: w.addPrice === undefined ? undefined : yuanText(w.addPrice),
    })),
    source: base.source,
  };
}

const units = (text: string | undefined) => (text?.trim() ? (yuanToUnits(text) ?? undefined) : undefined);

function toDefinition(v: FormValues['definition']): TariffDefinitionInput {
  const steps = v.tiers?.steps ?? [];
  const tou = v.tou ?? [];
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    nameEn: v.nameEn.trim(),
    customerClass: v.customerClass,
    voltageLevel: v.voltageLevel,
    basePrice: yuanToUnits(v.basePrice) ?? 0,
    ...(steps.length
      ? { tiers: { cycle: 'calendar_year' as const, steps: steps.map((s) => ({ upToKwh: s.upToKwh ?? null, addPrice: units(s.addPrice) ?? 0 })) } }
      : {}),
    ...(tou.length
      ? {
          tou: tou.map((w): TariffTou => {
            const out: TariffTou = { period: w.period, from: w.from.trim(), to: w.to.trim() };
            if (w.multiplierPermille !== null && w.multiplierPermille !== undefined) out.multiplierPermille = Math.round(w.multiplierPermille * 1000);
            const add = units(w.addPrice);
            if (add !== undefined) out.addPrice = add;
            return out;
          }),
        }
      : {}),
    source: v.source.trim(),
  };
}

interface Props {
  open: boolean;
  /** the version a new one starts from; null for a new tariff code */
  base: TariffDefinition | null;
  existingCodes: string[];
  onClose: () => void;
}

export function TariffFormModal({ open, base, existingCodes, onClose }: Props) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const required = { required: true, whitespace: true, message: t('tariffs.form.required') };
  const price = (optional: boolean) => ({
    validator: (_: unknown, v: string | undefined) =>
      (optional && !v?.trim()) || (v !== undefined && isYuan(v)) ? Promise.resolve() : Promise.reject(new Error(t('tariffs.form.priceInvalid'))),
  });

  const publish = useMutation({
    mutationFn: (v: FormValues) => apiPost<TariffDefinition>(TARIFFS_PATH, { definition: toDefinition(v.definition) } satisfies TariffPublishInput),
    onSuccess: (def) => {
      void message.success(t('tariffs.published', { code: def.code, version: def.version }));
      void queryClient.invalidateQueries({ queryKey: [TARIFFS_PATH] });
      onClose();
    },
    onError: (err) => showFieldErrors(form, err, lang),
  });

  return (
    <Modal
      open={open}
      title={base ? t('tariffs.newVersionOf', { code: base.code }) : t('tariffs.new')}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(opened) => opened || publish.reset()}
      width={900}
      footer={
        <Space>
          <Button onClick={onClose}>{t('tariffs.form.cancel')}</Button>
          <Button type="primary" loading={publish.isPending} onClick={() => form.submit()} data-testid="tariff-submit">
            {t('tariffs.form.publish')}
          </Button>
        </Space>
      }
    >
      <ApiErrorAlert error={publish.error} testId="tariff-error" />
      <Form<FormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ definition: toForm(base) ?? { customerClass: 'non_residential', voltageLevel: 'LV', tiers: { steps: [] }, tou: [] } }}
        onFinish={(v) => publish.mutate(v)}
      >
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item
              name={['definition', 'code']}
              label={t('tariffs.code')}
              extra={base ? undefined : t('tariffs.form.codeHint')}
              rules={
                base
                  ? []
                  : [
                      { required: true, message: t('tariffs.form.codeRequired') },
                      { pattern: CODE, message: t('tariffs.form.codeInvalid') },
                      {
                        validator: (_, v: string | undefined) =>
                          v && existingCodes.includes(v.trim()) ? Promise.reject(new Error(t('tariffs.form.codeTaken'))) : Promise.resolve(),
                      },
                    ]
              }
            >
              <Input data-testid="tariff-code" maxLength={20} disabled={base !== null} />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item name={['definition', 'name']} label={t('tariffs.name')} rules={[required]}>
              <Input data-testid="tariff-name" maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item name={['definition', 'nameEn']} label={t('tariffs.nameEn')} rules={[required]}>
              <Input data-testid="tariff-name-en" maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name={['definition', 'customerClass']} label={t('tariffs.class')} rules={[{ required: true }]}>
              <Select<CustomerClass> options={CUSTOMER_CLASSES.map((c) => ({ value: c, label: t(CUSTOMER_CLASS_LABELS[c]) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['definition', 'voltageLevel']} label={t('tariffs.voltage')} rules={[{ required: true }]}>
              <Select<TariffVoltage> options={TARIFF_VOLTAGES.map((v) => ({ value: v, label: t(TARIFF_VOLTAGE_LABELS[v]) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['definition', 'basePrice']} label={t('tariffs.basePrice')} rules={[price(false)]}>
              <Input data-testid="tariff-base-price" inputMode="decimal" placeholder="0.5380" />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('tariffs.tiers')}</Divider>
        <Typography.Paragraph type="secondary">{t('tariffs.form.tiersHint')}</Typography.Paragraph>
        <Form.List name={['definition', 'tiers', 'steps']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Row key={field.key} gutter={16} align="top">
                  <Col xs={11} md={8}>
                    <Form.Item name={[field.name, 'upToKwh']} label={field.name === 0 ? t('tariffs.form.upTo') : undefined}>
                      <InputNumber min={1} precision={0} placeholder={t('tariffs.form.lastTier')} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={11} md={8}>
                    <Form.Item name={[field.name, 'addPrice']} label={field.name === 0 ? t('tariffs.tierAdd') : undefined} rules={[price(false)]}>
                      <Input inputMode="decimal" placeholder="0.0500" />
                    </Form.Item>
                  </Col>
                  <Col xs={2}>
                    <Form.Item label={field.name === 0 ? ' ' : undefined}>
                      <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('tariffs.form.remove')} onClick={() => remove(field.name)} />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ upToKwh: null, addPrice: '0.0000' })}>
                {t('tariffs.form.addTier')}
              </Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('tariffs.tou')}</Divider>
        <Typography.Paragraph type="secondary">{t('tariffs.form.touHint')}</Typography.Paragraph>
        <Form.List name={['definition', 'tou']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => {
                const time = { pattern: HHMM, message: t('tariffs.form.timeInvalid') };
                const label = (key: Parameters<typeof t>[0]) => (field.name === 0 ? t(key) : undefined);
                return (
                  <Row key={field.key} gutter={12} align="top">
                    <Col xs={12} md={5}>
                      <Form.Item name={[field.name, 'period']} label={label('tariffs.touPeriod')} rules={[{ required: true }]}>
                        <Select<TouPeriod> options={TOU_PERIODS.map((p) => ({ value: p, label: t(TOU_PERIOD_LABELS[p]) }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={6} md={4}>
                      <Form.Item name={[field.name, 'from']} label={label('tariffs.form.from')} rules={[required, time]}>
                        <Input placeholder="08:00" maxLength={5} />
                      </Form.Item>
                    </Col>
                    <Col xs={6} md={4}>
                      <Form.Item name={[field.name, 'to']} label={label('tariffs.form.to')} rules={[required, time]}>
                        <Input placeholder="22:00" maxLength={5} />
                      </Form.Item>
                    </Col>
                    <Col xs={11} md={5}>
                      <Form.Item name={[field.name, 'multiplierPermille']} label={label('tariffs.form.multiplier')}>
                        <InputNumber min={0} step={0.1} precision={3} placeholder="1.5" style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={11} md={5}>
                      <Form.Item name={[field.name, 'addPrice']} label={label('tariffs.form.addPrice')} rules={[price(true)]}>
                        <Input inputMode="decimal" placeholder="0.0300" />
                      </Form.Item>
                    </Col>
                    <Col xs={2} md={1}>
                      <Form.Item label={field.name === 0 ? ' ' : undefined}>
                        <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('tariffs.form.remove')} onClick={() => remove(field.name)} />
                      </Form.Item>
                    </Col>
                  </Row>
                );
              })}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ period: 'peak' })}>
                {t('tariffs.form.addTou')}
              </Button>
            </>
          )}
        </Form.List>

        <Divider />
        <Form.Item name={['definition', 'source']} label={t('tariffs.source')} extra={t('tariffs.form.sourceHint')} rules={[required]}>
          <Input.TextArea data-testid="tariff-source" rows={2} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
