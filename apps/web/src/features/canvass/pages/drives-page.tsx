// 入户征询活动 (/canvass/drives): every drive the user sees — status, period, region, units and
// communities assigned, coverage (visited / target households), late units and opinions still to
// route or answer — with search and status in the URL; the office creates a drive and lands on it.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Select, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { DRIVE_STATUSES, type DriveStatus } from '@cc/common/canvass';
import { useCan } from '../../../app/auth/use-me';
import { useT } from '../../../app/i18n/locale-provider';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { UrlSearchBox } from '../../../shared/components/url-search-box';
import { listEmptyText } from '../../../shared/list-empty';
import { hasFilters } from '../../../shared/url-params';
import { useUrlListState } from '../../../shared/use-url-list-state';
import { useDriveList } from '../api/canvass-api';
import type { DriveListItem } from '../api/canvass-types';
import { DRIVE_LIST_CODEC } from '../api/list-params';
import { CoverageBar, DriveStatusTag } from '../components/canvass-tags';
import { DriveFormDrawer } from '../components/drive-form-drawer';

export default function DrivesPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const list = useUrlListState(DRIVE_LIST_CODEC);
  const { state, update } = list;
  const query = useDriveList(list.params);
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<DriveListItem> = [
    {
      title: t('canvass.drive.name'),
      dataIndex: 'name',
      render: (name: string, d) => (
        <Link to={`/canvass/drives/${d.id}`} data-testid="drive-link" data-drive-id={d.id}>
          {name}
        </Link>
      ),
    },
    {
      title: t('canvass.drive.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: DriveStatus) => <DriveStatusTag status={s} />,
    },
    {
      title: t('canvass.drive.period'),
      key: 'period',
      width: 200,
      render: (_v, d) => t('canvass.drive.periodText', { from: d.startsOn, to: d.endsOn }),
    },
    { title: t('canvass.drive.region'), key: 'region', width: 110, ellipsis: true, render: (_v, d) => d.region.name },
    {
      title: t('canvass.drive.assigned'),
      key: 'assigned',
      width: 130,
      render: (_v, d) => t('canvass.drive.assignedText', { units: d.unitCount, communities: d.communityCount }),
    },
    {
      title: t('canvass.drive.coverage'),
      key: 'coverage',
      width: 190,
      render: (_v, d) => <CoverageBar progress={d.progress} />,
    },
    {
      title: t('canvass.drive.lateUnits'),
      dataIndex: 'lateUnitCount',
      width: 90,
      align: 'right',
      render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : 0),
    },
    {
      title: t('canvass.drive.opinions'),
      key: 'opinions',
      width: 200,
      render: (_v, d) => (
        <Space size={4} wrap>
          <Tooltip title={t('canvass.counts.total')}>
            <Tag style={{ marginInlineEnd: 0 }}>{d.opinions.total}</Tag>
          </Tooltip>
          {d.opinions.new > 0 ? (
            <Tag color="blue" style={{ marginInlineEnd: 0 }}>
              {t('canvass.counts.newShort', { count: d.opinions.new })}
            </Tag>
          ) : null}
          {d.opinions.overdue > 0 ? (
            <Tag color="red" style={{ marginInlineEnd: 0 }}>
              {t('canvass.counts.overdueShort', { count: d.opinions.overdue })}
            </Tag>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Card size="small" title={t('canvass.menu.drives')} data-testid="page-canvass-drives">
      <ListToolbar
        filters={
          <>
            <UrlSearchBox
              value={state.q}
              placeholder={t('canvass.drive.searchPlaceholder')}
              onSearch={(q) => update({ q })}
            />
            <Select<DriveStatus>
              allowClear
              placeholder={t('canvass.drive.status')}
              style={{ width: 120 }}
              value={state.status}
              onChange={(status) => update({ status: status ?? undefined })}
              options={DRIVE_STATUSES.map((s) => ({ value: s, label: t(`canvass.driveStatus.${s}`) }))}
              data-testid="filter-status"
            />
          </>
        }
        actions={
          can('canvass.manage') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="create-button"
            >
              {t('canvass.drive.create')}
            </Button>
          ) : null
        }
      />
      <Table<DriveListItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total, t)}
        scroll={{ x: 1150 }}
        locale={{
          emptyText: listEmptyText(query, hasFilters(list.filterParams), {
            empty: t('canvass.drive.empty'),
            filtered: t('canvass.drive.emptyFiltered'),
          }),
        }}
        data-testid="drives-table"
      />
      {creating ? (
        <DriveFormDrawer
          drive={null}
          onClose={() => setCreating(false)}
          onSaved={(d) => void navigate(`/canvass/drives/${d.id}`)}
        />
      ) : null}
    </Card>
  );
}
