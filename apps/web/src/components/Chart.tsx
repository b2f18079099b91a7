import { Box, Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';
import { cellText, chartCsv, drawnRows, type ChartRow } from './chart-data';

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
}

const MAX_SPOKEN = 15;

/** Starts a browser download of a text file. */
function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A horizontal bar chart (Apache ECharts, canvas) that follows its container's width, described for screen readers
 * (`role="img"` with a summary), with a "view as table" toggle showing the same data in a real table and a CSV
 * download. Withheld (suppressed) values are shown as "x" in the table and left out of the bars, with a footnote.
 */
export function Chart({ title, categoryHeader, valueHeader, rows, fileName, note }: ChartProps) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const bars = useMemo(() => drawnRows(rows), [rows]);
  const anySuppressed = rows.some((r) => r.suppressed);

  useEffect(() => {
    const el = ref.current;
    if (asTable || !el) return undefined;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    const shown = [...bars].reverse(); // ECharts draws the first category at the bottom
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v) : String(v)) },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v) } },
      yAxis: { type: 'category', data: shown.map((r) => r.label), axisLabel: { width: 220, overflow: 'truncate' } },
      series: [{ type: 'bar', name: valueHeader, data: shown.map((r) => r.value), label: { show: true, position: 'right', formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? formatNumber(p.value) : '') } }],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [asTable, bars, valueHeader]);

  const summary = useMemo(() => {
    const items = bars.slice(0, MAX_SPOKEN).map((r) => `${r.label}: ${formatNumber(r.value ?? 0)}`);
    const more = bars.length > MAX_SPOKEN ? t('statsDashboard.chart.more', { count: bars.length - MAX_SPOKEN }) : '';
    return bars.length ? t('statsDashboard.chart.summary', { title, items: items.join('; ') + more }) : t('statsDashboard.chart.emptySummary', { title });
  }, [bars, t, title]);

  const height = Math.max(160, bars.length * 32 + 48);

  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="center" wrap="wrap" gap="xs">
        <Title order={3} size="h5" id={headingId}>
          {title}
        </Title>
        <Group gap="xs">
          <Button size="xs" variant="default" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
            {asTable ? t('statsDashboard.chart.viewChart') : t('statsDashboard.chart.viewTable')}
          </Button>
          <Button size="xs" variant="default" onClick={() => download(chartCsv(categoryHeader, valueHeader, rows), `${fileName}.csv`, 'text/csv;charset=utf-8')}>
            {t('statsDashboard.chart.downloadCsv')}
          </Button>
        </Group>
      </Group>
      {asTable ? (
        <Table.ScrollContainer minWidth={320}>
          <Table striped withTableBorder>
            <Table.Caption>
              <VisuallyHidden>{title}</VisuallyHidden>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{categoryHeader}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  {valueHeader}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => (
                <Table.Tr key={`${r.label}-${i}`}>
                  <Table.Th scope="row" fw="normal">
                    {r.label}
                  </Table.Th>
                  <Table.Td style={{ textAlign: 'right' }}>{cellText(r, formatNumber) || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : bars.length ? (
        <Box ref={ref} role="img" aria-label={summary} style={{ width: '100%', height }} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('statsDashboard.chart.empty')}
        </Text>
      )}
      {anySuppressed ? (
        <Text size="xs" c="dimmed">
          {t('statsDashboard.chart.suppressedNote')}
        </Text>
      ) : null}
      {note ? (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      ) : null}
    </Stack>
  );
}
