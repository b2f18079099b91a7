import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { PageHeader } from '../components/PageHeader';

/** Shown for addresses that match no page. */
export function NotFoundPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const home = pathname.startsWith('/staff') ? '/staff' : '/';
  return (
    <Stack>
      <PageHeader title={t('notFound.title')} />
      <Text>{t('notFound.body')}</Text>
      <div>
        <Button component={Link} to={home}>
          {t('notFound.home')}
        </Button>
      </div>
    </Stack>
  );
}
