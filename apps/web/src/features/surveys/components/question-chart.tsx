// A question's distribution as bars (loaded lazily with ECharts): the share of each option (or
// rating value) with its count in the tooltip; a matrix as one stacked bar per row.
import { useMemo } from 'react';
import { useT } from '../../../app/i18n/locale-provider';
import { encodeHTML, type ChartOption } from '../../../shared/charts/echarts-core';
import { useECharts } from '../../../shared/charts/use-echarts';
import type { QuestionResult } from '../api/survey-types';

const PALETTE = ['#c0392b', '#e67e22', '#f1c40f', '#7f8c8d', '#2c3e50', '#bdc3c7', '#16a085', '#8e44ad'];

export default function QuestionChart({ question }: { question: QuestionResult }) {
  const t = useT();
  const option = useMemo<ChartOption>(() => {
    const count = t('surveys.results.count');
    if (question.type === 'matrix') {
      return {
        animationDuration: 300,
        grid: { left: 8, right: 16, top: 28, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
        legend: { top: 0, data: question.options.map((o) => o.label) },
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          confine: true,
          valueFormatter: (v) => `${Number(v).toFixed(1)}%`,
        },
        xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%', color: '#8c8c8c' } },
        yAxis: {
          type: 'category',
          inverse: true,
          data: question.rows.map((r) => r.label),
          axisLabel: { width: 110, overflow: 'truncate' },
        },
        series: question.options.map((o, i) => ({
          name: o.label,
          type: 'bar' as const,
          stack: 'rows',
          barMaxWidth: 18,
          itemStyle: { color: PALETTE[i % PALETTE.length] },
          data: question.rows.map((r) => Number((r.options.find((c) => c.code === o.code)?.percent ?? 0).toFixed(1))),
        })),
      };
    }
    return {
      animationDuration: 300,
      grid: { left: 8, right: 56, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        formatter: (params) => {
          const index = Array.isArray(params) ? (params[0]?.dataIndex ?? -1) : params.dataIndex;
          const o = question.options[index];
          if (!o) return '';
          return `<b>${encodeHTML(o.label)}</b><br/>${encodeHTML(count)}：${o.count}（${o.percent.toFixed(1)}%）`;
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
        data: question.options.map((o) => o.label),
        axisTick: { show: false },
        axisLabel: { width: 120, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 16,
          itemStyle: { color: '#c0392b', borderRadius: 2 },
          label: { show: true, position: 'right', formatter: (p) => `${Number(p.value).toFixed(1)}%`, fontSize: 11 },
          data: question.options.map((o) => Number(o.percent.toFixed(1))),
        },
      ],
    };
  }, [question, t]);
  const { ref } = useECharts(option, { setOptionOpts: { notMerge: true } });
  const bars = question.type === 'matrix' ? question.rows.length : question.options.length;
  return (
    <div ref={ref} style={{ width: '100%', height: Math.max(120, 40 + bars * 28) }} data-testid="question-chart" />
  );
}
