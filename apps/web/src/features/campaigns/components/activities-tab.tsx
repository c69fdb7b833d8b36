// 活动: the campaign's activities with period, organisers, participants, content and how many
// ledger tasks each has (a link into the ledger). The office adds, edits and deletes them; an
// activity with tasks cannot be deleted (the server answers 409, the button says why first).
import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Space, Table, Tooltip, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/locale-provider';
import { useDeleteActivity } from '../api/campaigns-api';
import type { Activity, CampaignDetail } from '../api/campaign-types';
import { ActivityFormDrawer } from './activity-form-drawer';
import { DeleteButton } from './delete-button';

export function ActivitiesTab({ campaign }: { campaign: CampaignDetail }) {
  const t = useT();
  const remove = useDeleteActivity();
  const [editing, setEditing] = useState<Activity | 'new' | null>(null);
  const canManage = campaign.canManage && campaign.status === 'active';

  return (
    <Card
      size="small"
      title={t('campaigns.tab.activities')}
      extra={
        canManage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="activity-create"
          >
            {t('campaigns.activity.create')}
          </Button>
        ) : null
      }
      data-testid="campaign-activities"
    >
      <Table<Activity>
        rowKey="id"
        size="small"
        dataSource={campaign.activities}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('campaigns.activity.empty') }}
        expandable={{
          rowExpandable: (a) => !!a.content,
          expandedRowRender: (a) => (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{a.content}</Typography.Paragraph>
          ),
        }}
        columns={[
          { title: t('campaigns.activity.name'), dataIndex: 'name', render: (name: string) => <b>{name}</b> },
          {
            title: t('campaigns.field.period'),
            key: 'period',
            width: 200,
            render: (_v, a) => t('campaigns.periodText', { from: a.startsOn, to: a.endsOn }),
          },
          {
            title: t('campaigns.activity.organisers'),
            key: 'organisers',
            width: 220,
            render: (_v, a) => a.organiserUnits.map((u) => u.name).join('、') || '—',
          },
          {
            title: t('campaigns.activity.participants'),
            dataIndex: 'participants',
            width: 200,
            ellipsis: true,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('campaigns.activity.tasks'),
            dataIndex: 'taskCount',
            width: 90,
            align: 'right',
            render: (n: number, a) => <Link to={`/campaigns/${campaign.id}/ledger?activityId=${a.id}`}>{n}</Link>,
          },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 120,
                  render: (_v: unknown, a: Activity) => (
                    <Space size={4}>
                      <Button
                        size="small"
                        type="link"
                        icon={<EditOutlined />}
                        onClick={() => setEditing(a)}
                        aria-label={t('common.edit')}
                      />
                      {a.taskCount > 0 ? (
                        <Tooltip title={t('campaigns.activity.hasTasks')}>
                          <Button size="small" type="link" danger disabled icon={<DeleteOutlined />} />
                        </Tooltip>
                      ) : (
                        <DeleteButton
                          confirm={t('campaigns.activity.deleteConfirm', { name: a.name })}
                          onDelete={() => remove.mutateAsync(a.id)}
                        />
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? (
        <ActivityFormDrawer
          campaign={campaign}
          activity={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Card>
  );
}
