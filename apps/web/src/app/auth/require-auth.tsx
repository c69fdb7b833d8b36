// Route guards: RequireAuth sends anonymous users to /login and users who must change their
// password to /change-password, and runs the idle timeout; RequirePermission shows 403 for a
// deep link to a page the user's roles do not include (a list of permissions: any of them).
import { useCallback, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Button, Result } from 'antd';
import type { Permission } from '@cc/common/permissions';
import { useT } from '../i18n/locale-provider';
import { FullPageSpin } from '../layout/full-page-spin';
import { useLogout } from './auth-actions';
import { useIdleTimeout } from './idle-timeout';
import { hasPermission, useMe, useMeQuery } from './use-me';

export function RequireAuth({
  children,
  allowPasswordChange = false,
}: {
  children: ReactNode;
  allowPasswordChange?: boolean;
}) {
  const t = useT();
  const location = useLocation();
  const { data: me, isPending, isError, refetch } = useMeQuery();
  const logout = useLogout();
  const onIdle = useCallback(() => void logout('idle'), [logout]);
  useIdleTimeout(me?.idleTimeoutMinutes, onIdle);

  if (isPending) return <FullPageSpin />;
  if (isError)
    return (
      <Result
        status="warning"
        title={t('error.loadFailed')}
        extra={<Button onClick={() => void refetch()}>{t('common.retry')}</Button>}
      />
    );
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate to={next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login'} replace />;
  }
  if (!allowPasswordChange && (me.mustChangePassword || me.passwordExpired)) {
    return <Navigate to="/change-password" replace />;
  }
  return <>{children}</>;
}

export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission | readonly Permission[];
  children: ReactNode;
}) {
  const me = useMe();
  const t = useT();
  const anyOf: readonly Permission[] = typeof permission === 'string' ? [permission] : permission;
  if (!anyOf.some((p) => hasPermission(me, p))) {
    return <Result status="403" title="403" subTitle={t('error.forbiddenPage')} />;
  }
  return <>{children}</>;
}
