import { TaskReview, type TaskFull } from '@stinet/shared';
import { Alert, Button, Card, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { CodeLabel } from '../../components/CodeLabel';
import { DetailList, DetailSection } from '../../components/DetailList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ReviewDecisionDialog } from '../../components/ReviewDecisionDialog';
import { RecordStaffView } from '../../components/RecordStaffView';
import { useUnitName } from '../../components/UnitName';
import { formatDate, formatDateTime } from '../../lib/format';
import { TaskApplicationReports } from '../application-reports/TaskApplicationReports';
import { TaskRegistrationTab } from '../registrations/TaskRegistrationTab';
import { useReviewTask, useSubmitTask, useTaskFull, useUpdateTask } from './api';
import { isEditableStatus } from './rules';
import { FieldCodes, LateBadge, TaskDeadline, TaskStatusBadge, TextSections, formatMillionVnd, renderTaskValue } from './TaskBits';
import { TaskChangesTab } from './TaskChangesTab';
import { TaskForm } from './TaskForm';

function TaskDetails({ task }: { task: TaskFull }) {
  const { t } = useTranslation();
  const unitName = useUnitName();
  return (
    <Stack gap="lg">
      <DetailSection
        id="task-identification"
        title={t('tasks.groups.identification')}
        items={[
          { label: t('tasks.fields.code'), value: task.code },
          { label: t('tasks.fields.titleEn'), value: task.titleEn },
          { label: t('tasks.fields.levelCode'), value: <CodeLabel scheme="TASK_LEVEL" code={task.levelCode} /> },
          { label: t('tasks.fields.formCode'), value: <CodeLabel scheme="TASK_FORM" code={task.formCode} /> },
          { label: t('tasks.fields.programme'), value: task.programme },
          { label: t('tasks.fields.fundingType'), value: t(`tasks.fundingTypes.${task.fundingType}`) },
          { label: t('tasks.fields.approvalDecisionNo'), value: task.approvalDecisionNo },
          { label: t('tasks.fields.approvalDecisionDate'), value: formatDate(task.approvalDecisionDate) },
          { label: t('tasks.fields.contractNo'), value: task.contractNo },
          { label: t('tasks.fields.contractDate'), value: formatDate(task.contractDate) },
          { label: t('tasks.fields.managingUnitId'), value: <AppLink to={`/staff/org-units/${task.managingUnit.id}`}>{unitName(task.managingUnit)}</AppLink> },
        ]}
      />
      <DetailSection
        id="task-team"
        title={t('tasks.groups.team')}
        items={[
          { label: t('tasks.fields.leadOrganizationId'), value: <AppLink to={`/staff/organizations/${task.leadOrganization.id}`}>{task.leadOrganization.nameVi}</AppLink> },
          {
            label: t('tasks.fields.piName'),
            value: task.piResearcherId ? <AppLink to={`/staff/researchers/${task.piResearcherId}`}>{task.piName}</AppLink> : task.piName,
          },
          {
            label: t('tasks.fields.members'),
            value:
              task.members.length === 0 ? null : (
                <List size="sm" spacing={2}>
                  {task.members.map((m, i) => (
                    <List.Item key={`${i}-${m.fullName}`}>
                      {m.researcherId ? <AppLink to={`/staff/researchers/${m.researcherId}`}>{m.fullName}</AppLink> : m.fullName}
                      {m.role === 'secretary' ? (
                        <Text span size="sm" c="dimmed">
                          {' '}
                          · {t('tasks.memberRoles.secretary')}
                        </Text>
                      ) : null}
                    </List.Item>
                  ))}
                </List>
              ),
          },
        ]}
      />
      <DetailSection
        id="task-classification"
        title={t('tasks.groups.classification')}
        items={[
          { label: t('tasks.fields.fieldCodes2025'), value: <FieldCodes scheme="FOS2025" codes={task.fieldCodes2025} /> },
          { label: t('tasks.fields.fieldCodes2008'), value: task.fieldCodes2008.length ? <FieldCodes scheme="FOS2008" codes={task.fieldCodes2008} /> : null },
          { label: t('tasks.fields.seoCode'), value: task.seoCode ? <CodeLabel scheme="SEO" code={task.seoCode} withCode /> : null },
        ]}
      />
      <DetailSection
        id="task-schedule"
        title={t('tasks.groups.schedule')}
        cols={2}
        items={[
          { label: t('tasks.fields.startDate'), value: formatDate(task.startDate) },
          { label: t('tasks.fields.endDate'), value: formatDate(task.endDate) },
          { label: t('tasks.fields.budgetTotal'), value: formatMillionVnd(task.budgetTotal) },
          { label: t('tasks.fields.budgetStateCentral'), value: formatMillionVnd(task.budgetStateCentral) },
          { label: t('tasks.fields.budgetStateLocal'), value: formatMillionVnd(task.budgetStateLocal) },
          { label: t('tasks.fields.budgetOther'), value: formatMillionVnd(task.budgetOther) },
        ]}
      />
      <section aria-labelledby="task-content-group">
        <Title order={2} fz="md" id="task-content-group" mb="xs">
          {t('tasks.groups.content')}
        </Title>
        <Card withBorder bg="gray.0">
          <TextSections
            order={3}
            sections={[
              { id: 'task-objectives', title: t('tasks.fields.objectives'), text: task.objectives },
              { id: 'task-content', title: t('tasks.fields.content'), text: task.content },
              { id: 'task-methods', title: t('tasks.fields.methods'), text: task.methods },
              { id: 'task-products', title: t('tasks.fields.expectedProducts'), text: task.expectedProducts },
              { id: 'task-application', title: t('tasks.fields.applicationPlan'), text: task.applicationPlan },
            ]}
          />
        </Card>
      </section>
      <DetailSection
        id="task-record"
        title={t('tasks.groups.record')}
        items={[
          { label: t('tasks.createdAt'), value: formatDateTime(task.createdAt) },
          { label: t('tasks.updatedAt'), value: formatDateTime(task.updatedAt) },
        ]}
      />
    </Stack>
  );
}

/** The workflow state above the tabs: the deadline and late flag, when it was sent and published, and the focal point's comment. */
function TaskSummary({ task, actionError, onReload }: { task: TaskFull; actionError: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  const isConflict = actionError instanceof ApiError && (actionError.code === 'VERSION_CONFLICT' || actionError.code === 'INVALID_TRANSITION');
  return (
    <Stack gap="sm">
      {actionError ? <ErrorAlert error={actionError} {...(isConflict ? { onRetry: onReload, retryLabel: t('common.reload') } : {})} /> : null}
      {task.status === 'returned' && task.reviewComment ? (
        <Alert color="orange" variant="light" title={t('tasks.reviewCommentTitle')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {task.reviewComment}
          </Text>
        </Alert>
      ) : null}
      {task.status === 'submitted' && task.reviewComment ? (
        <Alert color="gray" variant="light" title={t('tasks.previousCommentTitle')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {task.reviewComment}
          </Text>
        </Alert>
      ) : null}
      <Card withBorder>
        <DetailList
          cols={3}
          items={[
            { label: t('tasks.deadline'), value: <TaskDeadline deadline={task.ongoingDeadline} isLate={task.isOngoingLate} /> },
            { label: t('tasks.submittedAt'), value: formatDateTime(task.submittedAt) },
            { label: t('tasks.fields.publishedAt'), value: formatDateTime(task.publishedAt) },
            ...(task.status === 'published' && task.reviewComment ? [{ label: t('tasks.reviewComment'), value: task.reviewComment }] : []),
          ]}
        />
      </Card>
    </Stack>
  );
}

type Decision = TaskReview['decision'];

/** The dialog of a review decision: accepting asks for an optional note, returning for a required comment. */
function ReviewDialog({ task, decision, onClose }: { task: TaskFull; decision: Decision | null; onClose: () => void }) {
  const { t } = useTranslation();
  const review = useReviewTask(task.id);
  const isReturn = decision === 'return';
  return (
    <ReviewDecisionDialog
      opened={decision !== null}
      isReturn={isReturn}
      texts={
        isReturn
          ? { title: t('tasks.returnTitle'), submitLabel: t('tasks.return'), intro: t('tasks.returnIntro'), commentLabel: t('tasks.returnComment'), done: t('tasks.returned') }
          : { title: t('tasks.acceptTitle'), submitLabel: t('tasks.accept'), intro: t('tasks.acceptIntro'), commentLabel: t('tasks.acceptComment'), done: t('tasks.accepted') }
      }
      schema={TaskReview}
      body={(comment) => ({ decision, comment, version: task.version })}
      send={(body) => review.mutateAsync(body)}
      state={review}
      onClose={onClose}
    />
  );
}

/**
 * The staff view of a task: status and deadline, the focal point's comment when returned, the record (editable while
 * a draft or returned, by those allowed) and its history; "Send to focal point" for drafts and returned tasks, and
 * "Accept and publish" / "Return" for the focal point of the registering unit while the task is submitted. Once
 * published: the official acceptance and result registration (dossier, certificate), the changes (Mẫu 3) and the
 * application-of-results reports (Mẫu 12) tabs.
 */
export function TaskStaffPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useTaskFull(id);
  const update = useUpdateTask(id ?? '');
  const submit = useSubmitTask(id ?? '');
  const [decision, setDecision] = useState<Decision | null>(null);

  const reload = () => {
    submit.reset();
    void query.refetch();
  };

  return (
    <RecordStaffView
      resource="tasks"
      id={id}
      query={query}
      update={update}
      title={(task) => task.titleVi}
      description={(task) => task.titleEn ?? undefined}
      details={(task) => <TaskDetails task={task} />}
      form={TaskForm}
      hasPublicPage={(task) => task.status === 'published'}
      badges={(task) => (
        <>
          <TaskStatusBadge status={task.status} />
          {task.isOngoingLate ? <LateBadge /> : null}
        </>
      )}
      actions={(task) => (
        <>
          <AppLink to={`/staff/similar-tasks?taskId=${task.id}`}>{t('search.similar.checkLink')}</AppLink>
          {task.canEdit && isEditableStatus(task.status) ? (
            <Button
              color="blue"
              variant="filled"
              loading={submit.isPending}
              onClick={async () => {
                try {
                  await submit.mutateAsync(task.version);
                  notifications.show({ color: 'green', message: t('tasks.submitted') });
                } catch {
                  // shown above the tabs
                }
              }}
            >
              {t('tasks.submit')}
            </Button>
          ) : null}
          {task.canReview ? (
            <>
              <Button color="green" onClick={() => setDecision('accept')}>
                {t('tasks.accept')}
              </Button>
              <Button color="orange" variant="light" onClick={() => setDecision('return')}>
                {t('tasks.return')}
              </Button>
              <ReviewDialog task={task} decision={decision} onClose={() => setDecision(null)} />
            </>
          ) : null}
        </>
      )}
      summary={(task) => <TaskSummary task={task} actionError={submit.error} onReload={reload} />}
      renderHistoryValue={renderTaskValue}
      extraTabs={(task) =>
        task.status === 'published'
          ? [
              { value: 'registration', label: t('registrations.tab'), panel: <TaskRegistrationTab task={task} /> },
              { value: 'changes', label: t('taskChanges.tab'), panel: <TaskChangesTab task={task} /> },
              { value: 'application-reports', label: t('registrations.applicationReportsTab'), panel: <TaskApplicationReports taskId={task.id} /> },
            ]
          : []
      }
    />
  );
}
