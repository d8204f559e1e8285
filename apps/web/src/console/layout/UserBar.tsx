import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { POST_LABELS } from '@griddesk/shared';
import { Avatar, Button, Dropdown, Grid, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { lookup, useT } from '../../i18n';
import { LangSwitch } from '../../LangSwitch';
import { BRAND_COLOR } from '../../providers';
import { PASSWORD_PATH, useCurrentUser } from '../auth/RequireAuth';
import { useLogout } from '../auth/session';

/** The signed-in user and their menu: change password, sign out. Post and unit give way on a phone. */
export function UserBar() {
  const me = useCurrentUser();
  const t = useT();
  const logout = useLogout();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  return (
    <Space size="middle">
      <LangSwitch size="small" />
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', icon: <KeyOutlined />, label: <span data-testid="menu-password">{t('password.menu')}</span> },
            { type: 'divider' },
            { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">{t('auth.logout')}</span>, disabled: logout.isPending },
          ],
          onClick: ({ key }) => (key === 'password' ? navigate(PASSWORD_PATH) : logout.mutate()),
        }}
      >
        <Button type="text" aria-label={t('auth.userMenu')} data-testid="user-menu" style={{ height: 'auto', paddingBlock: 4 }}>
          <Space size={8}>
            <Avatar size="small" icon={<UserOutlined />} style={{ background: BRAND_COLOR }} />
            <Typography.Text strong data-testid="current-user">
              {me.displayName}
            </Typography.Text>
            {screens.md && <Tag color="cyan">{t(lookup(POST_LABELS, me.post))}</Tag>}
            {screens.lg && <Typography.Text type="secondary">{me.orgUnit.name}</Typography.Text>}
            <DownOutlined style={{ fontSize: 10 }} />
          </Space>
        </Button>
      </Dropdown>
    </Space>
  );
}
