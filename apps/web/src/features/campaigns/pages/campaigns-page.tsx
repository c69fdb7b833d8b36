// 创建活动 list: every campaign the user sees, with titles, period, phase (迎检 highlighted),
// completion so far and overdue instances; search and status filters live in the URL.
// "新建创建活动" for the office (campaign.manage).
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { OrderedListOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '@cc/common/campaigns';
import { useCan } from '../../../app/auth/use-me';
import { useT } from '../../../app/i18n/locale-provider';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { UrlSearchBox } from '../../../shared/components/url-search-box';
import { hasFilters } from '../../../shared/url-params';
import { useUrlListState } from '../../../shared/use-url-list-state';
import { useCampaignList } from '../api/campaigns-api';
import type { CampaignListItem } from '../api/campaign-types';
import { CAMPAIGN_LIST_CODEC } from '../api/list-params';
import { CompletionBar, PhaseTag, TitleTags } from '../components/campaign-tags';
import { CampaignFormDrawer } from '../components/campaign-form-drawer';

export default function CampaignsPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const list = useUrlListState(CAMPAIGN_LIST_CODEC);
  const { state, update } = list;
  const query = useCampaignList(list.params);
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<CampaignListItem> = [
    {
      title: t('campaigns.field.name'),
      dataIndex: 'name',
      render: (name: string, c) => (
        <Space orientation="vertical" size={2}>
          <Link to={`/campaigns/${c.id}`} data-testid="campaign-link">
            {name}
          </Link>
          <TitleTags titles={c.titles} />
        </Space>
      ),
    },
    {
      title: t('campaigns.field.period'),
      key: 'period',
      width: 200,
      render: (_v, c) => t('campaigns.periodText', { from: c.startsOn, to: c.endsOn }),
    },
    { title: t('campaigns.field.region'), dataIndex: 'regionName', width: 120, ellipsis: true },
    {
      title: t('campaigns.field.phase'),
      dataIndex: 'phase',
      width: 90,
      render: (_v, c) =>
        c.status === 'closed' ? <Tag>{t('campaigns.status.closed')}</Tag> : <PhaseTag phase={c.phase} />,
    },
    { title: t('campaigns.field.taskCount'), dataIndex: 'taskCount', width: 90, align: 'right' },
    {
      title: t('campaigns.field.completion'),
      key: 'completion',
      width: 190,
      render: (_v, c) => <CompletionBar completion={c.completion} />,
    },
    {
      title: t('campaigns.field.overdue'),
      key: 'overdue',
      width: 80,
      align: 'center',
      render: (_v, c) =>
        c.completion.overdue > 0 ? (
          <Tag color="red" icon={<WarningOutlined />} style={{ marginInlineEnd: 0 }}>
            {c.completion.overdue}
          </Tag>
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        ),
    },
  ];

  return (
    <Card size="small" title={t('menu.campaigns')} data-testid="page-campaigns">
      <ListToolbar
        filters={
          <>
            <UrlSearchBox
              value={state.q}
              placeholder={t('campaigns.list.searchPlaceholder')}
              onSearch={(q) => update({ q })}
            />
            <Select<CampaignStatus>
              allowClear
              placeholder={t('campaigns.field.status')}
              style={{ width: 120 }}
              value={state.status}
              onChange={(status) => update({ status: status ?? undefined })}
              options={CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`campaigns.status.${s}`) }))}
              data-testid="filter-status"
            />
          </>
        }
        actions={
          <>
            {can('campaign.report') ? (
              <Link to="/campaigns/my-tasks">
                <Button icon={<OrderedListOutlined />}>{t('menu.campaignMyTasks')}</Button>
              </Link>
            ) : null}
            {can('campaign.manage') ? (
              <>
                <Link to="/campaigns/overdue">
                  <Button icon={<WarningOutlined />}>{t('menu.campaignOverdue')}</Button>
                </Link>
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setCreating(true)}
                  data-testid="create-button"
                >
                  {t('campaigns.create')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Table<CampaignListItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total, t)}
        scroll={{ x: 1000 }}
        locale={{
          emptyText: query.isError
            ? query.error.message
            : hasFilters(list.filterParams)
              ? t('campaigns.list.emptyFiltered')
              : t('campaigns.list.empty'),
        }}
        data-testid="campaigns-table"
      />
      {creating ? (
        <CampaignFormDrawer
          detail={null}
          onClose={() => setCreating(false)}
          onSaved={(saved) => void navigate(`/campaigns/${saved.id}`)}
        />
      ) : null}
    </Card>
  );
}
