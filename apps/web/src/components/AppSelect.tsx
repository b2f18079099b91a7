import { Box, Input, MultiSelect, Select, type MultiSelectProps, type SelectProps } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/** Props of {@link AppSelect}: Mantine Select props with a required text label. */
export interface AppSelectProps extends Omit<SelectProps, 'label' | 'id'> {
  label: ReactNode;
  id?: string;
}

function useInputId(id: string | undefined, prefix: string): string {
  const generated = useId();
  return id ?? `${prefix}-${generated.replace(/:/g, '')}`;
}

/**
 * A Mantine Select whose `<label for>` is rendered outside the combobox, so only the input carries the
 * label's name (Mantine would also name the open listbox by the label, making "find by label" ambiguous).
 * Required fields get the CSS marker of styles.css instead of an asterisk inside the label text.
 */
export function AppSelect({ label, id, required, w, maw, miw, style, ...props }: AppSelectProps) {
  const inputId = useInputId(id, 'select');
  return (
    <Box w={w} maw={maw} miw={miw} style={style}>
      <Input.Label htmlFor={inputId} className={required ? 'app-label-required' : undefined}>
        {label}
      </Input.Label>
      <Select id={inputId} required={required} {...props} />
    </Box>
  );
}

/** Props of {@link AppMultiSelect}: Mantine MultiSelect props with a required text label. */
export interface AppMultiSelectProps extends Omit<MultiSelectProps, 'label' | 'id'> {
  label: ReactNode;
  id?: string;
}

/** The multi-choice counterpart of {@link AppSelect}: the label outside the combobox, the CSS required marker. */
export function AppMultiSelect({ label, id, required, w, maw, miw, style, ...props }: AppMultiSelectProps) {
  const inputId = useInputId(id, 'multiselect');
  return (
    <Box w={w} maw={maw} miw={miw} style={style}>
      <Input.Label htmlFor={inputId} className={required ? 'app-label-required' : undefined}>
        {label}
      </Input.Label>
      <MultiSelect id={inputId} required={required} {...props} />
    </Box>
  );
}
