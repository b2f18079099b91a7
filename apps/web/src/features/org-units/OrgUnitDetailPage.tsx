import { Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../../api/auth';
import type { Succession } from '../../api/types';
import { AppLink } from '../../components/AppLink';
import { DetailList } from '../../components/DetailList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, LoadingState } from '../../components/States';
import { useUnitName } from '../../components/UnitName';
import { formatDate } from '../../lib/format';
import { basePath, type Mode } from '../../lib/mode';
import { useFocalPoints } from '../focal-points/api';
import { useOrgUnit } from './api';
import { OrgUnitEditForm } from './OrgUnitForms';
import { UnitFlags } from './OrgUnitsPage';

function SuccessionList({ items, mode, emptyText }: { items: Succession[]; mode: Mode; emptyText: string }) {
  const { t } = useTranslation();
  const unitName = useUnitName();
  if (items.length === 0) return <EmptyState message={emptyText} />;
  return (
    <List spacing="xs">
      {items.map((s) => (
        <List.Item key={`${s.unit.id}-${s.effectiveDate}`}>
          <AppLink to={`${basePath(mode)}/org-units/${s.unit.id}`}>{unitName(s.unit)}</AppLink>{' '}
          <Text span size="sm" c="dimmed">
            ({s.unit.code}) · {t('orgUnits.effectiveOn', { date: formatDate(s.effectiveDate) })}
          </Text>
          {s.note ? (
            <Text size="sm" c="dimmed">
              {s.note}
            </Text>
          ) : null}
        </List.Item>
      ))}
    </List>
  );
}

/** One org unit with its validity, predecessors, successors and focal points; administrators can edit it. */
export function OrgUnitDetailPage({ mode }: { mode: Mode }) {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const { hasRole } = useAuth();
  const unitName = useUnitName();
  const query = useOrgUnit(id);
  const focalPoints = useFocalPoints({ orgUnitId: id, asOf: undefined });
  const [editing, setEditing] = useState(false);

  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <LoadingState />;
  const unit = query.data;
  const canEdit = mode === 'staff' && hasRole('national_admin');

  return (
    <>
      <PageHeader
        eyebrow={`${t(`orgUnits.kinds.${unit.kind}`)} · ${unit.code}`}
        title={unitName(unit)}
        description={i18n.language === 'en' ? unit.nameVi : unit.nameEn}
        actions={
          <>
            <Button component={Link} variant="default" to={`${basePath(mode)}/org-units`}>
              {t('common.backToList')}
            </Button>
            {canEdit && !editing ? <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button> : null}
          </>
        }
      />
      <Stack gap="md">
        <Card withBorder>
          {editing ? (
            <OrgUnitEditForm unit={unit} onDone={() => setEditing(false)} />
          ) : (
            <DetailList
              items={[
                { label: t('orgUnits.nameVi'), value: unit.nameVi },
                { label: t('orgUnits.nameEn'), value: unit.nameEn },
                { label: t('orgUnits.shortNameVi'), value: unit.shortNameVi },
                { label: t('orgUnits.code'), value: unit.code },
                { label: t('orgUnits.validFrom'), value: formatDate(unit.validFrom) },
                { label: t('orgUnits.validTo'), value: formatDate(unit.validTo) || t('orgUnits.current') },
                { label: t('orgUnits.notes'), value: unit.isCentralCity || unit.isExcludedFromNetwork ? <UnitFlags unit={unit} /> : null },
              ]}
            />
          )}
        </Card>
        <Group grow align="stretch" wrap="wrap">
          <Card withBorder miw={280}>
            <Title order={2} fz="lg" mb="sm">
              {t('orgUnits.predecessors')}
            </Title>
            <SuccessionList items={unit.predecessors} mode={mode} emptyText={t('orgUnits.noPredecessors')} />
          </Card>
          <Card withBorder miw={280}>
            <Title order={2} fz="lg" mb="sm">
              {t('orgUnits.successors')}
            </Title>
            <SuccessionList items={unit.successors} mode={mode} emptyText={t('orgUnits.noSuccessors')} />
          </Card>
        </Group>
        <Card withBorder>
          <Title order={2} fz="lg" mb="sm">
            {t('orgUnits.focalPoints')}
          </Title>
          {focalPoints.error ? (
            <ErrorAlert error={focalPoints.error} onRetry={() => void focalPoints.refetch()} />
          ) : !focalPoints.data ? (
            <LoadingState />
          ) : focalPoints.data.length === 0 ? (
            <EmptyState message={t('focalPoints.emptyForUnit')} />
          ) : (
            <List spacing="xs">
              {focalPoints.data.map((fp) => (
                <List.Item key={fp.id}>
                  {mode === 'staff' ? <AppLink to={`/staff/focal-points/${fp.id}`}>{fp.nameVi}</AppLink> : fp.nameVi}{' '}
                  <Text span size="sm" c="dimmed">
                    · {t('focalPoints.since', { date: formatDate(fp.validFrom) })}
                    {fp.validTo ? ` – ${formatDate(fp.validTo)}` : ''}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Card>
      </Stack>
    </>
  );
}
