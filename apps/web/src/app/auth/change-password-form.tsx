// Current password + new password (checked against the public policy) + confirmation.
// Used by the forced change-password page and the profile page.
import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { useT } from '../i18n/locale-provider';
import { describePolicy, passwordRules, usePasswordPolicy } from '../../shared/password-policy';
import { showApiError } from '../../shared/form-errors';
import { useChangePassword } from './auth-actions';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordForm({ username, onDone }: { username: string; onDone?: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const policy = usePasswordPolicy();
  const change = useChangePassword();

  const submit = (values: Values) => {
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('password.changed'));
          onDone?.();
        },
        onError: (error) => showApiError(error, message, form),
      },
    );
  };

  return (
    <>
      {policy.data ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('password.policy.title')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="password-policy">
              {describePolicy(t, policy.data).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Form<Values> form={form} name="password" layout="vertical" onFinish={submit} requiredMark autoComplete="off">
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('password.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          dependencies={['currentPassword']}
          rules={[
            ...passwordRules(t, policy.data, () => username),
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                if (value && value === getFieldValue('currentPassword')) throw new Error(t('password.reused'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.required') },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending} block data-testid="password-submit">
          {t('password.submit')}
        </Button>
        {policy.isError ? (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
            {t('password.policy.unavailable')}
          </Typography.Text>
        ) : null}
      </Form>
    </>
  );
}
