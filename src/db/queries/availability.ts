import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AvailabilityRules } from '../../core/availability.ts';
import type { Queryable } from '../client.ts';
import { availabilityOverrides, availabilitySettings, users, weeklyHours } from '../schema.ts';

export type SettingsRow = Omit<typeof availabilitySettings.$inferSelect, 'updatedAt'>;
export type WeeklyRow = { weekday: number; startMinute: number; endMinute: number };
export type OverrideRow = { date: string; ranges: { start: number; end: number }[] };

export type StoredAvailability = {
  settings: SettingsRow | null;
  weekly: WeeklyRow[];
  overrides: OverrideRow[];
};

/** Schedules of several mentors at once (directory pages). */
/** Schedules of several mentors at once (directory pages), in one round trip. */
export async function listAvailability(
  q: Queryable,
  userIds: string[],
): Promise<Map<string, StoredAvailability>> {
  const result = new Map<string, StoredAvailability>(
    userIds.map((id) => [id, { settings: null, weekly: [], overrides: [] }]),
  );
  if (userIds.length === 0) return result;
  // Qualified by hand: Drizzle writes a bare "id" in a select, which inside these
  // subqueries would mean weekly_hours.id.
  const userRef = sql.raw('"users"."id"');
  const rows = await q
    .select({
      userId: users.id,
      settings: sql<StoredAvailability['settings']>`(
        select json_build_object(
          'userId', s.user_id, 'timeZone', s.time_zone, 'slotLengths', s.slot_lengths,
          'bufferBeforeMinutes', s.buffer_before_minutes, 'bufferAfterMinutes', s.buffer_after_minutes,
          'minimumNoticeMinutes', s.minimum_notice_minutes, 'horizonDays', s.horizon_days,
          'autoApprove', s.auto_approve)
        from ${availabilitySettings} s where s.user_id = ${userRef})`,
      weekly: sql<WeeklyRow[]>`coalesce((
        select json_agg(json_build_object('weekday', w.weekday, 'startMinute', w.start_minute, 'endMinute', w.end_minute)
          order by w.weekday, w.start_minute)
        from ${weeklyHours} w where w.user_id = ${userRef}), '[]'::json)`,
      overrides: sql<OverrideRow[]>`coalesce((
        select json_agg(json_build_object('date', o.date, 'ranges', o.ranges) order by o.date)
        from ${availabilityOverrides} o where o.user_id = ${userRef}), '[]'::json)`,
    })
    .from(users)
    .where(inArray(users.id, userIds));
  for (const r of rows)
    result.set(r.userId, { settings: r.settings, weekly: r.weekly, overrides: r.overrides });
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

/** What a mentor who never saved availability settings gets. */
const DEFAULT_SETTINGS = {
  slotLengths: [30],
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minimumNoticeMinutes: 12 * 60,
  horizonDays: 60,
} as const;

/** Stored rows → the core's rules; a mentor who never saved gets defaults in their profile zone. */
export function toRules(stored: StoredAvailability, profileTimeZone: string): AvailabilityRules {
  const s = stored.settings;
  return {
    timeZone: s?.timeZone ?? profileTimeZone,
    slotLengths: s?.slotLengths ?? [...DEFAULT_SETTINGS.slotLengths],
    bufferBeforeMinutes: s?.bufferBeforeMinutes ?? DEFAULT_SETTINGS.bufferBeforeMinutes,
    bufferAfterMinutes: s?.bufferAfterMinutes ?? DEFAULT_SETTINGS.bufferAfterMinutes,
    minimumNoticeMinutes: s?.minimumNoticeMinutes ?? DEFAULT_SETTINGS.minimumNoticeMinutes,
    horizonDays: s?.horizonDays ?? DEFAULT_SETTINGS.horizonDays,
    weekly: stored.weekly.map((w) => ({
      weekday: w.weekday,
      start: w.startMinute,
      end: w.endMinute,
    })),
    overrides: stored.overrides,
  };
}
