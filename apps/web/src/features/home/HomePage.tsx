import { Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { AppLink } from '../../components/AppLink';
import { formatDate, formatNumber, today } from '../../lib/format';
import { usePortalSummary } from './api';
import { StatCard } from './StatCard';

/** The public home page: a short introduction and headline counts of the network. */
export function HomePage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const summary = usePortalSummary();
  const counts = summary.data?.counts;
  const error = summary.error;
  const date = summary.data?.asOf ?? today();

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
            <Button component={Link} to="/search" variant="default">
              {t('home.searchAll')}
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
            value={counts?.provinces}
            error={error}
            to="/org-units?kind=province"
            linkLabel={t('home.seeProvinces')}
            note={t('home.provincesNote')}
          />
          <StatCard
            label={t('home.ministries')}
            value={counts?.ministries}
            error={error}
            to="/org-units?kind=ministry"
            linkLabel={t('home.seeMinistries')}
          />
          <StatCard
            label={t('home.organizations')}
            value={counts?.organizations}
            error={error}
            to="/organizations"
            linkLabel={t('home.seeOrganizations')}
          />
          <StatCard
            label={t('home.researchers')}
            value={counts?.researchers}
            error={error}
            to="/researchers"
            linkLabel={t('home.seeResearchers')}
          />
          <StatCard label={t('home.tasks')} value={counts?.publishedTasks} error={error} to="/tasks" linkLabel={t('home.seeTasks')} />
          <StatCard label={t('home.results')} value={counts?.registeredResults} error={error} to="/results" linkLabel={t('home.seeResults')} />
        </SimpleGrid>
      </section>

      {summary.data && (summary.data.indicators.length > 0 || summary.data.releases.length > 0) ? (
        <section aria-labelledby="home-figures">
          <Title order={2} fz="xl" id="home-figures" mb="md">
            {t('home.figuresTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            {summary.data.indicators.slice(0, 4).map((f) => (
              <Card withBorder padding="lg" key={f.code}>
                <Text size="sm" c="dimmed" fw={600}>
                  {en ? f.nameEn : f.nameVi}
                </Text>
                <Text fz={28} fw={700} c="blue.8" lh={1.3}>
                  {formatNumber(f.value ?? 0)} <Text span size="sm" fw={400} c="dark">{en ? f.unitEn : f.unitVi}</Text>
                </Text>
                <Text size="xs" c="dimmed">
                  {t('home.figureYear', { year: f.year ?? '' })}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          {summary.data.releases.length ? (
            <List mt="md" spacing={4}>
              {summary.data.releases.map((r) => (
                <List.Item key={r.id}>
                  <AppLink to={`/statistics/releases/${r.id}`}>{en ? r.titleEn : r.titleVi}</AppLink>
                </List.Item>
              ))}
            </List>
          ) : null}
          <Button component={Link} to="/statistics" variant="light" mt="md">
            {t('home.seeStatistics')}
          </Button>
        </section>
      ) : null}

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
