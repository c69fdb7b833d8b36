// 结果 of a round: the rollup by site type, district, street or responsible unit (the dimension is
// kept in the URL) — sites inspected, average site score, points score, failed items and the
// change against the previous round (↑ green / ↓ red) — as bars (ECharts, lazy) and a table with
// the total, then the results by site (submitted inspections, paged) and the Excel export.
import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router';
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
import { ROLLUP_DIMENSIONS, type RollupDimension } from '@cc/common/inspections';
import { useT } from '../../../app/i18n/locale-provider';
import { ExportButton } from '../../../shared/components/export-button';
import { enumParam } from '../../../shared/url-params';
import { PAGE_SIZE_OPTIONS } from '../../../shared/use-list-state';
import { ROUNDS_PATH, useRollup, useRoundInspections } from '../api/rounds-api';
import type { RollupRow, RoundDetail } from '../api/inspection-types';
import { scoreText } from '../api/score-format';
import { DeltaText, ScoreText } from './inspection-tags';
import { inspectionColumns } from './round-inspections-tab';

const RollupChart = lazy(() => import('./rollup-chart'));

export function RoundResultsTab({ round }: { round: RoundDetail }) {
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const by: RollupDimension = enumParam(search.get('by'), ROLLUP_DIMENSIONS) ?? 'type';
  const rollup = useRollup(round.id, by);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const sites = useRoundInspections(round.id, { status: 'submitted', page, pageSize });
  const data = rollup.data;
  const hasPrevious = !!data?.previousRoundId;

  const columns: TableColumnsType<RollupRow> = [
    {
      title: t(`inspections.results.by.${by}`),
      dataIndex: 'name',
      render: (n: string) => <span data-testid="rollup-name">{n}</span>,
    },
    { title: t('inspections.results.inspected'), dataIndex: 'inspected', width: 90, align: 'right' },
    {
      title: t('inspections.results.averageScore'),
      dataIndex: 'averageScore',
      width: 100,
      align: 'right',
      render: (s: number | null) => <ScoreText score={s} strong />,
    },
    {
      title: t('inspections.results.pointsScore'),
      dataIndex: 'pointsScore',
      width: 100,
      align: 'right',
      render: (s: number | null) => scoreText(s),
    },
    {
      title: t('inspections.results.failedItems'),
      dataIndex: 'failedItems',
      width: 90,
      align: 'right',
      render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : 0),
    },
    {
      title: t('inspections.results.previousAverage'),
      dataIndex: 'previousAverage',
      width: 100,
      align: 'right',
      render: (s: number | null) => scoreText(s),
    },
    {
      title: t('inspections.results.delta'),
      dataIndex: 'delta',
      width: 90,
      align: 'right',
      render: (d: number | null) => <DeltaText delta={d} />,
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="round-results">
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('inspections.results.inspected')} value={data?.total.inspected ?? '—'} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('inspections.results.averageScore')}
              value={scoreText(data?.total.averageScore)}
              styles={{ content: { color: '#c0392b' } }}
            />
            {hasPrevious ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('inspections.results.vsPrevious')} <DeltaText delta={data?.total.delta} />
              </Typography.Text>
            ) : null}
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('inspections.results.pointsScore')} value={scoreText(data?.total.pointsScore)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('inspections.results.failedItems')}
              value={data?.total.failedItems ?? '—'}
              styles={{ content: { color: data && data.total.failedItems > 0 ? '#cf1322' : undefined } }}
            />
          </Card>
        </Col>
      </Row>

      <Card
        size="small"
        title={t('inspections.results.rollup')}
        extra={
          <Segmented<RollupDimension>
            value={by}
            onChange={(next) => setSearch(next === 'type' ? {} : { by: next }, { replace: true })}
            options={ROLLUP_DIMENSIONS.map((d) => ({ value: d, label: t(`inspections.results.by.${d}`) }))}
            data-testid="rollup-by"
          />
        }
      >
        {rollup.isError ? (
          <Typography.Text type="danger">{rollup.error.message}</Typography.Text>
        ) : !data ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : (
          <Flex vertical gap={12} style={{ opacity: rollup.isFetching ? 0.6 : 1 }}>
            {!hasPrevious ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('inspections.results.noPrevious')}
              </Typography.Text>
            ) : null}
            <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
              <RollupChart rows={data.rows} hasPrevious={hasPrevious} />
            </Suspense>
            <Table<RollupRow>
              rowKey="key"
              size="small"
              columns={columns}
              dataSource={data.rows}
              pagination={data.rows.length > 50 ? { pageSize: 50, size: 'small' } : false}
              scroll={{ x: 760 }}
              summary={() => (
                <Table.Summary.Row style={{ fontWeight: 600 }}>
                  <Table.Summary.Cell index={0}>{t('inspections.results.total')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    {data.total.inspected}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    <ScoreText score={data.total.averageScore} strong />
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    {scoreText(data.total.pointsScore)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right">
                    {data.total.failedItems}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={5} align="right">
                    {scoreText(data.total.previousAverage)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={6} align="right">
                    <DeltaText delta={data.total.delta} />
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
              locale={{ emptyText: t('inspections.results.noScores') }}
              data-testid="rollup-table"
            />
          </Flex>
        )}
      </Card>

      <Card
        size="small"
        title={t('inspections.results.bySite')}
        extra={<ExportButton path={`${ROUNDS_PATH}/${round.id}`} params={{}} fileName={round.name} />}
      >
        <Table
          rowKey="id"
          size="small"
          columns={inspectionColumns(t)}
          dataSource={sites.data?.items}
          loading={sites.isFetching}
          pagination={{
            current: page,
            pageSize,
            total: sites.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZE_OPTIONS,
            showTotal: (n) => t('list.total', { total: n }),
            size: 'small',
            onChange: (p, size) => {
              setPage(size !== pageSize ? 1 : p);
              setPageSize(size);
            },
          }}
          scroll={{ x: 1100 }}
          locale={{ emptyText: sites.isError ? sites.error.message : t('inspections.results.noSites') }}
          data-testid="results-by-site"
        />
      </Card>
    </Flex>
  );
}
