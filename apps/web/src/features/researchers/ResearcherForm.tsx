import { ResearcherCreate, ResearcherUpdate, type ResearcherFull } from '@stinet/shared';
import { Fieldset, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { AppSelect } from '../../components/AppSelect';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../api/auth';
import { CodeSelect } from '../../components/CodeSelect';
import { RecordFormFrame } from '../../components/FormLayout';
import { OrganizationSelect } from '../../components/OrganizationSelect';
import type { RecordFormProps } from '../../components/RecordStaffView';
import { blankToNull } from '../../lib/form';
import { useRecordForm } from '../../lib/useRecordForm';

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
export interface ResearcherFormProps extends RecordFormProps<ResearcherFull, ResearcherCreate, ResearcherUpdate> {
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
  const { values, set, errors, hasErrors, handleSubmit } = useRecordForm({
    initial,
    valuesOf,
    prefill: (v) => ({ ...v, organizationId: initialOrg?.value ?? null }),
    payloadOf,
    createSchema: ResearcherCreate,
    updateSchema: ResearcherUpdate,
    onSubmit,
    onCancel,
  });

  const thisYear = new Date().getFullYear();

  return (
    <RecordFormFrame
      label={initial ? t('researchers.editTitle') : t('researchers.createTitle')}
      onSubmit={handleSubmit}
      error={error}
      hasErrors={hasErrors}
      onReload={onReload}
      submitting={submitting}
      onCancel={onCancel}
    >
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
    </RecordFormFrame>
  );
}
