import { eq } from 'drizzle-orm';
import type { Queryable } from '../client.ts';
import { orgVideoSettings } from '../schema.ts';

export type VideoSettingsRow = typeof orgVideoSettings.$inferSelect;

export async function getVideoSettings(q: Queryable, orgId: string) {
  const [row] = await q.select().from(orgVideoSettings).where(eq(orgVideoSettings.orgId, orgId));
  return row ?? null;
}

export async function upsertVideoSettings(
  q: Queryable,
  row: Omit<VideoSettingsRow, 'updatedAt'>,
  now: Date,
) {
  const [saved] = await q
    .insert(orgVideoSettings)
    .values({ ...row, updatedAt: now })
    .onConflictDoUpdate({ target: orgVideoSettings.orgId, set: { ...row, updatedAt: now } })
    .returning();
  return saved!;
}
