// 共性问题归并 (/canvass/groups): a drive's opinions grouped by likeness of text — label, size,
// how many communities raised it, the usual topic and how far its members got — biggest first;
// "regroup" recomputes the groups; a group opens its opinions in the workbench.
import { useEffect } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, InputNumber, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ClusterOutlined } from '@ant-design/icons';
import { OPINION_STATUSES } from '@cc/common/canvass';
import { useCan } from '../../../app/auth/use-me';
import { useT } from '../../../app/i18n/locale-provider';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { UrlSearchBox } from '../../../shared/components/url-search-box';
import { showApiError } from '../../../shared/form-errors';
import { listEmptyText } from '../../../shared/list-empty';
import { useUrlListState } from '../../../shared/use-url-list-state';
import { useDriveOptions, useGroupList, useRegroup, useTopics } from '../api/canvass-api';
import { topicLabel, topicNames } from '../api/canvass-format';
import type { OpinionGroup } from '../api/canvass-types';
import { GROUP_LIST_CODEC } from '../api/list-params';

const STATUS_COLORS = { new: 'blue', routed: 'orange', answered: 'cyan', delivered: 'green' } as const;

export default function GroupsPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const list = useUrlListState(GROUP_LIST_CODEC);
  const { state, update } = list;
  const drives = useDriveOptions();
  const topics = useTopics();
  const names = topicNames(topics.data);
  const regroup = useRegroup();
  const driveId = state.driveId;
  const query = useGroupList(list.params, driveId !== undefined);

  // Opens on the newest open drive (or the newest one) when none is chosen.
  useEffect(() => {
    if (driveId === undefined && drives.data && drives.data.length > 0) {
      const first = drives.data.find((d) => d.status === 'open') ?? drives.data[0];
      update({ driveId: first.id });
    }
  }, [driveId, drives.data, update]);

  const columns: TableColumnsType<OpinionGroup> = [
    {
      title: t('canvass.group.label'),
      dataIndex: 'label',
      render: (label: string, g) => (
        <Link to={`/canvass/opinions?driveId=${driveId}&groupId=${g.id}`} data-testid="group-link">
          {label}
        </Link>
      ),
    },
    { title: t('canvass.group.count'), dataIndex: 'count', width: 90, align: 'right' },
    { title: t('canvass.group.communities'), dataIndex: 'communityCount', width: 100, align: 'right' },
    {
      title: t('canvass.opinion.topic'),
      dataIndex: 'topicCode',
      width: 200,
      render: (code: string | null) => (code ? <Tag>{topicLabel(names, code)}</Tag> : '—'),
    },
    {
      title: t('canvass.group.statuses'),
      key: 'statuses',
      width: 300,
      render: (_v, g) => (
        <Space size={4} wrap>
          {OPINION_STATUSES.filter((s) => g.statusCounts[s] > 0).map((s) => (
            <Tag key={s} color={STATUS_COLORS[s]} style={{ marginInlineEnd: 0 }}>
              {t(`canvass.opinionStatus.${s}`)} {g.statusCounts[s]}
            </Tag>
          ))}
        </Space>
      ),
    },
  ];

  return (
    <Card size="small" title={t('canvass.menu.groups')} data-testid="page-canvass-groups">
      <ListToolbar
        filters={
          <>
            <Select<number>
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 240 }}
              placeholder={t('canvass.drive.pick')}
              value={driveId}
              loading={drives.isLoading}
              onChange={(id) => update({ driveId: id })}
              options={(drives.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              data-testid="groups-drive"
            />
            <UrlSearchBox value={state.q} placeholder={t('canvass.group.search')} onSearch={(q) => update({ q })} />
            <Space size={4}>
              <Typography.Text type="secondary">{t('canvass.group.minCount')}</Typography.Text>
              <InputNumber
                min={1}
                max={100}
                precision={0}
                style={{ width: 80 }}
                value={state.minCount ?? 2}
                onChange={(n) => update({ minCount: n && n !== 2 ? n : undefined })}
              />
            </Space>
          </>
        }
        actions={
          can('canvass.manage') && driveId ? (
            <Button
              icon={<ClusterOutlined />}
              loading={regroup.isPending}
              onClick={() =>
                regroup.mutate(driveId, {
                  onSuccess: (r) =>
                    void message.success(
                      t('canvass.group.regrouped', { groups: r.groups, opinions: r.opinions, ms: r.ms }),
                    ),
                  onError: (error) => showApiError(error, message),
                })
              }
              data-testid="regroup"
            >
              {t('canvass.group.regroup')}
            </Button>
          ) : null
        }
      />
      <Table<OpinionGroup>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total, t)}
        scroll={{ x: 900 }}
        locale={{
          emptyText: listEmptyText(query, !!state.q, {
            empty: t('canvass.group.empty'),
            filtered: t('canvass.group.emptyFiltered'),
          }),
        }}
        data-testid="groups-table"
      />
    </Card>
  );
}
