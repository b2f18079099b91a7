import type { OrganizationPublic } from '@stinet/shared';
import { Button, Card, Checkbox, Group, Stack, Text } from '@mantine/core';
import { AppSelect } from '../../components/AppSelect';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../api/auth';
import { AppLink } from '../../components/AppLink';
import { CodeLabel } from '../../components/CodeLabel';
import { CodeSelect } from '../../components/CodeSelect';
import { type Column } from '../../components/DataTable';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { useUnitName } from '../../components/UnitName';
import { UnitSelect } from '../../components/UnitSelect';
import { formatDateTime } from '../../lib/format';
import { basePath, type Mode } from '../../lib/mode';
import { useSearchState } from '../../lib/useSearchState';
import { useOrganizations, type OrganizationFilters } from './api';

const PAGE_SIZE = 25;
const DEFAULTS = { q: '', province: '', field: '', type: '', sort: 'name', mine: '1' };
const SORTS = ['name', '-name', 'updated', '-updated', 'code'] as const;
type Sort = (typeof SORTS)[number];

/** The list of S&T organizations with search, province, field and type filters and paging (public or staff). */
export function OrganizationsPage({ mode }: { mode: Mode }) {
  const { t } = useTranslation();
  const { user, hasRole } = useAuth();
  const navigate = useNavigate();
  const unitName = useUnitName();
  const { get, set, page, setPage } = useSearchState(DEFAULTS);
  const sortParam = get('sort');
  const sort: Sort = (SORTS as readonly string[]).includes(sortParam) ? (sortParam as Sort) : 'name';

  const scopeUnit = mode === 'staff' && user?.role === 'focal_officer' ? user.scopeUnit : null;
  const onlyMine = scopeUnit !== null && get('mine') === '1';
  const filters: OrganizationFilters = {
    q: get('q') || undefined,
    provinceUnitId: get('province') || undefined,
    mainFieldCode: get('field') || undefined,
    orgTypeCode: get('type') || undefined,
    sort,
    page,
    pageSize: PAGE_SIZE,
  };
  if (onlyMine && scopeUnit) {
    if (scopeUnit.kind === 'province') filters.provinceUnitId = scopeUnit.id;
    else filters.managingUnitId = scopeUnit.id;
  }
  const query = useOrganizations(filters);
  const canCreate = mode === 'staff' && hasRole('national_admin', 'focal_officer');

  const columns: Column<OrganizationPublic>[] = [
    { key: 'code', header: t('organizations.code'), render: (o) => o.code, width: 110 },
    {
      key: 'name',
      header: t('organizations.name'),
      isRowHeader: true,
      render: (o) => (
        <Stack gap={0}>
          <AppLink to={`${basePath(mode)}/organizations/${o.id}`}>{o.nameVi}</AppLink>
          {o.nameAbbr || o.nameEn ? (
            <Text size="xs" c="dimmed">
              {[o.nameAbbr, o.nameEn].filter(Boolean).join(' · ')}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    { key: 'province', header: t('organizations.fields.provinceUnitId'), render: (o) => unitName(o.provinceUnit) },
    { key: 'managing', header: t('organizations.fields.managingUnitId'), render: (o) => unitName(o.managingUnit) },
    { key: 'type', header: t('organizations.fields.orgTypeCode'), render: (o) => <CodeLabel scheme="ORG_TYPE" code={o.orgTypeCode} /> },
    { key: 'field', header: t('organizations.fields.mainFieldCode'), render: (o) => <CodeLabel scheme="FOS2025" code={o.mainFieldCode} withCode /> },
  ];
  if (mode === 'staff') {
    columns.push({ key: 'updated', header: t('organizations.updatedAt'), render: (o) => formatDateTime(o.updatedAt) });
  }

  return (
    <>
      <PageHeader
        title={t('organizations.title')}
        description={t('organizations.description')}
        actions={
          <>
            {mode === 'staff' && user?.role === 'org_reporter' && user.organization ? (
              <Button component={Link} to={`/staff/organizations/${user.organization.id}`} variant="light">
                {t('organizations.myOrganization')}
              </Button>
            ) : null}
            {canCreate ? (
              <Button onClick={() => navigate('/staff/organizations/new')}>
                {t('organizations.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card withBorder mb="md">
        <Stack gap="sm">
          <Group align="flex-end" wrap="wrap">
            <SearchInput label={t('organizations.search')} description={t('organizations.searchHint')} value={get('q')} onSearch={(v) => set({ q: v })} w={300} />
            <UnitSelect
              label={t('organizations.fields.provinceUnitId')}
              value={onlyMine && scopeUnit?.kind === 'province' ? scopeUnit.id : get('province') || null}
              onChange={(v) => set({ province: v ?? '' })}
              kinds={['province']}
              clearable
              disabled={onlyMine && scopeUnit?.kind === 'province'}
              placeholder={t('organizations.allProvinces')}
            />
            <CodeSelect
              scheme="FOS2025"
              label={t('organizations.fields.mainFieldCode')}
              value={get('field') || null}
              onChange={(v) => set({ field: v ?? '' })}
              withCode
              clearable
              placeholder={t('common.all')}
            />
            <CodeSelect
              scheme="ORG_TYPE"
              withCode
              label={t('organizations.fields.orgTypeCode')}
              value={get('type') || null}
              onChange={(v) => set({ type: v ?? '' })}
              clearable
              placeholder={t('common.all')}
            />
            <AppSelect
              label={t('common.sortBy')}
              data={SORTS.map((s) => ({ value: s, label: t(`organizations.sorts.${s === '-name' ? 'nameDesc' : s === '-updated' ? 'updatedDesc' : s}`) }))}
              value={sort}
              onChange={(v) => set({ sort: v ?? 'name' })}
              allowDeselect={false}
              w={200}
            />
          </Group>
          {scopeUnit ? (
            <Checkbox
              label={t('organizations.onlyMyScope', { unit: unitName(scopeUnit) })}
              checked={onlyMine}
              onChange={(e) => set({ mine: e.currentTarget.checked ? '1' : '0' })}
            />
          ) : null}
        </Stack>
      </Card>
      <Card withBorder>
        <PagedTable
          caption={t('organizations.title')}
          columns={columns}
          rowKey={(o) => o.id}
          query={query}
          page={page}
          pageSize={PAGE_SIZE}
          onPageChange={setPage}
          emptyMessage={t('organizations.empty')}
          minWidth={960}
        />
      </Card>
    </>
  );
}
