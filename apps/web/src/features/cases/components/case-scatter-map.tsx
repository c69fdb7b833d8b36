// The case map drawn with ECharts on a lng/lat plane (no tiles are available offline): grid
// outlines as a custom series of polygons, open cases as one scatter series per state group
// (overdue on top, in red) on value axes of longitude and latitude. Wheel or the buttons zoom,
// dragging pans (dataZoom inside, x and y in step), hovering shows the case, clicking opens it;
// the legend toggles groups. Coordinates are kept honest: north up, equal scale — the axis ranges
// are chosen for the chart's size so that a degree of longitude is cos(latitude) of a degree of
// latitude on screen (see map-geometry.ts).
import { useCallback, useEffect, useMemo } from 'react';
import { Button, Empty, Space, Tooltip } from 'antd';
import { AimOutlined, MinusOutlined, PlusOutlined } from '@ant-design/icons';
import type { CaseStatus } from '@cc/common/cases';
import { useT, type TFunction } from '../../../app/i18n/locale-provider';
import type { MessageKey } from '../../../app/i18n/catalogues';
import type { MapGrid, MapPoint } from '../api/cases-admin-api';
import {
  boundsOf,
  ensureSpan,
  equalScaleExtent,
  polygonRings,
  ringsPath,
  type Bounds,
  type LngLat,
} from '../../../shared/charts/map-geometry';
import {
  encodeHTML,
  type ChartOption,
  type ECElementEvent,
  type EChartsType,
} from '../../../shared/charts/echarts-core';
import { useECharts, type ChartSize } from '../../../shared/charts/use-echarts';

const HEIGHT = 600;
/** Chart grid (the plotting area) inside the container: room for the legend and the zoom buttons. */
const PLOT = { left: 8, right: 44, top: 36, bottom: 8 };
/** Free room around the data inside the plotting area, in px. */
const PADDING = 24;
/** Smallest window, in % of the whole extent (≈ 60× zoom). */
const MIN_SPAN = 1.5;
const ZOOM_STEP = 1.5;
/** Grid names are always written when there are this few grids, else once a grid is this wide. */
const ALL_LABELS_UP_TO = 40;
const LABEL_MIN_WIDTH = 56;

export type PointGroup = 'overdue' | 'intake' | 'dispatched' | 'working' | 'checking' | 'other';

export const POINT_GROUPS: PointGroup[] = ['overdue', 'dispatched', 'working', 'intake', 'checking', 'other'];

export const GROUP_COLORS: Record<PointGroup, string> = {
  overdue: '#cf1322',
  intake: '#722ed1',
  dispatched: '#fa8c16',
  working: '#1677ff',
  checking: '#13a8a8',
  other: '#8c8c8c',
};

const GROUP_LABELS: Record<PointGroup, MessageKey> = {
  overdue: 'cases.map.group.overdue',
  intake: 'cases.map.group.intake',
  dispatched: 'cases.map.group.dispatched',
  working: 'cases.map.group.working',
  checking: 'cases.map.group.checking',
  other: 'cases.map.group.other',
};

const STATUS_GROUP: Partial<Record<CaseStatus, PointGroup>> = {
  reported: 'intake',
  checked: 'intake',
  registered: 'intake',
  returned: 'intake',
  dispatched: 'dispatched',
  accepted: 'working',
  rework: 'working',
  handled: 'checking',
  verified: 'checking',
};

export function groupOf(p: Pick<MapPoint, 'status' | 'overdue'>): PointGroup {
  return p.overdue ? 'overdue' : (STATUS_GROUP[p.status] ?? 'other');
}

interface GridShape {
  name: string;
  rings: LngLat[][];
  /** Bounds of the outer ring, for the label. */
  box: Bounds;
}

interface Shapes {
  /** Everything drawn, grown to a minimal size. */
  bounds: Bounds;
  grids: GridShape[];
  groups: Record<PointGroup, MapPoint[]>;
  byId: Map<number, MapPoint>;
}

function shapesOf(grids: MapGrid[], points: MapPoint[]): Shapes | null {
  const gridShapes = grids
    .map((g) => ({ name: g.name, rings: polygonRings(g.polygon) }))
    .filter((g) => g.rings.length > 0)
    .map((g) => ({ ...g, box: boundsOf(g.rings[0])! }));
  const all: LngLat[] = [...gridShapes.flatMap((g) => g.rings.flat()), ...points.map((p) => [p.lng, p.lat] as LngLat)];
  const raw = boundsOf(all);
  if (!raw) return null;
  const groups = Object.fromEntries(POINT_GROUPS.map((g) => [g, [] as MapPoint[]])) as Record<PointGroup, MapPoint[]>;
  for (const p of points) groups[groupOf(p)].push(p);
  return { bounds: ensureSpan(raw), grids: gridShapes, groups, byId: new Map(points.map((p) => [p.id, p])) };
}

/** Value layout of a scatter item: [lng, lat, case id]. */
type PointValue = [number, number, number];

function pointTooltip(p: MapPoint, marker: string, t: TFunction): string {
  const status = t(`case.status.${p.status}`) + (p.overdue ? ` · ${t('case.overdue')}` : '');
  return [
    `${marker}#${p.id} · ${encodeHTML(p.categoryName)}`,
    encodeHTML(status),
    `<span style="opacity:0.7">${encodeHTML(t('cases.map.clickToOpen'))}</span>`,
  ].join('<br/>');
}

function mapOption(shapes: Shapes, size: ChartSize, t: TFunction): ChartOption {
  const plotWidth = size.width - PLOT.left - PLOT.right;
  const plotHeight = size.height - PLOT.top - PLOT.bottom;
  const view = equalScaleExtent(shapes.bounds, plotWidth, plotHeight, PADDING);
  const allLabels = shapes.grids.length <= ALL_LABELS_UP_TO;
  const labelOf = (g: PointGroup) => t(GROUP_LABELS[g]);
  const countByName = new Map(POINT_GROUPS.map((g) => [labelOf(g), shapes.groups[g].length]));

  return {
    animation: false, // outlines are redrawn on every zoom step; points should move with them
    grid: { ...PLOT, outerBoundsMode: 'none' },
    xAxis: { type: 'value', min: view.minLng, max: view.maxLng, show: false },
    yAxis: { type: 'value', min: view.minLat, max: view.maxLat, show: false },
    dataZoom: [
      { type: 'inside', id: 'zoom-lng', xAxisIndex: 0, filterMode: 'none', minSpan: MIN_SPAN },
      { type: 'inside', id: 'zoom-lat', yAxisIndex: 0, filterMode: 'none', minSpan: MIN_SPAN },
    ],
    legend: {
      type: 'scroll',
      left: 0,
      right: PLOT.right,
      top: 4,
      icon: 'circle',
      itemWidth: 10,
      itemHeight: 10,
      itemGap: 16,
      data: POINT_GROUPS.map(labelOf),
      formatter: (name) => `${name}（${countByName.get(name) ?? 0}）`,
    },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        if (!item) return '';
        if (item.seriesType === 'custom') return encodeHTML(item.name);
        const point = shapes.byId.get((item.value as PointValue)[2]);
        return point ? pointTooltip(point, typeof item.marker === 'string' ? item.marker : '', t) : '';
      },
    },
    series: [
      {
        id: 'grids',
        type: 'custom',
        coordinateSystem: 'cartesian2d',
        clip: true,
        z: 1,
        // [centre lng, centre lat, index in shapes.grids]
        data: shapes.grids.map((g, i) => ({
          name: g.name,
          value: [(g.box.minLng + g.box.maxLng) / 2, (g.box.minLat + g.box.maxLat) / 2, i],
        })),
        encode: { x: 0, y: 1 },
        renderItem: (_params, api) => {
          const grid = shapes.grids[Number(api.value(2))];
          if (!grid) return null;
          const project = (lng: number, lat: number): [number, number] => {
            const [x, y] = api.coord([lng, lat]);
            return [x, y];
          };
          const [x0] = project(grid.box.minLng, grid.box.minLat);
          const [x1] = project(grid.box.maxLng, grid.box.maxLat);
          const [cx, cy] = project(Number(api.value(0)), Number(api.value(1)));
          return {
            type: 'group',
            children: [
              {
                type: 'path',
                shape: { pathData: ringsPath(grid.rings, project) },
                style: { fill: 'rgba(230,244,255,0.35)', stroke: '#69b1ff', lineWidth: 1 },
              },
              ...(allLabels || Math.abs(x1 - x0) >= LABEL_MIN_WIDTH
                ? [
                    {
                      type: 'text' as const,
                      silent: true,
                      style: {
                        text: grid.name,
                        x: cx,
                        y: cy,
                        align: 'center' as const,
                        verticalAlign: 'middle' as const,
                        fill: '#8c8c8c',
                        fontSize: 11,
                      },
                    },
                  ]
                : []),
            ],
          };
        },
      },
      // one series per group, always all of them, so the legend keeps its state across updates;
      // overdue ones are drawn on top
      ...POINT_GROUPS.map((g) => ({
        id: `points-${g}`,
        type: 'scatter' as const,
        name: labelOf(g),
        z: g === 'overdue' ? 4 : 3,
        symbolSize: g === 'overdue' ? 11 : 9,
        cursor: 'pointer',
        itemStyle: { color: GROUP_COLORS[g], opacity: 0.85, borderColor: '#fff', borderWidth: 1 },
        emphasis: { scale: 1.4, itemStyle: { opacity: 1 } },
        data: shapes.groups[g].map((p): PointValue => [p.lng, p.lat, p.id]),
      })),
    ],
  };
}

/** Zooms both axes by `factor` (> 1 in) around the middle of the current window; 0 resets. */
function zoomBy(chart: EChartsType | null, factor: number) {
  if (!chart) return;
  const zooms = (chart.getOption().dataZoom ?? []) as { id?: string; start?: number; end?: number }[];
  if (zooms.length === 0) return; // no option yet
  chart.dispatchAction({
    type: 'dataZoom',
    batch: zooms.map((z) => {
      if (factor === 0) return { dataZoomId: z.id, start: 0, end: 100 };
      const start = z.start ?? 0;
      const end = z.end ?? 100;
      const span = Math.min(100, Math.max(MIN_SPAN, (end - start) / factor));
      const mid = (start + end) / 2;
      const from = Math.min(100 - span, Math.max(0, mid - span / 2));
      return { dataZoomId: z.id, start: from, end: from + span };
    }),
  });
}

export interface CaseScatterMapProps {
  grids: MapGrid[];
  points: MapPoint[];
  onOpen: (id: number) => void;
}

export function CaseScatterMap({ grids, points, onOpen }: CaseScatterMapProps) {
  const t = useT();
  const shapes = useMemo(() => shapesOf(grids, points), [grids, points]);
  const buildOption = useCallback((size: ChartSize) => (shapes ? mapOption(shapes, size, t) : null), [shapes, t]);
  const { ref, chart } = useECharts(buildOption, {
    onClick: (e: ECElementEvent) => {
      if (e.componentType === 'series' && e.seriesType === 'scatter') onOpen((e.value as PointValue)[2]);
    },
  });

  // New data (another region or category): show all of it again.
  useEffect(() => zoomBy(chart.current, 0), [shapes, chart]);

  if (!shapes) {
    return <Empty description={t('cases.map.empty')} style={{ padding: 48 }} />;
  }

  return (
    <div style={{ position: 'relative', border: '1px solid #f0f0f0', borderRadius: 6, background: '#fbfcfd' }}>
      <div
        ref={ref}
        role="img"
        aria-label={t('menu.caseMap')}
        data-testid="case-map"
        data-points={points.length}
        data-grids={shapes.grids.length}
        style={{ width: '100%', height: HEIGHT }}
      />
      <Space orientation="vertical" size={4} style={{ position: 'absolute', right: 8, top: 8 }}>
        <Tooltip title={t('cases.map.zoomIn')} placement="left">
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => zoomBy(chart.current, ZOOM_STEP)}
            aria-label={t('cases.map.zoomIn')}
          />
        </Tooltip>
        <Tooltip title={t('cases.map.zoomOut')} placement="left">
          <Button
            size="small"
            icon={<MinusOutlined />}
            onClick={() => zoomBy(chart.current, 1 / ZOOM_STEP)}
            aria-label={t('cases.map.zoomOut')}
          />
        </Tooltip>
        <Tooltip title={t('cases.map.resetView')} placement="left">
          <Button
            size="small"
            icon={<AimOutlined />}
            onClick={() => zoomBy(chart.current, 0)}
            aria-label={t('cases.map.resetView')}
          />
        </Tooltip>
      </Space>
    </div>
  );
}
