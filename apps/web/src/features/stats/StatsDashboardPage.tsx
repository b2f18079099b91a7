import { cellKey, INDICATORS, indicatorValue, type AggregateCell, type FormDefinition, type Indicator, type StatAggregate } from '@stinet/shared';
import { Anchor, Badge, Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { AppSelect } from '../../components/AppSelect';
import { Chart, type ChartRow } from '../../components/Chart';
import type { CellSymbols } from '../../components/chart-data';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { LoadingState } from '../../components/States';
import { useUnitName } from '../../components/UnitName';
import { formatDate, formatNumber, today } from '../../lib/format';
import { useSearchState } from '../../lib/useSearchState';
import { useStatPeriods } from './api';
import { PivotTable } from './components/PivotTable';
import { observationsOf, pivotDimensions, type DimensionLabels } from './components/pivot';
import { TileMap, type TileMapDatum } from './components/TileMap';
import { IndicatorCardShell, IndicatorNumber } from './components/IndicatorCard';
import { sdmxUrl, useDefaultPeriod, useStatAggregate, useStatFormsOfYear, type AggregateSelection } from './dashboardApi';

/** The forms of the dashboard (the grassroots forms of Circular 25/2015 with aggregates). */
export const DASHBOARD_FORMS = ['02/CS-KHCN', '03/CS-KHCN', '04/CS-KHCN'] as const;
const DEFAULTS = { period: '', form: '02/CS-KHCN', level: 'national', suppress: '', mrow: '', mcol: '' };
/** Symbols of the staff dashboard's map and pivot: "x" withheld (as in its charts), ".." no data. */
const STAFF_MAP_SYMBOLS: CellSymbols = { withheld: 'x', noData: '..' };
/** Small-cell suppression threshold of the "hide small cells" toggle. */
const SUPPRESS_BELOW = 3;
const TOTAL_ROW = '01';
const TOTAL_COLUMN = 'C1';
const QUALIFICATION_COLUMNS = ['C2', 'C3', 'C4', 'C5', 'C6', 'C7'];

type Cells = Map<string, StatAggregate['areas'][number]['cells'][number]>;

function cellsOf(area: StatAggregate['areas'][number] | undefined): Cells {
  return new Map((area?.cells ?? []).map((c) => [cellKey(c.row, c.column), c]));
}

function rowOf(label: string, c: ReturnType<Cells['get']>): ChartRow {
  return { label, value: c?.value ?? null, suppressed: Boolean(c?.suppressed) };
}

/** The form cells an indicator reads. */
function indicatorCells(ind: Indicator): { formCode: string; row: string; column: string }[] {
  const s = ind.source;
  if (s.kind === 'form_cell') return [{ formCode: s.formCode, row: s.row, column: s.column }];
  if (s.kind === 'form_ratio') return [s.numerator, s.denominator].map((c) => ({ formCode: s.formCode, ...c }));
  return [];
}

function IndicatorCard({ indicator, national }: { indicator: Indicator; national: ReadonlyMap<string, Cells> }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const headingId = `indicator-${indicator.code}`;
  const aggregates = useMemo(() => {
    const out = new Map<string, Map<string, AggregateCell>>();
    for (const [form, cells] of national) {
      out.set(form, new Map([...cells].map(([k, c]) => [k, { value: c.value, reporting: c.reporting, missing: c.missing, hasConfidential: false }])));
    }
    return out;
  }, [national]);
  const result = indicatorValue(indicator, aggregates);
  const withheld = indicatorCells(indicator).some((c) => national.get(c.formCode)?.get(cellKey(c.row, c.column))?.suppressed);
  const s = indicator.source;
  let body;
  if (s.kind === 'not_collected') {
    body = (
      <>
        <Badge variant="light" color="gray">
          {t('statsDashboard.notCollected')}
        </Badge>
        <Text size="sm">{en ? s.noteEn : s.noteVi}</Text>
      </>
    );
  } else if (s.kind === 'registry') {
    body = (
      <Text size="sm">
        {t('statsDashboard.registryNote')}{' '}
        <Anchor component={Link} to="/staff/organizations">
          {t('statsDashboard.registryLink')}
        </Anchor>
      </Text>
    );
  } else if (withheld) {
    body = (
      <Text size="sm">
        <Text span fw={700} fz="xl">
          x
        </Text>{' '}
        {t('statsDashboard.withheld')}
      </Text>
    );
  } else if (result.value === null) {
    body = (
      <Text size="sm" c="dimmed">
        {t('statsDashboard.noData')}
      </Text>
    );
  } else {
    body = (
      <>
        <IndicatorNumber value={result.value} unit={en ? indicator.unitEn : indicator.unitVi} testId="indicator-value" />
        {result.incomplete ? (
          <Badge variant="light" color="orange">
            {t('statsDashboard.incomplete')}
          </Badge>
        ) : null}
      </>
    );
  }
  return (
    <IndicatorCardShell codeLine={t('statsDashboard.indicatorCode', { code: indicator.code })} name={en ? indicator.nameEn : indicator.nameVi} headingId={headingId}>
      {body}
    </IndicatorCardShell>
  );
}

/**
 * The national statistics dashboard (staff): key figures of the indicator catalog for the nation and charts of a
 * form's aggregates over approved reports, nationally or by province (as of today), each chart with a table view and
 * a CSV download, plus the SDMX-CSV download of the selection.
 */
export function StatsDashboardPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const unitName = useUnitName();
  const { get, set } = useSearchState(DEFAULTS);
  const periods = useStatPeriods();
  const chosen = get('period');
  const fallback = useDefaultPeriod(periods.data?.items, DEFAULTS.form, !chosen);
  const periodId = chosen || fallback.data || '';
  const period = periods.data?.items.find((p) => p.id === periodId);
  const formCode = (DASHBOARD_FORMS as readonly string[]).includes(get('form')) ? get('form') : DEFAULTS.form;
  const level = get('level') === 'province' || get('level') === 'ministry' ? (get('level') as 'province' | 'ministry') : 'national';
  const suppressBelow = get('suppress') === '1' ? SUPPRESS_BELOW : undefined;
  const asOf = useMemo(() => today(), []);
  const forms = useStatFormsOfYear(period?.year);
  const def: FormDefinition | undefined = forms.data?.items.find((f) => f.code === formCode);

  const selection: AggregateSelection | null = periodId ? { periodId, formCode, level, asOf, suppressBelow } : null;
  const nationalOf = (code: string): AggregateSelection | null => (periodId ? { periodId, formCode: code, level: 'national', suppressBelow } : null);
  const main = useStatAggregate(selection);
  const n02 = useStatAggregate(nationalOf('02/CS-KHCN'));
  const n03 = useStatAggregate(nationalOf('03/CS-KHCN'));
  const n04 = useStatAggregate(nationalOf('04/CS-KHCN'));
  const national = useMemo(() => {
    const out = new Map<string, Cells>();
    for (const q of [n02.data, n03.data, n04.data]) if (q) out.set(q.formCode, cellsOf(q.areas[0]));
    return out;
  }, [n02.data, n03.data, n04.data]);

  const label = (x: { labelVi: string; labelEn: string }) => (en ? x.labelEn : x.labelVi);
  const totalColumn = def?.columns.find((c) => c.code === TOTAL_COLUMN);
  const valueHeader = totalColumn ? `${label(totalColumn)} (${t(`statsGrid.units.${totalColumn.unit}`)})` : '';
  const formTitle = def ? `${def.code} — ${en ? def.titleEn : def.titleVi}` : formCode;

  const totalRows: ChartRow[] = useMemo(() => {
    if (!main.data || !def) return [];
    if (main.data.level !== 'national') {
      return main.data.areas
        .map((a) => rowOf(unitName(a.unit), cellsOf(a).get(cellKey(TOTAL_ROW, TOTAL_COLUMN))))
        .sort((a, b) => Number(Boolean(a.suppressed)) - Number(Boolean(b.suppressed)) || (b.value ?? -1) - (a.value ?? -1));
    }
    const cells = cellsOf(main.data.areas[0]);
    return def.rows.filter((r) => r.parent === TOTAL_ROW && r.relation === 'breakdown').map((r) => rowOf(`${r.code} ${en ? r.labelEn : r.labelVi}`, cells.get(cellKey(r.code, TOTAL_COLUMN))));
  }, [main.data, def, en, unitName]);

  const def02 = forms.data?.items.find((f) => f.code === '02/CS-KHCN');
  const qualificationRows: ChartRow[] = useMemo(() => {
    const cells = national.get('02/CS-KHCN');
    if (!cells || !def02) return [];
    return QUALIFICATION_COLUMNS.map((code) => def02.columns.find((c) => c.code === code)).flatMap((c) => (c ? [rowOf(en ? c.labelEn : c.labelVi, cells.get(cellKey(TOTAL_ROW, c.code)))] : []));
  }, [national, def02, en]);

  // the province breakdown of the form (the same query as the main one at province level) for the map and the pivot
  const provinceAgg = useStatAggregate(periodId ? { periodId, formCode, level: 'province', asOf, suppressBelow } : null);
  const nationalAgg = useStatAggregate(nationalOf(formCode));
  const mapRow = def?.rows.some((r) => r.code === get('mrow')) ? get('mrow') : (def?.rows[0]?.code ?? TOTAL_ROW);
  const mapColumn = def?.columns.some((c) => c.code === get('mcol')) ? get('mcol') : (def?.columns[0]?.code ?? TOTAL_COLUMN);
  const mapRowDef = def?.rows.find((r) => r.code === mapRow);
  const mapColumnDef = def?.columns.find((c) => c.code === mapColumn);
  const mapValueHeader = mapColumnDef ? `${label(mapColumnDef)} (${t(`statsGrid.units.${mapColumnDef.unit}`)})` : '';
  const mapData: TileMapDatum[] = useMemo(
    () =>
      (provinceAgg.data?.areas ?? [])
        .filter((a) => a.unit)
        .map((a) => {
          const c = a.cells.find((x) => x.row === mapRow && x.column === mapColumn);
          return { code: a.unit?.code ?? '', name: unitName(a.unit), value: c?.value ?? null, suppressed: Boolean(c?.suppressed) };
        }),
    [provinceAgg.data, mapRow, mapColumn, unitName],
  );
  const dimensionLabels: DimensionLabels = useMemo(() => {
    const names: Readonly<Record<string, string>> = t('statsPublic.dims', { returnObjects: true });
    return { dimension: (id: string) => names[id.startsWith('@') ? id.slice(1) : id] ?? id, total: t('statsPublic.pivot.total'), nation: t('statsPublic.pivot.nation'), en };
  }, [t, en]);
  const observations = useMemo(
    () => (def && provinceAgg.data && nationalAgg.data && provinceAgg.data.formCode === def.code && nationalAgg.data.formCode === def.code ? observationsOf(def, [nationalAgg.data, provinceAgg.data]) : []),
    [def, provinceAgg.data, nationalAgg.data],
  );
  const pivotDims = useMemo(() => {
    if (!def) return [];
    const names = new Map((provinceAgg.data?.areas ?? []).flatMap((a) => (a.unit ? [[a.unit.code, unitName(a.unit)] as const] : [])));
    return pivotDimensions(def, observations, dimensionLabels, (code) => names.get(code) ?? code);
  }, [def, observations, dimensionLabels, provinceAgg.data, unitName]);

  const reports = main.data?.areas.reduce((n, a) => n + a.reports, 0) ?? 0;
  const year = period?.year ?? '';
  const slug = formCode.replace(/[^A-Za-z0-9]+/g, '-');
  const periodOptions = (periods.data?.items ?? []).map((p) => ({ value: p.id, label: String(p.year) }));

  return (
    <>
      <PageHeader
        title={t('statsDashboard.title')}
        description={t('statsDashboard.description')}
        actions={
          <Button component={Link} to="/staff/stats" variant="default">
            {t('statsDashboard.backToWork')}
          </Button>
        }
      />
      {periods.error ? <ErrorAlert error={periods.error} onRetry={() => void periods.refetch()} /> : null}
      {!periods.data && !periods.error ? <LoadingState /> : null}
      {periods.data && periods.data.items.length === 0 ? <Text c="dimmed">{t('statsDashboard.noPeriods')}</Text> : null}
      {periods.data && periods.data.items.length > 0 ? (
        <Stack gap="lg">
          <Group align="flex-end" wrap="wrap" gap="md">
            <AppSelect label={t('statsDashboard.period')} data={periodOptions} value={periodId || null} onChange={(v) => set({ period: v })} allowDeselect={false} w={140} />
            <AppSelect
              label={t('statsDashboard.form')}
              data={DASHBOARD_FORMS.map((code) => {
                const f = forms.data?.items.find((x) => x.code === code);
                return { value: code, label: f ? `${code} — ${en ? f.titleEn : f.titleVi}` : code };
              })}
              value={formCode}
              onChange={(v) => set({ form: v })}
              allowDeselect={false}
              w={360}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="stats-dashboard-level">
                {t('statsDashboard.level')}
              </Text>
              <SegmentedControl
                aria-labelledby="stats-dashboard-level"
                value={level}
                onChange={(v) => set({ level: v })}
                data={[
                  { value: 'national', label: t('statsDashboard.levels.national') },
                  { value: 'province', label: t('statsDashboard.levels.province') },
                  { value: 'ministry', label: t('statsDashboard.levels.ministry') },
                ]}
              />
            </Stack>
            <Switch
              label={t('statsDashboard.suppress', { count: SUPPRESS_BELOW })}
              checked={Boolean(suppressBelow)}
              onChange={(e) => set({ suppress: e.currentTarget.checked ? '1' : null })}
              mb={8}
            />
          </Group>
          {main.data ? (
            <Group gap="md" wrap="wrap">
              <Text size="sm">
                {t('statsDashboard.basis', { count: reports, year })}
                {level !== 'national' ? ` ${t('statsDashboard.asOf', { date: formatDate(main.data.asOf) })}` : ''}
              </Text>
              {def ? (
                <Anchor href={sdmxUrl(def.dataflow, selection ?? { periodId, formCode, level })} download size="sm">
                  {t('statsDashboard.sdmx', { dataflow: def.dataflow })}
                </Anchor>
              ) : null}
            </Group>
          ) : null}
          {main.error ? <ErrorAlert error={main.error} onRetry={() => void main.refetch()} /> : null}

          <Stack gap="sm" component="section" aria-labelledby="stats-dashboard-key-figures">
            <Title order={2} size="h4" id="stats-dashboard-key-figures">
              {t('statsDashboard.keyFigures', { year })}
            </Title>
            {n02.data && n03.data && n04.data ? (
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
                {INDICATORS.map((ind) => (
                  <IndicatorCard key={ind.code} indicator={ind} national={national} />
                ))}
              </SimpleGrid>
            ) : n02.error || n03.error || n04.error ? (
              <ErrorAlert error={n02.error ?? n03.error ?? n04.error} />
            ) : (
              <LoadingState />
            )}
          </Stack>

          <Stack gap="md" component="section" aria-labelledby="stats-dashboard-charts">
            <Title order={2} size="h4" id="stats-dashboard-charts">
              {t('statsDashboard.charts', { form: formTitle })}
            </Title>
            {main.data && def ? (
              // a fresh chart per level (the province aggregates may already be cached for the map below)
              <Card withBorder padding="md" key={level}>
                <Chart
                  title={
                    level === 'province'
                      ? t('statsDashboard.totalByProvince', { form: def.code, year })
                      : level === 'ministry'
                        ? t('statsDashboard.totalByMinistry', { form: def.code, year })
                        : t('statsDashboard.totalByBreakdown', { form: def.code, year })
                  }
                  categoryHeader={level === 'province' ? t('statsDashboard.province') : level === 'ministry' ? t('statsDashboard.ministry') : t('statsDashboard.breakdown')}
                  valueHeader={valueHeader}
                  rows={totalRows}
                  fileName={`${slug}-${year}-${level}`}
                  note={t('statsDashboard.source')}
                />
              </Card>
            ) : main.isLoading || forms.isLoading ? (
              <LoadingState />
            ) : null}
            {formCode === '02/CS-KHCN' && def02 && n02.data ? (
              <Card withBorder padding="md">
                <Chart
                  title={t('statsDashboard.byQualification', { year })}
                  categoryHeader={t('statsDashboard.qualification')}
                  valueHeader={t('statsDashboard.persons')}
                  rows={qualificationRows}
                  fileName={`${slug}-${year}-qualification`}
                  note={t('statsDashboard.source')}
                />
              </Card>
            ) : null}
          </Stack>

          <Stack gap="md" component="section" aria-labelledby="stats-dashboard-map">
            <Title order={2} size="h4" id="stats-dashboard-map">
              {t('statsPublic.staff.section')}
            </Title>
            {provinceAgg.error ? <ErrorAlert error={provinceAgg.error} onRetry={() => void provinceAgg.refetch()} /> : null}
            {def && provinceAgg.data ? (
              <>
                <Group gap="md" wrap="wrap" align="flex-end">
                  <AppSelect
                    label={t('statsPublic.staff.cellRow')}
                    data={def.rows.map((r) => ({ value: r.code, label: `${r.code} ${label(r)}` }))}
                    value={mapRow}
                    onChange={(v) => set({ mrow: v })}
                    allowDeselect={false}
                    searchable={def.rows.length > 12}
                    w={360}
                  />
                  <AppSelect
                    label={t('statsPublic.release.cellColumn')}
                    data={def.columns.map((c) => ({ value: c.code, label: label(c) }))}
                    value={mapColumn}
                    onChange={(v) => set({ mcol: v })}
                    allowDeselect={false}
                    w={280}
                  />
                </Group>
                <Card withBorder padding="md">
                  <TileMap
                    title={t('statsPublic.staff.mapTitle', { cell: mapRowDef && mapColumnDef ? t('statsPublic.release.cellName', { row: `${mapRowDef.code} ${label(mapRowDef)}`, column: label(mapColumnDef) }) : '', year })}
                    categoryHeader={t('statsDashboard.province')}
                    valueHeader={mapValueHeader}
                    data={mapData}
                    fileName={`${slug}-${year}-${mapRow}-${mapColumn}-map`}
                    note={t('statsPublic.staff.mapNote')}
                    symbols={STAFF_MAP_SYMBOLS}
                  />
                </Card>
                <Card withBorder padding="md">
                  <PivotTable
                    title={t('statsPublic.staff.pivotTitle', { form: def.code, year })}
                    observations={observations}
                    dimensions={pivotDims}
                    fileName={`${slug}-${year}-pivot`}
                    symbols={STAFF_MAP_SYMBOLS}
                    note={t('statsDashboard.source')}
                  />
                </Card>
              </>
            ) : provinceAgg.isLoading || forms.isLoading ? (
              <LoadingState />
            ) : null}
          </Stack>
        </Stack>
      ) : null}
    </>
  );
}
