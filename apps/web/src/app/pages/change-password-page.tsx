// Forced password change (first sign-in, reset by an admin, or expired). Nothing else in the app
// is reachable until it succeeds.
import { useNavigate } from 'react-router';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../i18n/locale-provider';
import { useMe, meQueryKey } from '../auth/use-me';
import { useLogout } from '../auth/auth-actions';
import { ChangePasswordForm } from '../auth/change-password-form';
import { LangSwitch } from '../layout/lang-switch';

export function ChangePasswordPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogout();
  const queryClient = useQueryClient();
  const forced = me.mustChangePassword || me.passwordExpired;

  const done = async () => {
    await queryClient.refetchQueries({ queryKey: meQueryKey });
    navigate('/', { replace: true });
  };

  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', padding: 16, background: '#f5f5f5' }}>
      <Card style={{ width: '100%', maxWidth: 440 }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('password.title')}
          </Typography.Title>
          <LangSwitch />
        </Flex>
        {forced ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={me.passwordExpired ? t('password.expiredNotice') : t('password.mustChangeNotice')}
          />
        ) : null}
        <Typography.Paragraph type="secondary">
          {t('password.signedInAs', { name: me.displayName, username: me.username })}
        </Typography.Paragraph>
        <ChangePasswordForm username={me.username} onDone={() => void done()} />
        <Flex justify="space-between" style={{ marginTop: 12 }}>
          {!forced ? (
            <Button type="link" onClick={() => navigate(-1)}>
              {t('common.back')}
            </Button>
          ) : (
            <span />
          )}
          <Button type="link" onClick={() => void logout()} data-testid="logout-button">
            {t('auth.logout')}
          </Button>
        </Flex>
      </Card>
    </Flex>
  );
}
