import { OrganizationCreate, OrganizationUpdate, type OrganizationFull } from '@stinet/shared';
import { Fieldset, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../api/auth';
import { CodeSelect } from '../../components/CodeSelect';
import { RecordFormFrame } from '../../components/FormLayout';
import type { RecordFormProps } from '../../components/RecordStaffView';
import { UnitSelect } from '../../components/UnitSelect';
import { blankToNull } from '../../lib/form';
import { today } from '../../lib/format';
import { useRecordForm } from '../../lib/useRecordForm';

/** The editable values of form 01 (text inputs hold strings; selects hold a value or null). */
export interface OrganizationValues {
  nameVi: string;
  nameAbbr: string;
  nameEn: string;
  address: string;
  provinceUnitId: string | null;
  managingUnitId: string | null;
  phone: string;
  fax: string;
  email: string;
  website: string;
  foundingDecisionNo: string;
  foundingDate: string;
  foundingAuthorityCode: string | null;
  orgTypeCode: string | null;
  economicTypeCode: string | null;
  taxCode: string;
  stRegCertNo: string;
  stRegCertDate: string;
  stRegCertIssuer: string;
  mainFieldCode: string | null;
  internalNote: string;
}

type Payload = Record<keyof OrganizationValues, string | null>;

function valuesOf(org: OrganizationFull | null): OrganizationValues {
  return {
    nameVi: org?.nameVi ?? '',
    nameAbbr: org?.nameAbbr ?? '',
    nameEn: org?.nameEn ?? '',
    address: org?.address ?? '',
    provinceUnitId: org?.provinceUnit.id ?? null,
    managingUnitId: org?.managingUnit.id ?? null,
    phone: org?.phone ?? '',
    fax: org?.fax ?? '',
    email: org?.email ?? '',
    website: org?.website ?? '',
    foundingDecisionNo: org?.foundingDecisionNo ?? '',
    foundingDate: org?.foundingDate ?? '',
    foundingAuthorityCode: org?.foundingAuthorityCode ?? null,
    orgTypeCode: org?.orgTypeCode ?? null,
    economicTypeCode: org?.economicTypeCode ?? null,
    taxCode: org?.taxCode ?? '',
    stRegCertNo: org?.stRegCertNo ?? '',
    stRegCertDate: org?.stRegCertDate ?? '',
    stRegCertIssuer: org?.stRegCertIssuer ?? '',
    mainFieldCode: org?.mainFieldCode ?? null,
    internalNote: org?.internalNote ?? '',
  };
}

function payloadOf(values: OrganizationValues): Payload {
  const result = {} as Payload;
  for (const key of Object.keys(values) as (keyof OrganizationValues)[]) {
    const value = values[key];
    result[key] = value === null ? null : blankToNull(value);
  }
  return result;
}

/** Props of {@link OrganizationForm}. */
export type OrganizationFormProps = RecordFormProps<OrganizationFull, OrganizationCreate, OrganizationUpdate>;

/** The organization form (form 01): names, contact, founding, typology, registration, main field and internal note. */
export function OrganizationForm({ initial, onSubmit, submitting, error, onReload, onCancel }: OrganizationFormProps) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { values, set, errors, hasErrors, handleSubmit } = useRecordForm({
    initial,
    valuesOf,
    prefill: (v) => {
      if (!initial && user?.role === 'focal_officer' && user.scopeUnit) {
        if (user.scopeUnit.kind === 'province') v.provinceUnitId = user.scopeUnit.id;
        v.managingUnitId = user.scopeUnit.id;
      }
      return v;
    },
    payloadOf,
    createSchema: OrganizationCreate,
    updateSchema: OrganizationUpdate,
    onSubmit,
    onCancel,
  });

  const text = (key: Exclude<keyof OrganizationValues, 'provinceUnitId' | 'managingUnitId' | 'foundingAuthorityCode' | 'orgTypeCode' | 'economicTypeCode' | 'mainFieldCode'>, extra: { required?: boolean; type?: string; autoComplete?: string } = {}) => (
    <TextInput
      label={t(`organizations.fields.${key}`)}
      value={values[key]}
      onChange={(e) => set(key, e.currentTarget.value)}
      error={errors[key]}
      required={extra.required}
      type={extra.type}
      autoComplete={extra.autoComplete ?? 'off'}
    />
  );

  return (
    <RecordFormFrame
      label={initial ? t('organizations.editTitle') : t('organizations.createTitle')}
      onSubmit={handleSubmit}
      error={error}
      hasErrors={hasErrors}
      onReload={onReload}
      submitting={submitting}
      onCancel={onCancel}
    >
      <Fieldset legend={t('organizations.groups.names')}>
        <Stack gap="sm">
          {text('nameVi', { required: true })}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('nameAbbr')}
            {text('nameEn')}
          </SimpleGrid>
        </Stack>
      </Fieldset>

      <Fieldset legend={t('organizations.groups.contact')}>
        <Stack gap="sm">
          {text('address')}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <UnitSelect
              label={t('organizations.fields.provinceUnitId')}
              value={values.provinceUnitId}
              onChange={(v) => set('provinceUnitId', v)}
              kinds={['province']}
              asOf={today()}
              required
              error={errors.provinceUnitId}
            />
            <UnitSelect
              label={t('organizations.fields.managingUnitId')}
              value={values.managingUnitId}
              onChange={(v) => set('managingUnitId', v)}
              kinds={['province', 'ministry']}
              asOf={today()}
              required
              error={errors.managingUnitId}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('phone', { type: 'tel' })}
            {text('fax', { type: 'tel' })}
            {text('email', { type: 'email' })}
            {text('website', { type: 'url' })}
          </SimpleGrid>
        </Stack>
      </Fieldset>

      <Fieldset legend={t('organizations.groups.founding')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {text('foundingDecisionNo')}
          {text('foundingDate', { type: 'date' })}
          <CodeSelect
            scheme="FOUNDING_AUTHORITY"
            withCode
            label={t('organizations.fields.foundingAuthorityCode')}
            value={values.foundingAuthorityCode}
            onChange={(v) => set('foundingAuthorityCode', v)}
            error={errors.foundingAuthorityCode}
          />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('organizations.groups.typology')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <CodeSelect
            scheme="ORG_TYPE"
            withCode
            label={t('organizations.fields.orgTypeCode')}
            value={values.orgTypeCode}
            onChange={(v) => set('orgTypeCode', v)}
            required
            error={errors.orgTypeCode}
          />
          <CodeSelect
            scheme="ECONOMIC_TYPE"
            withCode
            label={t('organizations.fields.economicTypeCode')}
            value={values.economicTypeCode}
            onChange={(v) => set('economicTypeCode', v)}
            required
            error={errors.economicTypeCode}
          />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('organizations.groups.registration')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('taxCode')}
            {text('stRegCertNo')}
            {text('stRegCertDate', { type: 'date' })}
            {text('stRegCertIssuer')}
          </SimpleGrid>
        </Stack>
      </Fieldset>

      <Fieldset legend={t('organizations.groups.field')}>
        <CodeSelect
          scheme="FOS2025"
          label={t('organizations.fields.mainFieldCode')}
          value={values.mainFieldCode}
          onChange={(v) => set('mainFieldCode', v)}
          withCode
          required
          error={errors.mainFieldCode}
        />
      </Fieldset>

      <Fieldset legend={t('organizations.groups.internal')}>
        <Textarea
          label={t('organizations.fields.internalNote')}
          description={t('organizations.internalNoteHint')}
          value={values.internalNote}
          onChange={(e) => set('internalNote', e.currentTarget.value)}
          error={errors.internalNote}
          autosize
          minRows={2}
        />
      </Fieldset>
    </RecordFormFrame>
  );
}
