import type { ErrorDetail, StatBulkResult, StatPeriod } from '@stinet/shared';
import { Alert, Button, Card, FileButton, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, buildUrl } from '../../api/client';
import { useAuth } from '../../api/auth';
import { AppSelect } from '../../components/AppSelect';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitSelect } from '../../components/UnitSelect';
import { formatNumber } from '../../lib/format';
import { useStatFormsOfYear } from './dashboardApi';
import { statReportPath } from './StatsBits';
import { AppLink } from '../../components/AppLink';

/** Error codes of a refused bulk upload whose details name sheets and cells (nothing was saved). */
export const BULK_REFUSAL_CODES = ['STAT_BULK_INVALID', 'STAT_WRONG_FORM', 'STAT_NOT_ASSIGNED', 'OUT_OF_SCOPE'] as const;

/** Where in a sheet a problem of a bulk upload is. */
export type BulkProblemPlace =
  | { kind: 'cell'; row: string; column: string }
  | { kind: 'status' | 'organization' | 'sheet' | 'file' }
  | { kind: 'row'; row: string }
  | { kind: 'column'; column: string };

/** One problem of a refused bulk upload, as the card lists it. */
export interface BulkProblem {
  /** The sheet's organization code (or its name when it has none); empty for the whole file. */
  sheet: string;
  place: BulkProblemPlace;
  code: string;
  message: string;
}

/**
 * The problems of a refused bulk upload from its error details: `sheets.<code>.cells.<row>.<column>`,
 * `sheets.<code>.status`, `sheets.<code>.organization`, `sheets.<code>.file`, `sheets.<code>.rows.<row>`,
 * `sheets.<code>.columns.<column>`, `sheets.<code>`, or `file` (the whole workbook).
 */
export function bulkProblemsOf(details: readonly ErrorDetail[]): BulkProblem[] {
  return details.map((d) => {
    const m = /^sheets\.(.+?)(?:\.(cells\.([^.]+)\.([^.]+)|status|organization|file|rows\.([^.]+)|columns\.([^.]+)))?$/.exec(d.path);
    if (!m) return { sheet: '', place: { kind: 'file' }, code: d.code, message: d.message };
    const [, sheet = '', rest, row, column, onlyRow, onlyColumn] = m;
    let place: BulkProblemPlace;
    if (rest === undefined) place = { kind: 'sheet' };
    else if (row !== undefined && column !== undefined) place = { kind: 'cell', row, column };
    else if (onlyRow !== undefined) place = { kind: 'row', row: onlyRow };
    else if (onlyColumn !== undefined) place = { kind: 'column', column: onlyColumn };
    else place = { kind: rest as 'status' | 'organization' | 'file' };
    return { sheet, place, code: d.code, message: d.message };
  });
}

/** The URL of the multi-unit workbook of a form for a period (unit: default the caller's). */
export function bulkXlsxUrl(periodId: string, formCode: string, unitId?: string | null): string {
  return buildUrl(`/api/stats/periods/${periodId}/bulk-xlsx`, { formCode, unitId });
}

function ProblemTable({ problems }: { problems: BulkProblem[] }) {
  const { t } = useTranslation();
  const placeText = (p: BulkProblemPlace) => {
    switch (p.kind) {
      case 'cell':
        return t('statsBulk.place.cell', { row: p.row, column: p.column });
      case 'row':
        return t('statsBulk.place.row', { row: p.row });
      case 'column':
        return t('statsBulk.place.column', { column: p.column });
      default:
        return t(`statsBulk.place.${p.kind}`);
    }
  };
  const columns: Column<BulkProblem & { index: number }>[] = [
    { key: 'sheet', header: t('statsBulk.columns.sheet'), isRowHeader: true, render: (p) => p.sheet || t('statsBulk.wholeFile'), width: 180 },
    { key: 'place', header: t('statsBulk.columns.place'), render: (p) => placeText(p.place), width: 200 },
    { key: 'message', header: t('statsBulk.columns.message'), render: (p) => p.message },
  ];
  return <DataTable caption={t('statsBulk.errorsCaption')} columns={columns} rows={problems.map((p, index) => ({ ...p, index }))} rowKey={(p) => String(p.index)} minWidth={720} />;
}

function Summary({ result }: { result: StatBulkResult }) {
  const { t } = useTranslation();
  type Saved = StatBulkResult['saved'][number];
  type Skipped = StatBulkResult['skipped'][number];
  const savedColumns: Column<Saved>[] = [
    { key: 'org', header: t('statsBulk.columns.organization'), isRowHeader: true, render: (s) => <AppLink to={statReportPath(s.reportId)}>{`${s.organization.code} — ${s.organization.nameVi}`}</AppLink> },
    { key: 'sheet', header: t('statsBulk.columns.sheet'), render: (s) => s.sheet },
    { key: 'cells', header: t('statsBulk.columns.cells'), align: 'right', render: (s) => formatNumber(s.cells) },
  ];
  const skippedColumns: Column<Skipped>[] = [
    { key: 'org', header: t('statsBulk.columns.organization'), isRowHeader: true, render: (s) => s.organizationCode },
    { key: 'sheet', header: t('statsBulk.columns.sheet'), render: (s) => s.sheet },
    { key: 'reason', header: t('statsBulk.columns.reason'), render: (s) => t(`statsBulk.reasons.${s.reason}`) },
  ];
  return (
    <Stack gap="sm">
      <Alert color="green" variant="light" role="status" title={t('statsBulk.doneTitle', { saved: formatNumber(result.saved.length), skipped: formatNumber(result.skipped.length) })}>
        <Text size="sm">{t('statsBulk.doneText')}</Text>
      </Alert>
      <DataTable caption={t('statsBulk.savedCaption')} columns={savedColumns} rows={result.saved} rowKey={(s) => s.reportId} emptyMessage={t('statsBulk.noneSaved')} />
      {result.skipped.length ? <DataTable caption={t('statsBulk.skippedCaption')} columns={skippedColumns} rows={result.skipped} rowKey={(s) => `${s.sheet}|${s.organizationCode}`} /> : null}
    </Stack>
  );
}

/**
 * Bulk entry for provinces and ministries that collect on paper: download the multi-unit workbook of a form for the
 * period (one sheet per draft or returned report of the organizations I manage), fill it, upload it. The upload is
 * all or nothing: a refused file lists every problem by sheet (organization code) and cell; a saved one lists the
 * reports saved and the empty sheets skipped.
 */
export function BulkUploadCard({ period }: { period: StatPeriod }) {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const queryClient = useQueryClient();
  const forms = useStatFormsOfYear(period.year);
  const [formCode, setFormCode] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const resetFile = useRef<() => void>(null);
  const upload = useMutation({
    mutationFn: (file: File) => api.upload<StatBulkResult>(`/api/stats/periods/${period.id}/bulk-xlsx`, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['stats'] }),
  });
  const selected = formCode ?? forms.data?.items[0]?.code ?? null;

  async function send(file: File | null) {
    if (!file) return;
    resetFile.current?.();
    try {
      const result = await upload.mutateAsync(file);
      notifications.show({ color: 'green', message: t('statsBulk.doneTitle', { saved: formatNumber(result.saved.length), skipped: formatNumber(result.skipped.length) }) });
    } catch {
      // shown below from upload.error
    }
  }

  const error = upload.error;
  const refused = error instanceof ApiError && (BULK_REFUSAL_CODES as readonly string[]).includes(error.code) && error.details.length > 0 ? error : null;
  return (
    <Card withBorder mt="md" component="section" aria-labelledby="stats-bulk-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="stats-bulk-title">
          {t('statsBulk.title')}
        </Title>
        <Text size="sm">{t('statsBulk.intro')}</Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <AppSelect
            label={t('statsBulk.form')}
            data={(forms.data?.items ?? []).map((f) => ({ value: f.code, label: `${f.code} — ${f.titleVi}` }))}
            value={selected}
            onChange={setFormCode}
            allowDeselect={false}
            w={420}
          />
          {hasRole('national_admin') ? <UnitSelect label={t('statsBulk.unit')} description={t('statsBulk.unitHint')} value={unitId} onChange={setUnitId} kinds={['province', 'ministry']} /> : null}
          <Button component="a" variant="light" href={selected ? bulkXlsxUrl(period.id, selected, unitId) : undefined} download disabled={!selected}>
            {t('statsBulk.download')}
          </Button>
          <FileButton resetRef={resetFile} onChange={(file) => void send(file)} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
            {(props) => (
              <Button {...props} loading={upload.isPending}>
                {t('statsBulk.upload')}
              </Button>
            )}
          </FileButton>
        </Group>
        <Text size="xs" c="dimmed">
          {t('statsBulk.rules')}
        </Text>
        {forms.error ? <ErrorAlert error={forms.error} onRetry={() => void forms.refetch()} /> : null}
        {refused ? (
          <Stack gap="sm">
            <ErrorAlert error={refused} title={t('statsBulk.refusedTitle')} />
            <ProblemTable problems={bulkProblemsOf(refused.details)} />
          </Stack>
        ) : error ? (
          <ErrorAlert error={error} />
        ) : null}
        {upload.data && !error ? <Summary result={upload.data} /> : null}
      </Stack>
    </Card>
  );
}
