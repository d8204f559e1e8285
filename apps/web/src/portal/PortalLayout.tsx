// The frame of every portal page: station name, language switch, and a way back to the start,
// readable on a phone and from a step away on a ≥17-inch kiosk (R-PUB-02).
import { HomeOutlined, ThunderboltFilled } from '@ant-design/icons';
import { Button, Flex, Layout, Typography } from 'antd';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useT } from '../i18n';
import { LangSwitch } from '../LangSwitch';
import { BRAND_COLOR } from '../providers';
import { usePortalStation } from './usePortalStation';

export const PORTAL_GUTTER = 'clamp(16px, 3vw, 40px)';

export function PortalLayout() {
  const t = useT();
  const info = usePortalStation();
  const { pathname } = useLocation();
  const home = pathname === '/' || pathname === '';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          background: BRAND_COLOR,
          height: 'auto',
          minHeight: 72,
          paddingInline: PORTAL_GUTTER,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 16,
          flexWrap: 'wrap',
        }}
      >
        <Link to="/" style={{ color: '#fff' }}>
          <Flex align="center" gap={12}>
            <ThunderboltFilled style={{ color: '#fff', fontSize: 32 }} />
            <Typography.Title level={2} style={{ color: '#fff', margin: '12px 0' }} data-testid="station-name">
              {info.data?.station.name ?? t('portal.title')}
            </Typography.Title>
          </Flex>
        </Link>
        <Flex gap={12} align="center">
          {!home && (
            <Link to="/">
              <Button size="large" icon={<HomeOutlined />} data-testid="portal-home">
                {t('portal.home')}
              </Button>
            </Link>
          )}
          <LangSwitch size="large" />
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: PORTAL_GUTTER, width: '100%', maxWidth: 1800, marginInline: 'auto' }}>
        <Outlet />
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>{t('portal.footer')}</Layout.Footer>
    </Layout>
  );
}
