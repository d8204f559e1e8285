// R-PUB-01, R-CMT-01: the service commitments in force, rendered from the active profile, grouped
// by what the customer asks for ("投诉、举报：受理登记时起 3 天内受理…").
import { ScheduleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { apiGet } from '../api';
import type { PublicCommitments, PublicRule } from '@griddesk/shared';
import { ruleSentence } from '../commitments/ruleWords';
import { useT, type Text } from '../i18n';
import { usePortalStation } from './usePortalStation';
import { LoadFailed } from './LoadFailed';

interface Group {
  key: string;
  title: Text;
  rules: PublicRule[];
}

/** One group per case type (fault classes together), types with the same rules merged: "投诉、举报". */
function groupsOf(data: PublicCommitments): Group[] {
  const byKey = new Map(data.items.map((r) => [r.key, r]));
  const perType = new Map<string, { title: Text; keys: string[] }>();
  for (const c of data.caseTypes) {
    const entry = perType.get(c.type) ?? { title: c.typeLabel, keys: [] };
    for (const k of c.rules) if (!entry.keys.includes(k)) entry.keys.push(k);
    perType.set(c.type, entry);
  }
  const merged = new Map<string, { titles: Text[]; keys: string[] }>();
  for (const { title, keys } of perType.values()) {
    const sig = keys.join('|');
    const m = merged.get(sig) ?? { titles: [], keys };
    m.titles.push(title);
    merged.set(sig, m);
  }
  const used = new Set<string>();
  const groups: Group[] = [...merged.entries()].map(([sig, m]) => {
    for (const k of m.keys) used.add(k);
    return {
      key: sig,
      title: { zh: m.titles.map((x) => x.zh).join('、'), en: m.titles.map((x) => x.en).join(', ') },
      rules: m.keys.map((k) => byKey.get(k)).filter((r): r is PublicRule => Boolean(r)),
    };
  });
  const others = data.items.filter((r) => !used.has(r.key));
  if (others.length) groups.push({ key: 'others', title: { zh: '其他服务承诺', en: 'Other commitments' }, rules: others });
  return groups.filter((g) => g.rules.length > 0);
}

export function CommitmentsPage() {
  const t = useT();
  const station = usePortalStation();
  const data = useQuery({ queryKey: ['/api/portal/commitments'], queryFn: () => apiGet<PublicCommitments>('/api/portal/commitments') });
  const complaintPhone = station.data?.station.complaintPhone;

  if (data.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (data.isError) {
    return <LoadFailed error={data.error} onRetry={() => void data.refetch()} />;
  }
  const groups = groupsOf(data.data);

  return (
    <Flex vertical gap={24} data-testid="portal-commitments">
      <Card>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          <ScheduleOutlined /> {t('portal.commitments')}
        </Typography.Title>
        <Typography.Paragraph style={{ fontSize: '1.1em' }}>{t('commitments.intro')}</Typography.Paragraph>
        <Typography.Text type="secondary">
          {t(data.data.profile.name)} · {data.data.profile.authority}
        </Typography.Text>
      </Card>
      <Row gutter={[16, 16]}>
        {groups.map((g) => (
          <Col key={g.key} xs={24} xl={12}>
            <Card title={<span style={{ fontSize: '1.2em' }}>{t(g.title)}</span>} style={{ height: '100%' }} data-testid="portal-commitment-group">
              <ol style={{ margin: 0, paddingInlineStart: 24 }}>
                {g.rules.map((r) => (
                  <li key={r.key} style={{ marginBottom: 12, fontSize: '1.1em' }} data-testid="portal-commitment" data-rule={r.key}>
                    <Typography.Text strong>{t(r.label)}</Typography.Text>
                    {t({ zh: '：', en: ': ' })}
                    <Typography.Text>{t(ruleSentence(r))}</Typography.Text>
                  </li>
                ))}
              </ol>
            </Card>
          </Col>
        ))}
      </Row>
      <Card>
        <Typography.Paragraph style={{ fontSize: '1.1em', margin: 0 }}>
          {complaintPhone ? t('commitments.outro', { phone: complaintPhone }) : t('commitments.outroNoPhone')}
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
