// A drive's 进度: coverage by unit, by community (with the map of communities coloured by visit
// rate) or by building (narrowed to a unit or a community), each row with target and visited
// households, visits, the rate, the late flag and its opinions; the totals on top.
import { lazy, Suspense, useState } from 'react';
import {
  Card,
  Col,
  Flex,
  Row,
  Segmented,
  Skeleton,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { UnitSelect } from '../../../shared/components/unit-select';
import { useProgress } from '../api/canvass-api';
import { percentText } from '../api/canvass-format';
import { PROGRESS_DIMENSIONS, type DriveDetail, type ProgressDimension, type ProgressRow } from '../api/canvass-types';
import { CoverageBar } from './canvass-tags';
import { CommunitySelect } from './community-select';

const CommunityRateMap = lazy(() => import('./community-rate-map'));

export function ProgressTab({ drive }: { drive: DriveDetail }) {
  const t = useT();
  const [by, setBy] = useState<ProgressDimension>('unit');
  const [unitId, setUnitId] = useState<number | undefined>();
  const [communityId, setCommunityId] = useState<number | undefined>();
  const query = useProgress(
    drive.id,
    by,
    by === 'unit' ? {} : { unitId, communityId: by === 'building' ? communityId : undefined },
  );
  const total = query.data?.total;

  const columns: TableColumnsType<ProgressRow> = [
    {
      title: t(`canvass.progress.by.${by}`),
      key: 'name',
      render: (_v, r) => (
        <span>
          {r.name}
          {r.parentName ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
              {r.parentName}
            </Typography.Text>
          ) : null}
        </span>
      ),
    },
    {
      title: t('canvass.progress.target'),
      key: 'target',
      width: 100,
      align: 'right',
      sorter: (a, b) => a.progress.targetHouseholds - b.progress.targetHouseholds,
      render: (_v, r) => r.progress.targetHouseholds,
    },
    {
      title: t('canvass.progress.visitedHouseholds'),
      key: 'visited',
      width: 110,
      align: 'right',
      sorter: (a, b) => a.progress.visitedHouseholds - b.progress.visitedHouseholds,
      render: (_v, r) => r.progress.visitedHouseholds,
    },
    {
      title: t('canvass.progress.visits'),
      key: 'visits',
      width: 90,
      align: 'right',
      render: (_v, r) => r.progress.visits,
    },
    {
      title: t('canvass.progress.rate'),
      key: 'rate',
      width: 200,
      sorter: (a, b) => (a.progress.rate ?? -1) - (b.progress.rate ?? -1),
      render: (_v, r) => <CoverageBar progress={r.progress} />,
    },
    { title: t('canvass.drive.opinions'), dataIndex: 'opinions', width: 90, align: 'right' },
    {
      title: t('canvass.late.flag'),
      dataIndex: 'late',
      width: 80,
      render: (late: boolean) => (late ? <Tag color="red">{t('canvass.late.flag')}</Tag> : null),
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="drive-progress">
      <Card size="small">
        <Row gutter={[12, 12]}>
          <Col xs={12} md={6}>
            <Statistic title={t('canvass.progress.target')} value={total?.targetHouseholds ?? '—'} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('canvass.progress.visitedHouseholds')} value={total?.visitedHouseholds ?? '—'} />
            <span data-testid="progress-visited" data-value={total?.visitedHouseholds ?? ''} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('canvass.progress.visits')} value={total?.visits ?? '—'} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('canvass.progress.rate')} value={percentText(total?.rate ?? null)} />
          </Col>
        </Row>
      </Card>
      <Card
        size="small"
        title={
          <Segmented<ProgressDimension>
            value={by}
            onChange={setBy}
            options={PROGRESS_DIMENSIONS.map((d) => ({ value: d, label: t(`canvass.progress.by.${d}`) }))}
            data-testid="progress-by"
          />
        }
        extra={
          by !== 'unit' ? (
            <Flex gap={8} wrap>
              <div style={{ width: 200 }}>
                <UnitSelect
                  allowClear
                  value={unitId ?? null}
                  onChange={(id) => setUnitId(id ?? undefined)}
                  style={{ width: 200 }}
                />
              </div>
              {by === 'building' ? <CommunitySelect value={communityId} onChange={setCommunityId} /> : null}
            </Flex>
          ) : null
        }
      >
        {by === 'community' ? (
          <div style={{ marginBottom: 12 }}>
            {query.data ? (
              <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
                <CommunityRateMap rows={query.data.items} />
              </Suspense>
            ) : (
              <Skeleton active paragraph={{ rows: 8 }} />
            )}
          </div>
        ) : null}
        <Table<ProgressRow>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={query.data?.items}
          loading={query.isFetching}
          pagination={{ pageSize: 50, size: 'small', showSizeChanger: false }}
          scroll={{ x: 860 }}
          onRow={(r) => (r.late ? { style: { background: '#fff7e6' } } : {})}
          locale={{ emptyText: query.isError ? query.error.message : t('canvass.progress.empty') }}
          data-testid="progress-table"
        />
      </Card>
    </Flex>
  );
}
