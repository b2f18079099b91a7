import { CertificateCopyCreate, CertificateRevoke, type Certificate } from '@stinet/shared';
import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, Stack, Table, Text, TextInput, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DetailList } from '../../components/DetailList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormLayout';
import { EmptyState, LoadingState } from '../../components/States';
import { useUnitName } from '../../components/UnitName';
import type { FieldErrors } from '../../lib/form';
import { formatDate, formatDateTime } from '../../lib/format';
import { useValidatedForm } from '../../lib/useValidatedForm';
import { certificateCopyPdfUrl, certificatePdfUrl, useCertificate, useIssueCertificateCopy, useRevokeCertificate, verificationPath } from './api';

/** A certificate's status as a colored badge (valid green, revoked red). */
export function CertificateStatusBadge({ status }: { status: Certificate['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={status === 'valid' ? 'green' : 'red'}>
      {t(`certificates.statuses.${status}`)}
    </Badge>
  );
}

/** The dialog to issue a certified copy, with an optional purpose. */
function IssueCopyDialog({ cert, opened, onClose }: { cert: Certificate; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const issue = useIssueCertificateCopy(cert.id);
  const form = useValidatedForm({ purpose: '' }, { clearErrorOnChange: true });
  const close = () => {
    issue.reset();
    form.setValues({ purpose: '' });
    form.setErrors({});
    onClose();
  };
  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={t('certificates.issueCopyTitle')}
      submitLabel={t('certificates.issueCopy')}
      submitting={issue.isPending}
      error={issue.error}
      onSubmit={async () => {
        let copyNo = 0;
        const ok = await form.submit(CertificateCopyCreate, { purpose: form.values.purpose }, async (body) => {
          const after = await issue.mutateAsync(body.purpose ?? null);
          copyNo = Math.max(0, ...after.copies.map((c) => c.copyNo));
        });
        if (ok) {
          notifications.show({ color: 'green', message: t('certificates.copyIssued', { n: copyNo }) });
          close();
        }
      }}
    >
      <Text size="sm">{t('certificates.issueCopyIntro')}</Text>
      <TextInput
        label={t('certificates.purposeLabel')}
        value={form.values.purpose}
        onChange={(e) => form.set('purpose', e.currentTarget.value)}
        error={form.errors.purpose}
        autoComplete="off"
        data-autofocus
      />
    </FormModal>
  );
}

/** The dialog to revoke a certificate: a required reason and an explicit confirmation. */
function RevokeDialog({ cert, opened, onClose }: { cert: Certificate; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeCertificate(cert.id);
  const form = useValidatedForm({ reason: '', confirmed: false }, { clearErrorOnChange: true });
  const close = () => {
    revoke.reset();
    form.setValues({ reason: '', confirmed: false });
    form.setErrors({});
    onClose();
  };
  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={t('certificates.revokeTitle')}
      submitLabel={t('certificates.revoke')}
      submitColor="red"
      submitting={revoke.isPending}
      error={revoke.error}
      onSubmit={async () => {
        const extra: FieldErrors = form.values.confirmed ? {} : { confirmed: t('certificates.revokeConfirmRequired') };
        const ok = await form.submit(CertificateRevoke, { reason: form.values.reason }, async (body) => {
          await revoke.mutateAsync(body.reason);
        }, extra);
        if (ok) {
          notifications.show({ color: 'green', message: t('certificates.revoked') });
          close();
        }
      }}
    >
      <Alert color="red" variant="light">
        {t('certificates.revokeIntro')}
      </Alert>
      <Textarea
        label={t('certificates.revokeReason')}
        value={form.values.reason}
        onChange={(e) => form.set('reason', e.currentTarget.value)}
        error={form.errors.reason}
        required
        autosize
        minRows={3}
        data-autofocus
      />
      <Checkbox
        label={t('certificates.revokeConfirm')}
        checked={form.values.confirmed}
        onChange={(e) => form.set('confirmed', e.currentTarget.checked)}
        error={form.errors.confirmed}
      />
    </FormModal>
  );
}

/**
 * The certificate of a registered result: number, date, authority, signer and status (with the reason when revoked),
 * the PDF download, the public verification page, the certified copies with their PDFs, and for the registering
 * authority's officers "Issue a copy" and "Revoke".
 */
export function CertificateCard({ certificateId }: { certificateId: string }) {
  const { t } = useTranslation();
  const query = useCertificate(certificateId);
  const [dialog, setDialog] = useState<'copy' | 'revoke' | null>(null);

  return (
    <Card withBorder component="section" aria-labelledby="certificate-title">
      <Title order={2} fz="lg" id="certificate-title" mb="sm">
        {t('certificates.cardTitle')}
      </Title>
      {query.error ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.data ? (
        <LoadingState />
      ) : (
        <CertificateBody cert={query.data} onDialog={setDialog} />
      )}
      {query.data ? (
        <>
          <IssueCopyDialog cert={query.data} opened={dialog === 'copy'} onClose={() => setDialog(null)} />
          <RevokeDialog cert={query.data} opened={dialog === 'revoke'} onClose={() => setDialog(null)} />
        </>
      ) : null}
    </Card>
  );
}

function CertificateBody({ cert, onDialog }: { cert: Certificate; onDialog: (d: 'copy' | 'revoke') => void }) {
  const { t } = useTranslation();
  const unitName = useUnitName();
  const isValid = cert.status === 'valid';
  return (
    <Stack gap="md">
      {!isValid ? (
        <Alert color="red" variant="light" title={t('certificates.statuses.revoked')}>
          <Text size="sm">{t('certificates.revokedNote', { date: formatDateTime(cert.revokedAt) })}</Text>
          {cert.revokeReason ? (
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
              {t('certificates.revokeReason')}: {cert.revokeReason}
            </Text>
          ) : null}
        </Alert>
      ) : null}
      <DetailList
        cols={3}
        items={[
          { label: t('certificates.number'), value: <Text fw={700} span>{cert.number}</Text> },
          { label: t('certificates.issuedOn'), value: formatDate(cert.issuedOn) },
          { label: t('certificates.status'), value: <CertificateStatusBadge status={cert.status} /> },
          { label: t('certificates.authority'), value: unitName(cert.authorityUnit) },
          { label: t('certificates.signer'), value: `${cert.signerName} — ${cert.signerTitle}` },
          { label: t('certificates.code'), value: <code>{cert.verificationCode}</code> },
          { label: t('certificates.verificationUrl'), value: cert.verificationUrl },
        ]}
      />
      <Group gap="sm">
        <Button component="a" href={certificatePdfUrl(cert.id)} download>
          {t('certificates.downloadPdf')}
        </Button>
        <Button component={Link} to={verificationPath(cert.verificationCode)} variant="default">
          {t('certificates.verificationPage')}
        </Button>
        {cert.canManage && isValid ? (
          <>
            <Button variant="light" onClick={() => onDialog('copy')}>
              {t('certificates.issueCopy')}
            </Button>
            <Button variant="light" color="red" onClick={() => onDialog('revoke')}>
              {t('certificates.revoke')}
            </Button>
          </>
        ) : null}
      </Group>
      <section aria-labelledby="certificate-copies">
        <Title order={3} fz="md" id="certificate-copies" mb="xs">
          {t('certificates.copies')}
        </Title>
        {cert.copies.length === 0 ? (
          <EmptyState message={t('certificates.noCopies')} />
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table withTableBorder verticalSpacing={4} fz="sm">
              <Table.Caption>
                <VisuallyHidden>{t('certificates.copiesCaption')}</VisuallyHidden>
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('certificates.copyNo')}</Table.Th>
                  <Table.Th scope="col">{t('certificates.issuedOn')}</Table.Th>
                  <Table.Th scope="col">{t('certificates.purpose')}</Table.Th>
                  <Table.Th scope="col">{t('registrations.file.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {cert.copies.map((copy) => (
                  <Table.Tr key={copy.copyNo}>
                    <Table.Th scope="row" fw={500}>
                      {copy.copyNo}
                    </Table.Th>
                    <Table.Td>{formatDate(copy.issuedOn)}</Table.Td>
                    <Table.Td>{copy.purpose ?? <span aria-label={t('common.none')}>—</span>}</Table.Td>
                    <Table.Td>
                      <Anchor href={certificateCopyPdfUrl(cert.id, copy.copyNo)} download aria-label={t('certificates.copyPdfLabel', { n: copy.copyNo })}>
                        {t('certificates.copyPdf')}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>
    </Stack>
  );
}
