// A small React binding for ECharts: attach `ref` to a div with an explicit height; the chart is
// created when the div mounts (even if that is after the first render), gets `option` whenever it
// changes, follows the div's size through a ResizeObserver, and is disposed on unmount. Clicks go
// to the latest `onClick`. A chart whose option depends on its size (e.g. equal-scale axes) passes
// a function of the size instead, memoised; it is called once the div has been measured and again
// whenever the size changes.
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { echarts, type ChartOption, type ECElementEvent, type EChartsType, type SetOptionOpts } from './echarts-core';

export interface ChartSize {
  width: number;
  height: number;
}

export interface UseEChartsOptions {
  onClick?: (event: ECElementEvent) => void;
  /** How each new option is applied; by default merged into the previous one. */
  setOptionOpts?: SetOptionOpts;
}

export interface UseECharts {
  /** Put on the chart's container. */
  ref: (el: HTMLDivElement | null) => void;
  /** The chart, once the container is mounted; for actions such as zooming. */
  chart: RefObject<EChartsType | null>;
  /** The container's size in CSS pixels, 0 × 0 until it has been measured. */
  size: ChartSize;
}

const NO_SIZE: ChartSize = { width: 0, height: 0 };

export type ChartOptionInput = ChartOption | null | ((size: ChartSize) => ChartOption | null);

export function useECharts(input: ChartOptionInput, { onClick, setOptionOpts }: UseEChartsOptions = {}): UseECharts {
  const [el, setEl] = useState<HTMLDivElement | null>(null);
  const [size, setSize] = useState<ChartSize>(NO_SIZE);
  const option = useMemo(() => {
    if (typeof input !== 'function') return input;
    return size.width > 0 && size.height > 0 ? input(size) : null;
  }, [input, size]);
  const chart = useRef<EChartsType | null>(null);
  const latest = useRef({ option, onClick, setOptionOpts });

  useEffect(() => {
    latest.current = { option, onClick, setOptionOpts };
  });

  useEffect(() => {
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (event) => latest.current.onClick?.(event as ECElementEvent));
    const first = latest.current;
    if (first.option) instance.setOption(first.option, first.setOptionOpts);
    // Fires once right away for a visible container, then on every change of its box.
    const observer = new ResizeObserver(() => {
      if (instance.isDisposed()) return;
      instance.resize();
      const { width, height } = el.getBoundingClientRect();
      setSize((prev) => (prev.width === width && prev.height === height ? prev : { width, height }));
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      if (chart.current === instance) chart.current = null;
    };
  }, [el]);

  useEffect(() => {
    const instance = chart.current;
    if (option && instance && !instance.isDisposed()) instance.setOption(option, latest.current.setOptionOpts);
  }, [option]);

  const ref = useCallback((node: HTMLDivElement | null) => setEl(node), []);
  return { ref, chart, size };
}
