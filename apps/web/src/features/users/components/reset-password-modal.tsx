// Sets a temporary password for a user; they must change it at next sign-in.
import { App, Form, Input, Modal, Typography } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { passwordRules, usePasswordPolicy } from '../../../shared/password-policy';
import { useResetPassword, type User } from '../api/users-api';

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const policy = usePasswordPolicy();
  const reset = useResetPassword();

  const submit = async () => {
    const { password } = await form.validateFields();
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          void message.success(t('user.passwordReset', { username: user.username }));
          onClose();
        },
        onError: (error) => showApiError(error, message, form),
      },
    );
  };

  return (
    <Modal
      open
      title={t('user.resetPassword')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okButtonProps={{ loading: reset.isPending, ...({ 'data-testid': 'form-submit' } as object) }}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t('user.resetPasswordHint', { username: user.username, name: user.displayName })}
      </Typography.Paragraph>
      <Form form={form} name="resetPassword" layout="vertical" autoComplete="off">
        <Form.Item
          name="password"
          label={t('user.newPassword')}
          rules={passwordRules(t, policy.data, () => user.username)}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
