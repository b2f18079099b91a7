import { z } from 'zod';
import { IsoDate, OrganizationRef, PageQuery, UnitRef, Uuid, listGrammarQuery, listGrammarSort, listResponseOf, optionalText, pageOf, text } from './common.js';
import { StoredFile } from './file.js';

/** States of a result-registration dossier (Circular 14/2014 Art 12, as amended by 11/2023). */
export const REGISTRATION_STATUSES = ['draft', 'submitted', 'returned', 'registered'] as const;
export const RegistrationStatus = z.enum(REGISTRATION_STATUSES);
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;

/** The documents of a dossier (TT14 Art 12): form Mẫu 5, final and summary reports, data, acceptance minutes, … */
export const REGISTRATION_FILE_ROLES = [
  'registration_form',
  'final_report',
  'summary_report',
  'data',
  'acceptance_minutes',
  'author_agreement',
  'ip_application',
  'technology_description',
  'other',
] as const;
export const RegistrationFileRole = z.enum(REGISTRATION_FILE_ROLES);
export type RegistrationFileRole = z.infer<typeof RegistrationFileRole>;

/** Documents every dossier needs; a technology description (Mẫu 8) is needed too when the products include a process. */
export const REQUIRED_REGISTRATION_ROLES: readonly RegistrationFileRole[] = ['registration_form', 'final_report', 'summary_report', 'acceptance_minutes'];

/** The roles still missing from a dossier before it can be submitted. */
export function missingRegistrationRoles(attached: readonly RegistrationFileRole[], hasTechnologyProcess: boolean): RegistrationFileRole[] {
  const required = hasTechnologyProcess ? [...REQUIRED_REGISTRATION_ROLES, 'technology_description' as const] : REQUIRED_REGISTRATION_ROLES;
  return required.filter((r) => !attached.includes(r));
}

/** Who may read the deposited full text once the result is registered. */
export const FULL_TEXT_TIERS = ['public_fulltext', 'focal_fulltext', 'restricted'] as const;

const registrationFields = {
  resultTitleVi: text(1000),
  resultTitleEn: optionalText(1000),
  abstractVi: text(20000),
  keywords: z.array(text(100)).max(20).default([]),
  hasTechnologyProcess: z.boolean().default(false),
  fullTextTier: z.enum(FULL_TEXT_TIERS).default('focal_fulltext'),
};

/** Body to open the registration dossier of an accepted task (form Mẫu 5). */
export const RegistrationCreate = z.strictObject(registrationFields);
export type RegistrationCreate = z.infer<typeof RegistrationCreate>;

/** Body to change a draft or returned dossier; the version read is required. */
export const RegistrationUpdate = z
  .strictObject({
    resultTitleVi: text(1000),
    resultTitleEn: optionalText(1000),
    abstractVi: text(20000),
    keywords: z.array(text(100)).max(20),
    hasTechnologyProcess: z.boolean(),
    fullTextTier: z.enum(FULL_TEXT_TIERS),
  })
  .partial()
  .extend({ version: z.number().int().min(1) });
export type RegistrationUpdate = z.infer<typeof RegistrationUpdate>;

/** Body to attach an uploaded file to a dossier in a role. */
export const RegistrationAttach = z.strictObject({ fileId: Uuid, role: RegistrationFileRole });
export type RegistrationAttach = z.infer<typeof RegistrationAttach>;

/** Params of a dossier file. */
export const RegistrationFileParams = z.strictObject({ id: Uuid, fileId: Uuid });

/** Body to submit a dossier. */
export const RegistrationSubmit = z.strictObject({ version: z.number().int().min(1) });

/** The registering officer's decision: register (issues the certificate) or return with comments. */
export const RegistrationReview = z.strictObject({
  decision: z.enum(['register', 'return']),
  comment: optionalText(5000),
  version: z.number().int().min(1),
  /** Who signs the certificate (default: the officer) and their title. */
  signerName: optionalText(150),
  signerTitle: optionalText(200),
});
export type RegistrationReview = z.infer<typeof RegistrationReview>;

/** A document of a dossier; detached documents stay listed (nothing is lost on return and resubmission). */
export const RegistrationFile = z.object({
  role: RegistrationFileRole,
  file: StoredFile,
  attachedAt: z.string(),
  detachedAt: z.string().nullable(),
});

/** A short view of an issued certificate. */
export const CertificateSummary = z.object({
  id: Uuid,
  number: z.string(),
  issuedOn: IsoDate,
  status: z.enum(['valid', 'revoked']),
  verificationCode: z.string(),
});

/** The full dossier for the lead organization and the focal points in scope. */
export const Registration = z.object({
  id: Uuid,
  task: z.object({ id: Uuid, code: z.string(), titleVi: z.string(), levelCode: z.string(), acceptedOn: IsoDate.nullable() }),
  authorityUnit: UnitRef,
  leadOrganization: OrganizationRef,
  status: RegistrationStatus,
  resultTitleVi: z.string(),
  resultTitleEn: z.string().nullable(),
  abstractVi: z.string(),
  keywords: z.array(z.string()),
  hasTechnologyProcess: z.boolean(),
  fullTextTier: z.enum(FULL_TEXT_TIERS),
  files: z.array(RegistrationFile),
  missingRoles: z.array(RegistrationFileRole),
  /** T1 + 30 working days. */
  deadline: IsoDate.nullable(),
  isLate: z.boolean(),
  reviewComment: z.string().nullable(),
  submittedAt: z.string().nullable(),
  registeredAt: z.string().nullable(),
  archiveNo: z.string().nullable(),
  certificate: CertificateSummary.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
  canReview: z.boolean(),
});
export type Registration = z.infer<typeof Registration>;

/** Work list of dossiers in the caller's scope. */
export const RegistrationWorkQuery = PageQuery.extend({ status: RegistrationStatus.optional(), q: z.string().trim().max(200).optional() });
export const RegistrationWorkItem = z.object({
  id: Uuid,
  task: z.object({ id: Uuid, code: z.string(), titleVi: z.string() }),
  leadOrganization: OrganizationRef,
  authorityUnit: UnitRef,
  status: RegistrationStatus,
  resultTitleVi: z.string(),
  deadline: IsoDate.nullable(),
  isLate: z.boolean(),
  updatedAt: z.string(),
});
export const RegistrationWorkPage = pageOf(RegistrationWorkItem);

/** A registered result as the public sees it (the list focal points publish after issuing certificates). */
export const ResultPublic = z.object({
  id: Uuid,
  resultTitleVi: z.string(),
  abstractVi: z.string(),
  keywords: z.array(z.string()),
  task: z.object({ id: Uuid, code: z.string(), titleVi: z.string(), levelCode: z.string(), fieldCodes2025: z.array(z.string()) }),
  leadOrganization: OrganizationRef,
  piName: z.string(),
  authorityUnit: UnitRef,
  registeredAt: z.string(),
  archiveNo: z.string(),
  certificateNumber: z.string(),
});
export type ResultPublic = z.infer<typeof ResultPublic>;

/** A deposited document anyone may download (the dossier's full-text access is public). */
export const PublicDocument = z.object({ fileId: Uuid, role: RegistrationFileRole, originalName: z.string(), size: z.number().int(), mime: z.string() });

/** The public record of a registered result, with the documents its full-text access makes public. */
export const ResultPublicDetail = ResultPublic.extend({ documents: z.array(PublicDocument) });
export type ResultPublicDetail = z.infer<typeof ResultPublicDetail>;

/** Roles whose files take the dossier's full-text access when the result is registered (the reports themselves). */
export const FULL_TEXT_ROLES: readonly RegistrationFileRole[] = ['final_report', 'summary_report'];
export const ResultListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  sort: listGrammarSort('registered, title', '-registered'),
  ...listGrammarQuery({
    filters:
      'level (management level code of the task), field (FOS2025 code of any of the task\'s fields; a prefix matches every code under it), registered_year (year of registration, Vietnam time), authority (id of the registering unit), lead_organization (id)',
    filterExample: 'filter=field:2|3,registered_year:>2024,level:!CS',
    sorts: 'registered, title',
    selects: 'resultTitleVi, abstractVi, keywords, task, leadOrganization, piName, authorityUnit, registeredAt, archiveNo, certificateNumber',
    groups: 'level, field (each code of a result counts), registered_year, authority, lead_organization',
  }),
});
export type ResultListQuery = z.infer<typeof ResultListQuery>;
export const ResultPage = pageOf(ResultPublic);
/** The answer of the public result list: a page, a page of selected fields, or counts per value. */
export const ResultListResponse = listResponseOf(ResultPublic);

/** A certified copy of a certificate. */
export const CertificateCopy = z.object({ copyNo: z.number().int(), issuedOn: IsoDate, purpose: z.string().nullable(), createdAt: z.string() });

/** A certificate for staff in scope and the lead organization. */
export const Certificate = z.object({
  id: Uuid,
  number: z.string(),
  issuedOn: IsoDate,
  registrationId: Uuid,
  authorityUnit: UnitRef,
  signerName: z.string(),
  signerTitle: z.string(),
  status: z.enum(['valid', 'revoked']),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  verificationCode: z.string(),
  verificationUrl: z.string(),
  copies: z.array(CertificateCopy),
  canManage: z.boolean(),
});
export type Certificate = z.infer<typeof Certificate>;

/** Body to issue a certified copy. */
export const CertificateCopyCreate = z.strictObject({ purpose: optionalText(500) });
/** Body to revoke a certificate (TT14 Art 16): the reason is required. */
export const CertificateRevoke = z.strictObject({ reason: text(2000) });
/** Params of a copy's PDF. */
export const CertificateCopyParams = z.strictObject({ id: Uuid, copyNo: z.coerce.number().int().min(1) });

/** What anyone can check with the code printed on a certificate. */
export const CertificateVerification = z.object({
  valid: z.boolean(),
  status: z.enum(['valid', 'revoked']),
  number: z.string(),
  issuedOn: IsoDate,
  authority: z.string(),
  taskCode: z.string(),
  taskTitleVi: z.string(),
  resultTitleVi: z.string(),
  leadOrganization: z.string(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
});
export type CertificateVerification = z.infer<typeof CertificateVerification>;
export const VerificationParams = z.strictObject({ code: z.string().regex(/^[A-Z2-7]{16}$/) });
