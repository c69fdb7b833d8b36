// The site form's small map (loaded lazily with ECharts): the other sites around as grey dots for
// orientation and the chosen point as a red pin; a click anywhere on the plane picks that point.
// Wheel zooms and dragging pans, to pick precisely. Without tiles this is a plain lng/lat plane.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Typography } from 'antd';
import { useT } from '../../../app/i18n/locale-provider';
import { roundCoordinate } from '../../../shared/geolocation';
import { encodeHTML, type ChartOption } from '../../../shared/charts/echarts-core';
import { useECharts, type ChartSize } from '../../../shared/charts/use-echarts';
import type { SiteMapPoint } from '../api/inspection-types';
import { mapAxes, mapBounds } from './site-map-base';

const FRAME = { left: 4, right: 4, top: 4, bottom: 4 };

export interface PointPickerMapProps {
  value: { lng: number; lat: number } | null;
  onPick: (point: { lng: number; lat: number }) => void;
  references: SiteMapPoint[];
  height?: number;
}

export default function PointPickerMap({ value, onPick, references, height = 240 }: PointPickerMapProps) {
  const t = useT();
  // The frame follows the reference sites and the point the form opened with, not every click
  // (the plane would jump under the pointer).
  const [start] = useState(value);
  const bounds = useMemo(
    () =>
      mapBounds(
        [
          ...references.map((r) => [r.lng, r.lat] as [number, number]),
          ...(start ? [[start.lng, start.lat] as [number, number]] : []),
        ],
        0.01,
      ),
    [references, start],
  );

  const build = useCallback(
    (size: ChartSize): ChartOption | null => {
      if (!bounds) return null;
      return {
        ...mapAxes(bounds, size, FRAME, 16),
        tooltip: {
          trigger: 'item',
          confine: true,
          formatter: (params) => {
            const item = Array.isArray(params) ? params[0] : params;
            return item ? encodeHTML(item.name) : '';
          },
        },
        series: [
          {
            id: 'references',
            type: 'scatter',
            symbolSize: 6,
            silent: false,
            itemStyle: { color: '#bfbfbf' },
            data: references.map((r) => ({ name: r.name, value: [r.lng, r.lat] })),
          },
          {
            id: 'chosen',
            type: 'scatter',
            symbol: 'pin',
            symbolSize: 26,
            symbolOffset: [0, '-40%'],
            z: 5,
            itemStyle: { color: '#c0392b' },
            data: value ? [{ name: t('inspections.site.chosenPoint'), value: [value.lng, value.lat] }] : [],
          },
        ],
      };
    },
    [bounds, references, value, t],
  );
  const { ref, chart } = useECharts(build);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    const zr = instance.getZr();
    const handler = (e: { offsetX: number; offsetY: number }) => {
      const at = instance.convertFromPixel({ gridIndex: 0 }, [e.offsetX, e.offsetY]) as number[] | undefined;
      if (!at || !Number.isFinite(at[0]) || !Number.isFinite(at[1])) return;
      onPick({ lng: roundCoordinate(at[0]), lat: roundCoordinate(at[1]) });
    };
    zr.on('click', handler);
    return () => {
      if (!instance.isDisposed()) zr.off('click', handler);
    };
  });

  if (!bounds) {
    return (
      <Typography.Text type="secondary" style={{ display: 'block', padding: '8px 0' }}>
        {t('inspections.site.pickerEmpty')}
      </Typography.Text>
    );
  }
  return (
    <div
      ref={ref}
      data-testid="point-picker"
      style={{
        width: '100%',
        height,
        border: '1px solid #f0f0f0',
        borderRadius: 6,
        background: '#fbfcfd',
        cursor: 'crosshair',
      }}
    />
  );
}
