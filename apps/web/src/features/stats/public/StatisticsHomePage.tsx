import type { StatIndicatorFigures, StatReleaseSummary } from '@stinet/shared';
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { AppLink } from '../../../components/AppLink';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, LoadingState } from '../../../components/States';
import { IndicatorCardShell, IndicatorNumber } from '../components/IndicatorCard';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { usePublicIndicators, usePublicReleases } from './api';

type Figure = StatIndicatorFigures['items'][number];

/** The date part ("dd/mm/yyyy", Vietnam time) of an instant. */
export function formatInstantDate(value: string): string {
  return formatDateTime(value).slice(0, 10);
}

function FigureCard({ figure }: { figure: Figure }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const headingId = `figure-${figure.code}`;
  const note = en ? figure.noteEn : figure.noteVi;
  let body;
  if (figure.reason === 'not_collected') {
    body = (
      <>
        <Badge variant="light" color="gray">
          {t('statsPublic.figure.notCollected')}
        </Badge>
        {note ? <Text size="sm">{note}</Text> : null}
      </>
    );
  } else if (figure.reason === 'registry') {
    body = (
      <>
        <Badge variant="light" color="gray">
          {t('statsPublic.figure.registry')}
        </Badge>
        <Text size="sm">
          {note ?? t('statsPublic.figure.registryNote')}{' '}
          <Anchor component={Link} to="/organizations">
            {t('statsPublic.figure.registryLink')}
          </Anchor>
        </Text>
      </>
    );
  } else if (figure.reason === 'no_data' || figure.value === null) {
    body = (
      <>
        <Badge variant="light" color="gray">
          {t('statsPublic.figure.noData')}
        </Badge>
        {note ? <Text size="sm">{note}</Text> : null}
      </>
    );
  } else {
    body = (
      <>
        <IndicatorNumber value={figure.value} unit={en ? figure.unitEn : figure.unitVi} testId="figure-value" />
        <Group gap="xs">
          {figure.year !== null ? (
            <Text size="sm" c="dimmed">
              {t('statsPublic.figure.year', { year: figure.year })}
            </Text>
          ) : null}
          {figure.incomplete ? (
            <Badge variant="light" color="orange">
              {t('statsPublic.figure.incomplete')}
            </Badge>
          ) : null}
        </Group>
        {note ? <Text size="sm">{note}</Text> : null}
        {figure.releaseId ? (
          <Anchor component={Link} to={`/statistics/releases/${figure.releaseId}`} size="sm">
            {t('statsPublic.figure.openRelease', { year: figure.year ?? '' })}
          </Anchor>
        ) : null}
      </>
    );
  }
  return (
    <IndicatorCardShell codeLine={t('statsPublic.figure.code', { code: figure.code })} name={en ? figure.nameEn : figure.nameVi} headingId={headingId}>
      {body}
    </IndicatorCardShell>
  );
}

function ReleasesOfYear({ year, items }: { year: number; items: readonly StatReleaseSummary[] }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const headingId = `releases-${year}`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId}>
        {t('statsPublic.home.year', { year })}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('statsPublic.home.columns.title')}</Table.Th>
              <Table.Th scope="col">{t('statsPublic.home.columns.form')}</Table.Th>
              <Table.Th scope="col">{t('statsPublic.home.columns.coverage')}</Table.Th>
              <Table.Th scope="col">{t('statsPublic.home.columns.published')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Th scope="row" fw="normal">
                  <AppLink to={`/statistics/releases/${r.id}`}>{en ? r.titleEn : r.titleVi}</AppLink>
                  {r.revisedBy ? (
                    <Badge ml="xs" variant="light" color="orange">
                      {t('statsPublic.home.revised')}
                    </Badge>
                  ) : null}
                </Table.Th>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.formCode}</Table.Td>
                <Table.Td>{t('statsPublic.coverage', { reports: formatNumber(r.reports), assigned: formatNumber(r.assigned) })}</Table.Td>
                <Table.Td>{formatInstantDate(r.embargoUntil)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/**
 * The public statistics home: the key figures of the indicator catalog (latest published values; indicators the
 * network does not collect, counts kept in a registry and indicators without published data say so, never 0) and
 * the published releases grouped by year, each linking to its page.
 */
export function StatisticsHomePage() {
  const { t } = useTranslation();
  const figures = usePublicIndicators();
  const releases = usePublicReleases();
  const years = [...new Set((releases.data?.items ?? []).map((r) => r.year))].sort((a, b) => b - a);

  return (
    <>
      <PageHeader title={t('statsPublic.home.title')} description={t('statsPublic.home.description')} />
      <Stack gap="xl">
        <Stack gap="sm" component="section" aria-labelledby="statistics-key-figures">
          <Title order={2} size="h4" id="statistics-key-figures">
            {t('statsPublic.home.keyFigures')}
          </Title>
          {figures.error ? <ErrorAlert error={figures.error} onRetry={() => void figures.refetch()} /> : null}
          {figures.data ? (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              {figures.data.items.map((f) => (
                <FigureCard key={f.code} figure={f} />
              ))}
            </SimpleGrid>
          ) : !figures.error ? (
            <LoadingState />
          ) : null}
        </Stack>
        <Stack gap="md" component="section" aria-labelledby="statistics-releases">
          <Title order={2} size="h4" id="statistics-releases">
            {t('statsPublic.home.releases')}
          </Title>
          {releases.error ? <ErrorAlert error={releases.error} onRetry={() => void releases.refetch()} /> : null}
          {!releases.data && !releases.error ? <LoadingState /> : null}
          {releases.data && releases.data.items.length === 0 ? <EmptyState message={t('statsPublic.home.noReleases')} /> : null}
          {years.map((year) => (
            <ReleasesOfYear key={year} year={year} items={(releases.data?.items ?? []).filter((r) => r.year === year)} />
          ))}
        </Stack>
      </Stack>
    </>
  );
}
