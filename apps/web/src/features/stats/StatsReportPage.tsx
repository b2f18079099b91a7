import { StatReopen, StatReview, cellKey, type CellIssue, type CellMap, type FormDefinition, type StatReport } from '@stinet/shared';
import { Alert, Button, Card, FileButton, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { DetailList } from '../../components/DetailList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { ReviewDecisionDialog } from '../../components/ReviewDecisionDialog';
import { LoadingState } from '../../components/States';
import { useUnitName } from '../../components/UnitName';
import { formatDate, formatDateTime } from '../../lib/format';
import { useStatForm, useStatReport, useStatReportActions } from './api';
import { cellInputsOf, cellMapOfReport, serverCellIssues } from './report-cells';
import { FormGrid } from './FormGrid';
import { StatLateBadge, StatStatusBadge } from './StatsBits';
import { useFormValidation } from './useFormValidation';
import { mergePrefill, type PrefillMerge } from './release-logic';
import { useStatPrefill } from './releasesApi';

type Actions = ReturnType<typeof useStatReportActions>;
type Dialog = 'approve' | 'return' | 'reopen' | null;

/** The form whose cells the task registry can propose. */
const PREFILL_FORM = '04/CS-KHCN';

const issueId = (i: CellIssue) => `${cellKey(i.row, i.column)}|${i.ruleId}`;

/** Errors that a reload resolves: someone else changed the report, or its state moved on. */
function isStale(error: unknown): boolean {
  return error instanceof ApiError && ['VERSION_CONFLICT', 'INVALID_TRANSITION', 'STAT_REPORT_LOCKED'].includes(error.code);
}

/**
 * The grid of a report with its draft actions: the cells are edited locally and validated live by the shared
 * engine; "save draft" sends every cell (a refused save shows the server's cell errors and saves nothing);
 * "submit" saves pending changes first and is disabled while errors or unreadable cells remain.
 */
function ReportEditor({ report, definition, actions, onReload }: { report: StatReport; definition: FormDefinition; actions: Actions; onReload: () => void }) {
  const { t } = useTranslation();
  const [cells, setCells] = useState<CellMap>(() => cellMapOfReport(report.cells));
  const [dirty, setDirty] = useState(false);
  const [invalidKeys, setInvalidKeys] = useState<readonly string[]>([]);
  const [serverIssues, setServerIssues] = useState<CellIssue[]>([]);
  const [refused, setRefused] = useState<'save' | 'upload' | null>(null);
  const local = useFormValidation(definition, cells);
  const resetUpload = useRef<() => void>(null);
  const prefill = useStatPrefill(report.id);
  const [prefillNotice, setPrefillNotice] = useState<{ tasks: number; changed: number } | null>(null);
  const [pendingPrefill, setPendingPrefill] = useState<{ merge: PrefillMerge; tasks: number } | null>(null);
  const canPrefill = report.canEdit && report.form.code === PREFILL_FORM;

  const issues = useMemo(() => {
    const seen = new Set(local.map(issueId));
    const fromServer = serverIssues.filter((i) => !seen.has(issueId(i)));
    // warnings only the server can compute (last year's values), while the shown cells are the saved ones
    const serverWarnings = dirty ? [] : report.issues.filter((i) => i.severity === 'warning' && !seen.has(issueId(i)));
    return [...fromServer, ...local, ...serverWarnings];
  }, [local, serverIssues, report.issues, dirty]);
  const errorCount = issues.filter((i) => i.severity === 'error').length;

  const { save, submit, uploadXlsx } = actions;
  const busy = save.isPending || submit.isPending || uploadXlsx.isPending;
  const canEdit = report.canEdit;

  async function saveDraft(): Promise<StatReport | null> {
    submit.reset();
    try {
      const saved = await save.mutateAsync({ version: report.version, cells: cellInputsOf(definition, cells) });
      setRefused(null);
      notifications.show({ color: 'green', message: t('stats.report.saved') });
      return saved;
    } catch (error) {
      const cellErrors = serverCellIssues(error);
      setServerIssues(cellErrors);
      setRefused(cellErrors.length > 0 ? 'save' : null);
      return null;
    }
  }

  /** Uploads a filled XLSX of the form: it replaces every cell; a refused file shows its cell errors and saves nothing. */
  async function upload(file: File | null) {
    if (!file) return;
    resetUpload.current?.();
    save.reset();
    submit.reset();
    try {
      await uploadXlsx.mutateAsync(file);
      notifications.show({ color: 'green', message: t('stats.report.uploaded') });
    } catch (error) {
      const cellErrors = serverCellIssues(error);
      setServerIssues(cellErrors);
      setRefused(cellErrors.length > 0 ? 'upload' : null);
    }
  }

  async function send() {
    let version = report.version;
    if (dirty) {
      const saved = await saveDraft();
      if (!saved) return;
      version = saved.version;
    }
    try {
      await submit.mutateAsync(version);
      notifications.show({ color: 'green', message: t('stats.report.submitted') });
    } catch (error) {
      setServerIssues(serverCellIssues(error));
    }
  }

  function applyPrefill(merge: PrefillMerge, tasks: number) {
    setPendingPrefill(null);
    setPrefillNotice({ tasks, changed: merge.changed });
    if (merge.changed === 0) return;
    setCells(merge.cells);
    setDirty(true);
    setServerIssues([]);
    setRefused(null);
  }

  /** Fetches the task registry's proposal and puts it into the grid as unsaved edits (asking before overwriting). */
  async function runPrefill() {
    setPrefillNotice(null);
    try {
      const proposal = await prefill.mutateAsync();
      const merge = mergePrefill(cells, proposal.cells);
      if (merge.conflicts > 0) setPendingPrefill({ merge, tasks: proposal.records });
      else applyPrefill(merge, proposal.records);
    } catch {
      // shown by the error alert below
    }
  }

  const requestError = [save.error, submit.error, uploadXlsx.error, prefill.error].find((e) => e && !(e instanceof ApiError && e.code === 'STAT_VALIDATION_FAILED'));

  return (
    <Stack gap="sm">
      {canEdit ? (
        <Group gap="sm">
          <Button variant="default" onClick={() => void saveDraft()} loading={save.isPending} disabled={busy || invalidKeys.length > 0}>
            {t('stats.report.saveDraft')}
          </Button>
          <Button onClick={() => void send()} loading={submit.isPending} disabled={busy || errorCount > 0 || invalidKeys.length > 0}>
            {t('stats.report.submit')}
          </Button>
          <FileButton resetRef={resetUpload} onChange={(file) => void upload(file)} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
            {(props) => (
              <Button {...props} variant="default" loading={uploadXlsx.isPending} disabled={busy} title={t('stats.report.uploadXlsxHint')}>
                {t('stats.report.uploadXlsx')}
              </Button>
            )}
          </FileButton>
          {canPrefill ? (
            <Button variant="light" onClick={() => void runPrefill()} loading={prefill.isPending} disabled={busy} title={t('statsAdmin.prefill.hint')}>
              {t('statsAdmin.prefill.button')}
            </Button>
          ) : null}
          {dirty ? (
            <Text size="sm" c="dimmed">
              {t('stats.report.unsaved')}
            </Text>
          ) : null}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('stats.report.readOnly')}
        </Text>
      )}
      {canEdit && invalidKeys.length > 0 ? (
        <Text size="sm" c="red.8">
          {t('stats.report.fixUnparsed')}
        </Text>
      ) : canEdit && errorCount > 0 ? (
        <Text size="sm" c="red.8">
          {t('stats.report.fixErrors')}
        </Text>
      ) : null}
      {prefillNotice ? (
        <Alert role="status" color="blue" variant="light" title={prefillNotice.changed > 0 ? t('statsAdmin.prefill.noticeTitle') : undefined} withCloseButton closeButtonLabel={t('common.close')} onClose={() => setPrefillNotice(null)}>
          {prefillNotice.changed > 0 ? t('statsAdmin.prefill.notice', { tasks: prefillNotice.tasks }) : t('statsAdmin.prefill.unchanged', { tasks: prefillNotice.tasks })}
        </Alert>
      ) : null}
      <Modal opened={pendingPrefill !== null} onClose={() => setPendingPrefill(null)} title={t('statsAdmin.prefill.confirmTitle')}>
        <Stack gap="sm">
          <Text size="sm">{t('statsAdmin.prefill.confirmText', { cells: pendingPrefill?.merge.conflicts ?? 0 })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPendingPrefill(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" onClick={() => pendingPrefill && applyPrefill(pendingPrefill.merge, pendingPrefill.tasks)} data-autofocus>
              {t('statsAdmin.prefill.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {refused ? (
        <Alert role="alert" color="red" variant="light" title={t('stats.report.notSavedTitle')}>
          {refused === 'upload' ? t('stats.report.uploadRefused') : t('stats.report.notSaved')}
        </Alert>
      ) : null}
      {requestError ? (
        <ErrorAlert
          error={requestError}
          {...(isStale(requestError)
            ? {
                onRetry: () => {
                  save.reset();
                  submit.reset();
                  uploadXlsx.reset();
                  prefill.reset();
                  onReload();
                },
                retryLabel: t('common.reload'),
              }
            : {})}
        />
      ) : null}
      <FormGrid
        definition={definition}
        cells={cells}
        onChange={(next) => {
          setCells(next);
          setDirty(true);
          setServerIssues([]);
          setRefused(null);
        }}
        issues={issues}
        readOnly={!canEdit}
        onInvalidCellsChange={setInvalidKeys}
      />
    </Stack>
  );
}

/** The review decision (approve, or return with a required comment) and reopening (with a required reason). */
function DecisionDialog({ report, dialog, actions, onClose }: { report: StatReport; dialog: Dialog; actions: Actions; onClose: () => void }) {
  const { t } = useTranslation();
  if (dialog === 'reopen') {
    return (
      <ReviewDecisionDialog
        opened
        isReturn
        texts={{ title: t('stats.report.reopenTitle'), submitLabel: t('stats.report.reopen'), intro: t('stats.report.reopenIntro'), commentLabel: t('stats.report.reopenReason'), done: t('stats.report.reopened') }}
        schema={StatReopen}
        body={(comment) => ({ reason: comment, version: report.version })}
        send={(body) => actions.reopen.mutateAsync(body)}
        state={actions.reopen}
        onClose={onClose}
      />
    );
  }
  const isReturn = dialog === 'return';
  return (
    <ReviewDecisionDialog
      opened={dialog !== null}
      isReturn={isReturn}
      texts={
        isReturn
          ? { title: t('stats.report.returnTitle'), submitLabel: t('stats.report.return'), intro: t('stats.report.returnIntro'), commentLabel: t('stats.report.returnComment'), done: t('stats.report.returned') }
          : { title: t('stats.report.approveTitle'), submitLabel: t('stats.report.approve'), intro: t('stats.report.approveIntro'), commentLabel: t('stats.report.approveComment'), done: t('stats.report.approved') }
      }
      schema={StatReview}
      body={(comment) => ({ decision: isReturn ? 'return' : 'approve', comment: comment.trim() || undefined, version: report.version })}
      send={(body) => actions.review.mutateAsync(body)}
      state={actions.review}
      onClose={onClose}
    />
  );
}

/** Status, deadline, dates and the reviewer's comment. */
function ReportSummary({ report }: { report: StatReport }) {
  const { t } = useTranslation();
  const unitName = useUnitName();
  return (
    <Stack gap="sm">
      {report.status === 'returned' && report.reviewComment ? (
        <Alert color="orange" variant="light" title={t('stats.report.reviewCommentTitle')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {report.reviewComment}
          </Text>
        </Alert>
      ) : null}
      <Card withBorder>
        <DetailList
          cols={3}
          items={[
            { label: t('stats.report.organization'), value: `${report.organization.nameVi} (${report.organization.code})` },
            { label: t('stats.report.managingUnit'), value: unitName(report.managingUnit) },
            { label: t('stats.report.period'), value: t('stats.periodYear', { year: report.period.year }) },
            {
              label: t('stats.report.deadline'),
              value: (
                <Group gap="xs" component="span" wrap="nowrap">
                  <span>{formatDate(report.period.unitDeadline)}</span>
                  {report.isLate ? <StatLateBadge /> : null}
                </Group>
              ),
            },
            { label: t('stats.report.firstSubmittedAt'), value: formatDateTime(report.firstSubmittedAt) },
            { label: t('stats.report.submittedAt'), value: formatDateTime(report.submittedAt) },
            { label: t('stats.report.approvedAt'), value: formatDateTime(report.approvedAt) },
            { label: t('stats.report.acceptedAt'), value: formatDateTime(report.acceptedAt) },
          ]}
        />
      </Card>
    </Stack>
  );
}

/** A statistical report: its header and summary, the data-entry grid, and the workflow actions the caller may take. */
function ReportView({ report, definition, onReload }: { report: StatReport; definition: FormDefinition; onReload: () => void }) {
  const { t } = useTranslation();
  const actions = useStatReportActions(report.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const { accept } = actions;
  return (
    <Stack gap="md">
      <Group gap="sm">
        <StatStatusBadge status={report.status} />
        {report.isLate ? <StatLateBadge /> : null}
        <Group gap="sm" ml="auto">
          <Button component="a" variant="default" href={`/api/stats/reports/${report.id}/xlsx`} download>
            {t('stats.report.downloadXlsx')}
          </Button>
          {report.canReview ? (
            <>
              <Button color="teal.9" onClick={() => setDialog('approve')}>
                {t('stats.report.approve')}
              </Button>
              <Button color="orange" variant="light" onClick={() => setDialog('return')}>
                {t('stats.report.return')}
              </Button>
            </>
          ) : null}
          {report.canAccept ? (
            <Button
              color="green.9"
              loading={accept.isPending}
              onClick={() =>
                accept.mutate(report.version, { onSuccess: () => notifications.show({ color: 'green', message: t('stats.report.accepted') }) })
              }
            >
              {t('stats.report.accept')}
            </Button>
          ) : null}
          {report.canReopen ? (
            <Button color="orange" variant="outline" onClick={() => setDialog('reopen')}>
              {t('stats.report.reopen')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {accept.error ? (
        <ErrorAlert
          error={accept.error}
          {...(isStale(accept.error)
            ? {
                onRetry: () => {
                  accept.reset();
                  onReload();
                },
                retryLabel: t('common.reload'),
              }
            : {})}
        />
      ) : null}
      <ReportSummary report={report} />
      <Card withBorder>
        <ReportEditor key={`${report.id}-${report.version}`} report={report} definition={definition} actions={actions} onReload={onReload} />
      </Card>
      {dialog ? <DecisionDialog report={report} dialog={dialog} actions={actions} onClose={() => setDialog(null)} /> : null}
    </Stack>
  );
}

/** The page of one statistical report (`/staff/stats/reports/:id`). */
export function StatsReportPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const reportQuery = useStatReport(id);
  const report = reportQuery.data;
  const formQuery = useStatForm(report?.form.code, report?.form.version);
  const english = i18n.language === 'en';
  const title = report ? `${report.form.code} — ${english ? report.form.titleEn : report.form.titleVi}` : t('stats.workTitle');

  const body = () => {
    if (reportQuery.error) return <ErrorAlert error={reportQuery.error} onRetry={() => void reportQuery.refetch()} />;
    if (formQuery.error) return <ErrorAlert error={formQuery.error} onRetry={() => void formQuery.refetch()} />;
    if (!report || !formQuery.data) return <LoadingState />;
    return <ReportView report={report} definition={formQuery.data} onReload={() => void reportQuery.refetch()} />;
  };

  return (
    <>
      <PageHeader
        title={title}
        eyebrow={report ? `${report.organization.nameVi} · ${t('stats.periodYear', { year: report.period.year })}` : undefined}
        actions={
          <Button component={Link} to="/staff/stats" variant="default">
            {t('stats.report.backToWork')}
          </Button>
        }
      />
      {body()}
    </>
  );
}
