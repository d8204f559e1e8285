import { MenuOutlined, ThunderboltFilled } from '@ant-design/icons';
import { Button, Flex, Grid, Layout, Menu, Typography, theme } from 'antd';
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
  // On a phone the menu folds away entirely (a tab opens it) and the page keeps the whole width.
  const phone = !Grid.useBreakpoint().md;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        theme="light"
        width={232}
        breakpoint="lg"
        collapsible
        collapsedWidth={phone ? 0 : 80}
        // on a phone the header's menu button opens it; the sider's own tab would cover the title
        trigger={phone ? null : undefined}
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
            onClick={({ key }) => {
              navigate(key);
              if (phone) setCollapsed(true);
            }}
            style={{ borderInlineEnd: 0 }}
          />
        </div>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            paddingInline: phone ? 12 : 24,
            display: 'flex',
            justifyContent: phone ? 'space-between' : 'flex-end',
            alignItems: 'center',
          }}
        >
          {phone && <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.menu')} data-testid="nav-toggle" onClick={() => setCollapsed(!collapsed)} />}
          <UserBar />
        </Layout.Header>
        <Layout.Content style={{ padding: phone ? 12 : 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
