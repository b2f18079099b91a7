import type { ResearcherPublic } from '@stinet/shared';
import { Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../api/auth';
import { AppLink } from '../../components/AppLink';
import { CodeLabel } from '../../components/CodeLabel';
import { CodeSelect } from '../../components/CodeSelect';
import { type Column } from '../../components/DataTable';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { UnitSelect } from '../../components/UnitSelect';
import { formatDateTime } from '../../lib/format';
import { basePath, type Mode } from '../../lib/mode';
import { useSearchState } from '../../lib/useSearchState';
import { useResearchers } from './api';

const PAGE_SIZE = 25;
const DEFAULTS = { q: '', province: '', field: '', qualification: '', org: '' };

/** The list of researchers with search, province, field and qualification filters and paging (public or staff). */
export function ResearchersPage({ mode }: { mode: Mode }) {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const navigate = useNavigate();
  const { get, set, page, setPage } = useSearchState(DEFAULTS);
  const query = useResearchers({
    q: get('q') || undefined,
    provinceUnitId: get('province') || undefined,
    fieldCode: get('field') || undefined,
    qualificationCode: get('qualification') || undefined,
    organizationId: get('org') || undefined,
    sort: 'name',
    page,
    pageSize: PAGE_SIZE,
  });
  const canCreate = mode === 'staff' && hasRole('national_admin', 'focal_officer', 'org_reporter');

  const columns: Column<ResearcherPublic>[] = [
    { key: 'code', header: t('researchers.code'), render: (r) => r.code, width: 110 },
    {
      key: 'name',
      header: t('researchers.fields.fullName'),
      isRowHeader: true,
      render: (r) => (
        <Stack gap={0}>
          <AppLink to={`${basePath(mode)}/researchers/${r.id}`}>{r.fullName}</AppLink>
          {r.position ? (
            <Text size="xs" c="dimmed">
              {r.position}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    {
      key: 'title',
      header: t('researchers.titleAndQualification'),
      render: (r) =>
        r.academicTitleCode || r.qualificationCode ? (
          <>
            {r.academicTitleCode ? <CodeLabel scheme="ACADEMIC_TITLE" code={r.academicTitleCode} /> : null}
            {r.academicTitleCode && r.qualificationCode ? ', ' : null}
            {r.qualificationCode ? <CodeLabel scheme="QUALIFICATION" code={r.qualificationCode} /> : null}
          </>
        ) : (
          '—'
        ),
    },
    { key: 'field', header: t('researchers.fields.fieldCode'), render: (r) => <CodeLabel scheme="FOS2025" code={r.fieldCode} withCode /> },
    {
      key: 'organization',
      header: t('researchers.fields.organizationId'),
      render: (r) => <AppLink to={`${basePath(mode)}/organizations/${r.organization.id}`}>{r.organization.nameVi}</AppLink>,
    },
    {
      key: 'orcid',
      header: t('researchers.fields.orcid'),
      render: (r) =>
        r.orcid ? (
          <Anchor href={`https://orcid.org/${r.orcid}`} target="_blank" rel="noopener noreferrer" size="sm">
            {r.orcid}
          </Anchor>
        ) : (
          '—'
        ),
    },
  ];
  if (mode === 'staff') {
    columns.push({ key: 'updated', header: t('organizations.updatedAt'), render: (r) => formatDateTime(r.updatedAt) });
  }

  return (
    <>
      <PageHeader
        title={t('researchers.title')}
        description={t('researchers.description')}
        actions={
          canCreate ? (
            <Button onClick={() => navigate('/staff/researchers/new')}>
              {t('researchers.create')}
            </Button>
          ) : null
        }
      />
      <Card withBorder mb="md">
        <Group align="flex-end" wrap="wrap">
          <SearchInput label={t('researchers.search')} value={get('q')} onSearch={(v) => set({ q: v })} w={300} />
          <UnitSelect
            label={t('organizations.fields.provinceUnitId')}
            value={get('province') || null}
            onChange={(v) => set({ province: v ?? '' })}
            kinds={['province']}
            clearable
            placeholder={t('organizations.allProvinces')}
          />
          <CodeSelect scheme="FOS2025" label={t('researchers.fields.fieldCode')} value={get('field') || null} onChange={(v) => set({ field: v ?? '' })} withCode clearable placeholder={t('common.all')} />
          <CodeSelect
            scheme="QUALIFICATION"
            label={t('researchers.fields.qualificationCode')}
            value={get('qualification') || null}
            onChange={(v) => set({ qualification: v ?? '' })}
            clearable
            placeholder={t('common.all')}
          />
          {get('org') ? (
            <Button variant="light" onClick={() => set({ org: '' })}>
              {t('researchers.clearOrganizationFilter')}
            </Button>
          ) : null}
        </Group>
      </Card>
      <Card withBorder>
        <PagedTable
          caption={t('researchers.title')}
          columns={columns}
          rowKey={(r) => r.id}
          query={query}
          page={page}
          pageSize={PAGE_SIZE}
          onPageChange={setPage}
          emptyMessage={t('researchers.empty')}
          minWidth={960}
        />
      </Card>
    </>
  );
}
