import { Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { FieldErrors } from '../lib/form';
import { useValidatedForm } from '../lib/useValidatedForm';
import { FormModal } from './FormLayout';

/** The texts of one side of a review decision (accept/apply or return). */
export interface DecisionTexts {
  title: string;
  submitLabel: string;
  intro: string;
  commentLabel: string;
  /** Shown once the decision is saved. */
  done: string;
}

/** Props of {@link ReviewDecisionDialog}. */
export interface ReviewDecisionDialogProps<S extends z.ZodType> {
  opened: boolean;
  /** Returning needs a comment; the positive decision takes an optional note. */
  isReturn: boolean;
  texts: DecisionTexts;
  /** The request body's schema, checked before sending. */
  schema: S;
  /** The body for a comment. */
  body: (comment: string) => unknown;
  /** Sends the checked body (rejects with the API error). */
  send: (data: z.output<S>) => Promise<unknown>;
  /** The mutation's state. */
  state: { isPending: boolean; error: unknown; reset: () => void };
  onClose: () => void;
}

/**
 * The dialog of a focal point's decision on something submitted (an ongoing-task form, a change, an application
 * report): the positive decision with an optional note, or a return with a required comment.
 */
export function ReviewDecisionDialog<S extends z.ZodType>({ opened, isReturn, texts, schema, body, send, state, onClose }: ReviewDecisionDialogProps<S>) {
  const { t } = useTranslation();
  const form = useValidatedForm({ comment: '' }, { clearErrorOnChange: true });
  const close = () => {
    state.reset();
    form.setValues({ comment: '' });
    form.setErrors({});
    onClose();
  };
  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={texts.title}
      submitLabel={texts.submitLabel}
      submitColor={isReturn ? 'orange' : 'green'}
      submitting={state.isPending}
      error={state.error}
      onSubmit={async () => {
        const extra: FieldErrors = isReturn && !form.values.comment.trim() ? { comment: t('validation.required') } : {};
        const ok = await form.submit(schema, body(form.values.comment), async (data) => {
          await send(data);
        }, extra);
        if (ok) {
          notifications.show({ color: 'green', message: texts.done });
          close();
        }
      }}
    >
      <Text size="sm">{texts.intro}</Text>
      <Textarea
        label={texts.commentLabel}
        value={form.values.comment}
        onChange={(e) => form.set('comment', e.currentTarget.value)}
        error={form.errors.comment}
        required={isReturn}
        autosize
        minRows={3}
        data-autofocus
      />
    </FormModal>
  );
}
