import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import { apiToken, appUser, userSession } from '../../db/schema.js';
import type { Executor } from '../../db/types.js';

/** A user row. */
export type UserRow = typeof appUser.$inferSelect;

/** A user by username. */
export async function findUserByUsername(ex: Executor, username: string): Promise<UserRow | undefined> {
  const rows = await ex.select().from(appUser).where(eq(appUser.username, username)).limit(1);
  return rows[0];
}

/** A user by id. */
export async function findUserById(ex: Executor, id: string): Promise<UserRow | undefined> {
  const rows = await ex.select().from(appUser).where(eq(appUser.id, id)).limit(1);
  return rows[0];
}

/** The live session with this id (SHA-256 of the cookie token) and its active user. */
export async function findLiveSession(ex: Executor, sessionId: string, now: Date) {
  const rows = await ex
    .select({ session: userSession, user: appUser })
    .from(userSession)
    .innerJoin(appUser, eq(appUser.id, userSession.userId))
    .where(and(eq(userSession.id, sessionId), gt(userSession.expiresAt, now), eq(appUser.isActive, true)))
    .limit(1);
  return rows[0];
}

/** The usable API token with this hash and its active user. */
export async function findLiveToken(ex: Executor, tokenHash: string, now: Date) {
  const rows = await ex
    .select({ token: apiToken, user: appUser })
    .from(apiToken)
    .innerJoin(appUser, eq(appUser.id, apiToken.userId))
    .where(
      and(eq(apiToken.tokenHash, tokenHash), isNull(apiToken.revokedAt), or(isNull(apiToken.expiresAt), gt(apiToken.expiresAt, now)), eq(appUser.isActive, true)),
    )
    .limit(1);
  return rows[0];
}

/** Stores a session. */
export async function insertSession(ex: Executor, values: typeof userSession.$inferInsert): Promise<void> {
  await ex.insert(userSession).values(values);
}

/** Deletes a session. */
export async function deleteSession(ex: Executor, sessionId: string): Promise<void> {
  await ex.delete(userSession).where(eq(userSession.id, sessionId));
}

/** Deletes expired sessions. */
export async function deleteExpiredSessions(ex: Executor, now: Date): Promise<void> {
  await ex.delete(userSession).where(lt(userSession.expiresAt, now));
}

/** Marks a token as used now. */
export async function touchToken(ex: Executor, id: string, now: Date): Promise<void> {
  await ex.update(apiToken).set({ lastUsedAt: now }).where(eq(apiToken.id, id));
}

/** The tokens of a user. */
export async function findTokensOfUser(ex: Executor, userId: string) {
  return ex.select().from(apiToken).where(eq(apiToken.userId, userId)).orderBy(apiToken.createdAt);
}

/** Inserts a token. */
export async function insertToken(ex: Executor, values: typeof apiToken.$inferInsert) {
  const rows = await ex.insert(apiToken).values(values).returning();
  return rows[0] as typeof apiToken.$inferSelect;
}

/** Revokes a token of a user; returns the row or undefined when it is not theirs. */
export async function revokeToken(ex: Executor, userId: string, id: string, now: Date) {
  const rows = await ex
    .update(apiToken)
    .set({ revokedAt: now })
    .where(and(eq(apiToken.id, id), eq(apiToken.userId, userId), isNull(apiToken.revokedAt)))
    .returning();
  return rows[0];
}

/** Records a successful login. */
export async function touchLogin(ex: Executor, userId: string, now: Date): Promise<void> {
  await ex.update(appUser).set({ lastLoginAt: now }).where(eq(appUser.id, userId));
}
