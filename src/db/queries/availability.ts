import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../client.ts';
import { availabilityOverrides, availabilitySettings, weeklyHours } from '../schema.ts';

export type SettingsRow = typeof availabilitySettings.$inferSelect;
export type WeeklyRow = { weekday: number; startMinute: number; endMinute: number };
export type OverrideRow = { date: string; ranges: { start: number; end: number }[] };

export type StoredAvailability = {
  settings: SettingsRow | null;
  weekly: WeeklyRow[];
  overrides: OverrideRow[];
};

/** Schedules of several mentors at once (directory pages). */
export async function listAvailability(
  q: Queryable,
  userIds: string[],
): Promise<Map<string, StoredAvailability>> {
  const result = new Map<string, StoredAvailability>(
    userIds.map((id) => [id, { settings: null, weekly: [], overrides: [] }]),
  );
  if (userIds.length === 0) return result;
  // One after another: inside a transaction these share one connection.
  const settings = await q
    .select()
    .from(availabilitySettings)
    .where(inArray(availabilitySettings.userId, userIds));
  const weekly = await q
    .select()
    .from(weeklyHours)
    .where(inArray(weeklyHours.userId, userIds))
    .orderBy(asc(weeklyHours.weekday), asc(weeklyHours.startMinute));
  const overrides = await q
    .select()
    .from(availabilityOverrides)
    .where(inArray(availabilityOverrides.userId, userIds))
    .orderBy(asc(availabilityOverrides.date));
  for (const s of settings) result.get(s.userId)!.settings = s;
  for (const w of weekly) result.get(w.userId)!.weekly.push(w);
  for (const o of overrides)
    result.get(o.userId)!.overrides.push({ date: o.date, ranges: o.ranges });
  return result;
}

export async function getAvailability(q: Queryable, userId: string): Promise<StoredAvailability> {
  return (await listAvailability(q, [userId])).get(userId)!;
}

export async function saveAvailabilitySettings(
  q: Queryable,
  values: Omit<typeof availabilitySettings.$inferInsert, 'updatedAt'> & { updatedAt: Date },
) {
  const { userId, ...rest } = values;
  await q
    .insert(availabilitySettings)
    .values(values)
    .onConflictDoUpdate({ target: availabilitySettings.userId, set: rest });
}

/** Replaces all weekly hours of the user. */
export async function replaceWeeklyHours(q: Queryable, userId: string, rows: WeeklyRow[]) {
  await q.delete(weeklyHours).where(eq(weeklyHours.userId, userId));
  if (rows.length > 0) await q.insert(weeklyHours).values(rows.map((r) => ({ userId, ...r })));
}

export async function upsertOverride(q: Queryable, userId: string, override: OverrideRow) {
  await q
    .insert(availabilityOverrides)
    .values({ userId, ...override })
    .onConflictDoUpdate({
      target: [availabilityOverrides.userId, availabilityOverrides.date],
      set: { ranges: override.ranges },
    });
}

export async function deleteOverride(q: Queryable, userId: string, date: string): Promise<boolean> {
  const rows = await q
    .delete(availabilityOverrides)
    .where(and(eq(availabilityOverrides.userId, userId), eq(availabilityOverrides.date, date)))
    .returning({ date: availabilityOverrides.date });
  return rows.length > 0;
}
