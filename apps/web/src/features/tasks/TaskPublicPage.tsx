import type { TaskPublic } from '@stinet/shared';
import { Alert, Button, Card, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../../api/auth';
import { AppLink } from '../../components/AppLink';
import { DetailList } from '../../components/DetailList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { LoadingState } from '../../components/States';
import { formatDate, formatDateTime } from '../../lib/format';
import { usePublicRecord } from '../../lib/preload';
import { FieldCodes, TextSections } from './TaskBits';

/**
 * The public record of a published task: exactly the fields published under Circular 14/2014 Art 23(2) (title,
 * lead organization, principal investigator, objectives, content, field, methods, expected results, start and end).
 */
export function TaskPublicPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { user } = useAuth();
  // The key of useTask (./api), so its invalidations reach this query; the server's preload is its initial data
  const query = usePublicRecord<TaskPublic>(['tasks', 'public', id], id ? `/api/tasks/${id}` : undefined);

  if (query.error) {
    return (
      <Stack>
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        <div>
          <Button component={Link} to="/tasks" variant="default">
            {t('common.backToList')}
          </Button>
        </div>
      </Stack>
    );
  }
  if (!query.data) return <LoadingState />;
  const task = query.data;

  return (
    <>
      <PageHeader
        eyebrow={task.code}
        title={task.titleVi}
        actions={
          <>
            <Button component={Link} to="/tasks" variant="default">
              {t('common.backToList')}
            </Button>
            {user ? (
              <Button component={Link} to={`/staff/tasks/${task.id}`} variant="light">
                {t('tasks.openInStaff')}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="md">
        <Card withBorder>
          <DetailList
            cols={3}
            items={[
              { label: t('tasks.fields.leadOrganizationId'), value: <AppLink to={`/organizations/${task.leadOrganization.id}`}>{task.leadOrganization.nameVi}</AppLink> },
              { label: t('tasks.fields.piName'), value: task.piName },
              { label: t('tasks.fields.fieldCodes2025'), value: <FieldCodes scheme="FOS2025" codes={task.fieldCodes2025} /> },
              { label: t('tasks.fields.startDate'), value: formatDate(task.startDate) },
              { label: t('tasks.fields.endDate'), value: formatDate(task.endDate) },
              { label: t('tasks.publishedAt'), value: formatDateTime(task.publishedAt) },
            ]}
          />
        </Card>
        <Card withBorder>
          <TextSections
            sections={[
              { id: 'task-objectives', title: t('tasks.fields.objectives'), text: task.objectives },
              { id: 'task-content', title: t('tasks.fields.content'), text: task.content },
              { id: 'task-methods', title: t('tasks.fields.methods'), text: task.methods },
              { id: 'task-products', title: t('tasks.fields.expectedProducts'), text: task.expectedProducts },
            ]}
          />
        </Card>
        <Alert variant="light" color="blue">
          {t('tasks.publicNote')}
        </Alert>
      </Stack>
    </>
  );
}
