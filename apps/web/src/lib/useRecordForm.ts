import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { changedFields } from './form';
import { useValidatedForm, type ValidatedForm } from './useValidatedForm';

/** Options of {@link useRecordForm}. */
export interface RecordFormOptions<R extends { version: number }, V extends object, P extends object, CS extends z.ZodType, US extends z.ZodType> {
  /** The record to edit; null to create a new one. */
  initial: R | null;
  /** The form values of a record (of an empty form for null). */
  valuesOf: (record: R | null) => V;
  /** Adjusts the starting values, e.g. defaults taken from the signed-in user. */
  prefill?: (values: V) => V;
  /** The request body fields of the form values (blank text as null). */
  payloadOf: (values: V) => P;
  /** Validates the body of a new record. */
  createSchema: CS;
  /** Validates the body of a change (changed fields and `version`). */
  updateSchema: US;
  /** Sends the body; rejects with the API error. */
  onSubmit: (body: z.output<CS> | z.output<US>) => Promise<void>;
  /** Leaves the form (also after a save with nothing changed). */
  onCancel?: (() => void) | undefined;
}

/**
 * The state and submit of a form that creates a record or changes one with a version check: a new record is
 * sent whole; a change sends only the fields that differ from the record with the version read, and a save
 * without changes says so and leaves the form. Changing a field removes its message.
 */
export function useRecordForm<R extends { version: number }, V extends object, P extends object, CS extends z.ZodType, US extends z.ZodType>({
  initial,
  valuesOf,
  prefill = (values) => values,
  payloadOf,
  createSchema,
  updateSchema,
  onSubmit,
  onCancel,
}: RecordFormOptions<R, V, P, CS, US>): ValidatedForm<V> & { handleSubmit: () => Promise<void> } {
  const { t } = useTranslation();
  const form = useValidatedForm<V>(() => prefill(valuesOf(initial)), { clearErrorOnChange: true });

  const handleSubmit = async () => {
    const payload = payloadOf(form.values);
    if (!initial) {
      await form.submit(createSchema, payload, onSubmit);
      return;
    }
    const changes = changedFields(payloadOf(valuesOf(initial)), payload);
    if (Object.keys(changes).length === 0) {
      form.setErrors({});
      notifications.show({ message: t('common.noChanges') });
      onCancel?.();
      return;
    }
    await form.submit(updateSchema, { ...changes, version: initial.version }, onSubmit);
  };

  return { ...form, handleSubmit };
}
