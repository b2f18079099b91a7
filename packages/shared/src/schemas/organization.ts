import { z } from 'zod';
import { TAX_CODE_PATTERN } from '../validators.js';
import { IsoDate, PageQuery, UnitRef, Uuid, listGrammarQuery, listGrammarSort, listResponseOf, optionalText, pageOf, text } from './common.js';

const code = z.string().trim().min(1).max(20);

/** Fields of form 01 a staff member may write (names, contacts, founding, registration, typology, field). */
const organizationFields = {
  nameVi: text(300),
  nameAbbr: optionalText(50),
  nameEn: optionalText(300),
  address: optionalText(500),
  provinceUnitId: Uuid,
  managingUnitId: Uuid,
  phone: optionalText(50),
  fax: optionalText(50),
  email: z.email().max(200).nullish(),
  website: z.url({ protocol: /^https?$/ }).max(300).nullish(),
  foundingDecisionNo: optionalText(100),
  foundingDate: IsoDate.nullish(),
  foundingAuthorityCode: code.nullish(),
  orgTypeCode: code,
  economicTypeCode: code,
  taxCode: z.string().trim().regex(TAX_CODE_PATTERN, 'Tax code: 10 digits, or 10 digits-3 digits').nullish(),
  stRegCertNo: optionalText(100),
  stRegCertDate: IsoDate.nullish(),
  stRegCertIssuer: optionalText(300),
  mainFieldCode: code,
  internalNote: optionalText(2000),
};

/** Body to create an S&T organization. Unknown fields are rejected. */
export const OrganizationCreate = z.strictObject(organizationFields);
export type OrganizationCreate = z.infer<typeof OrganizationCreate>;

/** Body to change an organization: any subset of fields plus the version read (optimistic concurrency). */
export const OrganizationUpdate = OrganizationCreate.partial().extend({ version: z.number().int().min(1) });
export type OrganizationUpdate = z.infer<typeof OrganizationUpdate>;

/** What anyone may see of an organization. */
export const OrganizationPublic = z.object({
  id: Uuid,
  code: z.string(),
  nameVi: z.string(),
  nameAbbr: z.string().nullable(),
  nameEn: z.string().nullable(),
  address: z.string().nullable(),
  provinceUnit: UnitRef,
  managingUnit: UnitRef,
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  foundingDate: IsoDate.nullable(),
  orgTypeCode: z.string(),
  economicTypeCode: z.string(),
  mainFieldCode: z.string(),
  updatedAt: z.string(),
});
export type OrganizationPublic = z.infer<typeof OrganizationPublic>;

/** The full organization record, for staff with the organization in scope. */
export const OrganizationFull = OrganizationPublic.extend({
  fax: z.string().nullable(),
  foundingDecisionNo: z.string().nullable(),
  foundingAuthorityCode: z.string().nullable(),
  taxCode: z.string().nullable(),
  stRegCertNo: z.string().nullable(),
  stRegCertDate: IsoDate.nullable(),
  stRegCertIssuer: z.string().nullable(),
  internalNote: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  canEdit: z.boolean(),
});
export type OrganizationFull = z.infer<typeof OrganizationFull>;

/** The organization sort keys. */
export const ORGANIZATION_SORTS = ['name', '-name', 'updated', '-updated', 'code'] as const;

/** List query for organizations. */
export const OrganizationListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  provinceUnitId: Uuid.optional(),
  managingUnitId: Uuid.optional(),
  orgTypeCode: code.optional(),
  mainFieldCode: code.optional(),
  sort: listGrammarSort('name, updated, code', 'name'),
  ...listGrammarQuery({
    filters:
      'province (unit id of the head office province), managing_unit (unit id), type (organization type code; a code matches itself and the codes under it, e.g. `type:1` is 1.1 and 1.2), economic_type (code), field (FOS2025 code of the main field; a prefix matches every code under it), founding_date',
    filterExample: 'filter=type:1|2,field:1,founding_date:>2000-01-01',
    sorts: 'name, updated, code',
    selects: 'code, nameVi, nameAbbr, nameEn, address, provinceUnit, managingUnit, phone, email, website, foundingDate, orgTypeCode, economicTypeCode, mainFieldCode, updatedAt',
    groups: 'province, managing_unit, type, economic_type, field',
  }),
});
export type OrganizationListQuery = z.infer<typeof OrganizationListQuery>;
/** The answer of the organization list: a page, a page of selected fields, or counts per value. */
export const OrganizationListResponse = listResponseOf(OrganizationPublic);

/** A page of organizations (public shape; staff receive the same shape, detail gives the full record). */
export const OrganizationPage = pageOf(OrganizationPublic);
