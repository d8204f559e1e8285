// R-CMT-01, R-CMT-02, R-CMT-10: the deadline calculator, the same function the cases use: a
// profile, a rule, a start time (Beijing time) and a service area give the due instant.
import { CalculatorOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Descriptions, Form, Radio, Result, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { apiGet } from '../../api';
import { ApiErrorAlert } from '../../ApiErrorAlert';
import { SERVICE_AREAS, SERVICE_AREA_LABELS } from '../../cases/labels';
import type { ServiceArea } from '@griddesk/shared';
import { ruleAmountWords } from '../../commitments/ruleWords';
import { formatDateTime, shanghaiInstant, stationNow } from '../../format';
import { useT } from '../../i18n';
import { PageHeader } from '../PageHeader';
import type { DeadlineAnswer, DeadlineQuery, ProfileSummary } from '@griddesk/shared';
import { useProfile, useProfiles } from './useProfiles';

interface CalcForm {
  profile: string;
  rule: string;
  from: Dayjs;
  area: ServiceArea;
}

/** The version a calculation by profile id uses: the active one, else the newest that is not a draft. */
function versionsById(list: ProfileSummary[]): Map<string, ProfileSummary> {
  const out = new Map<string, ProfileSummary>();
  for (const p of list) {
    if (p.status === 'draft') continue;
    const seen = out.get(p.id);
    if (!seen || (seen.status !== 'active' && (p.status === 'active' || p.version > seen.version))) out.set(p.id, p);
  }
  return out;
}

export function DeadlineCalculatorPage() {
  const t = useT();
  const [form] = Form.useForm<CalcForm>();
  const profiles = useProfiles();
  const byId = versionsById(profiles.data ?? []);
  const profileId = Form.useWatch('profile', form);
  const chosen = profileId ? byId.get(profileId) : undefined;
  const detail = useProfile(chosen?.id, chosen?.version);
  const rules = detail.data?.definition.rules ?? [];
  const [params, setParams] = useState<Required<DeadlineQuery> | null>(null);

  const answer = useQuery({
    queryKey: ['/api/policy/deadline', params],
    queryFn: () => apiGet<DeadlineAnswer>('/api/policy/deadline', params ?? {}),
    enabled: params !== null,
    retry: false,
  });
  const rule = rules.find((r) => r.key === params?.rule);
  // The server answers in Beijing time ('2025-10-16T00:00:00+08:00'): midnight closes the day before.
  const midnight = answer.data ? /T00:00(:00)?\+08:00$/.test(answer.data.dueAt) : false;
  const dayBefore = answer.data ? dayjs(answer.data.dueAt.slice(0, 10)).subtract(1, 'day').format('YYYY-MM-DD') : '';

  return (
    <>
      <PageHeader title={t('nav.deadline')} rules={['R-CMT-01', 'R-CMT-02', 'R-CMT-10']} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card>
            <Form<CalcForm>
              form={form}
              layout="vertical"
              initialValues={{ area: 'urban', from: stationNow() }}
              onValuesChange={(changed) => {
                if ('profile' in changed) form.setFieldValue('rule', undefined);
              }}
              onFinish={(v) => setParams({ profile: v.profile, rule: v.rule, from: shanghaiInstant(v.from), area: v.area })}
            >
              <Form.Item name="profile" label={t('deadline.profile')} rules={[{ required: true, message: t('deadline.profileRequired') }]}>
                <Select<string>
                  data-testid="deadline-profile"
                  loading={profiles.isPending}
                  options={[...byId.values()].map((p) => ({ value: p.id, label: `${t(p.name)}（${p.id} v${p.version}）` }))}
                />
              </Form.Item>
              <Form.Item name="rule" label={t('deadline.rule')} rules={[{ required: true, message: t('deadline.ruleRequired') }]}>
                <Select<string>
                  data-testid="deadline-rule"
                  showSearch={{ optionFilterProp: 'label' }}
                  disabled={!chosen}
                  loading={detail.isFetching}
                  options={rules.map((r) => ({ value: r.key, label: `${t(r.label)} · ${t(ruleAmountWords(r))}` }))}
                />
              </Form.Item>
              <Form.Item name="from" label={t('deadline.from')} extra={t('deadline.fromHint')} rules={[{ required: true }]}>
                <DatePicker data-testid="deadline-from" showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="area" label={t('cases.serviceArea')}>
                <Radio.Group
                  data-testid="deadline-area"
                  optionType="button"
                  options={SERVICE_AREAS.map((a) => ({ value: a, label: t(SERVICE_AREA_LABELS[a]) }))}
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" icon={<CalculatorOutlined />} loading={answer.isFetching} data-testid="deadline-submit">
                {t('deadline.calculate')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('deadline.result')}>
            <ApiErrorAlert error={answer.error} testId="deadline-error" />
            {answer.data ? (
              <div data-testid="deadline-result">
                <Typography.Text type="secondary">{rule?.clock === 'lead_minutes' ? t('deadline.latestNotice') : t('deadline.dueAt')}</Typography.Text>
                <Typography.Title level={2} style={{ margin: '4px 0 8px' }} data-testid="deadline-due">
                  {formatDateTime(answer.data.dueAt)}
                </Typography.Title>
                {midnight && <Typography.Paragraph type="secondary">{t('deadline.midnight', { day: dayBefore })}</Typography.Paragraph>}
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    {
                      key: 'iso',
                      label: t('deadline.iso'),
                      children: (
                        <Typography.Text code copyable>
                          {answer.data.dueAt}
                        </Typography.Text>
                      ),
                    },
                    { key: 'rule', label: t('deadline.rule'), children: rule ? `${t(rule.label)}（${t(ruleAmountWords(rule))}）` : answer.data.rule },
                    { key: 'profile', label: t('deadline.profile'), children: `${answer.data.profile.id} v${answer.data.profile.version}` },
                    { key: 'from', label: t('deadline.from'), children: formatDateTime(params?.from) },
                    { key: 'area', label: t('cases.serviceArea'), children: params ? t(SERVICE_AREA_LABELS[params.area]) : '—' },
                  ]}
                />
              </div>
            ) : (
              !answer.error && <Result status="info" icon={<CalculatorOutlined />} subTitle={t('deadline.empty')} />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
