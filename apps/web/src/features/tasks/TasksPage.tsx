import type { TaskPublic } from '@stinet/shared';
import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../components/AppLink';
import { AppSelect } from '../../components/AppSelect';
import { CodeSelect } from '../../components/CodeSelect';
import { type Column } from '../../components/DataTable';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { useSearchState } from '../../lib/useSearchState';
import { publicExportUrl } from '../task-io/api';
import { useTasks } from './api';
import { formatPeriod } from './TaskBits';

const PAGE_SIZE = 25;
const DEFAULTS = { q: '', field: '', sort: '-updated' };
const SORTS = [
  { value: '-updated', key: 'updatedDesc' },
  { value: 'name', key: 'name' },
  { value: 'code', key: 'code' },
] as const;
type Sort = (typeof SORTS)[number]['value'];

/** The public list of published S&T tasks, with search, a field filter, sorting and paging. */
export function TasksPage() {
  const { t } = useTranslation();
  const { get, set, page, setPage } = useSearchState(DEFAULTS);
  const sortParam = get('sort');
  const sort: Sort = SORTS.find((s) => s.value === sortParam)?.value ?? '-updated';
  const query = useTasks({ q: get('q') || undefined, fieldCode: get('field') || undefined, sort, page, pageSize: PAGE_SIZE });

  const columns: Column<TaskPublic>[] = [
    { key: 'code', header: t('tasks.fields.code'), render: (task) => task.code, width: 170 },
    {
      key: 'title',
      header: t('tasks.fields.titleVi'),
      isRowHeader: true,
      render: (task) => <AppLink to={`/tasks/${task.id}`}>{task.titleVi}</AppLink>,
    },
    {
      key: 'lead',
      header: t('tasks.fields.leadOrganizationId'),
      render: (task) => <AppLink to={`/organizations/${task.leadOrganization.id}`}>{task.leadOrganization.nameVi}</AppLink>,
    },
    { key: 'pi', header: t('tasks.fields.piName'), render: (task) => task.piName },
    {
      key: 'period',
      header: t('tasks.period'),
      render: (task) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatPeriod(task.startDate, task.endDate)}
        </Text>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('tasks.title')} description={t('tasks.description')} />
      <Card withBorder mb="md">
        <Stack gap="sm">
          <Group align="flex-end" wrap="wrap">
            <SearchInput label={t('tasks.search')} description={t('tasks.searchHint')} value={get('q')} onSearch={(v) => set({ q: v })} w={320} />
            <CodeSelect
              scheme="FOS2025"
              label={t('tasks.fields.fieldCodes2025')}
              value={get('field') || null}
              onChange={(v) => set({ field: v ?? '' })}
              withCode
              clearable
              placeholder={t('common.all')}
            />
            <AppSelect
              label={t('common.sortBy')}
              data={SORTS.map((s) => ({ value: s.value, label: t(`tasks.sorts.${s.key}`) }))}
              value={sort}
              onChange={(v) => set({ sort: v ?? '-updated' })}
              allowDeselect={false}
              w={260}
            />
          </Group>
          <Text size="xs" c="dimmed">
            {t('tasks.publicNote')}
          </Text>
          <Group gap="sm">
            <Button component="a" href={publicExportUrl('xlsx', { q: get('q') || undefined, fieldCode: get('field') || undefined })} download variant="default" size="xs">
              {t('taskIo.exportXlsx')}
            </Button>
            <Button component="a" href={publicExportUrl('csv', { q: get('q') || undefined, fieldCode: get('field') || undefined })} download variant="default" size="xs">
              {t('taskIo.exportCsv')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('taskIo.exportPublicHint')}
            </Text>
          </Group>
        </Stack>
      </Card>
      <Card withBorder>
        <PagedTable
          caption={t('tasks.title')}
          columns={columns}
          rowKey={(task) => task.id}
          query={query}
          page={page}
          pageSize={PAGE_SIZE}
          onPageChange={setPage}
          emptyMessage={t('tasks.empty')}
          minWidth={960}
        />
      </Card>
    </>
  );
}
