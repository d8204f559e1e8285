import { ClockCircleOutlined, EnvironmentOutlined, MessageOutlined, PhoneOutlined, ToolOutlined } from '@ant-design/icons';
import { Card, Col, Divider, Flex, Row, Typography } from 'antd';
import { Fragment, type ReactNode } from 'react';
import { useT, type MsgKey } from '../i18n';
import { BRAND_COLOR } from '../providers';
import type { PortalStation } from '@griddesk/shared/org-api';

function Label({ icon, text }: { icon: ReactNode; text: string }) {
  return (
    <Typography.Text type="secondary">
      <span style={{ color: BRAND_COLOR, marginInlineEnd: 8 }}>{icon}</span>
      {text}
    </Typography.Text>
  );
}

export function StationInfo({ station }: { station: PortalStation['station'] }) {
  const t = useT();
  const phones: { label: MsgKey; icon: ReactNode; number: string | null }[] = [
    { label: 'portal.phone', icon: <PhoneOutlined />, number: station.phone },
    { label: 'portal.repairPhone', icon: <ToolOutlined />, number: station.repairPhone },
    { label: 'portal.complaintPhone', icon: <MessageOutlined />, number: station.complaintPhone },
  ];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card style={{ height: '100%' }}>
          <Label icon={<EnvironmentOutlined />} text={t('portal.address')} />
          <Typography.Title level={4} style={{ margin: '4px 0 16px' }}>
            {station.address ?? '—'}
          </Typography.Title>
          <Label icon={<ClockCircleOutlined />} text={t('portal.hours')} />
          <Typography.Title level={4} style={{ margin: '4px 0 0' }}>
            {station.serviceHours ?? '—'}
          </Typography.Title>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card style={{ height: '100%' }}>
          {phones.map((p, i) => (
            <Fragment key={p.label}>
              {i > 0 && <Divider style={{ margin: '12px 0' }} />}
              <Flex justify="space-between" align="center" wrap gap={8}>
                <Label icon={p.icon} text={t(p.label)} />
                <Typography.Title level={3} style={{ margin: 0 }}>
                  {p.number ? <a href={`tel:${p.number.replace(/[^\d+]/g, '')}`}>{p.number}</a> : '—'}
                </Typography.Title>
              </Flex>
            </Fragment>
          ))}
        </Card>
      </Col>
    </Row>
  );
}
