import { z } from 'zod';
import { isValidOrcid } from '../validators.js';
import { OrganizationRef, PageQuery, Uuid, listGrammarQuery, listGrammarSort, listResponseOf, optionalText, pageOf, text } from './common.js';

const code = z.string().trim().min(1).max(20);
const thisYear = new Date().getUTCFullYear();

const researcherFields = {
  fullName: text(150),
  gender: z.enum(['M', 'F']),
  birthYear: z.number().int().min(1900).max(thisYear - 15).nullish(),
  qualificationCode: code.nullish(),
  academicTitleCode: code.nullish(),
  fieldCode: code.nullish(),
  organizationId: Uuid,
  position: optionalText(200),
  orcid: z.string().trim().refine(isValidOrcid, 'Not a valid ORCID iD (0000-0000-0000-000X)').nullish(),
  email: z.email().max(200).nullish(),
  phone: optionalText(50),
};

/** Body to create a researcher. */
export const ResearcherCreate = z.strictObject(researcherFields);
export type ResearcherCreate = z.infer<typeof ResearcherCreate>;

/** Body to change a researcher, with the version read. */
export const ResearcherUpdate = ResearcherCreate.partial().extend({ version: z.number().int().min(1) });
export type ResearcherUpdate = z.infer<typeof ResearcherUpdate>;

/** What anyone may see of a researcher (personal data such as birth year, gender and contacts is not public). */
export const ResearcherPublic = z.object({
  id: Uuid,
  code: z.string(),
  fullName: z.string(),
  qualificationCode: z.string().nullable(),
  academicTitleCode: z.string().nullable(),
  fieldCode: z.string().nullable(),
  organization: OrganizationRef,
  position: z.string().nullable(),
  orcid: z.string().nullable(),
  updatedAt: z.string(),
});
export type ResearcherPublic = z.infer<typeof ResearcherPublic>;

/** The full researcher record, for staff with the employing organization in scope. */
export const ResearcherFull = ResearcherPublic.extend({
  gender: z.enum(['M', 'F']),
  birthYear: z.number().int().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  canEdit: z.boolean(),
});
export type ResearcherFull = z.infer<typeof ResearcherFull>;

/** List query for researchers. */
export const ResearcherListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  organizationId: Uuid.optional(),
  provinceUnitId: Uuid.optional(),
  fieldCode: code.optional(),
  qualificationCode: code.optional(),
  sort: listGrammarSort('name, updated, code', 'name'),
  ...listGrammarQuery({
    filters:
      'organization (id of the employing organization), qualification (code), academic_title (code), field (FOS2025 code; a prefix matches every code under it)',
    filterExample: 'filter=qualification:TS|TSKH,field:1,academic_title:!GS',
    sorts: 'name, updated, code',
    selects: 'code, fullName, qualificationCode, academicTitleCode, fieldCode, organization, position, orcid, updatedAt',
    groups: 'organization, qualification, academic_title, field',
  }),
});
export type ResearcherListQuery = z.infer<typeof ResearcherListQuery>;
/** The answer of the researcher list: a page, a page of selected fields, or counts per value. */
export const ResearcherListResponse = listResponseOf(ResearcherPublic);

export const ResearcherPage = pageOf(ResearcherPublic);
