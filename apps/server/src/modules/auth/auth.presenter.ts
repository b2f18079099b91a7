import type { ApiToken, User } from '@stinet/shared';
import type { apiToken } from '../../db/schema.js';
import type { OrgUnitRow } from '../org-units/org-units.repo.js';
import { presentUnitRef } from '../org-units/org-units.presenter.js';
import type { UserRow } from './auth.repo.js';

/** A user without secrets. */
export function presentUser(row: UserRow, scopeUnit: OrgUnitRow | undefined, organization: { id: string; code: string; nameVi: string } | undefined): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    role: row.role,
    scopeUnit: scopeUnit ? presentUnitRef(scopeUnit) : null,
    organization: organization ? { id: organization.id, code: organization.code, nameVi: organization.nameVi } : null,
    isActive: row.isActive,
    locale: row.locale,
    lastLoginAt: row.lastLoginAt ? row.lastLoginAt.toISOString() : null,
  };
}

/** A token without its hash. */
export function presentToken(row: typeof apiToken.$inferSelect): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
