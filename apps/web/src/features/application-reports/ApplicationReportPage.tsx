import { ApplicationReportReview, type ApplicationReport, type TaskApplicationReports as TaskSlots } from '@stinet/shared';
import { Alert, Anchor, Box, Button, Card, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { DetailList, DetailSection, longText } from '../../components/DetailList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ReviewDecisionDialog } from '../../components/ReviewDecisionDialog';
import { PageHeader } from '../../components/PageHeader';
import { LoadingState } from '../../components/States';
import { useUnitName } from '../../components/UnitName';
import { formatDate, formatDateTime } from '../../lib/format';
import { useApplicationReport, useReviewApplicationReport, useSubmitApplicationReport, useTaskApplicationReports } from './api';
import { ApplicationStatusText, ReportLateBadge, ReportStatusBadge, SlotStateBadge, formatMillion } from './ApplicationReportBits';
import { ApplicationReportForm } from './ApplicationReportForm';
import { TaskApplicationReports } from './TaskApplicationReports';

type Decision = ApplicationReportReview['decision'];

/** The focal point's decision dialog: accepting asks for an optional note, returning for a required comment. */
function ReviewDialog({ report, decision, onClose }: { report: ApplicationReport; decision: Decision | null; onClose: () => void }) {
  const { t } = useTranslation();
  const review = useReviewApplicationReport(report.id);
  const isReturn = decision === 'return';
  return (
    <ReviewDecisionDialog
      opened={decision !== null}
      isReturn={isReturn}
      texts={
        isReturn
          ? { title: t('applicationReports.returnTitle'), submitLabel: t('applicationReports.return'), intro: t('applicationReports.returnIntro'), commentLabel: t('applicationReports.returnComment'), done: t('applicationReports.returned') }
          : { title: t('applicationReports.acceptTitle'), submitLabel: t('applicationReports.accept'), intro: t('applicationReports.acceptIntro'), commentLabel: t('applicationReports.acceptComment'), done: t('applicationReports.accepted') }
      }
      schema={ApplicationReportReview}
      body={(comment) => ({ decision, comment, version: report.version })}
      send={(body) => review.mutateAsync(body)}
      state={review}
      onClose={onClose}
    />
  );
}

/** The report's fields, read-only. */
function ReportDetails({ report }: { report: ApplicationReport }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <DetailSection
        id="report-application"
        title={t('applicationReports.groups.application')}
        cols={1}
        items={[
          { label: t('applicationReports.fields.applicationStatus'), value: <ApplicationStatusText status={report.applicationStatus} /> },
          { label: t('applicationReports.fields.placesApplied'), value: longText(report.placesApplied) },
          { label: t('applicationReports.fields.scale'), value: longText(report.scale) },
        ]}
      />
      <DetailSection
        id="report-effects"
        title={t('applicationReports.groups.effects')}
        cols={2}
        items={[
          { label: t('applicationReports.fields.economicEffect'), value: longText(report.economicEffect) },
          { label: t('applicationReports.fields.socialEffect'), value: longText(report.socialEffect) },
        ]}
      />
      <DetailSection
        id="report-commercial"
        title={t('applicationReports.groups.commercial')}
        items={[
          { label: t('applicationReports.fields.revenue'), value: formatMillion(report.revenue) },
          { label: t('applicationReports.fields.transferContracts'), value: report.transferContracts === null ? null : String(report.transferContracts) },
          { label: t('applicationReports.fields.transferValue'), value: formatMillion(report.transferValue) },
          { label: t('applicationReports.fields.ipSummary'), value: longText(report.ipSummary) },
        ]}
      />
      <DetailSection
        id="report-other"
        title={t('applicationReports.groups.other')}
        cols={2}
        items={[
          { label: t('applicationReports.fields.difficulties'), value: longText(report.difficulties) },
          { label: t('applicationReports.fields.file'), value: report.file ? <Anchor href={`/api/files/${report.file.id}/content`}>{report.file.originalName}</Anchor> : null },
        ]}
      />
    </Stack>
  );
}

/** Status, dates and the focal point's comment, above the report. */
function ReportSummary({ report }: { report: ApplicationReport }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {report.status === 'returned' && report.reviewComment ? (
        <Alert color="orange" variant="light" title={t('applicationReports.reviewCommentTitle')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {report.reviewComment}
          </Text>
        </Alert>
      ) : null}
      <Card withBorder>
        <DetailList
          cols={3}
          items={[
            { label: t('applicationReports.period'), value: `${formatDate(report.periodFrom)} – ${formatDate(report.periodTo)}` },
            { label: t('applicationReports.opensOn'), value: formatDate(report.opensOn) },
            {
              label: t('applicationReports.dueDate'),
              value: (
                <Group gap="xs" component="span" wrap="nowrap">
                  <span>{formatDate(report.dueDate)}</span>
                  {report.isLate ? <ReportLateBadge /> : null}
                </Group>
              ),
            },
            { label: t('applicationReports.firstSubmittedAt'), value: formatDateTime(report.firstSubmittedAt) },
            { label: t('applicationReports.submittedAt'), value: formatDateTime(report.submittedAt) },
            { label: t('applicationReports.acceptedAt'), value: formatDateTime(report.acceptedAt) },
            ...(report.status === 'accepted' && report.reviewComment ? [{ label: t('applicationReports.reviewComment'), value: report.reviewComment }] : []),
          ]}
        />
      </Card>
    </Stack>
  );
}

/** A started report: summary, the form while it can be edited (else the details), and the workflow actions. */
function ReportView({ report, data, onReload }: { report: ApplicationReport; data: TaskSlots; onReload: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmitApplicationReport(report.id);
  const [decision, setDecision] = useState<Decision | null>(null);
  const isConflict = submit.error instanceof ApiError && (submit.error.code === 'VERSION_CONFLICT' || submit.error.code === 'INVALID_TRANSITION');
  const missingPlaces = submit.error instanceof ApiError && submit.error.details.some((d) => d.path === 'placesApplied');
  return (
    <Stack gap="md">
      <Group gap="sm">
        <ReportStatusBadge status={report.status} />
        {report.isLate ? <ReportLateBadge /> : null}
        <Group gap="sm" ml="auto">
          {report.canSubmit ? (
            <Button
              loading={submit.isPending}
              onClick={async () => {
                try {
                  await submit.mutateAsync(report.version);
                  notifications.show({ color: 'green', message: t('applicationReports.submitted') });
                } catch {
                  // shown below
                }
              }}
            >
              {t('applicationReports.submit')}
            </Button>
          ) : null}
          {report.canReview ? (
            <>
              <Button color="teal.9" onClick={() => setDecision('accept')}>
                {t('applicationReports.accept')}
              </Button>
              <Button color="orange" variant="light" onClick={() => setDecision('return')}>
                {t('applicationReports.return')}
              </Button>
            </>
          ) : null}
        </Group>
      </Group>
      {missingPlaces ? (
        <Alert role="alert" color="red" variant="light" title={t('errors.title')}>
          {t('applicationReports.placesRequired')}
        </Alert>
      ) : submit.error ? (
        <ErrorAlert
          error={submit.error}
          {...(isConflict
            ? {
                onRetry: () => {
                  submit.reset();
                  onReload();
                },
                retryLabel: t('common.reload'),
              }
            : {})}
        />
      ) : null}
      <ReportSummary report={report} />
      <Card withBorder>
        {report.canEdit ? (
          <ApplicationReportForm key={report.version} taskId={data.task.id} yearIndex={report.yearIndex} organizationId={data.leadOrganization.id} report={report} onReload={onReload} />
        ) : (
          <ReportDetails report={report} />
        )}
      </Card>
      {report.canReview ? <ReviewDialog report={report} decision={decision} onClose={() => setDecision(null)} /> : null}
    </Stack>
  );
}

/**
 * The report of one task for one year (Mẫu 12): the lead organization (or the focal point on its behalf) starts it
 * once the year's window opens, fills it in and sends it; the focal point accepts (publishes) it or returns it with
 * a comment, after which it can be edited and sent again.
 */
export function ApplicationReportPage() {
  const { t } = useTranslation();
  const unitName = useUnitName();
  const { taskId, yearIndex } = useParams();
  const year = Number(yearIndex);
  const slotsQuery = useTaskApplicationReports(taskId);
  const data = slotsQuery.data;
  const slot = data?.slots.find((s) => s.yearIndex === year);
  const reportQuery = useApplicationReport(slot?.reportId);
  const title = Number.isInteger(year) && year >= 1 && year <= 5 ? t('applicationReports.formTitle', { n: year }) : t('applicationReports.workTitle');

  const body = () => {
    if (slotsQuery.error) return <ErrorAlert error={slotsQuery.error} onRetry={() => void slotsQuery.refetch()} />;
    if (!data) return <LoadingState />;
    if (!data.required) return <Alert color="gray">{t('applicationReports.notRequired')}</Alert>;
    if (!data.task.acceptedOn) return <Alert color="gray">{t('applicationReports.notAccepted')}</Alert>;
    if (!slot) return <ErrorAlert error={new Error(t('applicationReports.noSuchYear'))} />;
    if (slot.reportId) {
      if (reportQuery.error) return <ErrorAlert error={reportQuery.error} onRetry={() => void reportQuery.refetch()} />;
      if (!reportQuery.data) return <LoadingState />;
      return <ReportView report={reportQuery.data} data={data} onReload={() => void reportQuery.refetch()} />;
    }
    return (
      <Stack gap="md">
        <Group gap="sm">
          <SlotStateBadge state={slot.state} />
          <Text size="sm">
            {t('applicationReports.dueDate')}: {formatDate(slot.dueDate)}
          </Text>
        </Group>
        {slot.state === 'not_open' ? (
          <Alert color="gray">{t('applicationReports.notOpenYet', { date: formatDate(slot.opensOn) })}</Alert>
        ) : slot.canCreate ? (
          <Card withBorder>
            <ApplicationReportForm taskId={data.task.id} yearIndex={year} organizationId={data.leadOrganization.id} />
          </Card>
        ) : (
          <Alert color="gray">{t('applicationReports.noReportYet')}</Alert>
        )}
      </Stack>
    );
  };

  return (
    <>
      <PageHeader
        title={title}
        eyebrow={data ? `${data.task.code} · ${data.leadOrganization.nameVi}` : undefined}
        description={data ? data.task.titleVi : t('applicationReports.formDescription')}
        actions={
          <>
            <Button component={Link} to={`/staff/tasks/${taskId ?? ''}`} variant="default">
              {t('applicationReports.backToTask')}
            </Button>
            <Button component={Link} to="/staff/application-reports" variant="default">
              {t('applicationReports.backToWork')}
            </Button>
          </>
        }
      />
      {reportQuery.data ? (
        <Text size="sm" c="dimmed" mb="sm">
          {t('applicationReports.unit')}: {unitName(reportQuery.data.managingUnit)}
        </Text>
      ) : null}
      {body()}
      {data?.required && data.task.acceptedOn ? (
        <Box mt="lg">
          <TaskApplicationReports taskId={data.task.id} />
        </Box>
      ) : null}
    </>
  );
}
