// The public window of a supply station (R-PUB-01, R-PUB-02, R-ORG-03): station facts, the
// self-service entries and the staff on duty.
import { Col, Empty, Flex, Row, Skeleton, Typography } from 'antd';
import { useT } from '../i18n';
import { ServiceTiles } from './ServiceTiles';
import { StaffCard } from './StaffCard';
import { StationInfo } from './StationInfo';
import { usePortalStation } from './usePortalStation';
import { LoadFailed } from './LoadFailed';

export function StationPage() {
  const t = useT();
  const info = usePortalStation();

  if (info.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (info.isError) {
    return <LoadFailed error={info.error} onRetry={() => void info.refetch()} />;
  }
  return (
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
  );
}
