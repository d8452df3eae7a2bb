import {
  getLiveApiToken,
  getLiveAuthSession,
  touchApiToken,
  touchAuthSession,
} from '../db/queries/accounts.ts';
import type { ServiceContext } from './context.ts';
import { hashSecret } from './secrets.ts';

export type Authentication =
  | { via: 'session'; userId: string; sessionId: string; csrfToken: string }
  | { via: 'api_token'; userId: string; tokenId: string; scope: 'full' | 'read' };

// Writing last_seen on every request would turn each read into a write.
const TOUCH_INTERVAL_MS = 5 * 60_000;

/** The live session behind a cookie token, or null (unknown, revoked or expired). */
export async function authenticateSessionToken(
  ctx: ServiceContext,
  token: string,
): Promise<Authentication | null> {
  const now = ctx.now();
  const session = await getLiveAuthSession(ctx.db, hashSecret(token), now);
  if (!session) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await touchAuthSession(ctx.db, session.id, now);
  }
  return {
    via: 'session',
    userId: session.userId,
    sessionId: session.id,
    csrfToken: session.csrfToken,
  };
}

export async function authenticateApiToken(
  ctx: ServiceContext,
  token: string,
): Promise<Authentication | null> {
  const now = ctx.now();
  const row = await getLiveApiToken(ctx.db, hashSecret(token), now);
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await touchApiToken(ctx.db, row.id, now);
  }
  return { via: 'api_token', userId: row.userId, tokenId: row.id, scope: row.scope };
}
