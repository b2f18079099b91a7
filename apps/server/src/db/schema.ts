import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** Key/value facts about this installation (schema seeded, demo scale, …). */
export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});

/** National agency, ministries and provinces, each valid for a date range (validTo inclusive, null = open). */
export const orgUnit = pgTable(
  'org_unit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['national', 'ministry', 'province'] }).notNull(),
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    shortNameVi: text('short_name_vi'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    isCentralCity: boolean('is_central_city').notNull().default(false),
    isExcludedFromNetwork: boolean('is_excluded_from_network').notNull().default(false),
    seedKey: text('seed_key'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('org_unit_kind_code_valid_from_uq').on(t.kind, t.code, t.validFrom),
    unique('org_unit_seed_key_uq').on(t.seedKey),
    check('org_unit_validity_ck', sql`${t.validTo} IS NULL OR ${t.validTo} >= ${t.validFrom}`),
    check('org_unit_kind_ck', sql`${t.kind} IN ('national','ministry','province')`),
    index('org_unit_validity_idx').on(t.kind, t.validFrom, t.validTo),
  ],
);

/** Old unit → new unit links (province merger 2025, ministry merger 2025, renamings). */
export const orgUnitSuccession = pgTable(
  'org_unit_succession',
  {
    predecessorId: uuid('predecessor_id').notNull(),
    successorId: uuid('successor_id').notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    note: text('note'),
  },
  (t) => [
    primaryKey({ name: 'org_unit_succession_pkey', columns: [t.predecessorId, t.successorId] }),
    foreignKey({ name: 'org_unit_succession_predecessor_id_fkey', columns: [t.predecessorId], foreignColumns: [orgUnit.id] }),
    foreignKey({ name: 'org_unit_succession_successor_id_fkey', columns: [t.successorId], foreignColumns: [orgUnit.id] }),
    check('org_unit_succession_not_self_ck', sql`${t.predecessorId} <> ${t.successorId}`),
    index('org_unit_succession_successor_idx').on(t.successorId),
  ],
);

/** A versioned code list (e.g. FOS2008, FOS2025, ORG_TYPE). */
export const classificationScheme = pgTable('classification_scheme', {
  code: text('code').primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  version: text('version').notNull(),
  legalBasis: text('legal_basis').notNull(),
  validFrom: date('valid_from', { mode: 'string' }),
  validTo: date('valid_to', { mode: 'string' }),
  note: text('note'),
});

/** One code of a code list, with its parent for hierarchical lists. */
export const classificationCode = pgTable(
  'classification_code',
  {
    schemeCode: text('scheme_code').notNull(),
    code: text('code').notNull(),
    labelVi: text('label_vi').notNull(),
    labelEn: text('label_en').notNull(),
    parentCode: text('parent_code'),
    level: integer('level').notNull(),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [
    primaryKey({ name: 'classification_code_pkey', columns: [t.schemeCode, t.code] }),
    foreignKey({ name: 'classification_code_scheme_code_fkey', columns: [t.schemeCode], foreignColumns: [classificationScheme.code] }),
    foreignKey({
      name: 'classification_code_parent_fkey',
      columns: [t.schemeCode, t.parentCode],
      foreignColumns: [t.schemeCode, t.code],
    }),
  ],
);

/** Correspondence between codes of two schemes (e.g. FOS2008 → FOS2025). */
export const classificationCrosswalk = pgTable(
  'classification_crosswalk',
  {
    fromScheme: text('from_scheme').notNull(),
    fromCode: text('from_code').notNull(),
    toScheme: text('to_scheme').notNull(),
    toCode: text('to_code').notNull(),
    relation: text('relation', { enum: ['exact', 'broader', 'narrower', 'related'] }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'classification_crosswalk_pkey', columns: [t.fromScheme, t.fromCode, t.toScheme, t.toCode] }),
    foreignKey({
      name: 'classification_crosswalk_from_fkey',
      columns: [t.fromScheme, t.fromCode],
      foreignColumns: [classificationCode.schemeCode, classificationCode.code],
    }),
    foreignKey({
      name: 'classification_crosswalk_to_fkey',
      columns: [t.toScheme, t.toCode],
      foreignColumns: [classificationCode.schemeCode, classificationCode.code],
    }),
  ],
);

/** Numbers for organization codes (ORG0000001…). */
export const organizationCodeSeq = pgSequence('organization_code_seq', { startWith: 1 });

/** Numbers for researcher codes (NCV0000001…). */
export const researcherCodeSeq = pgSequence('researcher_code_seq', { startWith: 1 });

/** An S&T organization (form 01 fields). */
export const organization = pgTable(
  'organization',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameAbbr: text('name_abbr'),
    nameEn: text('name_en'),
    address: text('address'),
    provinceUnitId: uuid('province_unit_id').notNull(),
    managingUnitId: uuid('managing_unit_id').notNull(),
    phone: text('phone'),
    fax: text('fax'),
    email: text('email'),
    website: text('website'),
    foundingDecisionNo: text('founding_decision_no'),
    foundingDate: date('founding_date', { mode: 'string' }),
    foundingAuthorityCode: text('founding_authority_code'),
    orgTypeCode: text('org_type_code').notNull(),
    economicTypeCode: text('economic_type_code').notNull(),
    taxCode: text('tax_code'),
    stRegCertNo: text('st_reg_cert_no'),
    stRegCertDate: date('st_reg_cert_date', { mode: 'string' }),
    stRegCertIssuer: text('st_reg_cert_issuer'),
    mainFieldCode: text('main_field_code').notNull(),
    internalNote: text('internal_note'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('organization_code_uq').on(t.code),
    unique('organization_tax_code_uq').on(t.taxCode),
    foreignKey({ name: 'organization_province_unit_id_fkey', columns: [t.provinceUnitId], foreignColumns: [orgUnit.id] }),
    foreignKey({ name: 'organization_managing_unit_id_fkey', columns: [t.managingUnitId], foreignColumns: [orgUnit.id] }),
    index('organization_managing_unit_idx').on(t.managingUnitId),
    index('organization_province_unit_idx').on(t.provinceUnitId),
    index('organization_updated_idx').on(t.updatedAt, t.id),
    index('organization_name_search_idx').using('gin', sql`lower(immutable_unaccent(${t.nameVi})) gin_trgm_ops`),
  ],
);

/** A researcher (cán bộ nghiên cứu). Gender, birth year and contacts are personal data: staff only. */
export const researcher = pgTable(
  'researcher',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    fullName: text('full_name').notNull(),
    gender: text('gender', { enum: ['M', 'F'] }).notNull(),
    birthYear: integer('birth_year'),
    qualificationCode: text('qualification_code'),
    academicTitleCode: text('academic_title_code'),
    fieldCode: text('field_code'),
    organizationId: uuid('organization_id').notNull(),
    position: text('position'),
    orcid: text('orcid'),
    email: text('email'),
    phone: text('phone'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('researcher_code_uq').on(t.code),
    unique('researcher_orcid_uq').on(t.orcid),
    foreignKey({ name: 'researcher_organization_id_fkey', columns: [t.organizationId], foreignColumns: [organization.id] }),
    check('researcher_gender_ck', sql`${t.gender} IN ('M','F')`),
    index('researcher_organization_idx').on(t.organizationId),
    index('researcher_updated_idx').on(t.updatedAt, t.id),
    index('researcher_name_search_idx').using('gin', sql`lower(immutable_unaccent(${t.fullName})) gin_trgm_ops`),
  ],
);

/** A designation of the S&T information focal point of an org unit, for a period. */
export const focalPoint = pgTable(
  'focal_point',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgUnitId: uuid('org_unit_id').notNull(),
    organizationId: uuid('organization_id'),
    nameVi: text('name_vi').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    decisionNo: text('decision_no'),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({ name: 'focal_point_org_unit_id_fkey', columns: [t.orgUnitId], foreignColumns: [orgUnit.id] }),
    foreignKey({ name: 'focal_point_organization_id_fkey', columns: [t.organizationId], foreignColumns: [organization.id] }),
    check('focal_point_validity_ck', sql`${t.validTo} IS NULL OR ${t.validTo} >= ${t.validFrom}`),
    index('focal_point_org_unit_idx').on(t.orgUnitId),
  ],
);

/** A staff member of a focal point. */
export const focalStaff = pgTable(
  'focal_staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    focalPointId: uuid('focal_point_id').notNull(),
    fullName: text('full_name').notNull(),
    position: text('position'),
    email: text('email'),
    phone: text('phone'),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({ name: 'focal_staff_focal_point_id_fkey', columns: [t.focalPointId], foreignColumns: [focalPoint.id] }),
    index('focal_staff_focal_point_idx').on(t.focalPointId),
  ],
);

/** A training record of a focal-point staff member. */
export const staffTraining = pgTable(
  'staff_training',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffId: uuid('staff_id').notNull(),
    courseTitle: text('course_title').notNull(),
    provider: text('provider'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    hours: numeric('hours', { mode: 'number' }),
    certificateNo: text('certificate_no'),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ name: 'staff_training_staff_id_fkey', columns: [t.staffId], foreignColumns: [focalStaff.id] }),
    check('staff_training_dates_ck', sql`${t.endDate} IS NULL OR ${t.endDate} >= ${t.startDate}`),
    index('staff_training_staff_idx').on(t.staffId),
  ],
);

/** A staff account. */
export const appUser = pgTable(
  'app_user',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ['national_admin', 'focal_officer', 'org_reporter', 'reviewer'] }).notNull(),
    scopeUnitId: uuid('scope_unit_id'),
    organizationId: uuid('organization_id'),
    isActive: boolean('is_active').notNull().default(true),
    locale: text('locale', { enum: ['vi', 'en'] }).notNull().default('vi'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('app_user_username_uq').on(t.username),
    foreignKey({ name: 'app_user_scope_unit_id_fkey', columns: [t.scopeUnitId], foreignColumns: [orgUnit.id] }),
    foreignKey({ name: 'app_user_organization_id_fkey', columns: [t.organizationId], foreignColumns: [organization.id] }),
    check(
      'app_user_scope_ck',
      sql`(${t.role} <> 'focal_officer' OR ${t.scopeUnitId} IS NOT NULL) AND (${t.role} <> 'org_reporter' OR ${t.organizationId} IS NOT NULL)`,
    ),
  ],
);

/** A login session; the cookie carries a random token whose SHA-256 is stored here. */
export const userSession = pgTable(
  'user_session',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    foreignKey({ name: 'user_session_user_id_fkey', columns: [t.userId], foreignColumns: [appUser.id] }).onDelete('cascade'),
    index('user_session_user_idx').on(t.userId),
  ],
);

/** An API token for machine clients; only its SHA-256 is stored. */
export const apiToken = pgTable(
  'api_token',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    unique('api_token_token_hash_uq').on(t.tokenHash),
    foreignKey({ name: 'api_token_user_id_fkey', columns: [t.userId], foreignColumns: [appUser.id] }).onDelete('cascade'),
  ],
);

/** Append-only record of every change (a trigger refuses UPDATE and DELETE). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorUsername: text('actor_username'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    changedFields: text('changed_fields').array().notNull().default(sql`'{}'::text[]`),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
    requestId: text('request_id'),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId, t.id),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorId),
  ],
);

/**
 * An S&T task (nhiệm vụ KH&CN) as registered with its focal point: the ongoing-task form (Mẫu 1) and its review.
 * State-secret tasks are refused before anything is stored.
 */
export const task = pgTable(
  'task',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    titleVi: text('title_vi').notNull(),
    titleEn: text('title_en'),
    levelCode: text('level_code').notNull(),
    formCode: text('form_code').notNull(),
    programme: text('programme'),
    fundingType: text('funding_type', { enum: ['NSNN', 'NON_NSNN', 'FUND'] }).notNull(),
    approvalDecisionNo: text('approval_decision_no'),
    approvalDecisionDate: date('approval_decision_date', { mode: 'string' }),
    contractNo: text('contract_no'),
    contractDate: date('contract_date', { mode: 'string' }),
    managingUnitId: uuid('managing_unit_id').notNull(),
    leadOrganizationId: uuid('lead_organization_id').notNull(),
    piName: text('pi_name').notNull(),
    piResearcherId: uuid('pi_researcher_id'),
    fieldCodes2025: text('field_codes_2025').array().notNull(),
    fieldCodes2008: text('field_codes_2008').array().notNull().default(sql`'{}'::text[]`),
    seoCode: text('seo_code'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    budgetTotal: numeric('budget_total', { mode: 'number' }),
    budgetStateCentral: numeric('budget_state_central', { mode: 'number' }),
    budgetStateLocal: numeric('budget_state_local', { mode: 'number' }),
    budgetOther: numeric('budget_other', { mode: 'number' }),
    objectives: text('objectives').notNull(),
    content: text('content').notNull(),
    methods: text('methods'),
    expectedProducts: text('expected_products').notNull(),
    applicationPlan: text('application_plan'),
    status: text('status', { enum: ['draft', 'submitted', 'returned', 'published'] }).notNull().default('draft'),
    reviewComment: text('review_comment'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** When the ongoing-task form was first sent: the legal deadline is judged on it, not on resubmissions. */
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Official (final-level) acceptance of the task, T1: starts the 30-working-day registration window and the 5 yearly application reports. */
    acceptedOn: date('accepted_on', { mode: 'string' }),
    acceptanceDecisionNo: text('acceptance_decision_no'),
    acceptanceRating: text('acceptance_rating', { enum: ['excellent', 'pass', 'fail'] }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('task_code_uq').on(t.code),
    check('task_acceptance_rating_ck', sql`${t.acceptanceRating} IS NULL OR ${t.acceptanceRating} IN ('excellent','pass','fail')`),
    foreignKey({ name: 'task_managing_unit_id_fkey', columns: [t.managingUnitId], foreignColumns: [orgUnit.id] }),
    foreignKey({ name: 'task_lead_organization_id_fkey', columns: [t.leadOrganizationId], foreignColumns: [organization.id] }),
    foreignKey({ name: 'task_pi_researcher_id_fkey', columns: [t.piResearcherId], foreignColumns: [researcher.id] }),
    check('task_dates_ck', sql`${t.endDate} >= ${t.startDate}`),
    check('task_status_ck', sql`${t.status} IN ('draft','submitted','returned','published')`),
    index('task_managing_unit_idx').on(t.managingUnitId, t.status),
    index('task_lead_organization_idx').on(t.leadOrganizationId),
    index('task_updated_idx').on(t.updatedAt, t.id),
    index('task_title_search_idx').using('gin', sql`lower(immutable_unaccent(${t.titleVi})) gin_trgm_ops`),
  ],
);

/** Members of a task's research team (the principal investigator is on the task itself). */
export const taskMember = pgTable(
  'task_member',
  {
    taskId: uuid('task_id').notNull(),
    position: integer('position').notNull(),
    fullName: text('full_name').notNull(),
    researcherId: uuid('researcher_id'),
    role: text('role', { enum: ['member', 'secretary'] }).notNull().default('member'),
  },
  (t) => [
    primaryKey({ name: 'task_member_pkey', columns: [t.taskId, t.position] }),
    foreignKey({ name: 'task_member_task_id_fkey', columns: [t.taskId], foreignColumns: [task.id] }).onDelete('cascade'),
    foreignKey({ name: 'task_member_researcher_id_fkey', columns: [t.researcherId], foreignColumns: [researcher.id] }),
  ],
);

/** A year's holiday schedule set by administrators from the government's notice; overrides the built-in data. */
export const holidayYear = pgTable(
  'holiday_year',
  {
    year: integer('year').primaryKey(),
    holidays: jsonb('holidays').notNull(),
    extraWorkingDays: jsonb('extra_working_days').notNull(),
    source: text('source').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [check('holiday_year_range_ck', sql`${t.year} BETWEEN 1900 AND 2100`)],
);

/** A stored file (content-addressed in the file storage) with its sniffed type and access tier. */
export const storedFile = pgTable(
  'stored_file',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storageKey: text('storage_key').notNull(),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mime: text('mime').notNull(),
    kind: text('kind').notNull(),
    originalName: text('original_name').notNull(),
    accessTier: text('access_tier', { enum: ['public_metadata', 'public_fulltext', 'focal_fulltext', 'restricted'] }).notNull(),
    organizationId: uuid('organization_id').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ name: 'stored_file_organization_id_fkey', columns: [t.organizationId], foreignColumns: [organization.id] }),
    foreignKey({ name: 'stored_file_uploaded_by_fkey', columns: [t.uploadedBy], foreignColumns: [appUser.id] }),
    check('stored_file_access_tier_ck', sql`${t.accessTier} IN ('public_metadata','public_fulltext','focal_fulltext','restricted')`),
    index('stored_file_sha256_idx').on(t.sha256),
    index('stored_file_organization_idx').on(t.organizationId),
  ],
);

/** A published edition of a task's record: revision 1 at publication, then one per applied change (Mẫu 3). */
export const taskRevision = pgTable(
  'task_revision',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id').notNull(),
    revision: integer('revision').notNull(),
    /** The task's fields (and member names) as of this revision. */
    snapshot: jsonb('snapshot').notNull(),
    changeId: uuid('change_id'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('task_revision_task_revision_uq').on(t.taskId, t.revision),
    foreignKey({ name: 'task_revision_task_id_fkey', columns: [t.taskId], foreignColumns: [task.id] }).onDelete('cascade'),
    foreignKey({ name: 'task_revision_created_by_fkey', columns: [t.createdBy], foreignColumns: [appUser.id] }),
  ],
);

/** An approved change to a running task (phiếu cập nhật, Mẫu 3): sent to the focal point, applied or returned. */
export const taskChange = pgTable(
  'task_change',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id').notNull(),
    status: text('status', { enum: ['submitted', 'applied', 'returned'] }).notNull(),
    /** The changed fields with their new values (a partial task record). */
    changes: jsonb('changes').notNull(),
    reason: text('reason').notNull(),
    decisionNo: text('decision_no').notNull(),
    decisionDate: date('decision_date', { mode: 'string' }).notNull(),
    /** The task version the change was written against. */
    baseVersion: integer('base_version').notNull(),
    /** The revision the change produced once applied. */
    revision: integer('revision'),
    reviewComment: text('review_comment'),
    submittedBy: uuid('submitted_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  },
  (t) => [
    foreignKey({ name: 'task_change_task_id_fkey', columns: [t.taskId], foreignColumns: [task.id] }).onDelete('cascade'),
    foreignKey({ name: 'task_change_submitted_by_fkey', columns: [t.submittedBy], foreignColumns: [appUser.id] }),
    foreignKey({ name: 'task_change_reviewed_by_fkey', columns: [t.reviewedBy], foreignColumns: [appUser.id] }),
    check('task_change_status_ck', sql`${t.status} IN ('submitted','applied','returned')`),
    index('task_change_task_idx').on(t.taskId, t.submittedAt),
  ],
);

/** The result-registration dossier of a task (Mẫu 5 and its documents), checked and registered by the competent focal point. */
export const resultRegistration = pgTable(
  'result_registration',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id').notNull(),
    /** Where the result registers: the national agency for national tasks, otherwise the task's focal point. */
    authorityUnitId: uuid('authority_unit_id').notNull(),
    status: text('status', { enum: ['draft', 'submitted', 'returned', 'registered'] }).notNull().default('draft'),
    resultTitleVi: text('result_title_vi').notNull(),
    resultTitleEn: text('result_title_en'),
    abstractVi: text('abstract_vi').notNull(),
    keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
    /** The products include a technological process: a technology description (Mẫu 8) is then required. */
    hasTechnologyProcess: boolean('has_technology_process').notNull().default(false),
    /** Who may read the full text of the deposited reports once registered. */
    fullTextTier: text('full_text_tier', { enum: ['public_fulltext', 'focal_fulltext', 'restricted'] }).notNull().default('focal_fulltext'),
    reviewComment: text('review_comment'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    registeredAt: timestamp('registered_at', { withTimezone: true }),
    /** Archive number of the deposited result ("số hồ sơ lưu"), given at registration. */
    archiveNo: text('archive_no'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('result_registration_task_uq').on(t.taskId),
    unique('result_registration_archive_no_uq').on(t.archiveNo),
    foreignKey({ name: 'result_registration_task_id_fkey', columns: [t.taskId], foreignColumns: [task.id] }),
    foreignKey({ name: 'result_registration_authority_unit_id_fkey', columns: [t.authorityUnitId], foreignColumns: [orgUnit.id] }),
    foreignKey({ name: 'result_registration_created_by_fkey', columns: [t.createdBy], foreignColumns: [appUser.id] }),
    check('result_registration_status_ck', sql`${t.status} IN ('draft','submitted','returned','registered')`),
    check('result_registration_tier_ck', sql`${t.fullTextTier} IN ('public_fulltext','focal_fulltext','restricted')`),
    index('result_registration_authority_idx').on(t.authorityUnitId, t.status),
    index('result_registration_updated_idx').on(t.updatedAt, t.id),
  ],
);

/** A document of a registration dossier. Files are never removed, only detached, so a returned dossier keeps them all. */
export const registrationFile = pgTable(
  'registration_file',
  {
    registrationId: uuid('registration_id').notNull(),
    fileId: uuid('file_id').notNull(),
    role: text('role', {
      enum: ['registration_form', 'final_report', 'summary_report', 'data', 'acceptance_minutes', 'author_agreement', 'ip_application', 'technology_description', 'other'],
    }).notNull(),
    attachedBy: uuid('attached_by').notNull(),
    attachedAt: timestamp('attached_at', { withTimezone: true }).notNull().defaultNow(),
    detachedAt: timestamp('detached_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'registration_file_pkey', columns: [t.registrationId, t.fileId] }),
    foreignKey({ name: 'registration_file_registration_id_fkey', columns: [t.registrationId], foreignColumns: [resultRegistration.id] }),
    foreignKey({ name: 'registration_file_file_id_fkey', columns: [t.fileId], foreignColumns: [storedFile.id] }),
    foreignKey({ name: 'registration_file_attached_by_fkey', columns: [t.attachedBy], foreignColumns: [appUser.id] }),
  ],
);

/** The registration certificate of a result: one per result, never re-issued; copies are recorded separately. */
export const certificate = pgTable(
  'certificate',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    registrationId: uuid('registration_id').notNull(),
    number: text('number').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    authorityUnitId: uuid('authority_unit_id').notNull(),
    /** Random code of the public verification URL. */
    verificationCode: text('verification_code').notNull(),
    signerName: text('signer_name').notNull(),
    signerTitle: text('signer_title').notNull(),
    status: text('status', { enum: ['valid', 'revoked'] }).notNull().default('valid'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
    revokeReason: text('revoke_reason'),
    issuedBy: uuid('issued_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('certificate_registration_uq').on(t.registrationId),
    unique('certificate_number_uq').on(t.number),
    unique('certificate_verification_code_uq').on(t.verificationCode),
    foreignKey({ name: 'certificate_registration_id_fkey', columns: [t.registrationId], foreignColumns: [resultRegistration.id] }),
    foreignKey({ name: 'certificate_authority_unit_id_fkey', columns: [t.authorityUnitId], foreignColumns: [orgUnit.id] }),
    foreignKey({ name: 'certificate_issued_by_fkey', columns: [t.issuedBy], foreignColumns: [appUser.id] }),
    foreignKey({ name: 'certificate_revoked_by_fkey', columns: [t.revokedBy], foreignColumns: [appUser.id] }),
    check('certificate_status_ck', sql`${t.status} IN ('valid','revoked')`),
    check('certificate_revocation_ck', sql`(${t.status} = 'revoked') = (${t.revokedAt} IS NOT NULL AND ${t.revokeReason} IS NOT NULL)`),
  ],
);

/** The last certificate number used by an authority in a year. */
export const certificateCounter = pgTable(
  'certificate_counter',
  {
    authorityUnitId: uuid('authority_unit_id').notNull(),
    year: integer('year').notNull(),
    lastNo: integer('last_no').notNull(),
  },
  (t) => [
    primaryKey({ name: 'certificate_counter_pkey', columns: [t.authorityUnitId, t.year] }),
    foreignKey({ name: 'certificate_counter_authority_unit_id_fkey', columns: [t.authorityUnitId], foreignColumns: [orgUnit.id] }),
  ],
);

/** A certified copy of a certificate (bản sao), numbered per certificate. */
export const certificateCopy = pgTable(
  'certificate_copy',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    certificateId: uuid('certificate_id').notNull(),
    copyNo: integer('copy_no').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    purpose: text('purpose'),
    issuedBy: uuid('issued_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('certificate_copy_no_uq').on(t.certificateId, t.copyNo),
    foreignKey({ name: 'certificate_copy_certificate_id_fkey', columns: [t.certificateId], foreignColumns: [certificate.id] }),
    foreignKey({ name: 'certificate_copy_issued_by_fkey', columns: [t.issuedBy], foreignColumns: [appUser.id] }),
  ],
);

/** A yearly report on the application of a task's results (Mẫu 12), years 1–5 after acceptance. */
export const applicationReport = pgTable(
  'application_report',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id').notNull(),
    yearIndex: integer('year_index').notNull(),
    status: text('status', { enum: ['draft', 'submitted', 'returned', 'accepted'] }).notNull().default('draft'),
    applicationStatus: text('application_status', { enum: ['applied', 'partly_applied', 'not_applied'] }).notNull(),
    placesApplied: text('places_applied'),
    scale: text('scale'),
    economicEffect: text('economic_effect'),
    socialEffect: text('social_effect'),
    /** Revenue from the results in the year, million VND. */
    revenue: numeric('revenue', { mode: 'number' }),
    ipSummary: text('ip_summary'),
    transferContracts: integer('transfer_contracts'),
    /** Value of technology-transfer contracts, million VND. */
    transferValue: numeric('transfer_value', { mode: 'number' }),
    difficulties: text('difficulties'),
    fileId: uuid('file_id'),
    reviewComment: text('review_comment'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('application_report_task_year_uq').on(t.taskId, t.yearIndex),
    foreignKey({ name: 'application_report_task_id_fkey', columns: [t.taskId], foreignColumns: [task.id] }),
    foreignKey({ name: 'application_report_file_id_fkey', columns: [t.fileId], foreignColumns: [storedFile.id] }),
    foreignKey({ name: 'application_report_created_by_fkey', columns: [t.createdBy], foreignColumns: [appUser.id] }),
    check('application_report_year_ck', sql`${t.yearIndex} BETWEEN 1 AND 5`),
    check('application_report_status_ck', sql`${t.status} IN ('draft','submitted','returned','accepted')`),
    check('application_report_application_ck', sql`${t.applicationStatus} IN ('applied','partly_applied','not_applied')`),
    check('application_report_amounts_ck', sql`coalesce(${t.revenue}, 0) >= 0 AND coalesce(${t.transferValue}, 0) >= 0 AND coalesce(${t.transferContracts}, 0) >= 0`),
    index('application_report_status_idx').on(t.status),
  ],
);

/** Outgoing messages (reminders). The dedupe key makes a reminder go out once per recipient, subject and due date. */
export const notification = pgTable(
  'notification',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    entityType: text('entity_type'),
    entityId: uuid('entity_id'),
    status: text('status', { enum: ['pending', 'sent', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    unique('notification_dedupe_key_uq').on(t.dedupeKey),
    check('notification_status_ck', sql`${t.status} IN ('pending','sent','failed')`),
    index('notification_status_idx').on(t.status, t.createdAt),
  ],
);

/** A bulk import of tasks from an XLSX or CSV file: validated whole, then written in one transaction. */
export const taskImport = pgTable(
  'task_import',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    status: text('status', { enum: ['validating', 'importing', 'done', 'failed'] }).notNull(),
    format: text('format', { enum: ['xlsx', 'csv'] }).notNull(),
    fileName: text('file_name').notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    importedRows: integer('imported_rows').notNull().default(0),
    /** Every bad row: [{ row, column, code, message }]. */
    errors: jsonb('errors').notNull().default(sql`'[]'::jsonb`),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    foreignKey({ name: 'task_import_created_by_fkey', columns: [t.createdBy], foreignColumns: [appUser.id] }),
    check('task_import_status_ck', sql`${t.status} IN ('validating','importing','done','failed')`),
    check('task_import_format_ck', sql`${t.format} IN ('xlsx','csv')`),
    index('task_import_created_by_idx').on(t.createdBy, t.createdAt),
  ],
);

/** A statistical report form definition (Circular 25/2015 now; later regulations add versions), loaded from the repo's form files. */
export const statForm = pgTable(
  'stat_form',
  {
    code: text('code').notNull(),
    version: text('version').notNull(),
    /** The whole `FormDefinition` (rows, columns, dimensions, rules) as data. */
    definition: jsonb('definition').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'stat_form_pkey', columns: [t.code, t.version] }),
    check('stat_form_validity_ck', sql`${t.validTo} IS NULL OR ${t.validTo} >= ${t.validFrom}`),
  ],
);

/** A statistical reporting period (a calendar year) with its deadlines: units → province by 1 Feb, province → national by 15 Feb. */
export const statPeriod = pgTable(
  'stat_period',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    unitDeadline: date('unit_deadline', { mode: 'string' }).notNull(),
    provinceDeadline: date('province_deadline', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('stat_period_year_uq').on(t.year),
    foreignKey({ name: 'stat_period_created_by_fkey', columns: [t.createdBy], foreignColumns: [appUser.id] }),
    check('stat_period_status_ck', sql`${t.status} IN ('open','closed')`),
    check('stat_period_closed_ck', sql`(${t.status} = 'closed') = (${t.closedAt} IS NOT NULL)`),
    foreignKey({ name: 'stat_period_closed_by_fkey', columns: [t.closedBy], foreignColumns: [appUser.id] }),
    check('stat_period_year_ck', sql`${t.year} BETWEEN 2000 AND 2100`),
    check('stat_period_deadlines_ck', sql`${t.provinceDeadline} >= ${t.unitDeadline}`),
  ],
);

/** One form of one reporting organization for one period; creating it assigns the form to the organization. */
export const statReport = pgTable(
  'stat_report',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    formCode: text('form_code').notNull(),
    formVersion: text('form_version').notNull(),
    status: text('status', { enum: ['draft', 'submitted', 'returned', 'approved', 'accepted'] }).notNull().default('draft'),
    /** The province or ministry whose running aggregate holds this report (set while approved or accepted). */
    aggregatedUnitId: uuid('aggregated_unit_id'),
    /** The ministry whose running aggregate also holds it (organizations managed by a ministry; set while approved or accepted). */
    aggregatedMinistryId: uuid('aggregated_ministry_id'),
    reviewComment: text('review_comment'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: uuid('approved_by'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('stat_report_period_org_form_uq').on(t.periodId, t.organizationId, t.formCode),
    foreignKey({ name: 'stat_report_period_id_fkey', columns: [t.periodId], foreignColumns: [statPeriod.id] }),
    foreignKey({ name: 'stat_report_organization_id_fkey', columns: [t.organizationId], foreignColumns: [organization.id] }),
    foreignKey({ name: 'stat_report_form_fkey', columns: [t.formCode, t.formVersion], foreignColumns: [statForm.code, statForm.version] }),
    foreignKey({ name: 'stat_report_approved_by_fkey', columns: [t.approvedBy], foreignColumns: [appUser.id] }),
    foreignKey({ name: 'stat_report_accepted_by_fkey', columns: [t.acceptedBy], foreignColumns: [appUser.id] }),
    foreignKey({ name: 'stat_report_created_by_fkey', columns: [t.createdBy], foreignColumns: [appUser.id] }),
    check('stat_report_status_ck', sql`${t.status} IN ('draft','submitted','returned','approved','accepted')`),
    foreignKey({ name: 'stat_report_aggregated_unit_id_fkey', columns: [t.aggregatedUnitId], foreignColumns: [orgUnit.id] }),
    foreignKey({ name: 'stat_report_aggregated_ministry_id_fkey', columns: [t.aggregatedMinistryId], foreignColumns: [orgUnit.id] }),
    index('stat_report_period_status_idx').on(t.periodId, t.status),
    index('stat_report_organization_idx').on(t.organizationId, t.formCode),
  ],
);

/**
 * One cell of a report. Missing cells are absent rows; a stored cell is a value (zero included), not applicable
 * (no number) or confidential (number optional).
 */
export const statCell = pgTable(
  'stat_cell',
  {
    reportId: uuid('report_id').notNull(),
    rowCode: text('row_code').notNull(),
    colCode: text('col_code').notNull(),
    state: text('state', { enum: ['value', 'not_applicable', 'confidential'] }).notNull(),
    value: numeric('value', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ name: 'stat_cell_pkey', columns: [t.reportId, t.rowCode, t.colCode] }),
    foreignKey({ name: 'stat_cell_report_id_fkey', columns: [t.reportId], foreignColumns: [statReport.id] }).onDelete('cascade'),
    check('stat_cell_state_ck', sql`${t.state} IN ('value','not_applicable','confidential')`),
    check('stat_cell_value_ck', sql`(${t.state} = 'value' AND ${t.value} IS NOT NULL) OR (${t.state} = 'not_applicable' AND ${t.value} IS NULL) OR ${t.state} = 'confidential'`),
  ],
);

/**
 * The running aggregate of a form's approved and accepted reports per period, province or ministry and cell, kept
 * up to date in the transaction that approves or reopens a report (so an approval is visible at once, with no nightly
 * run). `reporting` counts units that gave a number (or "not applicable", which adds 0); `value_sum` is their sum.
 */
export const statAggregate = pgTable(
  'stat_aggregate',
  {
    periodId: uuid('period_id').notNull(),
    formCode: text('form_code').notNull(),
    unitId: uuid('unit_id').notNull(),
    rowCode: text('row_code').notNull(),
    colCode: text('col_code').notNull(),
    valueSum: numeric('value_sum', { mode: 'number' }).notNull().default(0),
    reporting: integer('reporting').notNull().default(0),
    confidential: integer('confidential').notNull().default(0),
  },
  (t) => [
    primaryKey({ name: 'stat_aggregate_pkey', columns: [t.periodId, t.formCode, t.unitId, t.rowCode, t.colCode] }),
    foreignKey({ name: 'stat_aggregate_period_id_fkey', columns: [t.periodId], foreignColumns: [statPeriod.id] }),
    foreignKey({ name: 'stat_aggregate_unit_id_fkey', columns: [t.unitId], foreignColumns: [orgUnit.id] }),
    check('stat_aggregate_counts_ck', sql`${t.reporting} >= 0 AND ${t.confidential} >= 0`),
  ],
);

/** How many approved or accepted reports of each form version a province or ministry's running aggregate holds. */
export const statAggregateArea = pgTable(
  'stat_aggregate_area',
  {
    periodId: uuid('period_id').notNull(),
    formCode: text('form_code').notNull(),
    formVersion: text('form_version').notNull(),
    unitId: uuid('unit_id').notNull(),
    reports: integer('reports').notNull().default(0),
  },
  (t) => [
    primaryKey({ name: 'stat_aggregate_area_pkey', columns: [t.periodId, t.formCode, t.formVersion, t.unitId] }),
    foreignKey({ name: 'stat_aggregate_area_period_id_fkey', columns: [t.periodId], foreignColumns: [statPeriod.id] }),
    foreignKey({ name: 'stat_aggregate_area_unit_id_fkey', columns: [t.unitId], foreignColumns: [orgUnit.id] }),
    check('stat_aggregate_area_reports_ck', sql`${t.reports} >= 0`),
  ],
);

/**
 * A statistical release: a frozen snapshot of a form's aggregates for a period (national and by province, small cells
 * already withheld) that the public sees from `embargo_until` on. Later releases of the same form and year revise it;
 * a withdrawn release disappears from the public with its reason kept.
 */
export const statRelease = pgTable(
  'stat_release',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id').notNull(),
    formCode: text('form_code').notNull(),
    formVersion: text('form_version').notNull(),
    dataflow: text('dataflow').notNull(),
    titleVi: text('title_vi').notNull(),
    titleEn: text('title_en').notNull(),
    noteVi: text('note_vi'),
    noteEn: text('note_en'),
    embargoUntil: timestamp('embargo_until', { withTimezone: true }).notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    suppressBelow: integer('suppress_below'),
    /** Reports included and reports assigned, at the time of the snapshot. */
    reports: integer('reports').notNull(),
    assigned: integer('assigned').notNull(),
    /** `{ national: StatAggregate, province: StatAggregate }` with withheld cells already emptied. */
    data: jsonb('data').notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawReason: text('withdraw_reason'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ name: 'stat_release_period_id_fkey', columns: [t.periodId], foreignColumns: [statPeriod.id] }),
    foreignKey({ name: 'stat_release_form_fkey', columns: [t.formCode, t.formVersion], foreignColumns: [statForm.code, statForm.version] }),
    foreignKey({ name: 'stat_release_created_by_fkey', columns: [t.createdBy], foreignColumns: [appUser.id] }),
    check('stat_release_withdrawn_ck', sql`(${t.withdrawnAt} IS NULL) = (${t.withdrawReason} IS NULL)`),
    check('stat_release_suppress_ck', sql`${t.suppressBelow} IS NULL OR ${t.suppressBelow} BETWEEN 2 AND 20`),
    index('stat_release_public_idx').on(t.embargoUntil),
    index('stat_release_period_form_idx').on(t.periodId, t.formCode),
  ],
);

/**
 * The OAI-PMH item list: one row per record ever exposed by the OAI-PMH provider, kept in the same transaction as the
 * change of the record (datestamp = time of the change, UTC, whole seconds). A record that stops being public stays
 * with `deleted = true` (deletedRecord=persistent). `sets` holds every setSpec of the record (entity set, provinces).
 */
export const oaiItem = pgTable(
  'oai_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entityType: text('entity_type', { enum: ['organization', 'person', 'project', 'product'] }).notNull(),
    entityId: uuid('entity_id').notNull(),
    datestamp: timestamp('datestamp', { withTimezone: true }).notNull(),
    deleted: boolean('deleted').notNull().default(false),
    sets: text('sets').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    unique('oai_item_entity_uq').on(t.entityType, t.entityId),
    check('oai_item_entity_type_ck', sql`${t.entityType} IN ('organization','person','project','product')`),
    index('oai_item_datestamp_idx').on(t.datestamp, t.id),
    index('oai_item_sets_idx').using('gin', t.sets),
  ],
);

/**
 * The public search documents: one row per public record (published task, registered result whose certificate is not
 * revoked, organization, researcher), built from public fields only and kept in the same transaction as the change of
 * the record (see modules/search/search-index.ts). `doc_folded` (title and body, lower case, accents removed) carries the
 * trigram index every search term is matched against; `title_folded` has its own, for the typo fallback (pg_trgm `<%`)
 * and the title similarity of the similar-task check. Facet values are
 * stored as they are (the province unit of the record; the search maps it to the unit valid on the asked date).
 */
export const searchDoc = pgTable(
  'search_doc',
  {
    entityType: text('entity_type', { enum: ['task', 'result', 'organization', 'researcher'] }).notNull(),
    entityId: uuid('entity_id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    titleFolded: text('title_folded')
      .notNull()
      .generatedAlwaysAs(sql`lower(immutable_unaccent(title))`),
    docFolded: text('doc_folded')
      .notNull()
      .generatedAlwaysAs(sql`lower(immutable_unaccent(title || ' ' || body))`),
    levelCode: text('level_code'),
    /** First digit of each field-of-S&T code (the facet's top level). */
    fieldTops: text('field_tops').array().notNull().default(sql`'{}'::text[]`),
    provinceUnitId: uuid('province_unit_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    year: integer('year'),
    /** Tasks: ongoing until this date (the status facet is computed against today). */
    endDate: date('end_date'),
    /** Fixed status facet value (results: `registered`); null for tasks (computed) and for organizations and researchers. */
    status: text('status'),
  },
  (t) => [
    primaryKey({ name: 'search_doc_pk', columns: [t.entityType, t.entityId] }),
    check('search_doc_entity_type_ck', sql`${t.entityType} IN ('task','result','organization','researcher')`),
    index('search_doc_doc_trgm_idx').using('gin', sql`${t.docFolded} gin_trgm_ops`),
    index('search_doc_title_trgm_idx').using('gin', sql`${t.titleFolded} gin_trgm_ops`),
    index('search_doc_organization_idx').on(t.organizationId),
  ],
);
