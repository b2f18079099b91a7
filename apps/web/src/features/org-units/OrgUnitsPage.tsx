import { ORG_UNIT_KINDS, type OrgUnit, type OrgUnitKind } from '@stinet/shared';
import { Badge, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { AppSelect } from '../../components/AppSelect';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../api/auth';
import { AppLink } from '../../components/AppLink';
import { type Column } from '../../components/DataTable';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { useUnitName } from '../../components/UnitName';
import { formatDate, formatNumber, today } from '../../lib/format';
import { basePath, type Mode } from '../../lib/mode';
import { useSearchState } from '../../lib/useSearchState';
import { useOrgUnits } from './api';
import { OrgUnitCreateModal } from './OrgUnitForms';

/** The last day before the 2025 reorganization into 34 provinces (Resolution 202/2025/QH15, effective 1 July 2025). */
export const PRE_2025_DATE = '2025-06-30';
const PAGE_SIZE = 100;
const DEFAULTS = { asOf: '', kind: '', q: '' };

/** Badges for a unit's flags (centrally-run city, outside the network). */
export function UnitFlags({ unit }: { unit: Pick<OrgUnit, 'isCentralCity' | 'isExcludedFromNetwork'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {unit.isCentralCity ? (
        <Badge size="sm" variant="light" color="grape">
          {t('orgUnits.centralCity')}
        </Badge>
      ) : null}
      {unit.isExcludedFromNetwork ? (
        <Badge size="sm" variant="light" color="gray">
          {t('orgUnits.excluded')}
        </Badge>
      ) : null}
    </Group>
  );
}

/** The org units (national agency, ministries, provinces) valid on a chosen date, with kind and name filters. */
export function OrgUnitsPage({ mode }: { mode: Mode }) {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const unitName = useUnitName();
  const { get, set, page, setPage } = useSearchState(DEFAULTS);
  const [createOpened, createModal] = useDisclosure(false);
  const asOf = get('asOf') || today();
  const kindParam = get('kind');
  const kind = (ORG_UNIT_KINDS as readonly string[]).includes(kindParam) ? (kindParam as OrgUnitKind) : undefined;
  const q = get('q');
  const query = useOrgUnits({ asOf, kind, q: q || undefined, page, pageSize: PAGE_SIZE });
  const provinceCount = useOrgUnits({ asOf, kind: 'province', pageSize: 1 });
  const canCreate = mode === 'staff' && hasRole('national_admin');

  const columns: Column<OrgUnit>[] = [
    { key: 'code', header: t('orgUnits.code'), render: (u) => u.code, width: 90 },
    {
      key: 'name',
      header: t('orgUnits.name'),
      isRowHeader: true,
      render: (u) => <AppLink to={`${basePath(mode)}/org-units/${u.id}`}>{unitName(u)}</AppLink>,
    },
    { key: 'kind', header: t('orgUnits.kind'), render: (u) => t(`orgUnits.kinds.${u.kind}`) },
    { key: 'validFrom', header: t('orgUnits.validFrom'), render: (u) => formatDate(u.validFrom) },
    { key: 'validTo', header: t('orgUnits.validTo'), render: (u) => formatDate(u.validTo) || t('orgUnits.current') },
    { key: 'flags', header: t('orgUnits.notes'), render: (u) => <UnitFlags unit={u} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('orgUnits.title')}
        description={t('orgUnits.description')}
        actions={
          canCreate ? (
            <Button onClick={createModal.open}>{t('orgUnits.create')}</Button>
          ) : null
        }
      />
      <Card withBorder mb="md">
        <Stack gap="sm">
          <Group align="flex-end" wrap="wrap">
            <TextInput
              type="date"
              label={t('orgUnits.asOf')}
              value={asOf}
              onChange={(e) => set({ asOf: e.currentTarget.value })}
              w={200}
            />
            <Button
              variant={asOf >= '2025-07-01' ? 'light' : 'default'}
              onClick={() => set({ asOf: '' })}
            >
              {t('orgUnits.presetCurrent')}
            </Button>
            <Button variant={asOf < '2025-07-01' ? 'light' : 'default'} onClick={() => set({ asOf: PRE_2025_DATE })}>
              {t('orgUnits.presetPre2025')}
            </Button>
          </Group>
          <Group align="flex-end" wrap="wrap">
            <AppSelect
              label={t('orgUnits.filterKind')}
              data={[
                { value: '', label: t('orgUnits.allKinds') },
                ...ORG_UNIT_KINDS.map((k) => ({ value: k, label: t(`orgUnits.kindsPlural.${k}`) })),
              ]}
              value={kind ?? ''}
              onChange={(v) => set({ kind: v ?? '' })}
              allowDeselect={false}
              w={240}
            />
            <SearchInput label={t('orgUnits.search')} value={q} onSearch={(v) => set({ q: v })} />
          </Group>
          {provinceCount.data ? (
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('orgUnits.provinceCount', { total: formatNumber(provinceCount.data.total), date: formatDate(asOf) })}
            </Text>
          ) : null}
        </Stack>
      </Card>
      <Card withBorder>
        <PagedTable
          caption={t('orgUnits.tableCaption', { date: formatDate(asOf) })}
          columns={columns}
          rowKey={(u) => u.id}
          query={query}
          page={page}
          pageSize={PAGE_SIZE}
          onPageChange={setPage}
          emptyMessage={t('orgUnits.empty')}
        />
      </Card>
      {canCreate ? <OrgUnitCreateModal opened={createOpened} onClose={createModal.close} /> : null}
    </>
  );
}
