// The metering policy in force, section by section, each figure in its unit.
import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { formatKwh, formatNumber, formatRate } from '../../../format';
import { useT, type Translate } from '../../../i18n';
import { POLICY_SECTIONS, policyValue, type PolicyField } from './policyFields';
import type { MeteringPolicy } from '@griddesk/shared';

export function formatPolicyValue(t: Translate, field: PolicyField, v: number | undefined): string {
  if (v === undefined) return '—';
  switch (field.unit) {
    case 'percent':
      return formatRate(v);
    case 'kwh':
      return `${formatKwh(v)} kWh`;
    case 'factor':
      return t('mpolicy.unit.factor', { n: formatNumber(v) });
    case 'months':
      return t('mpolicy.unit.months', { n: v });
    case 'days':
      return t('mpolicy.unit.days', { n: v });
    case 'weight':
      return v.toFixed(2);
  }
}

export function PolicyValues({ policy }: { policy: MeteringPolicy }) {
  const t = useT();
  return (
    <Row gutter={[16, 16]} data-testid="policy-values">
      {POLICY_SECTIONS.map((section) => (
        <Col key={section.key} xs={24} xl={section.fields.length > 4 ? 24 : 12}>
          <Card size="small" title={t(section.title)} style={{ height: '100%' }}>
            {section.hint && <Typography.Paragraph type="secondary">{t(section.hint)}</Typography.Paragraph>}
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2, xl: section.fields.length > 4 ? 3 : 2 }}
              items={section.fields.map((f) => ({
                key: f.path.join('.'),
                label: t(f.label),
                children: (
                  <span data-testid="policy-value" data-field={f.path.join('.')}>
                    {formatPolicyValue(t, f, policyValue(policy, f))}
                  </span>
                ),
              }))}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
