import { cellKey, type StatReleaseDetail } from '@stinet/shared';
import { Alert, Anchor, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../../api/client';
import { AppSelect } from '../../../components/AppSelect';
import { Chart, type ChartRow } from '../../../components/Chart';
import { PUBLIC_SYMBOLS } from '../../../components/chart-data';
import { ScrollBox } from '../../../components/chart-table';
import { DetailList } from '../../../components/DetailList';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { LoadingState } from '../../../components/States';
import { useUnitName } from '../../../components/UnitName';
import { formatDate, formatNumber } from '../../../lib/format';
import { useSearchState } from '../../../lib/useSearchState';
import { LineChart } from '../components/LineChart';
import { PivotTable } from '../components/PivotTable';
import { observationsOf, pivotDimensions, type DimensionLabels } from '../components/pivot';
import { TileMap, type TileMapDatum } from '../components/TileMap';
import { releaseDownloadUrl, usePublicRelease, usePublicSeries } from './api';
import { releaseCellText, rowDepth } from './release-format';
import { formatInstantDate } from './StatisticsHomePage';

type Labelled = { labelVi: string; labelEn: string };

const DEFAULTS = { row: '', column: '' };

/** Labels of the pivot's dimensions in the current language (SDMX dimension ids without a translation show as is). */
function useDimensionLabels(): DimensionLabels {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const names: Readonly<Record<string, string>> = t('statsPublic.dims', { returnObjects: true });
    return {
      dimension: (id: string) => names[id.startsWith('@') ? id.slice(1) : id] ?? id,
      total: t('statsPublic.pivot.total'),
      nation: t('statsPublic.pivot.nation'),
      en: i18n.language === 'en',
    };
  }, [t, i18n.language]);
}

function NationalTable({ release, label, caption }: { release: StatReleaseDetail; label: (x: Labelled) => string; caption: string }) {
  const { t } = useTranslation();
  const def = release.form;
  const cells = useMemo(() => new Map((release.national.areas[0]?.cells ?? []).map((c) => [cellKey(c.row, c.column), c])), [release]);
  return (
    <ScrollBox label={caption} minWidth={Math.min(1400, 320 + def.columns.length * 110)}>
      <Table striped withTableBorder withColumnBorders data-testid="national-table">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
          <Text span size="sm">
            {caption}
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('statsPublic.release.indicator')}</Table.Th>
            {def.columns.map((c) => (
              <Table.Th key={c.code} scope="col" style={{ textAlign: 'right', verticalAlign: 'bottom' }}>
                {label(c)}
                <Text span size="xs" c="dimmed" display="block" fw="normal">
                  {t(`statsGrid.units.${c.unit}`)}
                </Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {def.rows.map((r) => (
            <Table.Tr key={r.code}>
              <Table.Th scope="row" fw={r.parent ? 'normal' : 600} style={{ paddingLeft: 12 + rowDepth(def, r.code) * 16, fontStyle: r.relation === 'of_which' ? 'italic' : undefined }}>
                {`${r.code} ${label(r)}`}
              </Table.Th>
              {def.columns.map((c) => (
                <Table.Td key={c.code} style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                  {releaseCellText(cells.get(cellKey(r.code, c.code)), PUBLIC_SYMBOLS, formatNumber)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollBox>
  );
}

function ReleaseView({ release }: { release: StatReleaseDetail }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const unitName = useUnitName();
  const dimensionLabels = useDimensionLabels();
  const { get, set } = useSearchState(DEFAULTS);
  const def = release.form;
  const label = (x: Labelled) => (en ? x.labelEn : x.labelVi);
  const title = en ? release.titleEn : release.titleVi;
  const note = en ? release.noteEn : release.noteVi;
  const source = t('statsPublic.release.source', { title });
  const slug = `${release.dataflow}-${release.year}`;

  const rowCode = def.rows.some((r) => r.code === get('row')) ? get('row') : (def.rows[0]?.code ?? '');
  const columnCode = def.columns.some((c) => c.code === get('column')) ? get('column') : (def.columns[0]?.code ?? '');
  const row = def.rows.find((r) => r.code === rowCode);
  const column = def.columns.find((c) => c.code === columnCode);
  const cellName = row && column ? t('statsPublic.release.cellName', { row: `${row.code} ${label(row)}`, column: label(column) }) : '';
  const valueHeader = column ? `${label(column)} (${t(`statsGrid.units.${column.unit}`)})` : '';

  const mapData: TileMapDatum[] = useMemo(
    () =>
      release.province.areas
        .filter((a) => a.unit)
        .map((a) => {
          const c = a.cells.find((x) => x.row === rowCode && x.column === columnCode);
          return { code: a.unit?.code ?? '', name: unitName(a.unit), value: c?.value ?? null, suppressed: Boolean(c?.suppressed) };
        }),
    [release, rowCode, columnCode, unitName],
  );
  const barRows: ChartRow[] = useMemo(
    () =>
      mapData
        .map((d) => ({ label: d.name, value: d.value, suppressed: d.suppressed }))
        .sort((a, b) => Number(a.suppressed) - Number(b.suppressed) || (b.value ?? -1) - (a.value ?? -1) || a.label.localeCompare(b.label, 'vi')),
    [mapData],
  );

  const series = usePublicSeries(rowCode && columnCode ? { formCode: release.formCode, row: rowCode, column: columnCode } : null);
  const seriesRows: ChartRow[] = useMemo(() => (series.data?.points ?? []).map((p) => ({ label: String(p.year), value: p.value, suppressed: Boolean(p.suppressed) })), [series.data]);

  const observations = useMemo(() => observationsOf(def, [release.national, release.province]), [def, release]);
  const dimensions = useMemo(() => {
    const names = new Map(release.province.areas.flatMap((a) => (a.unit ? [[a.unit.code, unitName(a.unit)] as const] : [])));
    return pivotDimensions(def, observations, dimensionLabels, (code) => names.get(code) ?? code);
  }, [def, observations, dimensionLabels, release, unitName]);

  const symbolsNote = t('statsPublic.symbolsNote', { withheld: PUBLIC_SYMBOLS.withheld, noData: PUBLIC_SYMBOLS.noData });

  return (
    <>
      <PageHeader
        eyebrow={t('statsPublic.release.eyebrow', { form: release.formCode, year: release.year })}
        title={title}
        actions={
          <Button component={Link} to="/statistics" variant="default">
            {t('statsPublic.release.back')}
          </Button>
        }
      />
      <Stack gap="xl">
        {release.revisedBy ? (
          <Alert color="orange" variant="light" title={t('statsPublic.release.revisedTitle')}>
            <Text size="sm">
              {t('statsPublic.release.revisedBody')}{' '}
              <Anchor component={Link} to={`/statistics/releases/${release.revisedBy}`}>
                {t('statsPublic.release.openRevision')}
              </Anchor>
            </Text>
          </Alert>
        ) : null}
        <Card withBorder>
          <Stack gap="md">
            <DetailList
              cols={3}
              items={[
                { label: t('statsPublic.release.fields.form'), value: `${def.code} — ${en ? def.titleEn : def.titleVi}` },
                { label: t('statsPublic.release.fields.year'), value: String(release.year) },
                { label: t('statsPublic.release.fields.coverage'), value: t('statsPublic.coverage', { reports: formatNumber(release.reports), assigned: formatNumber(release.assigned) }) },
                { label: t('statsPublic.release.fields.published'), value: formatInstantDate(release.embargoUntil) },
                { label: t('statsPublic.release.fields.asOf'), value: formatDate(release.asOf) },
                { label: t('statsPublic.release.fields.suppression'), value: release.suppressBelow ? t('statsPublic.release.suppressBelow', { count: release.suppressBelow }) : t('statsPublic.release.noSuppression') },
              ]}
            />
            {note ? (
              <Stack gap={4}>
                <Text size="sm" fw={600}>
                  {t('statsPublic.release.notes')}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {note}
                </Text>
              </Stack>
            ) : null}
            <Text size="sm">{symbolsNote}</Text>
          </Stack>
        </Card>

        <Stack gap="xs" component="section" aria-labelledby="release-downloads">
          <Title order={2} size="h4" id="release-downloads">
            {t('statsPublic.release.downloads')}
          </Title>
          <List spacing={4} size="sm">
            <List.Item>
              <Anchor href={releaseDownloadUrl(release.id, 'csv')} download>
                {t('statsPublic.release.csv')}
              </Anchor>
            </List.Item>
            <List.Item>
              <Anchor href={releaseDownloadUrl(release.id, 'sdmx')} download>
                {t('statsPublic.release.sdmx', { dataflow: release.dataflow })}
              </Anchor>
            </List.Item>
            <List.Item>
              <Anchor href={releaseDownloadUrl(release.id, 'xlsx')} download>
                {t('statsPublic.release.xlsx')}
              </Anchor>
            </List.Item>
          </List>
        </Stack>

        <Stack gap="xs" component="section" aria-labelledby="release-national">
          <Title order={2} size="h4" id="release-national">
            {t('statsPublic.release.national')}
          </Title>
          <NationalTable release={release} label={label} caption={t('statsPublic.release.nationalCaption', { title })} />
          <Text size="xs" c="dimmed">
            {symbolsNote}
          </Text>
        </Stack>

        <Stack gap="md" component="section" aria-labelledby="release-cell">
          <Title order={2} size="h4" id="release-cell">
            {t('statsPublic.release.byCell')}
          </Title>
          <Group gap="md" wrap="wrap" align="flex-end">
            <AppSelect
              label={t('statsPublic.release.cellRow')}
              data={def.rows.map((r) => ({ value: r.code, label: `${r.code} ${label(r)}` }))}
              value={rowCode}
              onChange={(v) => set({ row: v })}
              allowDeselect={false}
              searchable={def.rows.length > 12}
              w={380}
            />
            <AppSelect
              label={t('statsPublic.release.cellColumn')}
              data={def.columns.map((c) => ({ value: c.code, label: label(c) }))}
              value={columnCode}
              onChange={(v) => set({ column: v })}
              allowDeselect={false}
              w={300}
            />
          </Group>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Card withBorder padding="md">
              <TileMap
                title={t('statsPublic.release.mapTitle', { cell: cellName, year: release.year })}
                categoryHeader={t('statsPublic.release.province')}
                valueHeader={valueHeader}
                data={mapData}
                fileName={`${slug}-${rowCode}-${columnCode}-map`}
                note={t('statsPublic.release.asOfNote', { date: formatDate(release.province.asOf) })}
              />
            </Card>
            <Card withBorder padding="md">
              <Chart
                title={t('statsPublic.release.chartTitle', { cell: cellName, year: release.year })}
                categoryHeader={t('statsPublic.release.province')}
                valueHeader={valueHeader}
                rows={barRows}
                fileName={`${slug}-${rowCode}-${columnCode}-province`}
                note={source}
                symbols={PUBLIC_SYMBOLS}
                suppressedNote={t('statsPublic.withheldNote', { withheld: PUBLIC_SYMBOLS.withheld })}
              />
            </Card>
          </SimpleGrid>
          <Card withBorder padding="md">
            {series.error ? <ErrorAlert error={series.error} onRetry={() => void series.refetch()} /> : null}
            {series.data ? (
              <LineChart
                title={t('statsPublic.release.seriesTitle', { cell: cellName })}
                categoryHeader={t('statsPublic.release.year')}
                valueHeader={valueHeader}
                rows={seriesRows}
                fileName={`${release.dataflow}-${rowCode}-${columnCode}-series`}
                note={t('statsPublic.release.seriesNote')}
              />
            ) : !series.error ? (
              <LoadingState />
            ) : null}
          </Card>
        </Stack>

        <Card withBorder padding="md">
          <PivotTable title={t('statsPublic.pivot.title')} observations={observations} dimensions={dimensions} fileName={`${slug}-pivot`} note={source} order={2} />
        </Card>
      </Stack>
    </>
  );
}

/**
 * The public page of a statistical release: title, notes, coverage and symbols; downloads (CSV, SDMX-CSV, XLSX);
 * the national table in the form's layout; for a chosen cell a tile map and a bar chart by province and the national
 * time series; and a pivot table over the release's observations. An unknown or unpublished release shows "not found".
 */
export function ReleasePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = usePublicRelease(id);

  if (query.error) {
    const notFound = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
    return (
      <Stack>
        {notFound ? (
          <>
            <PageHeader title={t('statsPublic.release.notFoundTitle')} />
            <Text>{t('statsPublic.release.notFoundBody')}</Text>
          </>
        ) : (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        )}
        <div>
          <Button component={Link} to="/statistics" variant="default">
            {t('statsPublic.release.back')}
          </Button>
        </div>
      </Stack>
    );
  }
  if (!query.data) return <LoadingState />;
  return <ReleaseView release={query.data} />;
}
