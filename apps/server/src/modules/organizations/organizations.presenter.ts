import type { OrganizationFull, OrganizationPublic } from '@stinet/shared';
import type { OrgUnitRow } from '../org-units/org-units.repo.js';
import { presentUnitRef } from '../org-units/org-units.presenter.js';
import type { OrganizationRow } from './organizations.repo.js';

function unitOf(units: Map<string, OrgUnitRow>, id: string): OrgUnitRow {
  const u = units.get(id);
  if (!u) throw new Error(`org unit ${id} missing for presenter`);
  return u;
}

/** The public fields of an organization; nothing restricted is copied. */
export function presentOrganizationPublic(row: OrganizationRow, units: Map<string, OrgUnitRow>): OrganizationPublic {
  return {
    id: row.id,
    code: row.code,
    nameVi: row.nameVi,
    nameAbbr: row.nameAbbr,
    nameEn: row.nameEn,
    address: row.address,
    provinceUnit: presentUnitRef(unitOf(units, row.provinceUnitId)),
    managingUnit: presentUnitRef(unitOf(units, row.managingUnitId)),
    phone: row.phone,
    email: row.email,
    website: row.website,
    foundingDate: row.foundingDate,
    orgTypeCode: row.orgTypeCode,
    economicTypeCode: row.economicTypeCode,
    mainFieldCode: row.mainFieldCode,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The full record for staff with the organization in scope. */
export function presentOrganizationFull(row: OrganizationRow, units: Map<string, OrgUnitRow>, canEdit: boolean): OrganizationFull {
  return {
    ...presentOrganizationPublic(row, units),
    fax: row.fax,
    foundingDecisionNo: row.foundingDecisionNo,
    foundingAuthorityCode: row.foundingAuthorityCode,
    taxCode: row.taxCode,
    stRegCertNo: row.stRegCertNo,
    stRegCertDate: row.stRegCertDate,
    stRegCertIssuer: row.stRegCertIssuer,
    internalNote: row.internalNote,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    canEdit,
  };
}
