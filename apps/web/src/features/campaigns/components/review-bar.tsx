// The office's review of a submitted report: "审核通过" (with an optional remark) or "退回" (the
// reason is required and is shown to the unit). Only the actions the server allows are offered.
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { TASK_TRANSITIONS } from '@cc/common/campaigns';
import { isApiError } from '../../../app/api';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { useInstanceAction } from '../api/ledger-api';
import type { InstanceDetail } from '../api/campaign-types';

type Review = 'accept' | 'return';

export function ReviewBar({ detail }: { detail: InstanceDetail }) {
  const t = useT();
  const [open, setOpen] = useState<Review | null>(null);
  const reviews = (['accept', 'return'] as const).filter((a) => detail.allowedActions.includes(a));
  if (reviews.length === 0) return null;
  return (
    <>
      <Space data-testid="review-bar">
        {reviews.map((action) => (
          <Button
            key={action}
            type={action === 'accept' ? 'primary' : 'default'}
            danger={action === 'return'}
            icon={action === 'accept' ? <CheckOutlined /> : <RollbackOutlined />}
            onClick={() => setOpen(action)}
            data-testid={`action-${action}`}
          >
            {t(`campaigns.action.${action}`)}
          </Button>
        ))}
      </Space>
      {open ? <ReviewModal detail={detail} action={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}

function ReviewModal({ detail, action, onClose }: { detail: InstanceDetail; action: Review; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const act = useInstanceAction(detail.id);
  const needsNote = TASK_TRANSITIONS[action].needsNote;

  const submit = async () => {
    const { note } = await form.validateFields();
    act.mutate(
      { action, body: { note: note?.trim() ? note.trim() : null } },
      {
        onSuccess: () => {
          void message.success(t(action === 'accept' ? 'campaigns.review.accepted' : 'campaigns.review.returned'));
          onClose();
        },
        onError: (error) => {
          showApiError(error, message, form);
          if (isApiError(error) && error.status === 409) onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t(`campaigns.action.${action}`)}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t(`campaigns.action.${action}`)}
      okButtonProps={{ danger: action === 'return', ...({ 'data-testid': 'review-submit' } as object) }}
      confirmLoading={act.isPending}
      destroyOnHidden
    >
      <Form form={form} name="review" layout="vertical">
        <Form.Item
          name="note"
          label={needsNote ? t('campaigns.review.reason') : t('campaigns.review.remark')}
          rules={[
            { required: needsNote, whitespace: true, message: t('campaigns.review.reasonRequired') },
            { max: 500, message: t('validation.maxLength', { max: 500 }) },
          ]}
        >
          <Input.TextArea
            rows={4}
            maxLength={500}
            placeholder={needsNote ? t('campaigns.review.reasonPlaceholder') : t('campaigns.review.remarkPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
