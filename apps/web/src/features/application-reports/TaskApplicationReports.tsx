import type { ApplicationReportSlot } from '@stinet/shared';
import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingState } from '../../components/States';
import { formatDate, formatDateTime } from '../../lib/format';
import { useTaskApplicationReports } from './api';
import { ApplicationStatusText, ReportLateBadge, SlotStateBadge } from './ApplicationReportBits';

/** The page of one task's report of one year. */
export function reportPath(taskId: string, yearIndex: number): string {
  return `/staff/application-reports/tasks/${taskId}/years/${yearIndex}`;
}

/**
 * The application-of-results reports (Mẫu 12) of one task, for its staff page: the five yearly slots after the
 * official acceptance with their due dates and states, and a link to start, edit, send, review or read each
 * year's report. Tasks of forms that owe no report, and tasks whose acceptance is not recorded, get a short note.
 */
export function TaskApplicationReports({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const query = useTaskApplicationReports(taskId);
  const data = query.data;

  const columns: Column<ApplicationReportSlot>[] = [
    { key: 'year', header: t('applicationReports.year'), isRowHeader: true, render: (s) => t('applicationReports.yearN', { n: s.yearIndex }), width: 100 },
    { key: 'opens', header: t('applicationReports.opensOn'), render: (s) => formatDate(s.opensOn), width: 120 },
    { key: 'due', header: t('applicationReports.dueDate'), render: (s) => formatDate(s.dueDate), width: 120 },
    {
      key: 'state',
      header: t('applicationReports.status'),
      render: (s) => (
        <Group gap="xs" wrap="nowrap">
          <SlotStateBadge state={s.state} />
          {s.isLate && s.state !== 'overdue' ? <ReportLateBadge /> : null}
        </Group>
      ),
    },
    { key: 'application', header: t('applicationReports.fields.applicationStatus'), render: (s) => <ApplicationStatusText status={s.applicationStatus} /> },
    { key: 'sent', header: t('applicationReports.firstSubmittedAt'), render: (s) => formatDateTime(s.firstSubmittedAt) },
    {
      key: 'action',
      header: t('common.actions'),
      render: (s) =>
        s.reportId ? (
          <Button component={Link} to={reportPath(taskId, s.yearIndex)} size="compact-sm" variant="light" aria-label={`${t('applicationReports.open')}: ${t('applicationReports.yearN', { n: s.yearIndex })}`}>
            {t('applicationReports.open')}
          </Button>
        ) : s.canCreate ? (
          <Button component={Link} to={reportPath(taskId, s.yearIndex)} size="compact-sm" aria-label={t('applicationReports.createTitle', { n: s.yearIndex })}>
            {t('applicationReports.create')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} fz="md">
          {t('applicationReports.taskSectionTitle')}
        </Title>
        {query.error ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
        {!data && !query.error ? <LoadingState /> : null}
        {data && !data.required ? (
          <Text size="sm" c="dimmed">
            {t('applicationReports.notRequired')}
          </Text>
        ) : null}
        {data && data.required && !data.task.acceptedOn ? (
          <Alert color="gray" variant="light">
            {t('applicationReports.notAccepted')}
          </Alert>
        ) : null}
        {data && data.required && data.task.acceptedOn ? (
          <>
            <Text size="sm" c="dimmed">
              {t('applicationReports.taskSectionDescription', { date: formatDate(data.task.acceptedOn) })}
            </Text>
            <DataTable caption={t('applicationReports.slotsCaption')} columns={columns} rows={data.slots} rowKey={(s) => String(s.yearIndex)} minWidth={820} />
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
