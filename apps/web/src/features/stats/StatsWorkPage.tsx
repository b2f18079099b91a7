import { STAT_REPORT_STATUSES, type StatBoard, type StatReportStatus, type StatReportSummary } from '@stinet/shared';
import { Button, Card, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../api/auth';
import { AppLink } from '../../components/AppLink';
import { AppSelect } from '../../components/AppSelect';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { LoadingState } from '../../components/States';
import { useUnitName } from '../../components/UnitName';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { useSearchState } from '../../lib/useSearchState';
import { useCreateStatPeriod, useStatBoard, useStatPeriods, useStatReports } from './api';
import { StatLateBadge, StatStatusBadge, statReportPath } from './StatsBits';
import { BulkUploadCard } from './BulkUploadCard';
import { PeriodActions } from './PeriodActions';
import { ProvinceFormsCard } from './ProvinceFormsCard';

const PAGE_SIZE = 25;
const DEFAULTS = { q: '', status: 'all', period: '' };

function isStatus(value: string): value is StatReportStatus {
  return (STAT_REPORT_STATUSES as readonly string[]).includes(value);
}

/** The national admin's small form to open the reporting period of a year (deadlines default). */
function OpenPeriodForm({ onOpened }: { onOpened: (periodId: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateStatPeriod();
  const [year, setYear] = useState<number | string>(new Date().getFullYear() - 1);
  return (
    <Card withBorder mb="md" component="section" aria-labelledby="stats-open-period">
      <Title order={2} size="h4" id="stats-open-period" mb="xs">
        {t('stats.openPeriod.title')}
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const y = Number(year);
          create.mutate(
            { year: y },
            {
              onSuccess: (period) => {
                notifications.show({ color: 'green', message: t('stats.openPeriod.done', { year: period.year }) });
                onOpened(period.id);
              },
            },
          );
        }}
      >
        <Group align="flex-end" gap="sm">
          <NumberInput label={t('stats.openPeriod.year')} value={year} onChange={setYear} min={2000} max={2100} allowDecimal={false} thousandSeparator="" w={160} required />
          <Button type="submit" loading={create.isPending}>
            {t('stats.openPeriod.submit')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed" mt="xs">
          {t('stats.openPeriod.hint')}
        </Text>
        {create.error ? (
          <Stack mt="sm">
            <ErrorAlert error={create.error} />
          </Stack>
        ) : null}
      </form>
    </Card>
  );
}

/** The completeness and timeliness board of a period: counts per form and the units that have not submitted. */
function PeriodBoard({ periodId }: { periodId: string }) {
  const { t } = useTranslation();
  const unitName = useUnitName();
  const query = useStatBoard(periodId, true);
  const board = query.data;
  type Row = StatBoard['forms'][number];
  type Waiting = StatBoard['notSubmitted'][number];
  const counts = ['assigned', 'notStarted', 'draft', 'submitted', 'returned', 'approved', 'accepted', 'late'] as const;
  const columns: Column<Row>[] = [
    { key: 'form', header: t('stats.board.form'), isRowHeader: true, render: (r) => `${r.form.code} — ${r.form.titleVi}` },
    ...counts.map((k) => ({ key: k, header: t(`stats.board.${k}`), align: 'right' as const, render: (r: Row) => formatNumber(r[k]) })),
  ];
  const waitingColumns: Column<Waiting>[] = [
    { key: 'org', header: t('stats.columns.organization'), isRowHeader: true, render: (w) => <AppLink to={statReportPath(w.reportId)}>{w.organization.nameVi}</AppLink> },
    { key: 'form', header: t('stats.columns.form'), render: (w) => w.formCode },
    {
      key: 'status',
      header: t('stats.status'),
      render: (w) => (
        <Group gap="xs" wrap="nowrap">
          <StatStatusBadge status={w.status} />
          {w.isLate ? <StatLateBadge /> : null}
        </Group>
      ),
    },
  ];
  return (
    <Card withBorder mt="md" component="section" aria-labelledby="stats-board-title">
      <Title order={2} size="h4" id="stats-board-title">
        {t('stats.board.title')}
      </Title>
      {query.error ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {!board && !query.error ? <LoadingState /> : null}
      {board ? (
        <Stack gap="md" mt="xs">
          <Text size="sm" c="dimmed">
            {board.unit ? t('stats.board.scope', { unit: unitName(board.unit) }) : t('stats.board.scopeAll')}
          </Text>
          <DataTable caption={t('stats.board.caption')} columns={columns} rows={board.forms} rowKey={(r) => `${r.form.code}-${r.form.version}`} emptyMessage={t('stats.board.empty')} minWidth={900} />
          <Title order={3} size="h5">
            {t('stats.board.notSubmittedTitle')}
          </Title>
          <DataTable
            caption={t('stats.board.notSubmittedTitle')}
            columns={waitingColumns}
            rows={board.notSubmitted}
            rowKey={(w) => w.reportId}
            emptyMessage={t('stats.board.allSubmitted')}
          />
        </Stack>
      ) : null}
    </Card>
  );
}

/**
 * The statistical reporting work page: the period (newest by default), a status filter and a search over the
 * reports in my scope; for national admins a form to open a period; for focal officers and admins the period's
 * completeness board.
 */
export function StatsWorkPage() {
  const { t } = useTranslation();
  const { user, hasRole } = useAuth();
  const unitName = useUnitName();
  const { get, set, page, setPage } = useSearchState(DEFAULTS);
  const periods = useStatPeriods();
  const periodParam = get('period');
  const period = periods.data?.items.find((p) => p.id === periodParam) ?? periods.data?.items[0];
  const statusParam = get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const reports = useStatReports({ periodId: period?.id, status, q: get('q') || undefined, page, pageSize: PAGE_SIZE }, Boolean(period));
  const description =
    user?.role === 'focal_officer' ? t('stats.workDescriptionOfficer') : user?.role === 'org_reporter' ? t('stats.workDescriptionReporter') : t('stats.workDescriptionAll');

  const columns: Column<StatReportSummary>[] = [
    { key: 'org', header: t('stats.columns.organization'), isRowHeader: true, render: (r) => <AppLink to={statReportPath(r.id)}>{r.organization.nameVi}</AppLink> },
    { key: 'form', header: t('stats.columns.form'), render: (r) => `${r.form.code} — ${r.form.titleVi}` },
    { key: 'unit', header: t('stats.columns.managingUnit'), render: (r) => unitName(r.managingUnit) },
    { key: 'status', header: t('stats.status'), render: (r) => <StatStatusBadge status={r.status} /> },
    {
      key: 'deadline',
      header: t('stats.columns.deadline'),
      render: (r) => (
        <Group gap="xs" wrap="nowrap">
          <span>{formatDate(r.period.unitDeadline)}</span>
          {r.isLate ? <StatLateBadge /> : null}
        </Group>
      ),
    },
    { key: 'updated', header: t('stats.columns.updatedAt'), render: (r) => formatDateTime(r.updatedAt) },
  ];

  return (
    <>
      <PageHeader
        title={t('stats.workTitle')}
        description={description}
        actions={
          <Group gap="sm">
            {hasRole('national_admin', 'focal_officer', 'reviewer') ? (
              <Button component={Link} to="/staff/stats/releases" variant="default">
                {t('statsAdmin.releases.open')}
              </Button>
            ) : null}
            <Button component={Link} to="/staff/stats/dashboard" variant="default">
              {t('statsDashboard.open')}
            </Button>
          </Group>
        }
      />
      {hasRole('national_admin') ? <OpenPeriodForm onOpened={(id) => set({ period: id })} /> : null}
      {periods.error ? <ErrorAlert error={periods.error} onRetry={() => void periods.refetch()} /> : null}
      {periods.data && periods.data.items.length === 0 ? (
        <Text c="dimmed">{t('stats.noPeriods')}</Text>
      ) : null}
      {!periods.data && !periods.error ? <LoadingState /> : null}
      {period ? (
        <>
          <Card withBorder mb="md">
            <Group align="flex-end" gap="md" wrap="wrap">
              <AppSelect
                label={t('stats.period')}
                data={(periods.data?.items ?? []).map((p) => ({ value: p.id, label: t('stats.periodYear', { year: p.year }) }))}
                value={period.id}
                onChange={(v) => set({ period: v })}
                allowDeselect={false}
                w={200}
              />
              <AppSelect
                label={t('stats.status')}
                data={[{ value: 'all', label: t('stats.allStatuses') }, ...STAT_REPORT_STATUSES.map((s) => ({ value: s, label: t(`stats.statuses.${s}`) }))]}
                value={status ?? 'all'}
                onChange={(v) => set({ status: v ?? 'all' })}
                allowDeselect={false}
                w={220}
              />
              <SearchInput label={t('stats.search')} description={t('stats.searchHint')} value={get('q')} onSearch={(v) => set({ q: v })} w={320} />
            </Group>
          </Card>
          <PeriodActions period={period} canManage={hasRole('national_admin')} />
          <Card withBorder>
            <PagedTable
              caption={t('stats.tableCaption')}
              columns={columns}
              rowKey={(r) => r.id}
              query={reports}
              page={page}
              pageSize={PAGE_SIZE}
              onPageChange={setPage}
              emptyMessage={t('stats.emptyReports')}
              minWidth={1000}
            />
          </Card>
          {hasRole('national_admin', 'focal_officer') ? <BulkUploadCard period={period} /> : null}
          {hasRole('national_admin', 'focal_officer', 'reviewer') ? <ProvinceFormsCard period={period} /> : null}
          {hasRole('national_admin', 'focal_officer') ? <PeriodBoard periodId={period.id} /> : null}
        </>
      ) : null}
    </>
  );
}
