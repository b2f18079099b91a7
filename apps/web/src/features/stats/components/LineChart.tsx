import { Box, Text } from '@mantine/core';
import { LineChart as ELineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cellText, chartCsv, drawnRows, PUBLIC_SYMBOLS, type CellSymbols, type ChartRow } from '../../../components/chart-data';
import { ChartFrame, useEChart, ValueTable } from '../../../components/chart-table';
import { formatNumber } from '../../../lib/format';

echarts.use([ELineChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** Props of {@link LineChart}: as the bar chart's, the rows being the points in time order. */
export interface LineChartProps {
  /** The chart's heading, also its caption in the table view. */
  title: string;
  /** Header of the time column (e.g. "Năm"). */
  categoryHeader: string;
  /** Header of the value column (what is measured, with its unit). */
  valueHeader: string;
  /** The points, oldest first: the label is the period (e.g. the year). */
  rows: readonly ChartRow[];
  /** Name of the CSV file, without extension. */
  fileName: string;
  /** A note under the chart or table (e.g. the source). */
  note?: string;
  /** Symbols of withheld and empty values (default: "c" and ".."). */
  symbols?: CellSymbols;
  /** Heading level (default 3). */
  order?: 2 | 3 | 4;
}

/**
 * A time-series line chart (Apache ECharts, canvas) described for screen readers (`role="img"` with every point),
 * with a "view as table" toggle and a CSV download. Withheld and missing points leave a gap in the line (they are
 * never drawn as 0) and show their symbol in the table and CSV.
 */
export function LineChart({ title, categoryHeader, valueHeader, rows, fileName, note, symbols = PUBLIC_SYMBOLS, order = 3 }: LineChartProps) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const drawn = useMemo(() => drawnRows(rows), [rows]);
  const gaps = rows.length > drawn.length;

  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v) : String(v ?? '')) },
      xAxis: { type: 'category', data: rows.map((r) => r.label), boundaryGap: false },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v) } },
      series: [
        {
          type: 'line',
          name: valueHeader,
          data: rows.map((r) => (r.suppressed ? null : r.value)),
          connectNulls: false,
          symbolSize: 8,
          lineStyle: { width: 3, color: '#1c7ed6' },
          itemStyle: { color: '#1c7ed6' },
          label: { show: true, position: 'top', formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? formatNumber(p.value) : '') },
        },
      ],
    }),
    [rows, valueHeader],
  );
  useEChart(ref, option, !asTable && drawn.length > 0);

  const summary = drawn.length
    ? t('statsPublic.line.summary', { title, items: rows.map((r) => `${r.label}: ${cellText(r, formatNumber, symbols) || symbols.noData}`).join('; ') })
    : t('statsPublic.line.emptySummary', { title });

  return (
    <ChartFrame
      title={title}
      asTable={asTable}
      onToggle={() => setAsTable((v) => !v)}
      csv={() => chartCsv(categoryHeader, valueHeader, rows, symbols)}
      fileName={fileName}
      order={order}
      notes={[gaps && t('statsPublic.line.gapNote', { withheld: symbols.withheld, noData: symbols.noData }), note]}
    >
      {asTable ? (
        <ValueTable caption={title} categoryHeader={categoryHeader} valueHeader={valueHeader} rows={rows} symbols={symbols} />
      ) : drawn.length ? (
        <Box ref={ref} role="img" aria-label={summary} style={{ width: '100%', height: 260 }} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('statsDashboard.chart.empty')}
        </Text>
      )}
    </ChartFrame>
  );
}
