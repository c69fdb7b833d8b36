// A drive's 包联分派: every unit → community assignment with its target, buildings, kick-off date,
// coverage and late flags, filtered by unit, community or "late only" (in the URL); the office adds
// assignments in bulk, edits or removes one; the office or the assigned unit records the kick-off.
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Flex,
  Popconfirm,
  Popover,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { DeleteOutlined, EditOutlined, FlagOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useMe } from '../../../app/auth/use-me';
import { useT } from '../../../app/i18n/locale-provider';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { UnitSelect } from '../../../shared/components/unit-select';
import { showApiError } from '../../../shared/form-errors';
import { DATE_FORMAT } from '../../../shared/format';
import { listEmptyText } from '../../../shared/list-empty';
import { hasFilters } from '../../../shared/url-params';
import { useUrlListState } from '../../../shared/use-url-list-state';
import { useAssignments, useDeleteAssignment, useKickoff } from '../api/canvass-api';
import type { Assignment, DriveDetail } from '../api/canvass-types';
import { ASSIGNMENTS_CODEC } from '../api/list-params';
import { AddAssignmentsDrawer, EditAssignmentDrawer } from './assignment-drawers';
import { CoverageBar, LateTag } from './canvass-tags';
import { CommunitySelect } from './community-select';

function KickoffButton({ assignment }: { assignment: Assignment }) {
  const t = useT();
  const { message } = App.useApp();
  const kickoff = useKickoff();
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState<Dayjs | null>(dayjs());
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title={t('canvass.assignment.kickoffTitle')}
      content={
        <Space>
          <DatePicker
            format={DATE_FORMAT}
            value={day}
            onChange={setDay}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
          <Button
            type="primary"
            disabled={!day}
            loading={kickoff.isPending}
            onClick={() =>
              kickoff.mutate(
                { id: assignment.id, on: day!.format(DATE_FORMAT) },
                {
                  onSuccess: () => {
                    setOpen(false);
                    void message.success(t('common.saved'));
                  },
                  onError: (error) => showApiError(error, message),
                },
              )
            }
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Button size="small" icon={<FlagOutlined />} data-testid="assignment-kickoff">
        {assignment.kickedOffOn ? assignment.kickedOffOn : t('canvass.assignment.kickoffRecord')}
      </Button>
    </Popover>
  );
}

export function AssignmentsTab({ drive }: { drive: DriveDetail }) {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const list = useUrlListState(ASSIGNMENTS_CODEC);
  const { state, update } = list;
  const query = useAssignments(drive.id, list.params);
  const remove = useDeleteAssignment();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Assignment | null>(null);
  const mayKickoff = (a: Assignment) => drive.canManage || (me.unitId !== null && me.unitId === a.unit.id);

  const columns: TableColumnsType<Assignment> = [
    { title: t('canvass.assignment.unit'), key: 'unit', render: (_v, a) => a.unit.name },
    {
      title: t('canvass.assignment.community'),
      key: 'community',
      render: (_v, a) => (
        <span>
          {a.community.name}
          {a.community.street ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
              {a.community.street}
            </Typography.Text>
          ) : null}
        </span>
      ),
    },
    {
      title: t('canvass.assignment.buildings'),
      key: 'buildings',
      width: 110,
      render: (_v, a) =>
        a.buildings.length > 0 ? (
          <Popover
            title={t('canvass.assignment.buildings')}
            content={
              <Flex wrap gap={4} style={{ maxWidth: 360 }}>
                {a.buildings.map((b) => (
                  <Tag
                    key={b.id}
                    color={b.targetHouseholds > 0 && b.visitedHouseholds >= b.targetHouseholds ? 'green' : undefined}
                  >
                    {b.name} {b.visitedHouseholds}/{b.targetHouseholds}
                  </Tag>
                ))}
              </Flex>
            }
          >
            <Typography.Link>{t('canvass.assignment.buildingCount', { count: a.buildings.length })}</Typography.Link>
          </Popover>
        ) : (
          '—'
        ),
    },
    {
      title: t('canvass.assignment.kickoff'),
      key: 'kickoff',
      width: 140,
      render: (_v, a) =>
        mayKickoff(a) && drive.status !== 'closed' ? <KickoffButton assignment={a} /> : (a.kickedOffOn ?? '—'),
    },
    {
      title: t('canvass.drive.coverage'),
      key: 'progress',
      width: 190,
      render: (_v, a) => <CoverageBar progress={a.progress} />,
    },
    { title: t('canvass.late.flag'), key: 'late', width: 80, render: (_v, a) => <LateTag reasons={a.lateReasons} /> },
    {
      title: t('canvass.assignment.note'),
      dataIndex: 'note',
      width: 160,
      ellipsis: true,
      render: (n: string | null) => n ?? '—',
    },
    ...(drive.canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 110,
            render: (_v: unknown, a: Assignment) => (
              <Space size={4}>
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing(a)}
                  aria-label={t('common.edit')}
                />
                <Popconfirm
                  title={t('canvass.assignment.removeConfirm')}
                  description={a.progress.visits > 0 ? t('canvass.assignment.removeHasVisits') : undefined}
                  onConfirm={() =>
                    remove.mutate(a.id, {
                      onSuccess: () => void message.success(t('common.deleted')),
                      onError: (error) => showApiError(error, message),
                    })
                  }
                >
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card size="small" data-testid="drive-assignments">
      <ListToolbar
        filters={
          <>
            <div style={{ width: 200 }}>
              <UnitSelect
                allowClear
                value={state.unitId ?? null}
                onChange={(id) => update({ unitId: id ?? undefined })}
                style={{ width: 200 }}
              />
            </div>
            <CommunitySelect value={state.communityId} onChange={(communityId) => update({ communityId })} />
            <Checkbox checked={!!state.late} onChange={(e) => update({ late: e.target.checked || undefined })}>
              {t('canvass.assignment.onlyLate')}
            </Checkbox>
          </>
        }
        actions={
          drive.canManage && drive.status !== 'closed' ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setAdding(true)}
              data-testid="assignments-add"
            >
              {t('canvass.assignment.add')}
            </Button>
          ) : null
        }
      />
      <Table<Assignment>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total, t)}
        scroll={{ x: 1100 }}
        onRow={(a) => (a.late ? { style: { background: '#fff7e6' } } : {})}
        locale={{
          emptyText: listEmptyText(query, hasFilters(list.filterParams), {
            empty: t('canvass.assignment.empty'),
            filtered: t('canvass.assignment.emptyFiltered'),
          }),
        }}
        data-testid="assignments-table"
      />
      {adding ? <AddAssignmentsDrawer driveId={drive.id} onClose={() => setAdding(false)} /> : null}
      {editing ? <EditAssignmentDrawer assignment={editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}
