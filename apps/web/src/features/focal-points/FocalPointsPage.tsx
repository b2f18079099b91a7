import type { FocalPoint } from '@stinet/shared';
import { Anchor, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../api/auth';
import { AppLink } from '../../components/AppLink';
import { DataTable, type Column } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { useUnitName } from '../../components/UnitName';
import { UnitSelect } from '../../components/UnitSelect';
import { formatDate, today } from '../../lib/format';
import { basePath, type Mode } from '../../lib/mode';
import { useSearchState } from '../../lib/useSearchState';
import { useFocalPoints } from './api';
import { FocalPointFormModal, useCanManageFocalPoint } from './FocalPointForms';

const DEFAULTS = { asOf: '', unit: '' };

/** The S&T information focal points of each unit valid on a date; staff open a focal point to see its staff. */
export function FocalPointsPage({ mode }: { mode: Mode }) {
  const { t } = useTranslation();
  const { user, hasRole } = useAuth();
  const unitName = useUnitName();
  const canManage = useCanManageFocalPoint();
  const { get, set } = useSearchState(DEFAULTS);
  const [creating, setCreating] = useState(false);
  const asOf = get('asOf') || today();
  const unitId = get('unit');
  const query = useFocalPoints({ asOf, orgUnitId: unitId || undefined });

  const columns: Column<FocalPoint>[] = [
    {
      key: 'unit',
      header: t('focalPoints.unit'),
      render: (fp) => <AppLink to={`${basePath(mode)}/org-units/${fp.orgUnit.id}`}>{unitName(fp.orgUnit)}</AppLink>,
    },
    {
      key: 'name',
      header: t('focalPoints.name'),
      isRowHeader: true,
      render: (fp) => (mode === 'staff' ? <AppLink to={`/staff/focal-points/${fp.id}`}>{fp.nameVi}</AppLink> : fp.nameVi),
    },
    {
      key: 'organization',
      header: t('focalPoints.organization'),
      render: (fp) =>
        fp.organization ? <AppLink to={`${basePath(mode)}/organizations/${fp.organization.id}`}>{fp.organization.nameVi}</AppLink> : '—',
    },
    {
      key: 'validity',
      header: t('focalPoints.validity'),
      render: (fp) => `${formatDate(fp.validFrom)} – ${fp.validTo ? formatDate(fp.validTo) : t('orgUnits.current')}`,
    },
    { key: 'decisionNo', header: t('focalPoints.decisionNo'), render: (fp) => fp.decisionNo ?? '—' },
    {
      key: 'contact',
      header: t('focalPoints.contact'),
      render: (fp) =>
        fp.contactName || fp.contactEmail || fp.contactPhone ? (
          <Stack gap={0}>
            {fp.contactName ? <Text size="sm">{fp.contactName}</Text> : null}
            {fp.contactEmail ? (
              <Anchor size="sm" href={`mailto:${fp.contactEmail}`}>
                {fp.contactEmail}
              </Anchor>
            ) : null}
            {fp.contactPhone ? <Text size="sm">{fp.contactPhone}</Text> : null}
          </Stack>
        ) : (
          '—'
        ),
    },
  ];
  if (mode === 'staff') {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      render: (fp) => (
        <Button
          component={Link}
          to={`/staff/focal-points/${fp.id}`}
          size="compact-sm"
          variant="light"
          aria-label={`${canManage(fp) ? t('focalPoints.manage') : t('common.view')}: ${fp.nameVi}`}
        >
          {canManage(fp) ? t('focalPoints.manage') : t('common.view')}
        </Button>
      ),
    });
  }

  const myUnit = user?.role === 'focal_officer' ? user.scopeUnit : null;

  return (
    <>
      <PageHeader
        title={t('focalPoints.title')}
        description={t('focalPoints.description')}
        actions={mode === 'staff' && hasRole('national_admin') ? <Button onClick={() => setCreating(true)}>{t('focalPoints.create')}</Button> : null}
      />
      <Card withBorder mb="md">
        <Group align="flex-end" wrap="wrap">
          <TextInput type="date" label={t('orgUnits.asOf')} value={asOf} onChange={(e) => set({ asOf: e.currentTarget.value })} w={200} />
          <UnitSelect
            label={t('focalPoints.filterUnit')}
            value={unitId || null}
            onChange={(v) => set({ unit: v ?? '' })}
            asOf={asOf}
            clearable
            placeholder={t('focalPoints.allUnits')}
          />
          {mode === 'staff' && myUnit ? (
            <Button variant="light" onClick={() => set({ unit: myUnit.id })}>
              {t('focalPoints.myUnit')}
            </Button>
          ) : null}
        </Group>
      </Card>
      <Card withBorder>
        <DataTable
          caption={t('focalPoints.title')}
          columns={columns}
          rows={query.data}
          rowKey={(fp) => fp.id}
          isLoading={query.isFetching}
          error={query.error}
          onRetry={() => void query.refetch()}
          emptyMessage={t('focalPoints.empty')}
          minWidth={900}
        />
        {query.data && query.data.length > 0 ? (
          <Text size="sm" c="dimmed" mt="sm">
            {t('common.totalCount', { total: String(query.data.length) })}
          </Text>
        ) : null}
      </Card>
      {creating ? <FocalPointFormModal opened onClose={() => setCreating(false)} /> : null}
    </>
  );
}
