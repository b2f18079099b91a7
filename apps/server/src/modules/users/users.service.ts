import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import { todayInVietnam, type Role, type User, type UserCreate, type UserUpdate } from '@stinet/shared';
import { appUser } from '../../db/schema.js';
import type { Db, Executor } from '../../db/types.js';
import { fieldError, notFound } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { recordAudit } from '../../lib/audit.js';
import { hashPassword } from '../../lib/crypto.js';
import { containsFolded, escapeLike } from '../../lib/sql.js';
import { requireRole } from '../access/access.service.js';
import { findUserById, type UserRow } from '../auth/auth.repo.js';
import { loadUserView } from '../auth/auth.service.js';
import { findOrganizationById } from '../organizations/organizations.repo.js';
import { assertUnitValidOn } from '../org-units/org-units.service.js';

/** Users, for national administrators. */
export async function listUsers(ex: Executor, ctx: RequestContext, q: { q?: string | undefined; role?: Role | undefined; page: number; pageSize: number }) {
  requireRole(ctx, 'national_admin');
  const conds: SQL[] = [];
  if (q.q) {
    conds.push(sql`(${appUser.username} LIKE lower(${`%${escapeLike(q.q)}%`}) OR ${containsFolded(appUser.displayName, q.q)})`);
  }
  if (q.role) conds.push(eq(appUser.role, q.role));
  const cond = conds.length ? and(...conds) : undefined;
  const rows = await ex.select().from(appUser).where(cond).orderBy(asc(appUser.username)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const total = await ex.select({ n: count() }).from(appUser).where(cond);
  const items: User[] = [];
  for (const row of rows) items.push(await loadUserView(ex, row));
  return { items, total: Number(total[0]?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

/** Checks that role and scope fit together: officers need a unit, reporters an organization. */
async function checkScope(ex: Executor, role: Role, scopeUnitId: string | null, organizationId: string | null): Promise<void> {
  if (role === 'focal_officer' && !scopeUnitId) throw fieldError('VALIDATION_FAILED', 'scopeUnitId', 'A focal officer needs a scope unit');
  if (role === 'org_reporter' && !organizationId) throw fieldError('VALIDATION_FAILED', 'organizationId', 'An organization reporter needs an organization');
  if (scopeUnitId) await assertUnitValidOn(ex, scopeUnitId, todayInVietnam(), ['province', 'ministry', 'national'], 'scopeUnitId');
  if (organizationId && !(await findOrganizationById(ex, organizationId))) throw fieldError('VALIDATION_FAILED', 'organizationId', 'Unknown organization');
}

/** Creates a staff account. */
export async function createUser(db: Db, ctx: RequestContext, input: UserCreate): Promise<User> {
  requireRole(ctx, 'national_admin');
  const scopeUnitId = input.role === 'focal_officer' || input.role === 'reviewer' ? (input.scopeUnitId ?? null) : null;
  const organizationId = input.role === 'org_reporter' ? (input.organizationId ?? null) : null;
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await checkScope(tx, input.role, scopeUnitId, organizationId);
    const rows = await tx
      .insert(appUser)
      .values({ username: input.username, displayName: input.displayName, email: input.email ?? null, passwordHash, role: input.role, scopeUnitId, organizationId, locale: input.locale })
      .returning();
    const row = rows[0] as UserRow;
    await recordAudit(tx, ctx, { action: 'create', entityType: 'app_user', entityId: row.id, after: row });
    return loadUserView(tx, row);
  });
}

/** Changes a staff account (role, scope, activity, password reset). */
export async function updateUser(db: Db, ctx: RequestContext, id: string, input: UserUpdate): Promise<User> {
  requireRole(ctx, 'national_admin');
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.transaction(async (tx) => {
    const before = await findUserById(tx, id);
    if (!before) throw notFound('user');
    const role = input.role ?? before.role;
    const scopeUnitId = role === 'focal_officer' || role === 'reviewer' ? (input.scopeUnitId === undefined ? before.scopeUnitId : input.scopeUnitId) : null;
    const organizationId = role === 'org_reporter' ? (input.organizationId === undefined ? before.organizationId : input.organizationId) : null;
    await checkScope(tx, role, scopeUnitId, organizationId);
    const rows = await tx
      .update(appUser)
      .set({
        ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
        ...(input.locale !== undefined ? { locale: input.locale } : {}),
        ...(passwordHash ? { passwordHash } : {}),
        role,
        scopeUnitId,
        organizationId,
        updatedAt: new Date(),
      })
      .where(eq(appUser.id, id))
      .returning();
    const after = rows[0] as UserRow;
    await recordAudit(tx, ctx, { action: passwordHash ? 'update_password' : 'update', entityType: 'app_user', entityId: id, before, after });
    return loadUserView(tx, after);
  });
}
