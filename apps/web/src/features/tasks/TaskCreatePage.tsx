import type { TaskCreate } from '@stinet/shared';
import { Card } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { useCreateTask } from './api';
import { TaskForm } from './TaskForm';

/** The page to enter an ongoing S&T task (form Mẫu 1); on save it opens the new draft. */
export function TaskCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateTask();
  return (
    <>
      <PageHeader title={t('tasks.createTitle')} description={t('tasks.createDescription')} />
      <Card withBorder>
        <TaskForm
          initial={null}
          submitting={create.isPending}
          error={create.error}
          onCancel={() => navigate('/staff/tasks')}
          onSubmit={async (body) => {
            const task = await create.mutateAsync(body as TaskCreate);
            notifications.show({ color: 'green', message: t('tasks.created', { code: task.code }) });
            navigate(`/staff/tasks/${task.id}`);
          }}
        />
      </Card>
    </>
  );
}
