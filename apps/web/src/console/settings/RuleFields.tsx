// The form fields of each rule document; the same fields, disabled, show the version in force.
import { Col, Form, InputNumber, Row, Select, Table, Typography } from 'antd';
import { type MsgKey, useT } from '../../i18n';
import { RoleMatrix } from './RoleMatrix';

const RATE_FIELDS = ['loginPerMinute', 'portalSubmitPerMinute', 'portalTrackPerMinute', 'billQueryPerMinute'] as const;

interface FieldsProps {
  readOnly: boolean;
}

export function RoleFields({ readOnly }: FieldsProps) {
  const t = useT();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('rules.rolesHint')}</Typography.Paragraph>
      <Form.Item name={['definition', 'roles']} noStyle>
        <RoleMatrix readOnly={readOnly} />
      </Form.Item>
    </>
  );
}

export function RateFields({ readOnly }: FieldsProps) {
  const t = useT();
  return (
    <Row gutter={16}>
      {RATE_FIELDS.map((f) => (
        <Col key={f} xs={24} md={12}>
          <Form.Item name={['definition', f]} label={t(`rules.rate.${f}` as MsgKey)} rules={[{ required: true }]}>
            <InputNumber data-testid={`rule-${f}`} min={1} max={10000} precision={0} disabled={readOnly} suffix={t('rules.times')} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}

const MB = 1024 * 1024;

export function AttachmentFields({ readOnly }: FieldsProps) {
  const t = useT();
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        {/* bytes on the wire, megabytes on screen */}
        <Form.Item
          name={['definition', 'maxBytes']}
          label={t('rules.attach.maxBytes')}
          rules={[{ required: true }]}
          getValueProps={(v: number | undefined) => ({ value: v === undefined ? undefined : v / MB })}
          normalize={(v: number | null) => (v === null ? v : Math.round(v * MB))}
        >
          <InputNumber data-testid="rule-maxBytes" min={0.01} max={100} step={1} disabled={readOnly} suffix="MB" style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['definition', 'maxPerCase']} label={t('rules.attach.maxPerCase')} rules={[{ required: true }]}>
          <InputNumber data-testid="rule-maxPerCase" min={1} max={1000} precision={0} disabled={readOnly} suffix={t('rules.files')} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function PhraseFields({ readOnly }: FieldsProps) {
  const t = useT();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('rules.phrasesHint')}</Typography.Paragraph>
      <Form.Item name={['definition', 'phrases']} label={t('rules.phrases')} rules={[{ required: true }]}>
        <Select data-testid="rule-phrases" mode="tags" disabled={readOnly} open={false} tokenSeparators={['，', ',']} />
      </Form.Item>
    </>
  );
}

interface ViolationRow {
  type: string;
  zh: string;
  en: string;
}

/** Money is kept in fen; shown and typed in yuan. */
const yuan = {
  getValueProps: (v: number | undefined) => ({ value: v === undefined ? undefined : v / 100 }),
  normalize: (v: number | null) => (v === null ? undefined : Math.round(v * 100)),
};

export function SupplyRuleFields({ readOnly, violations }: FieldsProps & { violations: ViolationRow[] }) {
  const t = useT();
  const money = (path: string[], testId: string) => (
    <Form.Item name={['definition', 'violations', ...path]} noStyle {...yuan}>
      <InputNumber data-testid={testId} min={0} precision={2} disabled={readOnly} suffix="元" style={{ width: 130 }} />
    </Form.Item>
  );
  return (
    <>
      <Form.Item name={['definition', 'theftPenaltyMultiple']} label={t('rules.theftMultiple')} rules={[{ required: true }]}>
        <InputNumber data-testid="rule-theftPenaltyMultiple" min={0} max={10} step={0.5} disabled={readOnly} suffix="×" style={{ width: 160 }} />
      </Form.Item>
      <Table<ViolationRow>
        rowKey="type"
        size="small"
        pagination={false}
        scroll={{ x: 900 }}
        dataSource={violations}
        columns={[
          { title: t('rules.violation'), key: 'name', width: 220, render: (_: unknown, r) => t({ zh: r.zh, en: r.en }) },
          {
            title: t('rules.energyMultiple'),
            key: 'energyMultiple',
            render: (_: unknown, r) => (
              <Form.Item name={['definition', 'violations', r.type, 'energyMultiple']} noStyle>
                <InputNumber min={0} max={20} disabled={readOnly} suffix="×" style={{ width: 100 }} />
              </Form.Item>
            ),
          },
          { title: t('rules.perKw'), key: 'perKwFen', render: (_: unknown, r) => money([r.type, 'perKwFen'], `rule-${r.type}-perKw`) },
          { title: t('rules.perTimeResidential'), key: 'res', render: (_: unknown, r) => money([r.type, 'perTimeFen', 'residential'], `rule-${r.type}-res`) },
          { title: t('rules.perTimeOther'), key: 'other', render: (_: unknown, r) => money([r.type, 'perTimeFen', 'other'], `rule-${r.type}-other`) },
          {
            title: t('rules.assumedMonths'),
            key: 'months',
            render: (_: unknown, r) => (
              <Form.Item name={['definition', 'violations', r.type, 'assumedMonthsIfUnknown']} noStyle>
                <InputNumber min={1} max={36} precision={0} disabled={readOnly} style={{ width: 80 }} />
              </Form.Item>
            ),
          },
        ]}
      />
    </>
  );
}
