import type { AvailabilityRules, TimeRange, WeeklyRange } from '../core/availability.ts';
import { notFound } from '../core/errors.ts';
import { getUserById } from '../db/queries/accounts.ts';
import { insertAuditEvent } from '../db/queries/audit.ts';
import {
  deleteOverride,
  getAvailability,
  replaceWeeklyHours,
  saveAvailabilitySettings,
  toRules,
  upsertOverride,
} from '../db/queries/availability.ts';
import { announceMentorTimes } from '../db/queries/live-events.ts';
import type { Actor, ServiceContext } from './context.ts';

export type AvailabilitySettingsInput = Omit<AvailabilityRules, 'weekly' | 'overrides'> & {
  /** approve new bookings at once (seed 004) */
  autoApprove: boolean;
};
export type MyAvailability = AvailabilityRules & { autoApprove: boolean };

export async function requireMyAvailability(
  ctx: ServiceContext,
  actor: Actor,
): Promise<MyAvailability> {
  const user = await getUserById(ctx.db, actor.userId);
  if (!user) throw notFound('User');
  const stored = await getAvailability(ctx.db, actor.userId);
  return { ...toRules(stored, user.timeZone), autoApprove: stored.settings?.autoApprove ?? false };
}

/** Replaces the weekly hours and settings in one transaction; overrides stay. */
export async function saveMyAvailability(
  ctx: ServiceContext,
  actor: Actor,
  input: AvailabilitySettingsInput & { weekly: WeeklyRange[] },
) {
  const { weekly, ...settings } = input;
  await ctx.db.transaction(async (tx) => {
    await saveAvailabilitySettings(tx, {
      userId: actor.userId,
      ...settings,
      slotLengths: [...new Set(settings.slotLengths)].sort((a, b) => a - b),
      updatedAt: ctx.now(),
    });
    await replaceWeeklyHours(
      tx,
      actor.userId,
      weekly.map((w) => ({ weekday: w.weekday, startMinute: w.start, endMinute: w.end })),
    );
    await announceMentorTimes(tx, actor.userId);
    await insertAuditEvent(tx, {
      orgId: null,
      actorId: actor.userId,
      action: 'availability.updated',
      subjectType: 'user',
      subjectId: actor.userId,
      details: { weeklyRanges: weekly.length, ...settings },
    });
  });
  return requireMyAvailability(ctx, actor);
}

export async function setDateOverride(
  ctx: ServiceContext,
  actor: Actor,
  date: string,
  ranges: TimeRange[],
) {
  await ctx.db.transaction(async (tx) => {
    await upsertOverride(tx, actor.userId, { date, ranges });
    await announceMentorTimes(tx, actor.userId);
    await insertAuditEvent(tx, {
      orgId: null,
      actorId: actor.userId,
      action: ranges.length ? 'availability.override_set' : 'availability.day_off_set',
      subjectType: 'user',
      subjectId: actor.userId,
      details: { date, ranges },
    });
  });
  return requireMyAvailability(ctx, actor);
}

export async function removeDateOverride(ctx: ServiceContext, actor: Actor, date: string) {
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteOverride(tx, actor.userId, date))) throw notFound('Override');
    await announceMentorTimes(tx, actor.userId);
    await insertAuditEvent(tx, {
      orgId: null,
      actorId: actor.userId,
      action: 'availability.override_removed',
      subjectType: 'user',
      subjectId: actor.userId,
      details: { date },
    });
  });
}
