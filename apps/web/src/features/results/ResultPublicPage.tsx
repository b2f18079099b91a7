import type { ResultPublicDetail } from '@stinet/shared';
import { Alert, Anchor, Button, Card, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { AppLink } from '../../components/AppLink';
import { CodeLabel } from '../../components/CodeLabel';
import { DetailList } from '../../components/DetailList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { LoadingState } from '../../components/States';
import { useUnitName } from '../../components/UnitName';
import { formatDateTime } from '../../lib/format';
import { usePublicRecord } from '../../lib/preload';
import { formatFileSize } from '../registrations/RegistrationBits';
import { FieldCodes, TextSections } from '../tasks/TaskBits';

/**
 * The public record of a registered result: its title, abstract and keywords, the task (code, title, level, field),
 * lead organization, principal investigator, registering authority, registration date, archive and certificate numbers.
 */
export function ResultPublicPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const unitName = useUnitName();
  // The key of useResult (../registrations/api), so its invalidations reach this query; the server's preload is its initial data
  const query = usePublicRecord<ResultPublicDetail>(['results', 'detail', id], id ? `/api/results/${id}` : undefined);

  if (query.error) {
    return (
      <Stack>
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        <div>
          <Button component={Link} to="/results" variant="default">
            {t('common.backToList')}
          </Button>
        </div>
      </Stack>
    );
  }
  if (!query.data) return <LoadingState />;
  const result = query.data;

  return (
    <>
      <PageHeader
        eyebrow={result.certificateNumber}
        title={result.resultTitleVi}
        actions={
          <>
            <Button component={Link} to="/results" variant="default">
              {t('common.backToList')}
            </Button>
            <Button component={Link} to={`/tasks/${result.task.id}`} variant="light">
              {t('results.openTask')}
            </Button>
          </>
        }
      />
      <Stack gap="md">
        <Card withBorder>
          <DetailList
            cols={3}
            items={[
              { label: t('results.fields.taskCode'), value: result.task.code },
              { label: t('results.fields.taskTitle'), value: <AppLink to={`/tasks/${result.task.id}`}>{result.task.titleVi}</AppLink> },
              { label: t('results.fields.levelCode'), value: <CodeLabel scheme="TASK_LEVEL" code={result.task.levelCode} /> },
              { label: t('results.fields.leadOrganization'), value: <AppLink to={`/organizations/${result.leadOrganization.id}`}>{result.leadOrganization.nameVi}</AppLink> },
              { label: t('results.fields.piName'), value: result.piName },
              { label: t('results.fields.fieldCodes2025'), value: <FieldCodes scheme="FOS2025" codes={result.task.fieldCodes2025} /> },
              { label: t('results.fields.authority'), value: unitName(result.authorityUnit) },
              { label: t('results.fields.registeredAt'), value: formatDateTime(result.registeredAt) },
              { label: t('results.fields.archiveNo'), value: result.archiveNo },
              { label: t('results.fields.certificateNumber'), value: result.certificateNumber },
              { label: t('results.fields.keywords'), value: result.keywords.join('; ') },
            ]}
          />
        </Card>
        <Card withBorder>
          <TextSections sections={[{ id: 'result-abstract', title: t('results.fields.abstractVi'), text: result.abstractVi }]} />
        </Card>
        {result.documents.length > 0 ? (
          <Card withBorder>
            <Title order={2} fz="md" mb="xs">
              {t('results.documents')}
            </Title>
            <List size="sm" spacing={4}>
              {result.documents.map((d) => (
                <List.Item key={d.fileId}>
                  {t(`registrations.roles.${d.role}`)}:{' '}
                  <Anchor href={`/api/files/${d.fileId}/content`} download={d.originalName}>
                    {d.originalName}
                  </Anchor>{' '}
                  <Text span size="xs" c="dimmed">
                    ({formatFileSize(d.size)})
                  </Text>
                </List.Item>
              ))}
            </List>
          </Card>
        ) : null}
        <Alert variant="light" color="blue">
          {t('results.publicNote')}
        </Alert>
      </Stack>
    </>
  );
}
