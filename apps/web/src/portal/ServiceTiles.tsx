// Self-service entries the portal will offer (R-PUB-02); shown now so visitors know what is coming.
import { AccountBookOutlined, FileSearchOutlined, NotificationOutlined, ScheduleOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT, type MsgKey } from '../i18n';
import { BRAND_COLOR } from '../providers';

const SERVICES: { title: MsgKey; hint: MsgKey; icon: ReactNode }[] = [
  { title: 'portal.caseTracking', hint: 'portal.caseTrackingHint', icon: <FileSearchOutlined /> },
  { title: 'portal.billQuery', hint: 'portal.billQueryHint', icon: <AccountBookOutlined /> },
  { title: 'portal.commitments', hint: 'portal.commitmentsHint', icon: <ScheduleOutlined /> },
  { title: 'portal.outages', hint: 'portal.outagesHint', icon: <NotificationOutlined /> },
];

export function ServiceTiles() {
  const t = useT();
  return (
    <Row gutter={[16, 16]}>
      {SERVICES.map((s) => (
        <Col key={s.title} xs={24} sm={12} xl={6}>
          <Card aria-disabled style={{ height: '100%' }}>
            <Flex gap={16} align="flex-start">
              <span style={{ fontSize: 40, color: BRAND_COLOR, lineHeight: 1 }}>{s.icon}</span>
              <div>
                <Flex gap={8} align="center" wrap>
                  <Typography.Title level={4} style={{ margin: 0 }}>
                    {t(s.title)}
                  </Typography.Title>
                  <Tag color="orange">{t('common.comingSoon')}</Tag>
                </Flex>
                <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                  {t(s.hint)}
                </Typography.Paragraph>
              </div>
            </Flex>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
