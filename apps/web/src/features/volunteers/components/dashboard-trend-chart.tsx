// The 五个一 compliance rate of the last 8 weeks as a line, loaded lazily with ECharts (as the
// compliance chart) so the chart library stays out of the dashboard's first download.
import { useMemo } from 'react';
import { encodeHTML, type ChartOption } from '../../../shared/charts/echarts-core';
import { useECharts } from '../../../shared/charts/use-echarts';
import { useT } from '../../../app/i18n/locale-provider';
import { ratePercent } from '../api/volunteer-format';
import type { DashboardWeek } from '../api/volunteer-types';

export default function DashboardTrendChart({ weeks, members }: { weeks: DashboardWeek[]; members: number }) {
  const t = useT();
  const option = useMemo<ChartOption>(() => {
    const rateLabel = t('volunteers.dashboard.rate');
    return {
      animationDuration: 300,
      grid: { left: 8, right: 24, top: 24, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      tooltip: {
        trigger: 'axis',
        confine: true,
        formatter: (params) => {
          const index = Array.isArray(params) ? (params[0]?.dataIndex ?? -1) : params.dataIndex;
          const week = weeks[index];
          if (!week) return '';
          const percent = ratePercent(week.rate);
          return `<b>${encodeHTML(t('volunteers.dashboard.weekOf', { week: week.weekStart }))}</b><br/>${encodeHTML(rateLabel)}：${percent ?? '—'}${percent === null ? '' : '%'}（${week.itemsDone}/${members * 5}）`;
        },
      },
      xAxis: {
        type: 'category',
        boundaryGap: false,
        data: weeks.map((w) => w.weekStart.slice(5)),
        axisTick: { show: false },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: (extent) => Math.min(100, Math.max(10, Math.ceil(extent.max / 10) * 10)),
        axisLabel: { formatter: '{value}%', color: '#8c8c8c' },
        splitLine: { lineStyle: { color: '#f0f0f0' } },
      },
      series: [
        {
          type: 'line',
          smooth: false,
          symbolSize: 6,
          itemStyle: { color: '#c0392b' },
          lineStyle: { color: '#c0392b', width: 2 },
          areaStyle: { color: 'rgba(192, 57, 43, 0.08)' },
          label: { show: true, formatter: (p) => `${Number(p.value).toFixed(1)}%`, fontSize: 11 },
          data: weeks.map((w) => ratePercent(w.rate)),
        },
      ],
    };
  }, [weeks, members, t]);
  const { ref } = useECharts(option, { setOptionOpts: { notMerge: true } });
  return <div ref={ref} style={{ width: '100%', height: 240 }} data-testid="dashboard-trend-chart" />;
}
