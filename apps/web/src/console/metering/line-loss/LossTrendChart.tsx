// R-MTR-04/05: a row's loss rate over the twelve months up to the page's month, against its target,
// so a sudden change or a drift out of target is seen at a glance.
import { Empty, Skeleton } from 'antd';
import { useMemo } from 'react';
import { formatRate } from '../../../format';
import { useT } from '../../../i18n';
import { QueryError } from '../../QueryError';
import { EChart, type EChartOption } from '../EChart';
import { useLossTrend } from './lineLossQueries';
import { LOSS_CLASS_LABELS } from './lossLabels';
import { shiftPeriod } from '../period';
import type { LossClass, LossLevel, LossTrend } from '@griddesk/shared';

const MONTHS = 12;

// Tag colours of the classes, as hex for the canvas.
const POINT_COLORS: Record<LossClass, string> = {
  qualified: '#389e0d',
  high_loss: '#cf1322',
  negative_loss: '#d46b08',
  not_computable: '#8c8c8c',
};

const percent = (fraction: number) => Math.round(fraction * 10_000) / 100;

function buildOption(trend: LossTrend, months: string[], t: ReturnType<typeof useT>): EChartOption {
  const byPeriod = new Map(trend.points.map((p) => [p.period, p]));
  const name = t('loss.lossRate');
  const target = trend.target === null ? null : percent(trend.target);
  return {
    grid: { left: 56, right: 96, top: 32, bottom: 32 },
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        const period = String(first?.name ?? '');
        const p = byPeriod.get(period);
        if (!p || p.lossRate === null) return `${period}<br/>${name}：—`;
        return `${period}<br/>${first?.marker ?? ''}${name}：${formatRate(p.lossRate)}<br/>${t(LOSS_CLASS_LABELS[p.class])}`;
      },
    },
    legend: { data: [name], top: 0 },
    xAxis: { type: 'category', data: months, boundaryGap: false },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: '{value} %' },
      // From zero (lower for negative loss) and always up to the target, so the target line is on the chart.
      min: (extent: { min: number }) => Math.min(0, Math.floor(extent.min)),
      max: (extent: { max: number }) => Math.ceil(Math.max(extent.max, target ?? 0) * 1.1),
    },
    series: [
      {
        name,
        type: 'line',
        // A month without saved results is a gap in the line, not a zero.
        connectNulls: false,
        symbolSize: 8,
        data: months.map((m) => {
          const p = byPeriod.get(m);
          if (!p || p.lossRate === null) return null;
          return { value: percent(Number(p.lossRate)), itemStyle: { color: POINT_COLORS[p.class] } };
        }),
        markLine:
          target === null
            ? undefined
            : {
                symbol: 'none',
                lineStyle: { type: 'dashed', color: '#cf1322' },
                label: { formatter: t('loss.targetLine', { rate: formatRate(trend.target) }), position: 'end' },
                data: [{ yAxis: target }],
              },
      },
    ],
  };
}

export function LossTrendChart({ level, code, period }: { level: LossLevel; code: string; period: string }) {
  const t = useT();
  const from = shiftPeriod(period, -(MONTHS - 1));
  const trend = useLossTrend(level, code, from, period);
  const months = useMemo(() => Array.from({ length: MONTHS }, (_, i) => shiftPeriod(from, i)), [from]);
  const option = useMemo(() => (trend.data ? buildOption(trend.data, months, t) : null), [trend.data, months, t]);

  if (trend.isPending) return <Skeleton active />;
  if (trend.isError) return <QueryError error={trend.error} onRetry={() => void trend.refetch()} />;
  if (!option || trend.data.points.length === 0) return <Empty data-testid="loss-trend-empty" description={t('loss.trendEmpty')} />;
  return <EChart option={option} testId="loss-trend-chart" />;
}

// React.lazy wants a default export; the chart (and ECharts with it) loads only when first shown.
export default LossTrendChart;
