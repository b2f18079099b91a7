import { Text } from '@mantine/core';
import { AppMultiSelect, AppSelect } from './AppSelect';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useScheme } from '../features/classifications/api';

/** Props shared by {@link CodeSelect} and {@link CodeMultiSelect}. */
interface CodeChoiceProps {
  scheme: string;
  label: string;
  error?: string | undefined;
  required?: boolean;
  clearable?: boolean;
  description?: string;
  /** Show options as "code – label" (hierarchical lists like FOS). */
  withCode?: boolean;
  /** Only offer codes at most this deep. */
  maxLevel?: number;
  disabled?: boolean;
  /** Text shown when nothing is chosen (e.g. "all" in list filters). */
  placeholder?: string;
}

/** Props of {@link CodeSelect}. */
export interface CodeSelectProps extends CodeChoiceProps {
  value: string | null;
  onChange: (value: string | null) => void;
}

/** The options of a scheme's select (labels in the current language, indented by level) and the shared select props. */
function useCodeOptions({ scheme, withCode = false, maxLevel, error, placeholder }: Pick<CodeChoiceProps, 'scheme' | 'withCode' | 'maxLevel' | 'error' | 'placeholder'>) {
  const { t, i18n } = useTranslation();
  const query = useScheme(scheme);
  const levels = useMemo(() => new Map((query.data?.codes ?? []).map((c) => [c.code, c.level])), [query.data]);
  const data = useMemo(
    () =>
      (query.data?.codes ?? [])
        .filter((c) => maxLevel === undefined || c.level <= maxLevel)
        .map((c) => {
          const text = i18n.language === 'en' ? c.labelEn || c.labelVi : c.labelVi;
          return { value: c.code, label: withCode ? `${c.code} – ${text}` : text };
        }),
    [query.data, i18n.language, withCode, maxLevel],
  );
  const minLevel = useMemo(() => Math.min(...[...levels.values()], 1), [levels]);
  return {
    data,
    error: error ?? (query.error ? query.error.message : undefined),
    searchable: true,
    nothingFoundMessage: query.isPending ? t('common.loading') : t('common.noMatches'),
    placeholder: query.isPending ? t('common.loading') : (placeholder ?? t('common.choose')),
    comboboxProps: { withinPortal: true },
    maxDropdownHeight: 320,
    renderOption: ({ option }: { option: { value: string; label: string } }) => (
      <Text size="sm" style={{ paddingLeft: withCode ? ((levels.get(option.value) ?? minLevel) - minLevel) * 12 : 0 }}>
        {option.label}
      </Text>
    ),
  };
}

/** A searchable select of the codes of one classification scheme, labelled in the current language. */
export function CodeSelect({ label, value, onChange, required, clearable = !required, description, disabled, ...choice }: CodeSelectProps) {
  const options = useCodeOptions(choice);
  return (
    <AppSelect
      {...options}
      label={label}
      description={description}
      value={value}
      onChange={(v) => onChange(v)}
      required={required}
      clearable={clearable}
      disabled={disabled}
    />
  );
}

/** Props of {@link CodeMultiSelect}. */
export interface CodeMultiSelectProps extends CodeChoiceProps {
  value: string[];
  onChange: (value: string[]) => void;
  /** The most codes one may choose. */
  maxValues?: number;
}

/** A searchable multi-select of the codes of one classification scheme (e.g. the fields of a task). */
export function CodeMultiSelect({ label, value, onChange, required, clearable = true, description, disabled, maxValues, ...choice }: CodeMultiSelectProps) {
  const options = useCodeOptions(choice);
  return (
    <AppMultiSelect
      {...options}
      placeholder={value.length > 0 ? undefined : options.placeholder}
      label={label}
      description={description}
      value={value}
      onChange={onChange}
      required={required}
      clearable={clearable}
      disabled={disabled}
      maxValues={maxValues}
      hidePickedOptions={false}
    />
  );
}
