import type { FocalStaff } from '@stinet/shared';
import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../../api/auth';
import { AppLink } from '../../components/AppLink';
import { DetailList } from '../../components/DetailList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, LoadingState } from '../../components/States';
import { useUnitName } from '../../components/UnitName';
import { formatDate } from '../../lib/format';
import { useFocalPoint, useFocalStaff } from './api';
import { FocalPointFormModal, FocalStaffFormModal, TrainingFormModal, useCanManageFocalPoint } from './FocalPointForms';

function TrainingsTable({ staff }: { staff: FocalStaff }) {
  const { t } = useTranslation();
  if (staff.trainings.length === 0) return <Text size="sm" c="dimmed">{t('trainings.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table withTableBorder verticalSpacing={4} fz="sm">
        <Table.Caption>
          <VisuallyHidden>{t('trainings.caption', { name: staff.fullName })}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('trainings.courseTitle')}</Table.Th>
            <Table.Th scope="col">{t('trainings.provider')}</Table.Th>
            <Table.Th scope="col">{t('trainings.period')}</Table.Th>
            <Table.Th scope="col">{t('trainings.hours')}</Table.Th>
            <Table.Th scope="col">{t('trainings.certificateNo')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {staff.trainings.map((tr) => (
            <Table.Tr key={tr.id}>
              <Table.Td>{tr.courseTitle}</Table.Td>
              <Table.Td>{tr.provider ?? '—'}</Table.Td>
              <Table.Td>
                {formatDate(tr.startDate)}
                {tr.endDate ? ` – ${formatDate(tr.endDate)}` : ''}
              </Table.Td>
              <Table.Td>{tr.hours ?? '—'}</Table.Td>
              <Table.Td>{tr.certificateNo ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A focal point with its designation details, staff and their trainings; those in scope can add and change them. */
export function FocalPointDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { hasRole } = useAuth();
  const unitName = useUnitName();
  const canManageFn = useCanManageFocalPoint();
  const query = useFocalPoint(id);
  const fp = query.data;
  const canManage = fp ? canManageFn(fp) : false;
  const canSeeStaff = canManage || hasRole('reviewer');
  const staff = useFocalStaff(id, Boolean(fp) && canSeeStaff);
  const [editingFp, setEditingFp] = useState(false);
  const [staffModal, setStaffModal] = useState<{ staff: FocalStaff | null } | null>(null);
  const [trainingFor, setTrainingFor] = useState<FocalStaff | null>(null);

  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!fp || !id) return <LoadingState />;

  return (
    <>
      <PageHeader
        eyebrow={unitName(fp.orgUnit)}
        title={fp.nameVi}
        actions={
          <>
            <Button component={Link} to="/staff/focal-points" variant="default">
              {t('common.backToList')}
            </Button>
            {canManage ? <Button onClick={() => setEditingFp(true)}>{t('common.edit')}</Button> : null}
          </>
        }
      />
      <Stack gap="md">
        <Card withBorder>
          <DetailList
            items={[
              { label: t('focalPoints.unit'), value: <AppLink to={`/staff/org-units/${fp.orgUnit.id}`}>{unitName(fp.orgUnit)}</AppLink> },
              {
                label: t('focalPoints.organization'),
                value: fp.organization ? <AppLink to={`/staff/organizations/${fp.organization.id}`}>{fp.organization.nameVi}</AppLink> : null,
              },
              { label: t('focalPoints.validFrom'), value: formatDate(fp.validFrom) },
              { label: t('focalPoints.validTo'), value: formatDate(fp.validTo) || t('orgUnits.current') },
              { label: t('focalPoints.decisionNo'), value: fp.decisionNo },
              { label: t('focalPoints.contactName'), value: fp.contactName },
              { label: t('focalPoints.contactEmail'), value: fp.contactEmail ? <Anchor href={`mailto:${fp.contactEmail}`}>{fp.contactEmail}</Anchor> : null },
              { label: t('focalPoints.contactPhone'), value: fp.contactPhone },
            ]}
          />
        </Card>

        <Card withBorder>
          <Group justify="space-between" mb="sm">
            <Title order={2} fz="lg">
              {t('focalStaff.title')}
            </Title>
            {canManage ? <Button onClick={() => setStaffModal({ staff: null })}>{t('focalStaff.create')}</Button> : null}
          </Group>
          {!canSeeStaff ? (
            <Text size="sm" c="dimmed">
              {t('focalStaff.outOfScope')}
            </Text>
          ) : staff.error ? (
            <ErrorAlert error={staff.error} onRetry={() => void staff.refetch()} />
          ) : !staff.data ? (
            <LoadingState />
          ) : staff.data.length === 0 ? (
            <EmptyState message={t('focalStaff.empty')} />
          ) : (
            <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {staff.data.map((member) => (
                <Card component="li" key={member.id} withBorder padding="sm" bg="gray.0">
                  <Group justify="space-between" align="flex-start" wrap="wrap" mb="xs">
                    <div>
                      <Group gap="xs">
                        <Title order={3} fz="md">
                          {member.fullName}
                        </Title>
                        <Badge size="sm" variant="light" color={member.isActive ? 'green' : 'gray'}>
                          {member.isActive ? t('focalStaff.active') : t('focalStaff.inactive')}
                        </Badge>
                      </Group>
                      <Text size="sm" c="dimmed">
                        {[member.position, member.email, member.phone].filter(Boolean).join(' · ') || t('focalStaff.noContact')}
                      </Text>
                    </div>
                    {canManage ? (
                      <Group gap="xs">
                        <Button size="compact-sm" variant="light" onClick={() => setStaffModal({ staff: member })} aria-label={t('focalStaff.editNamed', { name: member.fullName })}>
                          {t('common.edit')}
                        </Button>
                        <Button size="compact-sm" variant="light" onClick={() => setTrainingFor(member)} aria-label={t('trainings.createNamed', { name: member.fullName })}>
                          {t('trainings.create')}
                        </Button>
                      </Group>
                    ) : null}
                  </Group>
                  <Text size="sm" fw={600} mb={4}>
                    {t('trainings.title')}
                  </Text>
                  <TrainingsTable staff={member} />
                </Card>
              ))}
            </Stack>
          )}
        </Card>
      </Stack>

      {editingFp ? <FocalPointFormModal opened focalPoint={fp} onClose={() => setEditingFp(false)} /> : null}
      {staffModal ? <FocalStaffFormModal opened focalPointId={id} staff={staffModal.staff} onClose={() => setStaffModal(null)} /> : null}
      {trainingFor ? <TrainingFormModal opened focalPointId={id} staff={trainingFor} onClose={() => setTrainingFor(null)} /> : null}
    </>
  );
}
