// The desktop shell: side menu built from the user's permissions, header with the user's name,
// roles, notification bell, language switch and logout, and the routed page in the content area.
import { Suspense, useMemo, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { Button, Flex, Grid, Layout, Menu, Tag, Tooltip, Typography, type MenuProps } from 'antd';
import { LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, MobileOutlined } from '@ant-design/icons';
import { useT } from '../i18n/locale-provider';
import { useMe } from '../auth/use-me';
import { useLogout } from '../auth/auth-actions';
import { LangSwitch } from './lang-switch';
import { FullPageSpin } from './full-page-spin';
import { MENU_GROUPS, MENU_GROUP_LABELS, menuEntryAt, visibleMenuEntries } from './menu-config';
import { NotificationBell } from '../../features/notifications/components/notification-bell';

const { Header, Sider, Content } = Layout;

export function AdminLayout() {
  const t = useT();
  const me = useMe();
  const logout = useLogout();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState(false);
  const isNarrow = screens.md === false;

  const entries = useMemo(() => visibleMenuEntries(me.permissions), [me.permissions]);
  const items = useMemo<MenuProps['items']>(() => {
    return MENU_GROUPS.map((group) => ({ group, list: entries.filter((e) => e.group === group) }))
      .filter(({ list }) => list.length > 0)
      .map(({ group, list }) => ({
        type: 'group' as const,
        key: `group-${group}`,
        label: collapsed || isNarrow ? null : t(MENU_GROUP_LABELS[group]),
        children: list.map((entry) => ({
          key: entry.key,
          icon: entry.icon,
          label: (
            <Link to={entry.path} data-testid={`menu-${entry.key}`}>
              {t(entry.labelKey)}
            </Link>
          ),
        })),
      }));
  }, [entries, collapsed, isNarrow, t]);

  const selectedKey = menuEntryAt(entries, location.pathname)?.key;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        collapsible
        collapsed={collapsed || isNarrow}
        onCollapse={setCollapsed}
        trigger={null}
        width={200}
        collapsedWidth={isNarrow ? 56 : 64}
        theme="light"
        style={{ borderInlineEnd: '1px solid #f0f0f0' }}
      >
        <div
          style={{
            height: 48,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            fontWeight: 600,
            fontSize: 16,
            color: '#c0392b',
            whiteSpace: 'nowrap',
            overflow: 'hidden',
          }}
        >
          {collapsed || isNarrow ? t('app.shortName') : t('app.name')}
        </div>
        <Menu
          mode="inline"
          items={items}
          selectedKeys={selectedKey ? [selectedKey] : []}
          style={{ borderInlineEnd: 'none' }}
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: '0 16px',
            height: 48,
            lineHeight: '48px',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Flex align="center" justify="space-between" gap={12} style={{ height: '100%' }}>
            <Flex align="center" gap={8}>
              {!isNarrow ? (
                <Button
                  type="text"
                  icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                  onClick={() => setCollapsed((c) => !c)}
                  aria-label={t('layout.toggleMenu')}
                />
              ) : null}
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 280 }}>
                {me.cityName}
                {me.regionName && me.regionName !== me.cityName ? ` · ${me.regionName}` : ''}
                {me.unitName ? ` · ${me.unitName}` : ''}
              </Typography.Text>
            </Flex>
            <Flex align="center" gap={12}>
              <Typography.Text strong data-testid="header-user">
                {me.displayName}
              </Typography.Text>
              {!isNarrow ? (
                <span data-testid="header-roles">
                  {me.roles.map((role) => (
                    <Tag key={role} color="blue" style={{ marginInlineEnd: 4 }}>
                      {t(`role.${role}`)}
                    </Tag>
                  ))}
                </span>
              ) : null}
              <NotificationBell />
              <LangSwitch />
              <Tooltip title={t('layout.mobileView')}>
                <Link to="/m" aria-label={t('layout.mobileView')}>
                  <MobileOutlined />
                </Link>
              </Tooltip>
              <Button size="small" icon={<LogoutOutlined />} onClick={() => void logout()} data-testid="logout-button">
                {isNarrow ? null : t('auth.logout')}
              </Button>
            </Flex>
          </Flex>
        </Header>
        <Content style={{ padding: 16, minWidth: 0 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
