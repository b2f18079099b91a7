import { APPLICATION_WORK_CATEGORIES, type ApplicationReportWorkItem, type ApplicationWorkCategory } from '@stinet/shared';
import { Badge, Button, Card, Group, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../api/auth';
import { AppLink } from '../../components/AppLink';
import { type Column } from '../../components/DataTable';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { useUnitName } from '../../components/UnitName';
import { formatDate, formatNumber } from '../../lib/format';
import { useSearchState } from '../../lib/useSearchState';
import { useApplicationReportWork } from './api';
import { DaysLeft, ReportLateBadge, ReportStatusBadge } from './ApplicationReportBits';
import { reportPath } from './TaskApplicationReports';

const PAGE_SIZE = 25;
const DEFAULTS = { q: '', category: 'overdue' };

function isCategory(value: string): value is ApplicationWorkCategory {
  return (APPLICATION_WORK_CATEGORIES as readonly string[]).includes(value);
}

/**
 * The staff work list of application-of-results reports (Mẫu 12) in the caller's scope: years open for sending,
 * overdue, awaiting the focal point's review, and returned to the organization; with counts, search and paging.
 */
export function ApplicationReportWorkPage() {
  const { t } = useTranslation();
  const { user, hasRole } = useAuth();
  const unitName = useUnitName();
  const { get, set, page, setPage } = useSearchState(DEFAULTS);
  const categoryParam = get('category');
  const category: ApplicationWorkCategory = isCategory(categoryParam) ? categoryParam : 'overdue';
  const query = useApplicationReportWork({ category, q: get('q') || undefined, page, pageSize: PAGE_SIZE });
  const counts = query.data?.counts;
  /** National admins and reviewers see many units: show each row's unit. */
  const wide = user?.role === 'national_admin' || user?.role === 'reviewer';
  const description =
    user?.role === 'focal_officer'
      ? t('applicationReports.workDescriptionOfficer')
      : user?.role === 'org_reporter'
        ? t('applicationReports.workDescriptionReporter')
        : t('applicationReports.workDescriptionAll');

  const columns: Column<ApplicationReportWorkItem>[] = [
    { key: 'code', header: t('tasks.fields.code'), render: (i) => i.code, width: 170 },
    {
      key: 'title',
      header: t('tasks.fields.titleVi'),
      isRowHeader: true,
      render: (i) => <AppLink to={reportPath(i.taskId, i.yearIndex)}>{i.titleVi}</AppLink>,
    },
    { key: 'year', header: t('applicationReports.year'), render: (i) => t('applicationReports.yearN', { n: i.yearIndex }), width: 100 },
    { key: 'lead', header: t('tasks.fields.leadOrganizationId'), render: (i) => i.leadOrganization.nameVi },
    ...(wide ? [{ key: 'unit', header: t('tasks.fields.managingUnitId'), render: (i: ApplicationReportWorkItem) => unitName(i.managingUnit) }] : []),
    {
      key: 'due',
      header: t('applicationReports.dueDate'),
      render: (i) => (
        <Group gap="xs" wrap="nowrap">
          <span>{formatDate(i.dueDate)}</span>
          {i.isLate && i.category !== 'overdue' ? <ReportLateBadge /> : null}
        </Group>
      ),
    },
    { key: 'left', header: t('applicationReports.timeLeft'), render: (i) => (i.category === 'dueSoon' || i.category === 'overdue' ? <DaysLeft days={i.daysLeft} /> : null) },
    { key: 'status', header: t('applicationReports.status'), render: (i) => (i.status ? <ReportStatusBadge status={i.status} /> : t('applicationReports.notStarted')) },
  ];

  return (
    <>
      <PageHeader
        title={t('applicationReports.workTitle')}
        description={description}
        actions={
          <>
            {hasRole('national_admin', 'focal_officer', 'reviewer') ? (
              <Button component={Link} to="/staff/application-reports/summary" variant="light">
                {t('applicationReports.summaryLink')}
              </Button>
            ) : null}
            <Button component={Link} to="/application-reports" variant="default">
              {t('applicationReports.publicLink')}
            </Button>
          </>
        }
      />
      <Card withBorder mb="md">
        <SearchInput label={t('applicationReports.search')} description={t('applicationReports.searchHint')} value={get('q')} onSearch={(v) => set({ q: v })} w={320} />
      </Card>
      <Card withBorder>
        <Tabs value={category} onChange={(v) => set({ category: v ?? 'overdue' })} keepMounted={false}>
          <Tabs.List mb="md" aria-label={t('applicationReports.categoryFilter')}>
            {APPLICATION_WORK_CATEGORIES.map((c) => (
              <Tabs.Tab
                key={c}
                value={c}
                rightSection={
                  counts ? (
                    <Badge size="sm" variant="light" color={c === 'overdue' ? 'red' : 'gray'} aria-hidden="true">
                      {formatNumber(counts[c])}
                    </Badge>
                  ) : null
                }
              >
                {t(`applicationReports.categories.${c}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {APPLICATION_WORK_CATEGORIES.map((c) => (
            <Tabs.Panel key={c} value={c}>
              <PagedTable
                caption={`${t('applicationReports.workTitle')}: ${t(`applicationReports.categories.${c}`)}`}
                columns={columns}
                rowKey={(i) => `${i.taskId}-${i.yearIndex}`}
                query={query}
                page={page}
                pageSize={PAGE_SIZE}
                onPageChange={setPage}
                emptyMessage={t('applicationReports.emptyWork')}
                minWidth={1100}
              />
            </Tabs.Panel>
          ))}
        </Tabs>
      </Card>
    </>
  );
}
