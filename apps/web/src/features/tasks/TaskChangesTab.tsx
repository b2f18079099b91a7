import { TaskChangeReview, type FieldDiff, type TaskChange, type TaskFull } from '@stinet/shared';
import { Badge, Button, Card, Group, NativeSelect, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DetailList } from '../../components/DetailList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ReviewDecisionDialog } from '../../components/ReviewDecisionDialog';
import { EmptyState, LoadingState } from '../../components/States';
import { fieldLabeller } from '../../lib/fieldLabel';
import { formatDate, formatDateTime, formatValue } from '../../lib/format';
import { useReviewTaskChange, useRevisionDiff, useTaskChanges, useTaskRevisions, type TaskRevision } from './changesApi';
import { LateBadge, formatMillionVnd, renderTaskValue } from './TaskBits';
import { TaskChangeDialog } from './TaskChangeForm';

const CHANGE_STATUS_COLORS: Record<TaskChange['status'], string> = { submitted: 'blue', applied: 'green', returned: 'orange' };
const DATE_FIELDS = new Set(['startDate', 'endDate', 'contractDate', 'approvalDecisionDate']);
const taskFieldLabel = fieldLabeller('tasks.fields');

/** Renders a value of a changed task field readably: amounts in million VND, dates as dd/mm/yyyy, codes, names and members. */
function renderChangeValue(field: string, value: unknown): ReactNode {
  if (field.startsWith('budget') && typeof value === 'number') return formatMillionVnd(value);
  if (DATE_FIELDS.has(field) && typeof value === 'string') return formatDate(value);
  return renderTaskValue(field, value) ?? formatValue(value);
}

/** The fields of a change or of a revision comparison with their values before and after. */
export function DiffTable({ diff, caption }: { diff: FieldDiff[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table withTableBorder withColumnBorders verticalSpacing={4} fz="sm">
        <Table.Caption>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('history.field')}</Table.Th>
            <Table.Th scope="col">{t('history.before')}</Table.Th>
            <Table.Th scope="col">{t('history.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {diff.map((d) => (
            <Table.Tr key={d.field}>
              <Table.Th scope="row" fw={500}>
                {taskFieldLabel(d.field)}
              </Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{renderChangeValue(d.field, d.before)}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{renderChangeValue(d.field, d.after)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type ChangeDecision = TaskChangeReview['decision'];

/** The focal point's dialog on a filed change: applying takes an optional note, returning a required comment. */
function ChangeReviewDialog({ taskId, change, decision, onClose }: { taskId: string; change: TaskChange | null; decision: ChangeDecision | null; onClose: () => void }) {
  const { t } = useTranslation();
  const review = useReviewTaskChange(taskId);
  const isReturn = decision === 'return';
  return (
    <ReviewDecisionDialog
      opened={change !== null && decision !== null}
      isReturn={isReturn}
      texts={
        isReturn
          ? { title: t('taskChanges.returnTitle'), submitLabel: t('taskChanges.return'), intro: t('taskChanges.returnIntro'), commentLabel: t('taskChanges.returnComment'), done: t('taskChanges.returned') }
          : { title: t('taskChanges.applyTitle'), submitLabel: t('taskChanges.apply'), intro: t('taskChanges.applyIntro'), commentLabel: t('taskChanges.applyComment'), done: t('taskChanges.applied') }
      }
      schema={TaskChangeReview}
      body={(comment) => ({ decision, comment })}
      send={(body) => review.mutateAsync({ changeId: change?.id ?? '', body })}
      state={review}
      onClose={onClose}
    />
  );
}

/** One filed change: status, decision, due date (late flag), who filed it and when, the reason, the review and its diff. */
function ChangeCard({ change, onReview }: { change: TaskChange; onReview: (change: TaskChange, decision: ChangeDecision) => void }) {
  const { t } = useTranslation();
  const headingId = `change-${change.id}`;
  return (
    <Card withBorder component="li" padding="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Group gap="xs">
            <Title order={3} fz="md" id={headingId}>
              {t('taskChanges.change', { decisionNo: change.decisionNo })}
            </Title>
            <Badge size="sm" variant="light" color={CHANGE_STATUS_COLORS[change.status]}>
              {t(`taskChanges.statuses.${change.status}`)}
            </Badge>
            {change.isLate ? <LateBadge /> : null}
          </Group>
          {change.canReview ? (
            <Group gap="xs">
              <Button size="xs" color="green" onClick={() => onReview(change, 'apply')}>
                {t('taskChanges.apply')}
              </Button>
              <Button size="xs" color="orange" variant="light" onClick={() => onReview(change, 'return')}>
                {t('taskChanges.return')}
              </Button>
            </Group>
          ) : null}
        </Group>
        <DetailList
          cols={4}
          items={[
            { label: t('taskChanges.decisionNo'), value: change.decisionNo },
            { label: t('taskChanges.decisionDate'), value: formatDate(change.decisionDate) },
            {
              label: t('taskChanges.dueDate'),
              value: (
                <>
                  <Group gap="xs" component="span" wrap="nowrap">
                    <span>{formatDate(change.dueDate)}</span>
                    {change.isLate ? <LateBadge /> : null}
                  </Group>
                  <Text span size="xs" c="dimmed" display="block">
                    {t('taskChanges.dueHint')}
                  </Text>
                </>
              ),
            },
            { label: t('taskChanges.revision'), value: change.revision === null ? null : t('taskChanges.revisionLabel', { n: change.revision }) },
            { label: t('taskChanges.submittedBy'), value: change.submittedBy },
            { label: t('taskChanges.submittedAt'), value: formatDateTime(change.submittedAt) },
            { label: t('taskChanges.reviewedAt'), value: formatDateTime(change.reviewedAt) },
          ]}
        />
        <DetailList
          cols={1}
          items={[
            { label: t('taskChanges.reason'), value: <span style={{ whiteSpace: 'pre-wrap' }}>{change.reason}</span> },
            ...(change.reviewComment ? [{ label: t('taskChanges.reviewComment'), value: <span style={{ whiteSpace: 'pre-wrap' }}>{change.reviewComment}</span> }] : []),
          ]}
        />
        <DiffTable diff={change.diff} caption={t('taskChanges.diffCaption', { decisionNo: change.decisionNo })} />
      </Stack>
    </Card>
  );
}

/** The published revisions of the task and a comparison of two of them. */
function RevisionsSection({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const query = useTaskRevisions(taskId);
  const items = query.data?.items ?? [];
  const last = items.length > 0 ? Math.max(...items.map((r) => r.revision)) : null;
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [compared, setCompared] = useState<{ from: number; to: number } | null>(null);
  const chosenFrom = from ?? (last !== null && last > 1 ? last - 1 : null);
  const chosenTo = to ?? last;
  const diff = useRevisionDiff(taskId, compared?.from ?? null, compared?.to ?? null);
  const options = items.map((r: TaskRevision) => ({ value: String(r.revision), label: t('taskChanges.revisionLabel', { n: r.revision }) }));

  return (
    <Card withBorder component="section" aria-labelledby="revisions-title">
      <Title order={2} fz="lg" id="revisions-title" mb="sm">
        {t('taskChanges.revisionsTitle')}
      </Title>
      {query.error ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.data ? (
        <LoadingState />
      ) : items.length === 0 ? (
        <EmptyState message={t('taskChanges.noRevisions')} />
      ) : (
        <Stack gap="md">
          <Table.ScrollContainer minWidth={560}>
            <Table withTableBorder striped verticalSpacing={4} fz="sm">
              <Table.Caption>
                <VisuallyHidden>{t('taskChanges.revisionsCaption')}</VisuallyHidden>
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('taskChanges.revisionNo')}</Table.Th>
                  <Table.Th scope="col">{t('taskChanges.revisionAt')}</Table.Th>
                  <Table.Th scope="col">{t('taskChanges.revisionDecision')}</Table.Th>
                  <Table.Th scope="col">{t('taskChanges.revisionReason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r) => (
                  <Table.Tr key={r.revision}>
                    <Table.Th scope="row" fw={500}>
                      {t('taskChanges.revisionLabel', { n: r.revision })}
                    </Table.Th>
                    <Table.Td>{formatDateTime(r.createdAt)}</Table.Td>
                    <Table.Td>{r.decisionNo ?? (r.changeId === null ? t('taskChanges.initialRevision') : '—')}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.reason ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>

          <section aria-labelledby="revisions-compare">
            <Title order={3} fz="md" id="revisions-compare" mb="xs">
              {t('taskChanges.compareTitle')}
            </Title>
            {items.length < 2 ? (
              <Text size="sm" c="dimmed">
                {t('taskChanges.onlyOneRevision')}
              </Text>
            ) : (
              <Stack gap="sm">
                <Group align="flex-end" wrap="wrap">
                  <NativeSelect
                    label={t('taskChanges.compareFrom')}
                    data={options}
                    value={chosenFrom === null ? '' : String(chosenFrom)}
                    onChange={(e) => setFrom(Number(e.currentTarget.value))}
                    w={200}
                  />
                  <NativeSelect label={t('taskChanges.compareTo')} data={options} value={chosenTo === null ? '' : String(chosenTo)} onChange={(e) => setTo(Number(e.currentTarget.value))} w={200} />
                  <Button
                    variant="light"
                    onClick={() => {
                      if (chosenFrom !== null && chosenTo !== null) setCompared({ from: chosenFrom, to: chosenTo });
                    }}
                  >
                    {t('taskChanges.compare')}
                  </Button>
                </Group>
                {compared && compared.from === compared.to ? (
                  <Text size="sm" c="orange.9" role="status">
                    {t('taskChanges.compareSame')}
                  </Text>
                ) : compared ? (
                  diff.error ? (
                    <ErrorAlert error={diff.error} onRetry={() => void diff.refetch()} />
                  ) : !diff.data ? (
                    <LoadingState />
                  ) : diff.data.diff.length === 0 ? (
                    <EmptyState message={t('taskChanges.noDifferences')} />
                  ) : (
                    <DiffTable diff={diff.data.diff} caption={t('taskChanges.compareCaption', { from: diff.data.from, to: diff.data.to })} />
                  )
                ) : null}
              </Stack>
            )}
          </section>
        </Stack>
      )}
    </Card>
  );
}

/**
 * The "changes (Mẫu 3)" tab of a published task: the filed changes with their status, decision, due date, reason and
 * diff; "File a change" while the task takes changes; "Apply" / "Return" for the focal point; the published revisions
 * with a comparison of any two.
 */
export function TaskChangesTab({ task }: { task: TaskFull }) {
  const { t } = useTranslation();
  const query = useTaskChanges(task.id);
  const [creating, setCreating] = useState(false);
  const [reviewing, setReviewing] = useState<{ change: TaskChange; decision: ChangeDecision } | null>(null);

  return (
    <Stack gap="md">
      <Card withBorder component="section" aria-labelledby="changes-title">
        <Group justify="space-between" align="flex-start" wrap="wrap" mb="sm">
          <Stack gap={4} style={{ flex: '1 1 320px' }}>
            <Title order={2} fz="lg" id="changes-title">
              {t('taskChanges.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('taskChanges.description')}
            </Text>
          </Stack>
          {task.canChange ? <Button onClick={() => setCreating(true)}>{t('taskChanges.create')}</Button> : null}
        </Group>
        {query.error ? (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : !query.data ? (
          <LoadingState />
        ) : query.data.items.length === 0 ? (
          <EmptyState message={t('taskChanges.empty')} />
        ) : (
          <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('taskChanges.listTitle')}>
            {query.data.items.map((change) => (
              <ChangeCard key={change.id} change={change} onReview={(c, decision) => setReviewing({ change: c, decision })} />
            ))}
          </Stack>
        )}
      </Card>
      <RevisionsSection taskId={task.id} />
      {task.canChange ? <TaskChangeDialog key={`${task.id}-${task.version}`} task={task} opened={creating} onClose={() => setCreating(false)} /> : null}
      <ChangeReviewDialog taskId={task.id} change={reviewing?.change ?? null} decision={reviewing?.decision ?? null} onClose={() => setReviewing(null)} />
    </Stack>
  );
}
