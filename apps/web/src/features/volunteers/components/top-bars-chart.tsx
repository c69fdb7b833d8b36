// The first rows of a table (at most 20) as horizontal bars — the compliance rates and the
// rankings — loaded lazily with ECharts so the chart library stays out of the page's first
// download. Each bar has a label, a value and a plain-text detail for the tooltip.
import { useMemo } from 'react';
import { encodeHTML, type ChartOption } from '../../../shared/charts/echarts-core';
import { useECharts } from '../../../shared/charts/use-echarts';

const TOP_BARS = 20;

export interface TopBar {
  label: string;
  value: number;
  /** The tooltip's heading, when it is not the label. */
  title?: string;
  detail: string;
}

export default function TopBarsChart({
  bars,
  valueText,
  percent = false,
  testId,
}: {
  bars: TopBar[];
  valueText: (value: number) => string;
  /** Values are percentages: the axis ends at 100 %. */
  percent?: boolean;
  testId: string;
}) {
  const shown = useMemo(() => bars.slice(0, TOP_BARS), [bars]);
  const option = useMemo<ChartOption>(
    () => ({
      animationDuration: 300,
      grid: { left: 8, right: 56, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        formatter: (params) => {
          const index = Array.isArray(params) ? (params[0]?.dataIndex ?? -1) : params.dataIndex;
          const bar = shown[index];
          return bar ? `<b>${encodeHTML(bar.title ?? bar.label)}</b><br/>${encodeHTML(bar.detail)}` : '';
        },
      },
      xAxis: {
        type: 'value',
        ...(percent ? { max: 100 } : {}),
        axisLabel: { ...(percent ? { formatter: '{value}%' } : {}), color: '#8c8c8c' },
        splitLine: { lineStyle: { color: '#f0f0f0' } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: shown.map((b) => b.label),
        axisTick: { show: false },
        axisLabel: { width: 140, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 16,
          itemStyle: { color: '#c0392b', borderRadius: 2 },
          label: { show: true, position: 'right', formatter: (p) => valueText(Number(p.value)), fontSize: 11 },
          data: shown.map((b) => b.value),
        },
      ],
    }),
    [shown, valueText, percent],
  );
  const { ref } = useECharts(option, { setOptionOpts: { notMerge: true } });
  return (
    <div ref={ref} style={{ width: '100%', height: Math.max(120, 40 + shown.length * 26) }} data-testid={testId} />
  );
}
