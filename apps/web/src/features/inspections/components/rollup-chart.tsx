// A round's rollup as bars (loaded lazily with ECharts): the average site score of each row —
// type, district, street or unit — beside the previous round's, lowest first so the weak ones
// stand out; failed items and the change in the tooltip.
import { useMemo } from 'react';
import { Empty } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { encodeHTML, type ChartOption } from '../../../shared/charts/echarts-core';
import { useECharts } from '../../../shared/charts/use-echarts';
import type { RollupRow } from '../api/inspection-types';
import { deltaText, scoreText } from '../api/score-format';

/** Rows beyond this are left to the table (the chart would be unreadable). */
const MAX_BARS = 30;

export default function RollupChart({ rows, hasPrevious }: { rows: RollupRow[]; hasPrevious: boolean }) {
  const t = useT();
  const shown = useMemo(
    () =>
      rows
        .filter((r) => r.averageScore !== null)
        .sort((a, b) => (a.averageScore ?? 0) - (b.averageScore ?? 0))
        .slice(0, MAX_BARS),
    [rows],
  );
  const option = useMemo<ChartOption | null>(() => {
    if (shown.length === 0) return null;
    const current = t('inspections.results.thisRound');
    const previous = t('inspections.results.previousRound');
    return {
      animationDuration: 300,
      grid: { left: 8, right: 24, top: 32, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      legend: { top: 0, data: hasPrevious ? [current, previous] : [current] },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        formatter: (params) => {
          const index = Array.isArray(params) ? (params[0]?.dataIndex ?? -1) : params.dataIndex;
          const r = shown[index];
          if (!r) return '';
          return [
            `<b>${encodeHTML(r.name)}</b>`,
            `${encodeHTML(current)}：${scoreText(r.averageScore)}`,
            ...(hasPrevious
              ? [`${encodeHTML(previous)}：${scoreText(r.previousAverage)}（${deltaText(r.delta)}）`]
              : []),
            encodeHTML(t('inspections.results.tooltipCounts', { inspected: r.inspected, failed: r.failedItems })),
          ].join('<br/>');
        },
      },
      xAxis: {
        type: 'value',
        min: 0,
        max: 100,
        axisLabel: { color: '#8c8c8c' },
        splitLine: { lineStyle: { color: '#f0f0f0' } },
      },
      yAxis: {
        type: 'category',
        data: shown.map((r) => r.name),
        axisTick: { show: false },
        axisLabel: { width: 120, overflow: 'truncate' },
      },
      series: [
        {
          name: current,
          type: 'bar',
          barMaxWidth: 14,
          itemStyle: { color: '#c0392b', borderRadius: 2 },
          label: { show: true, position: 'right', formatter: (p) => scoreText(Number(p.value)), fontSize: 11 },
          data: shown.map((r) => r.averageScore ?? 0),
        },
        ...(hasPrevious
          ? [
              {
                name: previous,
                type: 'bar' as const,
                barMaxWidth: 14,
                itemStyle: { color: '#bfbfbf', borderRadius: 2 },
                data: shown.map((r) => r.previousAverage ?? 0),
              },
            ]
          : []),
      ],
    };
  }, [shown, hasPrevious, t]);
  const { ref } = useECharts(option, { setOptionOpts: { notMerge: true } });
  if (!option) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspections.results.noScores')} />;
  return (
    <div
      ref={ref}
      style={{ height: Math.max(180, 48 + shown.length * (hasPrevious ? 34 : 24)), width: '100%' }}
      data-testid="rollup-chart"
    />
  );
}
