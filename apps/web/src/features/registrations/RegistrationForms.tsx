import { FULL_TEXT_TIERS, RegistrationCreate, RegistrationReview, RegistrationUpdate, type Registration } from '@stinet/shared';
import { Checkbox, NativeSelect, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormLayout';
import { blankToNull, changedFields, type FieldErrors } from '../../lib/form';
import { useValidatedForm } from '../../lib/useValidatedForm';
import { useCreateRegistration, useReviewRegistration, useUpdateRegistration } from './api';
import { parseKeywords } from './rules';

type FullTextTier = (typeof FULL_TEXT_TIERS)[number];

/** The editable values of the dossier form (Mẫu 5); keywords are typed as one text. */
interface DossierValues {
  resultTitleVi: string;
  resultTitleEn: string;
  abstractVi: string;
  keywords: string;
  hasTechnologyProcess: boolean;
  fullTextTier: FullTextTier;
}

function valuesOf(reg: Registration | null, defaultTitle: string): DossierValues {
  return {
    resultTitleVi: reg?.resultTitleVi ?? defaultTitle,
    resultTitleEn: reg?.resultTitleEn ?? '',
    abstractVi: reg?.abstractVi ?? '',
    keywords: (reg?.keywords ?? []).join('; '),
    hasTechnologyProcess: reg?.hasTechnologyProcess ?? false,
    fullTextTier: reg?.fullTextTier ?? 'focal_fulltext',
  };
}

function payloadOf(v: DossierValues) {
  return {
    resultTitleVi: v.resultTitleVi.trim(),
    resultTitleEn: blankToNull(v.resultTitleEn),
    abstractVi: v.abstractVi.trim(),
    keywords: parseKeywords(v.keywords),
    hasTechnologyProcess: v.hasTechnologyProcess,
    fullTextTier: v.fullTextTier,
  };
}

/** The first message about a field or one of its items (e.g. `keywords.2`). */
function errorAt(errors: FieldErrors, field: string): string | undefined {
  if (errors[field]) return errors[field];
  const key = Object.keys(errors).find((k) => k.startsWith(`${field}.`));
  return key ? errors[key] : undefined;
}

/** Props of {@link RegistrationFormDialog}. */
export interface RegistrationFormDialogProps {
  /** The task whose dossier is opened (create) or edited. */
  taskId: string;
  /** The title the result starts with when a dossier is opened (the task's title). */
  defaultTitle: string;
  /** The dossier to edit; null to open a new one. */
  registration: Registration | null;
  opened: boolean;
  onClose: () => void;
}

/**
 * The dossier form (Mẫu 5): result title in Vietnamese and English, abstract, keywords, whether the products include a
 * technology process (which makes the technology description required) and who may read the full text once
 * registered. Opens a new dossier, or sends only the changed fields with the version read.
 */
export function RegistrationFormDialog({ taskId, defaultTitle, registration, opened, onClose }: RegistrationFormDialogProps) {
  const { t } = useTranslation();
  const create = useCreateRegistration(taskId);
  const update = useUpdateRegistration(registration?.id ?? '');
  const mutation = registration ? update : create;
  const form = useValidatedForm<DossierValues>(() => valuesOf(registration, defaultTitle), { clearErrorOnChange: true });
  const { setValues, setErrors } = form;
  // each opening starts from the dossier as it is now (a refetch of the same version keeps what is being typed)
  const version = registration?.version;
  useEffect(() => {
    if (!opened) return;
    setValues(valuesOf(registration, defaultTitle));
    setErrors({});
  }, [opened, version, defaultTitle, setValues, setErrors]);
  const close = () => {
    create.reset();
    update.reset();
    form.setValues(valuesOf(registration, defaultTitle));
    form.setErrors({});
    onClose();
  };

  const onSubmit = async () => {
    const payload = payloadOf(form.values);
    if (!registration) {
      const ok = await form.submit(RegistrationCreate, payload, async (body) => {
        await create.mutateAsync(body);
      });
      if (ok) {
        notifications.show({ color: 'green', message: t('registrations.created') });
        onClose();
      }
      return;
    }
    const changes = changedFields(payloadOf(valuesOf(registration, defaultTitle)), payload);
    if (Object.keys(changes).length === 0) {
      notifications.show({ message: t('common.noChanges') });
      close();
      return;
    }
    const ok = await form.submit(RegistrationUpdate, { ...changes, version: registration.version }, async (body) => {
      await update.mutateAsync(body);
    });
    if (ok) {
      notifications.show({ color: 'green', message: t('common.saved') });
      onClose();
    }
  };

  return (
    <FormModal
      opened={opened}
      onClose={close}
      size="lg"
      title={registration ? t('registrations.editTitle') : t('registrations.createTitle')}
      submitLabel={registration ? t('common.save') : t('registrations.create')}
      submitting={mutation.isPending}
      error={mutation.error}
      onSubmit={onSubmit}
    >
      <TextInput
        label={t('registrations.fields.resultTitleVi')}
        value={form.values.resultTitleVi}
        onChange={(e) => form.set('resultTitleVi', e.currentTarget.value)}
        error={form.errors.resultTitleVi}
        required
        autoComplete="off"
        data-autofocus
      />
      <TextInput
        label={t('registrations.fields.resultTitleEn')}
        value={form.values.resultTitleEn}
        onChange={(e) => form.set('resultTitleEn', e.currentTarget.value)}
        error={form.errors.resultTitleEn}
        autoComplete="off"
      />
      <Textarea
        label={t('registrations.fields.abstractVi')}
        value={form.values.abstractVi}
        onChange={(e) => form.set('abstractVi', e.currentTarget.value)}
        error={form.errors.abstractVi}
        required
        autosize
        minRows={4}
        maxRows={14}
      />
      <TextInput
        label={t('registrations.fields.keywords')}
        description={t('registrations.keywordsHint')}
        value={form.values.keywords}
        onChange={(e) => form.set('keywords', e.currentTarget.value)}
        error={errorAt(form.errors, 'keywords')}
        autoComplete="off"
      />
      <NativeSelect
        label={t('registrations.fields.fullTextTier')}
        data={FULL_TEXT_TIERS.map((tier) => ({ value: tier, label: t(`registrations.tiers.${tier}`) }))}
        value={form.values.fullTextTier}
        onChange={(e) => {
          const v = e.currentTarget.value;
          const tier = FULL_TEXT_TIERS.find((x) => x === v);
          if (tier) form.set('fullTextTier', tier);
        }}
        error={form.errors.fullTextTier}
      />
      <Checkbox
        label={t('registrations.fields.hasTechnologyProcess')}
        checked={form.values.hasTechnologyProcess}
        onChange={(e) => form.set('hasTechnologyProcess', e.currentTarget.checked)}
      />
    </FormModal>
  );
}

/** A decision of the registering officer. */
export type RegistrationDecision = RegistrationReview['decision'];

/**
 * The registering officer's dialog: registering asks for the optional signer (name and title) of the certificate,
 * returning for a required comment.
 */
export function RegistrationReviewDialog({ registration, decision, onClose }: { registration: Registration; decision: RegistrationDecision | null; onClose: () => void }) {
  const { t } = useTranslation();
  const review = useReviewRegistration(registration.id);
  const empty = { comment: '', signerName: '', signerTitle: '' };
  const form = useValidatedForm(empty, { clearErrorOnChange: true });
  const close = () => {
    review.reset();
    form.setValues(empty);
    form.setErrors({});
    onClose();
  };
  const isReturn = decision === 'return';
  return (
    <FormModal
      opened={decision !== null}
      onClose={close}
      title={isReturn ? t('registrations.returnTitle') : t('registrations.registerTitle')}
      submitLabel={isReturn ? t('registrations.return') : t('registrations.register')}
      submitColor={isReturn ? 'orange' : 'green'}
      submitting={review.isPending}
      error={review.error}
      onSubmit={async () => {
        if (!decision) return;
        const extra: FieldErrors = isReturn && !form.values.comment.trim() ? { comment: t('validation.required') } : {};
        const body = isReturn
          ? { decision, comment: form.values.comment, version: registration.version }
          : { decision, version: registration.version, signerName: form.values.signerName, signerTitle: form.values.signerTitle };
        const ok = await form.submit(RegistrationReview, body, async (data) => {
          await review.mutateAsync(data);
        }, extra);
        if (ok) {
          notifications.show({ color: 'green', message: isReturn ? t('registrations.returned') : t('registrations.registered') });
          close();
        }
      }}
    >
      <Text size="sm">{isReturn ? t('registrations.returnIntro') : t('registrations.registerIntro')}</Text>
      {isReturn ? (
        <Textarea
          label={t('registrations.returnComment')}
          value={form.values.comment}
          onChange={(e) => form.set('comment', e.currentTarget.value)}
          error={form.errors.comment}
          required
          autosize
          minRows={3}
          data-autofocus
        />
      ) : (
        <>
          <TextInput
            label={t('registrations.signerName')}
            description={t('registrations.signerNameHint')}
            value={form.values.signerName}
            onChange={(e) => form.set('signerName', e.currentTarget.value)}
            error={form.errors.signerName}
            autoComplete="off"
            data-autofocus
          />
          <TextInput
            label={t('registrations.signerTitle')}
            value={form.values.signerTitle}
            onChange={(e) => form.set('signerTitle', e.currentTarget.value)}
            error={form.errors.signerTitle}
            autoComplete="off"
          />
        </>
      )}
    </FormModal>
  );
}
