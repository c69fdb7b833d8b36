// The compliance rate of the rows shown (at most the first 20) as horizontal bars, loaded lazily
// with ECharts so the chart library stays out of the page's first download.
import { useMemo } from 'react';
import { encodeHTML, type ChartOption } from '../../../shared/charts/echarts-core';
import { useECharts } from '../../../shared/charts/use-echarts';
import { useT } from '../../../app/i18n/locale-provider';
import { ratePercent } from '../api/volunteer-format';
import type { ComplianceRow } from '../api/volunteer-types';

export const CHART_ROWS = 20;

export default function ComplianceChart({ rows }: { rows: ComplianceRow[] }) {
  const t = useT();
  const shown = useMemo(() => rows.slice(0, CHART_ROWS), [rows]);
  const option = useMemo<ChartOption>(() => {
    const rateLabel = t('volunteers.compliance.rate');
    return {
      animationDuration: 300,
      grid: { left: 8, right: 56, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        formatter: (params) => {
          const index = Array.isArray(params) ? (params[0]?.dataIndex ?? -1) : params.dataIndex;
          const row = shown[index];
          if (!row) return '';
          return `<b>${encodeHTML(row.name)}</b><br/>${encodeHTML(rateLabel)}：${ratePercent(row.rate) ?? '—'}%（${row.itemsDone}/${row.members * 5}）`;
        },
      },
      xAxis: {
        type: 'value',
        max: 100,
        axisLabel: { formatter: '{value}%', color: '#8c8c8c' },
        splitLine: { lineStyle: { color: '#f0f0f0' } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: shown.map((r) => r.name),
        axisTick: { show: false },
        axisLabel: { width: 140, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 16,
          itemStyle: { color: '#c0392b', borderRadius: 2 },
          label: { show: true, position: 'right', formatter: (p) => `${Number(p.value).toFixed(1)}%`, fontSize: 11 },
          data: shown.map((r) => ratePercent(r.rate) ?? 0),
        },
      ],
    };
  }, [shown, t]);
  const { ref } = useECharts(option, { setOptionOpts: { notMerge: true } });
  return (
    <div
      ref={ref}
      style={{ width: '100%', height: Math.max(120, 40 + shown.length * 26) }}
      data-testid="compliance-chart"
    />
  );
}
