// The communities of a drive on a plain map (loaded lazily with ECharts): each community with a
// centre as a dot sized by its target and coloured by its visit rate band (one legend entry per
// band, to toggle); name, street, households and rate on hover. Wheel zooms, dragging pans.
import { useCallback, useMemo } from 'react';
import { Empty } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { encodeHTML, type ChartOption } from '../../../shared/charts/echarts-core';
import { boundsOf, ensureSpan, equalScaleExtent } from '../../../shared/charts/map-geometry';
import { useECharts, type ChartSize } from '../../../shared/charts/use-echarts';
import {
  RATE_BANDS,
  RATE_BAND_COLORS,
  householdsText,
  percentText,
  rateBand,
  type RateBand,
} from '../api/canvass-format';
import type { ProgressRow } from '../api/canvass-types';

const FRAME = { left: 8, right: 8, top: 36, bottom: 8 };

/** [lng, lat, index into the rows] */
type PointValue = [number, number, number];

export default function CommunityRateMap({ rows }: { rows: ProgressRow[] }) {
  const t = useT();
  const placed = useMemo(() => rows.filter((r) => r.centre !== null), [rows]);
  const bounds = useMemo(() => {
    const raw = boundsOf(placed.map((r) => r.centre!));
    return raw ? ensureSpan(raw, 0.01) : null;
  }, [placed]);
  const maxTarget = useMemo(() => Math.max(1, ...placed.map((r) => r.progress.targetHouseholds)), [placed]);

  const build = useCallback(
    (size: ChartSize): ChartOption | null => {
      if (!bounds) return null;
      const view = equalScaleExtent(
        bounds,
        size.width - FRAME.left - FRAME.right,
        size.height - FRAME.top - FRAME.bottom,
        28,
      );
      const label = (b: RateBand) => t(`canvass.rateBand.${b}`);
      const byBand = new Map<RateBand, PointValue[]>(RATE_BANDS.map((b) => [b, []]));
      placed.forEach((r, i) => byBand.get(rateBand(r.progress.rate))!.push([r.centre![0], r.centre![1], i]));
      return {
        animation: false,
        grid: { ...FRAME, outerBoundsMode: 'none' },
        xAxis: { type: 'value', min: view.minLng, max: view.maxLng, show: false },
        yAxis: { type: 'value', min: view.minLat, max: view.maxLat, show: false },
        dataZoom: [
          { type: 'inside', xAxisIndex: 0, filterMode: 'none', minSpan: 1 },
          { type: 'inside', yAxisIndex: 0, filterMode: 'none', minSpan: 1 },
        ],
        legend: {
          top: 4,
          left: 0,
          icon: 'circle',
          itemWidth: 10,
          itemHeight: 10,
          data: RATE_BANDS.map(label),
        },
        tooltip: {
          trigger: 'item',
          confine: true,
          formatter: (params) => {
            const item = Array.isArray(params) ? params[0] : params;
            const r = item ? placed[(item.value as PointValue)[2]] : undefined;
            if (!r) return '';
            return [
              `<b>${encodeHTML(r.name)}</b>`,
              r.parentName ? encodeHTML(r.parentName) : null,
              encodeHTML(
                t('canvass.map.households', { text: householdsText(r.progress), rate: percentText(r.progress.rate) }),
              ),
              encodeHTML(t('canvass.map.opinions', { count: r.opinions })),
            ]
              .filter(Boolean)
              .join('<br/>');
          },
        },
        series: RATE_BANDS.map((b) => ({
          id: `communities-${b}`,
          type: 'scatter' as const,
          name: label(b),
          symbolSize: (value: PointValue) =>
            8 + 16 * Math.sqrt((placed[value[2]]?.progress.targetHouseholds ?? 0) / maxTarget),
          itemStyle: { color: RATE_BAND_COLORS[b], opacity: 0.85, borderColor: '#fff', borderWidth: 1 },
          emphasis: { scale: 1.3 },
          data: byBand.get(b)!,
        })),
      };
    },
    [bounds, placed, maxTarget, t],
  );
  const { ref } = useECharts(build);

  if (!bounds) return <Empty description={t('canvass.map.empty')} style={{ padding: 48 }} />;
  return (
    <div
      ref={ref}
      role="img"
      aria-label={t('canvass.map.title')}
      data-testid="community-map"
      data-points={placed.length}
      style={{ width: '100%', height: 460, border: '1px solid #f0f0f0', borderRadius: 6, background: '#fbfcfd' }}
    />
  );
}
