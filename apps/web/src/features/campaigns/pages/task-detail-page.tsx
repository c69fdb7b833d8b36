// One ledger task (工作台帐 row): its content, standard, source clause, lead and cooperating units,
// responsible person, schedule, evidence, weight and completion; its dated instances (label, due,
// status, submitted / accepted times — a row opens the instance); and its history. The office
// edits it (the schedule only while nobody has reported) or cancels it with a reason.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { isApiError } from '../../../app/api';
import { useT } from '../../../app/i18n/locale-provider';
import { showApiError } from '../../../shared/form-errors';
import { dash, formatDateTime } from '../../../shared/format';
import { useCampaign } from '../api/campaigns-api';
import { useCancelTask, useTask } from '../api/ledger-api';
import type { InstanceListItem, TaskDetail } from '../api/campaign-types';
import { evidenceParts, recurrenceText } from '../api/ledger-format';
import { CompletionBar, DueTag, InstanceStatusTag } from '../components/campaign-tags';
import { LedgerTimeline } from '../components/ledger-timeline';
import { TaskEditDrawer } from '../components/task-edit-drawer';
import { CountTag, returnsColumn } from '../components/table-cells';
import { routeId } from '../../../shared/url-params';
import { PageLoadFailed, PageLoading, PageNotFound } from '../../../shared/components/page-states';

export default function TaskDetailPage() {
  const t = useT();
  const id = routeId(useParams().id);
  const query = useTask(id);

  if (id === null || (query.isError && isApiError(query.error) && query.error.status === 404)) {
    return (
      <PageNotFound
        testId="page-task"
        title={t('campaigns.task.notFound')}
        backTo="/campaigns"
        backText={t('campaigns.detail.backToList')}
      />
    );
  }
  if (query.isError && !query.data) {
    return <PageLoadFailed testId="page-task" message={query.error.message} onRetry={() => void query.refetch()} />;
  }
  if (!query.data) return <PageLoading testId="page-task" />;
  return <TaskView task={query.data} />;
}

function TaskView({ task }: { task: TaskDetail }) {
  const t = useT();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const active = task.status === 'active';
  const canManage = task.canManage && active;
  // The edit form needs the campaign's activities and period.
  const campaign = useCampaign(canManage ? task.campaignId : null);
  const evidence = evidenceParts(t, task.evidence);

  return (
    <Flex vertical gap={12} data-testid="page-task" data-task-id={task.id}>
      <Card size="small">
        <Button
          type="link"
          size="small"
          icon={<ArrowLeftOutlined />}
          style={{ paddingInline: 0 }}
          onClick={() => void navigate(`/campaigns/${task.campaignId}/ledger`)}
        >
          {task.campaignName}
        </Button>
        <Flex justify="space-between" align="flex-start" gap={12} wrap>
          <Space orientation="vertical" size={4} style={{ minWidth: 0, flex: 1 }}>
            <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="task-content">
              {task.content}
            </Typography.Title>
            <Space size={6} wrap>
              {!active ? <Tag>{t('campaigns.taskState.cancelled')}</Tag> : null}
              {task.activityName ? <Tag color="blue">{task.activityName}</Tag> : null}
              <Tag>{t(`campaigns.taskSource.${task.source}`)}</Tag>
              {task.sourceClause ? <Typography.Text type="secondary">{task.sourceClause}</Typography.Text> : null}
            </Space>
          </Space>
          {canManage ? (
            <Space>
              <Button
                icon={<EditOutlined />}
                onClick={() => setEditing(true)}
                disabled={!campaign.data}
                data-testid="task-edit"
              >
                {t('common.edit')}
              </Button>
              <Button danger icon={<StopOutlined />} onClick={() => setCancelling(true)} data-testid="task-cancel">
                {t('campaigns.task.cancel')}
              </Button>
            </Space>
          ) : null}
        </Flex>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          style={{ marginTop: 12 }}
          items={[
            { key: 'lead', label: t('campaigns.field.leadUnit'), children: task.leadUnit.name },
            { key: 'responsible', label: t('campaigns.ledger.responsible'), children: dash(task.responsibleName) },
            {
              key: 'cooperating',
              label: t('campaigns.task.cooperatingUnits'),
              children: task.cooperatingUnits.map((u) => u.name).join('、') || '—',
            },
            { key: 'schedule', label: t('campaigns.ledger.deadline'), children: recurrenceText(t, task.recurrence) },
            { key: 'next', label: t('campaigns.task.nextDue'), children: dash(task.nextDueOn) },
            { key: 'weight', label: t('campaigns.task.weight'), children: task.weight },
            {
              key: 'evidence',
              label: t('campaigns.task.evidence'),
              children: evidence.length > 0 ? evidence.join(' · ') : t('campaigns.task.noEvidence'),
            },
            {
              key: 'completion',
              label: t('campaigns.ledger.completion'),
              children: <CompletionBar completion={task.completion} width={220} />,
            },
            { key: 'created', label: t('campaigns.info.createdAt'), children: formatDateTime(task.createdAt) },
            {
              key: 'standard',
              label: t('campaigns.task.standard'),
              span: 'filled',
              children: <span style={{ whiteSpace: 'pre-wrap' }}>{dash(task.standard)}</span>,
            },
            ...(task.note
              ? [{ key: 'note', label: t('campaigns.task.note'), span: 'filled' as const, children: task.note }]
              : []),
          ]}
        />
      </Card>
      <Row gutter={12}>
        <Col xs={24} xl={15}>
          <Card size="small" title={t('campaigns.task.instances', { count: task.instances.length })}>
            <Table<InstanceListItem>
              rowKey="id"
              size="small"
              dataSource={task.instances}
              pagination={task.instances.length > 20 ? { pageSize: 20, size: 'small' } : false}
              scroll={{ x: 720 }}
              onRow={(i) => ({ onClick: () => void navigate(`/task-instances/${i.id}`), style: { cursor: 'pointer' } })}
              rowClassName={(i) => (i.displayStatus === 'overdue' ? 'cc-row-overdue' : '')}
              columns={[
                {
                  title: t('campaigns.instance.label'),
                  dataIndex: 'label',
                  width: 110,
                  render: (label: string, i) => (
                    <Link to={`/task-instances/${i.id}`} data-testid="instance-link">
                      {label}
                    </Link>
                  ),
                },
                {
                  title: t('campaigns.instance.dueOn'),
                  dataIndex: 'dueOn',
                  width: 170,
                  render: (due: string, i) => (
                    <Space size={4} wrap>
                      {due}
                      <DueTag item={i} />
                    </Space>
                  ),
                },
                {
                  title: t('campaigns.instance.status'),
                  dataIndex: 'displayStatus',
                  width: 100,
                  render: (_v, i) => <InstanceStatusTag status={i.displayStatus} />,
                },
                {
                  title: t('campaigns.instance.submittedAt'),
                  dataIndex: 'submittedAt',
                  width: 140,
                  render: formatDateTime,
                },
                {
                  title: t('campaigns.instance.acceptedAt'),
                  dataIndex: 'acceptedAt',
                  width: 140,
                  render: formatDateTime,
                },
                returnsColumn(t),
                {
                  title: t('campaigns.instance.escalations'),
                  dataIndex: 'escalationCount',
                  width: 70,
                  align: 'center',
                  render: (n: number) => <CountTag n={n} color="red" />,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('campaigns.log.title')}>
            <div style={{ maxHeight: 720, overflowY: 'auto', paddingTop: 8 }}>
              <LedgerTimeline log={task.log} showInstance />
            </div>
          </Card>
        </Col>
      </Row>
      {editing && campaign.data ? (
        <TaskEditDrawer task={task} campaign={campaign.data} onClose={() => setEditing(false)} />
      ) : null}
      {cancelling ? <CancelTaskModal task={task} onClose={() => setCancelling(false)} /> : null}
    </Flex>
  );
}

function CancelTaskModal({ task, onClose }: { task: TaskDetail; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const cancel = useCancelTask(task.id);
  const submit = async () => {
    const { reason } = await form.validateFields();
    cancel.mutate(reason.trim(), {
      onSuccess: () => {
        void message.success(t('campaigns.task.cancelled'));
        onClose();
      },
      onError: (error) => showApiError(error, message, form),
    });
  };
  return (
    <Modal
      open
      title={t('campaigns.task.cancel')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okButtonProps={{ danger: true, ...({ 'data-testid': 'cancel-submit' } as object) }}
      confirmLoading={cancel.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('campaigns.task.cancelHint')}</Typography.Paragraph>
      <Form form={form} name="cancel" layout="vertical">
        <Form.Item
          name="reason"
          label={t('campaigns.task.cancelReason')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: 2, message: t('campaigns.form.nameShort') },
            { max: 500, message: t('validation.maxLength', { max: 500 }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
