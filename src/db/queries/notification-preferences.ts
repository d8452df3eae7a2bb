import { inArray, sql } from 'drizzle-orm';
import type { NotificationKind, Preference } from '../../core/notification-preferences.ts';
import type { Queryable } from '../client.ts';
import { notificationPreferences } from '../schema.ts';

export type ChosenPreferences = Map<NotificationKind, Preference>;

/** What each of these people chose, by kind (kinds left at the default are absent). */
export async function preferencesOf(
  q: Queryable,
  userIds: string[],
): Promise<Map<string, ChosenPreferences>> {
  const byUser = new Map<string, ChosenPreferences>();
  if (userIds.length === 0) return byUser;
  const rows = await q
    .select()
    .from(notificationPreferences)
    .where(inArray(notificationPreferences.userId, userIds));
  for (const r of rows) {
    const chosen = byUser.get(r.userId) ?? new Map();
    chosen.set(r.kind, { inApp: r.inApp, email: r.email });
    byUser.set(r.userId, chosen);
  }
  return byUser;
}

/** Saves someone's choices for the given kinds (others stay as they were). */
export async function savePreferences(
  q: Queryable,
  userId: string,
  choices: (Preference & { kind: NotificationKind })[],
  now: Date,
) {
  if (choices.length === 0) return;
  await q
    .insert(notificationPreferences)
    .values(choices.map((c) => ({ userId, ...c, updatedAt: now })))
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: {
        inApp: sql`excluded.in_app`,
        email: sql`excluded.email`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
}

/** How someone chose to be emailed about one kind (undefined: the default). */
export async function emailChoiceOf(q: Queryable, userId: string, kind: NotificationKind) {
  return (await preferencesOf(q, [userId])).get(userId)?.get(kind)?.email;
}
