import { TASK_STATUSES, type TaskStatus } from '@stinet/shared';
import { Button, Card, Group, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../api/auth';
import type { TaskWorkItem } from '../../api/types';
import { AppLink } from '../../components/AppLink';
import { type Column } from '../../components/DataTable';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { useUnitName } from '../../components/UnitName';
import { formatDate, formatDateTime } from '../../lib/format';
import { useSearchState } from '../../lib/useSearchState';
import { workExportUrl } from '../task-io/api';
import { useTaskWork } from './api';
import { LateBadge, TaskStatusBadge } from './TaskBits';

const PAGE_SIZE = 25;
const DEFAULTS = { q: '', status: '' };
const ALL = 'all';

function isStatus(value: string): value is TaskStatus {
  return (TASK_STATUSES as readonly string[]).includes(value);
}

/**
 * The staff work list of tasks: those registered at a focal officer's unit, those a reporter's organization leads,
 * all for national administrators; with status tabs (draft, submitted, returned, published), search and paging.
 */
export function TaskWorkPage() {
  const { t } = useTranslation();
  const { user, hasRole } = useAuth();
  const unitName = useUnitName();
  const { get, set, page, setPage } = useSearchState(DEFAULTS);
  const statusParam = get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const query = useTaskWork({ status, q: get('q') || undefined, page, pageSize: PAGE_SIZE });
  const canCreate = hasRole('national_admin', 'focal_officer', 'org_reporter');
  const description =
    user?.role === 'focal_officer' ? t('tasks.workDescriptionOfficer') : user?.role === 'org_reporter' ? t('tasks.workDescriptionReporter') : t('tasks.workDescriptionAll');

  const columns: Column<TaskWorkItem>[] = [
    { key: 'code', header: t('tasks.fields.code'), render: (task) => task.code, width: 170 },
    {
      key: 'title',
      header: t('tasks.fields.titleVi'),
      isRowHeader: true,
      render: (task) => <AppLink to={`/staff/tasks/${task.id}`}>{task.titleVi}</AppLink>,
    },
    { key: 'status', header: t('tasks.status'), render: (task) => <TaskStatusBadge status={task.status} />, width: 130 },
    { key: 'unit', header: t('tasks.fields.managingUnitId'), render: (task) => unitName(task.managingUnit) },
    { key: 'lead', header: t('tasks.fields.leadOrganizationId'), render: (task) => task.leadOrganization.nameVi },
    { key: 'contract', header: t('tasks.fields.contractDate'), render: (task) => formatDate(task.contractDate) },
    {
      key: 'deadline',
      header: t('tasks.deadline'),
      render: (task) => (
        <Group gap="xs" wrap="nowrap">
          <span>{task.ongoingDeadline ? formatDate(task.ongoingDeadline) : '—'}</span>
          {task.isOngoingLate ? <LateBadge /> : null}
        </Group>
      ),
    },
    { key: 'updated', header: t('tasks.updatedAt'), render: (task) => formatDateTime(task.updatedAt) },
  ];

  const table = (
    <PagedTable
      caption={status ? `${t('tasks.workTitle')}: ${t(`tasks.statuses.${status}`)}` : t('tasks.workTitle')}
      columns={columns}
      rowKey={(task) => task.id}
      query={query}
      page={page}
      pageSize={PAGE_SIZE}
      onPageChange={setPage}
      emptyMessage={t('tasks.emptyWork')}
      minWidth={1040}
    />
  );

  return (
    <>
      <PageHeader
        title={t('tasks.workTitle')}
        description={description}
        actions={
          <Group gap="sm">
            <Button component="a" href={workExportUrl('xlsx', { status, q: get('q') || undefined })} download variant="default">
              {t('taskIo.exportXlsx')}
            </Button>
            <Button component="a" href={workExportUrl('csv', { status, q: get('q') || undefined })} download variant="default">
              {t('taskIo.exportCsv')}
            </Button>
            {canCreate ? (
              <Button component={Link} to="/staff/tasks/import" variant="light">
                {t('taskIo.importLink')}
              </Button>
            ) : null}
            {canCreate ? (
              <Button component={Link} to="/staff/tasks/new">
                {t('tasks.create')}
              </Button>
            ) : null}
          </Group>
        }
      />
      <Card withBorder mb="md">
        <Group align="flex-end" wrap="wrap">
          <SearchInput label={t('tasks.search')} description={t('tasks.searchHint')} value={get('q')} onSearch={(v) => set({ q: v })} w={320} />
        </Group>
      </Card>
      <Card withBorder>
        <Tabs value={status ?? ALL} onChange={(v) => set({ status: v === ALL ? '' : v })} keepMounted={false}>
          <Tabs.List mb="md" aria-label={t('tasks.statusFilter')}>
            <Tabs.Tab value={ALL}>{t('tasks.allStatuses')}</Tabs.Tab>
            {TASK_STATUSES.map((s) => (
              <Tabs.Tab key={s} value={s}>
                {t(`tasks.statuses.${s}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {[ALL, ...TASK_STATUSES].map((s) => (
            <Tabs.Panel key={s} value={s}>
              {table}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Card>
    </>
  );
}
