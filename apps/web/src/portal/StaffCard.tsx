// R-ORG-03: the public staff card shows photo, name, post, badge number and unit.
import { UserOutlined } from '@ant-design/icons';
import { Avatar, Card, Flex, Tag, Typography } from 'antd';
import { useT } from '../i18n';
import type { PortalStaffCard } from '@griddesk/shared/org-api';

const PHOTO_SIZE = { xs: 72, sm: 88, md: 96, lg: 104, xl: 120, xxl: 144 };

export function StaffCard({ person }: { person: PortalStaffCard }) {
  const t = useT();
  return (
    <Card data-testid="staff-card" style={{ height: '100%' }}>
      <Flex vertical align="center" gap={8} style={{ textAlign: 'center' }}>
        {person.photoUrl ? (
          <Avatar shape="square" size={PHOTO_SIZE} src={person.photoUrl} alt={t('portal.photoOf', { name: person.name })} />
        ) : (
          // A neutral silhouette: no photo on file is not a reason to leave the card blank.
          <Avatar shape="square" size={PHOTO_SIZE} icon={<UserOutlined />} aria-label={t('portal.photoOf', { name: person.name })} />
        )}
        <Typography.Title level={4} style={{ margin: 0 }}>
          {person.name}
        </Typography.Title>
        <Tag color="cyan" style={{ marginInlineEnd: 0 }}>
          {t(person.postLabel)}
        </Tag>
        <Typography.Text>
          {t('portal.badgeNo')}：<Typography.Text strong>{person.badgeNo ?? '—'}</Typography.Text>
        </Typography.Text>
        <Typography.Text type="secondary">{person.unit}</Typography.Text>
      </Flex>
    </Card>
  );
}
