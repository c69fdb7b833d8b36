// 区划: the region tree on the left, the selected region's detail on the right; import / export.
import { useEffect, useMemo, useState } from 'react';
import { Button, Card, Col, Flex, Result, Row, Select, Skeleton } from 'antd';
import { REGION_LEVELS, type RegionLevel } from '@cc/common/org';
import { useT } from '../../../app/i18n/locale-provider';
import { useCan } from '../../../app/auth/use-me';
import { useAllRegions } from '../../../shared/org-lookups';
import { ExportButton } from '../../../shared/components/export-button';
import { ImportButton } from '../../../shared/components/import-modal';
import { SearchBox } from '../../../shared/components/search-box';
import { RegionTreePanel } from '../components/region-tree-panel';
import { RegionDetailPanel } from '../components/region-detail-panel';
import { RegionFormModal, type RegionFormMode } from '../components/region-form-modal';

function useTreeHeight(): number {
  const compute = () => Math.max(320, window.innerHeight - 250);
  const [height, setHeight] = useState(compute);
  useEffect(() => {
    const onResize = () => setHeight(compute());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return height;
}

export default function RegionsPage() {
  const t = useT();
  const can = useCan();
  const canWrite = can('org.region.write');
  const regions = useAllRegions();
  const [q, setQ] = useState('');
  const [level, setLevel] = useState<RegionLevel | undefined>(undefined);
  const [pickedId, setPickedId] = useState<number | null>(null);
  const [reveal, setReveal] = useState<number | null>(null);
  const [formMode, setFormMode] = useState<RegionFormMode | null>(null);
  const height = useTreeHeight();

  // Until the user picks one, the top visible region is selected so the detail panel is never blank.
  const rootId = useMemo(() => {
    const list = regions.data ?? [];
    const ids = new Set(list.map((r) => r.id));
    return list.find((r) => r.parentId === null || !ids.has(r.parentId))?.id ?? null;
  }, [regions.data]);
  const selectedId = pickedId ?? rootId;
  const setSelectedId = setPickedId;

  const select = (id: number) => {
    setSelectedId(id);
    setReveal(id);
  };

  return (
    <Card
      size="small"
      title={t('menu.regions')}
      data-testid="page-regions"
      extra={
        <Flex gap={8} wrap>
          {canWrite ? <ImportButton kind="regions" /> : null}
          <ExportButton path="/api/regions" params={{ q, level }} fileName={t('menu.regions')} />
        </Flex>
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={10} xl={9}>
          <Flex gap={8} style={{ marginBottom: 8 }}>
            <div style={{ flex: 1, minWidth: 0 }}>
              <SearchBox
                onSearch={setQ}
                placeholder={t('region.searchPlaceholder')}
                width="100%"
                testId="list-search"
              />
            </div>
            <Select<RegionLevel>
              allowClear
              placeholder={t('region.level')}
              style={{ width: 120, flex: 'none' }}
              value={level}
              onChange={(v) => setLevel(v ?? undefined)}
              options={REGION_LEVELS.map((l) => ({ value: l, label: t(`regionLevel.${l}`) }))}
              data-testid="filter-level"
            />
          </Flex>
          {regions.isPending ? (
            <Skeleton active />
          ) : regions.isError ? (
            <Result
              status="warning"
              subTitle={regions.error.message}
              extra={<Button onClick={() => void regions.refetch()}>{t('common.retry')}</Button>}
            />
          ) : (
            <RegionTreePanel
              regions={regions.data}
              q={q}
              level={level}
              selectedId={selectedId}
              onSelect={setSelectedId}
              reveal={reveal}
              height={height}
            />
          )}
        </Col>
        <Col xs={24} md={14} xl={15}>
          <RegionDetailPanel
            id={selectedId}
            canWrite={canWrite}
            onAddChild={(parent) => setFormMode({ kind: 'create', parent })}
            onEdit={(region) => setFormMode({ kind: 'edit', region })}
            onDeleted={(parentId) => setSelectedId(parentId)}
            onNavigate={select}
          />
        </Col>
      </Row>
      {formMode ? (
        <RegionFormModal
          mode={formMode}
          onClose={() => setFormMode(null)}
          onSaved={(region) => {
            setFormMode(null);
            select(region.id);
          }}
        />
      ) : null}
    </Card>
  );
}
