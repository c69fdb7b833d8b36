// A horizontal bar per group for a rate between 0 and 1 (e.g. 按期结案率), drawn with ECharts as
// percentages: green from 90 %, gold from 70 %, red below, a dashed line at 90 %, the rate written
// after each bar and the hint (e.g. closed on time / due) in the tooltip. Groups with nothing to
// measure show "—" and no bar. The chart grows with the number of groups.
import { useMemo } from 'react';
import { Empty, Typography } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { formatRate } from '../api/metrics-format';
import { encodeHTML, type ChartOption } from '../../../shared/charts/echarts-core';
import { useECharts } from '../../../shared/charts/use-echarts';

export interface RateBar {
  key: string;
  label: string;
  value: number | null;
  hint?: string;
}

const ROW_HEIGHT = 28;
const CHROME_HEIGHT = 48; // top padding + the percent axis below the bars
const LABEL_WIDTH = 140;

function colorOf(value: number): string {
  if (value >= 0.9) return '#52c41a';
  if (value >= 0.7) return '#faad14';
  return '#f5222d';
}

const describe = (b: RateBar) =>
  b.hint ? `${b.label}：${formatRate(b.value)}（${b.hint}）` : `${b.label}：${formatRate(b.value)}`;

function rateOption(bars: RateBar[]): ChartOption {
  return {
    animationDuration: 300,
    grid: { left: 8, right: 64, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: {
      trigger: 'axis', // the whole row answers, also for a group without a bar
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params) => {
        const bar = bars[Array.isArray(params) ? (params[0]?.dataIndex ?? -1) : params.dataIndex];
        if (!bar) return '';
        const head = `${encodeHTML(bar.label)}：<b>${formatRate(bar.value)}</b>`;
        return bar.hint ? `${head}<br/>${encodeHTML(bar.hint)}` : head;
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      interval: 20,
      axisLabel: { formatter: '{value}%', color: '#8c8c8c' },
      splitLine: { lineStyle: { color: '#f0f0f0' } },
    },
    yAxis: {
      type: 'category',
      inverse: true, // first group on top, as in the table
      data: bars.map((b) => b.label),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#d9d9d9' } },
      axisLabel: { width: LABEL_WIDTH, overflow: 'truncate', color: 'rgba(0,0,0,0.88)', fontSize: 13 },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 16,
        showBackground: true,
        backgroundStyle: { color: '#f5f5f5', borderRadius: 2 },
        itemStyle: { borderRadius: 2 },
        // a group with no rate gets an empty bar that still carries its "—" label and tooltip
        data: bars.map((b) =>
          b.value === null
            ? { value: 0, itemStyle: { color: 'transparent' } }
            : {
                value: Math.round(Math.max(0, Math.min(1, b.value)) * 1000) / 10,
                itemStyle: { color: colorOf(b.value) },
              },
        ),
        label: {
          show: true,
          position: 'right',
          color: 'rgba(0,0,0,0.88)',
          fontSize: 13,
          formatter: (params) => formatRate(bars[params.dataIndex]?.value ?? null),
        },
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: false },
          lineStyle: { type: 'dashed', color: '#bfbfbf', width: 1 },
          data: [{ xAxis: 90 }],
        },
      },
    ],
  };
}

export function RateBars({ bars }: { bars: RateBar[] }) {
  const t = useT();
  // Pages map their rows into a new array on every render: rebuild the chart only when the bars
  // themselves change, not on every render of the page.
  const signature = JSON.stringify(bars);
  const option = useMemo(() => {
    const current = JSON.parse(signature) as RateBar[];
    return current.length > 0 ? rateOption(current) : null;
  }, [signature]);
  // a new set of groups replaces the bars outright rather than merging into the old ones
  const { ref } = useECharts(option, { setOptionOpts: { notMerge: true } });
  if (bars.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noData')} />;
  return (
    <div>
      <div
        ref={ref}
        role="img"
        aria-label={bars.map(describe).join('；')}
        data-testid="rate-bars"
        data-bars={bars.length}
        style={{ width: '100%', height: CHROME_HEIGHT + bars.length * ROW_HEIGHT }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 6 }}>
        {t('cases.metrics.chartLegend')}
      </Typography.Text>
    </div>
  );
}
