// One commendation list (/volunteer/commendations/:id): its title, period, subject, basis and
// status, then the entries in rank order. While a draft, those who manage it may remove entries
// and publish it (each behind a confirmation); a published list no longer changes.
import { App, Alert, Button, Card, Descriptions, Flex, Popconfirm, Skeleton, Table, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useT } from '../../../app/i18n/locale-provider';
import { formatDateTime } from '../../../shared/format';
import { showApiError } from '../../../shared/form-errors';
import type { CommendationEntry } from '../api/volunteer-types';
import { useCommendation, usePublishCommendation, useRemoveCommendationEntry } from '../api/volunteers-api';
import { CommendationStatusTag } from '../components/commendation-status-tag';

export default function CommendationPage() {
  const t = useT();
  const { message } = App.useApp();
  const params = useParams();
  const parsed = Number(params.id);
  const id = Number.isInteger(parsed) && parsed > 0 ? parsed : null;
  const query = useCommendation(id);
  const remove = useRemoveCommendationEntry();
  const publish = usePublishCommendation();
  const c = query.data;

  const back = (
    <Link to="/volunteer/commendations">
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
        {t('volunteers.commendations.back')}
      </Button>
    </Link>
  );

  if (id === null || query.isError) {
    return (
      <Flex vertical gap={12} data-testid="page-volunteer-commendation">
        {back}
        <Alert type="error" showIcon title={query.error?.message ?? t('volunteers.commendations.notFound')} />
      </Flex>
    );
  }
  if (!c) {
    return <Skeleton active paragraph={{ rows: 8 }} />;
  }

  const editable = c.canManage && c.status === 'draft';
  const valueText = (v: number) => (c.basis === 'hours' ? v.toFixed(1) : String(v));
  const columns: TableColumnsType<CommendationEntry> = [
    { title: t('volunteers.recognition.rank'), dataIndex: 'rank', width: 80, align: 'right' },
    { title: t('volunteers.recognition.name'), dataIndex: 'name', ellipsis: true },
    {
      title: `${t(`volunteers.recognition.basis.${c.basis}`)}（${t(`volunteers.recognition.unit.${c.basis}`)}）`,
      dataIndex: 'value',
      width: 160,
      align: 'right',
      render: (v: number) => valueText(v),
    },
    ...(editable
      ? [
          {
            title: t('volunteers.commendations.actions'),
            key: 'actions',
            width: 100,
            render: (_v: unknown, e: CommendationEntry) => (
              <Popconfirm
                title={t('volunteers.commendations.removeConfirm', { name: e.name })}
                onConfirm={() =>
                  remove.mutate(
                    { id: c.id, entryId: e.id },
                    {
                      onSuccess: () => void message.success(t('volunteers.commendations.removed')),
                      onError: (error) => showApiError(error, message),
                    },
                  )
                }
              >
                <Button
                  type="link"
                  danger
                  size="small"
                  icon={<DeleteOutlined />}
                  loading={remove.isPending && remove.variables.entryId === e.id}
                  data-testid="entry-remove"
                >
                  {t('volunteers.commendations.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={12} data-testid="page-volunteer-commendation">
      {back}
      <Card
        size="small"
        title={c.title}
        extra={
          editable ? (
            <Popconfirm
              title={t('volunteers.commendations.publishConfirm')}
              onConfirm={() =>
                publish.mutate(c.id, {
                  onSuccess: () => void message.success(t('volunteers.commendations.published')),
                  onError: (error) => showApiError(error, message),
                })
              }
            >
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={publish.isPending}
                disabled={c.entries.length === 0}
                data-testid="commendation-publish"
              >
                {t('volunteers.commendations.publish')}
              </Button>
            </Popconfirm>
          ) : null
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
          <Descriptions.Item label={t('volunteers.commendations.period')}>{`${c.from} – ${c.to}`}</Descriptions.Item>
          <Descriptions.Item label={t('volunteers.commendations.subject')}>
            {t(`volunteers.recognition.subject.${c.subject}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('volunteers.commendations.basis')}>
            {t(`volunteers.recognition.basis.${c.basis}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('volunteers.commendations.status')}>
            <CommendationStatusTag status={c.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('volunteers.commendations.createdAt')}>
            {formatDateTime(c.createdAt)}
          </Descriptions.Item>
          {c.publishedAt ? (
            <Descriptions.Item label={t('volunteers.commendations.publishedAt')}>
              {formatDateTime(c.publishedAt)}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card size="small" title={t('volunteers.commendations.entriesTitle')}>
        <Table<CommendationEntry>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={c.entries}
          pagination={false}
          scroll={{ x: 500 }}
          locale={{ emptyText: t('volunteers.commendations.entriesEmpty') }}
          data-testid="commendation-entries"
        />
      </Card>
    </Flex>
  );
}
