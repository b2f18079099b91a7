import type { ResearcherPublic } from '@stinet/shared';
import { Anchor, Button, Card } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../../api/auth';
import { AppLink } from '../../components/AppLink';
import { CodeLabel } from '../../components/CodeLabel';
import { DetailList } from '../../components/DetailList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { LoadingState } from '../../components/States';
import { usePublicRecord } from '../../lib/preload';

/** The public record of a researcher (no personal data such as birth year or contacts). */
export function ResearcherPublicPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { user } = useAuth();
  // The key of useResearcher (./api), so its invalidations reach this query; the server's preload is its initial data
  const query = usePublicRecord<ResearcherPublic>(['researchers', 'public', id], id ? `/api/researchers/${id}` : undefined);

  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <LoadingState />;
  const r = query.data;

  return (
    <>
      <PageHeader
        eyebrow={r.code}
        title={r.fullName}
        description={r.position ?? undefined}
        actions={
          <>
            <Button component={Link} to="/researchers" variant="default">
              {t('common.backToList')}
            </Button>
            {user ? (
              <Button component={Link} to={`/staff/researchers/${r.id}`} variant="light">
                {t('organizations.openInStaff')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card withBorder>
        <DetailList
          items={[
            { label: t('researchers.fields.organizationId'), value: <AppLink to={`/organizations/${r.organization.id}`}>{r.organization.nameVi}</AppLink> },
            { label: t('researchers.fields.position'), value: r.position },
            { label: t('researchers.fields.academicTitleCode'), value: r.academicTitleCode ? <CodeLabel scheme="ACADEMIC_TITLE" code={r.academicTitleCode} /> : null },
            { label: t('researchers.fields.qualificationCode'), value: r.qualificationCode ? <CodeLabel scheme="QUALIFICATION" code={r.qualificationCode} /> : null },
            { label: t('researchers.fields.fieldCode'), value: r.fieldCode ? <CodeLabel scheme="FOS2025" code={r.fieldCode} withCode /> : null },
            {
              label: t('researchers.fields.orcid'),
              value: r.orcid ? (
                <Anchor href={`https://orcid.org/${r.orcid}`} target="_blank" rel="noopener noreferrer">
                  {r.orcid}
                </Anchor>
              ) : null,
            },
          ]}
        />
      </Card>
    </>
  );
}
