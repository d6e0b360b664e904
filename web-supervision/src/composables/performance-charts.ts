import { CARD_LEVEL_LABELS, ON_TIME_MINIMUM, type PerformanceDto } from '@onewindow/shared';

/** The page's translator: every legend, axis name and line label goes through the locale files (`charts.*`). */
type T = (key: string, args?: Record<string, unknown>) => string;

const AXIS = {
  axisLabel: { color: '#b8c7e0' },
  axisLine: { lineStyle: { color: '#4a5f85' } },
  splitLine: { lineStyle: { color: 'rgb(255 255 255 / 8%)' } },
};
const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

/** On-time completion rate per department (best first), with the 98 % minimum drawn across. */
export function departmentChart(r: PerformanceDto, t: T) {
  const rows = r.departments.filter((d) => d.concluded > 0);
  return {
    grid: { left: 8, right: 48, top: 28, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${v}%`) },
    xAxis: { type: 'value', min: 0, max: 100, ...AXIS, axisLabel: { ...AXIS.axisLabel, formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: rows.map((d) => d.departmentName), ...AXIS },
    series: [
      {
        name: t('charts.onTimeRate'),
        type: 'bar',
        data: rows.map((d) => ({
          value: pct(d.onTimeRate),
          itemStyle: { color: (d.onTimeRate ?? 0) >= ON_TIME_MINIMUM ? '#5fd38d' : '#ff6b5e' },
        })),
        label: { show: true, position: 'right', color: '#e6ecf5', formatter: '{c}%' },
        markLine: {
          symbol: 'none',
          lineStyle: { color: '#ffd36a', type: 'dashed' },
          // Above the plot, so it never sits on a bar's own label.
          label: { color: '#ffd36a', formatter: t('charts.minimum', { n: ON_TIME_MINIMUM * 100 }), position: 'end' },
          data: [{ xAxis: ON_TIME_MINIMUM * 100 }],
        },
      },
    ],
  };
}

/** Week by week: on-time rate as a line, yellow and red cards as stacked bars. */
export function weeklyChart(r: PerformanceDto, t: T) {
  return {
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { textStyle: { color: '#b8c7e0' }, top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: r.weeks.map((w) => w.weekStart.slice(5)), ...AXIS },
    yAxis: [
      { type: 'value', name: t('charts.cardsAxis'), ...AXIS, minInterval: 1 },
      { type: 'value', name: '%', min: 0, max: 100, ...AXIS, splitLine: { show: false } },
    ],
    series: [
      {
        name: CARD_LEVEL_LABELS.YELLOW,
        type: 'bar',
        stack: 'cards',
        data: r.weeks.map((w) => w.yellow),
        itemStyle: { color: '#ffd36a' },
      },
      {
        name: CARD_LEVEL_LABELS.RED,
        type: 'bar',
        stack: 'cards',
        data: r.weeks.map((w) => w.red),
        itemStyle: { color: '#ff6b5e' },
      },
      {
        name: t('charts.onTimeRate'),
        type: 'line',
        yAxisIndex: 1,
        connectNulls: true,
        data: r.weeks.map((w) => pct(w.onTimeRate)),
        itemStyle: { color: '#5fd38d' },
      },
    ],
  };
}

export const percent = (r: number | null) => (r === null ? '—' : `${pct(r)!.toFixed(1)}%`);
export const perHundred = (n: number | null) => (n === null ? '—' : (Math.round(n * 10) / 10).toFixed(1));

/** A rate per row (best first) as horizontal bars, green at or above the target and red below it, the target drawn across. */
export function rateChart(rows: { name: string; rate: number | null }[], target: number, series: string, t: T) {
  const shown = rows.filter((r) => r.rate !== null).sort((a, b) => b.rate! - a.rate!);
  return {
    grid: { left: 8, right: 48, top: 28, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${v}%`) },
    xAxis: { type: 'value', min: 0, max: 100, ...AXIS, axisLabel: { ...AXIS.axisLabel, formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: shown.map((r) => r.name), ...AXIS },
    series: [
      {
        name: series,
        type: 'bar',
        data: shown.map((r) => ({
          value: pct(r.rate),
          itemStyle: { color: r.rate! >= target ? '#5fd38d' : '#ff6b5e' },
        })),
        label: { show: true, position: 'right', color: '#e6ecf5', formatter: '{c}%' },
        markLine: {
          symbol: 'none',
          lineStyle: { color: '#ffd36a', type: 'dashed' },
          // Above the plot, so it never sits on a bar's own label.
          label: { color: '#ffd36a', formatter: t('charts.target', { n: Math.round(target * 100) }), position: 'end' },
          data: [{ xAxis: target * 100 }],
        },
      },
    ],
  };
}
