import type { OrgUnit, OrgUnitDetail, UnitRef } from '@stinet/shared';
import type { OrgUnitRow } from './org-units.repo.js';

/** The API shape of a unit. */
export function presentUnit(row: OrgUnitRow): OrgUnit {
  return {
    id: row.id,
    kind: row.kind,
    code: row.code,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    shortNameVi: row.shortNameVi,
    validFrom: row.validFrom,
    validTo: row.validTo,
    isCentralCity: row.isCentralCity,
    isExcludedFromNetwork: row.isExcludedFromNetwork,
  };
}

/** A short reference to a unit. */
export function presentUnitRef(row: OrgUnitRow): UnitRef {
  return { id: row.id, kind: row.kind, code: row.code, nameVi: row.nameVi, nameEn: row.nameEn };
}

/** A unit with its succession links. */
export function presentUnitDetail(
  row: OrgUnitRow,
  links: { predecessors: { unit: OrgUnitRow; effectiveDate: string; note: string | null }[]; successors: { unit: OrgUnitRow; effectiveDate: string; note: string | null }[] },
): OrgUnitDetail {
  const link = (l: { unit: OrgUnitRow; effectiveDate: string; note: string | null }) => ({ unit: presentUnitRef(l.unit), effectiveDate: l.effectiveDate, note: l.note });
  return { ...presentUnit(row), predecessors: links.predecessors.map(link), successors: links.successors.map(link) };
}
