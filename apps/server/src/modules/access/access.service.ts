import { sql } from 'drizzle-orm';
import type { Role } from '@stinet/shared';
import type { Executor } from '../../db/types.js';
import { AppError } from '../../errors.js';
import { queryRows } from '../../lib/sql.js';
import type { AuthUser, RequestContext } from '../../http/context.js';

/** The caller, or UNAUTHENTICATED. */
export function requireActor(ctx: RequestContext): AuthUser {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

/** The caller if their role is one of `roles`; else UNAUTHENTICATED / FORBIDDEN. */
export function requireRole(ctx: RequestContext, ...roles: Role[]): AuthUser {
  const actor = requireActor(ctx);
  if (!roles.includes(actor.role)) throw new AppError('FORBIDDEN');
  return actor;
}

/**
 * The ids a unit's authority covers: the unit itself and, through the succession map, every unit
 * it succeeded (so the officer of the merged Tây Ninh also covers records of the former Long An).
 */
export async function unitScopeIds(ex: Executor, unitId: string): Promise<Set<string>> {
  const rows = await queryRows<{ id: string }>(ex, sql`
    WITH RECURSIVE scope(id) AS (
      SELECT ${unitId}::uuid
      UNION
      SELECT s.predecessor_id FROM org_unit_succession s JOIN scope ON s.successor_id = scope.id
    )
    SELECT id FROM scope`);
  return new Set(rows.map((r) => r.id));
}

/** True when the actor may write records that belong to the unit (national admin, or its focal officer). */
export async function canManageUnit(ex: Executor, actor: AuthUser | null, unitId: string): Promise<boolean> {
  if (!actor) return false;
  if (actor.role === 'national_admin') return true;
  if (actor.role !== 'focal_officer' || !actor.scopeUnitId) return false;
  return (await unitScopeIds(ex, actor.scopeUnitId)).has(unitId);
}

/** True when the actor may read the staff-only data of records that belong to the unit. */
export async function canReadUnit(ex: Executor, actor: AuthUser | null, unitId: string): Promise<boolean> {
  if (!actor) return false;
  if (actor.role === 'national_admin') return true;
  if (actor.role === 'reviewer' && !actor.scopeUnitId) return true;
  if ((actor.role === 'focal_officer' || actor.role === 'reviewer') && actor.scopeUnitId) {
    return (await unitScopeIds(ex, actor.scopeUnitId)).has(unitId);
  }
  return false;
}

/** Access of an actor to one organization's record. */
export interface OrganizationAccess {
  canRead: boolean;
  canEdit: boolean;
}

/** What the actor may do with an organization managed by `managingUnitId`. */
export async function organizationAccess(
  ex: Executor,
  actor: AuthUser | null,
  org: { id: string; managingUnitId: string },
): Promise<OrganizationAccess> {
  if (!actor) return { canRead: false, canEdit: false };
  if (actor.role === 'org_reporter') {
    const own = actor.organizationId === org.id;
    return { canRead: own, canEdit: own };
  }
  const canEdit = await canManageUnit(ex, actor, org.managingUnitId);
  const canRead = canEdit || (await canReadUnit(ex, actor, org.managingUnitId));
  return { canRead, canEdit };
}
