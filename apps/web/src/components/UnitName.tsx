import type { UnitRef } from '@stinet/shared';
import { useTranslation } from 'react-i18next';

/** The name of an org unit in the current language. */
export function useUnitName(): (unit: Pick<UnitRef, 'nameVi' | 'nameEn'> | null | undefined) => string {
  const { i18n } = useTranslation();
  return (unit) => {
    if (!unit) return '';
    return i18n.language === 'en' ? unit.nameEn || unit.nameVi : unit.nameVi;
  };
}

/** Renders an org unit's name in the current language. */
export function UnitName({ unit }: { unit: Pick<UnitRef, 'nameVi' | 'nameEn'> | null | undefined }) {
  const name = useUnitName();
  return <>{unit ? name(unit) : '—'}</>;
}
