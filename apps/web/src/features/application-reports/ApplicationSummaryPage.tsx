import type { ApplicationSummary, ApplicationSummaryRow } from '@stinet/shared';
import { Box, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../api/auth';
import { AppLink } from '../../components/AppLink';
import { AppSelect } from '../../components/AppSelect';
import { CodeLabel } from '../../components/CodeLabel';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, LoadingState } from '../../components/States';
import { UnitSelect } from '../../components/UnitSelect';
import { useUnitName } from '../../components/UnitName';
import { currentLanguage } from '../../i18n';
import { formatDate, formatNumber, today } from '../../lib/format';
import { useSearchState } from '../../lib/useSearchState';
import { summaryXlsxUrl, useApplicationSummary } from './api';
import { ApplicationStatusText, ReportLateBadge, ReportStatusBadge, formatMillion } from './ApplicationReportBits';
import { reportPath } from './TaskApplicationReports';

type CountKey = keyof ApplicationSummary['counts'];
const COUNT_KEYS: CountKey[] = ['owed', 'received', 'accepted', 'awaitingReview', 'late', 'missing', 'notYetDue', 'applied', 'partlyApplied', 'notApplied', 'totalRevenue', 'totalTransferContracts', 'totalTransferValue'];

function RowStatus({ row }: { row: ApplicationSummaryRow }) {
  const { t } = useTranslation();
  if (row.status) return <ReportStatusBadge status={row.status} />;
  return (
    <Text span size="sm" c={row.isMissing ? 'red.9' : 'dimmed'}>
      {row.isMissing ? t('applicationReports.rowStatus.missing') : t('applicationReports.rowStatus.notYetDue')}
    </Text>
  );
}

/**
 * The yearly summary of application-of-results reports (Mẫu 15) of a focal point: pick the unit (officers start
 * with their own) and the year; see what was owed, received, accepted, late and missing, how the accepted reports
 * say the results were applied, revenue and transfers, the task list, and download it all as XLSX.
 */
export function ApplicationSummaryPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const unitName = useUnitName();
  const thisYear = Number(today().slice(0, 4));
  const { get, set } = useSearchState({ unitId: user?.scopeUnit?.id ?? '', year: String(thisYear) });
  const unitId = get('unitId') || null;
  const year = Number(get('year')) || thisYear;
  const query = useApplicationSummary(unitId, year);
  const summary = query.data;
  const years = Array.from({ length: 12 }, (_, i) => String(thisYear + 1 - i));

  const columns: Column<ApplicationSummaryRow>[] = [
    { key: 'code', header: t('tasks.fields.code'), render: (r) => r.code, width: 160 },
    { key: 'title', header: t('tasks.fields.titleVi'), isRowHeader: true, render: (r) => <AppLink to={reportPath(r.taskId, r.yearIndex)}>{r.titleVi}</AppLink> },
    { key: 'form', header: t('tasks.fields.formCode'), render: (r) => <CodeLabel scheme="TASK_FORM" code={r.formCode} /> },
    { key: 'lead', header: t('tasks.fields.leadOrganizationId'), render: (r) => r.leadOrganization.nameVi },
    { key: 'year', header: t('applicationReports.year'), render: (r) => r.yearIndex, width: 80, align: 'right' },
    { key: 'due', header: t('applicationReports.dueDate'), render: (r) => formatDate(r.dueDate), width: 110 },
    {
      key: 'status',
      header: t('applicationReports.status'),
      render: (r) => (
        <Group gap="xs" wrap="nowrap">
          <RowStatus row={r} />
          {r.isLate ? <ReportLateBadge /> : null}
        </Group>
      ),
    },
    { key: 'application', header: t('applicationReports.fields.applicationStatus'), render: (r) => <ApplicationStatusText status={r.applicationStatus} /> },
    { key: 'revenue', header: t('applicationReports.fields.revenue'), render: (r) => formatMillion(r.revenue) ?? '—', align: 'right' },
  ];

  const countValue = (key: CountKey, value: number) => (key === 'totalRevenue' || key === 'totalTransferValue' ? (formatMillion(value) ?? '') : formatNumber(value));

  return (
    <>
      <PageHeader
        title={t('applicationReports.summaryTitle')}
        description={t('applicationReports.summaryDescription')}
        actions={
          unitId && summary ? (
            <Button component="a" href={summaryXlsxUrl(unitId, year, currentLanguage())} download>
              {t('applicationReports.downloadXlsx')}
            </Button>
          ) : null
        }
      />
      <Card withBorder mb="md">
        <Group align="flex-end" wrap="wrap">
          <Box w={420} maw="100%">
            <UnitSelect label={t('applicationReports.unit')} value={unitId} onChange={(v) => set({ unitId: v ?? '' })} />
          </Box>
          <AppSelect
            label={t('applicationReports.reportYear')}
            data={years}
            value={String(year)}
            onChange={(v) => set({ year: v ?? String(thisYear) })}
            allowDeselect={false}
            w={140}
          />
        </Group>
      </Card>
      {!unitId ? (
        <EmptyState message={t('applicationReports.chooseUnit')} />
      ) : query.error ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !summary ? (
        <LoadingState />
      ) : (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {unitName(summary.unit)} · {t('applicationReports.reportYear')} {summary.year} · {t('applicationReports.asOf', { date: formatDate(summary.asOf) })}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} component="dl" m={0}>
            {COUNT_KEYS.map((key) => (
              <Card withBorder key={key} padding="sm">
                <Text component="dt" size="xs" c="dimmed" fw={600}>
                  {t(`applicationReports.counts.${key}`)}
                </Text>
                <Text component="dd" m={0} fz="xl" fw={700} c={key === 'missing' && summary.counts.missing > 0 ? 'red.9' : 'blue.8'}>
                  {countValue(key, summary.counts[key])}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          <Card withBorder>
            <DataTable caption={t('applicationReports.summaryCaption')} columns={columns} rows={summary.rows} rowKey={(r) => `${r.taskId}-${r.yearIndex}`} emptyMessage={t('applicationReports.emptySummary')} minWidth={1100} />
          </Card>
        </Stack>
      )}
    </>
  );
}
