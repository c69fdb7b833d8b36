// Sign-in page: user name, password, language switch; shows the server's reason on failure
// (wrong password, locked account until …, disabled account) and why a session ended.
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { isApiError } from '../api';
import { useT } from '../i18n/locale-provider';
import { useLogin } from '../auth/auth-actions';
import { useMeQuery } from '../auth/use-me';
import { LangSwitch } from '../layout/lang-switch';
import { FullPageSpin } from '../layout/full-page-spin';
import { formatDateTime } from '../../shared/format';

interface Values {
  username: string;
  password: string;
}

/** Only same-app paths, never `//evil.example`. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMeQuery();
  const login = useLogin();
  const [error, setError] = useState<string | null>(null);
  const reason = params.get('reason');
  const next = safeNext(params.get('next'));

  if (me.isPending) return <FullPageSpin height="100vh" />;
  if (me.data && !login.isPending) return <Navigate to={next} replace />;

  const submit = (values: Values) => {
    setError(null);
    login.mutate(
      { username: values.username.trim(), password: values.password },
      {
        onSuccess: (user) => {
          navigate(user.mustChangePassword || user.passwordExpired ? '/change-password' : next, { replace: true });
        },
        onError: (err) => {
          if (
            isApiError(err) &&
            err.code === 'ACCOUNT_LOCKED' &&
            typeof err.details?.lockedUntil === 'string' &&
            !err.message
          ) {
            setError(t('auth.lockedUntil', { until: formatDateTime(err.details.lockedUntil) }));
          } else setError(isApiError(err) ? err.message : String(err));
        },
      },
    );
  };

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, background: 'linear-gradient(160deg, #fdf1ef 0%, #f5f5f5 60%)' }}
    >
      <Card style={{ width: '100%', maxWidth: 380 }} styles={{ body: { padding: 24 } }}>
        <Flex justify="space-between" align="start" style={{ marginBottom: 16 }}>
          <div>
            <Typography.Title level={3} style={{ margin: 0, color: '#c0392b' }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </div>
          <LangSwitch />
        </Flex>
        {reason === 'idle' ? (
          <Alert type="info" showIcon title={t('auth.idleLoggedOut')} style={{ marginBottom: 12 }} />
        ) : null}
        {reason === 'expired' ? (
          <Alert type="warning" showIcon title={t('auth.sessionExpired')} style={{ marginBottom: 12 }} />
        ) : null}
        {error ? (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="login-error" />
        ) : null}
        <Form<Values> name="login" layout="vertical" onFinish={submit} requiredMark={false} size="large">
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('auth.login')}
          </Button>
        </Form>
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
        {t('auth.securityNotice')}
      </Typography.Text>
    </Flex>
  );
}
