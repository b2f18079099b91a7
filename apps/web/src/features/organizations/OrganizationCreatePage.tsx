import type { OrganizationCreate } from '@stinet/shared';
import { Card } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { useCreateOrganization } from './api';
import { OrganizationForm } from './OrganizationForm';

/** The page to add an S&T organization (form 01); on save it opens the new record. */
export function OrganizationCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateOrganization();
  return (
    <>
      <PageHeader title={t('organizations.createTitle')} description={t('organizations.createDescription')} />
      <Card withBorder>
        <OrganizationForm
          initial={null}
          submitting={create.isPending}
          error={create.error}
          onCancel={() => navigate('/staff/organizations')}
          onSubmit={async (body) => {
            const org = await create.mutateAsync(body as OrganizationCreate);
            notifications.show({ color: 'green', message: t('organizations.created', { name: org.nameVi }) });
            navigate(`/staff/organizations/${org.id}`);
          }}
        />
      </Card>
    </>
  );
}
