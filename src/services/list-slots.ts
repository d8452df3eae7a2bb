import {
  type AvailabilityRules,
  computeSlots,
  type Interval,
  nextFreeSlot,
  type OpenSession,
} from '../core/availability.ts';
import { notFound } from '../core/errors.ts';
import type { ProgramMode } from '../core/roles.ts';
import { canSeeSession, canSeeWeeklySlots, type SessionViewer } from '../core/session-rules.ts';
import { offsetSegments } from '../core/zone-offsets.ts';
import { listAvailability } from '../db/queries/availability.ts';
import { listMentorsInOrg } from '../db/queries/programs.ts';
import { listSessions, type SessionListing } from '../db/queries/sessions.ts';
import type { Actor, ServiceContext } from './context.ts';
import { toRules } from './manage-availability.ts';
import { requireViewer } from './manage-sessions.ts';

const DAY_MS = 86_400_000;

/**
 * Splits a mentor's sessions into busy time (every live session, seen or not:
 * the mentor is taken either way) and the open seats this viewer may book.
 */
function busyAndOpen(sessions: SessionListing[], canSee: (s: SessionListing) => boolean) {
  const busy: Interval[] = [];
  const open: (OpenSession & { listing: SessionListing })[] = [];
  for (const s of sessions) {
    if (s.session.status === 'cancelled') continue;
    const startMs = s.session.startsAt.getTime();
    const endMs = s.session.endsAt.getTime();
    busy.push({ startMs, endMs });
    if (s.session.status === 'published' && canSee(s)) {
      const seatsLeft = s.session.capacity - s.enrolled.length;
      open.push({ startMs, endMs, sessionId: s.session.id, seatsLeft, listing: s });
    }
  }
  return { busy, open };
}

function seeWith(viewer: SessionViewer) {
  return (s: SessionListing) =>
    canSeeSession(viewer, {
      mentorId: s.session.mentorId,
      status: s.session.status,
      programId: s.session.programId,
      programMode: s.programMode,
      groupIds: s.groupIds,
      enrolledIds: s.enrolled.map((e) => e.userId),
    });
}

/** The mentor's rules, with no weekly hours for a viewer who may not book them. */
function weeklyRulesFor(
  viewer: SessionViewer,
  mentor: { userId: string; programs: { programId: string; mode: ProgramMode }[] },
  rules: AvailabilityRules,
): AvailabilityRules {
  if (canSeeWeeklySlots(viewer, mentor.userId, mentor.programs)) return rules;
  return { ...rules, weekly: [], overrides: [] };
}

/** Bookable slots of one mentor between `from` and `to`, as this viewer may see them. */
export async function listMentorSlots(
  ctx: ServiceContext,
  actor: Actor,
  orgId: string,
  mentorId: string,
  range: { from: Date; to: Date },
) {
  const { viewer } = await requireViewer(ctx.db, actor, orgId);
  const [mentor] = await listMentorsInOrg(ctx.db, orgId, [mentorId]);
  if (!mentor) throw notFound('Mentor');
  const stored = (await listAvailability(ctx.db, [mentorId])).get(mentorId)!;
  const rules = weeklyRulesFor(viewer, mentor, toRules(stored, mentor.timeZone));
  const sessions = await listSessions(ctx.db, {
    mentorIds: [mentorId],
    from: new Date(range.from.getTime() - DAY_MS),
    to: new Date(range.to.getTime() + DAY_MS),
  });
  const { busy, open } = busyAndOpen(sessions, seeWith(viewer));
  const slots = computeSlots({
    rules,
    busy,
    openSessions: open,
    now: ctx.now().getTime(),
    fromMs: range.from.getTime(),
    toMs: range.to.getTime(),
  });
  const byId = new Map(open.map((o) => [o.sessionId, o.listing]));
  return {
    mentor: { userId: mentor.userId, name: mentor.name, timeZone: rules.timeZone },
    slots: slots.map((slot) => ({
      ...slot,
      listing: slot.sessionId ? byId.get(slot.sessionId) : undefined,
    })),
  };
}

/** Mentors of the organisation with each one's next free slot (directory page). */
export async function listMentors(ctx: ServiceContext, actor: Actor, orgId: string) {
  const { viewer } = await requireViewer(ctx.db, actor, orgId);
  const mentors = await listMentorsInOrg(ctx.db, orgId);
  const ids = mentors.map((m) => m.userId);
  const now = ctx.now().getTime();
  const [availability, sessions] = await Promise.all([
    listAvailability(ctx.db, ids),
    listSessions(ctx.db, { mentorIds: ids, from: new Date(now), to: new Date(now + 366 * DAY_MS) }),
  ]);
  const sessionsOf = new Map<string, SessionListing[]>();
  for (const s of sessions) {
    sessionsOf.set(s.session.mentorId, [...(sessionsOf.get(s.session.mentorId) ?? []), s]);
  }
  // One set of offsets per zone for the whole page.
  const segments = new Map<string, ReturnType<typeof offsetSegments>>();
  const see = seeWith(viewer);
  return mentors.map((m) => {
    const rules = weeklyRulesFor(viewer, m, toRules(availability.get(m.userId)!, m.timeZone));
    if (!segments.has(rules.timeZone)) {
      segments.set(rules.timeZone, offsetSegments(rules.timeZone, now, now + 366 * DAY_MS));
    }
    const { busy, open } = busyAndOpen(sessionsOf.get(m.userId) ?? [], see);
    const next = nextFreeSlot({
      rules,
      busy,
      openSessions: open,
      now,
      segments: segments.get(rules.timeZone)!,
    });
    return {
      ...m,
      nextSlot: next ? { start: new Date(next.startMs), end: new Date(next.endMs) } : null,
    };
  });
}
