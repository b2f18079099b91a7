import type { SimilarItem } from '@stinet/shared';
import { Alert, Badge, Button, Card, Group, Progress, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { AppLink } from '../../components/AppLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState } from '../../components/States';
import { useTaskFull } from '../tasks/api';
import { useSimilarTasks } from './api';
import { Highlighted } from './Highlighted';

/** One similar record with its score bar and the passages it shares with the proposal. */
function SimilarCard({ item }: { item: SimilarItem }) {
  const { t, i18n } = useTranslation();
  const pct = Math.round(item.score * 100);
  return (
    <Card withBorder component="li" padding="md" data-similar-id={item.id}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs">
            <Badge variant="light" color={item.type === 'task' ? 'blue' : 'teal'}>
              {t(`search.types.${item.type}`)}
            </Badge>
            {item.code ? (
              <Text size="xs" c="dimmed">
                {item.code}
              </Text>
            ) : null}
          </Group>
          <Title order={2} fz="md" fw={600}>
            <AppLink to={item.url}>{item.title}</AppLink>
          </Title>
        </Stack>
        <Stack gap={2} w={160} style={{ flexShrink: 0 }}>
          <Text size="sm" fw={600} ta="right">
            {t('search.similar.score', { value: (item.score * 100).toLocaleString(i18n.language, { maximumFractionDigits: 1 }) })}
          </Text>
          <Progress value={pct} color={pct >= 60 ? 'red' : pct >= 35 ? 'orange' : 'gray'} aria-label={t('search.similar.scoreLabel', { title: item.title })} />
          <Text size="xs" c="dimmed" ta="right">
            {t('search.similar.parts', { title: Math.round(item.titleScore * 100), text: Math.round(item.textScore * 100) })}
          </Text>
        </Stack>
      </Group>
      {item.passages.length ? (
        <Stack component="ul" gap={4} mt="sm" style={{ paddingLeft: 18, margin: 0 }} aria-label={t('search.similar.passages')}>
          {item.passages.map((p, i) => (
            <Text component="li" size="sm" key={i}>
              <Text component="span" size="xs" c="dimmed" mr={6}>
                {t(`search.similar.fields.${p.field}`)}:
              </Text>
              <Highlighted value={p.highlight} />
            </Text>
          ))}
        </Stack>
      ) : null}
    </Card>
  );
}

/**
 * The similar-task check for staff (Decree 11/2014 Art 11): paste a proposal's title and summary (or come from a
 * task's page with `?taskId=`), see published tasks and registered results ranked by similarity.
 */
export function SimilarTasksPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const taskId = params.get('taskId') ?? undefined;
  const task = useTaskFull(taskId);
  const check = useSimilarTasks();
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const { mutate } = check;

  useEffect(() => {
    if (!task.data) return;
    const text = [task.data.objectives, task.data.content].filter(Boolean).join('\n');
    setTitle(task.data.titleVi);
    setSummary(text);
    mutate({ title: task.data.titleVi, summary: text || undefined, excludeTaskId: task.data.id, limit: 20 });
  }, [task.data, mutate]);

  const run = () => {
    if (title.trim().length < 3) return;
    check.mutate({ title: title.trim(), summary: summary.trim() || undefined, limit: 20, ...(taskId ? { excludeTaskId: taskId } : {}) });
  };

  return (
    <>
      <PageHeader title={t('search.similar.title')} description={t('search.similar.description')} />
      <Card withBorder mb="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            run();
          }}
        >
          <Stack gap="sm">
            {task.data ? (
              <Alert color="blue" variant="light">
                {t('search.similar.prefilled', { code: task.data.code })}
              </Alert>
            ) : null}
            {task.isError ? <ErrorAlert error={task.error} /> : null}
            <TextInput label={t('search.similar.titleLabel')} required minLength={3} maxLength={1000} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
            <Textarea label={t('search.similar.summaryLabel')} description={t('search.similar.summaryHint')} autosize minRows={4} maxRows={12} maxLength={20000} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} />
            <Group>
              <Button type="submit" loading={check.isPending} disabled={title.trim().length < 3}>
                {t('search.similar.check')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed">
              {t('search.similar.formula')}
            </Text>
          </Stack>
        </form>
      </Card>
      {check.isError ? <ErrorAlert error={check.error} /> : null}
      {check.data ? (
        <Stack gap="sm">
          <Text size="sm" c="dimmed" role="status" aria-live="polite">
            {t('search.similar.candidates', { count: check.data.candidates, shown: check.data.items.length })}
          </Text>
          {check.data.items.length ? (
            <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {check.data.items.map((item) => (
                <SimilarCard key={`${item.type}:${item.id}`} item={item} />
              ))}
            </Stack>
          ) : (
            <EmptyState message={t('search.similar.empty')} />
          )}
        </Stack>
      ) : null}
    </>
  );
}
