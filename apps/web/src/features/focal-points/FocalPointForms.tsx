import {
  FocalPointCreate,
  FocalPointUpdate,
  FocalStaffCreate,
  FocalStaffUpdate,
  TrainingCreate,
  type FocalPoint,
  type FocalStaff,
} from '@stinet/shared';
import { NumberInput, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../api/auth';
import { FormModal } from '../../components/FormLayout';
import { OrganizationSelect } from '../../components/OrganizationSelect';
import { UnitSelect } from '../../components/UnitSelect';
import { blankToNull, changedFields } from '../../lib/form';
import { today } from '../../lib/format';
import { useValidatedForm } from '../../lib/useValidatedForm';
import { useCreateFocalPoint, useCreateFocalStaff, useCreateTraining, useUpdateFocalPoint, useUpdateFocalStaff } from './api';

interface FocalPointValues {
  orgUnitId: string | null;
  organizationId: string | null;
  nameVi: string;
  validFrom: string;
  validTo: string;
  decisionNo: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
}

function valuesOf(fp: FocalPoint | null): FocalPointValues {
  return {
    orgUnitId: fp?.orgUnit.id ?? null,
    organizationId: fp?.organization?.id ?? null,
    nameVi: fp?.nameVi ?? '',
    validFrom: fp?.validFrom ?? today(),
    validTo: fp?.validTo ?? '',
    decisionNo: fp?.decisionNo ?? '',
    contactName: fp?.contactName ?? '',
    contactEmail: fp?.contactEmail ?? '',
    contactPhone: fp?.contactPhone ?? '',
  };
}

function payloadOf(v: FocalPointValues) {
  return {
    organizationId: v.organizationId,
    nameVi: v.nameVi.trim(),
    validFrom: v.validFrom,
    validTo: blankToNull(v.validTo),
    decisionNo: blankToNull(v.decisionNo),
    contactName: blankToNull(v.contactName),
    contactEmail: blankToNull(v.contactEmail),
    contactPhone: blankToNull(v.contactPhone),
  };
}

/** Props of {@link FocalPointFormModal}. */
export interface FocalPointFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The designation to change; omit to create a new one. */
  focalPoint?: FocalPoint | null;
}

/** A dialog to designate a focal point (administrators) or change a designation. */
export function FocalPointFormModal({ opened, onClose, focalPoint = null }: FocalPointFormModalProps) {
  const { t } = useTranslation();
  const create = useCreateFocalPoint();
  const update = useUpdateFocalPoint(focalPoint?.id ?? '');
  const mutation = focalPoint ? update : create;
  const { values, set, errors, submit } = useValidatedForm<FocalPointValues>(() => valuesOf(focalPoint));

  const onSubmit = async () => {
    let saved: boolean;
    if (focalPoint) {
      const body = changedFields(payloadOf(valuesOf(focalPoint)), payloadOf(values));
      saved = await submit(FocalPointUpdate, body, async (data) => {
        if (Object.keys(body).length > 0) await update.mutateAsync(data);
      });
    } else {
      saved = await submit(FocalPointCreate, { orgUnitId: values.orgUnitId, ...payloadOf(values) }, async (data) => {
        await create.mutateAsync(data);
      });
    }
    if (!saved) return;
    notifications.show({ color: 'green', message: t('common.saved') });
    onClose();
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={focalPoint ? t('focalPoints.editTitle') : t('focalPoints.createTitle')}
      size="lg"
      onSubmit={onSubmit}
      error={mutation.error}
      submitting={mutation.isPending}
    >
      {focalPoint ? null : (
        <UnitSelect
          label={t('focalPoints.unit')}
          value={values.orgUnitId}
          onChange={(v) => set('orgUnitId', v)}
          asOf={values.validFrom || today()}
          required
          error={errors.orgUnitId}
        />
      )}
      <TextInput label={t('focalPoints.name')} value={values.nameVi} onChange={(e) => set('nameVi', e.currentTarget.value)} required error={errors.nameVi} />
      <OrganizationSelect
        label={t('focalPoints.organization')}
        description={t('focalPoints.organizationHint')}
        value={values.organizationId}
        onChange={(v) => set('organizationId', v)}
        initialOption={focalPoint?.organization ? { value: focalPoint.organization.id, label: focalPoint.organization.nameVi } : null}
        error={errors.organizationId}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput type="date" label={t('focalPoints.validFrom')} value={values.validFrom} onChange={(e) => set('validFrom', e.currentTarget.value)} required error={errors.validFrom} />
        <TextInput type="date" label={t('focalPoints.validTo')} value={values.validTo} onChange={(e) => set('validTo', e.currentTarget.value)} error={errors.validTo} />
        <TextInput label={t('focalPoints.decisionNo')} value={values.decisionNo} onChange={(e) => set('decisionNo', e.currentTarget.value)} error={errors.decisionNo} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('focalPoints.contactName')} value={values.contactName} onChange={(e) => set('contactName', e.currentTarget.value)} error={errors.contactName} />
        <TextInput type="email" label={t('focalPoints.contactEmail')} value={values.contactEmail} onChange={(e) => set('contactEmail', e.currentTarget.value)} error={errors.contactEmail} />
        <TextInput type="tel" label={t('focalPoints.contactPhone')} value={values.contactPhone} onChange={(e) => set('contactPhone', e.currentTarget.value)} error={errors.contactPhone} />
      </SimpleGrid>
    </FormModal>
  );
}

interface StaffValues {
  fullName: string;
  position: string;
  email: string;
  phone: string;
  isActive: boolean;
}

function staffValuesOf(staff: FocalStaff | null): StaffValues {
  return {
    fullName: staff?.fullName ?? '',
    position: staff?.position ?? '',
    email: staff?.email ?? '',
    phone: staff?.phone ?? '',
    isActive: staff?.isActive ?? true,
  };
}

function staffPayload(v: StaffValues) {
  return {
    fullName: v.fullName.trim(),
    position: blankToNull(v.position),
    email: blankToNull(v.email),
    phone: blankToNull(v.phone),
    isActive: v.isActive,
  };
}

/** A dialog to add a staff member to a focal point or change one. */
export function FocalStaffFormModal({
  opened,
  onClose,
  focalPointId,
  staff = null,
}: {
  opened: boolean;
  onClose: () => void;
  focalPointId: string;
  staff?: FocalStaff | null;
}) {
  const { t } = useTranslation();
  const create = useCreateFocalStaff(focalPointId);
  const update = useUpdateFocalStaff(focalPointId);
  const mutation = staff ? update : create;
  const { values, set, errors, submit } = useValidatedForm<StaffValues>(() => staffValuesOf(staff));

  const onSubmit = async () => {
    let saved: boolean;
    if (staff) {
      const body = changedFields(staffPayload(staffValuesOf(staff)), staffPayload(values));
      saved = await submit(FocalStaffUpdate, body, async (data) => {
        if (Object.keys(body).length > 0) await update.mutateAsync({ id: staff.id, body: data });
      });
    } else {
      saved = await submit(FocalStaffCreate, staffPayload(values), async (data) => {
        await create.mutateAsync(data);
      });
    }
    if (!saved) return;
    notifications.show({ color: 'green', message: t('common.saved') });
    onClose();
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={staff ? t('focalStaff.editTitle') : t('focalStaff.createTitle')}
      onSubmit={onSubmit}
      error={mutation.error}
      submitting={mutation.isPending}
    >
      <TextInput label={t('focalStaff.fullName')} value={values.fullName} onChange={(e) => set('fullName', e.currentTarget.value)} required error={errors.fullName} />
      <TextInput label={t('focalStaff.position')} value={values.position} onChange={(e) => set('position', e.currentTarget.value)} error={errors.position} />
      <TextInput type="email" label={t('focalStaff.email')} value={values.email} onChange={(e) => set('email', e.currentTarget.value)} error={errors.email} />
      <TextInput type="tel" label={t('focalStaff.phone')} value={values.phone} onChange={(e) => set('phone', e.currentTarget.value)} error={errors.phone} />
      <Switch label={t('focalStaff.isActive')} checked={values.isActive} onChange={(e) => set('isActive', e.currentTarget.checked)} />
    </FormModal>
  );
}

interface TrainingValues {
  courseTitle: string;
  provider: string;
  startDate: string;
  endDate: string;
  hours: number | string;
  certificateNo: string;
}

const EMPTY_TRAINING: TrainingValues = { courseTitle: '', provider: '', startDate: '', endDate: '', hours: '', certificateNo: '' };

/** A dialog to record a training course attended by a staff member. */
export function TrainingFormModal({
  opened,
  onClose,
  focalPointId,
  staff,
}: {
  opened: boolean;
  onClose: () => void;
  focalPointId: string;
  staff: FocalStaff;
}) {
  const { t } = useTranslation();
  const create = useCreateTraining(focalPointId);
  const { values, setValues, set, errors, submit } = useValidatedForm<TrainingValues>(EMPTY_TRAINING);

  const onSubmit = async () => {
    const input = {
      courseTitle: values.courseTitle.trim(),
      provider: blankToNull(values.provider),
      startDate: values.startDate,
      endDate: blankToNull(values.endDate),
      hours: values.hours === '' ? null : Number(values.hours),
      certificateNo: blankToNull(values.certificateNo),
    };
    await submit(TrainingCreate, input, async (data) => {
      await create.mutateAsync({ staffId: staff.id, body: data });
      notifications.show({ color: 'green', message: t('common.saved') });
      setValues(EMPTY_TRAINING);
      onClose();
    });
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('trainings.createTitle', { name: staff.fullName })}
      onSubmit={onSubmit}
      error={create.error}
      submitting={create.isPending}
    >
      <TextInput label={t('trainings.courseTitle')} value={values.courseTitle} onChange={(e) => set('courseTitle', e.currentTarget.value)} required error={errors.courseTitle} />
      <TextInput label={t('trainings.provider')} value={values.provider} onChange={(e) => set('provider', e.currentTarget.value)} error={errors.provider} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput type="date" label={t('trainings.startDate')} value={values.startDate} onChange={(e) => set('startDate', e.currentTarget.value)} required error={errors.startDate} />
        <TextInput type="date" label={t('trainings.endDate')} value={values.endDate} onChange={(e) => set('endDate', e.currentTarget.value)} error={errors.endDate} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput label={t('trainings.hours')} value={values.hours} onChange={(v) => set('hours', v)} min={0} max={10000} decimalScale={1} error={errors.hours} />
        <TextInput label={t('trainings.certificateNo')} value={values.certificateNo} onChange={(e) => set('certificateNo', e.currentTarget.value)} error={errors.certificateNo} />
      </SimpleGrid>
    </FormModal>
  );
}

/** Whether the signed-in user may change a focal point and its staff (administrators, or the unit's own focal officer). */
export function useCanManageFocalPoint(): (fp: Pick<FocalPoint, 'orgUnit'>) => boolean {
  const { user } = useAuth();
  return (fp) => {
    if (!user) return false;
    if (user.role === 'national_admin') return true;
    return user.role === 'focal_officer' && user.scopeUnit?.id === fp.orgUnit.id;
  };
}
