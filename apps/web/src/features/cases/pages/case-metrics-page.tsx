// 整改统计: for a month, quarter or year, per unit / region / category / month — received, due,
// closed, closed on time, 结案率, 按期结案率, 返工率, 延期率, escalations and handling time —
// with the total row, a bar per group of 按期结案率 and the formulas spelled out.
import { useState } from 'react';
import { Alert, Card, Col, DatePicker, Row, Segmented, Space, Table, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/locale-provider';
import type { MessageKey } from '../../../app/i18n/catalogues';
import { RegionTreeSelect } from '../../../shared/components/region-tree-select';
import { useCaseMetrics, type MetricsGroupBy, type MetricsRow } from '../api/cases-admin-api';
import { formatHours, formatRate, periodRange, type PeriodKind } from '../api/metrics-format';
import { RateBars } from '../components/rate-bars';

const PERIODS: PeriodKind[] = ['month', 'quarter', 'year'];
const GROUPS: MetricsGroupBy[] = ['unit', 'region', 'category', 'month'];
const PERIOD_LABELS: Record<PeriodKind, MessageKey> = {
  month: 'cases.metrics.period.month',
  quarter: 'cases.metrics.period.quarter',
  year: 'cases.metrics.period.year',
};
const GROUP_LABELS: Record<MetricsGroupBy, MessageKey> = {
  unit: 'cases.metrics.groupBy.unit',
  region: 'cases.metrics.groupBy.region',
  category: 'cases.metrics.groupBy.category',
  month: 'cases.metrics.groupBy.month',
};
const FORMULAS: MessageKey[] = [
  'cases.metrics.formula.close',
  'cases.metrics.formula.onTime',
  'cases.metrics.formula.rework',
  'cases.metrics.formula.extension',
];

type NumberKey = {
  [K in keyof MetricsRow]: MetricsRow[K] extends number | null ? K : never;
}[keyof MetricsRow];

const byNumber = (key: NumberKey) => (a: MetricsRow, b: MetricsRow) => (a[key] ?? -1) - (b[key] ?? -1);

export default function CaseMetricsPage() {
  const t = useT();
  const [kind, setKind] = useState<PeriodKind>('month');
  const [anchor, setAnchor] = useState<Dayjs>(() => dayjs());
  const [groupBy, setGroupBy] = useState<MetricsGroupBy>('unit');
  const [regionId, setRegionId] = useState<number | undefined>();
  const range = periodRange(kind, anchor);
  const query = useCaseMetrics({ groupBy, from: range.from, to: range.to, regionId });
  const data = query.data;
  const labelOf = (row: MetricsRow) => row.label || t('cases.metrics.unassigned');

  const num = (key: NumberKey, title: MessageKey, width = 76): TableColumnsType<MetricsRow>[number] => ({
    title: t(title),
    dataIndex: key,
    width,
    align: 'right',
    sorter: byNumber(key),
  });
  const rateCol = (key: NumberKey, title: MessageKey, strong = false): TableColumnsType<MetricsRow>[number] => ({
    title: t(title),
    dataIndex: key,
    width: strong ? 96 : 80,
    align: 'right',
    sorter: byNumber(key),
    render: (v: number | null) => (strong ? <Typography.Text strong>{formatRate(v)}</Typography.Text> : formatRate(v)),
  });
  const hoursCol = (key: NumberKey, title: MessageKey): TableColumnsType<MetricsRow>[number] => ({
    title: t(title),
    dataIndex: key,
    width: 96,
    align: 'right',
    sorter: byNumber(key),
    render: (v: number | null) => formatHours(v),
  });

  const columns: TableColumnsType<MetricsRow> = [
    {
      title: t(GROUP_LABELS[groupBy]),
      dataIndex: 'label',
      width: 160,
      fixed: 'left',
      ellipsis: true,
      render: (_v, row) => labelOf(row),
    },
    num('received', 'cases.metrics.col.received'),
    num('due', 'cases.metrics.col.due'),
    num('closed', 'cases.metrics.col.closed'),
    num('closedOnTime', 'cases.metrics.col.closedOnTime'),
    rateCol('closeRate', 'cases.metrics.col.closeRate'),
    rateCol('onTimeRate', 'cases.metrics.col.onTimeRate', true),
    rateCol('reworkRate', 'cases.metrics.col.reworkRate'),
    rateCol('extensionRate', 'cases.metrics.col.extensionRate'),
    num('escalated', 'cases.metrics.col.escalated'),
    hoursCol('avgHandlingHours', 'cases.metrics.col.avgHours'),
    hoursCol('p90HandlingHours', 'cases.metrics.col.p90Hours'),
  ];

  const total = data?.total;
  const totalCells: (string | number)[] = total
    ? [
        total.received,
        total.due,
        total.closed,
        total.closedOnTime,
        formatRate(total.closeRate),
        formatRate(total.onTimeRate),
        formatRate(total.reworkRate),
        formatRate(total.extensionRate),
        total.escalated,
        formatHours(total.avgHandlingHours),
        formatHours(total.p90HandlingHours),
      ]
    : [];

  return (
    <div data-testid="page-case-metrics">
      <Card size="small" title={t('menu.caseMetrics')} style={{ marginBottom: 12 }}>
        <Space wrap size={[12, 8]}>
          <Segmented<PeriodKind>
            value={kind}
            onChange={setKind}
            options={PERIODS.map((p) => ({ value: p, label: t(PERIOD_LABELS[p]) }))}
            data-testid="metrics-period-kind"
          />
          <DatePicker
            picker={kind}
            value={anchor}
            allowClear={false}
            onChange={(d) => d && setAnchor(d)}
            // a quarter cell carries its first day; compare by month (dayjs knows no 'quarter' unit without a plugin)
            disabledDate={(d) => d.isAfter(dayjs(), kind === 'year' ? 'year' : 'month')}
            data-testid="metrics-period"
          />
          <Typography.Text type="secondary" data-testid="metrics-range">
            {t('cases.metrics.range', { from: range.from, to: range.to })}
          </Typography.Text>
          <Segmented<MetricsGroupBy>
            value={groupBy}
            onChange={setGroupBy}
            options={GROUPS.map((g) => ({ value: g, label: t(GROUP_LABELS[g]) }))}
            data-testid="metrics-group-by"
          />
          <RegionTreeSelect
            style={{ width: 180 }}
            placeholder={t('cases.metrics.regionAll')}
            value={regionId}
            onChange={(v) => setRegionId(v ?? undefined)}
          />
        </Space>
      </Card>

      {query.isError ? <Alert type="error" showIcon title={query.error.message} style={{ marginBottom: 12 }} /> : null}

      <Card size="small" title={t('cases.metrics.tableTitle')} style={{ marginBottom: 12 }}>
        <Table<MetricsRow>
          rowKey="key"
          size="small"
          bordered
          columns={columns}
          dataSource={data?.rows}
          loading={query.isFetching}
          pagination={false}
          scroll={{ x: 1140, y: 520 }}
          locale={{ emptyText: t('cases.metrics.empty') }}
          data-testid="metrics-table"
          summary={() =>
            total && (data?.rows.length ?? 0) > 0 ? (
              <Table.Summary fixed>
                <Table.Summary.Row style={{ background: '#fafafa', fontWeight: 600 }} data-testid="metrics-total">
                  <Table.Summary.Cell index={0}>{t('cases.metrics.total')}</Table.Summary.Cell>
                  {totalCells.map((v, i) => (
                    <Table.Summary.Cell key={i} index={i + 1} align="right">
                      {v}
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              </Table.Summary>
            ) : null
          }
        />
      </Card>

      <Row gutter={12}>
        <Col xs={24} xl={15}>
          <Card
            size="small"
            title={t('cases.metrics.chartTitle', { group: t(GROUP_LABELS[groupBy]) })}
            style={{ marginBottom: 12 }}
          >
            <RateBars
              bars={(data?.rows ?? []).map((r) => ({
                key: r.key,
                label: labelOf(r),
                value: r.onTimeRate,
                hint: t('cases.metrics.barHint', { onTime: r.closedOnTime, due: r.due }),
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('cases.metrics.formulaTitle')} style={{ marginBottom: 12 }}>
            <ul style={{ margin: 0, paddingInlineStart: 18, lineHeight: 1.9 }} data-testid="metrics-formulas">
              {FORMULAS.map((f) => (
                <li key={f}>{t(f)}</li>
              ))}
            </ul>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
              {t('cases.metrics.formulaNote')}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
