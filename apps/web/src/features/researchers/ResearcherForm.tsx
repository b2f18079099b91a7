import { ResearcherCreate, ResearcherUpdate, type ResearcherFull } from '@stinet/shared';
import { Alert, Button, Fieldset, Group, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { AppSelect } from '../../components/AppSelect';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../api/auth';
import { ApiError } from '../../api/client';
import { CodeSelect } from '../../components/CodeSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrganizationSelect } from '../../components/OrganizationSelect';
import { apiFieldErrors, blankToNull, changedFields, type FieldErrors, zodFieldErrors } from '../../lib/form';

interface ResearcherValues {
  fullName: string;
  gender: 'M' | 'F' | null;
  birthYear: number | string;
  qualificationCode: string | null;
  academicTitleCode: string | null;
  fieldCode: string | null;
  organizationId: string | null;
  position: string;
  orcid: string;
  email: string;
  phone: string;
}

interface ResearcherPayload {
  fullName: string | null;
  gender: 'M' | 'F' | null;
  birthYear: number | null;
  qualificationCode: string | null;
  academicTitleCode: string | null;
  fieldCode: string | null;
  organizationId: string | null;
  position: string | null;
  orcid: string | null;
  email: string | null;
  phone: string | null;
}

function valuesOf(r: ResearcherFull | null): ResearcherValues {
  return {
    fullName: r?.fullName ?? '',
    gender: r?.gender ?? null,
    birthYear: r?.birthYear ?? '',
    qualificationCode: r?.qualificationCode ?? null,
    academicTitleCode: r?.academicTitleCode ?? null,
    fieldCode: r?.fieldCode ?? null,
    organizationId: r?.organization.id ?? null,
    position: r?.position ?? '',
    orcid: r?.orcid ?? '',
    email: r?.email ?? '',
    phone: r?.phone ?? '',
  };
}

function payloadOf(v: ResearcherValues): ResearcherPayload {
  return {
    fullName: blankToNull(v.fullName),
    gender: v.gender,
    birthYear: v.birthYear === '' ? null : Number(v.birthYear),
    qualificationCode: v.qualificationCode,
    academicTitleCode: v.academicTitleCode,
    fieldCode: v.fieldCode,
    organizationId: v.organizationId,
    position: blankToNull(v.position),
    orcid: blankToNull(v.orcid),
    email: blankToNull(v.email),
    phone: blankToNull(v.phone),
  };
}

/** Props of {@link ResearcherForm}. */
export interface ResearcherFormProps {
  initial: ResearcherFull | null;
  onSubmit: (body: ResearcherCreate | ResearcherUpdate) => Promise<void>;
  submitting: boolean;
  error: unknown;
  onReload?: () => void;
  onCancel?: () => void;
  /** Preselected organization for a new researcher (e.g. from the organization page). */
  defaultOrganization?: { value: string; label: string } | null;
}

/** The researcher form: identity, qualifications, field, employing organization and contacts. */
export function ResearcherForm({ initial, onSubmit, submitting, error, onReload, onCancel, defaultOrganization }: ResearcherFormProps) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const reporterOrg = user?.role === 'org_reporter' && user.organization ? { value: user.organization.id, label: user.organization.nameVi } : null;
  const initialOrg = initial
    ? { value: initial.organization.id, label: initial.organization.nameVi }
    : (defaultOrganization ?? reporterOrg);
  const [values, setValues] = useState<ResearcherValues>(() => ({
    ...valuesOf(initial),
    organizationId: initialOrg?.value ?? null,
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = <K extends keyof ResearcherValues>(key: K, value: ResearcherValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => {
      if (!(key in e)) return e;
      const next = { ...e };
      delete next[key];
      return next;
    });
  };
  const isConflict = error instanceof ApiError && error.code === 'VERSION_CONFLICT';

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const payload = payloadOf(values);
    let body: ResearcherCreate | ResearcherUpdate;
    if (initial) {
      const changes = changedFields(payloadOf(valuesOf(initial)), payload);
      if (Object.keys(changes).length === 0) {
        setErrors({});
        notifications.show({ message: t('common.noChanges') });
        onCancel?.();
        return;
      }
      const parsed = ResearcherUpdate.safeParse({ ...changes, version: initial.version });
      if (!parsed.success) {
        setErrors(zodFieldErrors(parsed.error));
        return;
      }
      body = parsed.data;
    } else {
      const parsed = ResearcherCreate.safeParse(payload);
      if (!parsed.success) {
        setErrors(zodFieldErrors(parsed.error));
        return;
      }
      body = parsed.data;
    }
    setErrors({});
    try {
      await onSubmit(body);
    } catch (err) {
      setErrors(apiFieldErrors(err));
    }
  };

  const hasErrors = Object.keys(errors).length > 0;
  const thisYear = new Date().getFullYear();

  return (
    <form onSubmit={(e) => void handleSubmit(e)} noValidate aria-label={initial ? t('researchers.editTitle') : t('researchers.createTitle')}>
      <Stack gap="md">
        {isConflict ? (
          <Alert role="alert" color="orange" title={t('organizations.conflictTitle')}>
            <Text size="sm">{error.message}</Text>
            {onReload ? (
              <Button mt="sm" size="xs" color="orange" onClick={onReload}>
                {t('common.reload')}
              </Button>
            ) : null}
          </Alert>
        ) : error ? (
          <ErrorAlert error={error} />
        ) : null}
        {hasErrors && !error ? (
          <Alert role="alert" color="red" variant="light">
            {t('validation.fixErrors')}
          </Alert>
        ) : null}

        <Fieldset legend={t('researchers.groups.identity')}>
          <Stack gap="sm">
            <TextInput
              label={t('researchers.fields.fullName')}
              value={values.fullName}
              onChange={(e) => set('fullName', e.currentTarget.value)}
              required
              error={errors.fullName}
              autoComplete="off"
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <AppSelect
                label={t('researchers.fields.gender')}
                data={[
                  { value: 'M', label: t('researchers.genders.M') },
                  { value: 'F', label: t('researchers.genders.F') },
                ]}
                value={values.gender}
                onChange={(v) => set('gender', v === 'M' || v === 'F' ? v : null)}
                required
                error={errors.gender}
              />
              <NumberInput
                label={t('researchers.fields.birthYear')}
                value={values.birthYear}
                onChange={(v) => set('birthYear', v)}
                min={1900}
                max={thisYear - 15}
                allowDecimal={false}
                thousandSeparator={false}
                error={errors.birthYear}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('researchers.groups.qualification')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <CodeSelect
                scheme="QUALIFICATION"
                label={t('researchers.fields.qualificationCode')}
                value={values.qualificationCode}
                onChange={(v) => set('qualificationCode', v)}
                error={errors.qualificationCode}
              />
              <CodeSelect
                scheme="ACADEMIC_TITLE"
                label={t('researchers.fields.academicTitleCode')}
                value={values.academicTitleCode}
                onChange={(v) => set('academicTitleCode', v)}
                error={errors.academicTitleCode}
              />
            </SimpleGrid>
            <CodeSelect
              scheme="FOS2025"
              label={t('researchers.fields.fieldCode')}
              value={values.fieldCode}
              onChange={(v) => set('fieldCode', v)}
              withCode
              error={errors.fieldCode}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('researchers.groups.work')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <OrganizationSelect
              label={t('researchers.fields.organizationId')}
              value={values.organizationId}
              onChange={(v) => set('organizationId', v)}
              initialOption={initialOrg}
              required
              error={errors.organizationId}
            />
            <TextInput label={t('researchers.fields.position')} value={values.position} onChange={(e) => set('position', e.currentTarget.value)} error={errors.position} />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('researchers.groups.contact')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('researchers.fields.orcid')}
              description={t('researchers.orcidHint')}
              value={values.orcid}
              onChange={(e) => set('orcid', e.currentTarget.value)}
              error={errors.orcid}
            />
            <TextInput type="email" label={t('researchers.fields.email')} value={values.email} onChange={(e) => set('email', e.currentTarget.value)} error={errors.email} />
            <TextInput type="tel" label={t('researchers.fields.phone')} value={values.phone} onChange={(e) => set('phone', e.currentTarget.value)} error={errors.phone} />
          </SimpleGrid>
        </Fieldset>

        <Group>
          <Button type="submit" loading={submitting}>
            {t('common.save')}
          </Button>
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
