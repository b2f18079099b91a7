import type { ResearcherCreate } from '@stinet/shared';
import { Card } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { useCreateResearcher } from './api';
import { ResearcherForm } from './ResearcherForm';

/** The page to add a researcher; on save it opens the new record. */
export function ResearcherCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateResearcher();
  return (
    <>
      <PageHeader title={t('researchers.createTitle')} description={t('researchers.createDescription')} />
      <Card withBorder>
        <ResearcherForm
          initial={null}
          submitting={create.isPending}
          error={create.error}
          onCancel={() => navigate('/staff/researchers')}
          onSubmit={async (body) => {
            const r = await create.mutateAsync(body as ResearcherCreate);
            notifications.show({ color: 'green', message: t('researchers.created', { name: r.fullName }) });
            navigate(`/staff/researchers/${r.id}`);
          }}
        />
      </Card>
    </>
  );
}
