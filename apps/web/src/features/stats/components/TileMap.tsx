import { Box, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { chartCsv, PUBLIC_SYMBOLS, type CellSymbols, type ChartRow } from '../../../components/chart-data';
import { ChartFrame, ValueTable } from '../../../components/chart-table';
import { formatNumber } from '../../../lib/format';
import { classColor, classIndex, GRID_SIZE, PROVINCE_TILES, scaleClasses, tileOf } from './tile-layout';

/** The value of one province on a {@link TileMap}. */
export interface TileMapDatum {
  /** Province code (as in the org-unit registry). */
  code: string;
  /** Full name in the current language (for the table view and CSV). */
  name: string;
  value: number | null;
  suppressed: boolean;
}

/** Props of {@link TileMap}. */
export interface TileMapProps {
  /** The map's heading, also the caption of its table view. */
  title: string;
  /** Header of the province column of the table view and CSV. */
  categoryHeader: string;
  /** Header of the value column (what is shown, with its unit). */
  valueHeader: string;
  data: readonly TileMapDatum[];
  /** Name of the CSV file, without extension. */
  fileName: string;
  /** A note under the map or table (e.g. the source). */
  note?: string;
  /** Symbols of withheld and empty values (default: "c" and ".."). */
  symbols?: CellSymbols;
  /** Heading level (default 3). */
  order?: 2 | 3 | 4;
}

const HATCH = 'repeating-linear-gradient(45deg, #f1f3f5 0 4px, #ced4da 4px 6px)';
const TILE_GAP = 4;

type TileState = { kind: 'value'; value: number; cls: number } | { kind: 'withheld' } | { kind: 'none' };

function tileStyle(state: TileState, classes: number): CSSProperties {
  if (state.kind === 'withheld') return { background: HATCH, color: '#1a1b1e', border: '1px solid #868e96' };
  if (state.kind === 'none') return { background: '#ffffff', color: '#495057', border: '1px dashed #868e96' };
  const c = classColor(state.cls, classes);
  return { background: c.fill, color: c.text, border: `1px solid ${c.fill === '#eff3ff' ? '#adb5bd' : c.fill}` };
}

/**
 * A tile-grid map of the 34 provinces (north at the top), each tile colored by its value on a sequential scale with
 * a legend; withheld tiles are hatched and marked "c", tiles without data are white with a dashed border and marked
 * "..", so nothing depends on color alone. The tiles form a list read by screen readers (short name and value of
 * each), with a "view as table" toggle and a CSV download; areas that are not current provinces (e.g. data as of a
 * date before 1 July 2025) are listed in the table only.
 */
export function TileMap({ title, categoryHeader, valueHeader, data, fileName, note, symbols = PUBLIC_SYMBOLS, order = 3 }: TileMapProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [asTable, setAsTable] = useState(false);
  const byCode = useMemo(() => new Map(data.map((d) => [d.code, d])), [data]);
  const classes = useMemo(() => scaleClasses(data.filter((d) => !d.suppressed && d.value !== null && tileOf(d.code)).map((d) => d.value as number)), [data]);
  const offMap = data.filter((d) => !tileOf(d.code));

  const rows: ChartRow[] = useMemo(() => {
    const onMap = PROVINCE_TILES.map((tile) => {
      const d = byCode.get(tile.code);
      return { label: d?.name ?? (en ? tile.shortEn : tile.shortVi), value: d?.value ?? null, suppressed: Boolean(d?.suppressed) };
    });
    const others = offMap.map((d) => ({ label: d.name, value: d.value, suppressed: d.suppressed }));
    return [...onMap, ...others].sort((a, b) => a.label.localeCompare(b.label, en ? 'en' : 'vi'));
  }, [byCode, offMap, en]);

  const text = (d: TileMapDatum | undefined) => (d?.suppressed ? symbols.withheld : d?.value === null || d?.value === undefined ? symbols.noData : formatNumber(d.value));
  const spoken = (d: TileMapDatum | undefined) => (d?.suppressed ? t('statsPublic.map.withheldSr') : d?.value === null || d?.value === undefined ? t('statsPublic.map.noDataSr') : formatNumber(d.value));

  const tiles = [...PROVINCE_TILES].sort((a, b) => a.row - b.row || a.col - b.col);
  const anyWithheld = data.some((d) => d.suppressed);

  return (
    <ChartFrame
      title={title}
      asTable={asTable}
      onToggle={() => setAsTable((v) => !v)}
      csv={() => chartCsv(categoryHeader, valueHeader, rows, symbols)}
      fileName={fileName}
      order={order}
      viewLabel={t('statsPublic.map.viewMap')}
      notes={[offMap.length > 0 && t('statsPublic.map.offMap', { count: offMap.length }), note]}
    >
      {asTable ? (
        <ValueTable caption={title} categoryHeader={categoryHeader} valueHeader={valueHeader} rows={rows} symbols={symbols} />
      ) : (
        <Group align="flex-start" gap="lg" wrap="wrap">
          <Box
            component="ul"
            aria-label={t('statsPublic.map.listLabel', { title })}
            m={0}
            p={0}
            style={{
              listStyle: 'none',
              display: 'grid',
              gridTemplateColumns: `repeat(${GRID_SIZE.cols}, minmax(0, 1fr))`,
              gridTemplateRows: `repeat(${GRID_SIZE.rows}, auto)`,
              gap: TILE_GAP,
              width: '100%',
              maxWidth: 380,
              flex: '1 1 260px',
            }}
          >
            {tiles.map((tile) => {
              const d = byCode.get(tile.code);
              const state: TileState = d?.suppressed ? { kind: 'withheld' } : d && d.value !== null ? { kind: 'value', value: d.value, cls: classIndex(d.value, classes) } : { kind: 'none' };
              const name = en ? tile.shortEn : tile.shortVi;
              return (
                <li
                  key={tile.code}
                  title={`${d?.name ?? name}: ${spoken(d)}`}
                  data-code={tile.code}
                  style={{
                    gridColumn: tile.col + 1,
                    gridRow: tile.row + 1,
                    aspectRatio: '1 / 1',
                    borderRadius: 4,
                    display: 'flex',
                    flexDirection: 'column',
                    justifyContent: 'center',
                    alignItems: 'center',
                    textAlign: 'center',
                    padding: 2,
                    overflow: 'hidden',
                    ...tileStyle(state, classes.length),
                  }}
                >
                  <span style={{ fontSize: 10, lineHeight: 1.1, overflowWrap: 'anywhere' }}>{name}</span>
                  <span style={{ fontSize: 12, fontWeight: 700, lineHeight: 1.3 }} aria-hidden="true">
                    {text(d)}
                  </span>
                  <VisuallyHidden>{`: ${spoken(d)}`}</VisuallyHidden>
                </li>
              );
            })}
          </Box>
          <Stack gap={6} style={{ flex: '0 1 200px' }}>
            <Text size="sm" fw={600}>
              {t('statsPublic.map.legend')}
            </Text>
            <Text size="xs">{valueHeader}</Text>
            <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }}>
              {classes.map((c, i) => (
                <Group component="li" key={`${c.from}-${c.to}`} gap={8} wrap="nowrap">
                  <Box aria-hidden="true" w={18} h={18} style={{ borderRadius: 3, ...tileStyle({ kind: 'value', value: c.from, cls: i }, classes.length) }} />
                  <Text size="xs">{c.from === c.to ? formatNumber(c.from) : t('statsPublic.map.range', { from: formatNumber(c.from), to: formatNumber(c.to) })}</Text>
                </Group>
              ))}
              {anyWithheld ? (
                <Group component="li" gap={8} wrap="nowrap">
                  <Box aria-hidden="true" w={18} h={18} style={{ borderRadius: 3, ...tileStyle({ kind: 'withheld' }, 1) }} />
                  <Text size="xs">{t('statsPublic.map.withheldLegend', { symbol: symbols.withheld })}</Text>
                </Group>
              ) : null}
              <Group component="li" gap={8} wrap="nowrap">
                <Box aria-hidden="true" w={18} h={18} style={{ borderRadius: 3, ...tileStyle({ kind: 'none' }, 1) }} />
                <Text size="xs">{t('statsPublic.map.noDataLegend', { symbol: symbols.noData || '—' })}</Text>
              </Group>
            </Stack>
          </Stack>
        </Group>
      )}
    </ChartFrame>
  );
}
