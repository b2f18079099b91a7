import type { OrgUnitKind } from '@stinet/shared';
import { MultiSelect } from '@mantine/core';
import { AppSelect } from './AppSelect';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllOrgUnits } from '../features/org-units/api';
import { today } from '../lib/format';
import { useUnitName } from './UnitName';

/** Props of {@link UnitSelect}. */
export interface UnitSelectProps {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  /** Date the units must be valid on (default today in Vietnam). */
  asOf?: string;
  /** Which kinds to offer (default all). */
  kinds?: OrgUnitKind[];
  error?: string | undefined;
  required?: boolean;
  clearable?: boolean;
  description?: string;
  disabled?: boolean;
  placeholder?: string;
}

const KIND_ORDER: OrgUnitKind[] = ['national', 'ministry', 'province'];

function useUnitOptions(asOf: string | undefined, kinds: OrgUnitKind[] | undefined) {
  const { t } = useTranslation();
  const unitName = useUnitName();
  const query = useAllOrgUnits(asOf ?? today());
  const data = useMemo(() => {
    const units = query.data ?? [];
    const wanted = kinds ?? KIND_ORDER;
    const groups = KIND_ORDER.filter((k) => wanted.includes(k))
      .map((kind) => ({
        group: t(`orgUnits.kindsPlural.${kind}`),
        items: units.filter((u) => u.kind === kind).map((u) => ({ value: u.id, label: unitName(u) })),
      }))
      .filter((g) => g.items.length > 0);
    return groups.length === 1 ? (groups[0]?.items ?? []) : groups;
  }, [query.data, kinds, t, unitName]);
  return { query, data };
}

/** A searchable select of the org units (national agency, ministries, provinces) valid on a date. */
export function UnitSelect({
  label,
  value,
  onChange,
  asOf,
  kinds,
  error,
  required,
  clearable = !required,
  description,
  disabled,
  placeholder,
}: UnitSelectProps) {
  const { t } = useTranslation();
  const { query, data } = useUnitOptions(asOf, kinds);
  return (
    <AppSelect
      label={label}
      description={description}
      data={data}
      value={value}
      onChange={(v) => onChange(v)}
      required={required}
      clearable={clearable}
      searchable
      disabled={disabled}
      error={error ?? (query.error ? query.error.message : undefined)}
      placeholder={query.isPending ? t('common.loading') : (placeholder ?? t('common.choose'))}
      nothingFoundMessage={query.isPending ? t('common.loading') : t('common.noMatches')}
      maxDropdownHeight={320}
    />
  );
}

/** Props of {@link UnitMultiSelect}. */
export interface UnitMultiSelectProps {
  label: string;
  value: string[];
  onChange: (value: string[]) => void;
  asOf?: string;
  kinds?: OrgUnitKind[];
  error?: string | undefined;
  description?: string;
}

/** A multi-select of org units valid on a date (e.g. predecessors of a new unit). */
export function UnitMultiSelect({ label, value, onChange, asOf, kinds, error, description }: UnitMultiSelectProps) {
  const { t } = useTranslation();
  const { query, data } = useUnitOptions(asOf, kinds);
  return (
    <MultiSelect
      label={label}
      description={description}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      error={error ?? (query.error ? query.error.message : undefined)}
      nothingFoundMessage={query.isPending ? t('common.loading') : t('common.noMatches')}
      maxDropdownHeight={320}
    />
  );
}
