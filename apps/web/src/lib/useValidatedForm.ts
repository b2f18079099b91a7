import { useCallback, useState, type Dispatch, type SetStateAction } from 'react';
import type { z } from 'zod';
import { apiFieldErrors, type FieldErrors, zodFieldErrors } from './form';

/** Options of {@link useValidatedForm}. */
export interface ValidatedFormOptions {
  /** Whether changing a field removes the message shown under it (until the next submit). */
  clearErrorOnChange?: boolean;
}

/** The state and submit step of a form, as returned by {@link useValidatedForm}. */
export interface ValidatedForm<V extends object> {
  values: V;
  setValues: Dispatch<SetStateAction<V>>;
  /** Changes one field. */
  set: <K extends keyof V>(key: K, value: V[K]) => void;
  /** Field name → message, shown under the inputs. */
  errors: FieldErrors;
  setErrors: Dispatch<SetStateAction<FieldErrors>>;
  hasErrors: boolean;
  /**
   * Validates `input` with `schema` and, when valid and `extraErrors` is empty, clears the messages and calls `send`
   * with the parsed data. Invalid input shows the translated zod messages (merged with `extraErrors`); an API
   * error thrown by `send` shows its field messages. Resolves true once `send` has succeeded.
   */
  submit: <S extends z.ZodType>(schema: S, input: unknown, send: (data: z.output<S>) => Promise<void>, extraErrors?: FieldErrors) => Promise<boolean>;
}

/** Holds a form's values and field messages and runs the validate → send → map API errors step of its submit. */
export function useValidatedForm<V extends object>(initial: V | (() => V), options: ValidatedFormOptions = {}): ValidatedForm<V> {
  const { clearErrorOnChange = false } = options;
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  const set = useCallback(
    <K extends keyof V>(key: K, value: V[K]) => {
      setValues((v) => ({ ...v, [key]: value }));
      if (!clearErrorOnChange) return;
      const name = String(key);
      setErrors((e) => {
        if (!(name in e)) return e;
        const next = { ...e };
        delete next[name];
        return next;
      });
    },
    [clearErrorOnChange],
  );

  const submit = useCallback(
    async <S extends z.ZodType>(schema: S, input: unknown, send: (data: z.output<S>) => Promise<void>, extraErrors: FieldErrors = {}) => {
      const parsed = schema.safeParse(input);
      if (!parsed.success || Object.keys(extraErrors).length > 0) {
        setErrors({ ...(parsed.success ? {} : zodFieldErrors(parsed.error)), ...extraErrors });
        return false;
      }
      setErrors({});
      try {
        await send(parsed.data);
        return true;
      } catch (error) {
        setErrors(apiFieldErrors(error));
        return false;
      }
    },
    [],
  );

  return { values, setValues, set, errors, setErrors, hasErrors: Object.keys(errors).length > 0, submit };
}
