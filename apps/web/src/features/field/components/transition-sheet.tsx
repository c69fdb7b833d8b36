// The bottom sheet of one case action on a phone: asks for exactly what the lifecycle table says
// the action needs (note, photos, new deadline), sends it, and makes a refusal plain — a 409
// means someone else changed the case meanwhile, so the case is reloaded and the sheet says so.
import { useState } from 'react';
import { Alert, App, Button, Drawer, Flex, Form, Input, Typography } from 'antd';
import dayjs from 'dayjs';
import { CASE_TRANSITIONS, type CaseAction } from '@cc/common/cases';
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../../../app/i18n/locale-provider';
import { isApiError } from '../../../app/api';
import { showApiError } from '../../../shared/form-errors';
import { casesKey, useCaseTransition, type CaseDetail, type TransitionInput } from '../../../shared/cases/cases-api';
import { CameraCapture } from '../../../shared/mobile/camera-capture';

interface Values {
  note?: string;
  photos?: string[];
  /** `YYYY-MM-DDTHH:mm` from the phone's native date-time picker. */
  deadline?: string;
}

const LOCAL_INPUT_FORMAT = 'YYYY-MM-DDTHH:mm';
const NOTE_MAX = 2000;
const DANGER: ReadonlySet<CaseAction> = new Set(['return', 'rework', 'void', 'refuse_extension']);

export interface TransitionSheetProps {
  detail: CaseDetail;
  action: CaseAction | null;
  onClose: () => void;
}

export function TransitionSheet({ detail, action, onClose }: TransitionSheetProps) {
  const t = useT();
  return (
    <Drawer
      open={action !== null}
      placement="bottom"
      size="auto"
      onClose={onClose}
      destroyOnHidden
      title={action ? t(`case.action.${action}`) : null}
      styles={{
        wrapper: { maxHeight: '92vh', borderRadius: '12px 12px 0 0', overflow: 'hidden' },
        body: { paddingBottom: 8 },
        footer: { paddingBottom: 'calc(12px + env(safe-area-inset-bottom))' },
      }}
      footer={null}
    >
      {action ? <TransitionForm detail={detail} action={action} onDone={onClose} /> : null}
    </Drawer>
  );
}

function TransitionForm({ detail, action, onDone }: { detail: CaseDetail; action: CaseAction; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const transition = useCaseTransition(detail.id);
  const [uploading, setUploading] = useState(false);
  const [failure, setFailure] = useState<{ title: string; text: string } | null>(null);
  const input = CASE_TRANSITIONS[action].input;
  const minDeadline = dayjs(
    detail.deadlineAt && dayjs(detail.deadlineAt).isAfter(dayjs()) ? detail.deadlineAt : undefined,
  );

  const submit = async () => {
    setFailure(null);
    const values = await form.validateFields();
    if (uploading) {
      void message.warning(t('mobileShared.photo.waitUpload'));
      return;
    }
    const body: TransitionInput = {};
    if (input.note) body.note = values.note?.trim() || null;
    if (input.photos) body.photos = values.photos ?? [];
    if (input.deadline && values.deadline) body.deadline = dayjs(values.deadline).toISOString();
    transition.mutate(
      { action, input: body },
      {
        onSuccess: () => {
          void message.success(t('field.action.done', { action: t(`case.action.${action}`) }));
          onDone();
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 409) {
            setFailure({ title: t('field.action.conflict'), text: error.message });
            void queryClient.invalidateQueries({ queryKey: [...casesKey, 'detail', detail.id] });
            return;
          }
          if (isApiError(error) && error.status === 400) {
            showApiError(error, message, form);
            setFailure({ title: t('field.action.invalid'), text: error.message });
            return;
          }
          setFailure({
            title: isApiError(error) && error.status === 0 ? t('field.action.offline') : t('field.action.failed'),
            text: error instanceof Error ? error.message : String(error),
          });
        },
      },
    );
  };

  return (
    <Form<Values> form={form} name="transition" layout="vertical" requiredMark={false}>
      {action === 'handle' ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('field.action.handleHint')}
        </Typography.Paragraph>
      ) : null}
      {input.deadline ? (
        <Form.Item
          name="deadline"
          label={t('field.action.newDeadline')}
          extra={
            detail.deadlineAt
              ? t('field.action.currentDeadline', { time: dayjs(detail.deadlineAt).format('YYYY-MM-DD HH:mm') })
              : undefined
          }
          rules={[
            { required: true, message: t('field.action.deadlineRequired') },
            {
              validator: async (_rule, value: string | undefined) => {
                if (!value) return;
                const at = dayjs(value);
                if (!at.isValid() || !at.isAfter(dayjs())) throw new Error(t('field.action.deadlineFuture'));
                if (detail.deadlineAt && !at.isAfter(dayjs(detail.deadlineAt))) {
                  throw new Error(t('field.action.deadlineLater'));
                }
              },
            },
          ]}
        >
          <Input type="datetime-local" size="large" min={minDeadline.format(LOCAL_INPUT_FORMAT)} />
        </Form.Item>
      ) : null}
      {input.photos ? (
        <Form.Item
          name="photos"
          label={input.photos === 'required' ? t('field.action.photosRequired') : t('field.action.photosOptional')}
          rules={
            input.photos === 'required'
              ? [
                  {
                    validator: async (_rule, value: string[] | undefined) => {
                      if (!value || value.length === 0) throw new Error(t('field.action.photoMissing'));
                    },
                  },
                ]
              : []
          }
        >
          <CameraCapture onBusyChange={setUploading} />
        </Form.Item>
      ) : null}
      {input.note ? (
        <Form.Item
          name="note"
          label={input.note === 'required' ? t('field.action.noteRequired') : t('field.action.noteOptional')}
          rules={[
            { required: input.note === 'required', whitespace: true, message: t('field.action.noteMissing') },
            { max: NOTE_MAX, message: t('validation.maxLength', { max: NOTE_MAX }) },
          ]}
        >
          <Input.TextArea
            rows={4}
            maxLength={NOTE_MAX}
            placeholder={t(
              `field.action.notePlaceholder.${action === 'handle' ? 'handle' : DANGER.has(action) ? 'reason' : 'other'}`,
            )}
            style={{ fontSize: 16 }}
          />
        </Form.Item>
      ) : null}
      {failure ? (
        <Alert
          type="error"
          showIcon
          title={failure.title}
          description={failure.text}
          style={{ marginBottom: 12 }}
          data-testid="transition-error"
        />
      ) : null}
      <Flex gap={8}>
        <Button size="large" style={{ flex: 1, height: 48 }} onClick={onDone} data-testid="form-cancel">
          {t('common.cancel')}
        </Button>
        <Button
          type="primary"
          danger={DANGER.has(action)}
          size="large"
          style={{ flex: 2, height: 48 }}
          loading={transition.isPending}
          disabled={uploading}
          onClick={() => void submit().catch(() => undefined)}
          data-testid="form-submit"
        >
          {t(`case.action.${action}`)}
        </Button>
      </Flex>
    </Form>
  );
}
