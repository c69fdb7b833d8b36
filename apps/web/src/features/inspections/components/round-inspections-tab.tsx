// 督查任务 of a round: its inspections (site, type, region, responsible unit, inspector, status,
// score, failed items) with status, inspector, type, unassigned and text filters kept in the URL;
// the office picks rows and assigns them to chosen inspectors (shared out among them).
import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, Flex, Select, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { INSPECTION_STATUSES, type InspectionStatus } from '@cc/common/inspections';
import { useT, type TFunction } from '../../../app/i18n/locale-provider';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { UrlSearchBox } from '../../../shared/components/url-search-box';
import { dash, formatDateTime } from '../../../shared/format';
import { showApiError } from '../../../shared/form-errors';
import { useUrlListState } from '../../../shared/use-url-list-state';
import { ROUND_INSPECTIONS_CODEC } from '../api/list-params';
import { useAssignInspectors, useRoundInspections } from '../api/rounds-api';
import type { InspectionListItem, RoundDetail } from '../api/inspection-types';
import { InspectionStatusTag, ScoreText } from './inspection-tags';
import { InspectorSelect } from './round-plan-tab';

/** The columns a round's inspection tables share (this tab and the results by site). */
export function inspectionColumns(t: TFunction): TableColumnsType<InspectionListItem> {
  return [
    {
      title: t('inspections.site.name'),
      key: 'site',
      render: (_v, i) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/inspections/${i.id}`} data-testid="inspection-link">
            {i.site.name}
          </Link>
          {i.site.address ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {i.site.address}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    { title: t('inspections.site.type'), key: 'type', width: 110, render: (_v, i) => i.site.typeName },
    {
      title: t('inspections.site.region'),
      dataIndex: 'regionName',
      width: 120,
      ellipsis: true,
      render: (v) => dash(v),
    },
    { title: t('inspections.site.unit'), dataIndex: 'unitName', width: 160, ellipsis: true, render: (v) => dash(v) },
    {
      title: t('inspections.inspection.inspector'),
      key: 'inspector',
      width: 110,
      render: (_v, i) =>
        i.inspector?.name ?? <Typography.Text type="warning">{t('inspections.unassigned')}</Typography.Text>,
    },
    {
      title: t('inspections.field.status'),
      dataIndex: 'status',
      width: 90,
      render: (s) => <InspectionStatusTag status={s} />,
    },
    {
      title: t('inspections.inspection.score'),
      dataIndex: 'score',
      width: 80,
      align: 'right',
      render: (s: number | null) => <ScoreText score={s} />,
    },
    {
      title: t('inspections.inspection.failed'),
      dataIndex: 'failed',
      width: 80,
      align: 'right',
      render: (n: number | null) => (n ? <Tag color="red">{n}</Tag> : dash(n)),
    },
    {
      title: t('inspections.inspection.submittedAt'),
      dataIndex: 'submittedAt',
      width: 140,
      render: (v) => formatDateTime(v),
    },
  ];
}

export function RoundInspectionsTab({ round }: { round: RoundDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const list = useUrlListState(ROUND_INSPECTIONS_CODEC);
  const { state, update } = list;
  const query = useRoundInspections(round.id, list.params);
  const assign = useAssignInspectors(round.id);
  const [selected, setSelected] = useState<number[]>([]);
  const [inspectors, setInspectors] = useState<number[]>([]);
  const canAssign = round.canManage && round.status !== 'closed';

  const run = () =>
    assign.mutate(
      { inspectorIds: inspectors, inspectionIds: selected },
      {
        onSuccess: () => {
          void message.success(t('inspections.round.assigned', { count: selected.length }));
          setSelected([]);
        },
        onError: (error) => showApiError(error, message),
      },
    );

  return (
    <Card size="small" data-testid="round-inspections">
      <ListToolbar
        filters={
          <>
            <UrlSearchBox
              value={state.q}
              placeholder={t('inspections.site.searchPlaceholder')}
              onSearch={(q) => update({ q })}
            />
            <Select<InspectionStatus>
              allowClear
              placeholder={t('inspections.field.status')}
              style={{ width: 110 }}
              value={state.status}
              onChange={(status) => update({ status: status ?? undefined })}
              options={INSPECTION_STATUSES.map((s) => ({ value: s, label: t(`inspections.status.${s}`) }))}
              data-testid="filter-status"
            />
            <Select<string>
              allowClear
              placeholder={t('inspections.site.type')}
              style={{ width: 140 }}
              value={state.typeCode}
              onChange={(typeCode) => update({ typeCode: typeCode ?? undefined })}
              options={round.byType.map((x) => ({ value: x.typeCode, label: x.typeName }))}
            />
            <Select<number>
              allowClear
              disabled={state.unassigned}
              placeholder={t('inspections.inspection.inspector')}
              style={{ width: 140 }}
              value={state.inspectorId}
              onChange={(inspectorId) => update({ inspectorId: inspectorId ?? undefined })}
              options={round.inspectors.map((i) => ({ value: i.userId, label: i.name }))}
              data-testid="filter-inspector"
            />
            <Space size={6}>
              <Switch
                size="small"
                checked={!!state.unassigned}
                onChange={(on) => update({ unassigned: on || undefined })}
                data-testid="filter-unassigned"
              />
              <Typography.Text>{t('inspections.round.onlyUnassigned')}</Typography.Text>
            </Space>
          </>
        }
      />
      {canAssign && selected.length > 0 ? (
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <Typography.Text>{t('inspections.round.selected', { count: selected.length })}</Typography.Text>
          <InspectorSelect value={inspectors} onChange={setInspectors} testId="assign-selected-inspectors" />
          <Button
            type="primary"
            icon={<TeamOutlined />}
            disabled={inspectors.length === 0}
            loading={assign.isPending}
            onClick={run}
            data-testid="assign-selected"
          >
            {t('inspections.round.assignSelected')}
          </Button>
        </Flex>
      ) : null}
      <Table<InspectionListItem>
        rowKey="id"
        size="small"
        columns={inspectionColumns(t)}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={list.pagination(query.data?.total, t)}
        rowSelection={
          canAssign
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(Number)),
                getCheckboxProps: (i) => ({ disabled: i.status === 'submitted' }),
              }
            : undefined
        }
        scroll={{ x: 1100 }}
        locale={{ emptyText: query.isError ? query.error.message : t('inspections.round.noInspections') }}
        data-testid="round-inspections-table"
      />
    </Card>
  );
}
