import { TASK_IMPORT_COLUMNS, type TaskImport } from '@stinet/shared';
import { Alert, Button, Card, FileInput, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { LoadingState } from '../../components/States';
import { formatNumber } from '../../lib/format';
import { isRunning, TEMPLATE_URLS, useImportTasks, useTaskImport } from './api';

const ERRORS_PAGE_SIZE = 50;

/** One problem of an import file as the page lists it. */
export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

/** The problems of a refused upload: details `rows.<row>.<column>` (or `file`) of an IMPORT_INVALID / IMPORT_UNREADABLE error. */
export function problemsOfError(error: ApiError): ImportProblem[] {
  return error.details.map((d) => {
    const m = /^rows\.(\d+)(?:\.(.+))?$/.exec(d.path);
    return { row: m ? Number(m[1]) : 0, column: m?.[2] ?? '', message: d.message };
  });
}

/** The problems stored with an import, in the page's language. */
export function problemsOfImport(state: TaskImport, language: string): ImportProblem[] {
  return state.errors.map((e) => ({ row: e.row, column: e.column, message: language === 'en' ? e.messageEn : e.messageVi }));
}

function ProblemTable({ problems }: { problems: ImportProblem[] }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const columnLabel = (key: string) => {
    if (!key) return t('taskIo.wholeRow');
    const column = TASK_IMPORT_COLUMNS.find((c) => c.key === key);
    return column ? (i18n.language === 'en' ? column.labelEn : column.labelVi) : key;
  };
  const columns: Column<ImportProblem & { index: number }>[] = [
    { key: 'row', header: t('taskIo.row'), render: (p) => (p.row > 0 ? formatNumber(p.row) : t('taskIo.wholeFile')), width: 90, isRowHeader: true },
    { key: 'column', header: t('taskIo.column'), render: (p) => (p.row > 0 ? columnLabel(p.column) : '—'), width: 260 },
    { key: 'message', header: t('taskIo.message'), render: (p) => p.message },
  ];
  const rows = problems.map((p, index) => ({ ...p, index }));
  return (
    <DataTable
      caption={t('taskIo.errorsCaption')}
      columns={columns}
      rows={rows.slice((page - 1) * ERRORS_PAGE_SIZE, page * ERRORS_PAGE_SIZE)}
      rowKey={(p) => String(p.index)}
      paging={{ page, pageSize: ERRORS_PAGE_SIZE, total: rows.length, onPageChange: setPage }}
      minWidth={720}
    />
  );
}

function Failed({ problems, onAgain }: { problems: ImportProblem[]; onAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Alert color="red" variant="light" role="alert" title={t('taskIo.failedTitle')}>
        <Text size="sm">{t('taskIo.failedText', { n: formatNumber(problems.length) })}</Text>
      </Alert>
      <ProblemTable problems={problems} />
      <Group>
        <Button variant="default" onClick={onAgain}>
          {t('taskIo.another')}
        </Button>
      </Group>
    </Stack>
  );
}

function Running({ state }: { state: TaskImport | undefined }) {
  const { t } = useTranslation();
  const total = state?.totalRows ?? 0;
  const processed = state?.processedRows ?? 0;
  const known = total > 0;
  const label = !state
    ? t('taskIo.uploading')
    : known
      ? `${t(`taskIo.statuses.${state.status}`)}: ${t('taskIo.progress', { processed: formatNumber(processed), total: formatNumber(total) })}`
      : `${t(`taskIo.statuses.${state.status}`)}: ${t('taskIo.progressReading', { processed: formatNumber(processed) })}`;
  return (
    <Stack gap="xs">
      <Text size="sm" role="status" aria-live="polite">
        {label}
      </Text>
      <Progress value={known ? Math.min(100, (processed / total) * 100) : 100} striped animated aria-label={t('taskIo.progressLabel')} size="lg" />
    </Stack>
  );
}

function Done({ state, onAgain }: { state: TaskImport; onAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Alert color="green" variant="light" role="status" title={t('taskIo.doneTitle', { n: formatNumber(state.importedRows) })}>
        <Text size="sm">{t('taskIo.doneText')}</Text>
      </Alert>
      <Group>
        <Button component={Link} to="/staff/tasks?status=draft">
          {t('taskIo.openWork')}
        </Button>
        <Button variant="default" onClick={onAgain}>
          {t('taskIo.another')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * Bulk import of ongoing tasks (Mẫu 1) from the XLSX/CSV template: template downloads, upload, a progress bar while
 * the server checks and writes the file, then the number imported, or every bad row (row, column, message) and a
 * clear statement that nothing was imported. The import id stays in the address, so a reload keeps following it.
 */
export function TaskImportPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const id = params.get('id') ?? undefined;
  const [file, setFile] = useState<File | null>(null);
  const upload = useImportTasks();
  const state = useTaskImport(id);

  const reset = () => {
    upload.reset();
    setFile(null);
    setParams({}, { replace: true });
  };
  const start = async () => {
    if (!file) return;
    try {
      const result = await upload.mutateAsync(file);
      setParams({ id: result.id }, { replace: true });
    } catch {
      // shown from upload.error below
    }
  };

  const refused = upload.error instanceof ApiError && (upload.error.code === 'IMPORT_INVALID' || upload.error.code === 'IMPORT_UNREADABLE') ? upload.error : null;
  let result: ReactNode = null;
  if (upload.isPending) result = <Running state={undefined} />;
  else if (refused?.code === 'IMPORT_INVALID') result = <Failed problems={problemsOfError(refused)} onAgain={reset} />;
  else if (refused) {
    result = (
      <Alert color="red" variant="light" role="alert" title={t('taskIo.unreadableTitle')}>
        <Text size="sm">{refused.details[0]?.message ?? refused.message}</Text>
        <Text size="sm" mt="xs">
          {t('taskIo.unreadableHint')}
        </Text>
      </Alert>
    );
  } else if (upload.error) result = <ErrorAlert error={upload.error} />;
  else if (id && state.error) result = <ErrorAlert error={state.error} onRetry={() => void state.refetch()} />;
  else if (id && !state.data) result = <LoadingState />;
  else if (state.data && isRunning(state.data)) result = <Running state={state.data} />;
  else if (state.data?.status === 'done') result = <Done state={state.data} onAgain={reset} />;
  else if (state.data?.status === 'failed') result = <Failed problems={problemsOfImport(state.data, i18n.language)} onAgain={reset} />;

  const busy = upload.isPending || isRunning(state.data);
  return (
    <>
      <PageHeader
        title={t('taskIo.title')}
        description={t('taskIo.description')}
        actions={
          <Button component={Link} to="/staff/tasks" variant="default">
            {t('common.backToList')}
          </Button>
        }
      />
      <Card withBorder mb="md">
        <Stack gap="sm">
          <Title order={2} fz="lg">
            {t('taskIo.templateTitle')}
          </Title>
          <Text size="sm">{t('taskIo.templateHint')}</Text>
          <Group>
            <Button component="a" href={TEMPLATE_URLS.xlsx} download variant="light">
              {t('taskIo.templateXlsx')}
            </Button>
            <Button component="a" href={TEMPLATE_URLS.csv} download variant="light">
              {t('taskIo.templateCsv')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('taskIo.rulesHint')}
          </Text>
        </Stack>
      </Card>
      <Card withBorder mb="md">
        <Stack gap="sm">
          <Title order={2} fz="lg">
            {t('taskIo.uploadTitle')}
          </Title>
          <Group align="flex-end" wrap="wrap">
            <FileInput
              label={t('taskIo.fileLabel')}
              description={t('taskIo.fileDescription')}
              placeholder={t('taskIo.filePlaceholder')}
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              value={file}
              onChange={setFile}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clearFile') }}
              disabled={busy}
              w={420}
            />
            <Button onClick={() => void start()} disabled={!file || busy} loading={upload.isPending}>
              {t('taskIo.upload')}
            </Button>
          </Group>
        </Stack>
      </Card>
      {result ? (
        <Card withBorder>
          <Stack gap="sm">
            <Title order={2} fz="lg">
              {t('taskIo.resultTitle')}
            </Title>
            {state.data && id ? (
              <Text size="sm" c="dimmed">
                {t('taskIo.fileName', { name: state.data.fileName })}
              </Text>
            ) : null}
            {result}
          </Stack>
        </Card>
      ) : null}
    </>
  );
}
