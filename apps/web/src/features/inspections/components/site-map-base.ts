// What the two site maps share (the registry's map and the point picker of the site form): a
// plain lng/lat plane without tiles, drawn at equal scale (north up, a degree of longitude
// cos(latitude) of a degree of latitude on screen) for the chart's size, zoomed by wheel or pinch
// and panned by dragging (dataZoom inside, both axes). Only loaded with the lazy map chunks.
import { boundsOf, ensureSpan, equalScaleExtent, type Bounds, type LngLat } from '../../../shared/charts/map-geometry';
import type { ChartOption } from '../../../shared/charts/echarts-core';
import type { ChartSize } from '../../../shared/charts/use-echarts';

export interface MapFrame {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The drawn area's bounds for these points (grown to a minimal span), or null without points. */
export function mapBounds(points: readonly LngLat[], minSpan?: number): Bounds | null {
  const raw = boundsOf(points);
  return raw ? ensureSpan(raw, minSpan) : null;
}

/** Grid, hidden value axes at equal scale and the inside zoom of a map option. */
export function mapAxes(bounds: Bounds, size: ChartSize, frame: MapFrame, padding = 24): ChartOption {
  const view = equalScaleExtent(
    bounds,
    size.width - frame.left - frame.right,
    size.height - frame.top - frame.bottom,
    padding,
  );
  return {
    animation: false,
    grid: { ...frame, outerBoundsMode: 'none' },
    xAxis: { type: 'value', min: view.minLng, max: view.maxLng, show: false },
    yAxis: { type: 'value', min: view.minLat, max: view.maxLat, show: false },
    dataZoom: [
      { type: 'inside', xAxisIndex: 0, filterMode: 'none', minSpan: 1 },
      { type: 'inside', yAxisIndex: 0, filterMode: 'none', minSpan: 1 },
    ],
  };
}
