import { Alert, Button, Group, Modal, Stack, Text, type ModalProps } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { ErrorAlert } from './ErrorAlert';

/** Props of {@link FormActions}. */
export interface FormActionsProps {
  /** Shows the save button as busy. */
  submitting: boolean;
  /** Shows a cancel button that calls this. */
  onCancel?: (() => void) | undefined;
  /** `dialog`: right-aligned, Cancel before Save (dialog footers); `inline` (default): Save first, then Cancel. */
  layout?: 'dialog' | 'inline';
  /** The text of the submit button (default "Save"). */
  submitLabel?: string | undefined;
  /** The color of the submit button (default the theme's). */
  submitColor?: string | undefined;
}

/** The Save (submit) and optional Cancel buttons of a form. */
export function FormActions({ submitting, onCancel, layout = 'inline', submitLabel, submitColor }: FormActionsProps) {
  const { t } = useTranslation();
  const save = (
    <Button type="submit" loading={submitting} color={submitColor}>
      {submitLabel ?? t('common.save')}
    </Button>
  );
  const cancel = onCancel ? (
    <Button variant="default" onClick={onCancel}>
      {t('common.cancel')}
    </Button>
  ) : null;
  return layout === 'dialog' ? (
    <Group justify="flex-end">
      {cancel}
      {save}
    </Group>
  ) : (
    <Group>
      {save}
      {cancel}
    </Group>
  );
}

function preventing(onSubmit: () => Promise<void>) {
  return (event: FormEvent) => {
    event.preventDefault();
    void onSubmit();
  };
}

/** Props of {@link FormModal}. */
export interface FormModalProps {
  opened: boolean;
  /** Closes the dialog (also the Cancel button). */
  onClose: () => void;
  title: string;
  size?: ModalProps['size'];
  /** Validates and sends the form (the browser's own validation and submit are turned off). */
  onSubmit: () => Promise<void>;
  /** The error of the last request, shown above the fields. */
  error: unknown;
  submitting: boolean;
  /** The text of the submit button (default "Save"). */
  submitLabel?: string;
  /** The color of the submit button (default the theme's). */
  submitColor?: string;
  /** The fields. */
  children: ReactNode;
}

/** A dialog holding one form: the request error, the fields, and Cancel and Save (or `submitLabel`) buttons. */
export function FormModal({ opened, onClose, title, size, onSubmit, error, submitting, submitLabel, submitColor, children }: FormModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} {...(size === undefined ? {} : { size })}>
      <form onSubmit={preventing(onSubmit)} noValidate>
        <Stack gap="sm">
          {error ? <ErrorAlert error={error} /> : null}
          {children}
          <FormActions layout="dialog" submitting={submitting} onCancel={onClose} submitLabel={submitLabel} submitColor={submitColor} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Props of {@link RecordFormFrame}. */
export interface RecordFormFrameProps {
  /** The accessible name of the form (e.g. its title). */
  label: string;
  onSubmit: () => Promise<void>;
  /** The error of the last request; a version conflict gets its own alert with a reload button. */
  error: unknown;
  /** Whether fields show messages (a summary alert is then shown when there is no request error). */
  hasErrors: boolean;
  /** Reloads the record after a version conflict. */
  onReload?: (() => void) | undefined;
  submitting: boolean;
  onCancel?: (() => void) | undefined;
  /** The fields. */
  children: ReactNode;
}

/**
 * The frame of a record form on a page: a named form with the request error (or the version-conflict alert with
 * a reload button, or a summary of field problems) above the fields and the Save and Cancel buttons below.
 */
export function RecordFormFrame({ label, onSubmit, error, hasErrors, onReload, submitting, onCancel, children }: RecordFormFrameProps) {
  const { t } = useTranslation();
  const isConflict = error instanceof ApiError && error.code === 'VERSION_CONFLICT';
  return (
    <form onSubmit={preventing(onSubmit)} noValidate aria-label={label}>
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
        {children}
        <FormActions submitting={submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
