import {  } from '@mantine/core';
import { AppSelect } from './AppSelect';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganizations } from '../features/organizations/api';

/** An option already known to the caller (e.g. the current organization of a record being edited). */
export interface KnownOption {
  value: string;
  label: string;
}

/** Props of {@link OrganizationSelect}. */
export interface OrganizationSelectProps {
  label: string;
  value: string | null;
  onChange: (value: string | null, label: string | null) => void;
  initialOption?: KnownOption | null | undefined;
  error?: string | undefined;
  required?: boolean;
  clearable?: boolean;
  description?: string;
  disabled?: boolean;
}

/** A select of organizations that searches the server (/api/organizations?q=) as the user types. */
export function OrganizationSelect({
  label,
  value,
  onChange,
  initialOption,
  error,
  required,
  clearable = !required,
  description,
  disabled,
}: OrganizationSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(initialOption?.label ?? '');
  const [selected, setSelected] = useState<KnownOption | null>(initialOption ?? null);
  const [debounced] = useDebouncedValue(search, 250);
  const term = selected && debounced === selected.label ? '' : debounced.trim();
  const query = useOrganizations({ q: term || undefined, pageSize: 20, sort: 'name' });

  const data = useMemo(() => {
    const options: KnownOption[] = (query.data?.items ?? []).map((o) => ({
      value: o.id,
      label: o.nameAbbr ? `${o.nameVi} (${o.nameAbbr})` : o.nameVi,
    }));
    if (selected && !options.some((o) => o.value === selected.value)) options.unshift(selected);
    return options;
  }, [query.data, selected]);

  return (
    <AppSelect
      label={label}
      description={description}
      data={data}
      value={value}
      onChange={(v, option) => {
        const next = v && option ? { value: v, label: option.label } : null;
        setSelected(next);
        onChange(v, next?.label ?? null);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      required={required}
      clearable={clearable}
      disabled={disabled}
      error={error ?? (query.error ? query.error.message : undefined)}
      placeholder={t('organizations.searchPlaceholder')}
      nothingFoundMessage={query.isFetching ? t('common.loading') : t('common.noMatches')}
      maxDropdownHeight={320}
    />
  );
}
