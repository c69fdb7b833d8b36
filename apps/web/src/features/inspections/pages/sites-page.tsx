// 点位: the site registry — type, region, responsible unit, active and text filters kept in the
// URL with the list / map view — as a table (type, name and address, region, 包保单位, contact,
// last score and inspection) or as a map of the sites coloured by their last score (ECharts,
// loaded lazily). The office registers and edits sites (site.manage), imports and exports them
// with the screen's filters.
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Segmented, Select, Skeleton, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useCan } from '../../../app/auth/use-me';
import { useT } from '../../../app/i18n/locale-provider';
import { ExportButton } from '../../../shared/components/export-button';
import { ImportButton } from '../../../shared/components/import-modal';
import { ListToolbar } from '../../../shared/components/list-toolbar';
import { RegionTreeSelect } from '../../../shared/components/region-tree-select';
import { UnitPicker } from '../../../shared/components/unit-picker';
import { UrlSearchBox } from '../../../shared/components/url-search-box';
import { formatDateTime } from '../../../shared/format';
import { listEmptyText } from '../../../shared/list-empty';
import { hasFilters } from '../../../shared/url-params';
import { useUrlListState } from '../../../shared/use-url-list-state';
import { inspectionsKey, useSiteTypes } from '../api/inspections-api';
import { SITES_PATH, useSiteList, useSiteMap } from '../api/sites-api';
import { SITE_LIST_CODEC, SITE_VIEWS, type SiteView } from '../api/list-params';
import type { ImportResult, Site } from '../api/inspection-types';
import { ScoreText } from '../components/inspection-tags';
import { SiteFormDrawer } from '../components/site-form-drawer';

const SiteScatterMap = lazy(() => import('../components/site-scatter-map'));

export default function SitesPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const manage = can('site.manage');
  const list = useUrlListState(SITE_LIST_CODEC);
  const { state, update } = list;
  const isMap = state.view === 'map';
  const types = useSiteTypes();
  const query = useSiteList(list.params, !isMap);
  const mapParams = useMemo(
    () => ({ typeCode: state.typeCode, regionId: state.regionId, unitId: state.unitId }),
    [state.typeCode, state.regionId, state.unitId],
  );
  const map = useSiteMap(mapParams, isMap);
  const [editing, setEditing] = useState<Site | 'new' | null>(null);
  const typeNames = useMemo(() => new Map((types.data ?? []).map((x) => [x.code, x.name])), [types.data]);

  const columns: TableColumnsType<Site> = [
    {
      title: t('inspections.site.name'),
      dataIndex: 'name',
      render: (name: string, site) => (
        <Space orientation="vertical" size={0}>
          <Space size={6}>
            <Link to={`/sites/${site.id}`} data-testid="site-link">
              {name}
            </Link>
            {site.active ? null : <Tag>{t('inspections.inactive')}</Tag>}
          </Space>
          {site.address ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {site.address}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    { title: t('inspections.site.type'), dataIndex: 'typeName', width: 120 },
    {
      title: t('inspections.site.region'),
      dataIndex: 'regionName',
      width: 140,
      ellipsis: true,
      render: (v) => v ?? '—',
    },
    {
      title: t('inspections.site.unit'),
      dataIndex: 'unitName',
      width: 180,
      ellipsis: true,
      render: (v: string | null) =>
        v ?? <Typography.Text type="warning">{t('inspections.site.noUnit')}</Typography.Text>,
    },
    {
      title: t('inspections.site.contact'),
      key: 'contact',
      width: 150,
      render: (_v, site) => [site.contactName, site.contactPhone].filter(Boolean).join(' ') || '—',
    },
    {
      title: t('inspections.site.lastScore'),
      dataIndex: 'lastScore',
      width: 90,
      align: 'right',
      render: (score: number | null) => <ScoreText score={score} />,
    },
    {
      title: t('inspections.site.lastInspectedAt'),
      dataIndex: 'lastInspectedAt',
      width: 140,
      render: (v: string | null) => formatDateTime(v),
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_v: unknown, site: Site) => (
              <Button size="small" type="link" onClick={() => setEditing(site)}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card size="small" title={t('menu.sites')} data-testid="page-sites">
      <ListToolbar
        filters={
          <>
            <UrlSearchBox
              value={state.q}
              placeholder={t('inspections.site.searchPlaceholder')}
              onSearch={(q) => update({ q })}
            />
            <Select<string>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('inspections.site.type')}
              style={{ width: 150 }}
              value={state.typeCode}
              onChange={(typeCode) => update({ typeCode: typeCode ?? undefined })}
              options={(types.data ?? []).map((x) => ({ value: x.code, label: x.name }))}
              data-testid="filter-type"
            />
            <RegionTreeSelect
              style={{ width: 170 }}
              placeholder={t('inspections.site.region')}
              value={state.regionId ?? null}
              onChange={(regionId) => update({ regionId: regionId ?? undefined })}
            />
            <UnitPicker
              style={{ width: 200 }}
              placeholder={t('inspections.site.unit')}
              value={state.unitId ?? null}
              onChange={(unitId) => update({ unitId: unitId ?? undefined })}
            />
            <Select<'true' | 'false'>
              allowClear
              placeholder={t('inspections.field.active')}
              style={{ width: 110 }}
              value={state.active === undefined ? undefined : state.active ? 'true' : 'false'}
              onChange={(v) => update({ active: v === undefined ? undefined : v === 'true' })}
              options={[
                { value: 'true', label: t('inspections.inUse') },
                { value: 'false', label: t('inspections.inactive') },
              ]}
            />
          </>
        }
        actions={
          <>
            <Segmented<SiteView>
              value={state.view}
              onChange={(view) => update({ view }, true)}
              options={SITE_VIEWS.map((v) => ({ value: v, label: t(`inspections.site.view.${v}`) }))}
              data-testid="site-view"
            />
            {manage ? (
              <ImportButton<ImportResult>
                target={{
                  title: t('inspections.site.importTitle'),
                  templatePath: `${SITES_PATH}/import-template`,
                  templateFileName: `${t('menu.sites')}-template.xlsx`,
                  uploadPath: `${SITES_PATH}/import`,
                  describe: (r) => t('import.success', { inserted: r.inserted, updated: r.updated }),
                  invalidate: [[...inspectionsKey]],
                }}
              />
            ) : null}
            <ExportButton path={SITES_PATH} params={list.filterParams} fileName={t('menu.sites')} />
            {manage ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing('new')}
                data-testid="create-button"
              >
                {t('inspections.site.create')}
              </Button>
            ) : null}
          </>
        }
      />
      {isMap ? (
        map.isError ? (
          <Typography.Text type="danger">{map.error.message}</Typography.Text>
        ) : !map.data ? (
          <Skeleton active paragraph={{ rows: 10 }} />
        ) : (
          <Suspense fallback={<Skeleton active paragraph={{ rows: 10 }} />}>
            <div style={{ opacity: map.isFetching ? 0.6 : 1 }}>
              <SiteScatterMap points={map.data} typeNames={typeNames} onOpen={(id) => void navigate(`/sites/${id}`)} />
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
                {t('inspections.site.mapNote')}
              </Typography.Paragraph>
            </div>
          </Suspense>
        )
      ) : (
        <Table<Site>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={query.data?.items}
          loading={query.isFetching}
          pagination={list.pagination(query.data?.total, t)}
          scroll={{ x: 1100 }}
          locale={{
            emptyText: listEmptyText(query, hasFilters(list.filterParams), {
              empty: t('inspections.site.empty'),
              filtered: t('inspections.site.emptyFiltered'),
            }),
          }}
          data-testid="sites-table"
        />
      )}
      {editing ? (
        <SiteFormDrawer
          site={editing === 'new' ? null : editing}
          defaultTypeCode={state.typeCode}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Card>
  );
}
