import { APPLICATION_STATUSES, type ApplicationReportPublic, type ApplicationStatus } from '@stinet/shared';
import { Card, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../components/AppLink';
import { AppSelect } from '../../components/AppSelect';
import { type Column } from '../../components/DataTable';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { today } from '../../lib/format';
import { useSearchState } from '../../lib/useSearchState';
import { usePublicApplicationReports } from './api';
import { ApplicationStatusText } from './ApplicationReportBits';

const PAGE_SIZE = 25;
const DEFAULTS = { q: '', status: '', year: '' };

function isApplicationStatus(value: string): value is ApplicationStatus {
  return (APPLICATION_STATUSES as readonly string[]).includes(value);
}

function clip(text: string | null, max = 160): string {
  if (!text) return '—';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The public list of accepted application-of-results reports: the task, its lead organization, the year, whether,
 * where and at what scale the results were applied and their effects (revenue, transfers and the rest stay with
 * the staff); with search and filters by application status and year.
 */
export function ApplicationReportsPublicPage() {
  const { t } = useTranslation();
  const { get, set, page, setPage } = useSearchState(DEFAULTS);
  const status = get('status');
  const year = Number(get('year')) || undefined;
  const thisYear = Number(today().slice(0, 4));
  const query = usePublicApplicationReports({
    q: get('q') || undefined,
    applicationStatus: isApplicationStatus(status) ? status : undefined,
    year,
    page,
    pageSize: PAGE_SIZE,
  });

  const columns: Column<ApplicationReportPublic>[] = [
    {
      key: 'task',
      header: t('applicationReports.task'),
      isRowHeader: true,
      render: (r) => (
        <>
          <AppLink to={`/tasks/${r.task.id}`}>{r.task.titleVi}</AppLink>
          <Text size="xs" c="dimmed">
            {r.task.code}
          </Text>
        </>
      ),
    },
    { key: 'lead', header: t('applicationReports.leadOrganization'), render: (r) => <AppLink to={`/organizations/${r.leadOrganization.id}`}>{r.leadOrganization.nameVi}</AppLink> },
    { key: 'year', header: t('applicationReports.reportYear'), render: (r) => `${r.reportYear} (${t('applicationReports.yearN', { n: r.yearIndex })})`, width: 150 },
    { key: 'status', header: t('applicationReports.fields.applicationStatus'), render: (r) => <ApplicationStatusText status={r.applicationStatus} />, width: 150 },
    { key: 'places', header: t('applicationReports.fields.placesApplied'), render: (r) => clip(r.placesApplied) },
    { key: 'effects', header: t('applicationReports.effects'), render: (r) => clip([r.economicEffect, r.socialEffect].filter(Boolean).join('; ') || null) },
  ];

  return (
    <>
      <PageHeader title={t('applicationReports.publicTitle')} description={t('applicationReports.publicDescription')} />
      <Card withBorder mb="md">
        <Group align="flex-end" wrap="wrap">
          <SearchInput label={t('applicationReports.search')} description={t('applicationReports.searchHint')} value={get('q')} onSearch={(v) => set({ q: v })} w={320} />
          <AppSelect
            label={t('applicationReports.fields.applicationStatus')}
            data={APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`applicationReports.applicationStatuses.${s}`) }))}
            value={isApplicationStatus(status) ? status : null}
            onChange={(v) => set({ status: v ?? '' })}
            clearable
            placeholder={t('common.all')}
            w={220}
          />
          <AppSelect
            label={t('applicationReports.reportYear')}
            data={Array.from({ length: 12 }, (_, i) => String(thisYear - i))}
            value={year ? String(year) : null}
            onChange={(v) => set({ year: v ?? '' })}
            clearable
            placeholder={t('common.all')}
            w={140}
          />
        </Group>
      </Card>
      <Card withBorder>
        <PagedTable
          caption={t('applicationReports.publicTitle')}
          columns={columns}
          rowKey={(r) => r.id}
          query={query}
          page={page}
          pageSize={PAGE_SIZE}
          onPageChange={setPage}
          emptyMessage={t('applicationReports.emptyPublic')}
          minWidth={980}
        />
      </Card>
    </>
  );
}
