import { Text } from '@mantine/core';
import { AppSelect } from './AppSelect';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useScheme } from '../features/classifications/api';

/** Props of {@link CodeSelect}. */
export interface CodeSelectProps {
  scheme: string;
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
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

/** A searchable select of the codes of one classification scheme, labelled in the current language. */
export function CodeSelect({
  scheme,
  label,
  value,
  onChange,
  error,
  required,
  clearable = !required,
  description,
  withCode = false,
  maxLevel,
  disabled,
  placeholder,
}: CodeSelectProps) {
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

  return (
    <AppSelect
      label={label}
      description={description}
      data={data}
      value={value}
      onChange={(v) => onChange(v)}
      error={error ?? (query.error ? query.error.message : undefined)}
      required={required}
      clearable={clearable}
      searchable
      disabled={disabled}
      nothingFoundMessage={query.isPending ? t('common.loading') : t('common.noMatches')}
      placeholder={query.isPending ? t('common.loading') : (placeholder ?? t('common.choose'))}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={320}
      renderOption={({ option }) => (
        <Text size="sm" style={{ paddingLeft: withCode ? ((levels.get(option.value) ?? minLevel) - minLevel) * 12 : 0 }}>
          {option.label}
        </Text>
      )}
    />
  );
}
