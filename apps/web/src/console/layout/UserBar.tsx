import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { POST_LABELS } from '@griddesk/shared';
import { Avatar, Button, Space, Tag, Typography } from 'antd';
import { lookup, useT } from '../../i18n';
import { LangSwitch } from '../../LangSwitch';
import { BRAND_COLOR } from '../../providers';
import { useCurrentUser } from '../auth/RequireAuth';
import { useLogout } from '../auth/session';

export function UserBar() {
  const me = useCurrentUser();
  const t = useT();
  const logout = useLogout();
  return (
    <Space size="middle">
      <Space size={8}>
        <Avatar size="small" icon={<UserOutlined />} style={{ background: BRAND_COLOR }} />
        <Typography.Text strong data-testid="current-user">
          {me.displayName}
        </Typography.Text>
        <Tag color="cyan">{t(lookup(POST_LABELS, me.post))}</Tag>
        <Typography.Text type="secondary">{me.orgUnit.name}</Typography.Text>
      </Space>
      <LangSwitch size="small" />
      <Button icon={<LogoutOutlined />} loading={logout.isPending} onClick={() => logout.mutate()} data-testid="logout">
        {t('auth.logout')}
      </Button>
    </Space>
  );
}
