import { REGISTRATION_STATUSES, type RegistrationStatus } from '@stinet/shared';
import { Card, Group, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../api/auth';
import { AppLink } from '../../components/AppLink';
import { type Column } from '../../components/DataTable';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { useUnitName } from '../../components/UnitName';
import { formatDateTime } from '../../lib/format';
import { useSearchState } from '../../lib/useSearchState';
import { useRegistrationWork, type RegistrationWorkItem } from './api';
import { RegistrationDeadline, RegistrationStatusBadge } from './RegistrationBits';

const PAGE_SIZE = 25;
const DEFAULTS = { q: '', status: '' };
const ALL = 'all';

function isStatus(value: string): value is RegistrationStatus {
  return (REGISTRATION_STATUSES as readonly string[]).includes(value);
}

/**
 * The staff work list of result-registration dossiers (Mẫu 5): those registering at or managed by a focal officer's
 * units, those of a reporter's organization, all for national administrators; with status tabs, search and paging.
 * Each row links to the task's acceptance and registration tab.
 */
export function RegistrationWorkPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const unitName = useUnitName();
  const { get, set, page, setPage } = useSearchState(DEFAULTS);
  const statusParam = get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const query = useRegistrationWork({ status, q: get('q') || undefined, page, pageSize: PAGE_SIZE });
  const description =
    user?.role === 'focal_officer'
      ? t('registrations.workDescriptionOfficer')
      : user?.role === 'org_reporter'
        ? t('registrations.workDescriptionReporter')
        : t('registrations.workDescriptionAll');

  const columns: Column<RegistrationWorkItem>[] = [
    { key: 'code', header: t('tasks.fields.code'), render: (item) => item.task.code, width: 170 },
    {
      key: 'task',
      header: t('registrations.task'),
      isRowHeader: true,
      render: (item) => (
        <>
          <AppLink to={`/staff/tasks/${item.task.id}?tab=registration`}>{item.task.titleVi}</AppLink>
          <Text size="xs" c="dimmed" mt={2}>
            {t('registrations.fields.resultTitleVi')}: {item.resultTitleVi}
          </Text>
        </>
      ),
    },
    { key: 'lead', header: t('registrations.fields.leadOrganization'), render: (item) => item.leadOrganization.nameVi },
    { key: 'authority', header: t('registrations.fields.authorityUnit'), render: (item) => unitName(item.authorityUnit) },
    { key: 'status', header: t('registrations.status'), render: (item) => <RegistrationStatusBadge status={item.status} />, width: 130 },
    { key: 'deadline', header: t('registrations.fields.deadline'), render: (item) => <RegistrationDeadline deadline={item.deadline} isLate={item.isLate} /> },
    { key: 'updated', header: t('registrations.updatedAt'), render: (item) => formatDateTime(item.updatedAt) },
  ];

  const table = (
    <PagedTable
      caption={status ? `${t('registrations.workTitle')}: ${t(`registrations.statuses.${status}`)}` : t('registrations.workTitle')}
      columns={columns}
      rowKey={(item) => item.id}
      query={query}
      page={page}
      pageSize={PAGE_SIZE}
      onPageChange={setPage}
      emptyMessage={t('registrations.emptyWork')}
      minWidth={1040}
    />
  );

  return (
    <>
      <PageHeader title={t('registrations.workTitle')} description={description} />
      <Card withBorder mb="md">
        <Group align="flex-end" wrap="wrap">
          <SearchInput label={t('registrations.search')} description={t('registrations.searchHint')} value={get('q')} onSearch={(v) => set({ q: v })} w={360} />
        </Group>
      </Card>
      <Card withBorder>
        <Tabs value={status ?? ALL} onChange={(v) => set({ status: v === ALL ? '' : v })} keepMounted={false}>
          <Tabs.List mb="md" aria-label={t('registrations.statusFilter')}>
            <Tabs.Tab value={ALL}>{t('registrations.allStatuses')}</Tabs.Tab>
            {REGISTRATION_STATUSES.map((s) => (
              <Tabs.Tab key={s} value={s}>
                {t(`registrations.statuses.${s}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {[ALL, ...REGISTRATION_STATUSES].map((s) => (
            <Tabs.Panel key={s} value={s}>
              {table}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Card>
    </>
  );
}
