import { ORG_UNIT_KINDS, OrgUnitCreate, OrgUnitUpdate, type OrgUnitDetail, type OrgUnitKind } from '@stinet/shared';
import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { AppSelect } from '../../components/AppSelect';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitMultiSelect } from '../../components/UnitSelect';
import { apiFieldErrors, blankToNull, changedFields, type FieldErrors, zodFieldErrors } from '../../lib/form';
import { dayBefore, today } from '../../lib/format';
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
  const [values, setValues] = useState<CreateValues>({ ...EMPTY, validFrom: today() });
  const [errors, setErrors] = useState<FieldErrors>({});
  const update = <K extends keyof CreateValues>(key: K, value: CreateValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = OrgUnitCreate.safeParse({
      ...values,
      code: values.code.trim(),
      shortNameVi: blankToNull(values.shortNameVi),
      validTo: blankToNull(values.validTo),
    });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    try {
      const unit = await create.mutateAsync(parsed.data);
      notifications.show({ color: 'green', message: t('common.saved') });
      setValues({ ...EMPTY, validFrom: today() });
      onClose();
      navigate(`/staff/org-units/${unit.id}`);
    } catch (error) {
      setErrors(apiFieldErrors(error));
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('orgUnits.createTitle')} size="lg">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack gap="sm">
          {create.error ? <ErrorAlert error={create.error} /> : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <AppSelect
              label={t('orgUnits.kind')}
              data={ORG_UNIT_KINDS.map((k) => ({ value: k, label: t(`orgUnits.kinds.${k}`) }))}
              value={values.kind}
              onChange={(v) => update('kind', (v as OrgUnitKind | null) ?? 'province')}
              allowDeselect={false}
              required
              error={errors.kind}
            />
            <TextInput label={t('orgUnits.code')} value={values.code} onChange={(e) => update('code', e.currentTarget.value)} required error={errors.code} />
          </SimpleGrid>
          <TextInput label={t('orgUnits.nameVi')} value={values.nameVi} onChange={(e) => update('nameVi', e.currentTarget.value)} required error={errors.nameVi} />
          <TextInput label={t('orgUnits.nameEn')} value={values.nameEn} onChange={(e) => update('nameEn', e.currentTarget.value)} required error={errors.nameEn} />
          <TextInput label={t('orgUnits.shortNameVi')} value={values.shortNameVi} onChange={(e) => update('shortNameVi', e.currentTarget.value)} error={errors.shortNameVi} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="date" label={t('orgUnits.validFrom')} value={values.validFrom} onChange={(e) => update('validFrom', e.currentTarget.value)} required error={errors.validFrom} />
            <TextInput type="date" label={t('orgUnits.validTo')} value={values.validTo} onChange={(e) => update('validTo', e.currentTarget.value)} error={errors.validTo} />
          </SimpleGrid>
          <Group>
            <Checkbox label={t('orgUnits.centralCity')} checked={values.isCentralCity} onChange={(e) => update('isCentralCity', e.currentTarget.checked)} />
            <Checkbox label={t('orgUnits.excluded')} checked={values.isExcludedFromNetwork} onChange={(e) => update('isExcludedFromNetwork', e.currentTarget.checked)} />
          </Group>
          <UnitMultiSelect
            label={t('orgUnits.predecessors')}
            description={t('orgUnits.predecessorsHint')}
            value={values.predecessorIds}
            onChange={(v) => update('predecessorIds', v)}
            asOf={values.validFrom ? dayBefore(values.validFrom) : today()}
            kinds={[values.kind]}
            error={errors.predecessorIds}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
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
  const [values, setValues] = useState<EditValues>(() => editValuesOf(unit));
  const [errors, setErrors] = useState<FieldErrors>({});

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const next: EditValues = {
      nameVi: values.nameVi.trim(),
      nameEn: values.nameEn.trim(),
      shortNameVi: blankToNull(values.shortNameVi ?? ''),
      validTo: blankToNull(values.validTo ?? ''),
    };
    const body = changedFields(editValuesOf(unit), next);
    const parsed = OrgUnitUpdate.safeParse(body);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    if (Object.keys(body).length === 0) {
      onDone();
      return;
    }
    try {
      await mutation.mutateAsync(parsed.data);
      notifications.show({ color: 'green', message: t('common.saved') });
      onDone();
    } catch (error) {
      setErrors(apiFieldErrors(error));
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <Stack gap="sm">
        {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
        <TextInput label={t('orgUnits.nameVi')} value={values.nameVi} onChange={(e) => setValues({ ...values, nameVi: e.currentTarget.value })} required error={errors.nameVi} />
        <TextInput label={t('orgUnits.nameEn')} value={values.nameEn} onChange={(e) => setValues({ ...values, nameEn: e.currentTarget.value })} required error={errors.nameEn} />
        <TextInput label={t('orgUnits.shortNameVi')} value={values.shortNameVi ?? ''} onChange={(e) => setValues({ ...values, shortNameVi: e.currentTarget.value })} error={errors.shortNameVi} />
        <TextInput
          type="date"
          label={t('orgUnits.validTo')}
          description={t('orgUnits.validToHint')}
          value={values.validTo ?? ''}
          onChange={(e) => setValues({ ...values, validTo: e.currentTarget.value })}
          error={errors.validTo}
          w={240}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
