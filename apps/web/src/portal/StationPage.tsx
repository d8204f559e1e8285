// The public window of a supply station (R-PUB-01, R-PUB-02, R-ORG-03): readable on a phone and
// from a step away on a ≥17-inch kiosk.
import { ThunderboltFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Col, Empty, Flex, Layout, Result, Row, Skeleton, Typography } from 'antd';
import { apiGet, errorMessage } from '../api';
import { useT } from '../i18n';
import { LangSwitch } from '../LangSwitch';
import { BRAND_COLOR } from '../providers';
import { ServiceTiles } from './ServiceTiles';
import { StaffCard } from './StaffCard';
import { StationInfo } from './StationInfo';
import type { PortalStationInfo } from './types';

const GUTTER = 'clamp(16px, 3vw, 40px)';

export function StationPage() {
  const t = useT();
  const info = useQuery({ queryKey: ['/api/portal/station'], queryFn: () => apiGet<PortalStationInfo>('/api/portal/station') });

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          background: BRAND_COLOR,
          height: 'auto',
          minHeight: 72,
          paddingInline: GUTTER,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 16,
          flexWrap: 'wrap',
        }}
      >
        <Flex align="center" gap={12}>
          <ThunderboltFilled style={{ color: '#fff', fontSize: 32 }} />
          <Typography.Title level={2} style={{ color: '#fff', margin: '12px 0' }} data-testid="station-name">
            {info.data?.station.name ?? t('portal.title')}
          </Typography.Title>
        </Flex>
        <LangSwitch size="large" />
      </Layout.Header>
      <Layout.Content style={{ padding: GUTTER, width: '100%', maxWidth: 1800, marginInline: 'auto' }}>
        {info.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
        {info.isError && (
          <Result
            status="error"
            title={t('common.loadFailed')}
            subTitle={errorMessage(info.error, t)}
            extra={
              <Button size="large" type="primary" onClick={() => void info.refetch()}>
                {t('common.retry')}
              </Button>
            }
          />
        )}
        {info.data && (
          <Flex vertical gap={32}>
            <StationInfo station={info.data.station} />
            <section>
              <Typography.Title level={3}>{t('portal.services')}</Typography.Title>
              <ServiceTiles />
            </section>
            <section>
              <Typography.Title level={3} style={{ marginBottom: 4 }}>
                {t('portal.staff')}
              </Typography.Title>
              <Typography.Paragraph type="secondary">{t('portal.staffHint')}</Typography.Paragraph>
              {info.data.staff.length === 0 ? (
                <Empty description={t('portal.noStaff')} />
              ) : (
                <Row gutter={[16, 16]}>
                  {info.data.staff.map((person) => (
                    <Col key={person.badgeNo ?? person.name} xs={12} sm={8} md={6} xl={4}>
                      <StaffCard person={person} />
                    </Col>
                  ))}
                </Row>
              )}
            </section>
          </Flex>
        )}
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>{t('portal.footer')}</Layout.Footer>
    </Layout>
  );
}
