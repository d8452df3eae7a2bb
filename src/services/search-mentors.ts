import { compareMentors, searchWords } from '../core/mentor-search.ts';
import { searchMentorsInOrg } from '../db/queries/mentor-search.ts';
import type { Actor, ServiceContext } from './context.ts';
import { withNextFreeSlots } from './list-slots.ts';
import { requireViewer } from './manage-sessions.ts';
import { reputationsOf } from './reputation.ts';

const WEEK_MS = 7 * 86_400_000;

/**
 * With "free this week" the filter runs on slots computed after the query's
 * limit, so this many times the page is fetched to still fill it when some
 * candidates have no time this week.
 */
const FREE_THIS_WEEK_OVERFETCH = 4;

export type MentorDirectoryQuery = {
  /** Free text: names, skills, bio, goals, location; every word a prefix. */
  q?: string | undefined;
  /** Only mentors whose next free slot starts within 7 days. */
  freeThisWeek: boolean;
  limit: number;
};

/**
 * The mentor directory: the organisation's mentors this viewer may book (an
 * admin: all) matching the search, each
 * with the next slot this viewer could book and their reputation, most
 * relevant first, then the better responders (core `compareMentors`).
 *
 * Only the candidates the query returns (the page, or 4 pages with "free this
 * week") get slots and reputation computed, never the whole organisation. The
 * query picks them by relevance and the responsiveness the worker stores
 * (`mentor_stats`, at most ten minutes old); the page is then ordered by the
 * figures computed now, which its badges show.
 */
export async function searchMentors(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  query: MentorDirectoryQuery,
) {
  const { viewer } = await requireViewer(ctx.db, actor, orgId);
  const now = ctx.now();
  const candidates = await searchMentorsInOrg(ctx.db, orgId, {
    words: searchWords(query.q ?? ''),
    limit: query.freeThisWeek ? query.limit * FREE_THIS_WEEK_OVERFETCH : query.limit,
    viewer,
  });
  const withSlots = await withNextFreeSlots(ctx.db, viewer, candidates, now);
  const weekEnd = now.getTime() + WEEK_MS;
  const kept = query.freeThisWeek
    ? withSlots.filter((m) => m.nextSlot && m.nextSlot.start.getTime() < weekEnd)
    : withSlots;
  const reputations = await reputationsOf(
    ctx,
    kept.map((m) => m.userId),
  );
  return kept
    .map((m) => ({ ...m, reputation: reputations.get(m.userId)! }))
    .sort(compareMentors)
    .slice(0, query.limit);
}
