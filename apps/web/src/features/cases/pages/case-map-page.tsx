// 案件地图: open cases with a location drawn over the grid outlines, coloured by state; filter by
// region and category; a dot opens its case. Without map tiles the drawing is a plain lng/lat
// plane — enough to see where problems cluster and which grids have overdue cases.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Card, Skeleton, Space, Typography } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { RegionTreeSelect } from '../../../shared/components/region-tree-select';
import { useCaseMap } from '../api/cases-admin-api';
import { CaseScatterMap } from '../components/case-scatter-map';
import { CategoryTreeSelect } from '../components/category-tree-select';

export default function CaseMapPage() {
  const t = useT();
  const navigate = useNavigate();
  const [regionId, setRegionId] = useState<number | undefined>();
  const [categoryId, setCategoryId] = useState<number | undefined>();
  const query = useCaseMap({ regionId, categoryId });
  const data = query.data;
  const overdue = data?.items.filter((p) => p.overdue).length ?? 0;

  return (
    <Card
      size="small"
      title={t('menu.caseMap')}
      data-testid="page-case-map"
      extra={
        data ? (
          <Typography.Text type="secondary" data-testid="map-summary">
            {t('cases.map.summary', { total: data.items.length, overdue, grids: data.grids.length })}
          </Typography.Text>
        ) : null
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <RegionTreeSelect
          style={{ width: 200 }}
          placeholder={t('cases.field.region')}
          value={regionId}
          onChange={(v) => setRegionId(v ?? undefined)}
        />
        <CategoryTreeSelect
          style={{ width: 200 }}
          placeholder={t('cases.field.category')}
          value={categoryId}
          onChange={(v) => setCategoryId(v ?? undefined)}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('cases.map.help')}
        </Typography.Text>
      </Space>
      {data?.truncated ? (
        <Alert type="warning" showIcon title={t('cases.map.truncated')} style={{ marginBottom: 12 }} />
      ) : null}
      {query.isError ? (
        <Alert type="error" showIcon title={query.error.message} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : (
        <div style={{ opacity: query.isFetching ? 0.6 : 1, transition: 'opacity 0.2s' }}>
          <CaseScatterMap grids={data.grids} points={data.items} onOpen={(id) => void navigate(`/cases/${id}`)} />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
            {t('cases.map.note')}
          </Typography.Paragraph>
        </div>
      )}
    </Card>
  );
}
