import type { z } from 'zod';
import type {
  ApiTokenCreated as ApiTokenCreatedSchema,
  AuditPage as AuditPageSchema,
  OrganizationPage as OrganizationPageSchema,
  OrgUnitPage as OrgUnitPageSchema,
  ProfileUpdate as ProfileUpdateSchema,
  ResearcherPage as ResearcherPageSchema,
  Succession as SuccessionSchema,
  TaskPage as TaskPageSchema,
  TaskWorkItem as TaskWorkItemSchema,
  TaskWorkPage as TaskWorkPageSchema,
  UserPage as UserPageSchema,
} from '@stinet/shared';

/** A page of org units. */
export type OrgUnitPage = z.infer<typeof OrgUnitPageSchema>;
/** A page of organizations (public shape). */
export type OrganizationPage = z.infer<typeof OrganizationPageSchema>;
/** A page of researchers (public shape). */
export type ResearcherPage = z.infer<typeof ResearcherPageSchema>;
/** A page of published tasks (public fields). */
export type TaskPage = z.infer<typeof TaskPageSchema>;
/** A row of the staff work list of tasks. */
export type TaskWorkItem = z.infer<typeof TaskWorkItemSchema>;
/** A page of the staff work list of tasks. */
export type TaskWorkPage = z.infer<typeof TaskWorkPageSchema>;
/** A page of audit entries. */
export type AuditPage = z.infer<typeof AuditPageSchema>;
/** A page of users. */
export type UserPage = z.infer<typeof UserPageSchema>;
/** A freshly created API token, with its secret (shown once). */
export type ApiTokenCreated = z.infer<typeof ApiTokenCreatedSchema>;
/** Body to change one's own profile. */
export type ProfileUpdate = z.input<typeof ProfileUpdateSchema>;
/** A succession link between org units. */
export type Succession = z.infer<typeof SuccessionSchema>;
/** The health report of the server. */
export interface Health {
  status: string;
  db: 'pglite' | 'postgres';
  version: string;
  time: string;
}
