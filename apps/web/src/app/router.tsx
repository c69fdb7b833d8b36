// Client routes. Every admin page is lazy-loaded so the first download is only the shell.
import { lazy, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import type { Permission } from '@cc/common/permissions';
import { RequireAuth, RequirePermission } from './auth/require-auth';
import { AdminLayout } from './layout/admin-layout';
import { MobileLayout } from './layout/mobile-layout';
import { LoginPage } from './pages/login-page';
import { ChangePasswordPage } from './pages/change-password-page';
import { NotFoundPage } from './pages/not-found-page';
import { HomeRedirect } from './pages/home-redirect';
import { MobileHomePage } from './pages/mobile-home-page';

const RegionsPage = lazy(() => import('../features/regions/pages/regions-page'));
const UnitsPage = lazy(() => import('../features/units/pages/units-page'));
const PeoplePage = lazy(() => import('../features/people/pages/people-page'));
const PairingsPage = lazy(() => import('../features/pairings/pages/pairings-page'));
const GroupsPage = lazy(() => import('../features/groups/pages/groups-page'));
const UsersPage = lazy(() => import('../features/users/pages/users-page'));
const SecurityPolicyPage = lazy(() => import('../features/security/pages/security-policy-page'));
const AuditPage = lazy(() => import('../features/audit/pages/audit-page'));
const ProfilePage = lazy(() => import('../features/profile/pages/profile-page'));
const MobileProfilePage = lazy(() => import('../features/profile/pages/mobile-profile-page'));

function guarded(permission: Permission, page: ReactNode) {
  return <RequirePermission permission={permission}>{page}</RequirePermission>;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/change-password',
    element: (
      <RequireAuth allowPasswordChange>
        <ChangePasswordPage />
      </RequireAuth>
    ),
  },
  {
    path: '/m',
    element: (
      <RequireAuth>
        <MobileLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <MobileHomePage /> },
      { path: 'profile', element: <MobileProfilePage /> },
    ],
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AdminLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'regions', element: guarded('org.region.read', <RegionsPage />) },
      { path: 'units', element: guarded('org.unit.read', <UnitsPage />) },
      { path: 'people', element: guarded('org.person.read', <PeoplePage />) },
      { path: 'pairings', element: guarded('org.pairing.read', <PairingsPage />) },
      { path: 'groups', element: guarded('org.group.read', <GroupsPage />) },
      { path: 'users', element: guarded('user.read', <UsersPage />) },
      { path: 'security', element: guarded('security.policy.read', <SecurityPolicyPage />) },
      { path: 'audit', element: guarded('audit.read', <AuditPage />) },
      { path: 'profile', element: guarded('account.self', <ProfilePage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
