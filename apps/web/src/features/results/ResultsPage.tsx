import type { ResultPublic } from '@stinet/shared';
import { Button, Card, Stack, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../components/AppLink';
import { type Column } from '../../components/DataTable';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { useUnitName } from '../../components/UnitName';
import { formatDateTime } from '../../lib/format';
import { useSearchState } from '../../lib/useSearchState';
import { useResults } from '../registrations/api';

const PAGE_SIZE = 25;
const DEFAULTS = { q: '' };

/** The public list of registered S&T task results (public fields only), with search and paging. */
export function ResultsPage() {
  const { t } = useTranslation();
  const unitName = useUnitName();
  const { get, set, page, setPage } = useSearchState(DEFAULTS);
  const query = useResults({ q: get('q') || undefined, page, pageSize: PAGE_SIZE });

  const columns: Column<ResultPublic>[] = [
    {
      key: 'title',
      header: t('results.fields.resultTitleVi'),
      isRowHeader: true,
      render: (r) => <AppLink to={`/results/${r.id}`}>{r.resultTitleVi}</AppLink>,
    },
    {
      key: 'task',
      header: t('results.fields.taskTitle'),
      render: (r) => (
        <>
          <Text size="sm">{r.task.titleVi}</Text>
          <Text size="xs" c="dimmed">
            {r.task.code}
          </Text>
        </>
      ),
    },
    {
      key: 'lead',
      header: t('results.fields.leadOrganization'),
      render: (r) => <AppLink to={`/organizations/${r.leadOrganization.id}`}>{r.leadOrganization.nameVi}</AppLink>,
    },
    { key: 'authority', header: t('results.fields.authority'), render: (r) => unitName(r.authorityUnit) },
    { key: 'certificate', header: t('results.fields.certificateNumber'), render: (r) => r.certificateNumber, width: 170 },
    { key: 'registered', header: t('results.fields.registeredAt'), render: (r) => formatDateTime(r.registeredAt), width: 150 },
  ];

  return (
    <>
      <PageHeader
        title={t('results.title')}
        description={t('results.description')}
        actions={
          <Button component={Link} to="/application-reports" variant="default">
            {t('results.applicationReports')}
          </Button>
        }
      />
      <Card withBorder mb="md">
        <Stack gap="sm">
          <SearchInput label={t('results.search')} description={t('results.searchHint')} value={get('q')} onSearch={(v) => set({ q: v })} w={360} />
          <Text size="xs" c="dimmed">
            {t('results.publicNote')}
          </Text>
        </Stack>
      </Card>
      <Card withBorder>
        <PagedTable
          caption={t('results.title')}
          columns={columns}
          rowKey={(r) => r.id}
          query={query}
          page={page}
          pageSize={PAGE_SIZE}
          onPageChange={setPage}
          emptyMessage={t('results.empty')}
          minWidth={1040}
        />
      </Card>
    </>
  );
}
