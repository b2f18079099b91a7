import { Box, Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { EChartsCoreOption } from 'echarts/core';
import * as echarts from 'echarts/core';
import { useEffect, useId, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';
import { cellText, STAFF_SYMBOLS, type CellSymbols, type ChartRow } from './chart-data';

/** Starts a browser download of a text file. */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Props of {@link ChartFrame}. */
export interface ChartFrameProps {
  /** The heading (h3) that names the section. */
  title: string;
  /** Whether the table view is shown. */
  asTable: boolean;
  onToggle: () => void;
  /** Builds the CSV text when the download button is pressed. */
  csv: () => string;
  /** Name of the CSV file, without extension. */
  fileName: string;
  /** The chart, or the table when `asTable`. */
  children: ReactNode;
  /** Notes under the chart or table (footnotes, the source). */
  notes?: readonly (string | null | undefined | false)[];
  /** Heading level of the title (default 3). */
  order?: 2 | 3 | 4;
  /** Label of the button back from the table (default "view chart"). */
  viewLabel?: string;
}

/**
 * The frame shared by every chart: a section named by its heading, a "view as table" / "view chart" toggle, a CSV
 * download, the chart or table, and footnotes.
 */
export function ChartFrame({ title, asTable, onToggle, csv, fileName, children, notes = [], order = 3, viewLabel }: ChartFrameProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="center" wrap="wrap" gap="xs">
        <Title order={order} size="h5" id={headingId}>
          {title}
        </Title>
        <Group gap="xs">
          <Button size="xs" variant="default" aria-pressed={asTable} onClick={onToggle}>
            {asTable ? (viewLabel ?? t('statsDashboard.chart.viewChart')) : t('statsDashboard.chart.viewTable')}
          </Button>
          <Button size="xs" variant="default" onClick={() => downloadText(csv(), `${fileName}.csv`)}>
            {t('statsDashboard.chart.downloadCsv')}
          </Button>
        </Group>
      </Group>
      {children}
      {notes.filter((n): n is string => Boolean(n)).map((n) => (
        <Text key={n} size="xs" c="dimmed">
          {n}
        </Text>
      ))}
    </Stack>
  );
}

/**
 * A horizontally scrolling container for a wide table that keyboard users can scroll: it takes the focus (WCAG
 * 2.1.1; axe `scrollable-region-focusable`) and is named by `label`.
 */
export function ScrollBox({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <Box role="group" aria-label={label} tabIndex={0} style={{ overflowX: 'auto', maxWidth: '100%' }}>
      <Box miw={minWidth}>{children}</Box>
    </Box>
  );
}

/** Props of {@link ValueTable}. */
export interface ValueTableProps {
  /** Caption (visually hidden; the section heading shows it). */
  caption: string;
  categoryHeader: string;
  valueHeader: string;
  rows: readonly ChartRow[];
  symbols?: CellSymbols;
}

/** The table view of a one-value-per-category chart: a category header cell per row and the value, right-aligned. */
export function ValueTable({ caption, categoryHeader, valueHeader, rows, symbols = STAFF_SYMBOLS }: ValueTableProps) {
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table striped withTableBorder>
        <Table.Caption>
          <VisuallyHidden>{caption}</VisuallyHidden>
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
              <Table.Td style={{ textAlign: 'right' }}>{cellText(r, formatNumber, symbols) || '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Draws an ECharts option into the element while `active` (canvas renderer; the chart types and components must be
 * registered with `echarts.use` by the caller), following the element's size and disposing of it afterwards.
 */
export function useEChart(ref: RefObject<HTMLElement | null>, option: EChartsCoreOption | null, active: boolean): void {
  useEffect(() => {
    const el = ref.current;
    if (!active || !el || !option) return undefined;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [ref, option, active]);
}
