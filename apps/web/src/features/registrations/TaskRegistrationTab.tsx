import type { TaskFull } from '@stinet/shared';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingState } from '../../components/States';
import { today } from '../../lib/format';
import { CertificateCard } from '../certificates/CertificateCard';
import { AcceptanceSection } from '../tasks/AcceptanceSection';
import { useTaskRegistration } from './api';
import { RegistrationPanel } from './RegistrationPanel';
import { RegistrationFormDialog } from './RegistrationForms';

/**
 * The "acceptance and result registration" tab of a published task: the official acceptance (recorded here), then
 * the registration dossier — "Open the dossier" once accepted, else the dossier with its documents and workflow —
 * and, once registered, the certificate above it.
 */
export function TaskRegistrationTab({ task }: { task: TaskFull }) {
  const { t } = useTranslation();
  const query = useTaskRegistration(task.id);
  const [creating, setCreating] = useState(false);
  const reg = query.data;
  // before a dossier exists, lateness is judged against today; afterwards the dossier says (by its first submission)
  const isLate = reg ? reg.isLate : task.registrationDeadline !== null && today() > task.registrationDeadline;
  // whoever may record the acceptance of a task without a dossier (its lead organization, its focal point) may open one
  const canCreate = task.canRecordAcceptance && task.acceptedOn !== null;

  return (
    <Stack gap="md">
      <AcceptanceSection task={task} isLate={isLate} />
      {query.error ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : reg === undefined ? (
        <LoadingState />
      ) : reg === null ? (
        <Card withBorder component="section" aria-labelledby="registration-title">
          <Group justify="space-between" align="flex-start" wrap="wrap">
            <Stack gap={4}>
              <Title order={2} fz="lg" id="registration-title">
                {t('registrations.dossierTitle')}
              </Title>
              <Text size="sm" c="dimmed">
                {task.acceptedOn ? t('registrations.noDossier') : t('registrations.needsAcceptance')}
              </Text>
            </Stack>
            {canCreate ? <Button onClick={() => setCreating(true)}>{t('registrations.create')}</Button> : null}
          </Group>
          {canCreate ? <RegistrationFormDialog taskId={task.id} defaultTitle={task.titleVi} registration={null} opened={creating} onClose={() => setCreating(false)} /> : null}
        </Card>
      ) : (
        <>
          {reg.certificate ? <CertificateCard certificateId={reg.certificate.id} /> : null}
          <RegistrationPanel task={task} registration={reg} onReload={() => void query.refetch()} />
        </>
      )}
    </Stack>
  );
}
