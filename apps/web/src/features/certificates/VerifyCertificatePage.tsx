import { Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { DetailList } from '../../components/DetailList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { LoadingState } from '../../components/States';
import { formatDate, formatDateTime } from '../../lib/format';
import { useCertificateVerification } from './api';

type Verdict = 'valid' | 'revoked' | 'notFound';

const VERDICT_STYLE: Record<Verdict, { color: string; mark: string }> = {
  valid: { color: 'green', mark: '✓' },
  revoked: { color: 'red', mark: '✕' },
  notFound: { color: 'gray', mark: '?' },
};

/** The big, clear verdict of a verification: a colored panel with a mark, the verdict as a heading and a note. */
function VerdictPanel({ verdict, title, note, children }: { verdict: Verdict; title: string; note: string; children?: ReactNode }) {
  const style = VERDICT_STYLE[verdict];
  return (
    <Card
      withBorder
      padding="lg"
      role="status"
      aria-live="polite"
      style={{ borderColor: `var(--mantine-color-${style.color}-6)`, borderWidth: 2, background: `var(--mantine-color-${style.color}-0)` }}
    >
      <Group gap="md" wrap="nowrap" align="flex-start">
        <ThemeIcon size={56} radius="xl" color={style.color === 'gray' ? 'gray.7' : `${style.color}.8`} aria-hidden="true">
          <Text fz={30} fw={700} c="white" lh={1}>
            {style.mark}
          </Text>
        </ThemeIcon>
        <Stack gap={4}>
          <Title order={2} fz={{ base: 22, sm: 26 }} c={style.color === 'gray' ? 'gray.9' : `${style.color}.9`}>
            {title}
          </Title>
          <Text size="sm">{note}</Text>
          {children}
        </Stack>
      </Group>
    </Card>
  );
}

/**
 * The public verification of a result-registration certificate by the code printed on it (and in its QR code): a big
 * verdict — valid (green), revoked (red, with the date and reason) or not found — and the certificate's number, date,
 * authority, task, result and lead organization.
 */
export function VerifyCertificatePage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const query = useCertificateVerification(code);
  const data = query.data;
  const verdictTitle = data === undefined ? null : data === null ? t('certificates.notFound') : data.valid ? t('certificates.valid') : t('certificates.revokedTitle');

  // the document title says the verdict too (after the page header has set its own title)
  useEffect(() => {
    if (verdictTitle) document.title = `${verdictTitle} · ${t('certificates.verifyTitle')} · ${t('app.shortName')}`;
  }, [verdictTitle, t]);

  return (
    <>
      <PageHeader title={t('certificates.verifyTitle')} description={t('certificates.verifyDescription')} />
      <Stack gap="md" maw={920}>
        {query.error ? (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : data === undefined ? (
          <LoadingState />
        ) : data === null ? (
          <VerdictPanel verdict="notFound" title={t('certificates.notFound')} note={t('certificates.notFoundNote', { code })} />
        ) : (
          <>
            {data.valid ? (
              <VerdictPanel verdict="valid" title={t('certificates.valid')} note={t('certificates.validNote')} />
            ) : (
              <VerdictPanel verdict="revoked" title={t('certificates.revokedTitle')} note={t('certificates.revokedNote', { date: formatDateTime(data.revokedAt) })}>
                {data.revokeReason ? (
                  <Text size="sm" fw={600} style={{ whiteSpace: 'pre-wrap' }}>
                    {t('certificates.revokeReason')}: {data.revokeReason}
                  </Text>
                ) : null}
              </VerdictPanel>
            )}
            <Card withBorder>
              <DetailList
                cols={2}
                items={[
                  { label: t('certificates.number'), value: <Text fw={700} span>{data.number}</Text> },
                  { label: t('certificates.issuedOn'), value: formatDate(data.issuedOn) },
                  { label: t('certificates.authority'), value: data.authority },
                  { label: t('certificates.code'), value: <code>{code}</code> },
                  { label: t('certificates.taskCode'), value: data.taskCode },
                  { label: t('certificates.taskTitle'), value: data.taskTitleVi },
                  { label: t('certificates.resultTitle'), value: data.resultTitleVi },
                  { label: t('certificates.leadOrganization'), value: data.leadOrganization },
                ]}
              />
            </Card>
          </>
        )}
        <div>
          <Button component={Link} to="/results" variant="default">
            {t('certificates.seeResults')}
          </Button>
        </div>
      </Stack>
    </>
  );
}
