import { Button, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppSelect } from '../../../components/AppSelect';
import { PUBLIC_SYMBOLS, type CellSymbols } from '../../../components/chart-data';
import { downloadText, ScrollBox } from '../../../components/chart-table';
import { formatNumber } from '../../../lib/format';
import { ANY, COLUMN_DIM, completeSelection, pivot, pivotCellText, pivotCsv, ROW_DIM, type PivotDimension, type PivotObservation, type PivotSelection } from './pivot';

/** Props of {@link PivotTable}. */
export interface PivotTableProps {
  /** The section's heading. */
  title: string;
  observations: readonly PivotObservation[];
  dimensions: readonly PivotDimension[];
  /** Name of the CSV file, without extension. */
  fileName: string;
  /** Symbols of withheld and empty values (default: "c" and ".."). */
  symbols?: CellSymbols;
  /** A note under the table (e.g. the source). */
  note?: string;
  /** Heading level (default 3). */
  order?: 2 | 3 | 4;
}

/** The select value standing for {@link ANY} (a select cannot hold an empty value). */
const ANY_OPTION = '*';

/**
 * A pivot table over observations: selects for the row and column dimensions and a filter for each other
 * dimension, a semantic table (column and row headers with their scope) and a CSV download. Each cell is one stored
 * observation (see `pivot`): withheld cells show the withheld symbol, missing ones the no-data symbol, and nothing is
 * added up in the browser.
 */
export function PivotTable({ title, observations, dimensions, fileName, symbols = PUBLIC_SYMBOLS, note, order = 3 }: PivotTableProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const dimsKey = dimensions.map((d) => `${d.id}:${d.values.length}`).join('|');
  const [selection, setSelection] = useState<PivotSelection>(() => completeSelection(dimensions, ROW_DIM, COLUMN_DIM, {}, observations));
  useEffect(() => {
    setSelection((prev) => completeSelection(dimensions, prev.rows, prev.columns, prev.filters, observations));
    // the dimensions change with the data (another release): keep what still fits
  }, [dimsKey]);

  const data = useMemo(() => pivot(observations, dimensions, selection), [observations, dimensions, selection]);
  const dimOf = (id: string) => dimensions.find((d) => d.id === id);
  const rowDim = dimOf(selection.rows);
  const colDim = dimOf(selection.columns);
  const dimOptions = dimensions.map((d) => ({ value: d.id, label: d.label }));
  const anyAmbiguous = data.cells.some((r) => r.some((c) => c.kind === 'ambiguous'));
  const anyWithheld = data.cells.some((r) => r.some((c) => c.kind === 'withheld'));
  const corner = rowDim && colDim ? `${rowDim.label} \\ ${colDim.label}` : '';

  const setRows = (id: string | null) => {
    if (!id) return;
    setSelection((s) => (id === s.columns ? completeSelection(dimensions, id, s.rows, s.filters, observations) : completeSelection(dimensions, id, s.columns, s.filters, observations)));
  };
  const setColumns = (id: string | null) => {
    if (!id) return;
    setSelection((s) => (id === s.rows ? completeSelection(dimensions, s.columns, id, s.filters, observations) : completeSelection(dimensions, s.rows, id, s.filters, observations)));
  };
  const setFilter = (dim: string, value: string | null) => setSelection((s) => ({ ...s, filters: { ...s.filters, [dim]: value === null || value === ANY_OPTION ? ANY : value } }));

  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="center" wrap="wrap" gap="xs">
        <Title order={order} size="h5" id={headingId}>
          {title}
        </Title>
        <Button size="xs" variant="default" onClick={() => downloadText(pivotCsv(data, corner, symbols), `${fileName}.csv`)} disabled={data.rows.length === 0}>
          {t('statsDashboard.chart.downloadCsv')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('statsPublic.pivot.help')}
      </Text>
      <Group gap="md" wrap="wrap" align="flex-end">
        <AppSelect label={t('statsPublic.pivot.rows')} data={dimOptions} value={selection.rows} onChange={setRows} allowDeselect={false} w={220} />
        <AppSelect label={t('statsPublic.pivot.columns')} data={dimOptions} value={selection.columns} onChange={setColumns} allowDeselect={false} w={220} />
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="sm" verticalSpacing="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Text component="legend" size="sm" fw={600} mb={4}>
          {t('statsPublic.pivot.filters')}
        </Text>
        {dimensions
          .filter((d) => d.id !== selection.rows && d.id !== selection.columns)
          .map((d) => (
            <AppSelect
              key={d.id}
              label={d.label}
              data={[{ value: ANY_OPTION, label: t('statsPublic.pivot.any') }, ...d.values.map((v) => ({ value: v.code, label: v.label }))]}
              value={(selection.filters[d.id] ?? ANY) === ANY ? ANY_OPTION : (selection.filters[d.id] as string)}
              onChange={(v) => setFilter(d.id, v)}
              allowDeselect={false}
              searchable={d.values.length > 12}
            />
          ))}
      </SimpleGrid>
      {data.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('statsPublic.pivot.empty')}
        </Text>
      ) : (
        <ScrollBox label={t('statsPublic.pivot.caption', { rows: rowDim?.label ?? '', columns: colDim?.label ?? '' })} minWidth={Math.min(1200, 200 + data.columns.length * 110)}>
          <Table striped withTableBorder withColumnBorders data-testid="pivot-table">
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
              <Text span size="sm">
                {t('statsPublic.pivot.caption', { rows: rowDim?.label ?? '', columns: colDim?.label ?? '' })}
              </Text>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{corner}</Table.Th>
                {data.columns.map((c) => (
                  <Table.Th key={c.code} scope="col" style={{ textAlign: 'right' }}>
                    {c.label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.rows.map((r, i) => (
                <Table.Tr key={r.code}>
                  <Table.Th scope="row" fw="normal">
                    {r.label}
                  </Table.Th>
                  {(data.cells[i] ?? []).map((c, j) => (
                    <Table.Td key={data.columns[j]?.code ?? j} style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                      {pivotCellText(c, symbols, formatNumber) || '—'}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollBox>
      )}
      {anyWithheld || data.cells.some((r) => r.some((c) => c.kind === 'missing')) ? (
        <Text size="xs" c="dimmed">
          {t('statsPublic.symbolsNote', { withheld: symbols.withheld, noData: symbols.noData || '—' })}
        </Text>
      ) : null}
      {anyAmbiguous ? (
        <Text size="xs" c="dimmed">
          {t('statsPublic.pivot.ambiguousNote')}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed">
        {t('statsPublic.pivot.noSumNote')}
      </Text>
      {note ? (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      ) : null}
    </Stack>
  );
}
