// 批量分派任务: one task description, schedule and evidence requirement, and the lead units it goes
// to — one ledger task per unit, created in one transaction (one batch) with all their dated
// instances. The result names how many tasks and report instances were made.
import { App, Col, Divider, Form, Row } from 'antd';
import { CAMPAIGN_LIMITS } from '@cc/common/campaigns';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { FormDrawer } from '../../../shared/components/form-drawer';
import { useCreateTasks } from '../api/ledger-api';
import type { CampaignDetail, CreateTasksResult } from '../api/campaign-types';
import { taskFields } from '../api/form-values';
import { ScopeUnitPicker } from './scope-unit-picker';
import { TaskFields, newTaskFormValues, toTaskValues, type TaskFormValues } from './task-fields';

type Values = TaskFormValues & { unitIds: number[] };

export interface TaskBulkDrawerProps {
  campaign: CampaignDetail;
  onClose: () => void;
  onCreated?: (result: CreateTasksResult) => void;
}

export function TaskBulkDrawer({ campaign, onClose, onCreated }: TaskBulkDrawerProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateTasks(campaign.id);

  const submit = async () => {
    const { unitIds, ...values } = await form.validateFields();
    create.mutate(
      { ...taskFields(toTaskValues(values)), unitIds },
      {
        onSuccess: (result) => {
          void message.success(
            t('campaigns.bulk.created', { tasks: result.taskIds.length, instances: result.instances }),
          );
          onCreated?.(result);
          onClose();
        },
        onError: (error) => showApiError(error, message, form),
      },
    );
  };

  return (
    <FormDrawer
      open
      title={t('campaigns.bulk.title')}
      onClose={onClose}
      onSubmit={() => void submit().catch(() => undefined)}
      submitting={create.isPending}
      submitText={t('campaigns.bulk.submit')}
      width={1280}
    >
      <Form<Values>
        form={form}
        name="tasks"
        layout="vertical"
        initialValues={{ ...newTaskFormValues(campaign), unitIds: [] }}
      >
        <Row gutter={24}>
          <Col xs={24} xl={13}>
            <TaskFields form={form} campaign={campaign} />
          </Col>
          <Col xs={24} xl={11}>
            <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
              {t('campaigns.bulk.units')}
            </Divider>
            <Form.Item
              name="unitIds"
              rules={[
                {
                  validator: async (_rule, ids: number[] | undefined) => {
                    if (!ids || ids.length === 0) throw new Error(t('campaigns.bulk.noUnits'));
                    if (ids.length > CAMPAIGN_LIMITS.bulkUnitsMax) {
                      throw new Error(t('campaigns.bulk.tooMany', { max: CAMPAIGN_LIMITS.bulkUnitsMax }));
                    }
                  },
                },
              ]}
            >
              <ScopeUnitPicker campaignId={campaign.id} max={CAMPAIGN_LIMITS.bulkUnitsMax} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDrawer>
  );
}
