// The one place that registers ECharts pieces. Only what the charts draw is imported, through
// `echarts/core`, so the bundle carries no unused chart types; and only the lazy pages that show a
// chart import this module, so ECharts stays out of the entry chunk. Add a piece here (and its
// option type to ChartOption) before using it in a chart.
import * as echarts from 'echarts/core';
import {
  BarChart,
  CustomChart,
  LineChart,
  ScatterChart,
  type BarSeriesOption,
  type CustomSeriesOption,
  type LineSeriesOption,
  type ScatterSeriesOption,
} from 'echarts/charts';
import {
  DataZoomInsideComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  type DataZoomComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  CustomChart,
  LineChart,
  ScatterChart,
  DataZoomInsideComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/** An option made only of the registered pieces. */
export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | CustomSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | DataZoomComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

export type { ECElementEvent, EChartsType, SetOptionOpts } from 'echarts/core';

export { echarts };

/** Escapes text from the data (names, categories) put into an HTML tooltip. */
export const encodeHTML = (text: string): string => echarts.format.encodeHTML(text);
