import { MenuOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Drawer, Flex, Grid, Layout, Spin, Typography, theme } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet } from 'react-router-dom';
import { useCurrentMe } from '../../features/auth/hooks/useMe';
import { useSessionEvents } from '../../features/auth/hooks/useSessionEvents';
import { NotificationBell } from '../../features/notifications/components/NotificationBell';
import { useNotificationEvents } from '../../features/notifications/hooks/useNotificationEvents';
import { BrandMark } from './BrandMark';
import { LanguageSwitch } from './LanguageSwitch';
import { NavMenu } from './NavMenu';
import { UserMenu } from './UserMenu';

const SIDER_WIDTH = 220;
// Tighter cards on phones so forms and tables keep their width.
const MOBILE_THEME = { components: { Card: { bodyPadding: 12, headerPadding: 12 } } };

/** Signed-in shell: side menu (a drawer below the md breakpoint), header, page outlet. */
export function AppLayout() {
  const me = useCurrentMe();
  const screens = Grid.useBreakpoint();
  const { token } = theme.useToken();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  useNotificationEvents();
  useSessionEvents();

  // useBreakpoint is empty on the first render; treat "unknown" as desktop to avoid a flash.
  const mobile = screens.md === false;
  const vendorName = me.vendor.name;

  return (
    <Layout style={{ minHeight: '100%' }}>
      {!mobile && (
        <Layout.Sider
          width={SIDER_WIDTH}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          theme="light"
          style={{
            borderInlineEnd: `1px solid ${token.colorBorderSecondary}`,
            position: 'sticky',
            top: 0,
            height: '100vh',
            overflow: 'auto',
          }}
        >
          <BrandMark collapsed={collapsed} />
          <NavMenu collapsed={collapsed} />
        </Layout.Sider>
      )}
      {mobile && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={SIDER_WIDTH + 40}
          closable={false}
          styles={{ body: { padding: 0 } }}
        >
          <BrandMark />
          <NavMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            paddingInline: mobile ? 8 : 24,
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Flex align="center" justify="space-between" style={{ height: '100%' }} gap={8}>
            <Flex align="center" gap={8} style={{ minWidth: 0 }}>
              {mobile && (
                <Button
                  type="text"
                  icon={<MenuOutlined />}
                  aria-label="menu"
                  data-testid="nav-toggle"
                  onClick={() => setDrawerOpen(true)}
                />
              )}
              <Typography.Text strong ellipsis data-testid="header-vendor" style={{ fontSize: 16 }}>
                {vendorName}
              </Typography.Text>
            </Flex>
            <Flex align="center" gap={mobile ? 0 : 8} style={{ flexShrink: 0 }}>
              <NotificationBell />
              <LanguageSwitch compact={mobile} />
              <UserMenu compact={mobile} />
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: mobile ? 12 : 24 }}>
          <ConfigProvider theme={mobile ? MOBILE_THEME : undefined}>
            <Suspense
              fallback={
                <Flex justify="center" style={{ padding: 48 }}>
                  <Spin />
                </Flex>
              }
            >
              <Outlet />
            </Suspense>
          </ConfigProvider>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
