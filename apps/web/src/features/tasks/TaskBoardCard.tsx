import type { TaskBoard } from '@stinet/shared';
import { Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingState } from '../../components/States';
import { formatDate } from '../../lib/format';

/** How many entries each list of the board shows before "and N more". */
const SHOWN = 5;

/** The focal-point board of the signed-in user's scope (`GET /api/tasks/board`). */
export function useTaskBoard() {
  return useQuery({ queryKey: ['tasks', 'board'], queryFn: ({ signal }) => api.get<TaskBoard>('/api/tasks/board', undefined, signal) });
}

interface Entry {
  key: string;
  taskId: string;
  code: string;
  titleVi: string;
  note: ReactNode;
}

function BoardList({ id, title, count, color, entries }: { id: string; title: string; count: number; color: string; entries: Entry[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id}>
      <Group gap="xs" mb={4} wrap="nowrap">
        <Title order={3} fz="sm" id={id}>
          {title}
        </Title>
        <Badge color={count > 0 ? color : 'gray'} variant={count > 0 ? 'filled' : 'light'} aria-label={t('board.countLabel', { count })}>
          {count}
        </Badge>
      </Group>
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('board.none')}
        </Text>
      ) : (
        <List size="sm" spacing={4}>
          {entries.slice(0, SHOWN).map((e) => (
            <List.Item key={e.key}>
              <AppLink to={`/staff/tasks/${e.taskId}`}>{e.code}</AppLink> — {e.titleVi}{' '}
              <Text span size="xs" c="dimmed">
                ({e.note})
              </Text>
            </List.Item>
          ))}
          {entries.length > SHOWN ? (
            <List.Item>
              <Text span size="sm" c="dimmed">
                {t('board.more', { count: entries.length - SHOWN })}
              </Text>
            </List.Item>
          ) : null}
        </List>
      )}
    </section>
  );
}

/**
 * What needs doing in the user's scope: ongoing-task forms overdue, due soon, awaiting review and returned; result
 * registrations overdue and due; dossiers awaiting the registering authority; changes awaiting review.
 */
export function TaskBoardCard() {
  const { t } = useTranslation();
  const board = useTaskBoard();
  const days = (n: number | null) => (n === null ? t('board.noDeadline') : n >= 0 ? t('board.daysLeft', { count: n }) : t('board.daysLate', { count: -n }));
  return (
    <Card withBorder>
      <Title order={2} fz="lg" mb="xs">
        {t('board.title')}
      </Title>
      {board.error ? <ErrorAlert error={board.error} onRetry={() => void board.refetch()} /> : null}
      {!board.data ? (
        board.error ? null : <LoadingState />
      ) : (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('board.asOf', { date: formatDate(board.data.asOf), days: board.data.dueWithinWorkingDays })}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <BoardList
              id="board-overdue"
              title={t('board.ongoingOverdue')}
              count={board.data.counts.overdue}
              color="red"
              entries={board.data.overdue.map((i) => ({ key: i.id, taskId: i.id, code: i.code, titleVi: i.titleVi, note: t('board.deadline', { date: formatDate(i.ongoingDeadline) }) }))}
            />
            <BoardList
              id="board-due-soon"
              title={t('board.ongoingDueSoon')}
              count={board.data.counts.dueSoon}
              color="yellow"
              entries={board.data.dueSoon.map((i) => ({ key: i.id, taskId: i.id, code: i.code, titleVi: i.titleVi, note: days(i.daysLeft) }))}
            />
            <BoardList
              id="board-awaiting"
              title={t('board.ongoingAwaitingReview')}
              count={board.data.counts.awaitingReview}
              color="blue"
              entries={board.data.awaitingReview.map((i) => ({ key: i.id, taskId: i.id, code: i.code, titleVi: i.titleVi, note: i.leadOrganization.nameVi }))}
            />
            <BoardList
              id="board-returned"
              title={t('board.ongoingReturned')}
              count={board.data.counts.returned}
              color="orange"
              entries={board.data.returned.map((i) => ({ key: i.id, taskId: i.id, code: i.code, titleVi: i.titleVi, note: i.leadOrganization.nameVi }))}
            />
            <BoardList
              id="board-registrations"
              title={t('board.registrationsDue')}
              count={board.data.counts.registrationsDue + board.data.counts.registrationsOverdue}
              color={board.data.counts.registrationsOverdue > 0 ? 'red' : 'yellow'}
              entries={board.data.registrations.map((r) => ({
                key: r.taskId,
                taskId: r.taskId,
                code: r.code,
                titleVi: r.titleVi,
                note: `${r.registrationStatus ? t(`board.dossierStatus.${r.registrationStatus}`) : t('board.noDossier')} · ${r.isLate ? t('board.overdueSince', { date: formatDate(r.deadline) }) : t('board.deadline', { date: formatDate(r.deadline) })}`,
              }))}
            />
            <BoardList
              id="board-dossiers"
              title={t('board.dossiersAwaitingReview')}
              count={board.data.counts.dossiersAwaitingReview}
              color="blue"
              entries={board.data.dossiersAwaitingReview.map((r) => ({ key: r.taskId, taskId: r.taskId, code: r.code, titleVi: r.titleVi, note: r.leadOrganization.nameVi }))}
            />
            <BoardList
              id="board-changes"
              title={t('board.changesAwaitingReview')}
              count={board.data.counts.changesAwaitingReview}
              color="blue"
              entries={board.data.changesAwaitingReview.map((c) => ({ key: c.changeId, taskId: c.taskId, code: c.code, titleVi: c.titleVi, note: t('board.decision', { no: c.decisionNo, date: formatDate(c.decisionDate) }) }))}
            />
          </SimpleGrid>
        </Stack>
      )}
    </Card>
  );
}
