// One lifecycle step on a case: the dialog's fields come from the lifecycle table
// (CASE_TRANSITIONS[action].input) — note, photos, unit, deadline, target case. Server errors stay
// visible in the dialog: 409 (someone moved the case meanwhile) offers a refresh, 400 field
// errors land on their fields.
import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { CASE_TRANSITIONS, type CaseAction } from '@cc/common/cases';
import { isApiError, type ApiError } from '../../../app/api';
import { useT } from '../../../app/i18n/locale-provider';
import type { MessageKey } from '../../../app/i18n/catalogues';
import { fieldNameFromPath } from '../../../shared/form-errors';
import { DATE_TIME_FORMAT, formatDateTime } from '../../../shared/format';
import { PhotoUpload } from '../../../shared/cases/photo-upload';
import { casesKey, useCaseTransition, type CaseDetail, type TransitionInput } from '../../../shared/cases/cases-api';
import { UnitPicker } from '../../../shared/components/unit-picker';

interface Values {
  note?: string;
  photos?: string[];
  unitId?: number | null;
  deadline?: Dayjs | null;
  targetCaseId?: number | null;
}

const NOTE_LABELS: Partial<Record<CaseAction, MessageKey>> = {
  dispatch: 'cases.transition.note.dispatch',
  return: 'cases.transition.note.return',
  handle: 'cases.transition.note.handle',
  rework: 'cases.transition.note.rework',
  request_extension: 'cases.transition.note.request_extension',
  refuse_extension: 'cases.transition.note.refuse_extension',
  suspend: 'cases.transition.note.suspend',
  void: 'cases.transition.note.void',
  reopen: 'cases.transition.note.reopen',
};

const HINTS: Partial<Record<CaseAction, MessageKey>> = {
  return: 'cases.transition.hint.return',
  handle: 'cases.transition.hint.handle',
  rework: 'cases.transition.hint.rework',
  void: 'cases.transition.hint.void',
  merge: 'cases.transition.hint.merge',
  suspend: 'cases.transition.hint.suspend',
  reopen: 'cases.transition.hint.reopen',
};

/** Actions that undo or refuse something get a red submit button. */
export const DANGER_ACTIONS: ReadonlySet<CaseAction> = new Set(['void', 'rework', 'return', 'refuse_extension']);

const FIELD_NAMES = new Set(['note', 'photos', 'unitId', 'deadline', 'targetCaseId']);

export interface TransitionModalProps {
  detail: CaseDetail;
  action: CaseAction;
  /** Prefills the merge target (from a duplicate candidate). */
  targetCaseId?: number;
  onClose: () => void;
}

export function TransitionModal({ detail, action, targetCaseId, onClose }: TransitionModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const transition = useCaseTransition(detail.id);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const spec = CASE_TRANSITIONS[action].input;
  const actionLabel = t(`case.action.${action}`);
  const pendingExtension = detail.extensions.find((e) => e.status === 'pending');

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    const input: TransitionInput = {};
    if (spec.note) input.note = v.note?.trim() || null;
    if (spec.photos) input.photos = v.photos ?? [];
    if (spec.unit && v.unitId) input.unitId = v.unitId;
    if (spec.deadline && v.deadline) input.deadline = v.deadline.toISOString();
    if (spec.target && v.targetCaseId) input.targetCaseId = v.targetCaseId;
    transition.mutate(
      { action, input },
      {
        onSuccess: () => {
          void message.success(t('cases.transition.done', { action: actionLabel, code: detail.code }));
          onClose();
        },
        onError: (e) => {
          setError(e);
          if (isApiError(e)) {
            const fields = (e.details?.fields ?? [])
              .map((f) => ({ name: fieldNameFromPath(f.path), text: f.message || e.message }))
              .filter((f): f is { name: string; text: string } => !!f.name && FIELD_NAMES.has(f.name));
            if (fields.length > 0) {
              form.setFields(fields.map((f) => ({ name: f.name as keyof Values, errors: [f.text] })));
            }
          }
        },
      },
    );
  };

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: casesKey });
    onClose();
  };

  const isConflict = isApiError(error) && error.status === 409;
  const hint = HINTS[action];

  return (
    <Modal
      open
      title={t('cases.transition.title', { action: actionLabel, code: detail.code })}
      onCancel={onClose}
      destroyOnHidden
      width={560}
      mask={{ closable: false }}
      footer={
        <Space>
          <Button onClick={onClose} data-testid="form-cancel">
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            danger={DANGER_ACTIONS.has(action)}
            loading={transition.isPending}
            onClick={() => void submit().catch(() => undefined)}
            data-testid="form-submit"
          >
            {actionLabel}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {error ? (
          <Alert
            type={isConflict ? 'warning' : 'error'}
            showIcon
            data-testid="transition-error"
            title={error.message}
            description={isConflict ? t('cases.transition.conflict') : undefined}
            action={
              isConflict ? (
                <Button size="small" onClick={refresh} data-testid="transition-refresh">
                  {t('cases.transition.refresh')}
                </Button>
              ) : undefined
            }
          />
        ) : null}
        {action === 'dispatch' && detail.routing.unitId ? (
          <Alert
            type="info"
            showIcon
            title={t('cases.routing.suggest', { unit: detail.routing.unitName ?? `#${detail.routing.unitId}` })}
            description={detail.routing.reason}
          />
        ) : null}
        {(action === 'approve_extension' || action === 'refuse_extension') && pendingExtension ? (
          <Alert
            type="info"
            showIcon
            title={t('cases.extension.pendingSummary', {
              deadline: formatDateTime(pendingExtension.requestedDeadline),
              by: pendingExtension.requestedByName ?? '—',
            })}
            description={pendingExtension.reason}
          />
        ) : null}
        {action === 'request_extension' ? (
          <Alert
            type="info"
            showIcon
            title={t('cases.extension.currentDeadline', { deadline: formatDateTime(detail.deadlineAt) })}
          />
        ) : null}
        {hint ? <Alert type="warning" showIcon={false} title={t(hint)} /> : null}

        <Form<Values>
          form={form}
          name="transition"
          layout="vertical"
          initialValues={{
            photos: [],
            unitId: action === 'dispatch' ? (detail.routing.unitId ?? undefined) : undefined,
            targetCaseId: targetCaseId,
          }}
        >
          {spec.unit ? (
            <Form.Item
              name="unitId"
              label={t('cases.transition.unit')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <UnitPicker known={{ id: detail.routing.unitId, name: detail.routing.unitName }} allowClear={false} />
            </Form.Item>
          ) : null}
          {spec.deadline ? (
            <Form.Item
              name="deadline"
              label={t('cases.transition.deadline')}
              rules={[
                { required: true, message: t('validation.required') },
                {
                  validator: async (_r, value: Dayjs | null | undefined) => {
                    if (!value) return;
                    if (value.isBefore(dayjs())) throw new Error(t('cases.transition.deadlinePast'));
                    if (detail.deadlineAt && !value.isAfter(dayjs(detail.deadlineAt))) {
                      throw new Error(t('cases.transition.deadlineNotLater'));
                    }
                  },
                },
              ]}
            >
              <DatePicker
                showTime={{ format: 'HH:mm', minuteStep: 5 }}
                format={DATE_TIME_FORMAT}
                style={{ width: '100%' }}
                disabledDate={(d) => d.isBefore(dayjs(), 'day')}
              />
            </Form.Item>
          ) : null}
          {spec.target ? (
            <Form.Item
              name="targetCaseId"
              label={t('cases.transition.target')}
              extra={t('cases.transition.targetHint')}
              rules={[
                { required: true, message: t('validation.required') },
                {
                  validator: async (_r, value: number | null | undefined) => {
                    if (value === detail.id) throw new Error(t('cases.transition.targetSelf'));
                  },
                },
              ]}
            >
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          ) : null}
          {spec.note ? (
            <Form.Item
              name="note"
              label={t(NOTE_LABELS[action] ?? 'cases.transition.note.default')}
              rules={[
                { required: spec.note === 'required', whitespace: true, message: t('validation.required') },
                { max: 2000, message: t('validation.maxLength', { max: 2000 }) },
              ]}
            >
              <Input.TextArea rows={4} maxLength={2000} showCount />
            </Form.Item>
          ) : null}
          {spec.photos ? (
            <Form.Item
              name="photos"
              label={t(action === 'handle' ? 'cases.transition.photos.after' : 'cases.transition.photos.verify')}
              rules={
                spec.photos === 'required'
                  ? [{ required: true, type: 'array', min: 1, message: t('cases.transition.photosRequired') }]
                  : []
              }
            >
              <PhotoUpload max={9} />
            </Form.Item>
          ) : null}
        </Form>
      </Space>
    </Modal>
  );
}
