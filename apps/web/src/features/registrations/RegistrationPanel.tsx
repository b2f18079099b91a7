import { REGISTRATION_FILE_ROLES, type Registration, type RegistrationFileRole, type TaskFull } from '@stinet/shared';
import { Alert, Anchor, Button, Card, Group, Input, List, NativeSelect, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { DetailList, longText } from '../../components/DetailList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EmptyState } from '../../components/States';
import { useUnitName } from '../../components/UnitName';
import { formatDateTime } from '../../lib/format';
import { useDetachRegistrationFile, useSubmitRegistration, useUploadRegistrationFile } from './api';
import { RegistrationDeadline, RegistrationStatusBadge, formatFileSize } from './RegistrationBits';
import { RegistrationFormDialog, RegistrationReviewDialog, type RegistrationDecision } from './RegistrationForms';
import { sortFilesByRole, type RegistrationFile } from './rules';

function isRole(value: string): value is RegistrationFileRole {
  return (REGISTRATION_FILE_ROLES as readonly string[]).includes(value);
}

/** The roles named by a DOSSIER_INCOMPLETE error (its details point at `files.<role>`). */
function missingRolesOf(error: unknown): RegistrationFileRole[] {
  if (!(error instanceof ApiError) || error.code !== 'DOSSIER_INCOMPLETE') return [];
  return error.details.map((d) => d.path.split(/[./]/).pop() ?? '').filter(isRole);
}

/** The error of a dossier action; an incomplete dossier lists the missing documents by name. */
function ActionError({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const missing = missingRolesOf(error);
  if (missing.length > 0) {
    return (
      <Alert role="alert" color="red" variant="light" title={t('errors.title')}>
        <Text size="sm">{t('registrations.incomplete', { roles: missing.map((r) => t(`registrations.roles.${r}`)).join('; ') })}</Text>
      </Alert>
    );
  }
  const isConflict = error instanceof ApiError && (error.code === 'VERSION_CONFLICT' || error.code === 'INVALID_TRANSITION');
  return <ErrorAlert error={error} {...(isConflict ? { onRetry: onReload, retryLabel: t('common.reload') } : {})} />;
}

/** The documents of a dossier by role, attached and detached, with downloads and (while editable) "Remove". */
function DocumentsTable({ registration, onDetach, detaching }: { registration: Registration; onDetach: (file: RegistrationFile) => void; detaching: string | null }) {
  const { t } = useTranslation();
  if (registration.files.length === 0) return <EmptyState message={t('registrations.noDocuments')} />;
  const hasDetached = registration.files.some((f) => f.detachedAt !== null);
  return (
    <>
      <Table.ScrollContainer minWidth={860}>
        <Table withTableBorder striped verticalSpacing={4} fz="sm">
          <Table.Caption>
            <VisuallyHidden>{t('registrations.documentsCaption')}</VisuallyHidden>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('registrations.file.role')}</Table.Th>
              <Table.Th scope="col">{t('registrations.file.name')}</Table.Th>
              <Table.Th scope="col">{t('registrations.file.size')}</Table.Th>
              <Table.Th scope="col">{t('registrations.file.sha256')}</Table.Th>
              <Table.Th scope="col">{t('registrations.file.attachedAt')}</Table.Th>
              <Table.Th scope="col">{t('registrations.file.state')}</Table.Th>
              <Table.Th scope="col">{t('registrations.file.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sortFilesByRole(registration.files).map((f) => {
              const detached = f.detachedAt !== null;
              return (
                <Table.Tr key={`${f.file.id}-${f.attachedAt}`} c={detached ? 'dimmed' : undefined}>
                  <Table.Td>{t(`registrations.roles.${f.role}`)}</Table.Td>
                  <Table.Th scope="row" fw={500} style={{ overflowWrap: 'anywhere', textDecoration: detached ? 'line-through' : undefined }}>
                    {f.file.originalName}
                  </Table.Th>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatFileSize(f.file.size)}</Table.Td>
                  <Table.Td>
                    <code title={f.file.sha256}>{f.file.sha256.slice(0, 12)}…</code>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(f.attachedAt)}</Table.Td>
                  <Table.Td style={{ whiteSpace: detached ? undefined : 'nowrap' }}>
                    {detached ? t('registrations.file.detachedAt', { at: formatDateTime(f.detachedAt) }) : t('registrations.file.inUse')}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap" style={{ whiteSpace: 'nowrap' }}>
                      <Anchor size="sm" href={`/api/files/${f.file.id}/content`} download={f.file.originalName} aria-label={t('registrations.file.downloadLabel', { name: f.file.originalName })}>
                        {t('registrations.file.download')}
                      </Anchor>
                      {registration.canEdit && !detached ? (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          loading={detaching === f.file.id}
                          onClick={() => onDetach(f)}
                          aria-label={t('registrations.file.detachLabel', { name: f.file.originalName })}
                        >
                          {t('registrations.file.detach')}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {hasDetached ? (
        <Text size="xs" c="dimmed" mt={4}>
          {t('registrations.detachedNote')}
        </Text>
      ) : null}
    </>
  );
}

/** Uploads a document of the lead organization and attaches it to the dossier in the chosen role. */
function UploadForm({ registration, onUploaded }: { registration: Registration; onUploaded: () => void }) {
  const { t } = useTranslation();
  const upload = useUploadRegistrationFile(registration.id);
  const [role, setRole] = useState<RegistrationFileRole>(registration.missingRoles[0] ?? 'other');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const fileId = `registration-file-${useId().replace(/:/g, '')}`;
  const hintId = `${fileId}-hint`;
  const errorId = `${fileId}-error`;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setFileError(t('registrations.upload.chooseFile'));
      return;
    }
    try {
      const after = await upload.mutateAsync({ file, role, organizationId: registration.leadOrganization.id });
      notifications.show({ color: 'green', message: t('registrations.upload.done', { name: file.name }) });
      setFile(null);
      setInputKey((k) => k + 1);
      setRole(after.missingRoles[0] ?? 'other');
      onUploaded();
    } catch {
      // shown in the form
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="registration-upload-title">
      <Stack gap="sm">
        <Title order={3} fz="md" id="registration-upload-title">
          {t('registrations.upload.title')}
        </Title>
        {upload.error ? <ErrorAlert error={upload.error} /> : null}
        <Group align="flex-start" wrap="wrap" gap="md">
          <NativeSelect
            label={t('registrations.upload.role')}
            data={REGISTRATION_FILE_ROLES.map((r) => ({ value: r, label: t(`registrations.roles.${r}`) }))}
            value={role}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (isRole(v)) setRole(v);
            }}
            w={300}
          />
          <div style={{ flex: '1 1 320px' }}>
            <Input.Label htmlFor={fileId} className="app-label-required">
              {t('registrations.upload.file')}
            </Input.Label>
            <Input.Description id={hintId} mb={4}>
              {t('registrations.upload.hint')}
            </Input.Description>
            <input
              key={inputKey}
              id={fileId}
              type="file"
              required
              aria-describedby={fileError ? `${hintId} ${errorId}` : hintId}
              aria-invalid={fileError ? true : undefined}
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0] ?? null);
                setFileError(null);
                upload.reset();
              }}
            />
            {fileError ? (
              <Input.Error id={errorId} mt={4}>
                {fileError}
              </Input.Error>
            ) : null}
          </div>
        </Group>
        <div>
          <Button type="submit" variant="light" loading={upload.isPending}>
            {t('registrations.upload.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

/**
 * A task's registration dossier (Mẫu 5): status and deadline, the authority's comment when returned, the dossier's
 * fields (editable while a draft or returned), its documents by role with downloads, the upload of a document, the
 * required documents still missing and "Submit"; for the registering authority's officer while it is submitted,
 * "Register and issue the certificate" and "Return".
 */
export function RegistrationPanel({ task, registration, onReload }: { task: TaskFull; registration: Registration; onReload: () => void }) {
  const { t } = useTranslation();
  const unitName = useUnitName();
  const submit = useSubmitRegistration(registration.id);
  const detach = useDetachRegistrationFile(registration.id);
  const [editing, setEditing] = useState(false);
  const [decision, setDecision] = useState<RegistrationDecision | null>(null);
  const reg = registration;
  const actionError = submit.error ?? detach.error;
  const reload = () => {
    submit.reset();
    detach.reset();
    onReload();
  };

  return (
    <Card withBorder component="section" aria-labelledby="registration-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={4}>
            <Title order={2} fz="lg" id="registration-title">
              {t('registrations.dossierTitle')}
            </Title>
            <Group gap="xs">
              <RegistrationStatusBadge status={reg.status} />
            </Group>
          </Stack>
          <Group gap="sm">
            {reg.canEdit ? (
              <>
                <Button variant="default" onClick={() => setEditing(true)}>
                  {t('registrations.edit')}
                </Button>
                <Button
                  loading={submit.isPending}
                  onClick={async () => {
                    detach.reset();
                    try {
                      await submit.mutateAsync(reg.version);
                      notifications.show({ color: 'green', message: t('registrations.submitted') });
                    } catch {
                      // shown above the details
                    }
                  }}
                >
                  {t('registrations.submit')}
                </Button>
              </>
            ) : null}
            {reg.canReview ? (
              <>
                <Button color="green" onClick={() => setDecision('register')}>
                  {t('registrations.register')}
                </Button>
                <Button color="orange" variant="light" onClick={() => setDecision('return')}>
                  {t('registrations.return')}
                </Button>
              </>
            ) : null}
          </Group>
        </Group>

        <ActionError error={actionError} onReload={reload} />
        {reg.status === 'returned' && reg.reviewComment ? (
          <Alert color="orange" variant="light" title={t('registrations.reviewCommentTitle')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {reg.reviewComment}
            </Text>
          </Alert>
        ) : null}
        {reg.status === 'submitted' && reg.reviewComment ? (
          <Alert color="gray" variant="light" title={t('registrations.previousCommentTitle')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {reg.reviewComment}
            </Text>
          </Alert>
        ) : null}

        <DetailList
          cols={3}
          items={[
            { label: t('registrations.fields.resultTitleVi'), value: reg.resultTitleVi },
            { label: t('registrations.fields.resultTitleEn'), value: reg.resultTitleEn },
            { label: t('registrations.fields.keywords'), value: reg.keywords.join('; ') },
            { label: t('registrations.fields.authorityUnit'), value: unitName(reg.authorityUnit) },
            { label: t('registrations.fields.leadOrganization'), value: reg.leadOrganization.nameVi },
            { label: t('registrations.fields.deadline'), value: <RegistrationDeadline deadline={reg.deadline} isLate={reg.isLate} withHint /> },
            { label: t('registrations.fields.hasTechnologyProcess'), value: reg.hasTechnologyProcess ? t('registrations.yes') : t('registrations.no') },
            { label: t('registrations.fields.fullTextTier'), value: t(`registrations.tiers.${reg.fullTextTier}`) },
            { label: t('registrations.fields.submittedAt'), value: formatDateTime(reg.submittedAt) },
            { label: t('registrations.fields.registeredAt'), value: formatDateTime(reg.registeredAt) },
            { label: t('registrations.fields.archiveNo'), value: reg.archiveNo },
          ]}
        />
        <DetailList cols={1} items={[{ label: t('registrations.fields.abstractVi'), value: longText(reg.abstractVi) }]} />

        <section aria-labelledby="registration-documents">
          <Title order={3} fz="md" id="registration-documents" mb="xs">
            {t('registrations.documents')}
          </Title>
          <DocumentsTable
            registration={reg}
            detaching={detach.isPending ? (detach.variables ?? null) : null}
            onDetach={async (f) => {
              submit.reset();
              try {
                await detach.mutateAsync(f.file.id);
                notifications.show({ message: t('registrations.file.detached') });
              } catch {
                // shown above the details
              }
            }}
          />
        </section>

        {reg.status !== 'registered' ? (
          reg.missingRoles.length > 0 ? (
            <Alert color="orange" variant="light" title={t('registrations.missingTitle')}>
              <List size="sm">
                {reg.missingRoles.map((r) => (
                  <List.Item key={r}>{t(`registrations.roles.${r}`)}</List.Item>
                ))}
              </List>
            </Alert>
          ) : (
            <Alert color="green" variant="light">
              {t('registrations.complete')}
            </Alert>
          )
        ) : null}

        {reg.canEdit ? (
          <UploadForm
            key={reg.id}
            registration={reg}
            onUploaded={() => {
              submit.reset();
              detach.reset();
            }}
          />
        ) : null}
      </Stack>
      {reg.canEdit ? (
        <RegistrationFormDialog
          key={reg.id}
          taskId={task.id}
          defaultTitle={task.titleVi}
          registration={reg}
          opened={editing}
          onClose={() => setEditing(false)}
        />
      ) : null}
      {reg.canReview || decision !== null ? <RegistrationReviewDialog registration={reg} decision={decision} onClose={() => setDecision(null)} /> : null}
    </Card>
  );
}
