// The site registry as a map (loaded lazily with ECharts): every site with a point as a dot
// coloured by its last score (good / fair / poor / never inspected — one legend entry each, to
// toggle), the name and score on hover, a click opens the site. Wheel zooms, dragging pans.
import { useCallback, useMemo } from 'react';
import { Empty } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { encodeHTML, type ChartOption, type ECElementEvent } from '../../../shared/charts/echarts-core';
import { useECharts, type ChartSize } from '../../../shared/charts/use-echarts';
import type { SiteMapPoint } from '../api/inspection-types';
import { SCORE_BANDS, SCORE_BAND_COLORS, scoreBand, scoreText, type ScoreBand } from '../api/score-format';
import { mapAxes, mapBounds } from './site-map-base';

const FRAME = { left: 8, right: 8, top: 36, bottom: 8 };

/** [lng, lat, site id] */
type PointValue = [number, number, number];

export interface SiteScatterMapProps {
  points: SiteMapPoint[];
  typeNames: ReadonlyMap<string, string>;
  onOpen: (id: number) => void;
}

export default function SiteScatterMap({ points, typeNames, onOpen }: SiteScatterMapProps) {
  const t = useT();
  const bounds = useMemo(() => mapBounds(points.map((p) => [p.lng, p.lat])), [points]);
  const byId = useMemo(() => new Map(points.map((p) => [p.id, p])), [points]);
  const groups = useMemo(() => {
    const g = Object.fromEntries(SCORE_BANDS.map((b) => [b, [] as SiteMapPoint[]])) as Record<
      ScoreBand,
      SiteMapPoint[]
    >;
    for (const p of points) g[scoreBand(p.lastScore)].push(p);
    return g;
  }, [points]);

  const build = useCallback(
    (size: ChartSize): ChartOption | null => {
      if (!bounds) return null;
      const label = (b: ScoreBand) => t(`inspections.scoreBand.${b}`);
      const counts = new Map(SCORE_BANDS.map((b) => [label(b), groups[b].length]));
      return {
        ...mapAxes(bounds, size, FRAME),
        legend: {
          top: 4,
          left: 0,
          icon: 'circle',
          itemWidth: 10,
          itemHeight: 10,
          data: SCORE_BANDS.map(label),
          formatter: (name) => `${name}（${counts.get(name) ?? 0}）`,
        },
        tooltip: {
          trigger: 'item',
          confine: true,
          formatter: (params) => {
            const item = Array.isArray(params) ? params[0] : params;
            const p = item ? byId.get((item.value as PointValue)[2]) : undefined;
            if (!p) return '';
            return [
              `<b>${encodeHTML(p.name)}</b>`,
              encodeHTML(typeNames.get(p.typeCode) ?? p.typeCode),
              encodeHTML(t('inspections.site.lastScoreIs', { score: scoreText(p.lastScore) })),
            ].join('<br/>');
          },
        },
        series: SCORE_BANDS.map((b) => ({
          id: `sites-${b}`,
          type: 'scatter' as const,
          name: label(b),
          symbolSize: 9,
          cursor: 'pointer',
          z: b === 'poor' ? 4 : 3,
          itemStyle: { color: SCORE_BAND_COLORS[b], opacity: 0.85, borderColor: '#fff', borderWidth: 1 },
          emphasis: { scale: 1.5 },
          data: groups[b].map((p): PointValue => [p.lng, p.lat, p.id]),
        })),
      };
    },
    [bounds, groups, byId, typeNames, t],
  );
  const { ref } = useECharts(build, {
    onClick: (e: ECElementEvent) => {
      if (e.componentType === 'series') onOpen((e.value as PointValue)[2]);
    },
  });

  if (!bounds) return <Empty description={t('inspections.site.mapEmpty')} style={{ padding: 48 }} />;
  return (
    <div
      ref={ref}
      role="img"
      aria-label={t('inspections.site.map')}
      data-testid="site-map"
      data-points={points.length}
      style={{ width: '100%', height: 560, border: '1px solid #f0f0f0', borderRadius: 6, background: '#fbfcfd' }}
    />
  );
}
