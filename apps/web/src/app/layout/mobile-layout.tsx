// The phone shell at /m: a slim top bar, the routed tab page, and a bottom tab bar (home, report,
// cases, ledger tasks, inspections, profile — report, cases, tasks and inspections only for those
// allowed). Laid out for 375 px wide screens and safe-area insets.
import { Suspense, type ReactNode } from 'react';
import { NavLink, Outlet } from 'react-router';
import {
  AimOutlined,
  CameraOutlined,
  CarryOutOutlined,
  HomeOutlined,
  ProfileOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Permission } from '@cc/common/permissions';
import { useMe } from '../auth/use-me';
import { useT } from '../i18n/locale-provider';
import type { MessageKey } from '../i18n/catalogues';
import { FullPageSpin } from './full-page-spin';

const TAB_BAR_HEIGHT = 56;

interface Tab {
  key: string;
  to: string;
  labelKey: MessageKey;
  icon: ReactNode;
  end: boolean;
  /** Shown when the user has any of these (always when absent). */
  anyOf?: readonly Permission[];
}

const TABS: readonly Tab[] = [
  { key: 'home', to: '/m', labelKey: 'mobile.tab.home', icon: <HomeOutlined />, end: true },
  {
    key: 'report',
    to: '/m/report',
    labelKey: 'field.tab.report',
    icon: <CameraOutlined />,
    end: true,
    anyOf: ['case.report'],
  },
  {
    key: 'cases',
    to: '/m/cases',
    labelKey: 'field.tab.cases',
    icon: <ProfileOutlined />,
    end: false,
    anyOf: ['case.handle', 'case.verify', 'case.manage'],
  },
  {
    key: 'tasks',
    to: '/m/tasks',
    labelKey: 'campaigns.mobile.tab',
    icon: <CarryOutOutlined />,
    end: false,
    anyOf: ['campaign.report'],
  },
  {
    key: 'inspections',
    to: '/m/inspections',
    labelKey: 'inspections.mobile.tab',
    icon: <AimOutlined />,
    end: false,
    anyOf: ['inspection.perform'],
  },
  { key: 'profile', to: '/m/profile', labelKey: 'mobile.tab.profile', icon: <UserOutlined />, end: false },
];

export function MobileLayout() {
  const t = useT();
  const { permissions } = useMe();
  const tabs = TABS.filter((tab) => !tab.anyOf || tab.anyOf.some((p) => permissions.includes(p)));
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', display: 'flex', flexDirection: 'column' }}>
      <header
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 10,
          height: 44,
          paddingTop: 'env(safe-area-inset-top)',
          background: '#c0392b',
          color: '#fff',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          fontSize: 17,
          fontWeight: 600,
        }}
      >
        {t('app.name')}
      </header>
      <main
        style={{ flex: 1, padding: 12, paddingBottom: `calc(${TAB_BAR_HEIGHT + 12}px + env(safe-area-inset-bottom))` }}
      >
        <Suspense fallback={<FullPageSpin height="40vh" />}>
          <Outlet />
        </Suspense>
      </main>
      <nav
        style={{
          position: 'fixed',
          insetInline: 0,
          bottom: 0,
          zIndex: 10,
          height: `calc(${TAB_BAR_HEIGHT}px + env(safe-area-inset-bottom))`,
          paddingBottom: 'env(safe-area-inset-bottom)',
          background: '#fff',
          borderTop: '1px solid #e8e8e8',
          display: 'flex',
        }}
      >
        {tabs.map((tab) => (
          <NavLink
            key={tab.key}
            to={tab.to}
            end={tab.end}
            data-testid={`mtab-${tab.key}`}
            style={({ isActive }) => ({
              flex: 1,
              display: 'flex',
              flexDirection: 'column',
              alignItems: 'center',
              justifyContent: 'center',
              gap: 2,
              fontSize: 12,
              color: isActive ? '#c0392b' : '#666',
              textDecoration: 'none',
            })}
          >
            <span style={{ fontSize: 20, lineHeight: 1 }}>{tab.icon}</span>
            {t(tab.labelKey)}
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
