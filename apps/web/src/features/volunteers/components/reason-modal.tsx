// The "reject with a reason" dialog the desk pages share (registrations, attendance, 五个一
// reports): a required reason of at most 200 characters; `reject` sends the decision, after which
// the dialog says so and closes, or shows the server's refusal and stays open.
import { App, Form, Input, Modal } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';

export function ReasonModal({
  title,
  submitting,
  reject,
  onClose,
}: {
  title: string;
  submitting: boolean;
  reject: (reason: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const onSubmit = (reason: string) =>
    reject(reason).then(
      () => {
        void message.success(t('volunteers.decide.rejected'));
        onClose();
      },
      (e: unknown) => showApiError(e, message),
    );
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => onSubmit(v.reason.trim()))}
      okText={t('volunteers.decide.reject')}
      okButtonProps={{ danger: true, loading: submitting, ...({ 'data-testid': 'reason-submit' } as object) }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('volunteers.decide.reason')}
          rules={[
            { required: true, whitespace: true, message: t('volunteers.decide.reasonRequired') },
            { max: 200, message: t('validation.maxLength', { max: 200 }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} autoFocus data-testid="reason-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
