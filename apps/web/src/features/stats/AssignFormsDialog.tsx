import { StatAssignmentCreate, type StatAssignmentResult, type StatPeriod } from '@stinet/shared';
import { Alert, Checkbox, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppMultiSelect } from '../../components/AppSelect';
import { FormModal } from '../../components/FormLayout';
import { LoadingState } from '../../components/States';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useValidatedForm } from '../../lib/useValidatedForm';
import { useOrganizations } from '../organizations/api';
import { useAssignStatForms } from './api';
import { useStatFormsOfYear } from './dashboardApi';

interface Option {
  value: string;
  label: string;
}

/** Props of {@link AssignFormsDialog}. */
export interface AssignFormsDialogProps {
  period: StatPeriod;
  onClose: () => void;
}

/**
 * The national admin's dialog to assign forms of a period's year to organizations: a checkbox list of the forms
 * (code and title) and a searchable multi-select of organizations; the result says how many reports were created
 * and how many were assigned already.
 */
export function AssignFormsDialog({ period, onClose }: AssignFormsDialogProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const forms = useStatFormsOfYear(period.year);
  const assign = useAssignStatForms(period.id);
  const form = useValidatedForm<{ forms: string[]; organizations: string[] }>({ forms: [], organizations: [] }, { clearErrorOnChange: true });
  const [result, setResult] = useState<StatAssignmentResult | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [known, setKnown] = useState<ReadonlyMap<string, string>>(() => new Map());
  const orgs = useOrganizations({ q: debounced.trim() || undefined, pageSize: 20, sort: 'name' });

  const orgOptions = useMemo(() => {
    const options: Option[] = (orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.nameAbbr ? `${o.nameVi} (${o.nameAbbr})` : o.nameVi }));
    const listed = new Set(options.map((o) => o.value));
    for (const id of form.values.organizations) {
      const label = known.get(id);
      if (label && !listed.has(id)) options.push({ value: id, label });
    }
    return options;
  }, [orgs.data, known, form.values.organizations]);

  const close = () => {
    assign.reset();
    onClose();
  };

  return (
    <FormModal
      opened
      size="lg"
      onClose={close}
      title={t('statsAdmin.assign.title', { year: period.year })}
      submitLabel={t('statsAdmin.assign.submit')}
      submitting={assign.isPending}
      error={assign.error}
      onSubmit={async () => {
        setResult(null);
        const extra = {
          ...(form.values.forms.length ? {} : { forms: t('statsAdmin.assign.needForm') }),
          ...(form.values.organizations.length ? {} : { organizationIds: t('statsAdmin.assign.needOrganization') }),
        };
        const body = { organizationIds: form.values.organizations, forms: form.values.forms.map((code) => ({ code })) };
        await form.submit(
          StatAssignmentCreate,
          body,
          async (data) => {
            const r = await assign.mutateAsync(data);
            setResult(r);
            notifications.show({ color: 'green', message: t('statsAdmin.assign.result', { created: r.created, existing: r.existing }) });
          },
          extra,
        );
      }}
    >
      <Text size="sm">{t('statsAdmin.assign.intro')}</Text>
      {result ? (
        <Alert color="green" variant="light" role="status">
          {t('statsAdmin.assign.result', { created: result.created, existing: result.existing })}
        </Alert>
      ) : null}
      {forms.error ? <ErrorAlert error={forms.error} onRetry={() => void forms.refetch()} /> : null}
      {forms.isLoading ? <LoadingState /> : null}
      {forms.data ? (
        <Checkbox.Group label={t('statsAdmin.assign.forms')} value={form.values.forms} onChange={(v) => form.set('forms', v)} error={form.errors.forms} withAsterisk>
          <Stack gap={6} mt={6}>
            {forms.data.items.map((f) => (
              <Checkbox
                key={`${f.code}-${f.version}`}
                value={f.code}
                label={`${f.code} — ${en ? f.titleEn : f.titleVi} (${t(`statsAdmin.assign.levels.${f.reportingLevel}`)})`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
      ) : null}
      <AppMultiSelect
        label={t('statsAdmin.assign.organizations')}
        description={t('statsAdmin.assign.organizationsHint')}
        data={orgOptions}
        value={form.values.organizations}
        onChange={(ids) => {
          setKnown((prev) => {
            const next = new Map(prev);
            for (const id of ids) {
              const label = orgOptions.find((o) => o.value === id)?.label;
              if (label) next.set(id, label);
            }
            return next;
          });
          form.set('organizations', ids);
        }}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options }) => options}
        error={form.errors.organizationIds ?? (orgs.error ? orgs.error.message : undefined)}
        placeholder={t('organizations.searchPlaceholder')}
        nothingFoundMessage={orgs.isFetching ? t('common.loading') : t('common.noMatches')}
        maxDropdownHeight={280}
        required
        hidePickedOptions={false}
      />
    </FormModal>
  );
}
