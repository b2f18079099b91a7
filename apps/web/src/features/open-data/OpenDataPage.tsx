import type { OpenDataDictionary, OpenDataJob, OpenDataManifest } from '@stinet/shared';
import { Alert, Anchor, Button, Card, Code, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../api/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, LoadingState } from '../../components/States';
import { formatDateTime, formatNumber } from '../../lib/format';
import { CHANGES_FEED_URL, fileUrl, useOpenDataCurrent, useOpenDataDictionary, useRegenerateDump } from './api';
import { formatBytes, jobPercent } from './progress';

function JobStatus({ job }: { job: OpenDataJob }) {
  const { t, i18n } = useTranslation();
  if (job.status === 'running') {
    const percent = jobPercent(job);
    return (
      <Stack gap={4} role="status" aria-live="polite">
        <Text size="sm">
          {t('openData.progress', { written: formatNumber(job.recordsWritten), total: formatNumber(job.recordsTotal), phase: t(`openData.phase.${job.phase}`) })}
        </Text>
        <Progress value={percent} aria-label={t('openData.progressLabel', { percent })} />
      </Stack>
    );
  }
  if (job.status === 'failed') {
    return (
      <Alert color="red" title={t('openData.lastFailed', { at: formatDateTime(job.finishedAt) })}>
        {i18n.language === 'en' ? job.error?.messageEn : job.error?.messageVi}
      </Alert>
    );
  }
  return null;
}

function FilesTable({ manifest }: { manifest: OpenDataManifest }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped>
        <Table.Caption>{t('openData.filesCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('openData.file')}</Table.Th>
            <Table.Th>{t('openData.content')}</Table.Th>
            <Table.Th ta="right">{t('openData.records')}</Table.Th>
            <Table.Th ta="right">{t('openData.size')}</Table.Th>
            <Table.Th>{t('openData.sha256')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {manifest.files.map((f) => (
            <Table.Tr key={f.name}>
              <Table.Td>
                <Anchor href={fileUrl(f.name)} download={f.name} aria-label={t('openData.downloadLabel', { name: f.name })}>
                  {f.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{f.entityType ? t(`openData.entity.${f.entityType}`) : t('openData.dictionaryFile')}</Table.Td>
              <Table.Td ta="right">{f.records === null ? '—' : formatNumber(f.records)}</Table.Td>
              <Table.Td ta="right">{formatBytes(f.size, i18n.language)}</Table.Td>
              <Table.Td>
                <Code style={{ wordBreak: 'break-all' }}>{f.sha256}</Code>
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td>
              <Anchor href={fileUrl('manifest.json')} download="manifest.json" aria-label={t('openData.downloadLabel', { name: 'manifest.json' })}>
                manifest.json
              </Anchor>
            </Table.Td>
            <Table.Td>{t('openData.manifestFile')}</Table.Td>
            <Table.Td ta="right">—</Table.Td>
            <Table.Td ta="right">—</Table.Td>
            <Table.Td>—</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DictionaryTables({ dictionary }: { dictionary: OpenDataDictionary }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <Stack gap="lg">
      {dictionary.entities.map((e) => (
        <Stack key={e.entityType} gap="xs">
          <Title order={3} fz="lg">
            {en ? e.titleEn : e.titleVi} <Code>{e.fileBase}.csv</Code> <Code>{e.fileBase}.jsonl</Code>
          </Title>
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('openData.field')}</Table.Th>
                  <Table.Th>{t('openData.type')}</Table.Th>
                  <Table.Th>{t('openData.fieldDescription')}</Table.Th>
                  <Table.Th>{t('openData.example')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {e.fields.map((f) => (
                  <Table.Tr key={f.field}>
                    <Table.Td>
                      <Code>{f.field}</Code>
                    </Table.Td>
                    <Table.Td>
                      {f.type}
                      {f.nullable ? ` (${t('openData.nullable')})` : ''}
                    </Table.Td>
                    <Table.Td>{en ? f.descriptionEn : f.descriptionVi}</Table.Td>
                    <Table.Td>{f.example}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      ))}
    </Stack>
  );
}

/** The public open-data page: the bulk dumps with sizes, counts and checksums, the data dictionary and the changes feed. */
export function OpenDataPage() {
  const { t, i18n } = useTranslation();
  const { hasRole } = useAuth();
  const current = useOpenDataCurrent();
  const dictionary = useOpenDataDictionary();
  const regenerate = useRegenerateDump();
  const manifest = current.data?.manifest ?? null;
  const job = current.data?.job ?? null;
  const running = job?.status === 'running';

  return (
    <>
      <PageHeader
        title={t('openData.title')}
        description={t('openData.description')}
        actions={
          hasRole('national_admin') ? (
            <Button onClick={() => regenerate.mutate()} loading={regenerate.isPending} disabled={running}>
              {running ? t('openData.regenerating') : t('openData.regenerate')}
            </Button>
          ) : null
        }
      />
      <Stack gap="xl">
        {regenerate.error ? <ErrorAlert error={regenerate.error} /> : null}
        <Card withBorder>
          <Stack gap="xs">
            <Title order={2} fz="xl">
              {t('openData.aboutTitle')}
            </Title>
            <Text size="sm">{t('openData.about')}</Text>
            <Text size="sm">{t('openData.formats')}</Text>
          </Stack>
        </Card>

        <Stack gap="sm">
          <Title order={2} fz="xl">
            {t('openData.currentTitle')}
          </Title>
          {job ? <JobStatus job={job} /> : null}
          {current.isLoading ? <LoadingState /> : null}
          {current.error ? <ErrorAlert error={current.error} onRetry={() => void current.refetch()} /> : null}
          {current.data && !manifest ? <EmptyState message={t('openData.noDump')} /> : null}
          {manifest ? (
            <>
              <Group gap="xl" wrap="wrap">
                <Text size="sm">{t('openData.generatedAt', { at: formatDateTime(manifest.generatedAt) })}</Text>
                <Text size="sm">{t('openData.formatVersion', { version: manifest.formatVersion })}</Text>
              </Group>
              <Group gap="xl" wrap="wrap" aria-label={t('openData.countsTitle')}>
                {(['organization', 'researcher', 'task', 'result'] as const).map((type) => (
                  <Text key={type} size="sm">
                    {t(`openData.entity.${type}`)}: <strong>{formatNumber(manifest.counts[type])}</strong>
                  </Text>
                ))}
              </Group>
              <FilesTable manifest={manifest} />
              <Alert color="blue" title={i18n.language === 'en' ? manifest.license.nameEn : manifest.license.nameVi}>
                {i18n.language === 'en' ? manifest.license.noteEn : manifest.license.noteVi}
              </Alert>
            </>
          ) : null}
        </Stack>

        <Stack gap="xs">
          <Title order={2} fz="xl">
            {t('openData.changesTitle')}
          </Title>
          <Text size="sm">{t('openData.changesText')}</Text>
          <Code block>{`GET ${CHANGES_FEED_URL}`}</Code>
          <Text size="sm" c="dimmed">
            {t('openData.deletionsReported')}
          </Text>
        </Stack>

        <Stack gap="sm">
          <Title order={2} fz="xl">
            {t('openData.dictionaryTitle')}
          </Title>
          {dictionary.isLoading ? <LoadingState /> : null}
          {dictionary.error ? <ErrorAlert error={dictionary.error} /> : null}
          {dictionary.data ? <DictionaryTables dictionary={dictionary.data} /> : null}
        </Stack>
      </Stack>
    </>
  );
}
