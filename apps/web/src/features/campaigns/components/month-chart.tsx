// Progress by month (by the month instances fall due): completion so far and the share of the
// whole plan as grouped bars, with the counts in the tooltip. Loaded lazily by the overview so
// ECharts is only fetched when the chart is shown.
import { useMemo } from 'react';
import { Empty } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { encodeHTML, type ChartOption } from '../../../shared/charts/echarts-core';
import { useECharts } from '../../../shared/charts/use-echarts';
import type { CampaignOverview } from '../api/campaign-types';
import { percentText } from '../api/ledger-format';

export default function MonthChart({ months }: { months: CampaignOverview['byMonth'] }) {
  const t = useT();
  const option = useMemo<ChartOption | null>(() => {
    if (months.length === 0) return null;
    const done = t('campaigns.overview.percent');
    const plan = t('campaigns.overview.planPercent');
    return {
      animationDuration: 300,
      grid: { left: 8, right: 16, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      legend: { top: 0, data: [done, plan] },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        formatter: (params) => {
          const index = Array.isArray(params) ? (params[0]?.dataIndex ?? -1) : params.dataIndex;
          const m = months[index];
          if (!m) return '';
          const c = m.completion;
          return [
            `<b>${encodeHTML(m.month)}</b>`,
            `${encodeHTML(done)}：${percentText(c.percent)}`,
            `${encodeHTML(plan)}：${percentText(c.planPercent)}`,
            encodeHTML(
              t('campaigns.overview.monthCounts', {
                total: c.total,
                accepted: c.accepted,
                submitted: c.submitted,
                overdue: c.overdue,
              }),
            ),
          ].join('<br/>');
        },
      },
      xAxis: {
        type: 'category',
        data: months.map((m) => m.month),
        axisTick: { show: false },
        axisLine: { lineStyle: { color: '#d9d9d9' } },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: 100,
        interval: 25,
        axisLabel: { formatter: '{value}%', color: '#8c8c8c' },
        splitLine: { lineStyle: { color: '#f0f0f0' } },
      },
      series: [
        {
          name: done,
          type: 'bar',
          barMaxWidth: 18,
          itemStyle: { color: '#c0392b', borderRadius: 2 },
          data: months.map((m) => m.completion.percent ?? 0),
        },
        {
          name: plan,
          type: 'bar',
          barMaxWidth: 18,
          itemStyle: { color: '#91caff', borderRadius: 2 },
          data: months.map((m) => m.completion.planPercent ?? 0),
        },
      ],
    };
  }, [months, t]);
  const { ref } = useECharts(option);
  if (!option) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('campaigns.overview.noTasks')} />;
  return <div ref={ref} style={{ height: 280, width: '100%' }} data-testid="month-chart" />;
}
