// The first 20 rows of a ranking as horizontal bars, loaded lazily with ECharts (as the
// compliance chart) so the chart library stays out of the page's first download.
import { useMemo } from 'react';
import { encodeHTML, type ChartOption } from '../../../shared/charts/echarts-core';
import { useECharts } from '../../../shared/charts/use-echarts';
import { useT } from '../../../app/i18n/locale-provider';
import type { RankingBasis, RankingRow } from '../api/volunteer-types';

export const RANKING_CHART_ROWS = 20;

export default function RankingChart({ rows, basis }: { rows: RankingRow[]; basis: RankingBasis }) {
  const t = useT();
  const shown = useMemo(() => rows.slice(0, RANKING_CHART_ROWS), [rows]);
  const option = useMemo<ChartOption>(() => {
    const basisLabel = t(`volunteers.recognition.basis.${basis}`);
    const unit = t(`volunteers.recognition.unit.${basis}`);
    const valueText = (v: number) => (basis === 'hours' ? v.toFixed(1) : String(v));
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
          return `<b>${row.rank}. ${encodeHTML(row.name)}</b><br/>${encodeHTML(basisLabel)}：${valueText(row.value)} ${encodeHTML(unit)}`;
        },
      },
      xAxis: {
        type: 'value',
        axisLabel: { color: '#8c8c8c' },
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
          label: { show: true, position: 'right', formatter: (p) => valueText(Number(p.value)), fontSize: 11 },
          data: shown.map((r) => r.value),
        },
      ],
    };
  }, [shown, basis, t]);
  const { ref } = useECharts(option, { setOptionOpts: { notMerge: true } });
  return (
    <div
      ref={ref}
      style={{ width: '100%', height: Math.max(120, 40 + shown.length * 26) }}
      data-testid="ranking-chart"
    />
  );
}
