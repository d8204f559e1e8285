// Self-service entries of the portal (R-PUB-02): submitting and tracking cases, reading the
// commitments and the prices in force are open; bill query and outage notices are announced as coming.
import { AccountBookOutlined, EditOutlined, FileSearchOutlined, MoneyCollectOutlined, NotificationOutlined, ScheduleOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useT, type MsgKey } from '../i18n';
import { BRAND_COLOR } from '../providers';

const SERVICES: { title: MsgKey; hint: MsgKey; icon: ReactNode; to?: string; testId: string }[] = [
  { title: 'portal.submit', hint: 'portal.submitHint', icon: <EditOutlined />, to: '/submit', testId: 'tile-submit' },
  { title: 'portal.caseTracking', hint: 'portal.caseTrackingHint', icon: <FileSearchOutlined />, to: '/track', testId: 'tile-track' },
  { title: 'portal.commitments', hint: 'portal.commitmentsHint', icon: <ScheduleOutlined />, to: '/commitments', testId: 'tile-commitments' },
  { title: 'portal.tariffs', hint: 'portal.tariffsHint', icon: <MoneyCollectOutlined />, to: '/tariffs', testId: 'tile-tariffs' },
  { title: 'portal.billQuery', hint: 'portal.billQueryHint', icon: <AccountBookOutlined />, testId: 'tile-bill' },
  { title: 'portal.outages', hint: 'portal.outagesHint', icon: <NotificationOutlined />, testId: 'tile-outages' },
];

function Tile({ title, hint, icon, to, testId }: (typeof SERVICES)[number]) {
  const t = useT();
  const body = (
    <Card hoverable={Boolean(to)} aria-disabled={!to} style={{ height: '100%' }} data-testid={testId}>
      <Flex gap={16} align="flex-start">
        <span style={{ fontSize: 40, color: BRAND_COLOR, lineHeight: 1 }}>{icon}</span>
        <div>
          <Flex gap={8} align="center" wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t(title)}
            </Typography.Title>
            {!to && <Tag color="orange">{t('common.comingSoon')}</Tag>}
          </Flex>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {t(hint)}
          </Typography.Paragraph>
        </div>
      </Flex>
    </Card>
  );
  return to ? (
    <Link to={to} style={{ display: 'block', height: '100%' }}>
      {body}
    </Link>
  ) : (
    body
  );
}

export function ServiceTiles() {
  return (
    <Row gutter={[16, 16]}>
      {SERVICES.map((s) => (
        <Col key={s.title} xs={24} sm={12} xl={8} xxl={8}>
          <Tile {...s} />
        </Col>
      ))}
    </Row>
  );
}
