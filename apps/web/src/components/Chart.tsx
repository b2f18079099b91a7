import { Box, Text } from '@mantine/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';
import { chartCsv, drawnRows, STAFF_SYMBOLS, type CellSymbols, type ChartRow } from './chart-data';
import { ChartFrame, useEChart, ValueTable } from './chart-table';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export type { ChartRow } from './chart-data';

/** Props of {@link Chart}. */
export interface ChartProps {
  /** The chart's heading (h3), also its caption in the table view. */
  title: string;
  /** Header of the category column (e.g. "Tỉnh, thành phố"). */
  categoryHeader: string;
  /** Header of the value column (e.g. "Số người"). */
  valueHeader: string;
  rows: readonly ChartRow[];
  /** Name of the CSV file, without extension. */
  fileName: string;
  /** A note under the chart or table (e.g. the source). */
  note?: string;
  /** Symbols of withheld and empty values in the table and CSV (default: "x" and nothing). */
  symbols?: CellSymbols;
  /** The footnote shown when a value is withheld (default: the "x" footnote of the staff dashboard). */
  suppressedNote?: string;
}

const MAX_SPOKEN = 15;

/**
 * A horizontal bar chart (Apache ECharts, canvas) that follows its container's width, described for screen readers
 * (`role="img"` with a summary), with a "view as table" toggle showing the same data in a real table and a CSV
 * download. Withheld (suppressed) values are shown as "x" in the table and left out of the bars, with a footnote.
 */
export function Chart({ title, categoryHeader, valueHeader, rows, fileName, note, symbols = STAFF_SYMBOLS, suppressedNote }: ChartProps) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const bars = useMemo(() => drawnRows(rows), [rows]);
  const anySuppressed = rows.some((r) => r.suppressed);

  const option = useMemo(() => {
    const shown = [...bars].reverse(); // ECharts draws the first category at the bottom
    return {
      animation: false,
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v) : String(v)) },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v) } },
      yAxis: { type: 'category', data: shown.map((r) => r.label), axisLabel: { width: 220, overflow: 'truncate' } },
      series: [{ type: 'bar', name: valueHeader, data: shown.map((r) => r.value), label: { show: true, position: 'right', formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? formatNumber(p.value) : '') } }],
    };
  }, [bars, valueHeader]);
  useEChart(ref, option, !asTable && bars.length > 0);

  const summary = useMemo(() => {
    const items = bars.slice(0, MAX_SPOKEN).map((r) => `${r.label}: ${formatNumber(r.value ?? 0)}`);
    const more = bars.length > MAX_SPOKEN ? t('statsDashboard.chart.more', { count: bars.length - MAX_SPOKEN }) : '';
    return bars.length ? t('statsDashboard.chart.summary', { title, items: items.join('; ') + more }) : t('statsDashboard.chart.emptySummary', { title });
  }, [bars, t, title]);

  const height = Math.max(160, bars.length * 32 + 48);

  return (
    <ChartFrame
      title={title}
      asTable={asTable}
      onToggle={() => setAsTable((v) => !v)}
      csv={() => chartCsv(categoryHeader, valueHeader, rows, symbols)}
      fileName={fileName}
      notes={[anySuppressed && (suppressedNote ?? t('statsDashboard.chart.suppressedNote')), note]}
    >
      {asTable ? (
        <ValueTable caption={title} categoryHeader={categoryHeader} valueHeader={valueHeader} rows={rows} symbols={symbols} />
      ) : bars.length ? (
        <Box ref={ref} role="img" aria-label={summary} style={{ width: '100%', height }} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('statsDashboard.chart.empty')}
        </Text>
      )}
    </ChartFrame>
  );
}
