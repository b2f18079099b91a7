import { eq } from 'drizzle-orm';
import type { ApiToken, ApiTokenCreate, LoginInput, Me, User } from '@stinet/shared';
import { appUser, organization } from '../../db/schema.js';
import type { Db, Executor } from '../../db/types.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import type { AuthUser, RequestContext } from '../../http/context.js';
import { recordAudit } from '../../lib/audit.js';
import { hashPassword, randomToken, sha256, verifyPassword } from '../../lib/crypto.js';
import { requireActor } from '../access/access.service.js';
import { findUnitById } from '../org-units/org-units.repo.js';
import { presentToken, presentUser } from './auth.presenter.js';
import {
  deleteExpiredSessions,
  deleteSession,
  findLiveSession,
  findLiveToken,
  findTokensOfUser,
  findUserById,
  findUserByUsername,
  insertSession,
  insertToken,
  revokeToken,
  touchLogin,
  touchToken,
  type UserRow,
} from './auth.repo.js';

/** A fixed argon2id hash used to spend the same time on unknown usernames as on wrong passwords. */
let dummyHash: Promise<string> | null = null;

/** Presents a user row with its scope unit and organization. */
export async function loadUserView(ex: Executor, row: UserRow): Promise<User> {
  const unit = row.scopeUnitId ? await findUnitById(ex, row.scopeUnitId) : undefined;
  const org = row.organizationId
    ? (await ex.select({ id: organization.id, code: organization.code, nameVi: organization.nameVi }).from(organization).where(eq(organization.id, row.organizationId)).limit(1))[0]
    : undefined;
  return presentUser(row, unit, org);
}

/** Result of a successful login: the cookie token (not stored) and the session view. */
export interface LoginResult {
  cookieToken: string;
  me: Me;
  maxAgeSeconds: number;
}

/** Checks the password and opens a session. Same error for unknown users and wrong passwords. */
export async function login(db: Db, ctx: RequestContext, input: LoginInput, ttlHours: number, userAgent: string | null): Promise<LoginResult> {
  const user = await findUserByUsername(db, input.username.toLowerCase());
  if (!user || !user.isActive) {
    dummyHash ??= hashPassword('not-a-real-password-0000');
    await verifyPassword(await dummyHash, input.password);
    await recordAudit(db, ctx, { action: 'login_failed', entityType: 'session', entityId: null, after: { username: input.username } });
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordAudit(db, ctx, { action: 'login_failed', entityType: 'session', entityId: null, after: { username: user.username } });
    throw new AppError('INVALID_CREDENTIALS');
  }
  const cookieToken = randomToken(32);
  const csrfToken = randomToken(24);
  const now = new Date();
  const maxAgeSeconds = ttlHours * 3600;
  return db.transaction(async (tx) => {
    await deleteExpiredSessions(tx, now);
    await insertSession(tx, {
      id: sha256(cookieToken),
      userId: user.id,
      csrfToken,
      expiresAt: new Date(now.getTime() + maxAgeSeconds * 1000),
      ip: ctx.ip,
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    await touchLogin(tx, user.id, now);
    const actorCtx: RequestContext = { ...ctx, actor: toAuthUser(user, 'session', null, null) };
    await recordAudit(tx, actorCtx, { action: 'login', entityType: 'session', entityId: user.id });
    return { cookieToken, maxAgeSeconds, me: { user: await loadUserView(tx, user), csrfToken } };
  });
}

/** Ends the current session. */
export async function logout(db: Db, ctx: RequestContext): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction(async (tx) => {
    if (actor.sessionId) await deleteSession(tx, actor.sessionId);
    await recordAudit(tx, ctx, { action: 'logout', entityType: 'session', entityId: actor.id });
  });
}

function toAuthUser(user: UserRow, via: 'session' | 'token', sessionId: string | null, csrfToken: string | null): AuthUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    scopeUnitId: user.scopeUnitId,
    organizationId: user.organizationId,
    via,
    sessionId,
    csrfToken,
  };
}

/** Resolves a session cookie token to its user, or null. */
export async function authenticateSession(ex: Executor, cookieToken: string): Promise<AuthUser | null> {
  const sessionId = sha256(cookieToken);
  const found = await findLiveSession(ex, sessionId, new Date());
  return found ? toAuthUser(found.user, 'session', sessionId, found.session.csrfToken) : null;
}

/** Resolves a bearer API token to its user, or null. */
export async function authenticateToken(ex: Executor, token: string): Promise<AuthUser | null> {
  const now = new Date();
  const found = await findLiveToken(ex, sha256(token), now);
  if (!found) return null;
  await touchToken(ex, found.token.id, now);
  return toAuthUser(found.user, 'token', null, null);
}

/** The current user and CSRF token. */
export async function me(ex: Executor, ctx: RequestContext): Promise<Me> {
  const actor = requireActor(ctx);
  const row = await findUserById(ex, actor.id);
  if (!row) throw new AppError('UNAUTHENTICATED');
  return { user: await loadUserView(ex, row), csrfToken: actor.csrfToken };
}

/** Changes one's own display name, locale or password (the current password is required for a new one). */
export async function updateProfile(
  db: Db,
  ctx: RequestContext,
  input: { locale?: 'vi' | 'en' | undefined; currentPassword?: string | undefined; newPassword?: string | undefined; displayName?: string | null | undefined },
): Promise<Me> {
  const actor = requireActor(ctx);
  return db.transaction(async (tx) => {
    const before = await findUserById(tx, actor.id);
    if (!before) throw new AppError('UNAUTHENTICATED');
    const values: Partial<UserRow> = {};
    if (input.locale) values.locale = input.locale;
    if (input.displayName) values.displayName = input.displayName;
    if (input.newPassword) {
      if (!input.currentPassword || !(await verifyPassword(before.passwordHash, input.currentPassword))) {
        throw fieldError('INVALID_CREDENTIALS', 'currentPassword', 'The current password is wrong');
      }
      values.passwordHash = await hashPassword(input.newPassword);
    }
    const rows = await tx.update(appUser).set({ ...values, updatedAt: new Date() }).where(eq(appUser.id, actor.id)).returning();
    const after = rows[0] as UserRow;
    await recordAudit(tx, ctx, { action: 'update', entityType: 'app_user', entityId: actor.id, before, after });
    return { user: await loadUserView(tx, after), csrfToken: actor.csrfToken };
  });
}

/** The caller's API tokens. */
export async function listTokens(ex: Executor, ctx: RequestContext): Promise<ApiToken[]> {
  const actor = requireActor(ctx);
  return (await findTokensOfUser(ex, actor.id)).map(presentToken);
}

/** Creates an API token; the secret is returned once and only its hash is kept. */
export async function createToken(db: Db, ctx: RequestContext, input: ApiTokenCreate): Promise<ApiToken & { token: string }> {
  const actor = requireActor(ctx);
  const secret = `stn_${randomToken(32)}`;
  return db.transaction(async (tx) => {
    const row = await insertToken(tx, {
      userId: actor.id,
      name: input.name,
      prefix: secret.slice(0, 12),
      tokenHash: sha256(secret),
      expiresAt: input.expiresOn ? new Date(`${input.expiresOn}T23:59:59+07:00`) : null,
    });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'api_token', entityId: row.id, after: presentToken(row) });
    return { ...presentToken(row), token: secret };
  });
}

/** Revokes one of the caller's tokens. */
export async function deleteToken(db: Db, ctx: RequestContext, id: string): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction(async (tx) => {
    const row = await revokeToken(tx, actor.id, id, new Date());
    if (!row) throw notFound('apiToken');
    await recordAudit(tx, ctx, { action: 'revoke', entityType: 'api_token', entityId: id, before: { revokedAt: null }, after: { revokedAt: row.revokedAt } });
  });
}
