import { ORG_UNIT_KINDS, OrgUnitCreate, OrgUnitUpdate, type OrgUnitDetail, type OrgUnitKind } from '@stinet/shared';
import { Checkbox, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { AppSelect } from '../../components/AppSelect';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions, FormModal } from '../../components/FormLayout';
import { UnitMultiSelect } from '../../components/UnitSelect';
import { blankToNull, changedFields } from '../../lib/form';
import { dayBefore, today } from '../../lib/format';
import { useValidatedForm } from '../../lib/useValidatedForm';
import { useCreateOrgUnit, useUpdateOrgUnit } from './api';

interface CreateValues {
  kind: OrgUnitKind;
  code: string;
  nameVi: string;
  nameEn: string;
  shortNameVi: string;
  validFrom: string;
  validTo: string;
  isCentralCity: boolean;
  isExcludedFromNetwork: boolean;
  predecessorIds: string[];
}

const EMPTY: CreateValues = {
  kind: 'province',
  code: '',
  nameVi: '',
  nameEn: '',
  shortNameVi: '',
  validFrom: '',
  validTo: '',
  isCentralCity: false,
  isExcludedFromNetwork: false,
  predecessorIds: [],
};

/** A dialog to create an org unit, with its predecessors (national administrators). */
export function OrgUnitCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateOrgUnit();
  const { values, setValues, set, errors, submit } = useValidatedForm<CreateValues>({ ...EMPTY, validFrom: today() });

  const onSubmit = async () => {
    const input = {
      ...values,
      code: values.code.trim(),
      shortNameVi: blankToNull(values.shortNameVi),
      validTo: blankToNull(values.validTo),
    };
    await submit(OrgUnitCreate, input, async (data) => {
      const unit = await create.mutateAsync(data);
      notifications.show({ color: 'green', message: t('common.saved') });
      setValues({ ...EMPTY, validFrom: today() });
      onClose();
      navigate(`/staff/org-units/${unit.id}`);
    });
  };

  return (
    <FormModal opened={opened} onClose={onClose} title={t('orgUnits.createTitle')} size="lg" onSubmit={onSubmit} error={create.error} submitting={create.isPending}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <AppSelect
          label={t('orgUnits.kind')}
          data={ORG_UNIT_KINDS.map((k) => ({ value: k, label: t(`orgUnits.kinds.${k}`) }))}
          value={values.kind}
          onChange={(v) => set('kind', (v as OrgUnitKind | null) ?? 'province')}
          allowDeselect={false}
          required
          error={errors.kind}
        />
        <TextInput label={t('orgUnits.code')} value={values.code} onChange={(e) => set('code', e.currentTarget.value)} required error={errors.code} />
      </SimpleGrid>
      <TextInput label={t('orgUnits.nameVi')} value={values.nameVi} onChange={(e) => set('nameVi', e.currentTarget.value)} required error={errors.nameVi} />
      <TextInput label={t('orgUnits.nameEn')} value={values.nameEn} onChange={(e) => set('nameEn', e.currentTarget.value)} required error={errors.nameEn} />
      <TextInput label={t('orgUnits.shortNameVi')} value={values.shortNameVi} onChange={(e) => set('shortNameVi', e.currentTarget.value)} error={errors.shortNameVi} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput type="date" label={t('orgUnits.validFrom')} value={values.validFrom} onChange={(e) => set('validFrom', e.currentTarget.value)} required error={errors.validFrom} />
        <TextInput type="date" label={t('orgUnits.validTo')} value={values.validTo} onChange={(e) => set('validTo', e.currentTarget.value)} error={errors.validTo} />
      </SimpleGrid>
      <Group>
        <Checkbox label={t('orgUnits.centralCity')} checked={values.isCentralCity} onChange={(e) => set('isCentralCity', e.currentTarget.checked)} />
        <Checkbox label={t('orgUnits.excluded')} checked={values.isExcludedFromNetwork} onChange={(e) => set('isExcludedFromNetwork', e.currentTarget.checked)} />
      </Group>
      <UnitMultiSelect
        label={t('orgUnits.predecessors')}
        description={t('orgUnits.predecessorsHint')}
        value={values.predecessorIds}
        onChange={(v) => set('predecessorIds', v)}
        asOf={values.validFrom ? dayBefore(values.validFrom) : today()}
        kinds={[values.kind]}
        error={errors.predecessorIds}
      />
    </FormModal>
  );
}

interface EditValues {
  nameVi: string;
  nameEn: string;
  shortNameVi: string | null;
  validTo: string | null;
}

function editValuesOf(unit: OrgUnitDetail): EditValues {
  return { nameVi: unit.nameVi, nameEn: unit.nameEn, shortNameVi: unit.shortNameVi, validTo: unit.validTo };
}

/** A form to change an org unit's names or end its validity (national administrators). */
export function OrgUnitEditForm({ unit, onDone }: { unit: OrgUnitDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const mutation = useUpdateOrgUnit(unit.id);
  const { values, set, errors, submit } = useValidatedForm<EditValues>(() => editValuesOf(unit));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const next: EditValues = {
      nameVi: values.nameVi.trim(),
      nameEn: values.nameEn.trim(),
      shortNameVi: blankToNull(values.shortNameVi ?? ''),
      validTo: blankToNull(values.validTo ?? ''),
    };
    const body = changedFields(editValuesOf(unit), next);
    const unchanged = Object.keys(body).length === 0;
    const saved = await submit(OrgUnitUpdate, body, async (data) => {
      if (unchanged) return;
      await mutation.mutateAsync(data);
      notifications.show({ color: 'green', message: t('common.saved') });
    });
    if (saved) onDone();
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <Stack gap="sm">
        {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
        <TextInput label={t('orgUnits.nameVi')} value={values.nameVi} onChange={(e) => set('nameVi', e.currentTarget.value)} required error={errors.nameVi} />
        <TextInput label={t('orgUnits.nameEn')} value={values.nameEn} onChange={(e) => set('nameEn', e.currentTarget.value)} required error={errors.nameEn} />
        <TextInput label={t('orgUnits.shortNameVi')} value={values.shortNameVi ?? ''} onChange={(e) => set('shortNameVi', e.currentTarget.value)} error={errors.shortNameVi} />
        <TextInput
          type="date"
          label={t('orgUnits.validTo')}
          description={t('orgUnits.validToHint')}
          value={values.validTo ?? ''}
          onChange={(e) => set('validTo', e.currentTarget.value)}
          error={errors.validTo}
          w={240}
        />
        <FormActions submitting={mutation.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
