// The rules of a profile as a table: key, label, how the clock counts and the amount in words
// (R-CMT-01, R-CMT-02). For a draft the amounts can be edited in place.
import { Flex, InputNumber, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { SERVICE_AREA_LABELS } from '../../cases/labels';
import type { ServiceArea } from '@griddesk/shared';
import { CLOCK_LABELS, ruleAmountWords } from '../../commitments/ruleWords';
import { lookup, useT } from '../../i18n';
import type { PolicyRule } from './types';

type AreaMinutes = number | Partial<Record<ServiceArea, number>>;
type MinutesField = 'minutes' | 'nightMinutes' | 'extraOutsideUrbanMinutes';

interface Props {
  rules: PolicyRule[];
  /** given for a draft: the rule at `index` replaced by `next` */
  onChange?: (index: number, next: PolicyRule) => void;
  /** rule indexes the server refused, with its reasons */
  problems?: Map<number, string[]>;
}

function MinutesInput({ value, onChange, testId }: { value: number; onChange: (v: number) => void; testId: string }) {
  const t = useT();
  return (
    <InputNumber<number>
      size="small"
      min={0}
      max={366 * 24 * 60}
      precision={0}
      value={value}
      onChange={(v) => onChange(v ?? 0)}
      suffix={t('policy.minutesUnit')}
      style={{ width: 130 }}
      data-testid={testId}
    />
  );
}

function AreaMinutesInput({ value, onChange, testId }: { value: AreaMinutes; onChange: (v: AreaMinutes) => void; testId: string }) {
  const t = useT();
  if (typeof value === 'number') return <MinutesInput value={value} onChange={onChange} testId={testId} />;
  return (
    <Space size={4} wrap>
      {(Object.keys(SERVICE_AREA_LABELS) as ServiceArea[]).map((a) => (
        <Space key={a} size={2}>
          <Typography.Text type="secondary">{t(SERVICE_AREA_LABELS[a])}</Typography.Text>
          <MinutesInput value={value[a] ?? 0} onChange={(v) => onChange({ ...value, [a]: v })} testId={`${testId}-${a}`} />
        </Space>
      ))}
    </Space>
  );
}

function AmountEditor({ rule, index, onChange }: { rule: PolicyRule; index: number; onChange: (next: PolicyRule) => void }) {
  const t = useT();
  const field = (name: MinutesField, label: ReactNode, value: AreaMinutes) => (
    <Flex gap={6} align="center" wrap key={name}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <AreaMinutesInput value={value} onChange={(v) => onChange({ ...rule, [name]: v })} testId={`rule-${index}-${name}`} />
    </Flex>
  );
  if (rule.clock === 'calendar_days' || rule.clock === 'working_days') {
    return (
      <InputNumber<number>
        size="small"
        min={0}
        max={366}
        precision={0}
        value={rule.days ?? 0}
        onChange={(v) => onChange({ ...rule, days: v ?? 0 })}
        suffix={t('policy.daysUnit')}
        style={{ width: 110 }}
        data-testid={`rule-${index}-days`}
      />
    );
  }
  if (rule.clock === 'lead_minutes')
    return (
      <MinutesInput
        value={typeof rule.minutes === 'number' ? rule.minutes : 0}
        onChange={(v) => onChange({ ...rule, minutes: v })}
        testId={`rule-${index}-minutes`}
      />
    );
  if (rule.clock === 'minutes') {
    return (
      <Flex vertical gap={4}>
        {field('minutes', t('policy.amountDay'), rule.minutes ?? 0)}
        {rule.nightMinutes !== undefined && rule.nightMinutes !== null && field('nightMinutes', t('policy.amountNight'), rule.nightMinutes)}
        {rule.extraOutsideUrbanMinutes !== undefined &&
          rule.extraOutsideUrbanMinutes !== null &&
          field('extraOutsideUrbanMinutes', t('policy.amountOutsideUrban'), rule.extraOutsideUrbanMinutes)}
      </Flex>
    );
  }
  return null;
}

export function RulesTable({ rules, onChange, problems }: Props) {
  const t = useT();
  const columns: TableColumnsType<PolicyRule> = [
    { title: t('policy.ruleKey'), dataIndex: 'key', render: (k: string) => <Typography.Text code>{k}</Typography.Text> },
    { title: t('policy.ruleLabel'), dataIndex: 'label', render: (l: PolicyRule['label']) => t(l) },
    { title: t('policy.clock'), dataIndex: 'clock', render: (c: string) => <Tag>{t(lookup(CLOCK_LABELS, c))}</Tag> },
    {
      title: t('policy.amount'),
      key: 'amount',
      render: (_, r, i) => (
        <Flex vertical gap={4}>
          <Typography.Text strong data-testid="rule-amount">
            {t(ruleAmountWords(r))}
          </Typography.Text>
          {onChange && <AmountEditor rule={r} index={i} onChange={(next) => onChange(i, next)} />}
          {problems?.get(i)?.map((p) => (
            <Typography.Text key={p} type="danger">
              {p}
            </Typography.Text>
          ))}
        </Flex>
      ),
    },
    { title: t('policy.starts'), dataIndex: 'starts', render: (s: PolicyRule['starts']) => (s ? t(s) : '—') },
    { title: t('policy.source'), dataIndex: 'source', render: (s: string | undefined) => s ?? '—' },
  ];
  return (
    <Table<PolicyRule>
      data-testid="rules-table"
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={rules}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(r) => ({ 'data-rule': r.key }) as HTMLAttributes<HTMLElement>}
    />
  );
}
