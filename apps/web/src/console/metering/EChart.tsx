// Apache ECharts in React, built from 'echarts/core' with only the parts the console draws, so the
// bundle carries a line chart and not the whole library.
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, type CSSProperties } from 'react';

use([LineChart, GridComponent, TooltipComponent, MarkLineComponent, LegendComponent, CanvasRenderer]);

export type EChartOption = ComposeOption<LineSeriesOption | GridComponentOption | TooltipComponentOption | MarkLineComponentOption | LegendComponentOption>;

export function EChart({ option, style, testId }: { option: EChartOption; style?: CSSProperties; testId?: string }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return undefined;
    const instance = init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    // The chart sits in cards whose width follows the sider and the window, not only window resizes.
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // notMerge: a series that disappeared (another row picked) must not linger from the last option.
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={host} data-testid={testId} style={{ width: '100%', height: 280, ...style }} />;
}
