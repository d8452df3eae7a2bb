import { getReputations, refreshMentorStats } from '../db/queries/bookings.ts';
import type { ServiceContext } from './context.ts';

export type Reputation = {
  approvalRate: number | null;
  medianResponseMinutes: number | null;
  decided: number;
};

const WINDOW_DAYS = 90;

/**
 * Approval rate (approved ÷ approved, rejected and expired) and median time
 * to the mentor's first answer, over bookings made in the last 90 days (seed 004).
 */
export async function reputationsOf(
  ctx: ServiceContext,
  mentorIds: string[],
): Promise<Map<string, Reputation>> {
  const since = new Date(ctx.now().getTime() - WINDOW_DAYS * 86_400_000);
  const raw = await getReputations(ctx.db, mentorIds, since);
  return new Map(
    mentorIds.map((id) => {
      const r = raw.get(id);
      return [
        id,
        {
          approvalRate: r && r.decided > 0 ? r.approved / r.decided : null,
          medianResponseMinutes:
            r?.medianResponseMinutes == null ? null : Math.round(r.medianResponseMinutes),
          decided: r?.decided ?? 0,
        },
      ];
    }),
  );
}

/**
 * Stores every mentor's current figures for the directory's ranking (the
 * worker runs this every few minutes; badges are computed on the spot).
 */
export function refreshReputations(ctx: ServiceContext) {
  const now = ctx.now();
  return refreshMentorStats(ctx.db, new Date(now.getTime() - WINDOW_DAYS * 86_400_000), now);
}
