import { z } from 'zod';
import { ROLES } from '../roles.js';
import { IsoDate, OrganizationRef, PageQuery, UnitRef, Uuid, optionalText, pageOf, text } from './common.js';

/** Login body. */
export const LoginInput = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const RoleSchema = z.enum(ROLES);

/** A user as shown to the user or to administrators. */
export const User = z.object({
  id: Uuid,
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  role: RoleSchema,
  scopeUnit: UnitRef.nullable(),
  organization: OrganizationRef.nullable(),
  isActive: z.boolean(),
  locale: z.enum(['vi', 'en']),
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof User>;

/** The current session: the user and the CSRF token to send as `x-csrf-token` on writes. */
export const Me = z.object({ user: User, csrfToken: z.string().nullable() });
export type Me = z.infer<typeof Me>;

/** Minimum password rules: 10+ characters. */
export const Password = z.string().min(10).max(200);

/** Body to create a user (national administrators). */
export const UserCreate = z.strictObject({
  username: z.string().trim().min(3).max(100).regex(/^[a-z0-9._-]+$/, 'Lowercase letters, digits, . _ -'),
  displayName: text(150),
  email: z.email().max(200).nullish(),
  password: Password,
  role: RoleSchema,
  scopeUnitId: Uuid.nullish(),
  organizationId: Uuid.nullish(),
  locale: z.enum(['vi', 'en']).default('vi'),
});
export type UserCreate = z.infer<typeof UserCreate>;

/** Body to change a user. */
export const UserUpdate = z.strictObject({
  displayName: text(150).optional(),
  email: z.email().max(200).nullish(),
  password: Password.optional(),
  role: RoleSchema.optional(),
  scopeUnitId: Uuid.nullish(),
  organizationId: Uuid.nullish(),
  isActive: z.boolean().optional(),
  locale: z.enum(['vi', 'en']).optional(),
});
export type UserUpdate = z.infer<typeof UserUpdate>;

export const UserListQuery = PageQuery.extend({ q: z.string().trim().max(100).optional(), role: RoleSchema.optional() });
export const UserPage = pageOf(User);

/** An API token for machine clients (the secret is shown once, at creation). */
export const ApiToken = z.object({
  id: Uuid,
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const ApiTokenCreate = z.strictObject({
  name: text(100),
  expiresOn: IsoDate.nullish(),
});
export type ApiTokenCreate = z.infer<typeof ApiTokenCreate>;

export const ApiTokenCreated = ApiToken.extend({ token: z.string() });

/** Changing one's own locale or password. */
export const ProfileUpdate = z.strictObject({
  locale: z.enum(['vi', 'en']).optional(),
  currentPassword: z.string().max(200).optional(),
  newPassword: Password.optional(),
  displayName: optionalText(150),
});
