import { z } from 'zod';
import { IsoDate, PageQuery, Uuid, pageOf } from './common.js';

/** The kinds of records the audit log covers. */
export const AUDIT_ENTITY_TYPES = [
  'org_unit',
  'focal_point',
  'focal_staff',
  'staff_training',
  'organization',
  'researcher',
  'app_user',
  'api_token',
  'session',
  'task',
  'holiday_year',
  'stored_file',
  'task_change',
  'result_registration',
  'certificate',
  'application_report',
  'task_import',
  'notification',
  'stat_period',
  'stat_report',
] as const;

/** One audit entry: who changed what, when, with the values before and after. */
export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: Uuid, username: z.string() }).nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  changedFields: z.array(z.string()),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditListQuery = PageQuery.extend({
  entityType: z.enum(AUDIT_ENTITY_TYPES).optional(),
  entityId: z.string().max(100).optional(),
  actorId: Uuid.optional(),
  action: z.string().max(50).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;

export const AuditPage = pageOf(AuditEntry);
