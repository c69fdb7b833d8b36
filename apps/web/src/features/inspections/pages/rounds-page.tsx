// 测评轮次: every round the user sees — status, window, campaign, region, progress (submitted /
// drawn), average score and failed items — with search and status in the URL; "新建测评轮次" for
// the office (inspection.manage) opens the planner and lands on the new round.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Progress, Select, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ROUND_STATUSES, type RoundStatus } from '@cc/common/inspections';
import { useCan } from '../../../app/auth/use-me';
import { useT } from '../../../app/i18n/locale-provider';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { UrlSearchBox } from '../../../shared/components/url-search-box';
import { listEmptyText } from '../../../shared/list-empty';
import { hasFilters } from '../../../shared/url-params';
import { useUrlListState } from '../../../shared/use-url-list-state';
import { ROUND_LIST_CODEC } from '../api/list-params';
import { useRoundList } from '../api/rounds-api';
import type { RoundListItem } from '../api/inspection-types';
import { RoundStatusTag, ScoreText } from '../components/inspection-tags';
import { RoundFormDrawer } from '../components/round-form-drawer';

export default function RoundsPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const list = useUrlListState(ROUND_LIST_CODEC);
  const { state, update } = list;
  const query = useRoundList(list.params);
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<RoundListItem> = [
    {
      title: t('inspections.round.name'),
      dataIndex: 'name',
      render: (name: string, r) => (
        <Link to={`/inspection-rounds/${r.id}`} data-testid="round-link">
          {name}
        </Link>
      ),
    },
    {
      title: t('inspections.field.status'),
      dataIndex: 'status',
      width: 90,
      render: (s) => <RoundStatusTag status={s} />,
    },
    {
      title: t('inspections.round.window'),
      key: 'window',
      width: 200,
      render: (_v, r) => t('inspections.round.windowText', { from: r.startsOn, to: r.endsOn }),
    },
    {
      title: t('inspections.round.campaign'),
      dataIndex: 'campaignName',
      width: 180,
      ellipsis: true,
      render: (v) => v ?? '—',
    },
    { title: t('inspections.round.region'), dataIndex: 'regionName', width: 110, ellipsis: true },
    {
      title: t('inspections.round.progress'),
      key: 'progress',
      width: 170,
      render: (_v, r) => (
        <Progress
          size="small"
          percent={r.total > 0 ? Math.round((r.submitted / r.total) * 100) : 0}
          format={() => `${r.submitted}/${r.total}`}
        />
      ),
    },
    {
      title: t('inspections.round.averageScore'),
      dataIndex: 'averageScore',
      width: 90,
      align: 'right',
      render: (s: number | null) => <ScoreText score={s} />,
    },
    {
      title: t('inspections.round.failedItems'),
      dataIndex: 'failedItems',
      width: 90,
      align: 'right',
      render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : 0),
    },
  ];

  return (
    <Card size="small" title={t('menu.inspectionRounds')} data-testid="page-rounds">
      <ListToolbar
        filters={
          <>
            <UrlSearchBox
              value={state.q}
              placeholder={t('inspections.round.searchPlaceholder')}
              onSearch={(q) => update({ q })}
            />
            <Select<RoundStatus>
              allowClear
              placeholder={t('inspections.field.status')}
              style={{ width: 120 }}
              value={state.status}
              onChange={(status) => update({ status: status ?? undefined })}
              options={ROUND_STATUSES.map((s) => ({ value: s, label: t(`inspections.roundStatus.${s}`) }))}
              data-testid="filter-status"
            />
          </>
        }
        actions={
          can('inspection.manage') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="create-button"
            >
              {t('inspections.round.create')}
            </Button>
          ) : null
        }
      />
      <Table<RoundListItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total, t)}
        scroll={{ x: 1000 }}
        locale={{
          emptyText: listEmptyText(query, hasFilters(list.filterParams), {
            empty: t('inspections.round.empty'),
            filtered: t('inspections.round.emptyFiltered'),
          }),
        }}
        data-testid="rounds-table"
      />
      {creating ? (
        <RoundFormDrawer
          template={null}
          onClose={() => setCreating(false)}
          onCreated={(round) => void navigate(`/inspection-rounds/${round.id}`)}
        />
      ) : null}
    </Card>
  );
}
