import { and, desc, eq, getTableColumns, gt, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Queryable } from '../client.ts';
import { apiTokens, authSessions, calendarFeeds, users } from '../schema.ts';

/** A user's columns without the search document, which only search reads. */
const { searchVector: _searchVector, ...userColumns } = getTableColumns(users);

export type UserRow = Omit<typeof users.$inferSelect, 'searchVector'>;

export async function getUserById(q: Queryable, id: string): Promise<UserRow | null> {
  const [row] = await q.select(userColumns).from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function getUserByEmail(q: Queryable, email: string): Promise<UserRow | null> {
  const [row] = await q
    .select(userColumns)
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  return row ?? null;
}

export async function insertUser(
  q: Queryable,
  values: { email: string; passwordHash: string; name: string; timeZone: string },
): Promise<UserRow> {
  const [row] = await q.insert(users).values(values).returning(userColumns);
  return row!;
}

export async function updateUser(
  q: Queryable,
  id: string,
  values: Partial<Omit<typeof users.$inferInsert, 'id' | 'createdAt'>>,
  now: Date,
): Promise<UserRow> {
  const [row] = await q
    .update(users)
    .set({ ...values, updatedAt: now })
    .where(eq(users.id, id))
    .returning(userColumns);
  return row!;
}

export async function insertAuthSession(
  q: Queryable,
  values: typeof authSessions.$inferInsert,
): Promise<void> {
  await q.insert(authSessions).values(values);
}

/** A session that is neither revoked nor expired at `now`. */
export async function getLiveAuthSession(q: Queryable, tokenHash: string, now: Date) {
  const [row] = await q
    .select()
    .from(authSessions)
    .where(
      and(
        eq(authSessions.tokenHash, tokenHash),
        isNull(authSessions.revokedAt),
        gt(authSessions.expiresAt, now),
      ),
    );
  return row ?? null;
}

export async function touchAuthSession(q: Queryable, id: string, now: Date): Promise<void> {
  await q.update(authSessions).set({ lastSeenAt: now }).where(eq(authSessions.id, id));
}

export async function listLiveAuthSessions(q: Queryable, userId: string, now: Date) {
  return q
    .select({
      id: authSessions.id,
      userAgent: authSessions.userAgent,
      createdAt: authSessions.createdAt,
      lastSeenAt: authSessions.lastSeenAt,
      expiresAt: authSessions.expiresAt,
    })
    .from(authSessions)
    .where(
      and(
        eq(authSessions.userId, userId),
        isNull(authSessions.revokedAt),
        gt(authSessions.expiresAt, now),
      ),
    )
    .orderBy(desc(authSessions.lastSeenAt));
}

/** Revokes one session of the user; returns false when there was none to revoke. */
export async function revokeAuthSession(
  q: Queryable,
  userId: string,
  id: string,
  now: Date,
): Promise<boolean> {
  const rows = await q
    .update(authSessions)
    .set({ revokedAt: now })
    .where(
      and(eq(authSessions.id, id), eq(authSessions.userId, userId), isNull(authSessions.revokedAt)),
    )
    .returning({ id: authSessions.id });
  return rows.length > 0;
}

/** Revokes every session of the user except `keepId` (null: all of them). */
export async function revokeOtherAuthSessions(
  q: Queryable,
  userId: string,
  keepId: string | null,
  now: Date,
): Promise<void> {
  await q
    .update(authSessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(authSessions.userId, userId),
        isNull(authSessions.revokedAt),
        keepId ? ne(authSessions.id, keepId) : undefined,
      ),
    );
}

const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  scope: apiTokens.scope,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  expiresAt: apiTokens.expiresAt,
};

/** Neither revoked nor past its expiry at `now`. */
const liveToken = (now: Date) =>
  and(isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)));

export async function insertApiToken(
  q: Queryable,
  values: {
    userId: string;
    name: string;
    tokenHash: string;
    scope: 'full' | 'read';
    createdAt: Date;
    expiresAt: Date | null;
  },
) {
  const [row] = await q.insert(apiTokens).values(values).returning(tokenColumns);
  return row!;
}

export async function getLiveApiToken(q: Queryable, tokenHash: string, now: Date) {
  const [row] = await q
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, tokenHash), liveToken(now)));
  return row ?? null;
}

export async function touchApiToken(q: Queryable, id: string, now: Date): Promise<void> {
  await q.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id));
}

export async function listLiveApiTokens(q: Queryable, userId: string, now: Date) {
  return q
    .select(tokenColumns)
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), liveToken(now)))
    .orderBy(desc(apiTokens.createdAt));
}

/** Revokes every live token of the user (a password change); returns how many. */
export async function revokeAllApiTokens(q: Queryable, userId: string, now: Date) {
  const rows = await q
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length;
}

export async function revokeApiToken(
  q: Queryable,
  userId: string,
  id: string,
  now: Date,
): Promise<boolean> {
  const rows = await q
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

export async function replaceCalendarFeed(
  q: Queryable,
  userId: string,
  tokenHash: string,
  now: Date,
) {
  await q
    .insert(calendarFeeds)
    .values({ userId, tokenHash, createdAt: now })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: now } });
}

export async function getCalendarFeedOwner(
  q: Queryable,
  tokenHash: string,
): Promise<string | null> {
  const [row] = await q
    .select({ userId: calendarFeeds.userId })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.tokenHash, tokenHash));
  return row?.userId ?? null;
}

/** When each of these people wants reminding before a session (null: the default). */
export async function reminderMinutesOf(q: Queryable, ids: string[]) {
  return q
    .select({ userId: users.id, reminderMinutes: users.reminderMinutes })
    .from(users)
    .where(inArray(users.id, ids));
}
