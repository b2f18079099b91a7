import { Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate, today } from '../../lib/format';
import { useOrgUnits } from '../org-units/api';
import { useOrganizations } from '../organizations/api';
import { useResearchers } from '../researchers/api';
import { useTasks } from '../tasks/api';
import { StatCard } from './StatCard';

/** The public home page: a short introduction and headline counts of the network. */
export function HomePage() {
  const { t } = useTranslation();
  const date = today();
  const provinces = useOrgUnits({ asOf: date, kind: 'province', pageSize: 1 });
  const ministries = useOrgUnits({ asOf: date, kind: 'ministry', pageSize: 1 });
  const organizations = useOrganizations({ pageSize: 1 });
  const researchers = useResearchers({ pageSize: 1 });
  const tasks = useTasks({ pageSize: 1 });

  useEffect(() => {
    document.title = t('app.documentTitle');
  }, [t]);

  return (
    <Stack gap="xl">
      <Card withBorder padding="xl" bg="blue.0">
        <Stack gap="sm" maw={820}>
          <Title order={1} fz={{ base: 26, sm: 32 }}>
            {t('home.title')}
          </Title>
          <Text>{t('home.intro')}</Text>
          <Text size="sm" c="dimmed">
            {t('home.intro2')}
          </Text>
          <Group mt="sm">
            <Button component={Link} to="/organizations">
              {t('home.browseOrganizations')}
            </Button>
            <Button component={Link} to="/org-units" variant="default">
              {t('home.browseUnits')}
            </Button>
          </Group>
        </Stack>
      </Card>

      <section aria-labelledby="home-stats">
        <Title order={2} fz="xl" id="home-stats" mb="md">
          {t('home.statsTitle', { date: formatDate(date) })}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }}>
          <StatCard
            label={t('home.provinces')}
            value={provinces.data?.total}
            error={provinces.error}
            to="/org-units?kind=province"
            linkLabel={t('home.seeProvinces')}
            note={t('home.provincesNote')}
          />
          <StatCard
            label={t('home.ministries')}
            value={ministries.data?.total}
            error={ministries.error}
            to="/org-units?kind=ministry"
            linkLabel={t('home.seeMinistries')}
          />
          <StatCard
            label={t('home.organizations')}
            value={organizations.data?.total}
            error={organizations.error}
            to="/organizations"
            linkLabel={t('home.seeOrganizations')}
          />
          <StatCard
            label={t('home.researchers')}
            value={researchers.data?.total}
            error={researchers.error}
            to="/researchers"
            linkLabel={t('home.seeResearchers')}
          />
          <StatCard label={t('home.tasks')} value={tasks.data?.total} error={tasks.error} to="/tasks" linkLabel={t('home.seeTasks')} />
        </SimpleGrid>
      </section>

      <section aria-labelledby="home-about">
        <Title order={2} fz="xl" id="home-about" mb="md">
          {t('home.aboutTitle')}
        </Title>
        <List spacing="xs">
          <List.Item>{t('home.about1')}</List.Item>
          <List.Item>{t('home.about2')}</List.Item>
          <List.Item>{t('home.about3')}</List.Item>
        </List>
      </section>
    </Stack>
  );
}
