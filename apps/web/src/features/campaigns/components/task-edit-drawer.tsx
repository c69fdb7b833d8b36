// Edit one ledger task. The schedule (recurrence, dates) and the lead unit may change only while
// no unit has reported on it (`editableSchedule`); after that only the description, evidence,
// weight and people change, and the schedule fields are shown locked.
import { App, Form } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { FormDrawer } from '../../../shared/components/form-drawer';
import { UnitPicker } from '../../../shared/components/unit-picker';
import { useUpdateTask } from '../api/ledger-api';
import type { CampaignDetail, TaskDetail, UpdateTaskBody } from '../api/campaign-types';
import { scheduleFields, taskContentFields, taskValuesOf } from '../api/form-values';
import { TaskFields, toTaskFormValues, toTaskValues, type TaskFormValues } from './task-fields';

type Values = TaskFormValues & { leadUnitId?: number | null };

export function TaskEditDrawer({
  task,
  campaign,
  onClose,
}: {
  task: TaskDetail;
  campaign: CampaignDetail;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateTask(task.id);
  const locked = !task.editableSchedule;

  const submit = async () => {
    const { leadUnitId, ...formValues } = await form.validateFields();
    const values = toTaskValues(formValues);
    const body: UpdateTaskBody = locked
      ? taskContentFields(values)
      : { ...taskContentFields(values), ...scheduleFields(values), ...(leadUnitId ? { leadUnitId } : {}) };
    update.mutate(body, {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: (error) => showApiError(error, message, form),
    });
  };

  return (
    <FormDrawer
      open
      title={t('campaigns.task.edit')}
      onClose={onClose}
      onSubmit={() => void submit().catch(() => undefined)}
      submitting={update.isPending}
      width={760}
    >
      <Form<Values>
        form={form}
        name="task"
        layout="vertical"
        initialValues={{ ...toTaskFormValues(taskValuesOf(task)), leadUnitId: task.leadUnit.id }}
      >
        <Form.Item
          name="leadUnitId"
          label={t('campaigns.field.leadUnit')}
          extra={locked ? t('campaigns.task.leadUnitLocked') : undefined}
        >
          <UnitPicker disabled={locked} allowClear={false} known={{ id: task.leadUnit.id, name: task.leadUnit.name }} />
        </Form.Item>
        <TaskFields form={form} campaign={campaign} scheduleLocked={locked} knownCooperating={task.cooperatingUnits} />
      </Form>
    </FormDrawer>
  );
}
