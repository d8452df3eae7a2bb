import { createHmac, randomBytes } from 'node:crypto';
import { invalidField } from '../core/errors.ts';
import {
  kindInfo,
  type NotificationKind,
  notificationKinds,
} from '../core/notification-preferences.ts';
import type { Queryable } from '../db/client.ts';
import { getUserById } from '../db/queries/accounts.ts';
import { insertAuditEvent } from '../db/queries/audit.ts';
import { databaseSecret } from '../db/queries/meta.ts';
import { preferencesOf, savePreferences } from '../db/queries/notification-preferences.ts';
import type { ServiceContext } from './context.ts';
import { secretsEqual } from './secrets.ts';

/*
 * One-click unsubscribe (RFC 8058): every email of a kind that can be switched
 * off carries an address that switches off that kind's email for its reader.
 * The address is signed with a secret of the database (HMAC), so it needs no
 * table, works on every instance, and cannot be made for someone else.
 */

const keys = new WeakMap<object, Promise<string>>();

/** What a link switches off: one kind's email, or the daily digest (every kind that waits for it). */
export type UnsubscribeScope = NotificationKind | 'digest';
const scopes: readonly string[] = [...notificationKinds, 'digest'];
const labelOf = (scope: UnsubscribeScope) =>
  scope === 'digest' ? 'The daily summary' : kindInfo[scope].label;

function keyOf(ctx: ServiceContext, q: Queryable = ctx.db): Promise<string> {
  let key = keys.get(ctx.db);
  if (!key) {
    key = databaseSecret(q, 'unsubscribe_key', () => randomBytes(32).toString('base64url'));
    keys.set(ctx.db, key);
    key.catch(() => keys.delete(ctx.db));
  }
  return key;
}

const signature = (key: string, userId: string, kind: string) =>
  createHmac('sha256', key)
    .update(`unsubscribe ${userId} ${kind}`)
    .digest('base64url')
    .slice(0, 32);

/**
 * The one-click address for `kind` emails to `userId` (List-Unsubscribe), or
 * null without a public address. Opened in a browser it leads to the page
 * that asks to confirm: `unsubscribePage`.
 */
export async function unsubscribeUrl(
  ctx: ServiceContext,
  userId: string,
  kind: UnsubscribeScope,
): Promise<string | null> {
  if (!ctx.publicUrl) return null;
  const token = `${userId}.${kind}.${signature(await keyOf(ctx), userId, kind)}`;
  return new URL(`/api/email/unsubscribe/${token}`, ctx.publicUrl).href;
}

/** The web page of a one-click address, for the link in an email's footer. */
export const unsubscribePage = (oneClick: string) =>
  oneClick.replace('/api/email/unsubscribe/', '/unsubscribe/');

/** Whose and which kind's address this is; a 400 naming the token if it is not one of ours. */
async function readToken(ctx: ServiceContext, token: string) {
  const [userId, kind, mac] = token.split('.');
  const known = scopes.includes(kind ?? '');
  if (!userId || !known || !mac || !secretsEqual(mac, signature(await keyOf(ctx), userId, kind!))) {
    throw invalidField('params.token', 'is not an unsubscribe link of this Confer');
  }
  return { userId, kind: kind as UnsubscribeScope };
}

/** What an unsubscribe link would switch off, for the page that asks to confirm. */
export async function describeUnsubscribe(ctx: ServiceContext, token: string) {
  const { kind } = await readToken(ctx, token);
  return { kind, label: labelOf(kind) };
}

/**
 * Switches off email of the link's kind for its reader (the app keeps showing
 * it as they chose); saying it twice changes nothing. Recorded in the audit.
 */
export async function unsubscribe(ctx: ServiceContext, token: string) {
  const { userId, kind } = await readToken(ctx, token);
  await ctx.db.transaction(async (tx) => {
    // An account closed since the email was sent has nothing left to switch off.
    if (!(await getUserById(tx, userId))) return;
    const chosen = (await preferencesOf(tx, [userId])).get(userId) ?? new Map();
    // The digest's link stops every kind that waits for it; a kind's link, that kind.
    const stopped =
      kind === 'digest'
        ? notificationKinds.filter((k) => chosen.get(k)?.email === 'daily')
        : [kind];
    await savePreferences(
      tx,
      userId,
      stopped.map((k) => ({ kind: k, inApp: chosen.get(k)?.inApp ?? true, email: 'off' as const })),
      ctx.now(),
    );
    await insertAuditEvent(tx, {
      orgId: null,
      actorId: userId,
      action: 'notification_preferences.unsubscribe',
      subjectType: 'user',
      subjectId: userId,
      details: { kind, via: 'email link' },
    });
  });
  return { kind, label: labelOf(kind) };
}
