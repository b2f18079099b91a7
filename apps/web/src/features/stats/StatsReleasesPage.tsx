import { StatReleaseCreate, StatReleaseWithdraw, type StatPeriod, type StatReleaseDetail, type StatReleaseStaffSummary, type StatReleaseStatus } from '@stinet/shared';
import { Anchor, Badge, Button, Card, Checkbox, Group, NumberInput, ScrollArea, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../api/auth';
import { AppSelect } from '../../components/AppSelect';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormLayout';
import { PageHeader } from '../../components/PageHeader';
import { ReviewDecisionDialog } from '../../components/ReviewDecisionDialog';
import { LoadingState } from '../../components/States';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { useValidatedForm } from '../../lib/useValidatedForm';
import { useSearchState } from '../../lib/useSearchState';
import { useStatPeriods } from './api';
import { useStatFormsOfYear } from './dashboardApi';
import { defaultEmbargo, isValidLocalDateTime, releaseCellText, releaseTable, vietnamInstant, vietnamInstantOf } from './release-logic';
import { releaseFileUrl, useCreateStatRelease, useStatRelease, useStatReleases, useWithdrawStatRelease } from './releasesApi';

const DEFAULTS = { year: 'all', release: '' };

/** Badge colors of the states of a release. */
export const RELEASE_STATUS_COLORS: Record<StatReleaseStatus, string> = {
  embargoed: 'orange',
  published: 'green',
  withdrawn: 'gray',
};

/** A release's state as a colored badge. */
export function ReleaseStatusBadge({ status }: { status: StatReleaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={RELEASE_STATUS_COLORS[status]} style={{ flexShrink: 0, overflow: 'visible' }}>
      {t(`statsAdmin.releases.statuses.${status}`)}
    </Badge>
  );
}

interface CreateValues {
  periodId: string | null;
  formCode: string | null;
  date: string;
  time: string;
  now: boolean;
  suppressBelow: number | string;
  titleVi: string;
  titleEn: string;
  noteVi: string;
  noteEn: string;
}

function initialValues(periods: readonly StatPeriod[]): CreateValues {
  const embargo = defaultEmbargo();
  return { periodId: periods[0]?.id ?? null, formCode: null, date: embargo.date, time: embargo.time, now: false, suppressBelow: '', titleVi: '', titleEn: '', noteVi: '', noteEn: '' };
}

/** The national admin's dialog to release a form's approved data of a period, with an embargo in Vietnam time. */
function CreateReleaseDialog({ periods, onClose, onCreated }: { periods: readonly StatPeriod[]; onClose: () => void; onCreated: (release: StatReleaseStaffSummary) => void }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const create = useCreateStatRelease();
  const form = useValidatedForm<CreateValues>(() => initialValues(periods), { clearErrorOnChange: true });
  const v = form.values;
  const period = periods.find((p) => p.id === v.periodId);
  const forms = useStatFormsOfYear(period?.year);
  const formOptions = (forms.data?.items ?? []).map((f) => ({ value: f.code, label: `${f.code} — ${en ? f.titleEn : f.titleVi}` }));
  const close = () => {
    create.reset();
    onClose();
  };

  return (
    <FormModal
      opened
      size="lg"
      onClose={close}
      title={t('statsAdmin.releases.create.title')}
      submitLabel={t('statsAdmin.releases.create.submit')}
      submitting={create.isPending}
      error={create.error}
      onSubmit={async () => {
        const embargoOk = v.now || isValidLocalDateTime({ date: v.date, time: v.time });
        const extra: Record<string, string> = embargoOk ? {} : { embargoUntil: t('statsAdmin.releases.create.invalidEmbargo') };
        const body = {
          periodId: v.periodId ?? '',
          formCode: v.formCode ?? '',
          embargoUntil: v.now ? vietnamInstantOf(new Date()) : vietnamInstant({ date: v.date, time: v.time }),
          ...(v.suppressBelow === '' ? {} : { suppressBelow: Number(v.suppressBelow) }),
          titleVi: v.titleVi.trim() || undefined,
          titleEn: v.titleEn.trim() || undefined,
          noteVi: v.noteVi.trim() || undefined,
          noteEn: v.noteEn.trim() || undefined,
        };
        let created: StatReleaseStaffSummary | null = null;
        const ok = await form.submit(
          StatReleaseCreate,
          body,
          async (data) => {
            created = await create.mutateAsync(data);
          },
          extra,
        );
        if (ok && created) {
          const r: StatReleaseStaffSummary = created;
          notifications.show({ color: 'green', message: t('statsAdmin.releases.create.done', { form: r.formCode, year: r.year }) });
          onCreated(r);
        }
      }}
    >
      <Text size="sm">{t('statsAdmin.releases.create.intro')}</Text>
      <Group grow align="flex-start">
        <AppSelect
          label={t('statsAdmin.releases.create.period')}
          data={periods.map((p) => ({ value: p.id, label: t('stats.periodYear', { year: p.year }) }))}
          value={v.periodId}
          onChange={(id) => form.setValues((x) => ({ ...x, periodId: id, formCode: null }))}
          error={form.errors.periodId}
          allowDeselect={false}
          required
        />
        <AppSelect
          label={t('statsAdmin.releases.create.form')}
          data={formOptions}
          value={v.formCode}
          onChange={(code) => form.set('formCode', code)}
          error={form.errors.formCode}
          disabled={!period}
          required
        />
      </Group>
      <Checkbox
        label={t('statsAdmin.releases.create.publishNow')}
        description={t('statsAdmin.releases.create.publishNowHint')}
        checked={v.now}
        onChange={(e) => form.set('now', e.currentTarget.checked)}
      />
      <Group grow align="flex-start">
        <TextInput
          type="date"
          label={t('statsAdmin.releases.create.embargoDate')}
          value={v.date}
          onChange={(e) => form.set('date', e.currentTarget.value)}
          disabled={v.now}
          error={form.errors.embargoUntil}
          required={!v.now}
        />
        <TextInput
          type="time"
          label={t('statsAdmin.releases.create.embargoTime')}
          value={v.time}
          onChange={(e) => form.set('time', e.currentTarget.value)}
          disabled={v.now}
          required={!v.now}
        />
      </Group>
      <NumberInput
        label={t('statsAdmin.releases.create.suppress')}
        description={t('statsAdmin.releases.create.suppressHint')}
        value={v.suppressBelow}
        onChange={(n) => form.set('suppressBelow', n)}
        error={form.errors.suppressBelow}
        min={2}
        max={20}
        allowDecimal={false}
        allowNegative={false}
        w={240}
      />
      <Group grow align="flex-start">
        <TextInput
          label={t('statsAdmin.releases.create.titleVi')}
          description={t('statsAdmin.releases.create.titleHint')}
          value={v.titleVi}
          onChange={(e) => form.set('titleVi', e.currentTarget.value)}
          error={form.errors.titleVi}
        />
        <TextInput
          label={t('statsAdmin.releases.create.titleEn')}
          description={t('statsAdmin.releases.create.titleHint')}
          value={v.titleEn}
          onChange={(e) => form.set('titleEn', e.currentTarget.value)}
          error={form.errors.titleEn}
        />
      </Group>
      <Group grow align="flex-start">
        <Textarea label={t('statsAdmin.releases.create.noteVi')} value={v.noteVi} onChange={(e) => form.set('noteVi', e.currentTarget.value)} error={form.errors.noteVi} autosize minRows={2} />
        <Textarea label={t('statsAdmin.releases.create.noteEn')} value={v.noteEn} onChange={(e) => form.set('noteEn', e.currentTarget.value)} error={form.errors.noteEn} autosize minRows={2} />
      </Group>
    </FormModal>
  );
}

/** The national table of a release (rows × columns; `c` withheld, `..` no data) with its staff downloads. */
function ReleasePreview({ id, onClose }: { id: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const query = useStatRelease(id);
  const detail: StatReleaseDetail | undefined = query.data;
  const table = useMemo(() => (detail ? releaseTable(detail.form, detail.national, en) : null), [detail, en]);
  const title = detail ? (en ? detail.titleEn : detail.titleVi) : '';
  return (
    <Card withBorder mt="md" component="section" aria-labelledby="stats-release-preview">
      <Group justify="space-between" align="flex-start" mb="xs">
        <Title order={2} size="h4" id="stats-release-preview">
          {t('statsAdmin.releases.previewTitle', { title: title || '…' })}
        </Title>
        <Button variant="default" size="xs" onClick={onClose}>
          {t('statsAdmin.releases.closePreview')}
        </Button>
      </Group>
      {query.error ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {!detail && !query.error ? <LoadingState /> : null}
      {detail && table ? (
        <Stack gap="sm">
          <Group gap="sm" wrap="wrap">
            <ReleaseStatusBadge status={detail.status} />
            <Text size="sm">{formatDateTime(detail.embargoUntil)}</Text>
            <Text size="sm" c="dimmed">
              {t('statsAdmin.releases.basis', { reports: formatNumber(detail.reports), assigned: formatNumber(detail.assigned), date: formatDate(detail.asOf) })}
            </Text>
          </Group>
          <Group gap="sm" aria-label={t('statsAdmin.releases.downloads')} role="group">
            <Text size="sm" fw={500}>
              {t('statsAdmin.releases.downloads')}:
            </Text>
            <Anchor size="sm" href={releaseFileUrl(detail.id, 'csv')} download>
              {t('statsAdmin.releases.downloadCsv')}
            </Anchor>
            <Anchor size="sm" href={releaseFileUrl(detail.id, 'sdmx')} download>
              {t('statsAdmin.releases.downloadSdmx')}
            </Anchor>
            <Anchor size="sm" href={releaseFileUrl(detail.id, 'xlsx')} download>
              {t('statsAdmin.releases.downloadXlsx')}
            </Anchor>
          </Group>
          <ScrollArea type="auto" offsetScrollbars>
            <Table striped withTableBorder withColumnBorders miw={Math.max(700, 200 + table.columns.length * 110)} data-testid="release-table">
              <caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 500, paddingBottom: 6 }}>
                {t('statsAdmin.releases.previewCaption', { title })}
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('statsAdmin.releases.rowHeader')}</Table.Th>
                  {table.columns.map((c) => (
                    <Table.Th key={c.code} scope="col" style={{ textAlign: 'right' }}>
                      {c.label}
                      <Text span size="xs" c="dimmed" display="block">
                        ({t(`statsGrid.units.${c.unit}`)})
                      </Text>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {table.rows.map((r) => (
                  <Table.Tr key={r.code}>
                    <Table.Th scope="row" fw={400}>
                      {r.code} {r.label}
                    </Table.Th>
                    {r.cells.map((c, i) => (
                      <Table.Td key={table.columns[i]?.code ?? i} style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                        {releaseCellText(c, formatNumber)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          <Text size="sm" c="dimmed">
            {t('statsAdmin.releases.legend')}
          </Text>
        </Stack>
      ) : null}
    </Card>
  );
}

/**
 * The staff page of statistical releases (`/staff/stats/releases`): every release with its state, release time in
 * Vietnam time, coverage and suppression; a preview of the national table with downloads; for national admins the
 * creation of a release and its withdrawal with a reason.
 */
export function StatsReleasesPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { hasRole } = useAuth();
  const isAdmin = hasRole('national_admin');
  const { get, set } = useSearchState(DEFAULTS);
  const yearParam = Number(get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 ? yearParam : undefined;
  const periods = useStatPeriods();
  const releases = useStatReleases({ year });
  const [creating, setCreating] = useState(false);
  const [withdrawing, setWithdrawing] = useState<StatReleaseStaffSummary | null>(null);
  const withdraw = useWithdrawStatRelease();
  const previewId = get('release') || null;

  const years = [...new Set((periods.data?.items ?? []).map((p) => p.year))].sort((a, b) => b - a);
  const columns: Column<StatReleaseStaffSummary>[] = [
    { key: 'year', header: t('statsAdmin.releases.columns.year'), render: (r) => r.year },
    { key: 'form', header: t('statsAdmin.releases.columns.form'), width: 120, render: (r) => <span style={{ whiteSpace: 'nowrap' }}>{r.formCode}</span> },
    {
      key: 'title',
      header: t('statsAdmin.releases.columns.title'),
      isRowHeader: true,
      render: (r) => (
        <Stack gap={2}>
          <span>{en ? r.titleEn : r.titleVi}</span>
          {r.status === 'withdrawn' && r.withdrawReason ? (
            <Text size="xs" c="dimmed">
              {t('statsAdmin.releases.withdrawnReason', { reason: r.withdrawReason })}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    {
      key: 'status',
      header: t('statsAdmin.releases.columns.status'),
      width: 150,
      render: (r) => (
        <Group gap={4}>
          <ReleaseStatusBadge status={r.status} />
          {r.revisedBy ? (
            <Badge size="sm" variant="outline" color="blue" style={{ flexShrink: 0, overflow: 'visible' }}>
              {t('statsAdmin.releases.revised')}
            </Badge>
          ) : null}
        </Group>
      ),
    },
    { key: 'embargo', header: t('statsAdmin.releases.columns.embargo'), width: 130, render: (r) => formatDateTime(r.embargoUntil) },
    { key: 'coverage', header: t('statsAdmin.releases.columns.coverage'), align: 'right', render: (r) => t('statsAdmin.releases.coverage', { reports: formatNumber(r.reports), assigned: formatNumber(r.assigned) }) },
    { key: 'suppress', header: t('statsAdmin.releases.columns.suppress'), align: 'right', render: (r) => (r.suppressBelow === null ? t('statsAdmin.releases.noSuppression') : r.suppressBelow) },
    {
      key: 'actions',
      header: t('statsAdmin.releases.columns.actions'),
      render: (r) => (
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => set({ release: r.id })} aria-label={t('statsAdmin.releases.previewOf', { form: r.formCode, year: r.year })}>
            {t('statsAdmin.releases.preview')}
          </Button>
          {isAdmin && r.status !== 'withdrawn' ? (
            <Button size="xs" color="orange" variant="light" onClick={() => setWithdrawing(r)} aria-label={t('statsAdmin.releases.withdrawOf', { form: r.formCode, year: r.year })}>
              {t('statsAdmin.releases.withdraw')}
            </Button>
          ) : null}
        </Group>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('statsAdmin.releases.title')}
        description={t('statsAdmin.releases.description')}
        actions={
          <Group gap="sm">
            {isAdmin ? <Button onClick={() => setCreating(true)}>{t('statsAdmin.releases.new')}</Button> : null}
            <Button component={Link} to="/staff/stats" variant="default">
              {t('statsAdmin.releases.backToWork')}
            </Button>
          </Group>
        }
      />
      {periods.error ? <ErrorAlert error={periods.error} onRetry={() => void periods.refetch()} /> : null}
      <Card withBorder mb="md">
        <AppSelect
          label={t('statsAdmin.releases.year')}
          data={[{ value: 'all', label: t('statsAdmin.releases.allYears') }, ...years.map((y) => ({ value: String(y), label: String(y) }))]}
          value={year === undefined ? 'all' : String(year)}
          onChange={(v) => set({ year: v ?? 'all' })}
          allowDeselect={false}
          w={200}
        />
      </Card>
      <Card withBorder>
        <DataTable
          error={releases.error}
          onRetry={() => void releases.refetch()}
          caption={t('statsAdmin.releases.caption')}
          columns={columns}
          rows={releases.data?.items}
          rowKey={(r) => r.id}
          isLoading={releases.isLoading}
          emptyMessage={t('statsAdmin.releases.empty')}
          minWidth={1000}
        />
      </Card>
      {previewId ? <ReleasePreview id={previewId} onClose={() => set({ release: '' })} /> : null}
      {creating && periods.data ? (
        <CreateReleaseDialog
          periods={periods.data.items}
          onClose={() => setCreating(false)}
          onCreated={(r) => {
            setCreating(false);
            set({ release: r.id });
          }}
        />
      ) : null}
      {withdrawing ? (
        <ReviewDecisionDialog
          opened
          isReturn
          texts={{
            title: t('statsAdmin.releases.withdrawDialog.title'),
            submitLabel: t('statsAdmin.releases.withdrawDialog.submit'),
            intro: t('statsAdmin.releases.withdrawDialog.intro'),
            commentLabel: t('statsAdmin.releases.withdrawDialog.reason'),
            done: t('statsAdmin.releases.withdrawDialog.done'),
          }}
          schema={StatReleaseWithdraw}
          body={(comment) => ({ reason: comment })}
          send={(body) => withdraw.mutateAsync({ id: withdrawing.id, body })}
          state={withdraw}
          onClose={() => setWithdrawing(null)}
        />
      ) : null}
    </>
  );
}
