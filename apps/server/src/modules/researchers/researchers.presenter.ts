import type { ResearcherFull, ResearcherPublic } from '@stinet/shared';
import type { OrganizationRow } from '../organizations/organizations.repo.js';
import type { ResearcherRow } from './researchers.repo.js';

/** Public fields only: no gender, birth year or contacts (personal data). */
export function presentResearcherPublic(row: ResearcherRow, org: Pick<OrganizationRow, 'id' | 'code' | 'nameVi'>): ResearcherPublic {
  return {
    id: row.id,
    code: row.code,
    fullName: row.fullName,
    qualificationCode: row.qualificationCode,
    academicTitleCode: row.academicTitleCode,
    fieldCode: row.fieldCode,
    organization: { id: org.id, code: org.code, nameVi: org.nameVi },
    position: row.position,
    orcid: row.orcid,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The full record for staff with the researcher's organization in scope. */
export function presentResearcherFull(row: ResearcherRow, org: Pick<OrganizationRow, 'id' | 'code' | 'nameVi'>, canEdit: boolean): ResearcherFull {
  return {
    ...presentResearcherPublic(row, org),
    gender: row.gender,
    birthYear: row.birthYear,
    email: row.email,
    phone: row.phone,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    canEdit,
  };
}
