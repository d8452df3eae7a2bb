import { invalidField } from '../core/errors.ts';
import {
  kindInfo,
  type NotificationKind,
  type Preference,
  preferenceProblem,
  withDefaults,
} from '../core/notification-preferences.ts';
import { DEFAULT_REMINDER_MINUTES, reminderProblem } from '../core/session-reminders.ts';
import type { Queryable } from '../db/client.ts';
import { getUserById, updateUser } from '../db/queries/accounts.ts';
import { insertAuditEvent } from '../db/queries/audit.ts';
import { preferencesOf, savePreferences } from '../db/queries/notification-preferences.ts';
import type { Actor, ServiceContext } from './context.ts';

export type PreferencesInput = {
  kinds?: (Preference & { kind: NotificationKind })[] | undefined;
  reminderMinutes?: number[] | undefined;
};

async function preferencesView(q: Queryable, userId: string) {
  const [chosen, user] = [
    (await preferencesOf(q, [userId])).get(userId),
    await getUserById(q, userId),
  ];
  return {
    kinds: withDefaults(chosen ?? new Map()).map((p) => ({ ...p, ...kindInfo[p.kind] })),
    reminderMinutes: [...(user?.reminderMinutes ?? DEFAULT_REMINDER_MINUTES)],
  };
}

/** What the signed-in person receives, every kind listed with its choice. */
export async function getMyPreferences(ctx: ServiceContext, actor: Actor) {
  return preferencesView(ctx.db, actor.userId);
}

/** Saves the person's choices (the kinds given, and reminder times if given); audited. */
export async function saveMyPreferences(
  ctx: ServiceContext,
  actor: Actor,
  input: PreferencesInput,
) {
  const kinds = input.kinds ?? [];
  kinds.forEach((k, i) => {
    const problem = preferenceProblem(k.kind, k);
    if (problem) throw invalidField(`body.kinds.${i}.email`, problem);
  });
  if (new Set(kinds.map((k) => k.kind)).size !== kinds.length) {
    throw invalidField('body.kinds', 'lists a kind twice');
  }
  if (input.reminderMinutes) {
    const problem = reminderProblem(input.reminderMinutes);
    if (problem) throw invalidField('body.reminderMinutes', problem);
  }
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    await savePreferences(tx, actor.userId, kinds, now);
    if (input.reminderMinutes) {
      const minutes = [...new Set(input.reminderMinutes)].sort((a, b) => b - a);
      await updateUser(tx, actor.userId, { reminderMinutes: minutes }, now);
    }
    await insertAuditEvent(tx, {
      orgId: null,
      actorId: actor.userId,
      action: 'notification_preferences.save',
      subjectType: 'user',
      subjectId: actor.userId,
      details: {
        kinds,
        ...(input.reminderMinutes ? { reminderMinutes: input.reminderMinutes } : {}),
      },
    });
    return preferencesView(tx, actor.userId);
  });
}
