// Edits the signed-in user's display name (PATCH /api/auth/me).
import { App, Button, Form, Input } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { useMe } from '../../../app/auth/use-me';
import { useUpdateMe } from '../../../app/auth/auth-actions';
import { showApiError } from '../../../shared/form-errors';

export function DisplayNameForm({ block = false }: { block?: boolean }) {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ displayName: string }>();
  const update = useUpdateMe();

  const submit = (values: { displayName: string }) => {
    update.mutate(
      { displayName: values.displayName.trim() },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (error) => showApiError(error, message, form),
      },
    );
  };

  return (
    <Form
      form={form}
      name="profile"
      layout="vertical"
      initialValues={{ displayName: me.displayName }}
      onFinish={submit}
    >
      <Form.Item
        name="displayName"
        label={t('profile.displayName')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          { max: 50, message: t('validation.maxLength', { max: 50 }) },
        ]}
      >
        <Input style={block ? undefined : { maxWidth: 400 }} maxLength={50} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={update.isPending} block={block} data-testid="profile-save">
        {t('common.save')}
      </Button>
    </Form>
  );
}
