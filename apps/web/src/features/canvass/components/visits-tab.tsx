// A drive's 走访记录: the visits (newest first) with where, who (name only with consent; phone
// masked), recorder, unit, source (phone or paper batch), materials and opinions; filtered by unit
// or community (in the URL); a row opens the visit.
import { useState } from 'react';
import { Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { UnitSelect } from '../../../shared/components/unit-select';
import { formatDateTime } from '../../../shared/format';
import { listEmptyText } from '../../../shared/list-empty';
import { hasFilters } from '../../../shared/url-params';
import { useUrlListState } from '../../../shared/use-url-list-state';
import { useVisitList } from '../api/canvass-api';
import type { DriveDetail, Visit } from '../api/canvass-types';
import { DRIVE_VISITS_CODEC } from '../api/list-params';
import { CommunitySelect } from './community-select';
import { VisitDrawer } from './visit-drawer';

export function VisitsTab({ drive }: { drive: DriveDetail }) {
  const t = useT();
  const list = useUrlListState(DRIVE_VISITS_CODEC);
  const { state, update } = list;
  const query = useVisitList({ ...list.params, driveId: drive.id });
  const [shown, setShown] = useState<number | null>(null);

  const columns: TableColumnsType<Visit> = [
    {
      title: t('canvass.visit.visitedAt'),
      dataIndex: 'visitedAt',
      width: 150,
      render: (at: string, v) => (
        <Typography.Link onClick={() => setShown(v.id)} data-testid="visit-open">
          {formatDateTime(at)}
        </Typography.Link>
      ),
    },
    {
      title: t('canvass.visit.address'),
      key: 'where',
      render: (_v, v) => [v.community.name, v.building?.name, v.household].filter(Boolean).join(' · '),
    },
    {
      title: t('canvass.visit.interviewee'),
      key: 'who',
      width: 110,
      render: (_v, v) =>
        v.intervieweeName ?? <Typography.Text type="secondary">{t('canvass.visit.anonymous')}</Typography.Text>,
    },
    { title: t('canvass.visit.phone'), dataIndex: 'phoneMasked', width: 130, render: (p: string | null) => p ?? '—' },
    { title: t('canvass.assignment.unit'), key: 'unit', width: 150, ellipsis: true, render: (_v, v) => v.unit.name },
    { title: t('canvass.visit.recorder'), dataIndex: 'recorderName', width: 120, ellipsis: true },
    {
      title: t('canvass.visit.source'),
      dataIndex: 'source',
      width: 90,
      render: (s: Visit['source']) => <Tag>{t(`canvass.source.${s}`)}</Tag>,
    },
    {
      title: t('canvass.visit.opinionsShort'),
      key: 'opinions',
      width: 80,
      align: 'right',
      render: (_v, v) => v.opinions.length,
    },
  ];

  return (
    <Card size="small" data-testid="drive-visits">
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
          </>
        }
      />
      <Table<Visit>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total, t)}
        scroll={{ x: 1050 }}
        locale={{
          emptyText: listEmptyText(query, hasFilters(list.filterParams), {
            empty: t('canvass.visit.empty'),
            filtered: t('canvass.visit.emptyFiltered'),
          }),
        }}
        data-testid="visits-table"
      />
      <VisitDrawer visitId={shown} onClose={() => setShown(null)} />
    </Card>
  );
}
