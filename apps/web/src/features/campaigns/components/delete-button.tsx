// A small "delete" icon button behind a confirmation; reports success or the server's refusal.
import { App, Button, Popconfirm } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';

export function DeleteButton({ confirm, onDelete }: { confirm: string; onDelete: () => Promise<unknown> }) {
  const t = useT();
  const { message } = App.useApp();
  return (
    <Popconfirm
      title={confirm}
      okButtonProps={{ danger: true }}
      onConfirm={() =>
        onDelete().then(
          () => void message.success(t('common.deleted')),
          (error: unknown) => showApiError(error, message),
        )
      }
    >
      <Button size="small" type="link" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
    </Popconfirm>
  );
}
