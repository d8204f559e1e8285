import { ThunderboltFilled } from '@ant-design/icons';
import { Flex, Layout, Menu, Typography, theme } from 'antd';
import { useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useT } from '../../i18n';
import { BRAND_COLOR } from '../../providers';
import { NAV_GROUP_KEYS, navKeyFor, navMenuItems } from './nav';
import { UserBar } from './UserBar';
import { useCurrentUser } from '../auth/RequireAuth';

export function ConsoleLayout() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  const { permissions } = useCurrentUser();
  const items = useMemo(() => navMenuItems(t, permissions), [t, permissions]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        theme="light"
        width={232}
        breakpoint="lg"
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        // The menu scrolls inside a sider as tall as the window, so the collapse trigger never covers it.
        style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}`, position: 'sticky', top: 0, height: '100vh', alignSelf: 'flex-start' }}
      >
        <div style={{ height: '100%', overflowY: 'auto' }}>
          <Flex align="center" gap={8} style={{ height: 64, paddingInline: collapsed ? 0 : 20, justifyContent: collapsed ? 'center' : 'flex-start' }}>
            <ThunderboltFilled style={{ color: BRAND_COLOR, fontSize: 22 }} />
            {!collapsed && (
              <Flex vertical>
                <Typography.Text strong style={{ fontSize: 16, lineHeight: 1.2 }}>
                  griddesk
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('app.short')}
                </Typography.Text>
              </Flex>
            )}
          </Flex>
          <Menu
            mode="inline"
            items={items}
            selectedKeys={[navKeyFor(pathname)]}
            defaultOpenKeys={NAV_GROUP_KEYS}
            onClick={({ key }) => navigate(key)}
            style={{ borderInlineEnd: 0 }}
          />
        </div>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            paddingInline: 24,
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
          }}
        >
          <UserBar />
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
