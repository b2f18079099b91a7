import { APPLICATION_STATUSES, ApplicationReportCreate, ApplicationReportUpdate, type ApplicationReport, type ApplicationStatus } from '@stinet/shared';
import { Anchor, Button, FileInput, Fieldset, Group, NumberInput, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { AppSelect } from '../../components/AppSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RecordFormFrame } from '../../components/FormLayout';
import { blankToNull } from '../../lib/form';
import { useValidatedForm } from '../../lib/useValidatedForm';
import { useCreateApplicationReport, useUpdateApplicationReport, useUploadSignedCopy } from './api';

type TextKey = 'placesApplied' | 'scale' | 'economicEffect' | 'socialEffect' | 'ipSummary' | 'difficulties';
type NumberKey = 'revenue' | 'transferContracts' | 'transferValue';

interface Values {
  applicationStatus: ApplicationStatus | null;
  placesApplied: string;
  scale: string;
  economicEffect: string;
  socialEffect: string;
  ipSummary: string;
  difficulties: string;
  revenue: number | string;
  transferContracts: number | string;
  transferValue: number | string;
  fileId: string | null;
  fileName: string | null;
}

function valuesOf(report: ApplicationReport | undefined): Values {
  return {
    applicationStatus: report?.applicationStatus ?? null,
    placesApplied: report?.placesApplied ?? '',
    scale: report?.scale ?? '',
    economicEffect: report?.economicEffect ?? '',
    socialEffect: report?.socialEffect ?? '',
    ipSummary: report?.ipSummary ?? '',
    difficulties: report?.difficulties ?? '',
    revenue: report?.revenue ?? '',
    transferContracts: report?.transferContracts ?? '',
    transferValue: report?.transferValue ?? '',
    fileId: report?.file?.id ?? null,
    fileName: report?.file?.originalName ?? null,
  };
}

function numberOrNull(value: number | string): number | null {
  if (value === '' || value === null) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Props of {@link ApplicationReportForm}. */
export interface ApplicationReportFormProps {
  taskId: string;
  yearIndex: number;
  /** The lead organization (owner of the uploaded signed copy). */
  organizationId: string;
  /** The report to edit; a new draft is created without it. */
  report?: ApplicationReport;
  /** Reloads the report after a version conflict. */
  onReload?: () => void;
  onSaved?: (report: ApplicationReport) => void;
}

/**
 * The fields of the application-of-results report (Mẫu 12): whether, where and at what scale the results were
 * applied, economic and social effects, revenue, intellectual property and technology transfers, difficulties,
 * and the signed copy (uploaded as a restricted file of the lead organization). Creates the year's draft or saves
 * changes to a draft or returned report.
 */
export function ApplicationReportForm({ taskId, yearIndex, organizationId, report, onReload, onSaved }: ApplicationReportFormProps) {
  const { t, i18n } = useTranslation();
  const create = useCreateApplicationReport(taskId);
  const update = useUpdateApplicationReport(report?.id ?? '');
  const upload = useUploadSignedCopy(organizationId);
  const form = useValidatedForm<Values>(() => valuesOf(report), { clearErrorOnChange: true });
  const { values, set, errors } = form;
  const mutation = report ? update : create;

  const payload = () => ({
    applicationStatus: values.applicationStatus,
    placesApplied: blankToNull(values.placesApplied),
    scale: blankToNull(values.scale),
    economicEffect: blankToNull(values.economicEffect),
    socialEffect: blankToNull(values.socialEffect),
    ipSummary: blankToNull(values.ipSummary),
    difficulties: blankToNull(values.difficulties),
    revenue: numberOrNull(values.revenue),
    transferContracts: numberOrNull(values.transferContracts),
    transferValue: numberOrNull(values.transferValue),
    fileId: values.fileId,
  });

  const onSubmit = async () => {
    const ok = report
      ? await form.submit(ApplicationReportUpdate, { ...payload(), version: report.version }, async (body) => {
          // the mutation runs whether or not a callback is given (`onSaved?.(await …)` would skip it)
          const saved = await update.mutateAsync(body);
          onSaved?.(saved);
        })
      : await form.submit(ApplicationReportCreate, { ...payload(), yearIndex }, async (body) => {
          const saved = await create.mutateAsync(body);
          onSaved?.(saved);
        });
    if (ok) notifications.show({ color: 'green', message: report ? t('applicationReports.saved') : t('applicationReports.created', { n: yearIndex }) });
  };

  const longText = (key: TextKey, description?: string) => (
    <Textarea
      label={t(`applicationReports.fields.${key}`)}
      description={description}
      value={values[key]}
      onChange={(e) => set(key, e.currentTarget.value)}
      error={errors[key]}
      autosize
      minRows={2}
      maxRows={10}
    />
  );
  const amount = (key: NumberKey, integer = false) => (
    <NumberInput
      label={t(`applicationReports.fields.${key}`)}
      value={values[key]}
      onChange={(v) => set(key, v)}
      error={errors[key]}
      min={0}
      allowNegative={false}
      decimalScale={integer ? 0 : 3}
      allowDecimal={!integer}
      thousandSeparator={i18n.language === 'en' ? ',' : '.'}
      decimalSeparator={i18n.language === 'en' ? '.' : ','}
      hideControls
    />
  );

  return (
    <RecordFormFrame
      label={report ? t('applicationReports.edit') : t('applicationReports.createTitle', { n: yearIndex })}
      onSubmit={onSubmit}
      error={mutation.error}
      hasErrors={form.hasErrors}
      onReload={onReload}
      submitting={mutation.isPending}
    >
      <Fieldset legend={t('applicationReports.groups.application')}>
        <Stack gap="sm">
          <AppSelect
            label={t('applicationReports.fields.applicationStatus')}
            data={APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`applicationReports.applicationStatuses.${s}`) }))}
            value={values.applicationStatus}
            onChange={(v) => set('applicationStatus', (v as ApplicationStatus | null) ?? null)}
            error={errors.applicationStatus}
            required
            allowDeselect={false}
            w={320}
          />
          {longText('placesApplied', t('applicationReports.hints.placesApplied'))}
          {longText('scale')}
        </Stack>
      </Fieldset>
      <Fieldset legend={t('applicationReports.groups.effects')}>
        <Stack gap="sm">
          {longText('economicEffect')}
          {longText('socialEffect')}
        </Stack>
      </Fieldset>
      <Fieldset legend={t('applicationReports.groups.commercial')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {amount('revenue')}
            {amount('transferContracts', true)}
            {amount('transferValue')}
          </SimpleGrid>
          {longText('ipSummary', t('applicationReports.hints.ipSummary'))}
        </Stack>
      </Fieldset>
      <Fieldset legend={t('applicationReports.groups.other')}>
        <Stack gap="sm">
          {longText('difficulties')}
          {values.fileId ? (
            <Group gap="sm">
              <Text size="sm">
                {t('applicationReports.fields.file')}:{' '}
                <Anchor href={`/api/files/${values.fileId}/content`}>{values.fileName ?? t('applicationReports.downloadFile')}</Anchor>
              </Text>
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                onClick={() => {
                  set('fileId', null);
                  set('fileName', null);
                }}
              >
                {t('applicationReports.removeFile')}
              </Button>
            </Group>
          ) : (
            <FileInput
              label={t('applicationReports.fields.file')}
              description={upload.isPending ? t('applicationReports.uploading') : t('applicationReports.hints.file')}
              accept=".pdf,.doc,.docx,.rtf,.odt"
              clearable
              clearButtonProps={{ 'aria-label': t('common.clearFile') }}
              disabled={upload.isPending}
              error={errors.fileId}
              onChange={async (file) => {
                if (!file) return;
                try {
                  const stored = await upload.mutateAsync(file);
                  set('fileId', stored.id);
                  set('fileName', stored.originalName);
                } catch {
                  // shown below
                }
              }}
            />
          )}
          {upload.error ? <ErrorAlert error={upload.error} /> : null}
        </Stack>
      </Fieldset>
    </RecordFormFrame>
  );
}
